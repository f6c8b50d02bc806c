"""Saved families laid out and counted as ``bench_stepfamilies.py`` counts them.

Every ``*.json`` case in a directory (the families a bench saved, for instance the 600 of
``bench_stepfamilies.py --count 600`` written one per file), in name order, or those whose
names hold one of ``--only`` (``s052``): per family the structural crossings of our layout,
of plain ``dot`` and of plain ``dot`` with partners on one row
(:mod:`systeemkaart.layout.genogram_quality`), the family lines through text and the family
lines that run on each other (``tests/layout/genogram_look.py``); then the totals, the
families above plain ``dot`` and the layout CPU (``time.process_time``, the layouts alone).

Compare two trees family by family, in turns in one run, with ``PYTHONPATH`` at each
tree's ``src`` (an older commit unpacked with ``git archive OLD src | tar -x -C /tmp/old``)
and ``--only`` naming a share of the families at a time. Run from the repository root::

    .venv/bin/python bench/count_saved_families.py DIR [--only s000 s001] [--no-plain]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the tests' measure of lines on lines

from tests.layout.genogram_look import family_lines_on_lines  # noqa: E402

from systeemkaart.io.yaml_json import load  # noqa: E402
from systeemkaart.layout.genogram import GenogramOptions, layout_genogram  # noqa: E402
from systeemkaart.layout.genogram_quality import (  # noqa: E402
    family_lines_over_text,
    plain_dot_structural,
    structural_crossings,
)


def main() -> None:
    """Print the figures of the module docstring."""
    parser = argparse.ArgumentParser()
    parser.add_argument("directory", type=Path)
    parser.add_argument("--only", nargs="*", default=[],
                        help="only the files whose names hold one of these")
    parser.add_argument("--no-plain", action="store_true", help="skip plain dot")
    args = parser.parse_args()
    files = sorted(args.directory.glob("*.json"))
    if args.only:
        files = [f for f in files if any(part in f.stem for part in args.only)]
    ours = plain = held = through = on_lines = 0
    cpu = 0.0
    above: list[str] = []
    for path in files:
        case = load(path)
        start = time.process_time()
        layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
        cpu += time.process_time() - start
        a = structural_crossings(layout)
        t, n = len(family_lines_over_text(layout)), len(family_lines_on_lines(layout))
        ours, through, on_lines = ours + a, through + t, on_lines + n
        row = f"{path.stem} people={len(case.people)} ours={a} over_text={t} on_lines={n}"
        if not args.no_plain:
            b = plain_dot_structural(case, layout)
            c = plain_dot_structural(case, layout, one_row=True)
            plain, held = plain + b, held + c
            row += f" plain={b} one_row={c}"
            if a > b:
                above.append(path.stem)
        print(row, flush=True)
    print(f"families {len(files)}: structural crossings {ours}"
          + ("" if args.no_plain else f" (plain dot {plain}, on one row {held})")
          + f", lines through text {through}, lines on lines {on_lines}; layout CPU {cpu:.2f} s"
          + ("" if args.no_plain else f"; above plain dot: {' '.join(above) or 'none'}"))


if __name__ == "__main__":
    main()
