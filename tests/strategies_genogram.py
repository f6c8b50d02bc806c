"""Hypothesis strategies for genogram tests: the shared families plus the hard situations.

:func:`genogram_families` mixes :func:`tests.strategies.families` (one to five generations,
remarriages, half-siblings, twins, adoption, foster and step links) with
:func:`related_couples`: families where two cousins (or second cousins) marry and have
children, with emotional relations between people far apart, households, and people
without any family link. :func:`stepfamilies` are blended families: a parent of two or
three successive unions whose later partners are step-parents of earlier children.
:func:`households` are those families with several households over them: nested, equal,
overlapping and apart.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from systeemkaart.model import Case
from tests.strategies import families

__all__ = ["genogram_families", "households", "related_couples", "stepfamilies"]

Draw = Callable[[st.SearchStrategy[Any]], Any]

_RELATIONS = ("close", "fused", "distant", "conflict", "hostile", "close_hostile", "cutoff",
              "abuse", "neglect", "caregiving")


@st.composite
def related_couples(draw: Draw) -> Case:
    """A family in which two descendants of one couple marry each other.

    Two to three lines descend from the founders; the couple is taken from two different
    lines at the same depth, so they share ancestors without anyone being drawn twice.
    """
    people: list[dict[str, Any]] = []
    partnerships: list[dict[str, Any]] = []
    children: list[dict[str, Any]] = []
    counter = [0]

    def person(year: int, sex: str | None = None, **extra: Any) -> str:
        counter[0] += 1
        pid = f"p{counter[0]}"
        people.append({"id": pid, "name": f"Persoon {counter[0]}",
                       "sex": sex or draw(st.sampled_from(("male", "female", "other",
                                                           "unknown"))),
                       "born": year, **extra})
        return pid

    year = 1900 + draw(st.integers(0, 20))
    founders = [person(year, "male"), person(year + 2, "female")]
    partnerships.append({"partners": founders, "start": year + 22})
    depth = draw(st.integers(1, 2))
    lines: list[list[str]] = []
    for _ in range(draw(st.integers(2, 3))):
        parent_pair = founders
        chain: list[str] = []
        y = year + 25
        for _ in range(depth):
            child = person(y + draw(st.integers(0, 5)))
            children.append({"parents": list(parent_pair), "child": child})
            spouse = person(y)
            partnerships.append({"partners": draw(st.permutations([child, spouse])),
                                 "start": y + 22})
            chain.append(child)
            parent_pair = [child, spouse]
            y += 25
        kid = person(y + draw(st.integers(0, 5)))
        children.append({"parents": list(parent_pair), "child": kid})
        if draw(st.booleans()):
            twin = person(people[-1]["born"], twin_of=kid)
            children.append({"parents": list(parent_pair), "child": twin})
        chain.append(kid)
        lines.append(chain)
    a, b = lines[0][-1], lines[1][-1]
    partnerships.append({"partners": [a, b], "start": 2000 + depth * 25 - 30,
                         "kind": draw(st.sampled_from(("married", "cohabiting")))})
    for k in range(draw(st.integers(0, 3))):
        kid = person(2000 + depth * 25 - 25 + k)
        kind = draw(st.sampled_from(("biological", "biological", "adopted", "foster")))
        children.append({"parents": [a, b], "child": kid, "kind": kind})
    for _ in range(draw(st.integers(0, 2))):
        person(1990, draw(st.sampled_from(("male", "female"))))  # no family link at all
    ids = [p["id"] for p in people]
    relations = []
    for _ in range(draw(st.integers(0, 6))):
        x, y2 = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True))
        relations.append({"between": [x, y2], "kind": draw(st.sampled_from(_RELATIONS))})
    households = []
    if draw(st.booleans()):
        households.append({"members": draw(st.lists(st.sampled_from(ids), min_size=1,
                                                    max_size=4, unique=True))})
    return Case.model_validate({
        "schema": "systeemkaart/1",
        "case": {"id": "related", "as_of": 2080, "title": "Bloedverwanten"},
        "people": people, "partnerships": partnerships, "children": children,
        "relations": relations, "households": households,
    })


def genogram_families() -> st.SearchStrategy[Case]:
    """Families for genogram properties: the shared ones and cousin marriages."""
    return st.one_of(families(max_generations=4), related_couples())


_SEXES = ("male", "female", "other", "unknown")


@st.composite
def stepfamilies(draw: Draw) -> Case:
    """A parent with two or three successive partners, children in each union (twins,
    adopted and foster children now and then), and children of an earlier union with a
    later partner as step-parent; sometimes the parent's own parents and siblings above,
    and a later partner's earlier family whose children have the parent as step-parent.
    Partners and twins of any sex."""
    people: list[dict[str, Any]] = []
    partnerships: list[dict[str, Any]] = []
    children: list[dict[str, Any]] = []

    def person(year: int, **extra: Any) -> str:
        pid = f"p{len(people) + 1}"
        people.append({"id": pid, "sex": draw(st.sampled_from(_SEXES)), "born": year,
                       **extra})
        return pid

    def kids(parents: list[str], year: int) -> list[str]:
        out: list[str] = []
        for k in range(draw(st.integers(0, 3))):
            kid = person(year + k)
            kind = draw(st.sampled_from(("biological",) * 4 + ("adopted", "foster")))
            children.append({"parents": parents, "child": kid, "kind": kind})
            out.append(kid)
            if draw(st.integers(0, 4)) == 0:
                twin = person(year + k, twin_of=kid)
                children.append({"parents": parents, "child": twin, "kind": kind})
                out.append(twin)
        return out

    parent = person(1950)
    if draw(st.booleans()):
        grand = [person(1925), person(1927)]
        partnerships.append({"partners": grand, "start": 1948})
        for sib in [parent] + [person(1952 + k) for k in range(draw(st.integers(0, 2)))]:
            children.append({"parents": grand, "child": sib})
    earlier: list[str] = []
    year = 1970
    count = draw(st.integers(2, 3))
    for n in range(count):
        partner = person(1948 + draw(st.integers(0, 6)))
        rec: dict[str, Any] = {"partners": draw(st.permutations([parent, partner])),
                               "start": year,
                               "kind": draw(st.sampled_from(("married", "cohabiting",
                                                             "affair")))}
        if n < count - 1:
            rec["end"] = year + 4
            rec["status"] = draw(st.sampled_from(("divorced", "separated")))
        if n and draw(st.integers(0, 2)) == 0:  # the partner's own earlier family
            ex = person(1950)
            partnerships.append({"partners": [partner, ex], "start": year - 10,
                                 "end": year - 5, "status": "divorced"})
            theirs = kids([partner, ex], year - 9)
            if theirs and draw(st.booleans()):
                children.append({"parents": [parent], "child": draw(st.sampled_from(theirs)),
                                 "kind": "step"})
        partnerships.append(rec)
        own = kids([parent, partner], year + 1)
        if n and earlier:
            for child in draw(st.lists(st.sampled_from(earlier), min_size=1, max_size=2,
                                       unique=True)):
                children.append({"parents": [partner], "child": child,
                                 "kind": draw(st.sampled_from(("step", "step", "foster")))})
        earlier += own
        year += 6
    return Case.model_validate({
        "schema": "systeemkaart/1",
        "case": {"id": "blended", "as_of": 2030, "title": "Samengesteld gezin"},
        "people": people, "partnerships": partnerships, "children": children,
    })


@st.composite
def households(draw: Draw) -> Case:
    """A family of :func:`genogram_families` or :func:`stepfamilies` with one to four
    households of its own: each of one to five people, or (now and then) the members of an
    earlier household, some of them, or those and more (nested, equal and overlapping
    households, as after a separation or in a stepfamily)."""
    case = draw(st.one_of(genogram_families(), stepfamilies()))
    ids = [p.id for p in case.people]
    sets: list[list[str]] = []
    for _ in range(draw(st.integers(1, 4))):
        how = draw(st.sampled_from(("new", "new", "same", "part", "more"))) if sets else "new"
        if how == "new":
            members = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=5, unique=True))
        else:
            base = draw(st.sampled_from(sets))
            if how == "part":
                members = draw(st.lists(st.sampled_from(base), min_size=1,
                                        max_size=len(base), unique=True))
            elif how == "more":
                extra = draw(st.lists(st.sampled_from(ids), max_size=2, unique=True))
                members = list(dict.fromkeys(base + extra))
            else:
                members = list(base)
        sets.append(members)
    data = case.model_dump(mode="json", exclude_none=True, by_alias=True)
    data["households"] = [{"id": f"huis-{k}", "members": m} for k, m in enumerate(sets)]
    return Case.model_validate(data)
