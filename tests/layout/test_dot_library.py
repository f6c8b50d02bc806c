"""Graphviz's libraries called directly: the same ``plain`` text as pygraphviz, the same
layout, and pygraphviz taken when the libraries are not found."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pygraphviz
import pytest
from hypothesis import given, settings

from systeemkaart.layout import dot_library, genogram_dot
from systeemkaart.layout.genogram_blocks import build_structure
from systeemkaart.layout.genogram_dot import dot_source
from systeemkaart.model import Case
from tests.conftest import ROOT
from tests.strategies import families

CASES = sorted((ROOT / "tests" / "cases").glob("*.yaml"))


def _source(case: Case, *, bounded: bool | None = None) -> str:
    st = build_structure(case)
    widths = {p.id: 40.0 + 3 * len(p.id) for p in case.people}
    gaps = [[20.0 + i for i in range(len(b.persons) + 1)] for b in st.blocks]
    return dot_source(st, widths, gaps, bounded=bounded)


def _by_pygraphviz(source: str) -> bytes:
    out = pygraphviz.AGraph(string=source).draw(format="plain", prog="dot")
    assert isinstance(out, bytes)
    return out


def test_the_libraries_are_found_beside_pygraphviz() -> None:
    assert dot_library.plain("digraph { a -> b }") is not None


@pytest.mark.parametrize("path", CASES[:12], ids=lambda p: p.name)
def test_same_text_as_pygraphviz_on_the_test_cases(path: Path) -> None:
    from systeemkaart.io.yaml_json import load

    case = load(path)
    if not case.people:
        pytest.skip("no family to lay out")
    for bounded in (False, True):
        source = _source(case, bounded=bounded)
        assert dot_library.plain(source) == _by_pygraphviz(source)


@settings(max_examples=15, deadline=None)
@given(families(max_generations=4))
def test_same_text_as_pygraphviz_on_generated_families(case: Case) -> None:
    source = _source(case)
    assert dot_library.plain(source) == _by_pygraphviz(source)


def test_a_broken_graph_is_an_error_not_a_crash(capfd: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ValueError, match="could not read"):
        dot_library.plain("digraph { a -> }")
    assert "syntax error" in capfd.readouterr().err
    assert dot_library.plain("digraph { a -> b }") is not None  # still usable afterwards


def test_without_the_libraries_pygraphviz_lays_out_the_same(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    source = _source(_small_family())
    direct = genogram_dot._plain(source)
    monkeypatch.setattr(dot_library, "_loaded", [])
    monkeypatch.setattr(dot_library, "find_spec", lambda name: None)
    assert dot_library.plain(source) is None
    assert genogram_dot._plain(source) == direct
    (tmp_path / "pygraphviz").mkdir()  # a package without the bundled libraries

    spec = SimpleNamespace(submodule_search_locations=[str(tmp_path / "pygraphviz")])
    monkeypatch.setattr(dot_library, "_loaded", [])
    monkeypatch.setattr(dot_library, "find_spec", lambda name: spec)
    assert dot_library.plain(source) is None
    assert genogram_dot._plain(source) == direct


def _small_family() -> Case:
    """A small family: two couples and their children."""
    from systeemkaart.io.yaml_json import load

    return load(ROOT / "tests" / "cases" / "four-generations.yaml")
