"""Speed of the analyses: one rich case, the exact core group, and a batch of many files.

Run from the repository root::

    .venv/bin/python bench/bench_analysis.py            # all three
    .venv/bin/python bench/bench_analysis.py --batch 2000 --jobs 2

Figures printed: median time of every analysis of a 30-person / 20-agent case (target
< 5 ms), of the drawings' counting on the same case (the systemogram badge and the
timeline's months, by the one rule in ``systeemkaart.activity``), of the exact core group
with 60 candidate agents (target < 50 ms), and the throughput of ``systeemkaart analyse``
over a folder of generated cases (target >= 1,000 cases/s on two cores), both through the
library and as a whole command.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from systeemkaart.activity import help_counts, helper_count_per_month, time_span
from systeemkaart.analysis import analyse, analyse_core_group
from systeemkaart.batch import analyse_files
from systeemkaart.model import Case

__all__ = ["generated_case"]

ORG_KINDS = ("social_team", "youth_care", "youth_mental_health", "gp", "school",
             "child_protection", "safety_home", "municipality", "social_basis")
RELATIONS = ("close", "fused", "conflict", "hostile", "cutoff", "distant", "close_hostile")


def generated_case(rng: random.Random, n_people: int, n_agents: int, *,
                   name: str = "bench", span: int = 4, ended: float = 0.25) -> dict[str, Any]:
    """A plausible case as plain data: generations of couples and children, emotional
    relations, households, organisations with professionals, contexts, supporters and
    involvements spread over ``span`` years before ``as_of``."""
    people: list[dict[str, Any]] = []
    partnerships: list[dict[str, Any]] = []
    children: list[dict[str, Any]] = []

    def person(year: int) -> str:
        pid = f"p{len(people)}"
        people.append({"id": pid, "sex": rng.choice(("male", "female")),
                       "born": year + rng.randint(0, 6)})
        return pid

    def couple(a: str, b: str, year: int) -> None:
        status = rng.choice(("together", "together", "divorced"))
        rec: dict[str, Any] = {"partners": [a, b], "kind": "married", "status": status,
                               "start": year + 24}
        if status == "divorced":
            rec["end"] = year + 32
        partnerships.append(rec)

    year = 1940
    couples = []
    for _ in range(2):
        a, b = person(year), person(year)
        couple(a, b, year)
        couples.append((a, b))
    while len(people) < n_people:
        year += 27
        nxt = []
        for a, b in couples:
            for _ in range(rng.randint(1, 3)):
                if len(people) >= n_people:
                    break
                kid = person(year)
                children.append({"parents": [a, b], "child": kid})
                if len(people) < n_people and rng.random() < 0.6 and year < 1995:
                    spouse = person(year)
                    couple(kid, spouse, year)
                    nxt.append((kid, spouse))
        couples = nxt or couples[:1]
    ids = [p["id"] for p in people]
    relations = []
    seen: set[tuple[str, str]] = set()
    for _ in range(len(ids) * 2 // 3):
        a, b = rng.sample(ids, 2)
        if (a, b) in seen or (b, a) in seen:
            continue
        seen.add((a, b))
        relations.append({"between": [a, b], "kind": rng.choice(RELATIONS)})
    young = ids[-min(6, len(ids)):]
    organisations: list[dict[str, Any]] = []
    agents: list[str] = []
    contexts = [{"id": "ctx-school", "kind": "school", "members": young[:2]}]
    network = [{"id": "sup-0", "supports": young[:1], "strength": "strong"}]
    agents += ["ctx-school", "sup-0"]
    k = 0
    while len(agents) < n_agents:
        org = {"id": f"org{k}", "kind": ORG_KINDS[k % len(ORG_KINDS)], "professionals": []}
        for j in range(rng.randint(1, 3)):
            if len(agents) >= n_agents:
                break
            pid = f"pro{k}-{j}"
            org["professionals"].append({"id": pid})
            agents.append(pid)
        organisations.append(org)
        k += 1
    as_of = 2023
    involvements = []
    for i, agent in enumerate(agents):
        targets = rng.sample(young, rng.randint(1, min(3, len(young))))
        inv: dict[str, Any] = {"agent": agent, "targets": targets,
                               "stance": rng.choice(("alongside",) * 4 + ("over", "opposite"))}
        if i == 2:
            inv["regie"] = True
        start = as_of - rng.randint(1, span)
        inv["start"] = f"{start}-{rng.randint(1, 12):02d}"
        if rng.random() < ended:
            inv["end"] = start + 1
        if rng.random() < 0.4:
            inv["entry"] = rng.choice(("good", "poor"))
        involvements.append(inv)
    return {
        "schema": "systeemkaart/1",
        "case": {"id": name, "as_of": f"{as_of}-06-01", "index": young[-1:], "lang": "nl"},
        "people": people, "partnerships": partnerships, "children": children,
        "relations": relations, "households": [{"members": young[-3:]}],
        "network": network, "contexts": contexts, "organisations": organisations,
        "involvements": involvements,
    }


def _median_ms(fn: Any, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1e3


def bench_one(repeat: int) -> None:
    case = Case.model_validate(generated_case(random.Random(1), 30, 20, ended=0.0))
    analyse(case)  # warm up imports
    r = analyse(case)
    ms = _median_ms(lambda: analyse(case), repeat)
    print(f"all analyses, 30 people / 20 agents ({r.helpers.professionals} active, "
          f"{len(case.relations)} relations): median {ms:.2f} ms over {repeat} runs "
          "(target < 5 ms)")


def bench_counting(repeat: int) -> None:
    case = Case.model_validate(generated_case(random.Random(1), 30, 20, ended=0.3, span=8))
    at = case.as_of()
    first, last = time_span(case, at)
    n_months = len(helper_count_per_month(case, first, last))
    badge = _median_ms(lambda: help_counts(case, at), repeat)
    per_month = _median_ms(lambda: helper_count_per_month(case, first, last), repeat)
    history = _median_ms(lambda: analyse(case).helpers, repeat)
    print(f"counting, 30 people / 20 agents over {n_months} months: badge {badge:.3f} ms, "
          f"timeline months {per_month:.3f} ms, every analysis {history:.2f} ms "
          f"(medians over {repeat} runs)")


def _sixty(rng: random.Random) -> Case:
    people = [{"id": f"p{i}", "born": 1970 + i} for i in range(30)]
    orgs = [{"id": f"o{k}", "kind": ORG_KINDS[k % len(ORG_KINDS)],
             "professionals": [{"id": f"a{k}-{j}"} for j in range(6)]} for k in range(10)]
    invs = []
    for k in range(10):
        for j in range(6):
            inv: dict[str, Any] = {"agent": f"a{k}-{j}",
                                   "targets": [f"p{i}" for i in rng.sample(range(30), 5)]}
            if rng.random() < 0.2:
                inv["entry"] = "good"
            invs.append(inv)
    return Case.model_validate({"schema": "systeemkaart/1",
                                "case": {"id": "sixty", "as_of": 2023},
                                "people": people, "organisations": orgs, "involvements": invs})


def bench_core(repeat: int) -> None:
    rng = random.Random(7)
    cases = [_sixty(rng) for _ in range(10)]
    analyse_core_group(cases[0])
    times, methods, sizes = [], [], []
    for case in cases:
        times.append(_median_ms(lambda c=case: analyse_core_group(c), max(1, repeat // 10)))
        r = analyse_core_group(case)
        methods.append(r.method)
        sizes.append(r.size)
    print(f"exact core group, 60 candidates / 30 people (10 random cases, methods "
          f"{sorted(set(methods))}, sizes {min(sizes)}-{max(sizes)}): median "
          f"{statistics.median(times):.2f} ms, worst {max(times):.2f} ms (target < 50 ms)")


def bench_batch(n: int, jobs: int) -> None:
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = []
        for i in range(n):
            data = generated_case(rng, rng.randint(6, 14), rng.randint(3, 10), name=f"c{i}")
            path = folder / f"c{i:05d}.json"
            path.write_text(json.dumps(data), encoding="utf-8")
            files.append(str(path))
        t = time.perf_counter()
        done = sum(1 for o in analyse_files(files, jobs=jobs) if o.line is not None)
        lib = time.perf_counter() - t
        print(f"batch through the library: {done} cases in {lib:.2f} s = {done / lib:,.0f} "
              f"cases/s on {jobs} workers (target >= 1,000)")
        cmd = [sys.executable, "-m", "systeemkaart.cli", "analyse", str(folder),
               "--jobs", str(jobs)]
        t = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, check=False)
        whole = time.perf_counter() - t
        lines = proc.stdout.count(b"\n")
        print(f"systeemkaart analyse <folder of {n}> --jobs {jobs}: {lines} lines in "
              f"{whole:.2f} s = {lines / whole:,.0f} cases/s, whole command (exit "
              f"{proc.returncode})")


def main() -> None:
    """Run the benchmarks chosen on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=300)
    parser.add_argument("--batch", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", choices=("one", "counting", "core", "batch"))
    args = parser.parse_args()
    print(f"$ {' '.join([Path(sys.executable).name, *sys.argv])}")
    if args.only in (None, "one"):
        bench_one(args.repeat)
    if args.only in (None, "counting"):
        bench_counting(args.repeat)
    if args.only in (None, "core"):
        bench_core(args.repeat)
    if args.only in (None, "batch"):
        bench_batch(args.batch, args.jobs)


if __name__ == "__main__":
    main()
