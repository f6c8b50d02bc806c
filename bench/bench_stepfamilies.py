"""Blended families against plain Graphviz: how many cross more often, and whether any
order of the blocks would do better.

200 families of the ``stepfamilies`` strategy (hypothesis, derandomised and without the
source's literals, :mod:`generated`: every run and tree draws the same ones; many more than
once) are laid out; for each the structural crossings
(partner and child lines, each crossing point once) of our layout, of a plain ``dot``
drawing (people and one join node per couple) and of plain ``dot`` with each couple's
partners and join node held on one rank (``rank=same``: our rule that partners stand on
one row, the fair yardstick where plain ``dot`` draws a later partner a row lower) are
counted. For each family that crosses more often than plain ``dot`` (with ``--all``:
every family) and has at most ``--small`` people, every arrangement of its blocks is tried
(see ``tests/layout/genogram_optimum.py``, at most ``--limit`` layouts) to tell an order
we miss from a family that no order under our rules draws with as few crossings as plain
``dot``: "best order" over the orders of the blocks (each block as a whole, either way
round), "one-row optimum" also over every order of the people inside each block of
partners (a partner who is no longer a neighbour joined by a bracket above the row: every
arrangement with partners side by side on one row that our drawing knows). Where the
one-row optimum crosses more than plain ``dot``, no drawing under our rules reaches plain
``dot`` (see docs/genogram.md for why, family by family). Also the CPU time of the layouts
(all, and the slowest five), and the family lines that pass through text (see
:func:`~systeemkaart.layout.genogram_over_text.family_lines_over_text`: a step-parent's
line through a couple's dates), per family. ``--save DIR`` writes each family above plain
``dot`` there as JSON (``stepfamily-<k>.json``, ``k`` its place among the families);
``--show K ...`` searches and lists those families too (``--show 8 72 76 147 188``: the
five kinds of family that crossed more than plain ``dot`` before the orders inside blocks
were tried).

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

from generated import examples  # noqa: E402
from tests.layout.genogram_optimum import optimum  # noqa: E402
from tests.strategies_genogram import stepfamilies  # noqa: E402

from systeemkaart.io.yaml_json import save  # noqa: E402
from systeemkaart.layout.genogram import GenogramOptions, layout_genogram  # noqa: E402
from systeemkaart.layout.genogram_quality import (  # noqa: E402
    family_lines_over_text,
    plain_dot_structural,
    structural_crossings,
)
from systeemkaart.model import Case  # noqa: E402


def families(count: int) -> list[Case]:
    """``count`` blended families, the same ones on every run and tree
    (:func:`generated.examples`)."""
    return examples(stepfamilies(), count)


def main() -> None:
    """Print the figures of the module docstring."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--small", type=int, default=13)
    parser.add_argument("--limit", type=int, default=50_000)
    parser.add_argument("--all", action="store_true",
                        help="search every family of up to --small people")
    parser.add_argument("--save", type=Path, help="write the families above plain dot here")
    parser.add_argument("--show", type=int, nargs="*", default=[],
                        help="also search and list these families (by index)")
    args = parser.parse_args()
    cases = families(args.count)
    ours = plain = held = over_held = 0
    over_text: list[tuple[int, int]] = []  # family, family lines through text
    # family, people, ours, plain, held, best order, one-row optimum
    rows: list[tuple[int, int, int, int, int, int | None, int | None]] = []
    times: list[float] = []
    for k, case in enumerate(cases):
        start = time.process_time()
        layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
        times.append(time.process_time() - start)
        a, b = structural_crossings(layout), plain_dot_structural(case, layout)
        c = plain_dot_structural(case, layout, one_row=True)
        ours, plain, held = ours + a, plain + b, held + c
        through = len(family_lines_over_text(layout))
        if through:
            over_text.append((k, through))
        over_held += a > c
        if a > b and args.save is not None:
            args.save.mkdir(parents=True, exist_ok=True)
            save(case, args.save / f"stepfamily-{k}.json")
        if a > b or args.all or k in args.show:
            small = len(case.people) <= args.small
            best = optimum(case, args.limit) if small else None
            inside = optimum(case, args.limit, inside=True) if small else None
            rows.append((k, len(case.people), a, b, c, None if best is None else best.crossings,
                         None if inside is None else inside.crossings))
    above = [x for x in rows if x[2] > x[3]]
    listed = [x for x in rows if x[2] > x[3] or x[0] in args.show]
    print(f"{len(cases)} blended families ({len({c.model_dump_json() for c in cases})} "
          f"distinct): {len(above)} cross more often than plain dot, "
          f"{over_held} more than plain dot "
          f"with partners on one row; structural crossings in all {ours} (plain dot {plain}, "
          f"with partners on one row {held})")
    searched = [x for x in rows if x[5] is not None]
    print(f"searched (up to {args.small} people, {args.limit} layouts; "
          f"{'all' if args.all else 'those above plain dot'}): {len(searched)}, "
          f"{sum(1 for x in searched if x[2] == x[5])} at the exhaustive best, "
          f"{sum(1 for x in searched if x[2] > (x[5] or 0))} above it, "
          f"{sum(1 for x in searched if x[2] < (x[5] or 0))} below it; of those above plain "
          f"dot, {sum(1 for x in searched if x[2] > x[3] and (x[5] or 0) > x[3])} where every "
          "order crosses more than plain dot")
    inner = [x for x in rows if x[6] is not None]
    print(f"one-row optimum (every order of the people inside blocks of partners too): "
          f"{len(inner)} searched, {sum(1 for x in inner if x[2] > (x[6] or 0))} of ours "
          f"above it; of those above plain dot, "
          f"{sum(1 for x in inner if x[2] > x[3] and (x[6] or 0) > x[3])} where every one-row "
          "arrangement crosses more than plain dot")
    print("  family  people  ours  plain dot  plain dot, partners on one row  best order  "
          "one-row optimum  (above plain dot, and --show)")
    for k, people, a, b, c, best, one in sorted(listed, key=lambda x: (x[1:], x[0])):
        print(f"  {k:6d}  {people:6d}  {a:4d}  {b:9d}  {c:30d}  "
              f"{'-' if best is None else best:>10}  {'-' if one is None else one:>15}")
    print(f"family lines through text (a couple's dates, a name, a household's name): "
          f"{sum(n for _, n in over_text)} in {len(over_text)} families"
          + (": " + ", ".join(f"{k} ({n})" for k, n in over_text) if over_text else ""))
    slow = sorted(times)[-5:]
    print(f"layout CPU s, all {sum(times):.2f}; ms, slowest five:",
          ", ".join(f"{t * 1000:.0f}" for t in slow))
    print("command: .venv/bin/python bench/bench_stepfamilies.py")


if __name__ == "__main__":
    main()
