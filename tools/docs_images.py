"""Regenerate the pictures in docs/img from examples/ and tests/cases/ (run after drawing changes).

Usage: .venv/bin/python tools/docs_images.py
Writes docs/img/<kind>-<case>.png: the genogram of every hand-made situation in tests/cases/
and of the stepfamily example (plus the MDO example in English), and the systemogram and
timeline of every example; for docs/change.md the lesson-5 example's systemogram at two
earlier dates and with what changed since the treatment group. PNGs are made with the
project's own converter and, when Pillow is installed (a dev tool), reduced to a 256-colour
palette to keep the repository small.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from systeemkaart.dates import PartialDate  # noqa: E402
from systeemkaart.drawing import draw  # noqa: E402
from systeemkaart.io.yaml_json import load  # noqa: E402
from systeemkaart.render.convert import convert_svg  # noqa: E402

OUT = ROOT / "docs" / "img"


def _png(svg: str) -> bytes:
    data = convert_svg(svg, "png")
    try:
        from PIL import Image
    except ImportError:
        return data
    image = Image.open(io.BytesIO(data)).convert("RGB")
    small = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    small.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def main() -> None:
    """Draw every picture the docs use."""
    OUT.mkdir(parents=True, exist_ok=True)
    jobs: list[tuple[str, Path, str, str | None]] = []
    for path in sorted((ROOT / "tests" / "cases").glob("*.yaml")):
        jobs.append(("genogram", path, path.stem, None))
    jobs.append(("genogram", ROOT / "examples" / "stiefgezin.yaml", "stiefgezin", None))
    jobs.append(("genogram", ROOT / "examples" / "mdo-weglopen.yaml", "mdo-weglopen-en", "en"))
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        jobs.append(("systemogram", path, path.stem, None))
        jobs.append(("timeline", path, path.stem, None))
    for kind, path, name, lang in jobs:
        _write(f"{kind}-{name}", draw(load(path), kind, lang=lang))
    story = load(ROOT / "examples" / "terug-naar-huis.yaml")
    for when in ("2019", "2022-06"):
        _write(f"systemogram-terug-naar-huis-{when}",
               draw(story, "systemogram", at=PartialDate.parse(when)))
    _write("systemogram-terug-naar-huis-since",
           draw(story, "systemogram", since=PartialDate.parse("2022-06")))


def _write(name: str, svg: str) -> None:
    target = OUT / f"{name}.png"
    target.write_bytes(_png(svg))
    print(f"{target.relative_to(ROOT)}: {target.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
