"""PNG and PDF conversion: the PNG size is capped, a giant drawing is refused, not painted."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

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


_FONT_FOLDERS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
                 Path.home() / ".local/share/fonts", Path.home() / ".fonts")


def _fonts(pattern: str) -> list[Path]:
    return [f for folder in _FONT_FOLDERS if folder.is_dir() for f in folder.rglob(pattern)]


needs_cjk_font = pytest.mark.skipif(
    not _fonts("*CJK*") and not _fonts("*cjk*"),
    reason="no CJK font installed (apt-get install fonts-noto-cjk; .ci/run does it as root)")


def _text_svg(text: str) -> str:
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="60" height="30" viewBox="0 0 60 30">'
            '<style>text{font-family:DejaVu Sans, sans-serif}</style>'
            f'<text x="4" y="22" font-size="20">{text}</text></svg>')


@pytest.mark.parametrize(("text", "first"), [
    ("王伟", "Noto Sans CJK SC"),
    ("さとう はなこ", "Noto Sans CJK JP"),
    ("佐藤はなこ", "Noto Sans CJK JP"),
    ("김민준", "Noto Sans CJK KR"),
])
def test_cjk_text_asks_for_a_cjk_sans_face_in_its_regional_forms(text: str, first: str) -> None:
    svg = convert.with_cjk_fonts(_text_svg(text))
    assert f'style="font-family:{first}, ' in svg
    assert svg.count("style=") == 1 and svg.endswith(f">{text}</text></svg>")


@pytest.mark.parametrize("svg", [
    _text_svg("Zoë Đorđević"),
    _text_svg("Ahmed أحمد"),
    _text_svg("王伟").replace("<text ", '<text style="fill:red" '),
])
def test_other_text_keeps_the_drawings_fonts(svg: str) -> None:
    assert convert.with_cjk_fonts(svg) == svg


@needs_cjk_font
def test_cjk_names_are_drawn_with_their_glyphs_not_empty_boxes() -> None:
    # Characters no font has are all drawn as the same empty box: two different CJK
    # characters come out the same only when there is no glyph for them.
    missing = [convert_svg(_text_svg(ch), "png") for ch in ("\U000f0000", "\U000f0001")]
    assert missing[0] == missing[1], "unassigned code points should both be boxes"
    drawn = [convert_svg(_text_svg(ch), "png") for ch in ("王", "伟", "김", "は")]
    assert len(set(drawn)) == 4
    assert missing[0] not in drawn


@pytest.mark.skipif(not _fonts("NotoSansCJK*"), reason="Noto Sans CJK is not installed "
                    "(apt-get install fonts-noto-cjk; .ci/run does it as root)")
def test_a_pdf_embeds_noto_sans_cjk_for_cjk_names() -> None:
    assert b"+NotoSansCJKsc-Regular" in convert_svg(_text_svg("王伟"), "pdf")
    assert b"+NotoSansCJKkr-Regular" in convert_svg(_text_svg("김민준"), "pdf")


def test_extra_font_folders_are_registered_once(monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    seen: list[str] = []
    monkeypatch.setattr(convert, "_registered", set())
    monkeypatch.setenv(convert.FONT_DIRS_VARIABLE,
                       os.pathsep.join([str(tmp_path), str(tmp_path / "missing"), ""]))

    class Converter:
        @staticmethod
        def register_font_directory(folder: str) -> None:
            seen.append(folder)

    convert._register_font_dirs(Converter)
    convert._register_font_dirs(Converter)
    assert seen == [str(tmp_path)]


_TWO_PROCESSES = """
import sys
from systeemkaart.render.convert import convert_svg
sys.stdout.buffer.write(convert_svg(sys.stdin.read(), "pdf"))
"""


def test_pdf_bytes_are_the_same_in_separate_processes() -> None:
    svg = _text_svg("Anna <tspan font-weight='bold'>Bold</tspan> 王伟 김민준 ✓")
    svg = svg.replace("</svg>", '<text x="4" y="10" font-weight="bold">Kop</text>'
                                '<text x="4" y="28" font-style="italic">Noot</text></svg>')
    runs = [subprocess.run([sys.executable, "-c", _TWO_PROCESSES], input=svg.encode(),
                           capture_output=True, check=True).stdout for _ in range(3)]
    assert runs[0].startswith(b"%PDF-")
    assert runs[0] == runs[1] == runs[2]
