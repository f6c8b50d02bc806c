"""Blended families against plain Graphviz: how many cross more often, and whether any
order of the blocks would do better.

200 families of the ``stepfamilies`` strategy (hypothesis, derandomised: every run draws
the same ones; many more than once) are laid out; for each the structural crossings
(partner and child lines, each crossing point once) of our layout, of a plain ``dot``
drawing (people and one join node per couple) and of plain ``dot`` with each couple's
partners and join node held on one rank (``rank=same``: our rule that partners stand on
one row, the fair yardstick where plain ``dot`` draws a later partner a row lower) are
counted. For each family that crosses more often than plain ``dot`` (with ``--all``:
every family) and has at most ``--small`` people, every arrangement of its blocks is tried
(see ``tests/layout/genogram_optimum.py``, at most ``--limit`` layouts) to tell an order
we miss from a family that no order under our rules draws with as few crossings as plain
``dot``. Also the CPU time of the layouts (all, and the slowest five).

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
    parser.add_argument("--limit", type=int, default=50_000)
    parser.add_argument("--all", action="store_true",
                        help="search every family of up to --small people")
    args = parser.parse_args()
    cases = families(args.count)
    ours = plain = held = over_held = 0
    rows: list[tuple[int, int, int, int, int | None]] = []  # people, ours, plain, held, best
    times: list[float] = []
    for case in cases:
        start = time.process_time()
        layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
        times.append(time.process_time() - start)
        a, b = structural_crossings(layout), plain_dot_structural(case, layout)
        c = plain_dot_structural(case, layout, one_row=True)
        ours, plain, held = ours + a, plain + b, held + c
        over_held += a > c
        if a > b or args.all:
            best = optimum(case, args.limit) if len(case.people) <= args.small else None
            rows.append((len(case.people), a, b, c, None if best is None else best.crossings))
    above = [x for x in rows if x[1] > x[2]]
    print(f"{len(cases)} blended families ({len({c.model_dump_json() for c in cases})} "
          f"distinct): {len(above)} cross more often than plain dot, "
          f"{over_held} more than plain dot "
          f"with partners on one row; structural crossings in all {ours} (plain dot {plain}, "
          f"with partners on one row {held})")
    searched = [x for x in rows if x[4] is not None]
    print(f"searched (up to {args.small} people, {args.limit} layouts; "
          f"{'all' if args.all else 'those above plain dot'}): {len(searched)}, "
          f"{sum(1 for x in searched if x[1] == x[4])} at the exhaustive best, "
          f"{sum(1 for x in searched if x[1] > (x[4] or 0))} above it, "
          f"{sum(1 for x in searched if x[1] < (x[4] or 0))} below it; of those above plain "
          f"dot, {sum(1 for x in searched if x[1] > x[2] and (x[4] or 0) > x[2])} where every "
          "order crosses more than plain dot")
    print("  people  ours  plain dot  plain dot, partners on one row  best order")
    for people, a, b, c, best in sorted(above):
        print(f"  {people:6d}  {a:4d}  {b:9d}  {c:30d}  {'-' if best is None else best:>10}")
    slow = sorted(times)[-5:]
    print(f"layout CPU s, all {sum(times):.2f}; ms, slowest five:",
          ", ".join(f"{t * 1000:.0f}" for t in slow))
    print("command: .venv/bin/python bench/bench_stepfamilies.py")


if __name__ == "__main__":
    main()
