"""Patterns that repeat across generations: the genogram's question "what keeps coming back?".

For each pattern a set of people shows it (see :data:`PATTERNS`); a pattern *repeats* when
people who show it are linked by descent (one is a parent, grandparent, ... of the other,
by any kind of child link) and the thing itself happened in at least two generations: two
records (not one cut-off seen from both ends), in different generations. Each repeat is one finding
with the code ``repeat_<pattern>``, its people (oldest generation first), their generation
numbers and the records behind it. Things dated after the analysis date are left out.

Cost O(people + parent links) per pattern (see :func:`_descent_roots`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Final

from pydantic import Field

from ..dates import PartialDate
from ..generations import generations
from ..model import Case, happened_by, no_items, partnership_ended_at
from ..text.words import count, say
from .common import CaseIndex, Result, build_index

__all__ = ["EARLY_PARENT_AGE", "PATTERNS", "Pattern", "analyse_patterns", "pattern_carriers"]

EARLY_PARENT_AGE: Final = 20
"""A parent younger than this at a child's birth counts as early parenthood."""

PATTERNS: Final = ("divorce", "cutoff", "parent_child_conflict", "early_parenthood", "abuse")
"""The patterns looked for, in report order."""

_CONFLICT: Final = frozenset({"conflict", "hostile", "close_hostile", "abuse", "neglect"})


class Pattern(Result):
    """One pattern repeating across generations."""

    code: str
    pattern: str
    members: list[str]
    generations: list[int]
    why: str
    evidence: list[str] = Field(default_factory=no_items)


def pattern_carriers(ix: CaseIndex) -> dict[str, dict[str, list[str]]]:
    """Map each pattern to the people who show it and, per person, the evidence."""
    out: dict[str, dict[str, list[str]]] = {p: {} for p in PATTERNS}
    people = ix.people

    def add(pattern: str, pid: str, ev: str) -> None:
        if pid in people:
            out[pattern].setdefault(pid, []).append(ev)

    for i, ps in enumerate(ix.case.partnerships):
        if partnership_ended_at(ps, ix.when) in ("divorced", "separated"):
            a, b = ps.partners
            when = f" {ps.end}" if ps.end is not None else ""
            ev = f"partnerships[{i}]: {a} - {b} {ps.status}{when}"
            add("divorce", a, ev)
            add("divorce", b, ev)
    for i, r in enumerate(ix.case.relations):
        if not happened_by(r.start, ix.when):
            continue
        a, b = r.between
        ev = f"relations[{i}]: {a} - {b} {r.kind}"
        if r.kind == "cutoff":
            add("cutoff", a, ev)
            add("cutoff", b, ev)
        if r.kind in ("abuse", "neglect"):
            add("abuse", a, ev)
            add("abuse", b, ev)
        if r.kind in _CONFLICT:
            if a in ix.parents.get(b, []):
                add("parent_child_conflict", b, ev)
            elif b in ix.parents.get(a, []):
                add("parent_child_conflict", a, ev)
    for i, link in enumerate(ix.case.children):
        child = people.get(link.child)
        if child is None or child.born is None or link.kind != "biological":
            continue
        if not happened_by(child.born, ix.when):
            continue
        for par in link.parents:
            parent = people.get(par)
            if parent is None:
                continue
            age = parent.age_at(child.born)
            if age is not None and age < EARLY_PARENT_AGE:
                add("early_parenthood", par,
                    f"children[{i}]: {par} parent of {link.child} at {age}")
    return out


def _ancestors(parents: Mapping[str, list[str]], pid: str) -> set[str]:
    seen: set[str] = set()
    stack = list(parents.get(pid, []))
    while stack:
        p = stack.pop()
        if p not in seen:
            seen.add(p)
            stack.extend(parents.get(p, []))
    return seen


def _find(root: dict[str, str], x: str) -> str:
    """Union-find root with path halving."""
    while root[x] != x:
        root[x] = root[root[x]]
        x = root[x]
    return x


class _Cycle(Exception):
    """Someone is their own ancestor (an invalid case): the plain walk decides instead."""


def _descent_roots(parents: Mapping[str, list[str]], have: Collection[str]) -> dict[str, str]:
    """Union-find roots that join every two of ``have`` where one descends from the other.

    Each person of ``have`` is joined with the nearest ones above it (no other of ``have``
    between), which joins the same groups as joining every ancestor. The walk up from each
    one stops at people of ``have`` and at people walked from an earlier one: the first
    walk notes, for each person it finished, one of ``have`` that everyone of ``have``
    above them was joined with (or none above), so each person is walked once: O(people +
    parent links), where joining each with all its ancestors costs O(people x ancestors).
    A parentage cycle (an invalid case) falls back to that plain walk."""
    try:
        return _joined_once(parents, have)
    except _Cycle:
        root = {pid: pid for pid in have}
        for pid in have:
            for anc in _ancestors(parents, pid):
                if anc in have:
                    root[_find(root, anc)] = _find(root, pid)
        return root


def _joined_once(parents: Mapping[str, list[str]], have: Collection[str]) -> dict[str, str]:
    """:func:`_descent_roots` by the walk that visits each person once."""
    root = {pid: pid for pid in have}
    above: dict[str, str | None] = {}  # a finished person: one of ``have`` above, or None
    for pid in have:
        stack = [(pid, iter(parents.get(pid, ())))]
        found: dict[str, str | None] = {pid: None}  # the people on the stack
        while stack:
            node, rest = stack[-1]
            for par in rest:
                hit = par if par in root else above.get(par)
                if hit is not None:
                    root[_find(root, hit)] = _find(root, pid)
                    found[node] = hit
                elif par in found:
                    raise _Cycle
                elif par not in above:
                    found[par] = None
                    stack.append((par, iter(parents.get(par, ()))))
                    break
            else:
                stack.pop()
                hit = found.pop(node)
                if stack:
                    above[node] = hit
                    if hit is not None:
                        found[stack[-1][0]] = hit
    return root


def _record_levels(members: list[str], have: dict[str, list[str]],
                   gens: dict[str, int]) -> set[int]:
    """The generations the records of a group sit in: each record (a divorce, a cut-off...)
    at the youngest generation of the people in the group who show it. One record seen from
    both ends (a father and daughter who cut off contact) sits in one generation only."""
    level: dict[str, int] = {}
    for p in members:
        for ev in have[p]:
            level[ev] = max(level.get(ev, gens.get(p, 0)), gens.get(p, 0))
    return set(level.values())


def analyse_patterns(
    case: Case, at: PartialDate | None = None, *, index: CaseIndex | None = None
) -> list[Pattern]:
    """Find patterns that repeat along lines of descent over two or more generations."""
    ix = index if index is not None else build_index(case, at)
    carriers = pattern_carriers(ix)
    if not any(len(c) >= 2 for c in carriers.values()):
        return []
    gens = generations(case)
    order = {pid: i for i, pid in enumerate(ix.people)}
    found: list[Pattern] = []
    for pattern in PATTERNS:
        have = carriers[pattern]
        if len(have) < 2:
            continue
        root = _descent_roots(ix.parents, have)
        groups: dict[str, list[str]] = {}
        for pid in have:
            groups.setdefault(_find(root, pid), []).append(pid)
        for members in groups.values():
            levels = {gens.get(p, 0) for p in members}
            if len(levels) < 2 or len(_record_levels(members, have, gens)) < 2:
                continue
            members.sort(key=lambda p: (gens.get(p, 0), order[p]))
            evidence = list(dict.fromkeys(e for p in members for e in have[p]))
            found.append(Pattern(
                code=f"repeat_{pattern}", pattern=pattern, members=members,
                generations=sorted(levels),
                why=say(ix.lang, f"repeat_{pattern}", who=ix.names_of(members),
                        n=count(ix.lang, len(levels), "generation")),
                evidence=evidence))
    found.sort(key=lambda f: (PATTERNS.index(f.pattern), order[f.members[0]]))
    return found
