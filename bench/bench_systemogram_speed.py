"""Systemogram layout time by network size: median CPU of ``layout_systemogram``.

Run ``.venv/bin/python bench/bench_systemogram_speed.py`` from the repository root (add
``--runs N`` for the best of N runs per network, default 3). For each size of
:func:`bench_systemogram.network` (10, 20, 30, 40 and 60 agents, seeds 0-4) it prints the
median over the seeds of each network's best CPU milliseconds, and the same for every
example. Only the layout is timed (no SVG): what the layout choice, routing and parting
of the lines cost. To compare two trees, run it on each in turn with ``PYTHONPATH`` at the
other tree's ``src`` (the machine's load varies: alternate them).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_systemogram import network

from systeemkaart.io.yaml_json import load
from systeemkaart.layout.systemogram import layout_systemogram
from systeemkaart.model import Case

__all__ = ["cpu_ms", "main"]

SIZES = ((3, 10), (4, 20), (6, 30), (12, 40), (12, 60))
"""People and agents of the networks timed (as in ``bench_systemogram.py``)."""
SEEDS = 5


def cpu_ms(case: Case, runs: int) -> float:
    """The least CPU milliseconds of ``runs`` layouts of ``case`` (after one unmeasured
    run that warms caches and imports)."""
    layout_systemogram(case)
    best = float("inf")
    for _ in range(runs):
        c0 = time.process_time()
        layout_systemogram(case)
        best = min(best, time.process_time() - c0)
    return best * 1000


def main() -> None:
    """Print the median CPU milliseconds per network size and per example."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="*", default=[n for _, n in SIZES],
                        help="agents of the sizes to time")
    parser.add_argument("--no-examples", action="store_true")
    args = parser.parse_args()
    print(f"layout_systemogram CPU ms, median of seeds 0-{SEEDS - 1} (best of {args.runs})")
    for n_people, n_agents in SIZES:
        if n_agents not in args.sizes:
            continue
        times = [cpu_ms(network(seed, n_people, n_agents), args.runs) for seed in range(SEEDS)]
        each = " ".join(f"{t:.0f}" for t in times)
        print(f"{n_agents:>3} agents {statistics.median(times):>7.1f}   ({each})", flush=True)
    if args.no_examples:
        return
    for path in sorted(Path("examples").glob("*.yaml")):
        print(f"{path.stem:<24} {cpu_ms(load(path), args.runs):>7.1f}", flush=True)


if __name__ == "__main__":
    main()
