"""Two source trees taking turns on drawing many generated families of 8-250 people.

The large families of ``compare_genogram.py`` run a layout once; a family of a few hundred
people runs it up to five times and chooses its emotional lines twice (a second time at the
final coordinates), so its time goes elsewhere. Here each tree's ``src`` (an older commit
unpacked with ``git archive OLD src | tar -x -C /tmp/old``) draws the same families as
genograms in its own process, the two trees taking turns, round after round: CPU seconds
per process (the cycle collector off, as the ``systeemkaart`` command runs), the median of
the rounds.

Run from the repository root::

    .venv/bin/python bench/compare_families.py /tmp/old/src src 3 [COUNT]
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from systeemkaart.model import Case

HERE = Path(__file__).resolve().parent


def families(count: int) -> list[Case]:
    """``count`` generated families (seeded: the same in every process) of 8 to 250 people
    with 2 to 10 emotional relations."""
    from bench_genogram import random_family

    out: list[Case] = []
    for k in range(count):
        target = 8 + (k * 3 * 37) % 243
        out.append(random_family(1000 + 3 * k, target, relations=2 + (3 * k) % 9,
                                 start=2030 - 30 * (2 + target // 40)))
    return out


def measure(count: int) -> float:
    """CPU seconds of this process drawing :func:`families` as genograms."""
    from systeemkaart.drawing import draw

    cases = families(count)
    draw(cases[0], "genogram")  # warm up (imports)
    gc.collect()
    gc.disable()
    start = time.process_time()
    for case in cases:
        draw(case, "genogram")
    return time.process_time() - start


def main() -> None:
    """Take turns between the two trees and print each one's CPU seconds."""
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        sys.path.insert(0, str(HERE))
        print(json.dumps(measure(int(sys.argv[2]))))
        return
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    trees = [str(Path(t).resolve()) for t in sys.argv[1:3]]
    rounds = int(sys.argv[3])
    count = int(sys.argv[4]) if len(sys.argv) == 5 else 100
    print(f"command: .venv/bin/python bench/compare_families.py {' '.join(sys.argv[1:])}")
    got: list[list[float]] = [[], []]
    for r in range(rounds):
        for k in ([0, 1] if r % 2 == 0 else [1, 0]):  # neither tree always goes first
            env = {**os.environ, "PYTHONPATH": trees[k]}
            out = subprocess.run([sys.executable, __file__, "--one", str(count)], env=env,
                                 check=True, capture_output=True, text=True)
            got[k].append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(f"{count} generated families drawn, CPU s per process, median of {rounds}:")
    for name, values in zip(("first", "second"), got, strict=True):
        print(f"  {name:7} {statistics.median(values):7.2f}   "
              f"({', '.join(f'{v:.2f}' for v in values)})")


if __name__ == "__main__":
    main()
