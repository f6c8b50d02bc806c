"""Real family trees and giant pictures: time, peak memory and crossings.

- Every public GEDCOM file in ``--data`` (default ``/work/shared/data/gedcom``) is imported
  into a temporary folder and drawn as a genogram by ``systeemkaart draw`` as a whole
  process: wall time and peak memory (the largest resident set of the process and its
  Graphviz child).
- Crossings of the family lines (partner and child lines crossing each other) in the
  bounded layout that large trees get, against ten percent of Graphviz's crossing-reduction
  iterations and against the unbounded layout (for trees over 1,000 people only with
  ``--unbounded``: minutes each).
- The PNG cap: a case too wide for a sane raster is scaled down or refused; time and peak
  memory of that conversion.

- With ``--plain``: structural crossings (partner and child lines, each crossing point once,
  as :func:`~systeemkaart.layout.genogram_quality.structural_crossings` counts them) of our
  layout against a plain Graphviz ``dot`` drawing of the same tree (people and one join node
  per couple, the yardstick of ``bench_genogram.py``) and against plain ``dot`` with each
  couple held on one row (up to 1,000 people), on every tree of at most
  ``--plain-people`` people (default 1,000: plain ``dot`` takes minutes above that), with
  the CPU seconds of each (the layout in the process: a large tree's Graphviz runs in a
  child process, not counted).

Run from the repository root: ``.venv/bin/python bench/bench_trees.py`` (``--only royal92
Queen`` limits the trees; ``--no-png`` skips the PNG part, ``--no-trees`` the trees;
``--plain --no-trees --no-png`` the comparison with plain ``dot`` alone). On a busy machine
the CPU seconds are the figure to read; wall time includes waiting for a core.
"""

from __future__ import annotations

import argparse
import itertools
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from systeemkaart.io.gedcom import read_gedcom
from systeemkaart.io.yaml_json import load, save
from systeemkaart.layout import genogram_dot
from systeemkaart.layout.genogram import GenogramLayout, layout_genogram
from systeemkaart.layout.genogram_quality import proper_cross
from systeemkaart.model import Case

ROOT = Path(__file__).resolve().parent.parent
DATA = Path("/work/shared/data/gedcom")
SK = Path(sys.executable).parent / "systeemkaart"
Point = tuple[float, float]
Segment = tuple[Point, Point]


_LAUNCHER = """
import resource, subprocess, sys, time
start = time.perf_counter()
with open(sys.argv[1], "wb") as err:
    code = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=err,
                          check=False).returncode
wall = time.perf_counter() - start
use = resource.getrusage(resource.RUSAGE_CHILDREN)
print(wall, use.ru_utime + use.ru_stime, use.ru_maxrss / 1024, code)
"""


def run_measured(argv: list[str]) -> tuple[float, float, float, int, str]:
    """Run a command; its wall and CPU seconds, peak memory in MB (the largest resident set
    of it or of a child of it), exit code and the last line it wrote on stderr.

    A small launcher process runs it, so the figures are those of the command alone (a
    child forked from this large process would start with this process's memory).
    """
    with tempfile.TemporaryDirectory() as tmp:
        err = Path(tmp) / "stderr"
        out = subprocess.run([sys.executable, "-c", _LAUNCHER, str(err), *argv],
                             capture_output=True, text=True, check=True).stdout.split()
        lines = err.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    return float(out[0]), float(out[1]), float(out[2]), int(out[3]), (lines or [""])[-1]


def crossings(layout: GenogramLayout, cell: float = 400.0) -> int:
    """Crossings between family lines of different unions (a grid of ``cell`` units, so
    only nearby segments are compared: near linear on real trees)."""
    groups: list[tuple[str, Segment]] = []
    for p in layout.partnerships:
        key = "|".join(sorted(p.partners))
        groups += [(key, s) for s in itertools.pairwise(p.points) if s[0] != s[1]]
    for c in layout.children:
        key = "|".join(sorted(c.parents))
        groups += [(key, s) for s in itertools.pairwise(c.points) if s[0] != s[1]]
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, (_, ((x1, y1), (x2, y2))) in enumerate(groups):
        for gx in range(int(min(x1, x2) // cell), int(max(x1, x2) // cell) + 1):
            for gy in range(int(min(y1, y2) // cell), int(max(y1, y2) // cell) + 1):
                grid[(gx, gy)].append(i)
    seen: set[tuple[int, int]] = set()
    count = 0
    for members in grid.values():
        for i, j in itertools.combinations(members, 2):
            if groups[i][0] == groups[j][0] or (i, j) in seen:
                continue
            seen.add((i, j))
            if proper_cross(groups[i][1], groups[j][1]):
                count += 1
    return count


def _layout_with(case_file: Path, bounded: bool | None, extra: str = "") -> tuple[int, float]:
    """Crossings and seconds of the layout with Graphviz effort bounded or not."""
    original = genogram_dot.dot_source
    import systeemkaart.layout.genogram as lg

    def source(*args: object, **kwargs: object) -> str:
        text = original(*args, bounded=bounded)  # type: ignore[arg-type]
        head, rest = text.split("];", 1)  # the graph attributes: the last value counts
        return f"{head}{extra}];{rest}"

    case = load(case_file)
    lg.dot_source = source  # type: ignore[assignment]
    try:
        start = time.perf_counter()
        layout = layout_genogram(case)
        seconds = time.perf_counter() - start
    finally:
        lg.dot_source = original  # type: ignore[assignment]
    return crossings(layout), seconds


def trees(folder: Path, only: list[str], unbounded: bool) -> None:
    """Import and draw every GEDCOM file; print time, memory, crossings."""
    files = sorted(p for p in DATA.iterdir() if p.suffix.lower() == ".ged")
    if only:
        files = [p for p in files if any(o.lower() in p.name.lower() for o in only)]
    print(f"{'tree':36} {'people':>6} {'wall s':>6} {'CPU s':>6} {'peak MB':>7} {'exit':>4} | "
          "crossings: "
          f"{'bounded':>7} {'mclimit=0.1':>11} {'unbounded':>9}")
    for ged in files:
        case_file = folder / f"{ged.stem}.yaml"
        result = read_gedcom(ged)
        save(result.case, case_file)
        people = len(result.case.people)
        wall, cpu, peak, code, _ = run_measured([str(SK), "draw", str(case_file), "-o",
                                                 str(folder / f"{ged.stem}.svg"), "--force"])
        big = people >= 300
        bounded = _layout_with(case_file, True)[0] if big else None
        tenth = _layout_with(case_file, True, ", mclimit=0.1")[0] if big else None
        full = _layout_with(case_file, False)[0] if big and (unbounded or people < 1000) \
            else None

        def show(v: int | None) -> str:
            return "-" if v is None else str(v)

        print(f"{ged.name:36} {people:6} {wall:6.2f} {cpu:6.2f} {peak:7.0f} {code:4} | {'':10} "
              f"{show(bounded):>7} {show(tenth):>11} {show(full):>9}", flush=True)


def _points(edges: list[tuple[str, list[Segment]]], cell: float = 200.0) -> int:
    """Crossing points between segments of different groups, each once, crossings at a
    shared bend included: what
    :func:`~systeemkaart.layout.genogram_quality.structural_crossings` counts, with the
    segments sorted into a grid of ``cell`` units so that only nearby ones are compared."""
    from systeemkaart.layout.genogram_quality import crossing_point, through_vertices

    flat = [(group, seg) for group, segs in edges for seg in segs]
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, (_, ((x1, y1), (x2, y2))) in enumerate(flat):
        for gx in range(int(min(x1, x2) // cell), int(max(x1, x2) // cell) + 1):
            for gy in range(int(min(y1, y2) // cell), int(max(y1, y2) // cell) + 1):
                grid[(gx, gy)].append(i)
    found: set[Point] = set()
    seen: set[tuple[int, int]] = set()
    for members in grid.values():
        for i, j in itertools.combinations(members, 2):
            if flat[i][0] == flat[j][0] or (i, j) in seen:
                continue
            seen.add((i, j))
            if proper_cross(flat[i][1], flat[j][1]):
                found.add(crossing_point(flat[i][1], flat[j][1]))
    return len(found | through_vertices(edges))


def _plain_edges(case: Case, layout: GenogramLayout, one_row: bool
                 ) -> list[tuple[str, list[Segment]]]:
    """The edges of the plain ``dot`` drawing, grouped by union (see
    :func:`~systeemkaart.layout.genogram_quality.plain_dot_edges`)."""
    from systeemkaart.layout.genogram_quality import plain_dot_edges

    return plain_dot_edges(case, layout, one_row=one_row)


def against_plain(only: list[str], most: int) -> None:
    """Structural crossings of our layout and of plain ``dot`` (free, and with couples on
    one row up to 1,000 people) on every tree of at most ``most`` people, with CPU
    seconds."""
    from systeemkaart.layout.genogram_quality import segments

    files = sorted(p for p in DATA.iterdir() if p.suffix.lower() == ".ged")
    if only:
        files = [p for p in files if any(o.lower() in p.name.lower() for o in only)]
    print(f"\nstructural crossings against plain dot (trees of at most {most} people):")
    print(f"{'tree':36} {'people':>6} {'ours':>5} {'plain dot':>9} {'one row':>7} | CPU s: "
          f"{'ours':>5} {'plain':>6} {'one row':>7}")
    total = [0, 0, 0]
    for ged in files:
        case = read_gedcom(ged).case
        people = len(case.people)
        if not case.children or people > most:
            continue
        start = time.process_time()
        layout = layout_genogram(case)
        mid = time.process_time()
        plain = _points(_plain_edges(case, layout, False))
        after = time.process_time()
        held = _points(_plain_edges(case, layout, True)) if people <= 1000 else None
        end = time.process_time()
        lines = [("u:" + "|".join(sorted(p.partners)), segments(p.points))
                 for p in layout.partnerships]
        lines += [("u:" + "|".join(sorted(c.parents)), segments(c.points))
                  for c in layout.children]
        ours = _points(lines)
        for k, v in enumerate((ours, plain, held or 0)):
            total[k] += v
        print(f"{ged.name:36} {people:6} {ours:5} {plain:9} "
              f"{'-' if held is None else held:>7} | {'':6} "
              f"{mid - start:5.2f} {after - mid:6.2f} {end - after:7.2f}", flush=True)
    print(f"{'total':36} {'':6} {total[0]:5} {total[1]:9} {total[2]:7}")


def png_cap(folder: Path) -> None:
    """Time and peak memory of a PNG of the widest tree and of a 3,000-sibling case."""
    wide = folder / "siblings.yaml"
    people = ["  - {id: p0, sex: female}", "  - {id: p1, sex: male}"]
    people += [f"  - {{id: c{i}, born: {1950 + i % 60}}}" for i in range(3000)]
    kids = [f"  - {{child: c{i}, parents: [p0, p1]}}" for i in range(3000)]
    wide.write_text("schema: systeemkaart/1\ncase: {id: veel, as_of: 2024}\npeople:\n"
                    + "\n".join(people) + "\npartnerships:\n  - {partners: [p0, p1]}\n"
                    "children:\n" + "\n".join(kids) + "\n", encoding="utf-8")
    cases = [wide]
    for name in ("gedsamples_kennedy", "gedcom4j_willis-ansel", "gedsamples_pres2020"):
        ged = next(DATA.glob(f"{name}.*"), None)
        if ged is not None:
            cases.append(folder / f"{name}.yaml")
            save(read_gedcom(ged).case, cases[-1])
    print("\nPNG export (cap: see render/convert.py):")
    for case_file in cases:
        out = folder / f"{case_file.stem}.png"
        wall, cpu, peak, code, said = run_measured([str(SK), "draw", str(case_file), "-o",
                                                    str(out), "--force"])
        size = ""
        if out.exists():
            head = out.read_bytes()[:24]
            w, h = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
            size = f"{w} x {h} px, {out.stat().st_size / 1e6:.1f} MB"
        print(f"  {case_file.stem:24} {wall:6.2f} s wall {cpu:6.2f} s CPU {peak:6.0f} MB "
              f"exit {code} {size} "
              f"{said[:100]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=[], help="Parts of tree file names.")
    parser.add_argument("--unbounded", action="store_true",
                        help="Also lay out large trees without bounds (minutes).")
    parser.add_argument("--no-png", action="store_true", help="Skip the PNG figures.")
    parser.add_argument("--no-trees", action="store_true", help="Only the PNG figures.")
    parser.add_argument("--plain", action="store_true",
                        help="Structural crossings against plain dot (minutes).")
    parser.add_argument("--plain-people", type=int, default=1000,
                        help="The largest tree compared with plain dot.")
    args = parser.parse_args()
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if not args.no_trees:
            trees(folder, args.only, args.unbounded)
        if args.plain:
            against_plain(args.only, args.plain_people)
        if not args.no_png:
            png_cap(folder)


if __name__ == "__main__":
    main()
