"""SVG to PNG or PDF, for people who need a picture or a printable page.

Uses ``vl-convert-python`` (BSD-3-Clause, kept by the Vega project): its wheels carry the
resvg renderer and svg2pdf for every common platform, so no system library (cairo, rsvg) is
needed, and it embeds the DejaVu Sans glyphs the drawings are measured with when the font is
installed. It is imported only when a conversion is asked for.
"""

from __future__ import annotations

from typing import Final

from ..exceptions import OutputError

__all__ = ["FORMATS", "convert_svg"]

FORMATS: Final = ("png", "pdf")
PNG_SCALE: Final = 2.0
"""PNG pixels per SVG user unit: sharp enough for a projector or a printed page."""


def convert_svg(svg: str, fmt: str) -> bytes:
    """Convert SVG text to ``png`` (at :data:`PNG_SCALE`) or ``pdf`` bytes.

    Raises:
        OutputError: when the format is unknown, the converter is missing or fails.
    """
    if fmt not in FORMATS:
        raise OutputError(f"unknown output format {fmt!r}; allowed: svg, {', '.join(FORMATS)}")
    try:
        import vl_convert
    except ImportError as err:  # pragma: no cover - a declared dependency
        raise OutputError("PNG/PDF output needs the vl-convert-python package "
                          "(pip install vl-convert-python)") from err
    try:
        if fmt == "png":
            data: bytes = vl_convert.svg_to_png(svg, scale=PNG_SCALE)
        else:
            data = vl_convert.svg_to_pdf(svg)
    except (ValueError, RuntimeError) as err:
        first = (str(err).strip().splitlines() or ["unknown error"])[0]
        raise OutputError(f"could not convert the drawing to {fmt}: {first}") from err
    return data
