"""Coalitions in the family and how the helpers line up with them.

Read from the emotional relations active at the date, as a signed graph on the people:
close and fused bind (+); conflict, hostile, cutoff, abuse and neglect oppose (-); other
kinds (distant, close-hostile, caregiving) carry no sign. A pair with both signs counts as
opposed. Reported, each with its members and the relations behind it:

* ``triangle``: two people close, both opposed to a third (triangulation);
* ``cross_generational``: a parent and a child close while the parents are opposed and the
  child is not close to the other parent (also grandparent, grandchild and the parent between);
* ``fused_distant``: a parent fused with a child while the child's other parent stands at a
  distance from the child or from that parent, and is not close to the child (the triangle
  that hypotheses name as "zo verbonden dat vader op afstand raakt");
* ``cutoff``: a cut-off relation;
* ``factions``: two camps when the relations support them (minimum frustration, see
  :mod:`.balance`): each camp is held together by close ties (so it has at least two people,
  never one child alone, never anyone without relations), and opposing ties run between them;
* ``split_helpers``: with such camps, professionals standing alongside the family (no
  statutory task) who reach only one camp while others reach only the other ("each side has
  its own helper"), each named with the people they reach.

Every sentence is a hypothesis ("Is het zo dat ...?") and avoids the stance words.

Cost O(relations + people x degree^2) plus the balance solver per group.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations

from pydantic import Field

from ..dates import PartialDate
from ..model import Case, holds_at, no_items
from ..text.words import count, say
from .balance import min_frustration
from .common import (
    NEGATIVE_RELATIONS,
    POSITIVE_RELATIONS,
    CaseIndex,
    Result,
    build_index,
)

__all__ = ["Coalition", "analyse_coalitions", "signed_graph"]


class Coalition(Result):
    """One coalition finding. ``kind`` equals ``code``; ``groups`` lists the camps for
    ``factions`` and ``split_helpers``; ``frustration``, ``exact`` and ``lower_bound``
    describe the balance split (``factions`` only)."""

    code: str
    kind: str
    members: list[str]
    why: str
    evidence: list[str] = Field(default_factory=no_items)
    groups: list[list[str]] = Field(default_factory=no_items)
    frustration: int | None = None
    exact: bool | None = None
    lower_bound: int | None = None


Signed = dict[tuple[str, str], tuple[int, list[str]]]


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def signed_graph(ix: CaseIndex) -> Signed:
    """Map each pair of people to its sign (+1 or -1) and the relations behind it.

    Only relations between two people, active at the index date, with a signed kind.
    """
    out: Signed = {}
    for i, r in enumerate(ix.case.relations):
        if r.kind in POSITIVE_RELATIONS:
            sign = 1
        elif r.kind in NEGATIVE_RELATIONS:
            sign = -1
        else:
            continue
        a, b = r.between
        if a == b or a not in ix.people or b not in ix.people:
            continue
        if not holds_at(r.start, r.end, ix.when):
            continue
        key = _pair(a, b)
        ev = f"relations[{i}]: {a} - {b} {r.kind}"
        if key in out:
            old_sign, evs = out[key]
            out[key] = (min(old_sign, sign), [*evs, ev])
        else:
            out[key] = (sign, [ev])
    return out


def analyse_coalitions(
    case: Case, at: PartialDate | None = None, *, index: CaseIndex | None = None
) -> list[Coalition]:
    """Find triangles, cross-generational coalitions, cutoffs, factions and split helpers."""
    ix = index if index is not None else build_index(case, at)
    signed = signed_graph(ix)
    order = {pid: i for i, pid in enumerate(ix.people)}
    pos: dict[str, set[str]] = {}
    neg: dict[str, set[str]] = {}
    for (a, b), (sign, _) in signed.items():
        side = pos if sign > 0 else neg
        side.setdefault(a, set()).add(b)
        side.setdefault(b, set()).add(a)

    def ordered(ids: set[str] | list[str]) -> list[str]:
        return sorted(ids, key=lambda x: order[x])

    def ev(*pairs: tuple[str, str]) -> list[str]:
        out: list[str] = []
        for a, b in pairs:
            out.extend(signed[_pair(a, b)][1])
        return out

    found: list[Coalition] = []
    lang = ix.lang
    for (a, b), (sign, _) in sorted(signed.items(), key=lambda t: (order[t[0][0]],
                                                                    order[t[0][1]])):
        if sign < 0:
            continue
        a, b = ordered([a, b])
        for c in ordered(neg.get(a, set()) & neg.get(b, set())):
            found.append(Coalition(
                code="triangle", kind="triangle", members=[a, b, c],
                why=say(lang, "triangle", a=ix.name(a), b=ix.name(b), c=ix.name(c)),
                evidence=ev((a, b), (a, c), (b, c))))
    found.extend(_cross_generational(ix, pos, neg, ev))
    found.extend(_fused_distant(ix))
    for i, r in enumerate(ix.case.relations):
        a, b = r.between
        key = _pair(a, b)
        if r.kind == "cutoff" and key in signed and any(
                e.startswith(f"relations[{i}]:") for e in signed[key][1]):
            found.append(Coalition(
                code="cutoff", kind="cutoff", members=[a, b],
                why=say(lang, "cutoff", a=ix.name(a), b=ix.name(b)),
                evidence=[f"relations[{i}]: {a} - {b} cutoff"]))
    found.extend(_factions(ix, signed, order))
    return found


def _cross_generational(ix: CaseIndex, pos: dict[str, set[str]], neg: dict[str, set[str]],
                        ev: Callable[..., list[str]]) -> list[Coalition]:
    out: list[Coalition] = []
    seen: set[tuple[str, str, str]] = set()

    def coalition(ally: str, child: str, other: str) -> None:
        """``ally`` close to ``child`` against ``other``, when the relations say so."""
        if (other in neg.get(ally, set()) and child in pos.get(ally, set())
                and child not in pos.get(other, set()) and (ally, child, other) not in seen):
            seen.add((ally, child, other))
            out.append(Coalition(
                code="cross_generational", kind="cross_generational",
                members=[ally, child, other],
                why=say(ix.lang, "cross_generational", a=ix.name(ally), b=ix.name(child),
                        c=ix.name(other)),
                evidence=ev((ally, child), (ally, other))))

    for child in ix.people:
        if child not in pos:  # a coalition needs the child close to someone
            continue
        parents = [p for p in ix.parents.get(child, []) if p in ix.people]
        for p, q in combinations(parents, 2):
            coalition(p, child, q)
            coalition(q, child, p)
        for mid in parents:
            for grand in ix.parents.get(mid, []):
                if grand in ix.people:
                    coalition(grand, child, mid)
    return out


def _components(signed: Signed, order: dict[str, int]) -> list[list[str]]:
    adj: dict[str, list[str]] = {}
    for a, b in signed:
        adj.setdefault(a, []).append(b)
        adj.setdefault(b, []).append(a)
    seen: set[str] = set()
    comps: list[list[str]] = []
    for start in sorted(adj, key=lambda x: order[x]):
        if start in seen:
            continue
        comp, stack = [], [start]
        seen.add(start)
        while stack:
            u = stack.pop()
            comp.append(u)
            for v in adj[u]:
                if v not in seen:
                    seen.add(v)
                    stack.append(v)
        comps.append(sorted(comp, key=lambda x: order[x]))
    return comps


def _held_by_close_ties(camp: list[str], pos: dict[str, set[str]]) -> bool:
    """True when the close ties inside ``camp`` connect all of it (two or more people)."""
    if len(camp) < 2:
        return False
    members = set(camp)
    seen = {camp[0]}
    stack = [camp[0]]
    while stack:
        u = stack.pop()
        for v in pos.get(u, set()) & members:
            if v not in seen:
                seen.add(v)
                stack.append(v)
    return seen == members


def _factions(ix: CaseIndex, signed: Signed, order: dict[str, int]) -> list[Coalition]:
    pos: dict[str, set[str]] = {}
    for (a, b), (sign, _) in signed.items():
        if sign > 0:
            pos.setdefault(a, set()).add(b)
            pos.setdefault(b, set()).add(a)
    out: list[Coalition] = []
    for comp in _components(signed, order):
        num = {pid: k for k, pid in enumerate(comp)}
        edges = [(num[a], num[b], sign < 0) for (a, b), (sign, _) in signed.items()
                 if a in num]
        if not any(neg for _, _, neg in edges):
            continue
        split = min_frustration(len(comp), edges)
        groups = [[p for p in comp if split.side[num[p]] == s] for s in (0, 1)]
        if not all(_held_by_close_ties(g, pos) for g in groups):
            continue
        across = any(neg and split.side[u] != split.side[v] for u, v, neg in edges)
        if not across:
            continue
        bad = sorted(
            (e for (a, b), (sign, evs) in signed.items() if a in num
             and ((split.side[num[a]] ^ split.side[num[b]]) ^ (sign < 0)) for e in evs),
            key=lambda e: int(e.split("]")[0].split("[")[1]))
        why = say(ix.lang, "factions", ga=ix.names_of(groups[0]), gb=ix.names_of(groups[1]))
        if split.frustration:
            key = "factions_misfit" if split.frustration == 1 else "factions_misfits"
            why += say(ix.lang, key, n=count(ix.lang, split.frustration, "relation"))
        out.append(Coalition(
            code="factions", kind="factions", members=comp, why=why,
            evidence=bad, groups=groups, frustration=split.frustration,
            exact=split.exact, lower_bound=split.lower_bound))
        helpers = _split_helpers(ix, groups)
        if helpers is not None:
            out.append(helpers)
    return out


def _split_helpers(ix: CaseIndex, groups: list[list[str]]) -> Coalition | None:
    """Professionals alongside the family that reach only one camp, when each camp has one;
    each named with the people of its camp it reaches."""
    reach: dict[str, set[str]] = {}
    stances: dict[str, set[str]] = {}
    for a in ix.active:
        if ix.is_professional(a.agent) and not ix.statutory(a.agent):
            reach.setdefault(a.agent, set()).update(a.targets)
            stances.setdefault(a.agent, set()).add(a.stance)
    reach = {h: t for h, t in reach.items() if stances[h] == {"alongside"}}
    camp_a, camp_b = set(groups[0]), set(groups[1])
    side_a = [h for h, t in reach.items() if t & camp_a and not t & camp_b]
    side_b = [h for h, t in reach.items() if t & camp_b and not t & camp_a]
    if not side_a or not side_b:
        return None
    whom_a = [p for p in groups[0] if any(p in reach[h] for h in side_a)]
    whom_b = [p for p in groups[1] if any(p in reach[h] for h in side_b)]
    evidence = [f"{h} -> {', '.join(p for p in groups[0] if p in reach[h])}" for h in side_a]
    evidence += [f"{h} -> {', '.join(p for p in groups[1] if p in reach[h])}" for h in side_b]
    lang = ix.lang
    return Coalition(
        code="split_helpers", kind="split_helpers", members=[*side_a, *side_b],
        why=say(lang, "split_helpers", a=ix.names_of(side_a), ga=ix.names_of(whom_a),
                b=ix.names_of(side_b), gb=ix.names_of(whom_b),
                va=say(lang, "helps" if len(side_a) == 1 else "help"),
                vb=say(lang, "helps" if len(side_b) == 1 else "help")),
        evidence=evidence, groups=[side_a, side_b])


def _kinds_between(ix: CaseIndex) -> dict[tuple[str, str], dict[str, int]]:
    """Every relation kind between two people active at the date, with its record number."""
    out: dict[tuple[str, str], dict[str, int]] = {}
    for i, r in enumerate(ix.case.relations):
        a, b = r.between
        if a == b or a not in ix.people or b not in ix.people:
            continue
        if r.start is not None and r.start.earliest.toordinal() > ix.day1:
            continue
        if r.end is not None and r.end.latest.toordinal() < ix.day0:
            continue
        out.setdefault(_pair(a, b), {}).setdefault(r.kind, i)
    return out


def _fused_distant(ix: CaseIndex) -> list[Coalition]:
    """A parent fused with a child while the other parent stands at a distance."""
    kinds = _kinds_between(ix)
    out: list[Coalition] = []

    def rel(a: str, b: str) -> dict[str, int]:
        return kinds.get(_pair(a, b), {})

    fused = {x for pair, k in kinds.items() if "fused" in k for x in pair}
    for child in ix.people:
        if child not in fused:  # the cheap test first: most children are fused with no one
            continue
        parents = [p for p in ix.parents.get(child, []) if ix.alive_at_date(p)]
        for p in parents:
            if "fused" not in rel(p, child):
                continue
            for q in parents:
                if q == p or rel(q, child).keys() & POSITIVE_RELATIONS:
                    continue
                far = [k for k in (rel(q, child).get("distant"), rel(q, p).get("distant"))
                       if k is not None]
                if not far:
                    continue
                records = [rel(p, child)["fused"], *far]
                out.append(Coalition(
                    code="fused_distant", kind="fused_distant", members=[p, child, q],
                    why=say(ix.lang, "fused_distant", a=ix.name(p), b=ix.name(child),
                            c=ix.name(q)),
                    evidence=[_relation_text(ix, i) for i in records]))
    return out


def _relation_text(ix: CaseIndex, i: int) -> str:
    r = ix.case.relations[i]
    return f"relations[{i}]: {r.between[0]} - {r.between[1]} {r.kind}"
