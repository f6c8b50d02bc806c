"""Cost of change over time: the case at a date, draw --since, compare.

Run from the repository root::

    .venv/bin/python bench/bench_time.py

Figures printed (median over runs): ``case_at`` on a generated 30-person / 20-agent case and
on the lesson-5 example; a systemogram and a genogram of the example drawn plainly and with
``--since`` (three drawings); ``compare`` of the example at two dates (two analyses).
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from systeemkaart.compare import compare
from systeemkaart.dates import PartialDate
from systeemkaart.drawing import draw
from systeemkaart.io.yaml_json import load
from systeemkaart.model import Case, case_at

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from bench_analysis import generated_case  # noqa: E402


def _median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def main() -> None:
    """Print the figures."""
    print("$ python bench/bench_time.py")
    big = Case.model_validate(generated_case(random.Random(1), 30, 20))
    story = load(ROOT / "examples" / "terug-naar-huis.yaml")
    d = PartialDate.parse
    print(f"case_at, 30 people / 20 agents: {_median_ms(lambda: case_at(big, d(2015)), 500):.3f}"
          " ms")
    print(f"case_at, lesson-5 example at 2022-06: "
          f"{_median_ms(lambda: case_at(story, d('2022-06')), 500):.3f} ms")
    for kind in ("systemogram", "genogram"):
        plain = _median_ms(lambda k=kind: draw(story, k), 15)
        since = _median_ms(lambda k=kind: draw(story, k, since=d("2022-06")), 15)
        print(f"draw {kind}: {plain:.1f} ms plain, {since:.1f} ms with --since")
    print(f"compare at 2022-06 and as_of: "
          f"{_median_ms(lambda: compare(story, story, d('2022-06')), 50):.2f} ms")


if __name__ == "__main__":
    main()
