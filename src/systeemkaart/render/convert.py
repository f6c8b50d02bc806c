"""SVG to PNG or PDF, for people who need a picture or a printable page.

Uses ``vl-convert-python`` (BSD-3-Clause, kept by the Vega project): its wheels carry the
resvg renderer and svg2pdf for every common platform, so no system library (cairo, rsvg) is
needed, and it embeds the DejaVu Sans glyphs the drawings are measured with when the font is
installed. It is imported only when a conversion is asked for.
"""

from __future__ import annotations

import math
import re
from typing import Final

from ..exceptions import OutputError

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
    try:
        if fmt == "png":
            data: bytes = vl_convert.svg_to_png(svg, scale=scale)
        else:
            data = vl_convert.svg_to_pdf(svg)
    except (ValueError, RuntimeError) as err:
        first = (str(err).strip().splitlines() or ["unknown error"])[0]
        raise OutputError(f"could not convert the drawing to {fmt}: {first}") from err
    return data
