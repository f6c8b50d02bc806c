"""Genogram quality and speed: our layout against a plain Graphviz ``dot`` drawing.

Quality, on the hand-made situation cases and generated families (seeded, so every run
measures the same families):

- structural crossings (partner and child lines crossing each other), each crossing point
  once as a reader sees it (child lines of one union share their stem: a line across it is
  one crossing; two lines crossing where both bend, as Graphviz's splines may, count too),
  and, separately, all crossings including emotional relations (pairs of
  crossing segments);
- total length of the family lines;
- overlapping boxes and split partners (someone standing between two partners, or the
  partners on different rows);

for our layout and for plain ``dot`` (persons and one join node per couple as nodes, edges
person -> join -> child, the same box sizes, no constraints).

Speed: ``systeemkaart draw`` of a typical case as a whole process, against ``python -c
pass`` plus ``dot -Tsvg`` of the same graph (the ``dot`` engine bundled with pygraphviz, run
through a minimal script); and a generated family of about 3,000 people (and royal92, 3,010
people, when the public GEDCOM files are there), where our time in process for what
``systeemkaart draw`` does (load the case file, lay it out, draw it) on top of ``dot -Tsvg``
of the graph we hand Graphviz is reported as overhead, with our CPU time per step. Speed
figures are medians of several runs, as wall time and as CPU time (which a loaded machine
disturbs less; it includes the child process a large layout runs Graphviz in). The large
families are timed without the cycle collector, as the ``systeemkaart`` command runs (see
:func:`systeemkaart.gcpause.one_shot`); garbage is collected between the timed calls.

Scaling: our CPU time per step for generated families of 750 to 6,000 people, to find a
step that grows faster than the family (``--scaling``).

Run from the repository root: ``.venv/bin/python bench/bench_genogram.py`` (``--speed``:
the speed figures only; ``--scaling``: the scaling table only).
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import io
import itertools
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Final

from systeemkaart.io.yaml_json import load, save
from systeemkaart.layout import genogram_dot
from systeemkaart.layout.genogram import GenogramOptions, layout_genogram
from systeemkaart.layout.genogram_blocks import build_structure
from systeemkaart.layout.genogram_household_clear import (
    lines_along_outlines,
    lines_close_to_outlines,
)
from systeemkaart.layout.genogram_quality import (
    bezier_points,
    crossing_points,
    crossings,
    household_problems,
    is_join,
    lines_on_lines,
    plain_dot_graph,
    segments,
    through_vertices,
    twins_apart,
)
from systeemkaart.model import Case

__all__ = ["random_family"]

ROOT = Path(__file__).resolve().parent.parent
Point = tuple[float, float]
Segment = tuple[Point, Point]


# --- generated families ----------------------------------------------------------------


def random_family(seed: int, target: int, *, relations: int = 6, start: int = 1850) -> Case:
    """A family of about ``target`` people: remarriages, half-siblings, twins, adoption,
    foster care, single parents, a cousin marriage now and then, emotional relations.

    The founder is born in ``start``; the case is drawn as of 2030, so a large family needs
    an early start for everyone to be born by then (a drawing leaves out the unborn)."""
    rng = random.Random(seed)
    people: list[dict[str, Any]] = []
    partnerships: list[dict[str, Any]] = []
    children: list[dict[str, Any]] = []
    born: dict[str, int] = {}

    def person(year: int, sex: str | None = None, **extra: Any) -> str:
        pid = f"p{len(people)}"
        people.append({"id": pid, "name": f"Naam {len(people)}",
                       "sex": sex or rng.choice(("male", "female")), "born": year, **extra})
        born[pid] = year
        return pid

    year = start
    current = [person(year, "male")]
    while len(people) < target and current:
        following: list[str] = []
        for pid in current:
            if len(people) >= target:
                break
            n_partners = rng.choices((0, 1, 2, 3), (2, 10, 3, 1))[0]
            if len(people) == 1:
                n_partners = max(1, n_partners)  # the founder always starts a family
            if n_partners == 0:
                if rng.random() < 0.3:
                    for _ in range(rng.randint(1, 2)):
                        kid = person(born[pid] + rng.randint(20, 35))
                        children.append({"parents": [pid], "child": kid})
                        following.append(kid)
                continue
            when = born[pid] + 20
            for k in range(n_partners):
                spouse = person(born[pid] + rng.randint(-4, 4),
                                "female" if people[int(pid[1:])]["sex"] == "male" else "male")
                rec: dict[str, Any] = {"partners": [pid, spouse], "start": when}
                if k < n_partners - 1:
                    rec["status"] = rng.choice(("divorced", "separated"))
                    rec["end"] = when + 5
                partnerships.append(rec)
                for _ in range(rng.choices((0, 1, 2, 3, 4), (1, 3, 4, 2, 1))[0]):
                    kid = person(when + rng.randint(1, 4))
                    kind = rng.choices(("biological", "adopted", "foster"), (20, 1, 1))[0]
                    children.append({"parents": [pid, spouse], "child": kid, "kind": kind})
                    following.append(kid)
                    if rng.random() < 0.06:
                        twin = person(born[kid], twin_of=kid)
                        children.append({"parents": [pid, spouse], "child": twin, "kind": kind})
                        following.append(twin)
                when += 8
        current = following
    ids = [p["id"] for p in people]
    rel_kinds = ("close", "conflict", "distant", "cutoff", "hostile", "fused", "caregiving")
    rels = []
    for _ in range(relations):
        a, b = rng.sample(ids, 2)
        rels.append({"between": [a, b], "kind": rng.choice(rel_kinds)})
    return Case.model_validate({
        "schema": "systeemkaart/1",
        "case": {"id": f"gen-{seed}", "title": f"Generated {seed}", "as_of": 2030},
        "people": people, "partnerships": partnerships, "children": children,
        "relations": rels,
    })


# --- geometry (segments and crossings come from systeemkaart.layout.genogram_quality) ------


def _length(segments: list[Segment]) -> float:
    return sum(((q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2) ** 0.5 for p, q in segments)


# --- ours ------------------------------------------------------------------------------


def ours(case: Case) -> dict[str, float]:
    """Crossings, length, overlaps and split partners of our layout."""
    from systeemkaart.layout.genogram_clear import crowded_count, lines_near_text

    layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    structural: list[tuple[str, list[Segment]]] = []
    for p in layout.partnerships:
        structural.append(("u:" + "|".join(sorted(p.partners)), segments(p.points)))
    for c in layout.children:
        structural.append(("u:" + "|".join(sorted(c.parents)), segments(c.points)))
    relations = [(f"r{r.index}", segments(r.points)) for r in layout.relations]
    boxes = list(layout.node_boxes().values())
    overlaps = sum(1 for a, b in itertools.combinations(boxes, 2) if a.overlaps(b))
    split = 0
    for ps in case.partnerships:
        a, b = (layout.people[x] for x in ps.partners)
        if a.row != b.row:
            split += 1
            continue
        lo, hi = sorted((a.box.cx, b.box.cx))
        between = [p for p in layout.people.values() if p.row == a.row and lo < p.box.cx < hi
                   and p.id not in ps.partners]
        partners_of = {x for q in case.partnerships for x in q.partners
                       if set(q.partners) & set(ps.partners)}
        if any(p.id not in partners_of for p in between):
            split += 1
    straight = [(f"r{r.index}", [(layout.people[r.between[0]].symbol_centre(),
                                   layout.people[r.between[1]].symbol_centre())])
                for r in layout.relations]
    family_only = crossings(structural)
    return {
        "structural": len(crossing_points(structural) | through_vertices(structural)),
        "all": crossings(structural + relations),
        "straight": crossings(structural + straight),
        "emo_family": crossings(structural + relations) - family_only - crossings(relations),
        "emo_emo": crossings(relations),
        "straight_family": crossings(structural + straight) - family_only - crossings(straight),
        "straight_emo": crossings(straight),
        "length": _length([s for _, segs in structural for s in segs]),
        "overlaps": overlaps,
        "split": split,
        "lol": len(lines_on_lines(layout)),
        "crowd": crowded_count(layout),
        "text": len(lines_near_text(layout)),
        "twins": len(twins_apart(case, layout)),
        "households": len(household_problems(layout)),
        "along_outline": len(lines_along_outlines(layout)),
        "close_outline": len(lines_close_to_outlines(layout)),
    }


# --- plain dot -------------------------------------------------------------------------


def plain_dot(case: Case, with_relations: bool = True) -> dict[str, float]:
    """The same family drawn by plain ``dot``: persons and join nodes, no constraints."""
    sizes = layout_genogram(case, GenogramOptions(at=case.as_of())).node_boxes()
    g = plain_dot_graph(case, sizes, relations=with_relations)
    pos = {n: tuple(float(v) for v in g.get_node(n).attr["pos"].split(",")) for n in g.nodes()}
    structural: list[tuple[str, list[Segment]]] = []
    relations: list[tuple[str, list[Segment]]] = []
    for e in g.edges():
        raw = e.attr.get("pos") or ""
        pts = [tuple(float(v) for v in tok.split(",")) for tok in raw.split()
               if not tok.startswith(("e,", "s,"))]
        segs = segments(bezier_points(pts)) if len(pts) >= 4 else []
        key = str(e.name)
        group = (e[1] if is_join(e[1]) else e[0]) if not key.startswith("rel") \
            else key
        (relations if key.startswith("rel") else structural).append((str(group), segs))
    # an edge touches its end nodes: crossings between edges that share a node do not count
    def shared(edges: list[tuple[str, list[Segment]]]) -> int:
        return crossings(edges)

    rows: dict[float, list[tuple[float, str]]] = defaultdict(list)
    for pid in sizes:
        rows[pos[pid][1]].append((pos[pid][0], pid))
    split = 0
    for ps in case.partnerships:
        a, b = ps.partners
        if pos[a][1] != pos[b][1]:
            split += 1
            continue
        lo, hi = sorted((pos[a][0], pos[b][0]))
        if any(lo < x < hi for x, pid in rows[pos[a][1]] if pid not in (a, b)):
            split += 1
    boxes = list(sizes.items())
    overlaps = 0
    for (pa, ba), (pb, bb) in itertools.combinations(boxes, 2):
        ax, ay = pos[pa]
        bx, by = pos[pb]
        if abs(ax - bx) * 2 < ba.w + bb.w - 1e-6 and abs(ay - by) * 2 < ba.h + bb.h - 1e-6:
            overlaps += 1
    return {
        "structural": len(crossing_points(structural) | through_vertices(structural)),
        "all": shared(structural + relations),
        "length": _length([s for _, segs in structural for s in segs]),
        "overlaps": overlaps,
        "split": split,
    }


# --- speed -----------------------------------------------------------------------------


def _runs(cmds: list[list[str]], runs: int) -> list[tuple[float, float]]:
    """Median wall time and median CPU time (user + system of the child) of each command.

    The commands take turns, round after round, so a change in the machine's load touches
    all of them alike. Byte code may be written (as an installed package has it) and one
    round warms up first, so no run pays for compiling modules.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for cmd in cmds:
        subprocess.run(cmd, check=True, capture_output=True, env=env)
    walls: list[list[float]] = [[] for _ in cmds]
    cpus: list[list[float]] = [[] for _ in cmds]
    for _ in range(runs):
        for k, cmd in enumerate(cmds):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True, env=env)
            walls[k].append(time.perf_counter() - t)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus[k].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return [(statistics.median(w), statistics.median(c)) for w, c in zip(walls, cpus,
                                                                         strict=True)]


def _timed(funcs: list[Callable[[], object]], runs: int) -> list[tuple[float, float]]:
    """Median wall time and median CPU time (this process and its children) of each
    function, the functions taking turns round after round."""
    walls: list[list[float]] = [[] for _ in funcs]
    cpus: list[list[float]] = [[] for _ in funcs]
    for _ in range(runs):
        for k, func in enumerate(funcs):
            with _as_command():
                c = _cpu()
                t = time.perf_counter()
                func()
                walls[k].append(time.perf_counter() - t)
                cpus[k].append(_cpu() - c)
    return [(statistics.median(w), statistics.median(c)) for w, c in zip(walls, cpus,
                                                                         strict=True)]


@contextlib.contextmanager
def _as_command() -> Iterator[None]:
    """Run the block without the cycle collector, as the ``systeemkaart`` command runs (it
    turns the collector off for good, see :func:`systeemkaart.gcpause.one_shot`), then
    collect its garbage outside the timing."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()


_STEPS: Final = (
    ("systeemkaart.io.yaml_json", "read_document", "reading the YAML"),
    ("systeemkaart.io.yaml_json", "check_document", "validation and checks"),
    ("systeemkaart.render.genogram", "case_at", "the case at its date"),
    ("systeemkaart.layout.genogram", "build_structure", "structure (rows, blocks)"),
    ("systeemkaart.layout.genogram", "dot_source", "the dot graph"),
    ("systeemkaart.layout.genogram", "place_blocks", "Graphviz"),
    ("systeemkaart.layout.genogram", "_finish", "family lines and resolving"),
    ("systeemkaart.layout.genogram", "resolve_layout", "resolving coordinates"),
    ("systeemkaart.layout.genogram_resolve", "straighten_relations", "emotional lines"),
    ("systeemkaart.layout.genogram", "_layout", "layout"),
    ("systeemkaart.render.genogram", "render_layout", "painting"),
)
"""The steps timed one by one: (module, function, name); each is timed as a whole, so a
step's time includes the steps it calls (see :func:`steps`)."""
_MEANWHILE: Final = "work during Graphviz (no coordinates)"
"""The step of what runs while Graphviz lays out in its child process (``meanwhile`` of
:func:`~systeemkaart.layout.genogram_dot.place_blocks`): timed apart from Graphviz's step.
In CPU time it adds to Graphviz's; in wall time, on two free cores, it overlaps it."""


def steps(case_file: Path, runs: int) -> None:
    """Print the median CPU ms of each step of load + lay out + draw of ``case_file`` (see
    :func:`step_times`)."""
    ms = step_times(case_file, runs)
    print("  our CPU ms per step (median; functions wrapped):")
    names = {"family lines and resolving": "family lines (routing)",
             "layout": "layout's own steps (texts, widths, gaps, places)"}
    for name, value in ms.items():
        print(f"    {names.get(name, name):50} {value:6.0f}")


def step_times(case_file: Path, runs: int) -> dict[str, float]:
    """The median CPU ms of each step of load + lay out + draw of ``case_file``, the steps
    inside another one subtracted from it (the functions wrapped: a little slower)."""
    from systeemkaart.drawing import draw

    spent: dict[str, float] = defaultdict(float)
    saved: list[tuple[Any, str, Any]] = []

    def timed(func: Callable[..., Any], name: str) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            if kwargs.get("meanwhile") is not None:  # inside Graphviz's step, told apart
                kwargs["meanwhile"] = timed(kwargs["meanwhile"], _MEANWHILE)
            c = _cpu()
            try:
                return func(*args, **kwargs)
            finally:
                spent[name] += _cpu() - c
        return run

    for module_name, attr, name in _STEPS:
        module = importlib.import_module(module_name)
        saved.append((module, attr, getattr(module, attr)))
        setattr(module, attr, timed(getattr(module, attr), name))
    rounds: dict[str, list[float]] = defaultdict(list)
    try:
        for _ in range(runs):
            spent.clear()
            with _as_command():
                c = _cpu()
                draw(load(case_file), "genogram")
                spent["total"] = _cpu() - c
            for name, value in spent.items():
                rounds[name].append(value)
    finally:
        for module, attr, func in reversed(saved):
            setattr(module, attr, func)
    ms = {name: statistics.median(values) * 1e3 for name, values in rounds.items()}
    for _, _, name in _STEPS:  # a step a compiled module calls directly is not seen
        ms.setdefault(name, 0.0)
    ms.setdefault(_MEANWHILE, 0.0)
    ms["Graphviz"] -= ms[_MEANWHILE]
    ms["resolving coordinates"] -= ms["emotional lines"]
    ms["family lines and resolving"] -= ms["resolving coordinates"] + ms["emotional lines"]
    ms["layout"] -= sum(ms[k] for k in ("structure (rows, blocks)", "the dot graph",
                                           "Graphviz", "family lines and resolving",
                                           "resolving coordinates", "emotional lines",
                                           _MEANWHILE))
    ms["the rest (drawing's glue)"] = ms["total"] - sum(
        v for k, v in ms.items() if k != "total")
    order = [name for _, _, name in _STEPS] + [_MEANWHILE, "the rest (drawing's glue)",
                                                "total"]
    return {name: ms.get(name, 0.0) for name in order}


def _dot_source(case: Case) -> str:
    """Our own dot graph of the case (the graph Graphviz lays out for us), with its edges
    drawn as ``dot -Tsvg`` draws a graph: our layout asks Graphviz for the places of the
    nodes only (``splines=none``), the yardstick stays a drawing of the whole graph."""
    captured: list[str] = []
    original = genogram_dot.place_blocks

    def spy(source: str, count: int, waypoints: dict[str, float] | None = None,
            **kwargs: Any) -> list[float]:
        captured.append(source)
        return original(source, count, waypoints, **kwargs)

    import systeemkaart.layout.genogram as lg

    lg.place_blocks = spy  # type: ignore[assignment]
    try:
        layout_genogram(case)
    finally:
        lg.place_blocks = original  # type: ignore[assignment]
    return captured[0].replace("splines=none", "splines=false")


GEDCOM = Path("/work/shared/data/gedcom")
"""Public GEDCOM samples, used in place when present (families up to ``_GEDCOM_MAX``)."""
_GEDCOM_MAX = 250


def _families() -> list[tuple[str, Case]]:
    """Hand-made cases, examples, seeded generated families and the public GEDCOM files."""
    cases = [(p.stem, load(p)) for p in sorted((ROOT / "tests" / "cases").glob("*.yaml"))]
    cases += [(p.stem, load(p)) for p in sorted((ROOT / "examples").glob("*.yaml"))]
    cases += [(f"generated-{s}", random_family(s, 60)) for s in range(1, 9)]
    if GEDCOM.is_dir():
        from systeemkaart.io.gedcom import read_gedcom

        for path in sorted(GEDCOM.glob("*.ged")) + sorted(GEDCOM.glob("*.GED")):
            try:
                case = read_gedcom(path).case
            except Exception:  # a sample our reader refuses is not measured
                continue
            if 2 <= len(case.people) <= _GEDCOM_MAX and case.children:
                cases.append((path.stem[:24], case))
    return cases


def quality() -> None:
    """Print the quality table: ours against plain ``dot`` on hand-made, example, generated
    and public GEDCOM families. ``straight``: all crossings with every emotional line drawn
    straight between its symbols; ``lol``: line pairs closer than 4 units for more than 10;
    ``crowd``: emotional lines drawn closer than 6 units (by what they draw) to another
    line along a stretch, per pair; ``text``: emotional lines within 4 units of a text not
    their ends' (see :mod:`systeemkaart.layout.genogram_clear`); ``tw``: twins apart;
    ``hh``: household outline problems. Below the table: emotional lines that run along a
    household outline or frame (see :mod:`systeemkaart.layout.genogram_household_clear`),
    per pair, and those whose strokes come within 6 units of one, parallel, over 10 units
    or more."""
    print(f"{'family':24} {'people':>6} | {'ours: struct':>12} {'all':>4} {'straight':>8} "
          f"{'lol':>3} {'crowd':>5} {'text':>4} {'tw':>2} {'hh':>2} {'ovl':>3} {'split':>5} | "
          f"{'dot: struct':>11} {'all':>4} {'split':>5}")
    totals: dict[str, float] = defaultdict(float)
    worse: list[str] = []
    bent: list[str] = []  # emotional lines as drawn cross more than drawn straight
    for name, case in _families():
        a, b = ours(case), plain_dot(case)
        for k, v in a.items():
            totals["ours_" + k] += v
        for k, v in b.items():
            totals["dot_" + k] += v
        if a["structural"] > b["structural"]:
            worse.append(name)
        if a["all"] > a["straight"]:
            bent.append(f"{name} ({a['all']:.0f} > {a['straight']:.0f})")
        print(f"{name:24} {len(case.people):6} | {a['structural']:12.0f} {a['all']:4.0f} "
              f"{a['straight']:8.0f} {a['lol']:3.0f} {a['crowd']:5.0f} {a['text']:4.0f} "
              f"{a['twins']:2.0f} {a['households']:2.0f} "
              f"{a['overlaps']:3.0f} {a['split']:5.0f} | {b['structural']:11.0f} "
              f"{b['all']:4.0f} {b['split']:5.0f}")
    t = totals
    print(f"{'total':24} {'':6} | {t['ours_structural']:12.0f} {t['ours_all']:4.0f} "
          f"{t['ours_straight']:8.0f} {t['ours_lol']:3.0f} {t['ours_crowd']:5.0f} "
          f"{t['ours_text']:4.0f} {t['ours_twins']:2.0f} "
          f"{t['ours_households']:2.0f} {t['ours_overlaps']:3.0f} {t['ours_split']:5.0f} | "
          f"{t['dot_structural']:11.0f} {t['dot_all']:4.0f} {t['dot_split']:5.0f}")
    print(f"families with more structural crossings than plain dot: {', '.join(worse) or 'none'}")
    print(f"families whose emotional lines cross more than drawn straight: "
          f"{', '.join(bent) or 'none'}")
    print(f"emotional lines crossing family lines {t['ours_emo_family']:.0f} (drawn straight "
          f"{t['ours_straight_family']:.0f}), crossing each other {t['ours_emo_emo']:.0f} "
          f"(drawn straight {t['ours_straight_emo']:.0f})")
    print(f"emotional lines running along a household outline or frame "
          f"{t['ours_along_outline']:.0f}, within 6 units of one (by what the line draws, "
          f"parallel, over 10+ units) {t['ours_close_outline']:.0f}")


def speed(runs: int = 7) -> None:
    """Print the speed figures (medians of ``runs``, wall and CPU time): a typical case as a
    whole process, and large families in process (see :func:`overhead`)."""

    typical = ROOT / "examples" / "mdo-weglopen.yaml"
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "g.dot"
        src.write_text(_dot_source(load(typical)), encoding="utf-8")
        dot_cmd = [sys.executable, "-c", "import sys, pygraphviz; sys.stdout.buffer.write("
                   "pygraphviz.AGraph(filename=sys.argv[1]).draw(format='svg', prog='dot'))",
                   str(src)]
        draw_cmd = [str(Path(sys.executable).parent / "systeemkaart"), "draw", str(typical),
                    "-o", str(Path(tmp) / "out.svg")]
        floor, dot_t, ours_t = _runs([[sys.executable, "-c", "pass"], dot_cmd, draw_cmd],
                                     runs * 2)
    print(f"typical case ({typical.name}), whole processes taking turns, median of "
          f"{runs * 2}, wall ms / CPU ms:")
    print(f"  python -c pass                      {floor[0] * 1e3:6.0f} / {floor[1] * 1e3:4.0f}")
    print(f"  dot -Tsvg (pygraphviz, with python) {dot_t[0] * 1e3:6.0f} / {dot_t[1] * 1e3:4.0f}")
    print(f"  systeemkaart draw                   {ours_t[0] * 1e3:6.0f} / "
          f"{ours_t[1] * 1e3:4.0f}")
    print(f"  draw / (python -c pass + dot -Tsvg) wall {ours_t[0] / (floor[0] + dot_t[0]):.2f}"
          f" x, CPU {ours_t[1] / (floor[1] + dot_t[1]):.2f} x (target: within 6 x)")

    with tempfile.TemporaryDirectory() as tmp:
        big_file = Path(tmp) / "generated-3000.yaml"
        save(random_family(7, 3000, relations=40, start=1740), big_file)
        files = [big_file]
        royal = GEDCOM / "gedsamples_royal92.ged"
        if royal.is_file():
            from systeemkaart.io.gedcom import read_gedcom

            files.append(Path(tmp) / "royal92.yaml")
            save(read_gedcom(royal).case, files[-1])
        for case_file in files:
            overhead(case_file, runs)


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (a large layout runs
    Graphviz in a child process, see :func:`systeemkaart.layout.genogram_dot.place_blocks`)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def overhead(case_file: Path, runs: int) -> None:
    """Print our time for a large case file (load, lay out and draw, as ``systeemkaart
    draw`` does in process) against ``dot -Tsvg`` of the graph we hand Graphviz."""
    import pygraphviz

    from systeemkaart.drawing import draw

    big = load(case_file)
    source = _dot_source(big)
    st = build_structure(big)
    print(f"\n{case_file.stem}: {len(big.people)} people, {len(big.partnerships)} partnerships, "
          f"{len(big.children)} child links, {len(big.relations)} relations, "
          f"{len(st.blocks)} blocks, {max(st.rows.values()) + 1} rows; median of {runs}:")

    def dot_svg() -> None:
        with contextlib.redirect_stderr(io.StringIO()):  # pygraphviz: "may take a long time"
            pygraphviz.AGraph(string=source).draw(format="svg", prog="dot")

    def ours_svg() -> None:
        draw(load(case_file), "genogram")

    inside: list[float] = []  # CPU time of our own Graphviz call (parse, layout, plain out)
    original = genogram_dot.place_blocks

    def timed_place(text: str, count: int, waypoints: dict[str, float] | None = None,
                    **kwargs: Any) -> list[float]:
        c = _cpu()
        out = original(text, count, waypoints, **kwargs)
        inside.append(_cpu() - c)
        return out

    import systeemkaart.layout.genogram as lg
    import systeemkaart.layout.genogram_resolve as lr

    emotional: list[float] = []  # CPU time of the emotional-line choice
    straighten = lr.straighten_relations

    def timed_straighten(*args: Any) -> Any:
        c = _cpu()
        out = straighten(*args)
        emotional.append(_cpu() - c)
        return out

    ours_svg()  # warm up (imports, caches)
    lg.place_blocks = timed_place  # type: ignore[assignment]
    lr.straighten_relations = timed_straighten
    try:
        (dot_w, dot_c), (ours_w, ours_c) = _timed([dot_svg, ours_svg], runs)
    finally:
        lg.place_blocks = original  # type: ignore[assignment]
        lr.straighten_relations = straighten
    graphviz_c = statistics.median(inside)
    print(f"  dot -Tsvg of our graph (in process)  {dot_w * 1e3:6.0f} ms wall "
          f"{dot_c * 1e3:6.0f} ms CPU")
    print(f"  load + layout + draw (in process)    {ours_w * 1e3:6.0f} ms wall "
          f"{ours_c * 1e3:6.0f} ms CPU")
    print(f"  our overhead on top of dot -Tsvg     {(ours_w - dot_w) / dot_w * 100:6.0f} %  wall "
          f"{(ours_c - dot_c) / dot_c * 100:6.0f} %  CPU (target: below 30 %)")
    python_c = ours_c - graphviz_c
    print(f"  of that CPU time: our Graphviz call {graphviz_c * 1e3:.0f} ms, our Python "
          f"{python_c * 1e3:.0f} ms ({python_c / len(big.people) * 1e6:.0f} us per person)")
    if emotional:
        print(f"  of our Python: the emotional-line choice (straighten_relations) "
              f"{statistics.median(emotional) * 1e3:.0f} ms for {len(big.relations)} relations")
    steps(case_file, runs)


SCALING_SIZES: Final = (750, 1500, 3000, 6000)
"""People in the generated families of :func:`scaling`."""


def scaling(runs: int = 3) -> None:
    """Print our CPU ms per step (:func:`step_times`) for generated families of
    :data:`SCALING_SIZES` people (40 emotional relations per 3,000 people): a step whose
    time more than doubles from one size to the next grows faster than the family."""
    ms: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in SCALING_SIZES:
            case_file = Path(tmp) / f"generated-{n}.yaml"
            start = 2030 - 290 * max(1, n // 3000)  # everyone born by 2030
            save(random_family(7, n, relations=n * 40 // 3000, start=start), case_file)
            ms[n] = step_times(case_file, runs)
    print(f"our CPU ms per step (median of {runs}; functions wrapped), generated families:")
    print(f"  {'people':42}" + "".join(f"{n:>8,}" for n in SCALING_SIZES))
    for name in ms[SCALING_SIZES[0]]:
        print(f"  {name:42}" + "".join(f"{ms[n][name]:8.0f}" for n in SCALING_SIZES))


def main() -> None:
    """Print every figure with the command that produced it (``--speed``: speed only;
    ``--scaling``: the steps at growing sizes only)."""
    if "--scaling" in sys.argv[1:]:
        print("command: .venv/bin/python bench/bench_genogram.py --scaling\n")
        scaling()
        return
    only_speed = "--speed" in sys.argv[1:]
    print(f"command: .venv/bin/python bench/bench_genogram.py{' --speed' if only_speed else ''}"
          "\n")
    if not only_speed:
        quality()
        print()
    speed()


if __name__ == "__main__":
    main()
