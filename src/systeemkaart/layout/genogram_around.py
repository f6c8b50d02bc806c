"""The family around one person: a session-sized genogram cut from a large family tree.

:func:`around` keeps a person's ancestors and descendants within ``n`` generations, the
other children of every kept ancestor (siblings, aunts and uncles), and the partners of
everyone kept; everything else is left out. For each kept person it counts the parents,
children and partners left out, so that the drawing can say where the tree goes on;
:func:`marked` writes those counts into the people's ``left_out``, so that a file cut this
way (``import --around``) says it too.

Cost: linear in people plus links (breadth-first walks over precomputed neighbour lists).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..exceptions import LayoutError
from ..model import Case
from ..model.people import MAX_LEFT_OUT

__all__ = ["Around", "around", "find_person", "marked"]


@dataclass(frozen=True)
class Around:
    """A cut of a case: the smaller case, and per kept person how many direct relatives
    (parents, children, partners) are not in it."""

    case: Case
    hidden: dict[str, int]
    left_out: int


def find_person(case: Case, wanted: str) -> str:
    """The id of the person ``wanted`` names: their id, the GEDCOM reference it was imported
    from (``@I104@`` or ``I104`` for ``i104``: import writes references in lower case), or
    their full name when no one else has it (case ignored), so that a user who knows the
    family tree, not the case file, finds the person.

    Raises:
        LayoutError: when nobody or several people answer to ``wanted``; it names up to
            three people whose names are closest.
    """
    ids = {p.id for p in case.people}
    if wanted in ids:
        return wanted
    key = wanted.strip().strip("@").casefold()
    same_id = sorted(i for i in ids if i.casefold() == key)
    if len(same_id) == 1:
        return same_id[0]
    by_name = sorted(p.id for p in case.people if (p.name or "").casefold() == key)
    if len(by_name) == 1:
        return by_name[0]
    if len(by_name) > 1:
        raise LayoutError(f"--around: {len(by_name)} people are called {wanted!r}: "
                          f"give one of their ids ({', '.join(by_name[:5])})")
    import difflib  # only for this message

    names = {p.name.casefold(): p for p in case.people if p.name}
    close = [names[n] for n in difflib.get_close_matches(key, list(names), n=3, cutoff=0.6)]
    hint = "; did you mean " + ", ".join(f"{p.name} ({p.id})" for p in close) if close else ""
    raise LayoutError(f"--around: no person with id or name {wanted!r} in the case{hint}")


def around(case: Case, person: str, generations: int) -> Around:
    """The family of ``case`` within ``generations`` generations of ``person`` (an id, a
    GEDCOM reference or a name, see :func:`find_person`).

    Raises:
        LayoutError: when ``person`` is not in the case or ``generations`` is negative.
    """
    person = find_person(case, person)
    if generations < 0:
        raise LayoutError("--generations must be 0 or more")
    parents: dict[str, set[str]] = defaultdict(set)
    children: dict[str, set[str]] = defaultdict(set)
    for link in case.children:
        for p in link.parents:
            if p != link.child:
                parents[link.child].add(p)
                children[p].add(link.child)
    partners: dict[str, set[str]] = defaultdict(set)
    for ps in case.partnerships:
        a, b = ps.partners
        partners[a].add(b)
        partners[b].add(a)
    ancestors = _walk(person, parents, generations)
    descendants = _walk(person, children, generations)
    keep = set(ancestors) | set(descendants)
    for pid in ancestors:  # siblings of the person and of every ancestor
        if pid != person:
            keep.update(children[pid])
    for pid in list(keep):
        keep.update(partners[pid])
    hidden: dict[str, int] = {}
    for pid in keep:
        missing = (parents[pid] | children[pid] | partners[pid]) - keep
        if missing:
            hidden[pid] = len(missing)
    cut = case.model_copy(update={
        "people": [p for p in case.people if p.id in keep],
        "partnerships": [ps for ps in case.partnerships if set(ps.partners) <= keep],
        "children": [c for c in (
            link.model_copy(update={"parents": [p for p in link.parents if p in keep]})
            for link in case.children if link.child in keep)
            if c.parents],
        "relations": [r for r in case.relations if set(r.between) <= keep],
        "households": [h.model_copy(update={"members": [m for m in h.members if m in keep]})
                       for h in case.households if any(m in keep for m in h.members)],
        "case": case.case.model_copy(update={"index": [i for i in case.case.index
                                                        if i in keep] or [person]}),
    })
    return Around(cut, hidden, len(case.people) - len(keep))


def marked(cut: Around) -> Case:
    """The case of ``cut`` with each person's ``left_out`` raised by the relatives the cut
    left out, so that the file written from it marks where the tree goes on when drawn
    (a person cut twice counts both cuts)."""
    if not cut.hidden:
        return cut.case
    people = [p.model_copy(update={"left_out": min(MAX_LEFT_OUT, p.left_out + cut.hidden[p.id])})
              if p.id in cut.hidden else p for p in cut.case.people]
    return cut.case.model_copy(update={"people": people})


def _walk(start: str, step: dict[str, set[str]], depth: int) -> dict[str, int]:
    """People reachable from ``start`` in at most ``depth`` steps, with their distance."""
    seen = {start: 0}
    frontier = [start]
    for d in range(1, depth + 1):
        following = []
        for pid in frontier:
            for other in sorted(step[pid]):
                if other not in seen:
                    seen[other] = d
                    following.append(other)
        frontier = following
    return seen
