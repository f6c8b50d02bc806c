"""The Graphviz call: effort bounded for large trees, laid out in a child process that
Ctrl-C stops at once, and the same result there as in this process."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from systeemkaart.dates import PartialDate
from systeemkaart.layout import genogram_dot
from systeemkaart.layout.genogram import GenogramOptions, layout_genogram
from systeemkaart.layout.genogram_blocks import build_structure
from systeemkaart.layout.genogram_dot import (
    LARGE,
    LONG_SPAN,
    dot_source,
    place_blocks,
    span_limit,
)
from systeemkaart.model import Case
from tests.conftest import ROOT
from tests.processes import end_session, start_interruptible


def _source(case_name: str, *, bounded: bool | None) -> tuple[str, int]:
    from systeemkaart.io.yaml_json import load

    case = load(ROOT / "tests" / "cases" / case_name)
    st = build_structure(case)
    widths = {p.id: 60.0 for p in case.people}
    gaps = [[20.0] * (len(b.persons) + 1) for b in st.blocks]
    return dot_source(st, widths, gaps, bounded=bounded), len(st.blocks)


def test_small_trees_get_the_full_effort() -> None:
    source, blocks = _source("four-generations.yaml", bounded=None)
    assert blocks < LARGE
    assert "nslimit" not in source and "mclimit" not in source
    assert source == _source("four-generations.yaml", bounded=False)[0]


def _chains(text: str) -> dict[str, int]:
    """Waypoints per line that skips rows (one waypoint per row passed)."""
    out: dict[str, int] = {}
    for line in text.splitlines():
        if line.startswith("w") and "[shape=point" in line:
            chain = line.split(" ", 1)[0].rsplit("_", 1)[0]
            out[chain] = out.get(chain, 0) + 1
    return out


def test_bounded_effort_drops_the_longest_edges_and_keeps_rows_in_order(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a waypoint budget only lines over at most ``LONG_SPAN`` rows steer the
    order; the rows stay in order by an invisible chain."""
    monkeypatch.setattr(genogram_dot, "WAYPOINT_SHARE", 0.0)
    source, _ = _source("four-generations.yaml", bounded=True)
    assert "nslimit=1, nslimit1=1, mclimit=0" in source
    full, _ = _source("four-generations.yaml", bounded=False)
    kept = _chains(source)
    assert all(n <= LONG_SPAN - 1 for n in kept.values())
    assert {c: n for c, n in _chains(full).items() if n <= LONG_SPAN - 1} == kept
    assert "r0 -> r1" in source


def test_bounded_effort_keeps_long_edges_within_the_waypoint_budget(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines that skip more rows steer the order too where their waypoints stay within
    ``WAYPOINT_SHARE`` of the blocks: a line that skips many rows and is left out of the
    ordering may land anywhere and cross much."""
    # a's daughter f marries her half-brother's great-grandson g, four rows down
    case = Case.model_validate({
        "case": {"id": "x", "as_of": 2100},
        "people": [{"id": p} for p in ("a", "b", "x", "c", "d", "e", "g", "f")],
        "partnerships": [{"partners": ["a", "b"]}, {"partners": ["a", "x"]},
                         {"partners": ["g", "f"]}],
        "children": [{"parents": ["a", "b"], "child": "c"}, {"parents": ["c"], "child": "d"},
                     {"parents": ["d"], "child": "e"}, {"parents": ["e"], "child": "g"},
                     {"parents": ["a", "x"], "child": "f"}],
    })
    st = build_structure(case)
    widths = {p.id: 60.0 for p in case.people}
    gaps = [[20.0] * (len(b.persons) + 1) for b in st.blocks]
    full = _chains(dot_source(st, widths, gaps, bounded=False))
    longest = max(full.values()) + 1  # rows skipped by the longest line
    assert longest > LONG_SPAN
    monkeypatch.setattr(genogram_dot, "WAYPOINT_SHARE", 1000.0)
    assert span_limit(st) == longest
    assert _chains(dot_source(st, widths, gaps, bounded=True)) == full
    monkeypatch.setattr(genogram_dot, "WAYPOINT_SHARE", 0.0)
    assert span_limit(st) == LONG_SPAN
    assert _chains(dot_source(st, widths, gaps, bounded=True)) == {}


def test_the_child_process_gives_the_same_centres(monkeypatch: pytest.MonkeyPatch) -> None:
    source, blocks = _source("remarriage.yaml", bounded=None)
    here = place_blocks(source, blocks)
    monkeypatch.setattr(genogram_dot, "_FORK_FROM", 1)
    assert place_blocks(source, blocks) == here


@pytest.mark.parametrize("fork_from", [1, 10_000])
def test_meanwhile_runs_once_in_this_process_and_changes_nothing(
        monkeypatch: pytest.MonkeyPatch, fork_from: int) -> None:
    import os

    source, blocks = _source("remarriage.yaml", bounded=None)
    here = place_blocks(source, blocks)
    monkeypatch.setattr(genogram_dot, "_FORK_FROM", fork_from)
    calls: list[int] = []
    assert place_blocks(source, blocks, meanwhile=lambda: calls.append(os.getpid())) == here
    assert calls == [os.getpid()]


@pytest.mark.skipif(sys.platform in {"win32", "darwin"}, reason="the layout runs in process")
def test_an_error_meanwhile_stops_the_child_and_is_raised(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    real_fork = os.fork
    children: list[int] = []

    def fork() -> int:
        pid = real_fork()
        if pid:
            children.append(pid)
        return pid

    def fails() -> None:
        raise RuntimeError("meanwhile")

    monkeypatch.setattr(os, "fork", fork)
    try:
        with pytest.raises(RuntimeError, match="meanwhile"):
            genogram_dot._plain_in_child(_heavy_source(), fails)
    finally:
        monkeypatch.undo()
    assert len(children) == 1
    with pytest.raises(ChildProcessError):  # killed and reaped already
        os.waitpid(children[0], os.WNOHANG)


def test_the_callers_work_meanwhile_runs_once_per_drawing(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A small drawing lays out several arrangements: the caller's work runs with the first
    only; the drawing is the one made without it."""
    from systeemkaart.io.yaml_json import load

    case = load(ROOT / "examples" / "stiefgezin.yaml")  # crossings: other arrangements tried
    options = GenogramOptions(at=case.as_of())
    calls: list[None] = []
    layouts: list[str] = []
    real = genogram_dot.place_blocks

    def counted(*args: object, **kwargs: object) -> list[float]:
        layouts.append("")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    import systeemkaart.layout.genogram as lg

    monkeypatch.setattr(lg, "place_blocks", counted)
    with_work = layout_genogram(case, options, meanwhile=lambda: calls.append(None))
    assert len(calls) == 1 and len(layouts) > 1
    assert with_work == layout_genogram(case, options)


@pytest.mark.parametrize(("case_name", "bounded"), [("remarriage.yaml", None),
                                                     ("four-generations.yaml", True)])
def test_no_edge_is_routed_and_the_places_are_those_of_routed_edges(case_name: str,
                                                                      bounded: bool | None
                                                                      ) -> None:
    source, blocks = _source(case_name, bounded=bounded)
    assert "splines=none" in source
    routed = source.replace("splines=none", "splines=false")
    waypoints: dict[str, float] = {}
    routed_waypoints: dict[str, float] = {}
    assert place_blocks(source, blocks, waypoints) == place_blocks(routed, blocks,
                                                                   routed_waypoints)
    assert waypoints == routed_waypoints


def test_the_child_reports_a_graphviz_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from systeemkaart.exceptions import LayoutError

    monkeypatch.setattr(genogram_dot, "_FORK_FROM", 1)
    with pytest.raises(LayoutError):
        place_blocks("digraph { this is not dot", 1)


def _heavy_source() -> str:
    """A graph whose unbounded layout takes minutes: long edges over many ranks."""
    rng = random.Random(7)
    ranks, width = 40, 60
    lines = ["digraph g {", "node [shape=box, label=\"\"];"]
    for r in range(ranks):
        lines.append("{rank=same; " + " ".join(f"b{r * width + i};" for i in range(width))
                     + "}")
    for r in range(ranks - 1):
        for i in range(width):
            for _ in range(3):
                to = rng.randrange(r + 1, ranks)
                lines.append(f"b{r * width + i} -> b{to * width + rng.randrange(width)} "
                             f"[minlen={to - r}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


PROBE = """
import sys
from systeemkaart.layout.genogram_dot import place_blocks
source = open(sys.argv[1], encoding="utf-8").read()
print("started", flush=True)
place_blocks(source, {count})
print("finished", flush=True)
"""


def _laying_out(tmp_path: Path) -> subprocess.Popen[str]:
    """A process a second into laying out a heavy graph."""
    source = tmp_path / "heavy.dot"
    source.write_text(_heavy_source(), encoding="utf-8")
    proc = start_interruptible([sys.executable, "-c", PROBE.format(count=2400), str(source)])
    assert proc.stdout is not None
    assert proc.stdout.readline() == "started\n"
    time.sleep(1.0)
    assert proc.poll() is None  # still laying out
    return proc


@pytest.mark.skipif(sys.platform in {"win32", "darwin"}, reason="the layout runs in process")
def test_ctrl_c_stops_a_running_layout(tmp_path: Path) -> None:
    proc = _laying_out(tmp_path)
    proc.send_signal(signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        end_session(proc)
        pytest.fail("the layout went on after Ctrl-C")
    assert "KeyboardInterrupt" in err
    assert proc.returncode != 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a parent-death signal is Linux")
def test_a_killed_draw_takes_its_layout_child_with_it(tmp_path: Path) -> None:
    """When the drawing process is killed outright (no Ctrl-C to catch), the Graphviz child
    must not lay out on alone, using a core and holding the caller's output open."""
    proc = _laying_out(tmp_path)
    proc.kill()
    try:
        proc.communicate(timeout=20)  # ends only when no child holds the pipes any more
    except subprocess.TimeoutExpired:
        end_session(proc)
        pytest.fail("the layout child went on after its parent was killed")
    assert proc.returncode == -signal.SIGKILL


def test_a_large_tree_is_laid_out_without_warnings(capfd: pytest.CaptureFixture[str]) -> None:
    from bench.bench_genogram import random_family

    case = random_family(3, 1200)
    # the generated births run past the case's date: draw it when everyone is born
    last = max(p.born.year for p in case.people if p.born is not None)
    case = case.model_copy(update={"case": case.case.model_copy(
        update={"as_of": PartialDate(last)})})
    assert len(build_structure(case).blocks) >= LARGE
    layout = layout_genogram(case, GenogramOptions(at=None))  # every fact, births past as_of too
    assert len(layout.people) == len(case.people)
    assert "layout may take a long time" not in capfd.readouterr().err


@pytest.mark.skipif(sys.platform in {"win32", "darwin"}, reason="the layout runs in process")
def test_ctrl_c_right_after_the_fork_still_stops_the_child(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """An interrupt that lands as the fork returns (before the parent guards its wait) must
    not leave the child laying out on its own."""
    import os

    real_fork = os.fork
    children: list[int] = []

    def fork_then_interrupt() -> int:
        pid = real_fork()
        if pid:
            children.append(pid)
            os.kill(os.getpid(), signal.SIGINT)
        return pid

    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    monkeypatch.setattr(os, "fork", fork_then_interrupt)
    try:
        with pytest.raises(KeyboardInterrupt):
            genogram_dot._plain_in_child(_heavy_source())
    finally:
        signal.signal(signal.SIGINT, previous)
        monkeypatch.undo()
    assert len(children) == 1
    try:
        left = os.waitpid(children[0], os.WNOHANG)
    except ChildProcessError:  # killed and reaped by the layout: what should happen
        left = None
    if left is not None:  # left running: clean up, then fail
        os.kill(children[0], signal.SIGKILL)
        os.waitpid(children[0], 0)
    assert left is None, "the child was left running"
