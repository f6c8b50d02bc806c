"""The centre of a systemogram: the family members it is about, grouped by household.

Each household is a row (or a few rows) of person symbols with their labels, framed; the
groups are packed on shelves into a compact block centred on the origin, so the rings around
it can use the direction from the origin to each person as that person's angle.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from ..dates import PartialDate
from ..generations import generations
from ..model import Case, deceased_at
from ..text.labels import label
from ..text.measure import LINE_HEIGHT, text_width, wrap
from .ring_geometry import Box

__all__ = [
    "FRAME_PAD",
    "SYMBOL",
    "CentrePlace",
    "HouseholdPlace",
    "PersonPlace",
    "TextLine",
    "centre_people",
    "index_parents",
    "layout_centre",
    "room_for",
]

SYMBOL = 28.0
"""Side of a person symbol (square, circle or diamond)."""
PERSON_FONT = 11.0
AGE_FONT = 9.5
FRAME_PAD = 7.0
"""Space between the members of a household and its frame."""
PERSON_GAP = 26.0
"""Room between two people of a household: lines pass between them to reach inner rows."""
GROUP_GAP = 40.0
"""Room between two households."""
ROOMY = 40
"""Lines a drawing may have before its households and people stand farther apart."""
ROOM_PER_LINE = 2.0
"""Room (units) added between households for each line above ``ROOMY``."""
ROOM_MOST = 40.0
"""Most room (units) added between households."""
PERSON_ROOM = 0.7
"""The share of the room between households added between the people of one."""
ROW_MAX = 6
SHAPE = 1.8
"""Wished width over height of the block of households (shelves are cut to it)."""
LABEL_MAX = 96.0


@dataclass(frozen=True, slots=True)
class TextLine:
    """One line of a label: its text, font size and weight."""

    text: str
    size: float
    bold: bool = False


@dataclass(frozen=True, slots=True)
class PersonPlace:
    """A family member in the centre: symbol centre ``(x, y)`` and the box of symbol + label."""

    id: str
    x: float
    y: float
    box: Box
    lines: tuple[TextLine, ...]
    household: int | None


@dataclass(frozen=True, slots=True)
class HouseholdPlace:
    """A household frame: its index in ``case.households`` and the box around its members;
    a household with a name of its own has it in ``name``, and ``name_box`` where it is
    written (see :mod:`.systemogram_names`; ``None``: in the tooltip only)."""

    index: int
    members: tuple[str, ...]
    frame: Box
    name: str | None = None
    name_box: Box | None = None


@dataclass(frozen=True, slots=True)
class CentrePlace:
    """The laid-out centre: people, household frames and the radius that holds them all."""

    people: dict[str, PersonPlace]
    households: tuple[HouseholdPlace, ...]
    radius: float


def index_parents(case: Case) -> list[str]:
    """The biological parents of the index person(s), in file order."""
    index = set(case.case.index)
    parents = {p for link in case.children if link.child in index
               and link.kind == "biological" for p in link.parents}
    return [p.id for p in case.people if p.id in parents]


def centre_people(case: Case, involved: Sequence[str]) -> list[str]:
    """Who belongs in the centre: the index person(s) and their biological parents, everyone
    in ``involved`` and the rest of their households, in file order."""
    ids = {p.id for p in case.people}
    want = {pid for pid in case.case.index if pid in ids} | {pid for pid in involved if pid in ids}
    want.update(index_parents(case))
    for h in case.households:
        if any(m in want for m in h.members):
            want.update(m for m in h.members if m in ids)
    return [p.id for p in case.people if p.id in want]


def _person_lines(case: Case, pid: str, at: PartialDate, lang: str,
                  unreached: bool) -> tuple[TextLine, ...]:
    person = case.person(pid)
    index = pid in case.case.index
    lines = [TextLine(t, PERSON_FONT, index) for t in wrap(person.label(), PERSON_FONT, LABEL_MAX,
                                                            bold=index)]
    age = person.age_at(at)
    bits = []
    if age is not None:
        bits.append(f"{age} {label('years_short', lang)}")
    if deceased_at(person, at):
        bits.append("†")
    if bits:
        lines.append(TextLine(" ".join(bits), AGE_FONT))
    if unreached:
        lines.append(TextLine(label("not_reached", lang), AGE_FONT, True))
    return tuple(lines)


def _lines_size(lines: Sequence[TextLine]) -> tuple[float, float]:
    w = max((text_width(t.text, t.size, bold=t.bold) for t in lines), default=0.0)
    h = sum(t.size * LINE_HEIGHT for t in lines)
    return w, h


def _groups(case: Case, people: Sequence[str]) -> list[tuple[int | None, list[str]]]:
    placed: set[str] = set()
    groups: list[tuple[int | None, list[str]]] = []
    wanted = set(people)
    for i, h in enumerate(case.households):
        members = [m for m in dict.fromkeys(h.members) if m in wanted and m not in placed]
        if members:
            groups.append((i, members))
            placed.update(members)
    rest = [p for p in people if p not in placed]
    if rest:
        groups.append((None, rest))
    return groups


def room_for(lines: int) -> float:
    """Room (units) added between households and between the people of one where a
    drawing has ``lines`` lines, more than ``ROOMY`` (a crowded drawing): the lines that
    pass between them need tracks of their own (some 8 units each), where a narrow
    corridor would draw them as one band. None in a drawing of fewer lines."""
    return min(ROOM_MOST, ROOM_PER_LINE * max(0, lines - ROOMY))


def layout_centre(case: Case, people: Sequence[str], at: PartialDate, lang: str,
                  rank: Mapping[str, float], unreached: Collection[str] = (),
                  shape: float = SHAPE, height: Mapping[str, float] | None = None,
                  hub: str | None = None, room: float = 0.0) -> CentrePlace:
    """Lay out ``people`` grouped by household, each group ordered by ``rank`` (low = left).

    Within a household each generation is a row, oldest on top: a small genogram whose
    members all sit on the group's edge where that is possible, so lines reach them. The
    top row follows ``rank``; lower rows (children) stand in order of age, eldest left. Groups
    are ordered by the mean rank of their members and packed on shelves whose width keeps
    the block roughly square (``shape`` is the wished width over height: wider blocks put
    more households side by side). With ``height`` (where each person's agents stand, low =
    high up), the shelves are stacked by the mean height of their members, so a household
    helped from below sits at the bottom of the block and its lines need not pass the
    other. With ``hub`` (the person most lines end at), that person stands alone on top of
    its group, the group in the middle of the top shelf and the other groups of that shelf
    below the hub: room above and to both sides, so its many lines come in from their own
    directions instead of through the gaps between its relatives. The block is centred on
    the origin. People in ``unreached`` get a line saying that no help reaches them.
    ``room`` (:func:`room_for`) is added to the gaps between households and
    ``PERSON_ROOM`` of it between people.
    """
    group_gap, person_gap = GROUP_GAP + room, PERSON_GAP + room * PERSON_ROOM
    groups = _groups(case, people)
    if not groups:
        return CentrePlace({}, (), 0.0)
    gen = generations(case)
    born = {p.id: (p.born.earliest.toordinal() if p.born else 10**7) for p in case.people}
    groups.sort(key=lambda g: (sum(rank.get(m, 0.0) for m in g[1]) / len(g[1]),
                               -1 if g[0] is None else g[0]))
    sizes: dict[str, tuple[float, float, tuple[TextLine, ...]]] = {}
    for pid in people:
        lines = _person_lines(case, pid, at, lang, pid in unreached)
        lw, lh = _lines_size(lines)
        sizes[pid] = (max(SYMBOL, lw) + 4, SYMBOL + 3 + lh, lines)
    # lay each group out locally (rows of at most ROW_MAX), then pack the groups
    local: list[tuple[int | None, list[tuple[str, float, float]], float, float]] = []
    for hh, members in groups:
        members = sorted(members, key=lambda m: (rank.get(m, 0.0), people.index(m)))
        rows = []
        levels = sorted({gen.get(m, 0) for m in members})
        for level in levels:
            same = [m for m in members if gen.get(m, 0) == level]
            if level != levels[0]:  # children, and their children, in order of age
                same.sort(key=lambda m: (born.get(m, 10**7), people.index(m)))
            rows += [same[k:k + ROW_MAX] for k in range(0, len(same), ROW_MAX)]
        if hub in members:
            rows = [[hub]] + [r for r in ([m for m in row if m != hub] for row in rows) if r]
        spots: list[tuple[str, float, float]] = []
        y = FRAME_PAD
        width = 0.0
        row_w = [sum(sizes[m][0] for m in row) + person_gap * (len(row) - 1) for row in rows]
        widest = max(row_w)
        for row, rw in zip(rows, row_w, strict=True):
            x = FRAME_PAD + (widest - rw) / 2
            row_h = max(sizes[m][1] for m in row)
            for m in row:
                spots.append((m, x, y))
                x += sizes[m][0] + person_gap
            width = max(width, widest + 2 * FRAME_PAD)
            y += row_h + person_gap
        local.append((hh, spots, width, y - person_gap + FRAME_PAD))
    area = sum((w + group_gap) * (h + group_gap) for _, _, w, h in local)
    shelf_w = max([math.sqrt(area * shape)] + [w for _, _, w, _ in local])
    shelves: list[list[int]] = [[]]
    used = 0.0
    for k, (_, _, w, _) in enumerate(local):
        if shelves[-1] and used + w > shelf_w:
            shelves.append([])
            used = 0.0
        shelves[-1].append(k)
        used += w + group_gap
    if height is not None and len(shelves) > 1:
        def shelf_height(shelf: list[int]) -> float:
            ids = [pid for k in shelf for pid, _, _ in local[k][1]]
            return sum(height.get(pid, 0.0) for pid in ids) / len(ids)
        shelves.sort(key=shelf_height)
    if hub is not None:
        _hub_on_top(shelves, [[pid for pid, _, _ in spots] for _, spots, _, _ in local], hub)
    persons: dict[str, PersonPlace] = {}
    frames: list[HouseholdPlace] = []
    y0 = 0.0
    for shelf in shelves:
        total = sum(local[k][2] for k in shelf) + group_gap * (len(shelf) - 1)
        x0 = -total / 2
        # beside the hub's group the others stand below the hub, so it has room to its sides
        below = next((FRAME_PAD + sizes[pid][1] + group_gap / 2 for k in shelf
                      for pid, _, _ in local[k][1][:1] if pid == hub), 0.0)
        tallest = max(local[k][3] for k in shelf)
        shelf_h = tallest
        if below:
            shelf_h = max([tallest] + [below + local[k][3] for k in shelf
                                       if local[k][1][0][0] != hub])
        for k in shelf:
            hh, spots, w, h = local[k]
            gy = y0 + (shelf_h - h) / 2
            if below:  # the hub's group on top of the shelf, the others under the hub
                gy = y0 if spots[0][0] == hub else y0 + max(below, (tallest - h) / 2)
            for pid, sx, sy in spots:
                bw, bh, lines = sizes[pid]
                box = Box(x0 + sx, gy + sy, bw, bh)
                persons[pid] = PersonPlace(pid, box.cx, box.y + SYMBOL / 2, box, lines, hh)
            if hh is not None:
                frames.append(HouseholdPlace(hh, tuple(p for p, _, _ in spots),
                                             Box(x0, gy, w, h)))
            x0 += w + group_gap
        y0 += shelf_h + group_gap
    # centre the block on the origin
    boxes = [p.box for p in persons.values()] + [f.frame for f in frames]
    if not boxes:
        return CentrePlace({}, (), 0.0)
    block = Box.around(boxes)
    dx, dy = -block.cx, -block.cy
    persons = {
        pid: PersonPlace(p.id, p.x + dx, p.y + dy, p.box.moved(dx, dy), p.lines, p.household)
        for pid, p in persons.items()
    }
    frames = [HouseholdPlace(f.index, f.members, f.frame.moved(dx, dy)) for f in frames]
    radius = math.hypot(block.w / 2, block.h / 2)
    return CentrePlace(persons, tuple(frames), radius)


def _hub_on_top(shelves: list[list[int]], groups: Sequence[Sequence[str]], hub: str) -> None:
    """Move the shelf holding ``hub``'s group to the top and that group to the middle of
    it, in place: the hub, on top of its group, then has room above and to both sides."""
    at = next((k for k, shelf in enumerate(shelves) for g in shelf if hub in groups[g]), None)
    if at is None:
        return
    shelf = shelves.pop(at)
    g = next(g for g in shelf if hub in groups[g])
    shelf.remove(g)
    shelf.insert(len(shelf) // 2, g)
    shelves.insert(0, shelf)
