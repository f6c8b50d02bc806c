"""Systemogram benchmark: lines through boxes, line crossings, and drawing times.

Run ``python bench/bench_systemogram.py`` from the repository root. Generated networks are
built from a fixed seed (so the figures are reproducible): 2-12 people in one or two
households and 10-60 agents (organisations with professionals, contexts, supporters) whose
involvements target one to three people. Columns: crossings with every ring in file order
and straight lines ("file"), after the barycentric ordering with straight lines
("ordered"), and after routing ("routed", what is drawn); lines through a box that is not
one of their ends, straight and routed; the time of the whole SVG drawing in process (best
of three, wall clock) and its CPU time; all over seeds 0-4. The next two columns give the
routed crossings and lines through boxes over seeds 0-19: five seeds vary by 5-10 %. The
last three: the length (units) over which lines of different agents run nearly parallel
within 4 units (read as one line), the pairs of lines doing so over 10 units, the bands
(lines of different agents, or a line and a household frame, whose drawn strokes, a
double, triple or zigzag line's width counted, come within 3 units over 30 units) and how
many of those are a line along a household frame ("frame"), the
crossings of lines into one person within 40 units of it (where a reader cannot tell whose
arrow is whose), and farther from it ("far": not in the routed crossings, which leave out
lines that share an end), and the most such far crossings into any one person ("most": a
person whose lines all cross each other cannot be read however few the others have; the
largest over the seeds), the pairs of arrowheads into one person that come within
``HEAD_GAP`` units of each other ("heads": read as one arrow, or a head as closing the
wrong line), and the ribbons: pairs of lines of different cards that run nearly parallel
within 12 units of each other (clear space between their strokes) over 60 units
("ribbons", see ``systemogram_ribbons``: a reader cannot tell which is which where they
part) and their length in all ("ribbon"). Then the total length (units) of the routed
lines ("length") and
how many of them run more than ``LONG_WAY`` times their straight distance ("long": a line
that loops round the drawing), both over seeds 0-4. Last, how far agents stand from the
people they act on ("reach": the mean, over the lines, of the gap (units) between the
agent's box and its target's box; a card far from its targets draws long lines over the
family whichever way they are routed).
"""

from __future__ import annotations

import math
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from systeemkaart.drawing import draw
from systeemkaart.io.yaml_json import load
from systeemkaart.layout.ring_geometry import path_length
from systeemkaart.layout.systemogram import (
    LONG_WAY,
    SystemogramLayout,
    layout_systemogram,
    long_ways,
)
from systeemkaart.layout.systemogram_bands import FRAME, bands
from systeemkaart.layout.systemogram_fan import fan_crossings
from systeemkaart.layout.systemogram_heads import crowded_heads
from systeemkaart.layout.systemogram_lines import close_runs, routed_ends
from systeemkaart.layout.systemogram_reach import reach
from systeemkaart.layout.systemogram_ribbons import ribbons
from systeemkaart.layout.systemogram_through import lines_through_boxes
from systeemkaart.model import Case

__all__ = ["main", "network"]

KINDS = ["social_team", "youth_care", "youth_mental_health", "gp", "school",
         "child_protection", "safety_home", "social_basis", "municipality", "other"]


def network(seed: int, n_people: int, n_agents: int) -> Case:
    """A reproducible helper network with ``n_people`` people and about ``n_agents`` agents."""
    rnd = random.Random(seed)
    people = [{"id": f"p{i}", "name": f"Persoon {i}", "sex": rnd.choice(["male", "female"]),
               "born": 1960 + 4 * i} for i in range(n_people)]
    half = max(1, n_people // 2)
    households = [{"members": [f"p{i}" for i in range(half)]}]
    if n_people > half:
        households.append({"members": [f"p{i}" for i in range(half, n_people)]})
    ids = [f"p{i}" for i in range(n_people)]
    orgs: list[dict[str, Any]] = []
    contexts: list[dict[str, Any]] = []
    network_: list[dict[str, Any]] = []
    involvements: list[dict[str, Any]] = []
    k = 0
    while k < n_agents:
        what = rnd.random()
        if what < 0.6:
            pros = [{"id": f"a{k + j}", "name": f"Professional {k + j}", "role": "hulp"}
                    for j in range(rnd.randint(1, 4))]
            orgs.append({"id": f"o{k}", "name": f"Organisatie {k}", "kind": rnd.choice(KINDS),
                         "professionals": pros})
            for pro in pros:
                involvements.append({"agent": pro["id"],
                                     "targets": rnd.sample(ids, rnd.randint(1, min(3, len(ids)))),
                                     "stance": rnd.choice(["alongside"] * 4 + ["over",
                                                                               "opposite"])})
            k += len(pros) + 1
        elif what < 0.8:
            contexts.append({"id": f"c{k}", "name": f"Context {k}", "kind": "school",
                             "members": rnd.sample(ids, 1)})
            k += 1
        else:
            network_.append({"id": f"s{k}", "name": f"Steun {k}",
                             "supports": rnd.sample(ids, 1)})
            k += 1
    involvements[0]["regie"] = True
    return Case.model_validate({
        "schema": "systeemkaart/1", "case": {"id": f"bench-{seed}", "as_of": "2023-05-01"},
        "people": people, "households": households, "organisations": orgs,
        "contexts": contexts, "network": network_, "involvements": involvements})


def _best(fn: Any, repeat: int = 3) -> tuple[float, float]:
    """Best wall-clock and CPU milliseconds of ``repeat`` runs."""
    wall, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return min(wall) * 1000, min(cpu) * 1000


def _close(lay: SystemogramLayout) -> tuple[float, int]:
    """Length (units) over which lines of different agents run nearly parallel within 4
    units, and how many pairs of lines do so for more than 10 units."""
    runs = close_runs(routed_ends(lay.links, lay.people))
    return sum(runs.values()), sum(1 for v in runs.values() if v > 10)


def _bands(lay: SystemogramLayout) -> tuple[int, int]:
    """Bands: lines of different agents (or a line and a household frame) whose drawn
    strokes, their double or zigzag width counted, run within 3 units over 30 units; and
    how many of them are a line along a household frame."""
    found = bands(lay.links, lay.people, [h.frame for h in lay.households])
    return len(found), sum(1 for _, j in found if j == FRAME)


def _fan(lay: SystemogramLayout) -> int:
    """Crossings of lines into one person within 40 units of it."""
    return fan_crossings(routed_ends(lay.links, lay.people), lay.people)


def _far(lay: SystemogramLayout) -> int:
    """Crossings of lines into one person farther than 40 units from it."""
    lines = routed_ends(lay.links, lay.people)
    return fan_crossings(lines, lay.people, math.inf) - fan_crossings(lines, lay.people)


def _most_far(lay: SystemogramLayout) -> int:
    """The most crossings farther than 40 units from a person among the lines into one
    person."""
    lines = routed_ends(lay.links, lay.people)
    most = 0
    for pid in lay.people:
        mine = [line for line in lines if line[1] == pid]
        if len(mine) > 1:
            most = max(most, fan_crossings(mine, lay.people, math.inf)
                       - fan_crossings(mine, lay.people))
    return most


def _ribbons(lay: SystemogramLayout) -> tuple[int, float]:
    """Ribbons: pairs of lines of different cards running nearly parallel within 12
    units over 60 units, and their length in all."""
    found = ribbons(lay.links, lay.people, {k: a.card for k, a in lay.agents.items()})
    return len(found), sum(found.values())


def _through(lay: SystemogramLayout) -> int:
    boxes = {k: a.box for k, a in lay.agents.items()}
    return len(lines_through_boxes(lay.links, lay.people, boxes))


def _length(lay: SystemogramLayout) -> tuple[float, int]:
    """Total length (units) of the routed lines, and how many take a long way round."""
    total = sum(path_length(lk.points) for lk in lay.links)
    return total, long_ways(lay.links)


SEEDS = 5
"""The fixed seeds of the main columns (comparable with earlier figures)."""
WIDE = 20
"""Seeds of the wider mean: five seeds vary by 5-10 %, too much to judge a small change."""


def main() -> None:
    """Print lines through boxes, crossings and timings as tables."""
    print(f"generated networks ({SEEDS} seeds each, means): crossings file / ordered / routed,")
    print("lines through boxes straight -> routed, draw time (median of the seeds); routed")
    print(f"crossings and lines through boxes routed over {WIDE} seeds")
    print(f"{'people':>6} {'agents':>6} {'file':>7} {'ordered':>8} {'routed':>7} "
          f"{'through':>12} {'draw ms':>8} {'cpu ms':>7} {f'routed/{WIDE}':>10} "
          f"{f'thr/{WIDE}':>7} {'close':>7} {'pairs':>6} {'bands':>5} {'frame':>5} {'fan':>5} "
          f"{'far':>5} "
          f"{'most':>5} {'heads':>5} {'ribbons':>7} {'ribbon':>6} "
          f"{'length':>7} {'long':>5} {'reach':>5}")
    for n_people, n_agents in [(3, 10), (4, 20), (6, 30), (12, 40), (12, 60)]:
        before, ordered, routed, t0, t1, ms, cpu = [], [], [], [], [], [], []
        wide, wide_through = [], []
        close, pairs, band, frame, fan, far, most, total, long = ([], [], [], [], [], [], [],
                                                                  [], [])
        heads: list[int] = []
        reaches: list[float] = []
        n_ribbons: list[int] = []
        ribbon: list[float] = []
        for seed in range(WIDE):
            case = network(seed, n_people, n_agents)
            final = layout_systemogram(case)
            wide.append(final.crossings)
            wide_through.append(_through(final))
            if seed >= SEEDS:
                continue
            before.append(layout_systemogram(case, optimise=False, route=False).crossings)
            straight = layout_systemogram(case, route=False)
            ordered.append(straight.crossings)
            routed.append(final.crossings)
            t0.append(_through(straight))
            t1.append(_through(final))
            length, count = _close(final)
            close.append(length)
            pairs.append(count)
            n_bands, n_frame = _bands(final)
            band.append(n_bands)
            frame.append(n_frame)
            fan.append(_fan(final))
            far.append(_far(final))
            most.append(_most_far(final))
            heads.append(len(crowded_heads(final.links)))
            count_r, length_r = _ribbons(final)
            n_ribbons.append(count_r)
            ribbon.append(length_r)
            run, loops = _length(final)
            total.append(run)
            long.append(loops)
            reaches.append(reach(final))
            wall, proc = _best(lambda c=case: draw(c, "systemogram"))
            ms.append(wall)
            cpu.append(proc)
        through = f"{statistics.mean(t0):.1f} -> {statistics.mean(t1):.1f}"
        print(f"{n_people:>6} {n_agents:>6} {statistics.mean(before):>7.1f} "
              f"{statistics.mean(ordered):>8.1f} {statistics.mean(routed):>7.1f} "
              f"{through:>12} {statistics.median(ms):>8.1f} {statistics.median(cpu):>7.1f} "
              f"{statistics.mean(wide):>10.1f} {statistics.mean(wide_through):>7.1f} "
              f"{statistics.mean(close):>7.0f} {statistics.mean(pairs):>6.1f} "
              f"{statistics.mean(band):>5.1f} {statistics.mean(frame):>5.1f} "
              f"{statistics.mean(fan):>5.1f} {statistics.mean(far):>5.1f} {max(most):>5} "
              f"{statistics.mean(heads):>5.1f} {statistics.mean(n_ribbons):>7.1f} "
              f"{statistics.mean(ribbon):>6.0f} "
              f"{statistics.mean(total):>7.0f} {statistics.mean(long):>5.1f} "
              f"{statistics.mean(reaches):>5.0f}")
    examples = sorted(Path("examples").glob("*.yaml"))
    if examples:
        print("\nexamples: crossings file / ordered / routed, lines through boxes straight ->")
        print("routed, systemogram and timeline draw time, close length / pairs over 10 units,")
        print("bands (strokes within 3 units over 30, their width counted) / of them along a")
        print("household frame,")
        print("crossings of lines into one person near it / farther, arrowheads too close,")
        print("ribbons / their length, total line length /")
        print(f"lines longer than {LONG_WAY} times their straight distance, reach")
        for path in examples:
            case = load(path)
            b = layout_systemogram(case, optimise=False, route=False).crossings
            straight = layout_systemogram(case, route=False)
            final = layout_systemogram(case)
            s, _ = _best(lambda c=case: draw(c, "systemogram"))
            t, _ = _best(lambda c=case: draw(c, "timeline"))
            length, count = _close(final)
            run, loops = _length(final)
            n_bands, n_frame = _bands(final)
            count_r, length_r = _ribbons(final)
            print(f"{path.stem:<24} {b:>4} / {straight.crossings:<4} / {final.crossings:<4} "
                  f"{_through(straight):>3} -> {_through(final):<3} {s:>7.1f} ms {t:>7.1f} ms "
                  f"{length:>6.0f} / {count:<3} {n_bands:>3} / {n_frame:<2} {_fan(final):>3} / "
                  f"{_far(final):<3} {len(crowded_heads(final.links)):>3} "
                  f"{count_r:>3} / {length_r:<5.0f} "
                  f"{run:>6.0f} / {loops} {reach(final):>5.0f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
