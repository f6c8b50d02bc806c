"""The case model: defaults, helpers, and messages for wrong keys and values."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError

from systeemkaart.dates import PartialDate
from systeemkaart.exceptions import CaseFormatError
from systeemkaart.io.yaml_json import loads
from systeemkaart.model import Involvement, Person, Relation
from systeemkaart.vocab import (
    CONTEXT_KINDS,
    ENTRIES,
    LANGS,
    ORGANISATION_KINDS,
    PARTNERSHIP_KINDS,
    PARTNERSHIP_STATUSES,
    RELATION_KINDS,
    SEXES,
    STANCES,
    STRENGTHS,
    allowed,
)

CASE = loads("""
case: {id: t, as_of: 2023-05-01}
people:
  - {id: opa, name: Opa, born: 1948, died: 2019}
  - {id: kind, born: 2007-03-14}
  - {id: baby, pregnancy: true}
network: [{id: buur, name: Buurvrouw, supports: [kind]}]
contexts: [{id: school, kind: school, members: [kind]}]
organisations:
  - {id: swt, name: SWT, professionals: [{id: anna, name: Anna}, {id: ben}]}
  - {id: ggz, professionals: [{id: psy}]}
""")


def test_defaults() -> None:
    p = Person(id="x")
    assert (p.sex, p.deceased, p.born, p.twin_of) == ("unknown", False, None, None)
    assert CASE.case.lang == "nl"
    assert CASE.schema_ == "systeemkaart/1"
    inv = Involvement(agent="anna", targets=["kind"])
    assert (inv.stance, inv.regie, inv.entry) == ("alongside", False, None)


def test_lookups() -> None:
    assert CASE.person("kind").born == PartialDate(2007, 3, 14)
    with pytest.raises(KeyError):
        CASE.person("nobody")
    assert [(o.id, p.id) for o, p in CASE.professionals()] == [
        ("swt", "anna"), ("swt", "ben"), ("ggz", "psy")]
    assert CASE.agent_types() == {"buur": "supporter", "school": "context", "swt": "organisation",
                                  "anna": "professional", "ben": "professional",
                                  "ggz": "organisation", "psy": "professional"}
    assert CASE.node_types()["opa"] == "person"
    assert CASE.names()["ben"] == "ben" and CASE.names()["anna"] == "Anna"
    assert CASE.employer() == {"anna": "swt", "ben": "swt", "psy": "ggz"}
    assert CASE.as_of() == PartialDate(2023, 5, 1)


@pytest.mark.parametrize(
    ("pid", "when", "age"),
    [("kind", "2023-05-01", 16), ("kind", "2023-03-14", 16), ("kind", "2023-03-13", 15),
     ("kind", "2023", 16), ("opa", "2023", 71), ("opa", "2010", 62), ("baby", "2023", None),
     ("kind", "2000", None)],
)
def test_age_at(pid: str, when: str, age: int | None) -> None:
    assert CASE.person(pid).age_at(PartialDate.parse(when)) == age


def test_deceased() -> None:
    assert CASE.person("opa").is_deceased
    assert not CASE.person("kind").is_deceased
    assert Person(id="x", deceased=True).is_deceased


@pytest.mark.parametrize(
    ("start", "end", "when", "active"),
    [(None, None, "2020", True), ("2021", None, "2020", False), ("2021", None, "2021-06", True),
     ("2019", "2020", "2021", False), ("2019", "2020", "2020-12", True),
     ("2022-09", None, "2022", True)],
)
def test_active_at(start: str | None, end: str | None, when: str, active: bool) -> None:
    inv = Involvement(agent="a", targets=["b"], start=start, end=end)
    assert inv.active_at(PartialDate.parse(when)) is active


def test_relation_from_to() -> None:
    r = Relation.model_validate({"from": "vader", "to": "kind", "kind": "abuse"})
    assert r.between == ["vader", "kind"]


def test_assignment_is_validated() -> None:
    p = Person(id="x")
    with pytest.raises(ValidationError):
        p.sex = "man"  # type: ignore[assignment]


VOCABULARIES: list[tuple[str, dict[str, Any], frozenset[str]]] = [
    ("people[0].sex", {"people": [{"id": "a", "sex": "?"}]}, SEXES),
    ("partnerships[0].kind",
     {"people": [{"id": "a"}, {"id": "b"}],
      "partnerships": [{"partners": ["a", "b"], "kind": "?"}]},
     PARTNERSHIP_KINDS),
    ("partnerships[0].status",
     {"people": [{"id": "a"}, {"id": "b"}],
      "partnerships": [{"partners": ["a", "b"], "status": "?"}]}, PARTNERSHIP_STATUSES),
    ("relations[0].kind",
     {"people": [{"id": "a"}, {"id": "b"}], "relations": [{"between": ["a", "b"], "kind": "?"}]},
     RELATION_KINDS),
    ("contexts[0].kind", {"contexts": [{"id": "c", "kind": "?"}]}, CONTEXT_KINDS),
    ("organisations[0].kind", {"organisations": [{"id": "o", "kind": "?"}]}, ORGANISATION_KINDS),
    ("network[0].strength", {"network": [{"id": "s", "strength": "?"}]}, STRENGTHS),
    ("involvements[0].stance",
     {"people": [{"id": "a"}], "contexts": [{"id": "c"}],
      "involvements": [{"agent": "c", "targets": ["a"], "stance": "?"}]}, STANCES),
    ("involvements[0].entry",
     {"people": [{"id": "a"}], "contexts": [{"id": "c"}],
      "involvements": [{"agent": "c", "targets": ["a"], "entry": "?"}]}, ENTRIES),
    ("case.lang", {"case": {"id": "x", "lang": "?"}}, LANGS),
]


@pytest.mark.parametrize(("location", "data", "values"), VOCABULARIES,
                         ids=[v[0] for v in VOCABULARIES])
def test_unknown_value_names_the_allowed_ones(location: str, data: dict[str, Any],
                                              values: frozenset[str]) -> None:
    doc = {"case": {"id": "x"}, **data}
    with pytest.raises(CaseFormatError) as info:
        loads(json.dumps(doc), format="json")
    assert info.value.lines() == [f"{location}: unknown value '?'; allowed: {allowed(values)}"]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("organisations: [{id: o, professionals: [{id: p, rol: x}]}]",
         "organisations[0].professionals[0].rol: unknown key 'rol' (allowed: id, name, role, "
         "notes)"),
        ("involvements: [{agent: a, targets: [b], regie: ja}]",
         "involvements[0].regie: expected true or false, got 'ja'"),
        ("people: [{id: a, born: 2021-02-29}]", "people[0].born: impossible date 2021-02-29"),
        ("people: [{name: Jan}]", "people[0].id: missing required key 'id'"),
        ("children: [{parents: [], child: a}]",
         "children[0].parents: needs 1 to 2 entries (got 0)"),
        ("households: [{members: []}]", "households[0].members: needs at least 1 entry (got 0)"),
        ("people: [{id: a, name: [Jan]}]", "people[0].name: expected text, got a list"),
    ],
)
def test_type_messages(text: str, line: str) -> None:
    with pytest.raises(CaseFormatError) as info:
        loads("case: {id: x}\n" + text + "\n")
    assert info.value.lines() == [line + " (line 2)"]
