"""Systemogram benchmark: line crossings before and after ordering, and drawing times.

Run ``python bench/bench_systemogram.py`` from the repository root. Generated networks are
built from a fixed seed (so the figures are reproducible): 2-12 people in one or two
households and 10-60 agents (organisations with professionals, contexts, supporters) whose
involvements target one to three people. "Before" places every ring in file order, evenly
spaced; "after" is the barycentric ordering with side pulls and re-ranking that
``layout_systemogram`` uses. Times are the best of three runs of the whole SVG drawing.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from systeemkaart.dates import PartialDate
from systeemkaart.drawing import draw
from systeemkaart.io.yaml_json import load
from systeemkaart.layout.systemogram import layout_systemogram
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


def _best(fn: Any, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times) * 1000


def main() -> None:
    """Print crossings and timings as tables."""
    at = PartialDate.parse("2023-05-01")
    print("generated networks (5 seeds each): crossings before -> after ordering, draw time")
    print(f"{'people':>6} {'agents':>6} {'before':>8} {'after':>8} {'change':>7} {'draw ms':>8}")
    for n_people, n_agents in [(3, 10), (4, 20), (6, 30), (12, 40), (12, 60)]:
        before, after, ms = [], [], []
        for seed in range(5):
            case = network(seed, n_people, n_agents)
            before.append(layout_systemogram(case, at, optimise=False).crossings)
            after.append(layout_systemogram(case, at).crossings)
            ms.append(_best(lambda c=case: draw(c, "systemogram")))
        b, a = statistics.mean(before), statistics.mean(after)
        change = f"{(a - b) / b * 100:+.0f}%" if b else "n/a"
        print(f"{n_people:>6} {n_agents:>6} {b:>8.1f} {a:>8.1f} {change:>7} "
              f"{statistics.median(ms):>8.1f}")
    examples = sorted(Path("examples").glob("*.yaml"))
    if examples:
        print("\nexamples: crossings before -> after, systemogram and timeline draw time")
        for path in examples:
            case = load(path)
            b = layout_systemogram(case, optimise=False).crossings
            a = layout_systemogram(case).crossings
            s = _best(lambda c=case: draw(c, "systemogram"))
            t = _best(lambda c=case: draw(c, "timeline"))
            print(f"{path.stem:<24} {b:>4} -> {a:<4} {s:>7.1f} ms {t:>7.1f} ms")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
