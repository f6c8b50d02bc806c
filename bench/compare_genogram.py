"""Two source trees taking turns on the genogram speed figures of ``bench_genogram.py``.

A loaded machine changes its speed from minute to minute, so two runs of the bench minutes
apart do not compare. Here each tree's ``src`` (an older commit unpacked somewhere, say with
``git archive OLD src | tar -x -C /tmp/old``) runs in its own process, one after the other,
round after round, and each figure is the median of the rounds: our CPU ms per step
(:func:`bench_genogram.step_times`), ``dot -Tsvg`` of the graph and our load + lay out +
draw (:func:`bench_genogram._timed`), and the overhead of each process on top of ``dot``;
the last three again in wall time (which a loaded machine disturbs more, but which alone
shows work done while Graphviz runs in its child process). The yardstick's graph is made
once, by the first tree, for both.

A tree whose layout modules are compiled (mypyc, see ``hatch_build.py``) runs too, but its
steps say little: compiled modules call each other directly, past the wrappers that time
each step, so only the totals and the overhead compare.

Run from the repository root::

    .venv/bin/python bench/compare_genogram.py /tmp/old/src src 5 case.yaml [case.yaml ...]
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent


def measure(case_file: Path, dot_file: Path | None = None) -> dict[str, float]:
    """One process's figures for ``case_file`` (medians of three), CPU ms; the yardstick's
    graph read from ``dot_file`` when given (see :func:`main`)."""
    import pygraphviz
    from bench_genogram import _dot_source, _timed, step_times

    from systeemkaart.drawing import draw
    from systeemkaart.io.yaml_json import load

    if dot_file is None:
        source = _dot_source(load(case_file))
    else:
        source = dot_file.read_text(encoding="utf-8")

    def dot_svg() -> None:
        with contextlib.redirect_stderr(io.StringIO()):  # "may take a long time"
            pygraphviz.AGraph(string=source).draw(format="svg", prog="dot")

    def ours() -> None:
        draw(load(case_file), "genogram")

    ours()  # warm up
    (dot_w, dot_c), (ours_w, ours_c) = _timed([dot_svg, ours], 3)
    ms = step_times(case_file, 3)
    ms["dot -Tsvg"] = dot_c * 1e3
    ms["ours (load + layout + draw, not wrapped)"] = ours_c * 1e3
    ms["overhead on top of dot -Tsvg, %"] = (ours_c - dot_c) / dot_c * 100
    ms["wall: dot -Tsvg"] = dot_w * 1e3
    ms["wall: ours (load + layout + draw)"] = ours_w * 1e3
    ms["wall: overhead on top of dot -Tsvg, %"] = (ours_w - dot_w) / dot_w * 100
    return ms


def main() -> None:
    """Take turns between the two trees and print each figure's median per tree."""
    if len(sys.argv) in (3, 4) and sys.argv[1] == "--one":
        sys.path.insert(0, str(HERE))
        print(json.dumps(measure(Path(sys.argv[2]),
                                 Path(sys.argv[3]) if len(sys.argv) == 4 else None)))
        return
    if len(sys.argv) == 4 and sys.argv[1] == "--dot":
        sys.path.insert(0, str(HERE))
        from bench_genogram import _dot_source

        from systeemkaart.io.yaml_json import load

        Path(sys.argv[3]).write_text(_dot_source(load(Path(sys.argv[2]))), encoding="utf-8")
        return
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    trees = [str(Path(t).resolve()) for t in sys.argv[1:3]]
    rounds = int(sys.argv[3])
    files = [Path(f) for f in sys.argv[4:]]
    print(f"command: .venv/bin/python bench/compare_genogram.py {' '.join(sys.argv[1:])}")
    got: dict[Path, list[dict[str, list[float]]]] = {
        f: [defaultdict(list), defaultdict(list)] for f in files}
    scratch = tempfile.TemporaryDirectory()
    dots: dict[Path, str] = {}
    for i, case_file in enumerate(files):  # the yardstick's graph, as the first tree makes it
        dots[case_file] = str(Path(scratch.name) / f"{i}.dot")
        subprocess.run([sys.executable, __file__, "--dot", str(case_file), dots[case_file]],
                       env={**os.environ, "PYTHONPATH": trees[0]}, check=True)
    for r in range(rounds):
        for case_file in files:
            order = [0, 1] if r % 2 == 0 else [1, 0]  # neither tree always goes first
            for k in order:
                env = {**os.environ, "PYTHONPATH": trees[k]}
                out = subprocess.run([sys.executable, __file__, "--one", str(case_file),
                                      dots[case_file]],
                                     env=env, check=True, capture_output=True, text=True)
                for name, value in json.loads(out.stdout.strip().splitlines()[-1]).items():
                    got[case_file][k][name].append(value)
    for case_file in files:
        first, second = got[case_file]
        print(f"\n{case_file.name}: CPU ms (wall where said), median of {rounds} processes "
              "per tree")
        print(f"  {'':50} {'first':>7} {'second':>7}")
        for name in first:
            print(f"  {name:50} {statistics.median(first[name]):7.0f} "
                  f"{statistics.median(second[name]):7.0f}")


if __name__ == "__main__":
    main()
