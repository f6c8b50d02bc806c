"""Whole-process start-up figures: what a person waits for when typing a command.

Each command runs as its own process, the commands taking turns round after round (so a
change in the machine's load touches them alike), one warm-up round first; the figures are
medians of CPU time (user + system of the child), which other load disturbs far less than
wall time. The floors: ``python -c pass`` for any Python command, plus ``dot -Tsvg`` of the
case's own DOT graph for a drawing. This machine has no ``dot`` program, so the layout is
timed inside a process (without the program's start-up, which TARGETS.md's 25 ms floor for a
typical draw includes): the ratio against that stricter floor and against 25 ms are both
shown.

Targets (TARGETS.md): ``--help`` within 2.5x ``python -c pass``; a typical ``draw`` within
6x (python + dot); ``import`` of royal92 within 2.5x a compiled parser's whole process
(about 114 ms); a single ``analyse`` under 250 ms on any path (the typical case, and the
3,010 people of royal92 as ``import`` writes them: the largest case a person analyses).

Run from the repository root: ``.venv/bin/python bench/bench_startup.py [--runs N]``. To
measure another checkout, put its ``src`` first: ``PYTHONPATH=../old/src .venv/bin/python
bench/bench_startup.py``.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROYAL = ROOT.parent / "shared" / "data" / "gedcom" / "gedsamples_royal92.ged"
TYPICAL = ROOT / "examples" / "mdo-weglopen.yaml"


def cpu_medians(cmds: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median CPU time (seconds) of each command, the commands taking turns."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for cmd in cmds.values():  # warm-up: byte code written, file caches filled
        subprocess.run(cmd, check=True, capture_output=True, env=env)
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run(cmd, check=True, capture_output=True, env=env)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            times[name].append(after.ru_utime - before.ru_utime
                               + after.ru_stime - before.ru_stime)
    return {name: statistics.median(t) for name, t in times.items()}


def _dot_source(case_file: Path) -> str:
    """The DOT graph that our genogram layout hands to Graphviz for ``case_file`` (caught
    on its way into the Graphviz call)."""
    from systeemkaart.drawing import draw
    from systeemkaart.io.yaml_json import load
    from systeemkaart.layout import genogram_dot

    caught: list[str] = []
    original = genogram_dot._plain

    def spy(source: str) -> str:
        caught.append(source)
        return original(source)

    genogram_dot._plain = spy
    try:
        draw(load(case_file), "genogram")
    finally:
        genogram_dot._plain = original
    if not caught:
        raise SystemExit("the genogram layout no longer calls genogram_dot._plain here")
    return caught[0]


def dot_in_process(source: str, runs: int) -> float:
    """Median CPU time (seconds) of ``dot -Tsvg`` on ``source`` inside this process: the
    layout itself, without Python's or pygraphviz's start-up."""
    import time

    import pygraphviz

    pygraphviz.AGraph(string=source).draw(format="svg", prog="dot")
    times = []
    for _ in range(runs):
        c = time.process_time()
        pygraphviz.AGraph(string=source).draw(format="svg", prog="dot")
        times.append(time.process_time() - c)
    return statistics.median(times)


def main() -> None:
    """Print each figure and its ratio to its floor."""
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 15
    py = sys.executable
    sk = [py, "-m", "systeemkaart"]
    with tempfile.TemporaryDirectory() as tmp:
        dot_file = Path(tmp) / "g.dot"
        source = _dot_source(TYPICAL)
        dot_file.write_text(source, encoding="utf-8")
        cmds = {
            "python -c pass": [py, "-c", "pass"],
            "dot -Tsvg (python + pygraphviz)": [
                py, "-c", "import sys, pygraphviz; sys.stdout.buffer.write(pygraphviz.AGraph("
                "filename=sys.argv[1]).draw(format='svg', prog='dot'))", str(dot_file)],
            "systeemkaart --help": [*sk, "--help"],
            "systeemkaart validate": [*sk, "validate", str(TYPICAL)],
            "systeemkaart draw": [*sk, "draw", str(TYPICAL), "-o", str(Path(tmp) / "g.svg")],
            "systeemkaart analyse": [*sk, "analyse", str(TYPICAL)],
        }
        if ROYAL.is_file():
            royal_yaml = Path(tmp) / "royal.yaml"
            cmds["systeemkaart import royal92"] = [*sk, "import", str(ROYAL), "-o",
                                                   str(royal_yaml), "--force", "-q"]
            subprocess.run(cmds["systeemkaart import royal92"], check=True, capture_output=True)
            cmds["systeemkaart analyse royal92"] = [*sk, "analyse", str(royal_yaml)]
        t = cpu_medians(cmds, runs)
    floor = t["python -c pass"]
    dot_only = dot_in_process(source, runs * 4)
    draw_floor = floor + dot_only
    print(f"command: .venv/bin/python bench/bench_startup.py --runs {runs}")
    print(f"whole processes, median CPU ms of {runs} rounds ({TYPICAL.name}):")
    for name, value in t.items():
        print(f"  {name:36} {value * 1e3:7.1f} ms")
    print(f"  dot -Tsvg inside a process           {dot_only * 1e3:7.1f} ms  (layout only)")
    print(f"  --help / python -c pass              {t['systeemkaart --help'] / floor:7.2f} x"
          "  (target <= 2.5 x)")
    print(f"  draw / (python -c pass + dot -Tsvg)  {t['systeemkaart draw'] / draw_floor:7.2f} x"
          "  (target <= 6 x; dot -Tsvg as the layout alone)")
    print(f"  draw / 25 ms                         {t['systeemkaart draw'] / 0.025:7.2f} x"
          "  (target <= 6 x; TARGETS.md's floor: python -c pass + the dot program)")
    print(f"  analyse                              {t['systeemkaart analyse'] * 1e3:7.1f} ms"
          "  (target < 250 ms)")
    if "systeemkaart import royal92" in t:
        print(f"  import royal92 / 114 ms              "
              f"{t['systeemkaart import royal92'] / 0.114:7.2f} x  (target <= 2.5 x)")
        print(f"  analyse royal92                      "
              f"{t['systeemkaart analyse royal92'] * 1e3:7.1f} ms  (target < 250 ms)")


if __name__ == "__main__":
    main()
