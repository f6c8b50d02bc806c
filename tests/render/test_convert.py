"""PNG and PDF conversion: the PNG size is capped, a giant drawing is refused, not painted."""

from __future__ import annotations

import struct

import pytest

from systeemkaart.exceptions import OutputError
from systeemkaart.render import convert
from systeemkaart.render.convert import PNG_SCALE, convert_svg, png_scale


def _svg(width: int, height: int) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}"><rect x="1" y="1" width="10" height="10"/></svg>')


def _png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_a_normal_drawing_keeps_its_scale() -> None:
    assert _png_size(convert_svg(_svg(300, 200), "png")) == (300 * PNG_SCALE, 200 * PNG_SCALE)


def test_a_large_drawing_is_scaled_into_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert, "MAX_PIXELS", 1_000_000)
    width, height = _png_size(convert_svg(_svg(2000, 1000), "png"))
    assert width * height <= 1_000_000
    assert width > 1000 and abs(width / height - 2) < 0.01


@pytest.mark.parametrize(("width", "height"), [(187_428 // 2, 10_132 // 2), (70_000, 100),
                                               (40_000, 40_000)])
def test_a_giant_drawing_is_refused_before_painting(width: int, height: int) -> None:
    with pytest.raises(OutputError) as info:
        png_scale(width, height)
    assert str(info.value) == (f"the drawing is too large for PNG ({width:,} x {height:,} "
                               "units); use SVG or PDF")


def test_the_longest_side_is_capped() -> None:
    scale = png_scale(30_000, 100)
    assert 30_000 * scale <= convert.MAX_SIDE
    assert scale < PNG_SCALE


def test_png_bytes_are_reproducible() -> None:
    svg = _svg(120, 80)
    assert convert_svg(svg, "png") == convert_svg(svg, "png")
