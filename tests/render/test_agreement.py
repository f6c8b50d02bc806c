"""Two drawings of one case at one date never disagree, and show nothing their dates exclude.

The genogram, the systemogram and the timeline all read the rules of
:mod:`systeemkaart.model.periods`; these properties draw generated cases at generated dates
and compare what each drawing says about every person, agent and line.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from hypothesis import given, settings

from systeemkaart.dates import PartialDate
from systeemkaart.drawing import draw
from systeemkaart.model import Case, born_by, case_at, deceased_at, happened_by, holds_at
from tests.strategies import cases, partial_dates

NS = "{http://www.w3.org/2000/svg}"
D = PartialDate.parse


def _groups(svg: str, cls: str) -> list[ET.Element]:
    root = ET.fromstring(svg.encode("utf-8"))
    return [g for g in root.iter(f"{NS}g") if cls in (g.get("class") or "").split()]


def _people(svg: str) -> dict[str, set[str]]:
    return {g.get("data-id") or "": set((g.get("class") or "").split())
            for g in _groups(svg, "person")}


def _case(**parts: Any) -> Case:
    data: dict[str, Any] = {"schema": "systeemkaart/1", "case": {"id": "c", "as_of": 2023}}
    data.update(parts)
    return Case.model_validate(data)


def test_a_man_who_died_in_2020_is_alive_in_both_drawings_in_2015() -> None:
    case = _case(
        people=[{"id": "opa", "sex": "male", "born": 1940, "died": 2020},
                {"id": "kind", "sex": "female", "born": 2008}],
        children=[{"parents": ["opa"], "child": "kind"}],
        organisations=[{"id": "swt", "professionals": [{"id": "anna"}]}],
        involvements=[{"agent": "anna", "targets": ["opa", "kind"], "start": 2012}])
    for when, dead in (("2015", False), ("2020", True), ("2023", True)):
        for kind in ("genogram", "systemogram"):
            classes = _people(draw(case, kind, at=D(when)))["opa"]
            assert ("deceased" in classes) is dead, (kind, when)


def test_a_genogram_of_1990_shows_no_later_marriage_nor_children() -> None:
    case = _case(
        people=[{"id": "pa", "sex": "male", "born": 1975}, {"id": "ma", "sex": "female",
                                                             "born": 1978},
                {"id": "kind", "born": 2007}],
        partnerships=[{"partners": ["pa", "ma"], "start": 2005, "status": "divorced",
                       "end": 2016}],
        children=[{"parents": ["pa", "ma"], "child": "kind"}])
    svg = draw(case, "genogram", at=D(1990))
    assert set(_people(svg)) == {"pa", "ma"}
    assert _groups(svg, "partnership") == [] and "getr." not in svg
    between = _groups(draw(case, "genogram", at=D(2010)), "partnership")
    assert len(between) == 1 and "divorced" not in (between[0].get("class") or "")
    after = _groups(draw(case, "genogram", at=D(2020)), "partnership")
    assert "divorced" in (after[0].get("class") or "").split()


@settings(max_examples=20, deadline=None)
@given(cases(max_generations=3, max_agents=10, max_partners=2, max_children=2),
       partial_dates(1960, 2035))
def test_both_drawings_agree_on_every_fact_at_any_date(case: Case, when: str | int) -> None:
    at = D(when)
    geno = _people(draw(case, "genogram", at=at))
    syst = _people(draw(case, "systemogram", at=at))
    person = {p.id: p for p in case.people}
    assert set(geno) == {p.id for p in case.people if born_by(p, at, case.as_of())}
    assert set(syst) <= set(geno)
    for pid, classes in (geno | syst).items():
        assert ("deceased" in classes) is deceased_at(person[pid], at), pid
    for pid in set(geno) & set(syst):
        assert ("deceased" in geno[pid]) == ("deceased" in syst[pid])


@settings(max_examples=25, deadline=None)
@given(cases(family=False, max_agents=14), partial_dates(1990, 2035))
def test_a_systemogram_at_a_date_shows_nothing_whose_dates_exclude_it(
        case: Case, when: str | int) -> None:
    at = D(when)
    svg = draw(case, "systemogram", at=at)
    now = case_at(case, at)
    nodes = {g.get("data-id") for g in _groups(svg, "node")}
    network = {s.id: s for s in case.network}
    contexts = {c.id: c for c in case.contexts}
    for sid, s in network.items():
        if sid in nodes:
            assert holds_at(s.start, s.end, at)
    for cid, c in contexts.items():
        if cid in nodes:
            assert holds_at(c.start, c.end, at)
    for g in _groups(svg, "membership"):
        # a context that is an organisation or a person is drawn as that node
        node, pid = g.get("data-source") or "", g.get("data-target") or ""
        places = [c for c in contexts.values() if node in (c.id, c.organisation, c.person)]
        assert any(pid in c.members_at(at) for c in places), (node, pid)
    for g in _groups(svg, "involvement"):
        for i in (g.get("data-involvements") or "").split():
            assert now.involvements[int(i)].active_at(at)
    for g in _groups(draw(case, "timeline", at=at), "period"):
        inv = case.involvements[int(g.get("data-involvement") or -1)]
        assert happened_by(inv.start, at)
