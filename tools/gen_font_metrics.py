"""Generate src/systeemkaart/text/_metrics.py from DejaVu Sans (run once, output checked in).

Usage (the regular and the bold font; `apt-get install fonts-dejavu-core`, `pip install fonttools`):

    python tools/gen_font_metrics.py /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
        /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf

Needs fontTools (not a runtime dependency). Stores advance widths in 1/1000 em for the
printable Latin-1 and Latin Extended-A characters, plus kerning-free defaults.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools.ttLib import TTFont


def main(font_path: str, bold_path: str) -> None:
    out = Path(__file__).resolve().parents[1] / "src/systeemkaart/text/_metrics.py"
    tables = {}
    for label, path in (("REGULAR", font_path), ("BOLD", bold_path)):
        font = TTFont(path)
        upm = font["head"].unitsPerEm
        cmap = font.getBestCmap()
        hmtx = font["hmtx"]
        widths = {}
        for code in list(range(0x20, 0x7F)) + list(range(0xA0, 0x180)) + [0x2013, 0x2014, 0x2019,
                                                                           0x201C, 0x201D, 0x2026,
                                                                           0x2020, 0x2715, 0x25B3]:
            glyph = cmap.get(code)
            if glyph is not None:
                widths[code] = round(hmtx[glyph][0] * 1000 / upm)
        tables[label] = widths
    lines = [
        '"""Advance widths of DejaVu Sans (regular and bold) in 1/1000 em.',
        "",
        "Generated; do not edit by hand. Made by this exact command:",
        "",
        "    python tools/gen_font_metrics.py /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \\\\",
        "        /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        '"""',
        "",
        "from typing import Final",
        "",
        'FONT_FAMILY: Final = "DejaVu Sans, Verdana, Arial, sans-serif"',
        "",
    ]
    for label, widths in tables.items():
        lines.append(f"{label}: Final[dict[int, int]] = {{")
        for code, w in sorted(widths.items()):
            lines.append(f"    {code}: {w},")
        lines.append("}")
        lines.append("")
    out.write_text("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
