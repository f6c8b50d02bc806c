"""Checks beyond types: ids, references, parentage, dates, twins, marriages, widowhood.

Each check returns :class:`~systeemkaart.exceptions.Problem` objects located like
``children[7].parents``. Errors make a case invalid; warnings are suspicious but legal
(printed, not fatal). The whole pass is linear in the size of the case, except the
overlapping-marriage check, which is quadratic only in one person's partnerships.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

from .dates import PartialDate
from .exceptions import Problem
from .model import Case, Context, Membership, Supporter

__all__ = ["check_case", "parentage_cycle"]

_AGENT = frozenset({"professional", "organisation", "context", "supporter"})


def _err(location: str, message: str, code: str) -> Problem:
    return Problem(location, message, "error", code)


def _warn(location: str, message: str, code: str) -> Problem:
    return Problem(location, message, "warning", code)


def check_case(case: Case) -> list[Problem]:
    """Every error and warning of a type-valid case, in file order within each check."""
    problems: list[Problem] = []
    types, dup = _ids(case)
    problems += dup
    problems += list(_references(case, types))
    problems += list(_parentage(case, types))
    problems += list(_dates(case))
    problems += list(_twins(case, types))
    problems += list(_marriages(case))
    problems += list(_widowed(case))
    problems += list(_names(case))
    problems += list(_same_names(case))
    return problems


def _name_key(name: str | None) -> str:
    """A name as compared for sameness: case and runs of white space ignored."""
    return " ".join((name or "").split()).casefold()


def _same_names(case: Case) -> Iterator[Problem]:
    """Warn when a supporter or context has the name of a person or organisation but does
    not refer to it: drawn as two nodes, one place or person would read as two."""
    people: dict[str, str] = {}
    for p in case.people:
        people.setdefault(_name_key(p.name), p.id)
    organisations: dict[str, str] = {}
    for o in case.organisations:
        organisations.setdefault(_name_key(o.name), o.id)
    people.pop("", None)
    organisations.pop("", None)
    items: list[tuple[str, int, Supporter | Context]] = [
        ("network", i, s) for i, s in enumerate(case.network)]
    items += [("contexts", i, c) for i, c in enumerate(case.contexts)]
    for section, i, item in items:
        if item.person is not None or item.organisation is not None:
            continue
        key = _name_key(item.name)
        for field, named in (("person", people), ("organisation", organisations)):
            if key in named:
                yield _warn(f"{section}[{i}].name",
                            f"{item.name!r} is also the name of {field} {named[key]!r}; if "
                            f"it is the same, write '{field}: {named[key]}' so it is "
                            "drawn as one node", "same_name")


_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters and bidirectional overrides: a name holding them can show other
text than it holds (letters in another order) or act on a terminal that prints it."""


def _names(case: Case) -> Iterator[Problem]:
    """Warn about names with control or bidi-override characters (shown escaped)."""
    named: list[tuple[str, str | None]] = [
        (f"people[{i}].name", p.name) for i, p in enumerate(case.people)
        if p.name and _HIDDEN.search(p.name)]  # a location is written only for a hit
    named += [(f"network[{i}].name", s.name) for i, s in enumerate(case.network)]
    named += [(f"contexts[{i}].name", c.name) for i, c in enumerate(case.contexts)]
    for i, o in enumerate(case.organisations):
        named.append((f"organisations[{i}].name", o.name))
        named += [(f"organisations[{i}].professionals[{j}].name", pro.name)
                  for j, pro in enumerate(o.professionals)]
    for location, name in named:
        if name and _HIDDEN.search(name):
            shown = _HIDDEN.sub(lambda m: ascii(m.group())[1:-1], name)
            yield _warn(location, f"the name {shown!r} holds control or text-direction "
                        "characters; it may show other text than it holds", "hidden_characters")


def _ids(case: Case) -> tuple[dict[str, str], list[Problem]]:
    """Map each id to its type; report duplicates at their second occurrence."""
    types: dict[str, str] = {}
    first: dict[str, str] = {}
    problems: list[Problem] = []

    def add(pid: str, kind: str, location: str) -> None:
        if pid in types:
            problems.append(
                _err(location, f"duplicate id {pid!r} (first used at {first[pid]})", "duplicate_id")
            )
            return
        types[pid] = kind
        first[pid] = location

    for i, p in enumerate(case.people):
        add(p.id, "person", f"people[{i}].id")
    for i, s in enumerate(case.network):
        add(s.id, "supporter", f"network[{i}].id")
    for i, c in enumerate(case.contexts):
        add(c.id, "context", f"contexts[{i}].id")
    for i, o in enumerate(case.organisations):
        add(o.id, "organisation", f"organisations[{i}].id")
        for j, pro in enumerate(o.professionals):
            add(pro.id, "professional", f"organisations[{i}].professionals[{j}].id")
    for name, items in (
        ("partnerships", case.partnerships),
        ("households", case.households),
        ("hypotheses", case.hypotheses),
    ):
        for i, item in enumerate(items):
            rid = getattr(item, "id", None)
            if rid is not None:
                add(rid, name, f"{name}[{i}].id")
    return types, problems


def _expect(
    types: dict[str, str], ref: str, location: str, want: frozenset[str] | str, what: str
) -> Iterator[Problem]:
    kind = types.get(ref)
    wanted = frozenset({want}) if isinstance(want, str) else want
    if kind is None:
        yield _err(location, f"unknown id {ref!r}: no {what} has this id", "dangling_id")
    elif kind not in wanted:
        article = "an" if kind[0] in "aeiou" else "a"
        yield _err(location, f"{ref!r} is {article} {kind}, but a {what} is expected here",
                   "wrong_type")


def _references(case: Case, types: dict[str, str]) -> Iterator[Problem]:
    person = "person"
    for i, pid in enumerate(case.case.index):
        yield from _expect(types, pid, f"case.index[{i}]", person, "person")
    for i, pid in enumerate(case.case.regie):
        yield from _expect(types, pid, f"case.regie[{i}]", person, "person")
    for i, p in enumerate(case.people):
        if p.twin_of is not None:
            yield from _expect(types, p.twin_of, f"people[{i}].twin_of", person, "person")
            if p.twin_of == p.id:
                yield _err(f"people[{i}].twin_of", "a person cannot be their own twin", "self_link")
    for i, ps in enumerate(case.partnerships):
        for j, pid in enumerate(ps.partners):
            if types.get(pid) != person:  # the location is written only for a bad reference
                yield from _expect(types, pid, f"partnerships[{i}].partners[{j}]", person,
                                   "person")
        if ps.partners[0] == ps.partners[1]:
            yield _err(f"partnerships[{i}].partners", "the two partners are the same person",
                       "self_link")
    for i, link in enumerate(case.children):
        for j, pid in enumerate(link.parents):
            if types.get(pid) != person:
                yield from _expect(types, pid, f"children[{i}].parents[{j}]", person, "person")
        if types.get(link.child) != person:
            yield from _expect(types, link.child, f"children[{i}].child", person, "person")
        if len(link.parents) == 2 and link.parents[0] == link.parents[1]:
            yield _err(f"children[{i}].parents", "the same parent is named twice", "self_link")
        if link.child in link.parents:
            yield _err(f"children[{i}].child", "a person cannot be their own parent",
                       "parentage_cycle")
    people_or_agents = frozenset({"person"}) | _AGENT
    for i, r in enumerate(case.relations):
        for j, pid in enumerate(r.between):
            yield from _expect(types, pid, f"relations[{i}].between[{j}]", people_or_agents,
                               "person or agent")
        if r.between[0] == r.between[1]:
            yield _err(f"relations[{i}].between", "a relation needs two different ids",
                       "self_link")
    for i, h in enumerate(case.households):
        for j, pid in enumerate(h.members):
            yield from _expect(types, pid, f"households[{i}].members[{j}]", person, "person")
    organisation = frozenset({"organisation"})
    refs = [("network", i, s.person, s.organisation) for i, s in enumerate(case.network)]
    refs += [("contexts", i, c.person, c.organisation) for i, c in enumerate(case.contexts)]
    for where, i, ref_person, ref_org in refs:
        if ref_person is not None:
            yield from _expect(types, ref_person, f"{where}[{i}].person", person, "person")
        if ref_org is not None:
            yield from _expect(types, ref_org, f"{where}[{i}].organisation", organisation,
                               "organisation")
    for i, s in enumerate(case.network):
        for j, pid in enumerate(s.supports):
            yield from _expect(types, pid, f"network[{i}].supports[{j}]", person, "person")
    for i, c in enumerate(case.contexts):
        for j, pid in enumerate(c.members):
            yield from _expect(types, pid, f"contexts[{i}].members[{j}]", person, "person")
    groups: list[tuple[str, list[str], list[Membership]]] = [
        (f"households[{i}]", h.members, h.memberships) for i, h in enumerate(case.households)]
    groups += [(f"contexts[{i}]", c.members, c.memberships) for i, c in enumerate(case.contexts)]
    for where, members, memberships in groups:
        for j, m in enumerate(memberships):
            if m.member not in members:
                yield _err(f"{where}.memberships[{j}].member",
                           f"{m.member!r} is not one of this record's members", "dangling_id")
    for i, inv in enumerate(case.involvements):
        yield from _expect(types, inv.agent, f"involvements[{i}].agent", _AGENT,
                           "professional, organisation, context or supporter")
        for j, pid in enumerate(inv.targets):
            yield from _expect(types, pid, f"involvements[{i}].targets[{j}]", person, "person")
    anything = frozenset(types.values()) | people_or_agents
    for i, ev in enumerate(case.events):
        for j, pid in enumerate(ev.people):
            yield from _expect(types, pid, f"events[{i}].people[{j}]", anything, "person or agent")
    for i, hy in enumerate(case.hypotheses):
        for j, pid in enumerate(hy.about):
            yield from _expect(types, pid, f"hypotheses[{i}].about[{j}]", anything,
                               "person or agent")
    yield from _duplicates_in_lists(case)


def _duplicates_in_lists(case: Case) -> Iterator[Problem]:
    lists: list[tuple[str, Iterable[str]]] = [("case.index", case.case.index),
                                               ("case.regie", case.case.regie)]
    lists += [(f"households[{i}].members", h.members) for i, h in enumerate(case.households)]
    lists += [(f"involvements[{i}].targets", v.targets) for i, v in enumerate(case.involvements)]
    lists += [(f"contexts[{i}].members", c.members) for i, c in enumerate(case.contexts)]
    lists += [(f"network[{i}].supports", s.supports) for i, s in enumerate(case.network)]
    for location, ids in lists:
        seen: set[str] = set()
        for j, pid in enumerate(ids):
            if pid in seen:
                yield _warn(f"{location}[{j}]", f"{pid!r} is listed twice", "listed_twice")
            seen.add(pid)


def parentage_cycle(edges: Iterable[tuple[str, str]]) -> list[str] | None:
    """A cycle in the parent -> child relation as a list of ids, or ``None``.

    Kahn's algorithm decides whether there is a cycle at all (the common answer is no);
    only then an iterative three-colour depth-first search over what is left names one.
    O(people + links), no recursion limit.
    """
    succ: dict[str, list[str]] = defaultdict(list)
    indeg: dict[str, int] = defaultdict(int)
    for parent, child in edges:
        succ[parent].append(child)
        indeg[child] += 1
    queue = [node for node in succ if indeg[node] == 0]
    while queue:
        node = queue.pop()
        for child in succ.get(node, ()):
            indeg[child] -= 1
            if indeg[child] == 0:
                queue.append(child)
    if all(count == 0 for count in indeg.values()):
        return None
    colour: dict[str, int] = {}
    for root in list(succ):
        if colour.get(root):
            continue
        stack: list[tuple[str, Iterator[str]]] = [(root, iter(succ[root]))]
        path = [root]
        colour[root] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                colour[node] = 2
                stack.pop()
                path.pop()
                continue
            state = colour.get(nxt, 0)
            if state == 1:
                return [*path[path.index(nxt):], nxt]
            if state == 0:
                colour[nxt] = 1
                path.append(nxt)
                stack.append((nxt, iter(succ.get(nxt, ()))))
    return None


def _parentage(case: Case, types: dict[str, str]) -> Iterator[Problem]:
    edges: list[tuple[str, str]] = []
    bio: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for i, link in enumerate(case.children):
        child = link.child
        biological = link.kind == "biological"
        for pid in link.parents:
            if pid != child and types.get(pid) == "person":
                edges.append((pid, child))
            if biological:
                bio[child].append((i, pid))
    cycle = parentage_cycle(edges)
    if cycle is not None:  # reported at the first link that makes its last step
        i = next(i for i, link in enumerate(case.children)
                 if link.child == cycle[-1] and cycle[-2] in link.parents)
        chain = " -> ".join(cycle)
        yield _err(f"children[{i}]", f"parentage cycle: {chain} (someone is their own ancestor)",
                   "parentage_cycle")
    for child, entries in bio.items():
        parents: list[str] = []
        for i, pid in entries:
            if pid not in parents:
                parents.append(pid)
            if len(parents) == 3:
                yield _err(
                    f"children[{i}].parents",
                    f"{child!r} would have three biological parents "
                    f"({', '.join(parents)}); mark the others adopted, foster or step",
                    "too_many_parents",
                )
                break
    born = {p.id: p.born for p in case.people if p.born is not None}
    for i, link in enumerate(case.children):
        cb = born.get(link.child)
        if cb is None:
            continue
        for j, pid in enumerate(link.parents):
            pb = born.get(pid)
            if pb is None:
                continue
            if cb.certainly_before(pb):
                if link.kind == "biological":
                    yield _err(f"children[{i}].parents[{j}]",
                               f"child {link.child!r} (born {cb}) is born before parent {pid!r} "
                               f"(born {pb})", "child_before_parent")
                else:
                    yield _warn(f"children[{i}].parents[{j}]",
                                f"{link.kind} child {link.child!r} (born {cb}) is older than "
                                f"parent {pid!r} (born {pb})", "child_before_parent")
            elif link.kind == "biological" and cb.year - pb.year < 12:  # years of the periods
                yield _warn(f"children[{i}].parents[{j}]",
                            f"parent {pid!r} (born {pb}) would be under 12 at the birth of "
                            f"{link.child!r} (born {cb})", "young_parent")


def _period(location: str, start: PartialDate | None, end: PartialDate | None,
            what: str = "end") -> Iterator[Problem]:
    if start is not None and end is not None and end.certainly_before(start):
        yield _err(location, f"{what} {end} is before start {start}", "end_before_start")


def _dates(case: Case) -> Iterator[Problem]:
    as_of = case.case.as_of
    for i, p in enumerate(case.people):
        if p.born is not None and p.died is not None and p.died.certainly_before(p.born):
            yield _err(f"people[{i}].died", f"died {p.died} before being born {p.born}",
                       "died_before_born")
        if as_of is not None and p.born is not None and as_of.certainly_before(p.born) \
                and not p.pregnancy:
            yield _warn(f"people[{i}].born", f"born {p.born}, after the case date {as_of}",
                        "born_after_case_date")
    for i, ps in enumerate(case.partnerships):
        yield from _period(f"partnerships[{i}].end", ps.start, ps.end)
    for i, r in enumerate(case.relations):
        yield from _period(f"relations[{i}].end", r.start, r.end)
    for i, inv in enumerate(case.involvements):
        yield from _period(f"involvements[{i}].end", inv.start, inv.end)
    for i, h in enumerate(case.households):
        yield from _period(f"households[{i}].end", h.start, h.end)
        for j, m in enumerate(h.memberships):
            yield from _period(f"households[{i}].memberships[{j}].end", m.start, m.end)
    for i, s in enumerate(case.network):
        yield from _period(f"network[{i}].end", s.start, s.end)
    for i, c in enumerate(case.contexts):
        yield from _period(f"contexts[{i}].end", c.start, c.end)
        for j, m in enumerate(c.memberships):
            yield from _period(f"contexts[{i}].memberships[{j}].end", m.start, m.end)


def _twins(case: Case, types: dict[str, str]) -> Iterator[Problem]:
    if all(p.twin_of is None for p in case.people):  # most cases: nothing to compare
        return
    parents: dict[str, set[str]] = defaultdict(set)
    for link in case.children:
        if link.kind == "biological":
            parents[link.child].update(link.parents)
    born = {p.id: p.born for p in case.people}
    for i, p in enumerate(case.people):
        if p.twin_of is None or types.get(p.twin_of) != "person" or p.twin_of == p.id:
            continue
        a, b = parents.get(p.id, set()), parents.get(p.twin_of, set())
        if a != b:
            yield _err(f"people[{i}].twin_of",
                       f"twins {p.id!r} and {p.twin_of!r} must share their biological parents "
                       f"({', '.join(sorted(a)) or 'none'} vs {', '.join(sorted(b)) or 'none'})",
                       "twins_parents")
        ba, bb = born.get(p.id), born.get(p.twin_of)
        if ba is not None and bb is not None and not ba.overlaps(bb):
            yield _warn(f"people[{i}].born",
                        f"twins {p.id!r} and {p.twin_of!r} have different birth dates "
                        f"({ba} vs {bb})", "twins_born")


def _marriages(case: Case) -> Iterator[Problem]:
    by_person: dict[str, list[int]] = defaultdict(list)
    for i, ps in enumerate(case.partnerships):
        if ps.kind == "married":
            for pid in dict.fromkeys(ps.partners):  # once, even if named twice
                by_person[pid].append(i)
    for pid, idx in by_person.items():
        for a_pos, a in enumerate(idx):
            for b in idx[a_pos + 1:]:
                pa, pb = case.partnerships[a], case.partnerships[b]
                if _concurrent(pa.start, pa.end if pa.ended else None,
                               pb.start, pb.end if pb.ended else None, pa.ended, pb.ended):
                    yield _warn(f"partnerships[{b}]",
                                f"{pid!r} is married twice at once (also partnerships[{a}])",
                                "married_twice")


def _widowed(case: Case) -> Iterator[Problem]:
    """A partnership ended by a death where neither partner is known to have died: the
    drawing would mark a widowhood that the people in it contradict."""
    widowed = [(i, ps) for i, ps in enumerate(case.partnerships) if ps.status == "widowed"]
    if not widowed:  # most cases: no table of people to build
        return
    people = {p.id: p for p in case.people}
    for i, ps in widowed:
        partners = [people[pid] for pid in dict.fromkeys(ps.partners) if pid in people]
        if len(partners) == 2 and not any(p.is_deceased for p in partners):
            yield _warn(f"partnerships[{i}].status",
                        f"widowed, but neither {partners[0].id!r} nor {partners[1].id!r} has "
                        "died (give one of them 'died' or 'deceased: true')", "widowed_alive")


def _concurrent(s1: PartialDate | None, e1: PartialDate | None, s2: PartialDate | None,
                e2: PartialDate | None, ended1: bool, ended2: bool) -> bool:
    """True when two periods may overlap; an ended partnership without dates never counts."""
    if (ended1 and e1 is None) or (ended2 and e2 is None):
        return False
    if e1 is not None and s2 is not None and e1.latest <= s2.earliest:
        return False
    return not (e2 is not None and s1 is not None and e2.latest <= s1.earliest)
