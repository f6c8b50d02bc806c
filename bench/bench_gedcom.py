"""GEDCOM export speed: the family of a large real tree written as GEDCOM 5.5.1 and 7.

Imports ``gedsamples_royal92.ged`` (3,010 people, 1,422 families) from ``../shared/data``,
then times :func:`systeemkaart.io.gedcom_export.to_gedcom` and a whole round trip (export
and import again). Figures are medians of several runs, as wall and CPU time.

Run from the repository root: ``.venv/bin/python bench/bench_gedcom.py``.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from systeemkaart.io.gedcom import import_gedcom, read_gedcom
from systeemkaart.io.gedcom_export import to_gedcom

TREE = Path(__file__).resolve().parents[2] / "shared" / "data" / "gedcom" / \
    "gedsamples_royal92.ged"
RUNS = 9


def _median_ms(work: Callable[[], object]) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(RUNS):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000


def main() -> int:
    """Print the figures; exit 1 when the tree is not there."""
    if not TREE.is_file():
        print(f"no {TREE}: the shared GEDCOM data is needed", file=sys.stderr)
        return 1
    case = read_gedcom(TREE).case
    print(f"{TREE.name}: {len(case.people)} people, {len(case.partnerships)} partnerships, "
          f"{len(case.children)} child links; median of {RUNS} runs")
    for version in ("5.5.1", "7"):
        wall, cpu = _median_ms(partial(to_gedcom, case, version=version))
        print(f"  export GEDCOM {version:5}: {wall:7.1f} ms wall, {cpu:7.1f} ms CPU")
    raw = to_gedcom(case).encode()
    wall, cpu = _median_ms(lambda: import_gedcom(raw))
    print(f"  import of that export: {wall:7.1f} ms wall, {cpu:7.1f} ms CPU")
    print("command: .venv/bin/python bench/bench_gedcom.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
