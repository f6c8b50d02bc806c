"""How clear a genogram's emotional lines stand of other lines and of text, as drawn.

An emotional line is drawn wider than its centre line: a zigzag swings 3-4 units either
side, a close or fused relation is two or three strokes, a cut-off carries bars across it
(see ``DRAWN_HALF`` in :mod:`.genogram_relations`). The rule (McGoldrick): each emotional
line in a lane of its own, with clear space from every other line and from text. These
checks measure that on a finished layout, by what is drawn, for the tests and the
benchmark; the layout itself keeps it by spacing its lanes and slots by the same widths.

Cost: every emotional line is sampled every ``_STEP`` units and each sample is measured
against the segments filed under its cell of a uniform grid (``_CELL`` units); a line is
measured against the texts filed under the cells along it. Each pair measured is a near
pair: linear in the samples, segments and texts, plus the pairs that are near.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from typing import Final

from ..text.measure import text_width
from . import Box, Point, segment_distance
from .genogram_near import Segment, in_disk, line_segments, stretch_within
from .genogram_places import SYMBOL, GenogramLayout, PersonPlace, RelationPlace
from .genogram_relations import DRAWN_HALF, drawn_half
from .genogram_route import FAMILY_HALF, LINE_CLEAR, TEXT_CLEAR

__all__ = [
    "OWN_TEXT_FREE",
    "FamilyClear",
    "LinesFiled",
    "beyond_port",
    "bounds",
    "box_cells",
    "boxes_by_cell",
    "crowded_count",
    "crowded_lines",
    "crowded_lines_of",
    "crowded_pairs",
    "crowding",
    "lines_near_text",
    "named_lines",
    "person_text_boxes",
    "segment_box",
    "text_boxes",
]

_STEP: Final = 2.0
"""Distance between two samples along an emotional line."""
_STRETCH: Final = 4
"""Samples in a row too close to another line before that counts as running beside it
(about 8 units: a crossing or a corner passes in fewer)."""
_SLACK: Final = 1.0
"""How much closer than asked still counts as clear ("about" 6 units: lines leaving one
symbol's top keep 5, see ``PORT_CLEAR``)."""
_END: Final = SYMBOL / 2 + 3.0
"""Around the centre of its own ends' symbols a line is not measured: the lines of one
person meet there."""
_CELL: Final = 32.0
"""Side of a cell of the grid the segments and texts are filed in (about twice the
farthest reach measured)."""
_COLUMN: Final = 128.0
"""Width of a column of the drawing :class:`FamilyClear` files the family lines under:
few columns per line (a drawing of thousands of people has tens of thousands of them)."""
_MARGIN: Final = 1.0
"""Extra reach a segment is filed with, so rounding never drops a pair at the limit."""
OWN_TEXT_FREE: Final = SYMBOL / 2 + TEXT_CLEAR
"""How far along an emotional line from its port on one of its own ends' symbols it may
come closer than :data:`TEXT_CLEAR` to that person's text (name, age, years under the
symbol): a line leaves a side's port at most half a symbol above the symbol's bottom, and
the text starts a text gap below it. Farther along, the line keeps clear of its own ends'
text as of any other: a line over a name or a year reads as striking it through."""
_PARALLEL: Final = 0.5
"""Two segments whose directions differ by less than about 30 degrees run beside each
other (more: they cross or meet)."""


def _samples(points: list[Point], ends: list[Point]) -> list[tuple[Point, Segment]]:
    """Points every ``_STEP`` along the line ``points`` (with the segment each lies on),
    leaving out those near ``ends``."""
    out: list[tuple[Point, Segment]] = []
    dist = math.dist
    for s in line_segments(points):
        (x1, y1), (x2, y2) = s
        n = max(1, int(math.hypot(x2 - x1, y2 - y1) // _STEP))
        for k in range(n + 1):
            p = (x1 + (x2 - x1) * k / n, y1 + (y2 - y1) * k / n)
            for e in ends:
                if dist(p, e) <= _END:
                    break
            else:
                out.append((p, s))
    return out


def _parallel(s: Segment, t: Segment) -> bool:
    (a1, a2), (b1, b2) = s, t
    ux, uy = a2[0] - a1[0], a2[1] - a1[1]
    vx, vy = b2[0] - b1[0], b2[1] - b1[1]
    return abs(ux * vy - uy * vx) < _PARALLEL * math.hypot(ux, uy) * math.hypot(vx, vy)


def bounds(segs: list[Segment], grow: float) -> Box:
    """The bounding box of the segments ``segs`` grown by ``grow`` on every side."""
    xs = [x for s in segs for x, _y in s]
    ys = [y for s in segs for _x, y in s]
    return Box(min(xs) - grow, min(ys) - grow, max(xs) - min(xs) + 2 * grow,
               max(ys) - min(ys) + 2 * grow)


def _cells(s: Segment, grow: float) -> Iterator[tuple[int, int]]:
    """The grid cells (``_CELL`` square) that come within ``grow`` of segment ``s`` along
    both axes: every cell holding a point nearer than ``grow`` to ``s``, and few more (a
    diagonal segment takes the cells along it, not those of its whole bounding box)."""
    (x1, y1), (x2, y2) = s
    lo_x, hi_x = min(x1, x2), max(x1, x2)
    for ix in range(math.floor((lo_x - grow) / _CELL), math.floor((hi_x + grow) / _CELL) + 1):
        a = max(lo_x, ix * _CELL - grow)
        b = min(hi_x, (ix + 1) * _CELL + grow)
        if x1 == x2:
            ya, yb = y1, y2
        else:
            ya = y1 + (y2 - y1) * (a - x1) / (x2 - x1)
            yb = y1 + (y2 - y1) * (b - x1) / (x2 - x1)
        lo_y, hi_y = min(ya, yb) - grow, max(ya, yb) + grow
        for iy in range(math.floor(lo_y / _CELL), math.floor(hi_y / _CELL) + 1):
            yield ix, iy


def named_lines(layout: GenogramLayout) -> list[tuple[str, float, list[Segment]]]:
    """Every drawn line of ``layout`` as (name, half its drawn width, segments): the
    emotional lines named ``"relation 3"``, partnership lines ``"partnership a|b"``,
    child lines ``"child c"``; what :func:`crowded_lines` measures each relation against."""
    lines: list[tuple[str, float, list[Segment]]] = []
    for r in layout.relations:
        lines.append((f"relation {r.index}", drawn_half(r.kind), line_segments(r.points)))
    for pp in layout.partnerships:
        lines.append((f"partnership {'|'.join(pp.partners)}", FAMILY_HALF,
                      line_segments(pp.points)))
    for c in layout.children:
        lines.append((f"child {c.child}", FAMILY_HALF, line_segments(c.points)))
    return lines


def crowded_lines(layout: GenogramLayout, clear: float = LINE_CLEAR,
                  only: Collection[int] | None = None) -> list[tuple[int, str]]:
    """The emotional lines whose drawing runs closer than ``clear`` to what another line
    draws, beside it for more than a few units (not where they cross, and not around the
    symbols of their own ends): ``(relation index, the other line)`` once per pair, the
    other line named ``"relation 3"``, ``"partnership a|b"`` or ``"child c"``. Two
    emotional lines crowding each other are listed from each side (each relation's
    samples are measured on their own): :func:`crowded_count` counts pairs once.

    Each sample is measured only against the segments filed under its grid cell: every
    segment is filed under the cells within the farthest reach that can count (its own
    half width, the widest emotional line's, ``clear``), so no close pair is missed.
    ``only``: the indexes of the relations measured (all when ``None``), for asking
    about one line moved."""
    return crowding(layout, clear, only, counted=False)[0]


def crowding(layout: GenogramLayout, clear: float = LINE_CLEAR,
             only: Collection[int] | None = None, counted: bool = True
             ) -> tuple[list[tuple[int, str]], int]:
    """What :func:`crowded_lines` finds, and how many samples of the lines measured
    (every ``_STEP`` units) lie closer than ``clear`` to another line, in runs long
    enough to count or not: how far from clear a drawing is, for weighing two ways of
    drawing a line that both leave it crowded (one may close in along less). Without
    ``counted`` the samples are not all counted: a pair found is not measured further."""
    filed = LinesFiled(layout, clear)
    out: list[tuple[int, str]] = []
    near = 0
    for r in layout.relations:
        if only is not None and r.index not in only:
            continue
        found, close = filed.beside(r, counted)
        out.extend((r.index, name) for name in found)
        near += close
    return out, near


class LinesFiled:
    """Every drawn line of a layout (but the relation ``left_out``; only the relation
    ``alone`` when given) filed in a grid, for measuring how close beside them an
    emotional line runs (:func:`crowding`); filed once, an emotional line can be
    measured at several places (the others not moving).

    Each segment is filed under the grid cells within the farthest reach that can count
    (its own half width, the widest emotional line's, ``clear``)."""

    def __init__(self, layout: GenogramLayout, clear: float,
                 left_out: int | None = None, alone: RelationPlace | None = None) -> None:
        self.layout = layout
        self.clear = clear
        skip = f"relation {left_out}"
        self.others = [line for line in named_lines(layout) if line[0] != skip] \
            if alone is None else [(f"relation {alone.index}", drawn_half(alone.kind),
                                    line_segments(alone.points))]
        self.boxes = [(bounds(segs, half + clear + 2 * _STEP) if segs else None)
                      for _name, half, segs in self.others]
        widest = max((drawn_half(r.kind) for r in layout.relations), default=0.0)
        self.grid: dict[tuple[int, int], list[tuple[int, Segment]]] = defaultdict(list)
        for k, (_name, other_half, segs) in enumerate(self.others):
            for t in segs:
                for cell in _cells(t, widest + other_half + clear + _MARGIN):
                    self.grid[cell].append((k, t))
        self.by_name: dict[str, list[int]] = defaultdict(list)
        for k, (name, _half, _segs) in enumerate(self.others):
            self.by_name[name].append(k)

    def beside(self, r: RelationPlace, counted: bool = True,
               samples: list[tuple[Point, Segment]] | None = None
               ) -> tuple[list[str], int]:
        """The other lines ``r`` (as its points are now) runs closer than ``clear``
        beside, by what both draw, for more than a few units, in the order filed; and
        how many of its samples lie that close to a line (without ``counted``, a line
        found is not measured further). ``samples``: those of ``r``
        (:meth:`samples`), when at hand."""
        others, boxes, grid, clear = self.others, self.boxes, self.grid, self.clear
        half = drawn_half(r.kind)
        if samples is None:
            samples = self.samples(r)
        own = set(self.by_name.get(f"relation {r.index}", ()))
        last: dict[int, int] = {}
        run: dict[int, int] = {}
        found: set[int] = set()
        near = 0
        for i, (p, s) in enumerate(samples):
            filed = grid.get((math.floor(p[0] / _CELL), math.floor(p[1] / _CELL)))
            if not filed:
                continue
            close: set[int] = set()
            for k, t in filed:
                if k in close or k in own or (k in found and not counted):
                    continue
                box = boxes[k]
                assert box is not None  # only lines with segments are filed
                if (box.x <= p[0] <= box.right and box.y <= p[1] <= box.bottom
                        and _parallel(s, t) and segment_distance(p, *t) - half
                        - others[k][1] < clear - _SLACK - 1e-6):
                    close.add(k)
            near += len(close)
            for k in close:
                run[k] = run[k] + 1 if last.get(k) == i - 1 else 1
                last[k] = i
                if run[k] >= _STRETCH:
                    found.add(k)
        return [others[k][0] for k in sorted(found)], near

    def samples(self, r: RelationPlace) -> list[tuple[Point, Segment]]:
        """The points :meth:`beside` measures along ``r`` (every ``_STEP`` units, each
        with its segment, not those around the symbols of its ends)."""
        return _samples(r.points, [self.layout.people[pid].symbol_centre()
                                   for pid in r.between])


class FamilyClear:
    """The family lines (partner and child lines) filed in a grid, for asking whether an
    emotional line not yet drawn would run beside one of them closer than ``clear`` by
    what both draw, as :func:`crowded_lines` measures a finished drawing: a straight line
    or a detour is then not taken (a route keeps off them by its lanes and slots).

    Cost: each family segment is filed once under the columns (``_COLUMN`` wide) within
    the farthest reach that can count; each segment of a line asked about is measured
    exactly (no samples) against the family segments of the columns it passes whose
    extent in y meets its own, so a long line costs what it passes."""

    def __init__(self, lines: Sequence[list[Segment]], clear: float = LINE_CLEAR) -> None:
        self.clear = clear
        grow = max(DRAWN_HALF.values()) + FAMILY_HALF + clear + _MARGIN
        self.columns: dict[int, list[tuple[float, float, Segment]]] = defaultdict(list)
        """Per column of the drawing (``_COLUMN`` wide), the family segments within
        reach of it, each with its least and greatest y grown by that reach."""
        columns, floor = self.columns, math.floor
        for segs in lines:
            for t in segs:
                (x1, y1), (x2, y2) = t
                entry = (y1 - grow, y2 + grow, t) if y1 <= y2 else (y2 - grow, y1 + grow, t)
                lo_x, hi_x = (x1, x2) if x1 <= x2 else (x2, x1)
                first = floor((lo_x - grow) / _COLUMN)
                last = floor((hi_x + grow) / _COLUMN)
                if first == last:  # mostly: a segment within one column
                    columns[first].append(entry)
                    continue
                for ix in range(first, last + 1):
                    columns[ix].append(entry)

    def beside(self, points: list[Point], half: float, ends: Sequence[Point]) -> bool:
        """True when the line through ``points``, drawing ``half`` either side, runs
        closer than ``clear`` (less ``_SLACK``) to a family line beside it for more than a
        few units (``_STRETCH`` samples of :func:`crowded_lines`), away from the symbols
        centred at ``ends`` (its own)."""
        reach = half + FAMILY_HALF + self.clear - _SLACK - 1e-6
        least = _STEP * (_STRETCH - 1)
        for s in line_segments(points):
            length = math.dist(*s)
            if length < least:
                continue
            (x1, y1), (x2, y2) = s
            lo_y, hi_y = (y1, y2) if y1 <= y2 else (y2, y1)
            seen: set[Segment] = set()
            for ix in range(math.floor(min(x1, x2) / _COLUMN),
                            math.floor(max(x1, x2) / _COLUMN) + 1):
                for top, bottom, t in self.columns.get(ix, ()):
                    if bottom < lo_y or top > hi_y or t in seen:
                        continue
                    seen.add(t)
                    if not _parallel(s, t):
                        continue
                    got = stretch_within(s, t, reach, closed=False)
                    if got is not None and _longest_outside(s, got, ends) * length >= least:
                        return True
        return False


def _longest_outside(s: Segment, span: tuple[float, float], ends: Sequence[Point]) -> float:
    """The longest piece (as a share of ``s``) of the stretch ``span`` of ``s`` that lies
    ``_END`` or more from each of ``ends``."""
    pieces = [span]
    for end in ends:
        cut = in_disk(s, end, _END)
        if cut is None:
            continue
        pieces = [piece for lo, hi in pieces
                  for piece in ((lo, min(hi, cut[0])), (max(lo, cut[1]), hi))
                  if piece[1] > piece[0]]
    return max((hi - lo for lo, hi in pieces), default=0.0)


def crowded_count(layout: GenogramLayout, clear: float = LINE_CLEAR) -> int:
    """How many pairs of lines :func:`crowded_lines` finds, each pair once: two emotional
    lines crowding each other are one pair, not two."""
    return len({frozenset((f"relation {r}", other))
                for r, other in crowded_lines(layout, clear)})


def crowded_lines_of(layout: GenogramLayout, indexes: Collection[int],
                     clear: float = LINE_CLEAR) -> list[tuple[int, str]]:
    """The pairs of :func:`crowded_lines` in which a relation of ``indexes`` takes part,
    crowding another line or crowded by another emotional line, in the same order: for
    asking about a few lines of a drawing without measuring all the others.

    Two lines can crowd each other only where their drawings come within ``clear`` of
    each other, so only the lines whose extent comes that near the extent of one of
    those relations (grown by the widest drawing) are measured, against each other."""
    wanted = set(indexes)
    grow = max(DRAWN_HALF.values()) + clear + _MARGIN
    around = [bounds(segs, drawn_half(r.kind) + grow) for r in layout.relations
              if r.index in wanted and (segs := line_segments(r.points))]
    if not around:
        return []

    def near(points: list[Point]) -> bool:
        segs = line_segments(points)
        if not segs:
            return False
        box = bounds(segs, _MARGIN)
        return any(box.overlaps(a) for a in around)

    part = dataclasses.replace(
        layout,
        relations=[r for r in layout.relations if r.index in wanted or near(r.points)],
        partnerships=[p for p in layout.partnerships if near(p.points)],
        children=[c for c in layout.children if near(c.points)])
    names = {f"relation {i}" for i in wanted}
    return [(i, other) for i, other in crowded_lines(part, clear)
            if i in wanted or other in names]


def crowded_pairs(lines: list[tuple[list[Point], float, list[Point]]],
                  clear: float = LINE_CLEAR) -> int:
    """How many pairs of the emotional ``lines`` (each: its points, half the width of what
    it draws, the centres of its two symbols) run closer than ``clear`` by what they draw,
    beside each other for more than a few units, as :func:`crowded_lines` measures them
    on a finished drawing: for weighing ways to draw them before there is one. Every
    pair is measured (each way round): for the few lines of a drawing that is chosen
    again, not for thousands."""
    segs = [line_segments(points) for points, _half, _ends in lines]
    samples = [_samples(points, ends) for points, _half, ends in lines]

    def beside(i: int, j: int) -> bool:
        run = 0
        reach = lines[i][1] + lines[j][1] + clear - _SLACK - 1e-6
        along: Segment | None = None
        near: list[Segment] = []  # the segments of line j parallel to ``along``
        for p, s in samples[i]:
            if s is not along:
                along, near = s, [t for t in segs[j] if _parallel(s, t)]
            if any(segment_distance(p, *t) < reach for t in near):
                run += 1
                if run >= _STRETCH:
                    return True
            else:
                run = 0
        return False

    return sum(1 for i in range(len(lines)) for j in range(i + 1, len(lines))
               if beside(i, j) or beside(j, i))


def text_boxes(layout: GenogramLayout) -> list[tuple[str, str | None, Box]]:
    """Every piece of text: (what it is, whose it is (a person's own) or ``None``, box);
    what an emotional line keeps clear of (:func:`lines_near_text`; its own ends' text
    beyond :data:`OWN_TEXT_FREE` from the port)."""
    out: list[tuple[str, str | None, Box]] = []
    for pid, person in layout.people.items():
        out.extend((f"text of {pid}", pid, box) for box in person_text_boxes(person))
    for p in layout.partnerships:
        if p.label_box is not None:
            out.append((f"dates of {'|'.join(p.partners)}", None, p.label_box))
    for h in layout.households:
        if h.name_box is not None:
            out.append((f"name of household {h.index}", None, h.name_box))
    return out


def person_text_boxes(person: PersonPlace) -> list[Box]:
    """The box of each line of text under ``person``'s symbol (name, age, years)."""
    out: list[Box] = []
    for line in person.lines:
        w = text_width(line.text, line.size, bold=line.bold)
        x = line.x - w / 2 if line.anchor == "middle" else line.x
        out.append(Box(x, line.y - 0.75 * line.size, w, 0.95 * line.size))
    return out


def segment_box(s: Segment, box: Box) -> float:
    """The distance between segment ``s`` and ``box`` (0 where it passes through)."""
    (x1, y1), (x2, y2) = s
    if _crosses_box(s, box):
        return 0.0
    corners = [(box.x, box.y), (box.right, box.y), (box.x, box.bottom),
               (box.right, box.bottom)]
    near = min(segment_distance(c, *s) for c in corners)
    for x, y in ((x1, y1), (x2, y2)):
        dx = max(box.x - x, 0.0, x - box.right)
        dy = max(box.y - y, 0.0, y - box.bottom)
        near = min(near, math.hypot(dx, dy))
    return near


def _crosses_box(s: Segment, box: Box) -> bool:
    """True when segment ``s`` meets ``box`` (Liang-Barsky clipping)."""
    (x1, y1), (x2, y2) = s
    t0, t1 = 0.0, 1.0
    for p, q in ((x1 - x2, x1 - box.x), (x2 - x1, box.right - x1),
                 (y1 - y2, y1 - box.y), (y2 - y1, box.bottom - y1)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


def boxes_by_cell(boxes: list[Box], cell: float = _CELL) -> dict[tuple[int, int], list[int]]:
    """The index of each of ``boxes`` filed under every grid cell (``cell`` square) it
    touches, in the order of ``boxes``: a line is then measured only against the boxes
    of the cells it passes."""
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    for n, box in enumerate(boxes):
        for key in box_cells(box, cell):
            grid[key].append(n)
    return grid


def box_cells(box: Box, cell: float = _CELL) -> Iterator[tuple[int, int]]:
    """The grid cells (``cell`` square) that ``box`` reaches into, column by column."""
    floor = math.floor
    for ix in range(floor(box.x / cell), floor(box.right / cell) + 1):
        for iy in range(floor(box.y / cell), floor(box.bottom / cell) + 1):
            yield ix, iy


def beyond_port(points: Sequence[Point], end: int, free: float = OWN_TEXT_FREE
                ) -> list[Segment]:
    """The segments of the line through ``points`` farther than ``free`` along it from its
    end ``end`` (0: the first point, 1: the last): the part of a line that keeps clear of
    that end's person's text (see :data:`OWN_TEXT_FREE`)."""
    return line_segments(_past(list(points) if end == 0 else list(points)[::-1], free))


def _past(path: list[Point], free: float) -> list[Point]:
    """The points of the line ``path`` from ``free`` along it from its first point on."""
    left = free
    for k, (a, b) in enumerate(itertools.pairwise(path)):
        length = math.dist(a, b)
        if length > left:
            t = left / length
            return [(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t), *path[k + 1:]]
        left -= length
    return []


def lines_near_text(layout: GenogramLayout, clear: float = TEXT_CLEAR,
                    only: Collection[int] | None = None, own: bool = True
                    ) -> list[tuple[int, str]]:
    """The emotional lines whose drawing comes closer than ``clear`` to a text (names, ages
    and years under a symbol, a couple's dates, a household's name), their own ends' text
    too farther than :data:`OWN_TEXT_FREE` along the line from that end's port:
    ``(relation index, the text)`` once per pair. ``only``: the indexes of the relations
    measured (all when ``None``); without ``own``, a line is measured only against the
    texts not of its own ends.

    Each line is measured only against the texts filed under the grid cells within its
    reach, in the order of the texts."""
    texts = text_boxes(layout)
    grid = boxes_by_cell([box for _name, _owner, box in texts])
    out: list[tuple[int, str]] = []
    for r in layout.relations:
        if only is not None and r.index not in only:
            continue
        reach = drawn_half(r.kind) + clear - _SLACK
        segs = line_segments(r.points)
        if not segs:
            continue
        around = bounds(segs, reach)
        near = {n for s in segs for cell in _cells(s, reach + _MARGIN)
                for n in grid.get(cell, ())}
        beyond: dict[str, list[Segment]] = {}
        for n in sorted(near):
            name, owner, box = texts[n]
            if not around.overlaps(box):
                continue
            part = segs
            if owner is not None and owner in r.between:
                if not own:
                    continue
                if owner not in beyond:
                    beyond[owner] = _beyond_own(r.points, r.between, owner)
                part = beyond[owner]
            if any(segment_box(s, box) < reach for s in part):
                out.append((r.index, name))
    return out


def _beyond_own(points: Sequence[Point], between: Sequence[str], owner: str
                ) -> list[Segment]:
    """The segments of a line between the people ``between`` that keep clear of the text
    of ``owner`` (one of them, or both when the line joins a person to themself)."""
    ends = [k for k, pid in enumerate(between) if pid == owner]
    if len(ends) == 1:
        return beyond_port(points, ends[0])
    return line_segments(_past(_past(list(points), OWN_TEXT_FREE)[::-1], OWN_TEXT_FREE))
