"""Genogram emotional lines: the ways not drawn give back the room they took."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from systeemkaart.io.yaml_json import load
from systeemkaart.layout import genogram, genogram_resolve
from systeemkaart.layout import genogram_relations as relation
from systeemkaart.layout.genogram import GenogramOptions, layout_genogram
from systeemkaart.layout.genogram_places import Pending, Work
from systeemkaart.layout.genogram_quality import lines_on_lines
from systeemkaart.layout.genogram_route import Router
from systeemkaart.layout.genogram_straight import straighten_relations as straighten
from systeemkaart.model import Case
from tests.layout.genogram_yardstick import all_crossings
from tests.strategies import families_with_relations, with_relations
from tests.strategies_genogram import genogram_families

Lines = Counter[tuple[str, Any, float, float]]


def _lines(router: Router) -> Lines:
    """Every vertical line the router notes, per corridor and per band: (where, which,
    x, half width), counted."""
    out: Lines = Counter()
    for key, xs in router._occupied.items():
        out.update(("corridor", key, x, h) for x, h in zip(xs, router._halves[key],
                                                          strict=True))
    for band, (xs, hs) in router._bands.items():
        out.update(("band", band, x, h) for x, h in zip(xs, hs, strict=True))
    return out


def _watch(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Lines, Work, Pending]]:
    """Per drawing of emotional lines made while laying out: the router's lines before
    the first relation was routed, and the work and pending lines once they are drawn."""
    seen: list[tuple[Lines, Work, Pending]] = []
    before: dict[int, Lines] = {}
    add = relation.add_relation

    def add_relation(work: Work, index: int, pending: Pending) -> None:
        if id(pending) not in before:
            assert work.router is not None
            before[id(pending)] = _lines(work.router)
        add(work, index, pending)

    def straighten_relations(work: Work, pending: Pending, *args: Any) -> Any:
        out = straighten(work, pending, *args)
        seen.append((before[id(pending)], work, pending))
        return out

    monkeypatch.setattr(genogram, "add_relation", add_relation)
    monkeypatch.setattr(genogram_resolve, "straighten_relations", straighten_relations)
    return seen


def _check(seen: list[tuple[Lines, Work, Pending]]) -> None:
    """The router holds the family lines and, per relation, the one way kept (drawn or
    to fall back on), nothing of the ways not drawn."""
    assert seen
    for family, work, pending in seen:
        router = work.router
        assert router is not None
        where: dict[int, tuple[str, Any]] = {
            id(xs): ("corridor", key) for key, xs in router._occupied.items()}
        where.update({id(xs): ("band", band) for band, (xs, _hs) in router._bands.items()})
        expected = Counter(family)
        assert len(pending.relation_kept) == len(pending.relation)
        for k, j in enumerate(pending.relation_kept):
            expected.update((*where[id(xs)], x, h)
                            for xs, _hs, x, h in pending.relation_taken[k][j].holds)
        assert _lines(router) == expected


@settings(max_examples=30, deadline=None)
@given(with_relations(families_with_relations()))
def test_after_layout_the_router_holds_only_the_ways_drawn(case: Case) -> None:
    """Once the ways are chosen, the router's corridors and bands hold the family lines
    and each relation's way kept, and nothing of the ways not drawn: a relation routed
    (again) later finds their room free."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        seen = _watch(monkeypatch)
        layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    _check(seen)


@settings(max_examples=20, deadline=None)
@given(with_relations(genogram_families()))
def test_after_layout_of_generated_genograms_the_router_holds_only_the_ways_drawn(
        case: Case) -> None:
    """As :func:`test_after_layout_the_router_holds_only_the_ways_drawn`, on the
    generated genograms (several rows, corridors shared by many lines)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        seen = _watch(monkeypatch)
        layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    _check(seen)


def test_lines_down_a_full_corridor_find_the_room_of_ways_not_drawn() -> None:
    """A woman's three lines out of her left side down a full corridor, and a line from
    the next family's husband leaving there too (``genogram-jog-in-full-corridor``): the
    ways not drawn held the corridor's slots, the later lines took ways across the family
    lines, 11 crossings in all (7 before a change to the slot of a full corridor). Routed
    again with only the drawn ways holding room, they cross 6 times, and no line runs on
    another."""
    case = load(Path(__file__).resolve().parents[1] / "data"
                / "genogram-jog-in-full-corridor.json")
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    assert all_crossings(layout, straight=False) <= 7
    assert lines_on_lines(layout) == []
