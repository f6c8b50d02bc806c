"""CPU time of the genogram's clearance measures on a large generated family.

``crowded_lines`` and ``lines_near_text`` (:mod:`systeemkaart.layout.genogram_clear`) on
the layout of the generated family of about 3,000 people that ``bench_genogram.py``
times (seed 7, 40 emotional relations), and on 6,000 people: CPU time (the machine is
shared), the best of three runs, and how many pairs each finds.

Run from the repository root: ``.venv/bin/python bench/bench_genogram_clear.py``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_genogram import random_family

from systeemkaart.layout.genogram import GenogramLayout, GenogramOptions, layout_genogram
from systeemkaart.layout.genogram_clear import crowded_lines, lines_near_text


def _best(measure: Callable[[GenogramLayout], list[tuple[int, str]]], layout: GenogramLayout
          ) -> tuple[float, int]:
    """The least CPU time of three runs of ``measure``, and the pairs it finds."""
    times = []
    found = 0
    for _ in range(3):
        start = time.process_time()
        found = len(measure(layout))
        times.append(time.process_time() - start)
    return min(times), found


def main() -> None:
    """Print the figures, one family a line."""
    print("people  relations  lines_near_text s (pairs)  crowded_lines s (pairs)")
    for target, relations, start in ((3000, 40, 1740), (6000, 80, 1450)):
        case = random_family(7, target, relations=relations, start=start)
        layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
        near, near_found = _best(lines_near_text, layout)
        crowded, crowded_found = _best(crowded_lines, layout)
        print(f"{len(layout.people):6d}  {len(layout.relations):9d}  {near:15.3f} ({near_found})"
              f"  {crowded:17.3f} ({crowded_found})")


if __name__ == "__main__":
    main()
