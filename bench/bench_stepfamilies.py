"""Blended families against plain Graphviz: how many cross more often, and whether any
order of the blocks would do better.

200 families of the ``stepfamilies`` strategy (hypothesis, derandomised: every run draws
the same ones) are laid out; for each the structural crossings (partner and child lines,
each crossing point once) of our layout and of a plain ``dot`` drawing (people and one join
node per couple) are counted. For each family that crosses more often than plain ``dot``
and has at most ``--small`` people, every arrangement of its blocks is tried (see
``tests/layout/genogram_optimum.py``, at most 50,000 layouts) to tell an order we miss
from a family that no order under our rules (partners side by side on one row) draws
with as few crossings as plain ``dot``. Also the CPU time of the layouts (the slowest
five).

Run from the repository root: ``.venv/bin/python bench/bench_stepfamilies.py``
(``--small 0`` skips the search).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the test strategies and the search helper

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from tests.layout.genogram_optimum import optimum  # noqa: E402
from tests.strategies_genogram import stepfamilies  # noqa: E402

from systeemkaart.layout.genogram import GenogramOptions, layout_genogram  # noqa: E402
from systeemkaart.layout.genogram_quality import (  # noqa: E402
    plain_dot_structural,
    structural_crossings,
)
from systeemkaart.model import Case  # noqa: E402


def families(count: int) -> list[Case]:
    """``count`` blended families, the same ones on every run."""
    out: list[Case] = []

    @settings(max_examples=count, derandomize=True, database=None, phases=[Phase.generate],
              deadline=None, suppress_health_check=list(HealthCheck))
    @given(stepfamilies())
    def collect(case: Case) -> None:
        out.append(case)

    collect()
    return out


def main() -> None:
    """Print the figures of the module docstring."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--small", type=int, default=13)
    args = parser.parse_args()
    cases = families(args.count)
    ours = plain = 0
    above: list[tuple[int, int, int, int | None]] = []  # people, ours, plain, best order
    times: list[float] = []
    for case in cases:
        start = time.process_time()
        layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
        times.append(time.process_time() - start)
        a, b = structural_crossings(layout), plain_dot_structural(case, layout)
        ours, plain = ours + a, plain + b
        if a > b:
            best = optimum(case, 50_000) if len(case.people) <= args.small else None
            above.append((len(case.people), a, b, None if best is None else best.crossings))
    print(f"{len(cases)} blended families: {len(above)} cross more often than plain dot; "
          f"structural crossings in all {ours} (plain dot {plain})")
    searched = [x for x in above if x[3] is not None]
    missed = [x for x in searched if x[1] > (x[3] or 0)]
    print(f"of those, {len(searched)} searched (up to {args.small} people): {len(missed)} "
          f"where some order crosses less than ours, "
          f"{sum(1 for x in searched if (x[3] or 0) > x[2])} where every order crosses "
          "more than plain dot")
    for people, a, b, best in sorted(above):
        print(f"  {people:3d} people: ours {a}, plain dot {b}, best order "
              f"{'-' if best is None else best}")
    slow = sorted(times)[-5:]
    print("layout CPU ms, slowest five:", ", ".join(f"{t * 1000:.0f}" for t in slow))
    print("command: .venv/bin/python bench/bench_stepfamilies.py")


if __name__ == "__main__":
    main()
