"""Checks beyond types: generated cases pass, and each broken invariant is found where it is."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from systeemkaart.checks import check_case, parentage_cycle
from systeemkaart.exceptions import Problem
from systeemkaart.io.reader import Document
from systeemkaart.io.yaml_json import check_document
from systeemkaart.model import Case
from tests.strategies import case_data, cases, families, helper_networks

UNKNOWN = "zz-nobody"


def problems_of(data: dict[str, Any]) -> list[Problem]:
    """Every problem of a case given as plain data (types first, then the checks)."""
    return check_document(Document(copy.deepcopy(data), "case.yaml")).problems


def found(problems: list[Problem], code: str, location: str) -> bool:
    return any(p.code == code and p.location == location and p.severity == "error"
               for p in problems)


# --- generated cases are valid --------------------------------------------------------------



def _quiet(problems: list[Problem]) -> list[Problem]:
    """The problems other than names with control characters, which generated text (any
    Unicode) may well hold, and a supporter or context named like a person or organisation,
    which names drawn from a small pool often are."""
    return [p for p in problems if p.code not in ("hidden_characters", "same_name")]

@given(cases())
def test_generated_cases_are_valid(case: Case) -> None:
    assert _quiet(check_case(case)) == []


@given(families(min_generations=3))
def test_generated_families_are_valid(case: Case) -> None:
    assert _quiet(check_case(case)) == []
    assert not case.organisations and not case.involvements


@given(helper_networks(min_agents=1))
def test_generated_networks_are_valid(case: Case) -> None:
    assert _quiet(check_case(case)) == []
    assert case.agent_types()


@given(case_data())
def test_generated_data_validates_through_the_reader(data: dict[str, Any]) -> None:
    result = check_document(Document(data, "case.yaml"))
    assert _quiet(result.problems) == []
    assert result.case is not None


# --- mutations: each broken invariant is caught with its code and location ----------------


def _references(data: dict[str, Any]) -> list[tuple[list[Any], str]]:
    """Every id reference in the data as (path of keys, location)."""
    refs: list[tuple[list[Any], str]] = []
    for j, _ in enumerate(data["case"].get("index", [])):
        refs.append((["case", "index", j], f"case.index[{j}]"))
    lists = {
        "partnerships": ("partners",), "children": ("parents", "child"),
        "relations": ("between",), "households": ("members",), "network": ("supports",),
        "contexts": ("members",), "involvements": ("agent", "targets"),
        "events": ("people",), "hypotheses": ("about",), "people": ("twin_of",),
    }
    for name, keys in lists.items():
        for i, rec in enumerate(data.get(name, [])):
            for key in keys:
                value = rec.get(key)
                if isinstance(value, list):
                    refs += [([name, i, key, j], f"{name}[{i}].{key}[{j}]")
                             for j in range(len(value))]
                elif isinstance(value, str):
                    refs.append(([name, i, key], f"{name}[{i}].{key}"))
    return refs


def _set(data: dict[str, Any], path: list[Any], value: Any) -> None:
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


@given(case_data(), st.data())
def test_dangling_id_is_located(data: dict[str, Any], pick: st.DataObject) -> None:
    refs = _references(data)
    if not refs:
        data.setdefault("people", []).append({"id": "kind"})
        data.setdefault("households", []).append({"members": [UNKNOWN]})
        expected = f"households[{len(data['households']) - 1}].members[0]"
    else:
        path, expected = pick.draw(st.sampled_from(refs))
        _set(data, path, UNKNOWN)
    problems = problems_of(data)
    assert found(problems, "dangling_id", expected), problems
    line = next(p for p in problems if p.location == expected and p.code == "dangling_id")
    assert repr(UNKNOWN) in line.message


def _id_holders(data: dict[str, Any]) -> list[tuple[dict[str, Any], str]]:
    """Records with an id, in the order the checks register them."""
    out = [(p, f"people[{i}].id") for i, p in enumerate(data.get("people", []))]
    out += [(s, f"network[{i}].id") for i, s in enumerate(data.get("network", []))]
    out += [(c, f"contexts[{i}].id") for i, c in enumerate(data.get("contexts", []))]
    for i, org in enumerate(data.get("organisations", [])):
        out.append((org, f"organisations[{i}].id"))
        out += [(pro, f"organisations[{i}].professionals[{j}].id")
                for j, pro in enumerate(org.get("professionals", []))]
    for name in ("partnerships", "households", "hypotheses"):
        out += [(r, f"{name}[{i}].id") for i, r in enumerate(data.get(name, [])) if "id" in r]
    return out


@given(case_data(), st.data())
def test_duplicate_id_is_located_at_the_second_use(data: dict[str, Any],
                                                   pick: st.DataObject) -> None:
    holders = _id_holders(data)
    if len(holders) < 2:
        data.setdefault("people", []).extend([{"id": "a1"}, {"id": "a2"}])
        holders = _id_holders(data)
    i = pick.draw(st.integers(0, len(holders) - 2))
    j = pick.draw(st.integers(i + 1, len(holders) - 1))
    first, first_loc = holders[i]
    second, second_loc = holders[j]
    second["id"] = first["id"]
    problems = problems_of(data)
    assert found(problems, "duplicate_id", second_loc), problems
    message = next(p.message for p in problems if p.location == second_loc)
    assert message == f"duplicate id {first['id']!r} (first used at {first_loc})"


def _ensure_couple_with_child(data: dict[str, Any]) -> int:
    """Index of a biological link with two parents; adds a small family when there is none."""
    for i, link in enumerate(data.get("children", [])):
        if len(link["parents"]) == 2 and link.get("kind", "biological") == "biological":
            return i
    data.setdefault("people", []).extend(
        [{"id": "zz-a", "born": 1970}, {"id": "zz-b", "born": 1972}, {"id": "zz-c", "born": 2000}]
    )
    data.setdefault("children", []).append({"parents": ["zz-a", "zz-b"], "child": "zz-c"})
    return len(data["children"]) - 1


@given(case_data(min_generations=2))
def test_third_biological_parent_is_located(data: dict[str, Any]) -> None:
    i = _ensure_couple_with_child(data)
    child = data["children"][i]["child"]
    data["people"].append({"id": "zz-third"})
    data["children"].append({"parents": ["zz-third"], "child": child})
    n = len(data["children"]) - 1
    problems = problems_of(data)
    assert found(problems, "too_many_parents", f"children[{n}].parents"), problems
    message = next(p.message for p in problems if p.code == "too_many_parents")
    assert repr(child) in message and "zz-third" in message


@given(case_data(min_generations=2), st.data())
def test_parentage_cycle_is_located(data: dict[str, Any], pick: st.DataObject) -> None:
    i = _ensure_couple_with_child(data)
    links = data["children"]
    link = links[pick.draw(st.sampled_from([k for k, lk in enumerate(links)
                                            if lk["child"] not in lk["parents"]] or [i]))]
    parent = pick.draw(st.sampled_from(link["parents"]))
    kind = pick.draw(st.sampled_from(["biological", "adopted", "foster", "step"]))
    links.append({"parents": [link["child"]], "child": parent, "kind": kind})
    problems = problems_of(data)
    cycle = [p for p in problems if p.code == "parentage_cycle"]
    assert len(cycle) == 1, problems
    m = re.fullmatch(r"parentage cycle: (.*) \(someone is their own ancestor\)", cycle[0].message)
    assert m, cycle[0].message
    chain = m.group(1).split(" -> ")
    assert chain[0] == chain[-1] and len(chain) >= 3
    loc = re.fullmatch(r"children\[(\d+)\]", cycle[0].location)
    assert loc, cycle[0].location
    closing = links[int(loc.group(1))]
    assert closing["child"] == chain[-1] and chain[-2] in closing["parents"]


@given(case_data(min_generations=2), st.data())
def test_child_born_before_parent_is_located(data: dict[str, Any], pick: st.DataObject) -> None:
    i = _ensure_couple_with_child(data)
    links = data["children"]
    people = {p["id"]: p for p in data["people"]}
    bio = [k for k, lk in enumerate(links) if lk.get("kind", "biological") == "biological"]
    k = pick.draw(st.sampled_from(bio or [i]))
    j = pick.draw(st.integers(0, len(links[k]["parents"]) - 1))
    parent = people[links[k]["parents"][j]]
    parent.setdefault("born", 1980)
    year = int(str(parent["born"])[:4])
    people[links[k]["child"]]["born"] = year - 1
    problems = problems_of(data)
    assert found(problems, "child_before_parent", f"children[{k}].parents[{j}]"), problems


@given(case_data(), st.data())
def test_end_before_start_is_located(data: dict[str, Any], pick: st.DataObject) -> None:
    records = [(name, i) for name in ("partnerships", "relations", "involvements")
               for i, _ in enumerate(data.get(name, []))]
    if not records:
        data.setdefault("people", []).extend([{"id": "zz-a"}, {"id": "zz-b"}])
        data.setdefault("partnerships", []).append({"partners": ["zz-a", "zz-b"]})
        records = [("partnerships", len(data["partnerships"]) - 1)]
    name, i = pick.draw(st.sampled_from(records))
    rec = data[name][i]
    rec.setdefault("start", 2000)
    rec["end"] = int(str(rec["start"])[:4]) - 1
    problems = problems_of(data)
    assert found(problems, "end_before_start", f"{name}[{i}].end"), problems


# --- single checks, as tables -----------------------------------------------------------------


def _case(**lists: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"schema": "systeemkaart/1", "case": {"id": "t", "as_of": 2023}}
    data.update(lists)
    return data


P = [{"id": "a", "born": 1950}, {"id": "b", "born": 1952}, {"id": "c", "born": 1980},
     {"id": "d", "born": 1982}, {"id": "e", "born": 2010}]

CHECKS: list[tuple[str, dict[str, Any], str, str, str, str]] = [
    ("twins with different parents",
     _case(people=[*P, {"id": "f", "born": 2010, "twin_of": "e"}],
           children=[{"parents": ["c", "d"], "child": "e"}, {"parents": ["c"], "child": "f"}]),
     "error", "twins_parents", "people[5].twin_of",
     "twins 'f' and 'e' must share their biological parents (c vs c, d)"),
    ("own twin", _case(people=[{"id": "a", "twin_of": "a"}]),
     "error", "self_link", "people[0].twin_of", "a person cannot be their own twin"),
    ("partner with self", _case(people=P, partnerships=[{"partners": ["a", "a"]}]),
     "error", "self_link", "partnerships[0].partners", "the two partners are the same person"),
    ("own parent", _case(people=P, children=[{"parents": ["a", "a"], "child": "a"}]),
     "error", "parentage_cycle", "children[0].child", "a person cannot be their own parent"),
    ("target is an organisation",
     _case(people=P, organisations=[{"id": "swt"}],
           involvements=[{"agent": "swt", "targets": ["swt"]}]),
     "error", "wrong_type", "involvements[0].targets[0]",
     "'swt' is an organisation, but a person is expected here"),
    ("context refers to a person as its organisation",
     _case(people=P, contexts=[{"id": "school", "organisation": "a"}]),
     "error", "wrong_type", "contexts[0].organisation",
     "'a' is a person, but a organisation is expected here"),
    ("supporter refers to an unknown person",
     _case(people=P, network=[{"id": "s", "person": "zz"}]),
     "error", "dangling_id", "network[0].person", "unknown id 'zz': no person has this id"),
    ("agent is a person", _case(people=P, involvements=[{"agent": "a", "targets": ["e"]}]),
     "error", "wrong_type", "involvements[0].agent",
     "'a' is a person, but a professional, organisation, context or supporter is expected here"),
    ("died before born", _case(people=[{"id": "a", "born": 1990, "died": 1989}]),
     "error", "died_before_born", "people[0].died", "died 1989 before being born 1990"),
    ("involvement ends before it starts",
     _case(people=P, contexts=[{"id": "school"}],
           involvements=[{"agent": "school", "targets": ["e"], "start": "2020-05",
                          "end": "2020-04"}]),
     "error", "end_before_start", "involvements[0].end", "end 2020-04 is before start 2020-05"),
    ("married twice at once",
     _case(people=P, partnerships=[{"partners": ["a", "b"], "start": 1970},
                                   {"partners": ["a", "d"], "start": 1999}]),
     "warning", "married_twice", "partnerships[1]",
     "'a' is married twice at once (also partnerships[0])"),
    ("widowed while both partners live",
     _case(people=P, partnerships=[{"partners": ["a", "b"], "status": "widowed"}]),
     "warning", "widowed_alive", "partnerships[0].status",
     "widowed, but neither 'a' nor 'b' has died (give one of them 'died' or 'deceased: true')"),
    ("young parent",
     _case(people=[{"id": "a", "born": 2000}, {"id": "e", "born": 2010}],
           children=[{"parents": ["a"], "child": "e"}]),
     "warning", "young_parent", "children[0].parents[0]",
     "parent 'a' (born 2000) would be under 12 at the birth of 'e' (born 2010)"),
    ("foster child older than foster parent",
     _case(people=[{"id": "a", "born": 2000}, {"id": "e", "born": 1990}],
           children=[{"parents": ["a"], "child": "e", "kind": "foster"}]),
     "warning", "child_before_parent", "children[0].parents[0]",
     "foster child 'e' (born 1990) is older than parent 'a' (born 2000)"),
    ("born after the case date", _case(people=[{"id": "a", "born": 2024}]),
     "warning", "born_after_case_date", "people[0].born", "born 2024, after the case date 2023"),
    ("listed twice", _case(people=P, households=[{"members": ["a", "b", "a"]}]),
     "warning", "listed_twice", "households[0].members[2]", "'a' is listed twice"),
    ("twins born apart",
     _case(people=[*P, {"id": "f", "born": 2012, "twin_of": "e"}],
           children=[{"parents": ["c", "d"], "child": "e"}, {"parents": ["c", "d"], "child": "f"}]),
     "warning", "twins_born", "people[5].born",
     "twins 'f' and 'e' have different birth dates (2012 vs 2010)"),
]


@pytest.mark.parametrize(("data", "severity", "code", "location", "message"),
                         [c[1:] for c in CHECKS], ids=[c[0] for c in CHECKS])
def test_single_check(data: dict[str, Any], severity: str, code: str, location: str,
                      message: str) -> None:
    problems = problems_of(data)
    match = [p for p in problems if p.code == code]
    assert len(match) == 1, problems
    assert (match[0].severity, match[0].location, match[0].message) == (severity, location,
                                                                        message)


def test_warnings_do_not_make_a_case_invalid() -> None:
    result = check_document(Document(_case(people=[{"id": "a", "born": 2024}]), "x.yaml"))
    assert result.case is not None
    assert [p.code for p in result.warnings] == ["born_after_case_date"]
    assert result.errors == []


def test_divorced_then_remarried_is_no_warning() -> None:
    data = _case(people=P, partnerships=[
        {"partners": ["a", "b"], "start": 1970, "status": "divorced", "end": 1990},
        {"partners": ["a", "d"], "start": 1991},
    ])
    assert problems_of(data) == []


def test_widowed_with_a_partner_who_died_is_no_warning() -> None:
    people = [{"id": "a", "born": 1940, "died": 2001}, {"id": "b", "born": 1942},
              {"id": "c", "deceased": True}, {"id": "d"}]
    data = _case(people=people, partnerships=[
        {"partners": ["b", "a"], "status": "widowed", "end": 2001},
        {"partners": ["d", "c"], "status": "widowed"},
    ])
    assert problems_of(data) == []


@pytest.mark.parametrize(
    ("edges", "cycle"),
    [
        ([], None),
        ([("a", "b"), ("b", "c")], None),
        ([("a", "b"), ("b", "a")], ["a", "b", "a"]),
        ([("x", "a"), ("a", "b"), ("b", "c"), ("c", "a")], ["a", "b", "c", "a"]),
        ([("a", "a")], ["a", "a"]),
    ],
)
def test_parentage_cycle(edges: list[tuple[str, str]], cycle: list[str] | None) -> None:
    assert parentage_cycle(edges) == cycle


def test_parentage_cycle_is_iterative() -> None:
    chain = [(f"p{i}", f"p{i + 1}") for i in range(50_000)]
    assert parentage_cycle(chain) is None
    found_cycle = parentage_cycle([*chain, ("p50000", "p0")])
    assert found_cycle is not None and len(found_cycle) == 50_002


def test_names_with_bidi_overrides_or_control_characters_are_warned() -> None:
    from systeemkaart.io.reader import parse_text
    from systeemkaart.io.yaml_json import check_document

    text = ('case: {id: x}\npeople:\n  - {id: a, name: "Anna\\u202egnp"}\n'
            '  - {id: b, name: "Bo\\e[2J"}\n  - {id: c, name: "Cor"}\n')
    result = check_document(parse_text(text, file="c.yaml"))
    assert [line for line in result.lines() if "hidden" in line or "holds" in line] == [
        "c.yaml:people[0].name: warning: the name 'Anna\\\\u202egnp' holds control or "
        "text-direction characters; it may show other text than it holds (line 3)",
        "c.yaml:people[1].name: warning: the name 'Bo\\\\x1b[2J' holds control or "
        "text-direction characters; it may show other text than it holds (line 4)"]
    assert result.case is not None


def test_warning_lines_are_found_only_when_asked_for_and_errors_always_name_theirs() -> None:
    from systeemkaart.io.reader import parse_text
    from systeemkaart.io.yaml_json import check_document

    warned = 'case: {id: x}\npeople:\n  - {id: a}\n  - {id: b, name: "Bo\\e[2J"}\n'
    asked = check_document(parse_text(warned, file="c.yaml"))
    quick = check_document(parse_text(warned, file="c.yaml"), warning_lines=False)
    assert [p.line for p in asked.warnings if p.location == "people[1].name"] == [4]
    assert [p.line for p in quick.warnings if p.location == "people[1].name"] == [None]
    assert quick.case == asked.case and quick.case is not None
    bad = "case: {id: x}\npeople:\n  - {id: a}\n  - {id: b, died: 1900, born: 1950}\n"
    errors = check_document(parse_text(bad, file="c.yaml"), warning_lines=False).errors
    assert errors and all(p.line == 4 for p in errors)


def test_a_supporter_or_context_named_like_a_person_or_organisation_is_warned() -> None:
    from systeemkaart.io.reader import parse_text
    from systeemkaart.io.yaml_json import check_document

    text = ("case: {id: x}\npeople:\n  - {id: oma, name: Oma Smit}\n  - {id: n, name: Noor}\n"
            "network:\n  - {id: s1, name: '  oma   smit', supports: [n]}\n"
            "  - {id: s2, name: Oma Smit, supports: [n], person: oma}\n"
            "  - {id: s3, name: Buurvrouw, supports: [n]}\n"
            "contexts:\n  - {id: c1, name: De Esch, members: [n]}\n"
            "  - {id: c2, name: De Esch, members: [n], organisation: o}\n"
            "organisations:\n  - {id: o, name: De Esch}\n")
    result = check_document(parse_text(text, file="c.yaml"))
    assert [(p.location, p.line) for p in result.warnings if p.code == "same_name"] == [
        ("network[0].name", 6), ("contexts[0].name", 10)]
    assert ("c.yaml:contexts[0].name: warning: 'De Esch' is also the name of organisation 'o'; "
            "if it is the same, write 'organisation: o' so it is drawn as one node (line 10)"
            in result.lines())
