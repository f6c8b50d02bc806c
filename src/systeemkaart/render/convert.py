"""SVG to PNG or PDF, for people who need a picture or a printable page.

Uses ``vl-convert-python`` (BSD-3-Clause, kept by the Vega project): its wheels carry the
resvg renderer and svg2pdf for every common platform, so no system library (cairo, rsvg) is
needed, and it embeds the DejaVu Sans glyphs the drawings are measured with when the font is
installed. It is imported only when a conversion is asked for.

Names in any script: the converter reads the fonts installed on the system (and those in the
folders named by ``SYSTEEMKAART_FONT_DIRS``), and a character DejaVu Sans lacks is taken
from the first of them that has it. For Chinese, Japanese and Korean text that could be a
serif face, so such text asks for Noto Sans CJK first (``apt-get install fonts-noto-cjk``):
kana put the Japanese forms first, hangul the Korean, other Han characters the simplified
Chinese. Without any such font the characters show as empty boxes.

A PDF is rewritten into a fixed object order (:mod:`.pdf_order`), so that the same drawing
gives the same bytes.
"""

from __future__ import annotations

import math
import os
import re
from typing import Any, Final

from ..exceptions import OutputError
from ..text.measure import FONT_FAMILY
from .pdf_order import canonical_pdf

__all__ = ["FORMATS", "MAX_PIXELS", "MAX_SIDE", "convert_svg", "png_scale"]

FORMATS: Final = ("png", "pdf")
PNG_SCALE: Final = 2.0
"""PNG pixels per SVG user unit: sharp enough for a projector or a printed page."""
MAX_PIXELS: Final = 40_000_000
"""The largest PNG made, in pixels: 160 MB while it is painted (4 bytes a pixel)."""
MAX_SIDE: Final = 32_767
"""The longest side of a PNG in pixels (beyond it many viewers and libraries give up)."""
MIN_SCALE: Final = 0.5
"""Below this many pixels per user unit the names (11 units high) cannot be read, so a
drawing that would need less is refused as PNG instead of scaled down."""

FONT_DIRS_VARIABLE: Final = "SYSTEEMKAART_FONT_DIRS"
"""The environment variable naming extra font folders (separated like ``PATH``)."""
_CJK: Final = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u9fff\ua960-\ua97f\uac00-\ud7ff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]")
_KANA: Final = re.compile("[\u3040-\u30ff\u31f0-\u31ff]")
_HANGUL: Final = re.compile("[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7ff]")
_TEXT: Final = re.compile(r"<text\b([^>]*)>([^<]*)</text>")
_registered: set[str] = set()

_SIZE: Final = re.compile(r'<svg\b[^>]*?\swidth="([0-9.]+)"[^>]*?\sheight="([0-9.]+)"')


def png_scale(width: float, height: float) -> float:
    """The pixels per user unit for a PNG of a ``width`` x ``height`` drawing:
    :data:`PNG_SCALE`, or less so that the picture stays within :data:`MAX_PIXELS` and
    :data:`MAX_SIDE`.

    Raises:
        OutputError: when that would be below :data:`MIN_SCALE` (the text unreadable).
    """
    scale = PNG_SCALE
    if width > 0 and height > 0:
        scale = min(scale, math.sqrt(MAX_PIXELS / (width * height)), MAX_SIDE / width,
                    MAX_SIDE / height)
    if scale < MIN_SCALE:
        raise OutputError(f"the drawing is too large for PNG ({width:,.0f} x {height:,.0f} "
                          "units); use SVG or PDF")
    return scale


def cjk_families(text: str) -> str:
    """The font families for ``text`` holding Chinese, Japanese or Korean characters: Noto
    Sans CJK in the regional forms its characters suggest, then the drawing's own."""
    regions = ["SC", "TC", "JP", "KR", "HK"]
    if _KANA.search(text):
        regions.remove("JP")
        regions.insert(0, "JP")
    elif _HANGUL.search(text):
        regions.remove("KR")
        regions.insert(0, "KR")
    return ", ".join([f"Noto Sans CJK {region}" for region in regions] + [FONT_FAMILY])


def with_cjk_fonts(svg: str) -> str:
    """``svg`` with each text element holding CJK characters set in Noto Sans CJK (an
    inline style, which outranks the drawing's style sheet); other text is unchanged."""
    if _CJK.search(svg) is None:
        return svg

    def restyle(match: re.Match[str]) -> str:
        attributes, text = match.groups()
        if _CJK.search(text) is None or "style=" in attributes:
            return match[0]
        return f'<text{attributes} style="font-family:{cjk_families(text)}">{text}</text>'

    return _TEXT.sub(restyle, svg)


def _register_font_dirs(converter: Any) -> None:
    """Give the converter the font folders named in :data:`FONT_DIRS_VARIABLE` (once each
    per process; a folder that does not exist is passed over)."""
    for folder in os.environ.get(FONT_DIRS_VARIABLE, "").split(os.pathsep):
        if folder and folder not in _registered and os.path.isdir(folder):
            _registered.add(folder)
            converter.register_font_directory(os.path.abspath(folder))


def convert_svg(svg: str, fmt: str) -> bytes:
    """Convert SVG text to ``png`` or ``pdf`` bytes.

    A PNG is made at :data:`PNG_SCALE` pixels per unit, scaled down to stay within
    :data:`MAX_PIXELS` (so memory stays bounded), or refused when even that would make the
    text unreadable (see :func:`png_scale`).

    Raises:
        OutputError: when the format is unknown, the converter is missing or fails, or the
            drawing is too large for a PNG.
    """
    if fmt not in FORMATS:
        raise OutputError(f"unknown output format {fmt!r}; allowed: svg, {', '.join(FORMATS)}")
    scale = PNG_SCALE
    if fmt == "png":
        size = _SIZE.search(svg[:4096])
        if size is not None:
            scale = png_scale(float(size.group(1)), float(size.group(2)))
    try:
        import vl_convert
    except ImportError as err:  # pragma: no cover - a declared dependency
        raise OutputError("PNG/PDF output needs the vl-convert-python package "
                          "(pip install vl-convert-python)") from err
    _register_font_dirs(vl_convert)
    svg = with_cjk_fonts(svg)
    try:
        if fmt == "png":
            data: bytes = vl_convert.svg_to_png(svg, scale=scale)
        else:
            data = canonical_pdf(vl_convert.svg_to_pdf(svg))
    except (ValueError, RuntimeError) as err:
        first = (str(err).strip().splitlines() or ["unknown error"])[0]
        raise OutputError(f"could not convert the drawing to {fmt}: {first}") from err
    return data
