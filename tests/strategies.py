"""Hypothesis strategies that build valid cases: families, helper networks, whole cases.

Every strategy here produces a :class:`systeemkaart.model.Case` that validates with no errors
and no warnings, so properties can assert both. Families span one to five generations with
successive partners (remarriages, hence half-siblings), twins, adoption, foster and step
links, deceased people, unknown sex and partial dates consistent with parentage (children
are born at least 16 years after each biological parent). Helper networks hold organisations
with professionals, contexts, informal supporters and involvements around the family.

Use from any test module::

    from tests.strategies import cases, families, helper_networks

    @given(cases())
    def test_something(case): ...

The builders first draw plain data (as a person would write it in a file) and then validate
it with :meth:`Case.model_validate`, so they also exercise the model's parsing.
"""

from __future__ import annotations

import calendar
import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml
from hypothesis import strategies as st

from systeemkaart.layout.systemogram_units import Unit
from systeemkaart.model import Case
from systeemkaart.vocab import (
    CONTEXT_KINDS,
    ENTRIES,
    HELP_FORMS,
    LANGS,
    ORGANISATION_KINDS,
    PARTNERSHIP_KINDS,
    RELATION_KINDS,
    SEXES,
    STANCES,
    STRENGTHS,
)

__all__ = ["case_data", "cases", "families", "families_with_relations", "helper_networks",
           "line_segments", "names", "parent_maps", "partial_dates", "partner_counts",
           "with_relations"]

Draw = Callable[[st.SearchStrategy[Any]], Any]

_NAMES = (
    "Opa Jansen", "Oma Jansen", "Vader", "Moeder", "Daan", "Tim", "Sanne", "Fatima", "Mohammed",
    "Jan-Willem", "Ëlif", "Zoë", "O'Neill", "Stiefvader", "Pleegmoeder", "Anna", "Gezinscoach",
    "Sociaal Wijkteam Zuid", "yes", "null", "2021", "~", "- lijst", "a: b", "#geen commentaar",
)
_SORTED = sorted  # vocabularies are frozensets: sort them so draws are reproducible

_ID_TAGS = ("", "p", "0", "0x", "1_", "n-", "opa-", "swt-", "x_", "on", "no")
"""Id prefixes, some of which make ids that YAML would read as numbers or booleans unquoted."""


def names() -> st.SearchStrategy[str]:
    """Names and free text: mostly realistic names, sometimes any Unicode text.

    Includes strings that YAML would misread unless quoted (``yes``, ``null``, ``2021``).
    """
    return st.one_of(st.sampled_from(_NAMES), st.text(max_size=30))


@st.composite
def partial_dates(draw: Draw, min_year: int = 1000, max_year: int = 2999) -> str | int:
    """A partial date as written in a file: ``2021``, ``"2021-06"`` or ``"2021-06-30"``."""
    year = draw(st.integers(min_year, max_year))
    return draw(_written_date(year))


@st.composite
def _written_date(draw: Draw, year: int) -> str | int:
    """A date in ``year`` at a drawn precision (year, month or day)."""
    precision = draw(st.sampled_from(("year", "year-text", "month", "day")))
    if precision == "year":
        return year
    if precision == "year-text":
        return f"{year:04d}"
    month = draw(st.integers(1, 12))
    if precision == "month":
        return f"{year:04d}-{month:02d}"
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    return f"{year:04d}-{month:02d}-{day:02d}"


@dataclass
class _Ids:
    """Hands out ids unique across a whole case, some of them YAML-tricky (``0x1``, ``012``)."""

    draw: Draw
    used: set[str] = field(default_factory=set)
    counter: int = 0

    def new(self, tag: str | None = None) -> str:
        """A fresh id; ``tag`` fixes the prefix, otherwise one is drawn."""
        prefix = tag if tag is not None else self.draw(st.sampled_from(_ID_TAGS))
        while True:
            self.counter += 1
            candidate = f"{prefix}{self.counter}"
            if candidate not in self.used:
                self.used.add(candidate)
                return candidate


@dataclass
class _Parts:
    """The lists of a case under construction, as plain data."""

    people: list[dict[str, Any]] = field(default_factory=list)
    partnerships: list[dict[str, Any]] = field(default_factory=list)
    children: list[dict[str, Any]] = field(default_factory=list)
    households: list[dict[str, Any]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)
    network: list[dict[str, Any]] = field(default_factory=list)
    contexts: list[dict[str, Any]] = field(default_factory=list)
    organisations: list[dict[str, Any]] = field(default_factory=list)
    involvements: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    hypotheses: list[dict[str, Any]] = field(default_factory=list)
    living: list[str] = field(default_factory=list)  # born, not deceased: household members

    def person_ids(self) -> list[str]:
        return [p["id"] for p in self.people]

    def agent_ids(self) -> list[str]:
        out = [s["id"] for s in self.network] + [c["id"] for c in self.contexts]
        for org in self.organisations:
            out.append(org["id"])
            out += [pro["id"] for pro in org["professionals"]]
        return out


def _subset(draw: Draw, items: list[str], min_size: int = 0, max_size: int = 6) -> list[str]:
    """A duplicate-free selection of ``items`` in drawn order."""
    if not items:
        return []
    return draw(st.lists(st.sampled_from(items), min_size=min_size, max_size=max_size,
                         unique=True))


class _Family:
    """Grows a family generation by generation, keeping every date consistent."""

    def __init__(self, draw: Draw, ids: _Ids, parts: _Parts, as_of_year: int) -> None:
        self.draw = draw
        self.ids = ids
        self.parts = parts
        self.as_of_year = as_of_year
        self.year: dict[str, int] = {}  # the nominal birth year of everyone, written or not

    def person(self, year: int, *, sex: str | None = None, twin_of: str | None = None,
               born: str | int | None = None, **flags: Any) -> dict[str, Any]:
        """A new person born (nominally) in ``year``; the file may leave the date out."""
        draw = self.draw
        pid = self.ids.new()
        rec: dict[str, Any] = {"id": pid}
        if draw(st.booleans()):
            rec["name"] = draw(names())
        rec["sex"] = sex or draw(st.sampled_from(_SORTED(SEXES)))
        if born is None and draw(st.integers(0, 4)) > 0:
            born = draw(_written_date(year))
        if born is not None:
            rec["born"] = born
        if twin_of is not None:
            rec["twin_of"] = twin_of
        rec.update(flags)
        if draw(st.integers(0, 5)) == 0 and year < self.as_of_year:
            if draw(st.booleans()):
                rec["died"] = draw(_written_date(draw(st.integers(year + 1, self.as_of_year))))
            else:
                rec["deceased"] = True
        if draw(st.integers(0, 6)) == 0:
            rec["occupation"] = draw(names())
        if draw(st.integers(0, 6)) == 0:
            rec["notes"] = draw(names())
        self.parts.people.append(rec)
        self.year[pid] = year
        if not rec.get("deceased") and "died" not in rec:
            self.parts.living.append(pid)
        return rec

    def child_year(self, parents: list[str], min_gap: int = 16) -> int:
        """A birth year at least ``min_gap`` years after every parent's."""
        base = max(self.year[p] for p in parents) + min_gap
        return base + self.draw(st.integers(0, 14))

    def link(self, parents: list[str], child: str, kind: str = "biological") -> None:
        """A child link, writing the default kind only sometimes (both forms are valid)."""
        rec: dict[str, Any] = {"parents": list(parents), "child": child}
        if kind != "biological" or self.draw(st.booleans()):
            rec["kind"] = kind
        self.parts.children.append(rec)

    def children_of(self, parents: list[str], max_children: int) -> list[str]:
        """Biological children of one or two parents, maybe twins, maybe an unborn child."""
        draw = self.draw
        kids: list[str] = []
        for _ in range(draw(st.integers(0, max_children))):
            year = self.child_year(parents)
            if year >= self.as_of_year:
                if draw(st.booleans()):
                    flag = draw(st.sampled_from(("pregnancy", "miscarriage")))
                    rec = self.person(self.as_of_year, born=None, **{flag: True})
                    rec.pop("born", None)
                    rec.pop("died", None)
                    rec.pop("deceased", None)
                    if rec["id"] in self.parts.living:
                        self.parts.living.remove(rec["id"])
                    self.link(parents, rec["id"])
                continue
            rec = self.person(year)
            self.link(parents, rec["id"])
            kids.append(rec["id"])
            if draw(st.integers(0, 5)) == 0:  # a twin: same parents, same birth date
                twin = self.person(year, born=rec.get("born"), twin_of=rec["id"])
                if "born" not in rec:
                    twin.pop("born", None)
                if twin["sex"] == rec["sex"] and draw(st.booleans()):
                    twin["identical"] = True
                self.link(parents, twin["id"])
                kids.append(twin["id"])
        return kids

    def partnerships_of(self, pid: str, max_partners: int, max_children: int) -> list[str]:
        """Successive partnerships of ``pid`` (each ended before the next starts), with kids.

        A later partner may become step-parent of children of an earlier partnership.
        """
        draw = self.draw
        kids_all: list[str] = []
        n = draw(st.integers(0, max_partners))
        when = self.year[pid] + 18 + draw(st.integers(0, 10))
        earlier_kids: list[str] = []
        for i in range(n):
            if when >= self.as_of_year:
                break
            spouse_rec = self.person(self.year[pid] + draw(st.integers(-8, 8)))
            spouse = spouse_rec["id"]
            last = i == n - 1
            rec: dict[str, Any] = {"partners": draw(st.permutations([pid, spouse]))}
            kind = draw(st.sampled_from(_SORTED(PARTNERSHIP_KINDS)))
            if kind != "married" or draw(st.booleans()):
                rec["kind"] = kind
            start = when
            if i > 0 or draw(st.booleans()):  # a later partnership always says when it began
                rec["start"] = draw(_written_date(start))
            end = start + 1 + draw(st.integers(0, 14))
            if not last and end < self.as_of_year:
                rec["status"] = draw(st.sampled_from(("separated", "divorced", "widowed")))
                rec["end"] = draw(_written_date(end))
                when = end + 1 + draw(st.integers(0, 4))
            elif draw(st.integers(0, 3)) == 0 and end < self.as_of_year:
                rec["status"] = draw(st.sampled_from(("separated", "divorced", "widowed")))
                if draw(st.booleans()):
                    rec["end"] = draw(_written_date(end))
                when = self.as_of_year  # no further partnership
            else:
                when = self.as_of_year
            if rec.get("status") == "widowed":  # the partnership ended by the spouse's death
                spouse_rec["deceased"] = True
            if draw(st.integers(0, 5)) == 0:
                rec["notes"] = draw(names())
            self.parts.partnerships.append(rec)
            kids = self.children_of([pid, spouse], max_children)
            if earlier_kids and draw(st.booleans()):  # step-parent of a child from before
                self.link([spouse], draw(st.sampled_from(earlier_kids)), "step")
            if draw(st.integers(0, 4)) == 0:  # an adopted or foster child of the couple
                kind_ = draw(st.sampled_from(("adopted", "foster")))
                year = self.child_year([pid, spouse], 20)
                if year < self.as_of_year:
                    flag = {"adopted": "adopted", "foster": "foster"}[kind_]
                    other = self.person(year, **{flag: True})
                    self.link(draw(st.permutations([pid, spouse])), other["id"], kind_)
                    kids.append(other["id"])
            earlier_kids += kids
            kids_all += kids
        if n == 0 and draw(st.integers(0, 3)) == 0:  # a single parent
            kids_all += self.children_of([pid], max_children)
        return kids_all


@st.composite
def _family_parts(draw: Draw, ids: _Ids, parts: _Parts, as_of_year: int, *,
                  min_generations: int, max_generations: int, max_partners: int,
                  max_children: int, max_lines: int) -> None:
    """Add a family of one to five generations to ``parts`` (see :func:`families`)."""
    fam = _Family(draw, ids, parts, as_of_year)
    generations = draw(st.integers(min_generations, max_generations))
    top = as_of_year - 4 - 16 * (generations - 1) - draw(st.integers(0, 40))
    current = [fam.person(top + draw(st.integers(-3, 3)))["id"]
               for _ in range(draw(st.integers(1, max_lines)))]
    for _ in range(generations - 1):
        following: list[str] = []
        for pid in current:
            kids = fam.partnerships_of(pid, max_partners, max_children)
            following += [k for k in kids if fam.year[k] + 16 < as_of_year]
        if not following:
            break
        current = draw(st.lists(st.sampled_from(following), min_size=1, max_size=max_lines,
                                unique=True))
    living = list(parts.living)
    for _ in range(draw(st.integers(0, 3)) if living else 0):
        parts.households.append(_household(draw, ids, living, as_of_year))


def _period(draw: Draw, rec: dict[str, Any], as_of_year: int, chance: int = 3) -> None:
    """Give ``rec`` a ``start`` (and maybe an ``end`` after it) one time in ``chance``."""
    if draw(st.integers(1, chance)) == 1:
        start = draw(st.integers(as_of_year - 15, as_of_year))
        if draw(st.booleans()):
            rec["start"] = draw(_written_date(start))
        if draw(st.booleans()):
            rec["end"] = draw(_written_date(start + draw(st.integers(1, 6))))


def _memberships(draw: Draw, rec: dict[str, Any], as_of_year: int) -> None:
    """Dated periods for some members: one or two periods each, in order, not overlapping."""
    out = []
    for member in rec["members"]:
        if draw(st.integers(0, 3)) != 0:
            continue
        year = draw(st.integers(as_of_year - 15, as_of_year - 2))
        for _ in range(draw(st.integers(1, 2))):
            period: dict[str, Any] = {"member": member}
            if draw(st.booleans()):
                period["start"] = draw(_written_date(year))
            year += draw(st.integers(1, 4))
            period["end"] = draw(_written_date(year))
            year += 1
            out.append(period)
    if out:
        rec["memberships"] = out


def _household(draw: Draw, ids: _Ids, living: list[str], as_of_year: int) -> dict[str, Any]:
    rec: dict[str, Any] = {"members": _subset(draw, living, 1, 6)}
    if draw(st.integers(0, 3)) == 0:
        rec["id"] = ids.new("huis-")
    if draw(st.integers(0, 3)) == 0:
        rec["name"] = draw(names())
    _period(draw, rec, as_of_year, 4)
    _memberships(draw, rec, as_of_year)
    return rec


@st.composite
def _network_parts(draw: Draw, ids: _Ids, parts: _Parts, as_of_year: int, *,
                   min_agents: int, max_agents: int) -> None:
    """Add a helper network of ``min_agents`` to ``max_agents`` agents around the people."""
    people = parts.person_ids()
    budget = draw(st.integers(min_agents, max_agents))
    while budget > 0:
        what = draw(st.sampled_from(("organisation", "context", "supporter")))
        if what == "organisation":
            org: dict[str, Any] = {"id": ids.new("org-"),
                                   "kind": draw(st.sampled_from(_SORTED(ORGANISATION_KINDS)))}
            if draw(st.booleans()):
                org["name"] = draw(names())
            pros = []
            for _ in range(draw(st.integers(0, min(5, budget - 1)))):
                pro: dict[str, Any] = {"id": ids.new()}
                if draw(st.booleans()):
                    pro["name"] = draw(names())
                if draw(st.booleans()):
                    pro["role"] = draw(names())
                pros.append(pro)
            org["professionals"] = pros
            parts.organisations.append(org)
            budget -= 1 + len(pros)
        elif what == "context":
            ctx: dict[str, Any] = {"id": ids.new("ctx-"),
                                   "kind": draw(st.sampled_from(_SORTED(CONTEXT_KINDS))),
                                   "members": _subset(draw, people)}
            if draw(st.booleans()):
                ctx["name"] = draw(names())
            _period(draw, ctx, as_of_year)
            _memberships(draw, ctx, as_of_year)
            parts.contexts.append(ctx)
            budget -= 1
        else:
            sup: dict[str, Any] = {"id": ids.new(), "supports": _subset(draw, people),
                                   "strength": draw(st.sampled_from(_SORTED(STRENGTHS)))}
            if draw(st.booleans()):
                sup["relation"] = draw(names())
            _period(draw, sup, as_of_year)
            parts.network.append(sup)
            budget -= 1
    # one place, one node: a context may be an organisation, a supporter a family member
    org_ids = [o["id"] for o in parts.organisations]
    for rec in parts.contexts + parts.network:
        if org_ids and draw(st.integers(0, 4)) == 0:
            rec["organisation"] = draw(st.sampled_from(org_ids))
        elif people and draw(st.integers(0, 4)) == 0:
            rec["person"] = draw(st.sampled_from(people))
    agents = parts.agent_ids()
    if not people or not agents:
        return
    for _ in range(draw(st.integers(0, len(agents) + 2))):
        inv: dict[str, Any] = {
            "agent": draw(st.sampled_from(agents)),
            "targets": _subset(draw, people, 1, 5),
            "stance": draw(st.sampled_from(_SORTED(STANCES))),
        }
        if draw(st.integers(0, 3)) == 0:
            inv["regie"] = True
        if draw(st.booleans()):
            start = draw(st.integers(as_of_year - 15, as_of_year))
            inv["start"] = draw(_written_date(start))
            if draw(st.booleans()):
                inv["end"] = draw(_written_date(start + draw(st.integers(1, 5))))
        if draw(st.integers(0, 3)) == 0:
            inv["intensity"] = draw(st.sampled_from(("weekly", "monthly", "wekelijks")))
        if draw(st.integers(0, 2)) == 0:
            inv["entry"] = draw(st.sampled_from(_SORTED(ENTRIES)))
        if draw(st.integers(0, 2)) == 0:
            inv["form"] = draw(st.sampled_from(_SORTED(HELP_FORMS)))
        if draw(st.integers(0, 5)) == 0:
            inv["notes"] = draw(names())
        parts.involvements.append(inv)


def _relations_events_hypotheses(draw: Draw, ids: _Ids, parts: _Parts, as_of_year: int,
                                 max_relations: int) -> None:
    everyone = parts.person_ids() + parts.agent_ids()
    if len(everyone) >= 2:
        for _ in range(draw(st.integers(0, max_relations))):
            pair = _subset(draw, everyone, 2, 2)
            rec: dict[str, Any] = {"between": pair,
                                   "kind": draw(st.sampled_from(_SORTED(RELATION_KINDS)))}
            if draw(st.integers(0, 3)) == 0:  # the other way to write it: from/to
                rec = {"from": pair[0], "to": pair[1], "kind": rec["kind"]}
            if draw(st.integers(0, 3)) == 0:
                start = draw(st.integers(as_of_year - 20, as_of_year))
                rec["start"] = draw(_written_date(start))
                if draw(st.booleans()):
                    rec["end"] = draw(_written_date(start + draw(st.integers(1, 5))))
            parts.relations.append(rec)
    for _ in range(draw(st.integers(0, 4))):
        ev: dict[str, Any] = {"date": draw(_written_date(draw(st.integers(1950, as_of_year)))),
                              "title": draw(names()),
                              "people": _subset(draw, everyone, 0, 4)}
        parts.events.append(ev)
    for _ in range(draw(st.integers(0, 5))):
        hy: dict[str, Any] = {"text": draw(names()), "about": _subset(draw, everyone, 0, 3)}
        if draw(st.integers(0, 3)) == 0:
            hy["id"] = ids.new("h-")
        parts.hypotheses.append(hy)


def _assemble(draw: Draw, ids: _Ids, parts: _Parts, as_of_year: int) -> dict[str, Any]:
    meta: dict[str, Any] = {"id": ids.new("case-")}
    if draw(st.booleans()):
        meta["title"] = draw(names())
    if draw(st.integers(0, 4)) > 0:
        meta["as_of"] = draw(_written_date(as_of_year))
    born = [p["id"] for p in parts.people if not p.get("pregnancy") and not p.get("miscarriage")]
    meta["index"] = _subset(draw, born, 0, 2)
    regie = _subset(draw, born, 0, 2)  # family members who hold regie themselves
    if regie:
        meta["regie"] = regie
    meta["lang"] = draw(st.sampled_from(_SORTED(LANGS)))
    data: dict[str, Any] = {"schema": "systeemkaart/1", "case": meta}
    for key in ("people", "partnerships", "children", "relations", "households", "network",
                "contexts", "organisations", "involvements", "events", "hypotheses"):
        value = getattr(parts, key)
        if value or draw(st.integers(0, 3)) == 0:
            data[key] = value
    return data


@st.composite
def case_data(draw: Draw, *, family: bool = True, network: bool = True,
              min_generations: int = 1, max_generations: int = 5, max_partners: int = 3,
              max_children: int = 3, max_lines: int = 2, min_agents: int = 0,
              max_agents: int = 40, max_relations: int = 8) -> dict[str, Any]:
    """A valid case as plain data (what ``yaml.safe_load`` of a good file gives).

    Args:
        family: include a genogram part (people over generations).
        network: include a systemogram part (agents and involvements).
        min_generations, max_generations: the family's depth (1-5).
        max_partners: successive partnerships per person (remarriages give half-siblings).
        max_children: biological children per couple (twins may add one more).
        max_lines: people carried from one generation to the next (bounds the width).
        min_agents, max_agents: organisations + professionals + contexts + supporters.
        max_relations: emotional relations between people and agents.
    """
    as_of_year = draw(st.integers(1990, 2030))
    ids = _Ids(draw)
    parts = _Parts()
    if family:
        draw(_family_parts(ids, parts, as_of_year, min_generations=min_generations,
                           max_generations=max_generations, max_partners=max_partners,
                           max_children=max_children, max_lines=max_lines))
    elif network:  # a systemogram still needs people to point at: the youth and parents
        fam = _Family(draw, ids, parts, as_of_year)
        for _ in range(draw(st.integers(1, 4))):
            fam.person(as_of_year - draw(st.integers(1, 50)))
    if network:
        draw(_network_parts(ids, parts, as_of_year, min_agents=min_agents,
                            max_agents=max_agents))
    _relations_events_hypotheses(draw, ids, parts, as_of_year, max_relations)
    return _assemble(draw, ids, parts, as_of_year)


def cases(**kwargs: Any) -> st.SearchStrategy[Case]:
    """Valid whole cases: a family and its helper network (parameters as :func:`case_data`)."""
    return case_data(**kwargs).map(Case.model_validate)


def families(*, min_generations: int = 1, max_generations: int = 5, max_partners: int = 3,
             max_children: int = 3, max_lines: int = 2) -> st.SearchStrategy[Case]:
    """Valid genogram-only cases (no agents); parameters as :func:`case_data`."""
    return cases(network=False, min_generations=min_generations,
                 max_generations=max_generations, max_partners=max_partners,
                 max_children=max_children, max_lines=max_lines)


@st.composite
def line_segments(draw: Draw) -> tuple[tuple[float, float], tuple[float, float]]:
    """A segment as the genogram draws them: mostly horizontal or vertical, on coordinates
    that often coincide (ends on other lines, shared rows and lanes), sometimes slanted,
    sometimes very short."""
    coord = st.one_of(st.integers(0, 12).map(lambda k: k * 10.0),
                      st.floats(0, 120, allow_nan=False).map(lambda v: round(v, 1)),
                      st.integers(0, 12).map(lambda k: k * 10.0 + 0.0007))  # all but on it
    x, y = draw(coord), draw(coord)
    shape = draw(st.sampled_from(("horizontal", "vertical", "slanted", "short")))
    if shape == "horizontal":
        end = (draw(coord.filter(lambda v: v != x)), y)
    elif shape == "vertical":
        end = (x, draw(coord.filter(lambda v: v != y)))
    elif shape == "short":
        end = (x + draw(st.sampled_from((0.0005, 0.001, 0.002))), y)
    else:
        end = draw(st.tuples(coord, coord).filter(lambda e: e != (x, y)))
    return (x, y), end


@st.composite
def families_with_relations(draw: Draw, *, max_generations: int = 4,
                            max_relations: int = 12) -> Case:
    """Genogram-only cases with many emotional relations: besides pairs far apart and in
    one row, one pair with several relations, and one person with four or more."""
    data = draw(case_data(network=False, max_generations=max_generations, max_relations=0))
    people = [p["id"] for p in data.get("people", [])]
    relations: list[dict[str, Any]] = []
    if len(people) >= 2:
        kinds = _SORTED(RELATION_KINDS)
        pairs = [_subset(draw, people, 2, 2) for _ in range(draw(st.integers(0, max_relations)))]
        if pairs and draw(st.booleans()):  # several relations between one pair
            pairs += [pairs[0]] * draw(st.integers(1, 2))
        if draw(st.booleans()):  # one person with many relations
            hub = draw(st.sampled_from(people))
            others = [p for p in people if p != hub]
            pairs += [[hub, other] for other in _subset(draw, others, 0, 5)]
        relations = [{"between": pair, "kind": draw(st.sampled_from(kinds))} for pair in pairs]
    data["relations"] = relations
    return Case.model_validate(data)


@st.composite
def with_relations(draw: Draw, base: st.SearchStrategy[Case], max_relations: int = 8) -> Case:
    """Cases of ``base`` with at least one emotional relation (a property of emotional
    lines learns nothing from a family without them): one without gets one to
    ``max_relations`` between people drawn at random, after someone without any family
    link where it has only one person."""
    case = draw(base)
    if case.relations:
        return case
    data = case.model_dump(mode="json", exclude_none=True, by_alias=True)
    ids = [p["id"] for p in data.get("people", [])]
    while len(ids) < 2:
        pid = next(f"los-{k}" for k in itertools.count() if f"los-{k}" not in ids)
        data.setdefault("people", []).append({"id": pid,
                                              "sex": draw(st.sampled_from(_SORTED(SEXES)))})
        ids.append(pid)
    kinds = _SORTED(RELATION_KINDS)
    data["relations"] = [{"between": _subset(draw, ids, 2, 2),
                          "kind": draw(st.sampled_from(kinds))}
                         for _ in range(draw(st.integers(1, max_relations)))]
    return Case.model_validate(data)


def helper_networks(*, min_agents: int = 0, max_agents: int = 40) -> st.SearchStrategy[Case]:
    """Valid systemogram-only cases: one to four people and ``min_agents``-``max_agents``
    agents (organisations with professionals, contexts, supporters) with involvements."""
    return cases(family=False, min_agents=min_agents, max_agents=max_agents)


@st.composite
def partner_counts(draw: Draw, max_partners: int = 60) -> dict[tuple[str, str], tuple[int, int]]:
    """Counts across cases as the overview's partner picture takes them:
    ``(name, kind) -> (cases, cases shared with the social team)``, shared <= cases."""
    kinds = _SORTED(ORGANISATION_KINDS - {"social_team"} | CONTEXT_KINDS)
    n = draw(st.integers(0, max_partners))
    out: dict[tuple[str, str], tuple[int, int]] = {}
    for i in range(n):
        name = draw(st.one_of(names(), st.just(f"Partner {i}")))
        cases = draw(st.integers(1, 5000))
        shared = draw(st.integers(0, cases))
        out[(name, draw(st.sampled_from(kinds)))] = (cases, shared)
    return out


@st.composite
def parent_maps(draw: Draw, max_people: int = 30, cycles: bool = False
                ) -> dict[str, list[str]]:
    """Child -> parents, as the analyses index them: up to two parents each, from people
    drawn earlier (a forest of descent lines, cousins and ancestors shared), or, with
    ``cycles``, from anyone else (someone may be their own ancestor: an invalid case)."""
    n = draw(st.integers(1, max_people))
    ids = [f"p{i}" for i in range(n)]
    out: dict[str, list[str]] = {}
    for i, pid in enumerate(ids):
        pool = [q for q in ids if q != pid] if cycles else ids[:i]
        if pool:
            chosen = draw(st.lists(st.sampled_from(pool), max_size=2, unique=True))
            if chosen:
                out[pid] = chosen
    return out


def plain_data(max_leaves: int = 40) -> st.SearchStrategy[Any]:
    """Plain data as a YAML or JSON reader gives it: text, numbers, booleans, null, lists
    and text-keyed records, nested, empty ones included (the most events per element)."""
    scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6),
                        st.text(alphabet="abc xyz,:-#[]{}'\"\n", max_size=30))
    return st.recursive(
        scalars,
        lambda inner: st.one_of(st.lists(inner, max_size=5),
                                st.dictionaries(st.text(alphabet="abkey-", min_size=1,
                                                        max_size=4), inner, max_size=5)),
        max_leaves=max_leaves,
    )


@st.composite
def yaml_texts(draw: Draw, max_leaves: int = 40) -> str:
    """A YAML document of :func:`plain_data` written in block, flow or mixed style, with
    anchors and aliases where PyYAML writes them, indented by 2 to 4, long values wrapped
    over several lines."""
    data = draw(plain_data(max_leaves))
    if draw(st.booleans()):  # the same object twice: PyYAML writes an anchor and an alias
        data = {"a": data, "b": data}
    flow = draw(st.sampled_from([None, True, False]))
    return str(yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True,
                              indent=draw(st.integers(2, 4)),
                              width=draw(st.sampled_from([12, 80]))))  # 12: text wraps


@st.composite
def ring_scenes(draw: Draw, max_units: int = 8) -> tuple[list[Unit], dict[str, float],
                                                      dict[str, float], dict[str, list[str]],
                                                      dict[str, tuple[float, float]]]:
    """Boxes on the rings round a family, as :func:`~systeemkaart.layout.systemogram_rings.
    within_reach` takes them: units (some with a kind's side), the angle and distance from
    the centre of each, whom each one's lines go to, and where those four people stand."""
    people = {"top": (0.0, -60.0), "left": (-50.0, 20.0), "right": (50.0, 20.0),
              "low": (0.0, 80.0)}
    sides = st.one_of(st.none(), st.sampled_from((0.0, math.pi / 2, math.pi, -math.pi / 2)))
    units: list[Unit] = []
    angles: dict[str, float] = {}
    radii: dict[str, float] = {}
    targets: dict[str, list[str]] = {}
    for k in range(draw(st.integers(1, max_units))):
        uid = f"u{k}"
        units.append(Unit(uid, draw(st.integers(1, 3)), [(uid, "organisation", (), 30.0)],
                          60.0, 30.0, draw(sides), k, {}))
        angles[uid] = draw(st.integers(0, 71)) * math.tau / 72
        radii[uid] = float(draw(st.integers(150, 400)))
        targets[uid] = _subset(draw, sorted(people), 0, 3)
    return units, angles, radii, targets, people
