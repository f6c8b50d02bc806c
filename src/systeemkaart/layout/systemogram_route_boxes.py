"""The box tests of a systemogram router: which boxes a line may not pass, and how close.

Boxes are tested grown by ``margin``; a box that already holds one end of the line is
tested at its true size, so lines can leave and reach boxes that stand close together.
A segment is tested only against the boxes in the grid cells it passes
(:class:`~.systemogram_grid.Grid`): O(c + b) for c cells and b boxes found, a handful of
tests per clear line. A segment's test is kept until the tests change: a search asks a
third of them again. The corners a line turns at sit just outside a box, one step further
out for each line that turned there before, so lines that go round the same box stay
apart (:meth:`RouteBoxes._corner`).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from . import Box, Point, entry_along, segment_entry
from .systemogram_grid import Grid, cell_of, cells_along

__all__ = ["CORNER", "CORNER_CLEAR", "FIRST_BEND", "MARGIN", "TIGHT", "Obstacle", "RouteBoxes",
           "step_out", "steps_out"]

MARGIN = 6.0
"""Least distance a routed line keeps from any box it does not belong to: room for the
widest drawn pattern (a double zigzag swings 4 units off its line)."""
TIGHT = 0.5
"""Least distance a routed line keeps from a box where no way keeps ``MARGIN``."""
CORNER = 5.0
FIRST_BEND = 2.0
"""How far beyond ``MARGIN`` a bend sits off a box corner, and the least extra step per
reuse."""
CORNER_CLEAR = 3.5
"""Clear space (units) between the drawn strokes of two lines turning at one corner: the
step out per reuse is at least the two lines' half-widths and this (a wide line, a double
line or a zigzag, takes more room than ``CORNER``), so a narrow gap holds no more lines
than fit in it side by side and closes to the next (see :meth:`RouteBoxes._corner`)."""


@dataclass(frozen=True, slots=True)
class Obstacle:
    """A box lines must not cross, and whose it is (lines from or to ``owner`` may)."""

    owner: str
    box: Box
    least: float = 0.0
    """Least margin (units) the box keeps even where the router goes ``TIGHT`` (a box
    reaching past a household frame: lines keep off the frame's dashes however tight)."""



def step_out(widths: Sequence[float], width: float) -> float:
    """How far (units) beyond a corner's first bend the next line turns, ``width`` wide,
    after lines of ``widths`` turned there in turn: for each neighbouring two, ``CORNER``
    or, where more, their half-widths and ``CORNER_CLEAR`` (O(n) for n lines)."""
    return steps_out(widths, width)[-1]


def steps_out(widths: Sequence[float], width: float) -> list[float]:
    """:func:`step_out` after each count of ``widths`` (none, the first, the first two,
    ...), in one pass: where a corner's last steps out would land in a box, the next line
    turns as if fewer had turned there (see :meth:`RouteBoxes._corner`)."""
    out = [0.0]
    between = 0.0  # the steps between the lines counted so far
    for k, a in enumerate(widths):
        out.append(between + _step(a, width))
        if k + 1 < len(widths):
            between += _step(a, widths[k + 1])
    return out


_UNKNOWN: tuple[float, float, float, float] = (math.nan, math.nan, math.nan, math.nan)
"""A box whose grown outline the current line's tests have not asked for yet (see
:attr:`RouteBoxes._grown_of`; compared by identity)."""


def _step(a: float, b: float) -> float:
    """How far apart two neighbouring lines ``a`` and ``b`` wide turn at one corner."""
    step = (a + b) / 2 + CORNER_CLEAR
    return step if step > CORNER else CORNER


class RouteBoxes:
    """The boxes lines are routed among, and the tests of the current line against them
    (the base of :class:`~.systemogram_route.Router`)."""

    def __init__(self, obstacles: Sequence[Obstacle]) -> None:
        self.obstacles = list(obstacles)
        self.margin = MARGIN
        self._used: dict[tuple[int, int], list[float]] = {}
        """The drawn widths of the lines that turned at each corner (box, corner), in turn."""
        self.width = 0.0
        """How wide (units) the current line is drawn across: the room it takes at a
        corner (see :meth:`_corner`)."""
        self._skip: frozenset[str] = frozenset()
        self._tight: dict[int, float] = {}
        """The margin of each box tested otherwise than at the current one (by number):
        those of :attr:`_held`, and the others of :attr:`_low`."""
        self._held: dict[int, float] = {}
        """The margin of each box the current line is let pass closer (holding its ends)."""
        self._least = {i: o.least for i, o in enumerate(self.obstacles) if o.least > 0}
        """Each box that keeps a least margin however tight the router goes (by number)."""
        self._low: dict[int, float] = {}
        """The boxes of :attr:`_least` whose least margin is above the current one."""
        self._sides_of = [(o.box.x, o.box.y, o.box.right, o.box.bottom, o.owner)
                          for o in self.obstacles]
        self._grid = Grid([o.box for o in self.obstacles], MARGIN)
        self._owned = {o.owner: i for i, o in enumerate(self.obstacles)}
        """The (last) box of each owner, for the boxes a line is let pass close."""
        self._keep_gaps = False
        """While true, a corner in a narrow gap is kept inside it (see :meth:`_corner`)."""
        self._hits: dict[tuple[Point, Point], int | None] = {}
        """:meth:`_first_hit` of segments tested since the tests last changed (a search
        tests a third of its segments more than once)."""
        self._any: dict[tuple[Point, Point], int | None] = {}
        """Any box each segment tested by :meth:`clear` alone enters (kept as :attr:`_hits`)."""
        self._boxes: dict[tuple[Point, Point], Collection[int]] = {}
        """The boxes near each segment tested (:meth:`Grid.near`; the boxes never move, and
        a segment is tested again under the next line's tests)."""
        self._grown: list[tuple[int, float, float, float, float]] | None = None
        """:meth:`_rects` since the tests last changed."""
        self._grown_of: list[tuple[float, float, float, float] | None] = \
            [_UNKNOWN] * len(self.obstacles)
        """:meth:`_rect` of each box (by number) asked since the tests last changed, or
        ``_UNKNOWN``: the segment and corner tests ask for the same boxes again and again."""
        self._clusters: dict[int, Box] = {}
        """:meth:`_cluster` of each box asked since the tests last changed (a search asks
        again for the group round a box it met before)."""
        self._walks: dict[tuple[Point, Point], list[tuple[int, int]]] = {}
        self._tests: tuple[float, frozenset[str], dict[int, float]] | None = None
        """The margin, boxes passed and margins by box that the tests kept hold for
        (:meth:`_prepare`)."""
        """The grid cells of each segment tested or weighed (:meth:`_walk`)."""

    # --- tests -------------------------------------------------------------------------

    def _prepare(self, margin: float) -> None:
        """Test the boxes of the current line grown by ``margin`` (tight ones by 0.5, and
        none by less than its least margin). The tests kept stay where they still hold:
        the boxes passed and every box's margin as before (a line set up again, a search
        back at the margin it started at)."""
        self.margin = margin
        self._low = {i: v for i, v in self._least.items() if v > margin}
        self._tight = self._low | self._held if self._low else self._held
        tests = (margin, self._skip, self._tight)
        if tests == self._tests:
            return
        self._tests = (margin, self._skip, dict(self._tight))
        self._hits.clear()
        self._any.clear()
        self._grown = None
        self._grown_of = [_UNKNOWN] * len(self.obstacles)
        self._clusters.clear()


    def _rect(self, i: int) -> tuple[float, float, float, float] | None:
        """Box ``i`` grown as the current line sees it, or ``None`` when it is skipped."""
        x0, y0, x1, y1, owner = self._sides_of[i]
        if owner in self._skip:
            return None
        m = self._tight.get(i, self.margin)
        return x0 - m, y0 - m, x1 + m, y1 + m

    def _rects(self) -> list[tuple[int, float, float, float, float]]:
        """Every box the current line must avoid, grown: O(B), kept until the tests change
        (a search and its clusters ask for them again and again)."""
        out = self._grown
        if out is None:
            out = self._grown = []
            for i in range(len(self.obstacles)):
                r = self._rect(i)
                if r is not None:
                    out.append((i, *r))
        return out

    def _walk(self, p: Point, q: Point) -> list[tuple[int, int]]:
        """The grid cells the segment ``p``-``q`` passes, kept: a segment is both tested
        for boxes and weighed for crossings, and more than half are asked again later."""
        key = (p, q)
        walk = self._walks.get(key)
        if walk is None:
            walk = self._walks[key] = cells_along(p, q)
        return walk

    def _first_hit(self, p: Point, q: Point) -> int | None:
        """The first box (of the current line's, grown) that ``p``-``q`` enters, or None;
        on a tie the lowest numbered, so the order the grid gives the boxes in is of no
        matter."""
        key = (p, q)
        if key in self._hits:
            return self._hits[key]
        if key in self._any and self._any[key] is None:
            return None  # clear
        found = self._hits[key] = self._entered(p, q)
        return found

    def _entered(self, p: Point, q: Point, first: bool = True) -> int | None:
        """:meth:`_first_hit`, tested: each box near the segment once; without ``first``,
        any box it enters (the first found: enough to say it is not clear)."""
        lo_x, hi_x = (q[0], p[0]) if q[0] < p[0] else (p[0], q[0])  # min, max
        lo_y, hi_y = (q[1], p[1]) if q[1] < p[1] else (p[1], q[1])
        best, best_t = None, math.inf
        grown = self._grown_of
        px, py = p
        dx, dy = q[0] - px, q[1] - py
        key = (p, q)
        boxes = self._boxes.get(key)
        if boxes is None:
            boxes = self._boxes[key] = self._grid.near(self._walk(p, q))
        for i in boxes:
            rect = grown[i]
            if rect is _UNKNOWN:
                rect = grown[i] = self._rect(i)
            if rect is None:
                continue
            x0, y0, x1, y1 = rect
            if x0 >= hi_x or x1 <= lo_x or y0 >= hi_y or y1 <= lo_y:
                continue
            t = entry_along(px, py, dx, dy, x0, y0, x1, y1)
            if t is not None and not first:
                return i
            if t is not None and (t < best_t or (t == best_t and best is not None and i < best)):
                best, best_t = i, t
        return best

    def _inside(self, pt: Point) -> bool:
        """True when ``pt`` lies inside a box of the current line's obstacles, grown
        (:meth:`_rect`, inlined: asked for every corner of a search)."""
        x, y = pt
        grown = self._grown_of
        for i in self._grid.at(pt):
            rect = grown[i]
            if rect is _UNKNOWN:
                rect = grown[i] = self._rect(i)
            if rect is not None and rect[0] < x < rect[2] and rect[1] < y < rect[3]:
                return True
        return False

    def blocked(self, pt: Point, skip: Collection[str] = ()) -> bool:
        """True when ``pt`` lies inside any box (at its true size) but those of ``skip``."""
        x, y = pt
        sides = self._sides_of
        return any(sides[i][0] < x < sides[i][2] and sides[i][1] < y < sides[i][3]
                   and sides[i][4] not in skip for i in self._grid.at(pt))

    def boxes_near(self, pt: Point, reach: float, skip: Collection[str] = ()) -> list[Box]:
        """The boxes (at their true size) but those of ``skip`` that come within ``reach``
        of ``pt`` across or up and down: O(c + b) for c cells and b boxes in them."""
        x, y = pt
        found: set[int] = set()
        cells = self._grid.cells
        for cx in range(cell_of(x - reach), cell_of(x + reach) + 1):
            for cy in range(cell_of(y - reach), cell_of(y + reach) + 1):
                found.update(cells.get((cx, cy), ()))
        sides = self._sides_of
        return [self.obstacles[i].box for i in sorted(found)
                if sides[i][4] not in skip and sides[i][0] < x + reach
                and sides[i][2] > x - reach and sides[i][1] < y + reach
                and sides[i][3] > y - reach]

    def open(self, p: Point, q: Point) -> bool:
        """True when the segment ``p``-``q`` passes through no box (at its true size, the
        current line's own boxes too): where a card's stub may reach."""
        sides = self._sides_of
        for i in self._grid.near(self._walk(p, q)):
            x0, y0, x1, y1, _ = sides[i]
            if segment_entry(p, q, x0, y0, x1, y1) is not None:
                return False
        return True

    def clear(self, p: Point, q: Point) -> bool:
        """True when the segment ``p``-``q`` passes no box of the current line's obstacles:
        the search stops at the first box it finds entered (most segments a search tests
        are not clear), unless the first hit is known already."""
        key = (p, q)
        if key in self._hits:
            return self._hits[key] is None
        hit = self._any.get(key, -1)
        if hit == -1:
            hit = self._any[key] = (self._entered(p, q, first=False) if key in self._boxes
                                    else self._any_entered(p, q))
        return hit is None

    def _any_entered(self, p: Point, q: Point) -> int | None:
        """A box of the current line's, grown, that ``p``-``q`` enters, or ``None``: the
        boxes tested cell by cell along the segment, stopping at the first entered (a
        long segment the corner search tries is most often blocked, and gathering every
        box along it first cost as much as testing them)."""
        lo_x, hi_x = (q[0], p[0]) if q[0] < p[0] else (p[0], q[0])  # min, max
        lo_y, hi_y = (q[1], p[1]) if q[1] < p[1] else (p[1], q[1])
        grown = self._grown_of
        px, py = p
        dx, dy = q[0] - px, q[1] - py
        cells = self._grid.cells
        walk = self._walk(p, q)
        # a cell lists each box once: a segment within one cell (a third) needs no set
        seen: set[int] | None = set() if len(walk) > 1 else None
        for cell in walk:
            for i in cells.get(cell, ()):
                if seen is not None:
                    if i in seen:
                        continue
                    seen.add(i)
                rect = grown[i]
                if rect is _UNKNOWN:
                    rect = grown[i] = self._rect(i)
                if rect is None:
                    continue
                x0, y0, x1, y1 = rect
                if x0 >= hi_x or x1 <= lo_x or y0 >= hi_y or y1 <= lo_y:
                    continue
                if entry_along(px, py, dx, dy, x0, y0, x1, y1) is not None:
                    return i
        return None

    # --- corners -----------------------------------------------------------------------

    def _cluster(self, i: int) -> Box:
        """Box ``i`` together with every box too close to pass between (transitively): a
        line that cannot squeeze between them goes round the whole group. Kept until the
        tests change (as :meth:`_rects`, whose boxes it groups)."""
        known = self._clusters.get(i)
        if known is not None:
            return known
        b = self.obstacles[i].box
        x0, y0, x1, y1 = b.x, b.y, b.right, b.bottom
        near = 2 * (self.margin + CORNER)
        rects = self._rects()
        changed = True
        while changed:
            changed = False
            for _, a0, b0, a1, b1 in rects:
                close = a0 < x1 + near and x0 - near < a1 and b0 < y1 + near and y0 - near < b1
                if close and (a0 < x0 or b0 < y0 or a1 > x1 or b1 > y1):
                    x0, y0, x1, y1 = min(x0, a0), min(y0, b0), max(x1, a1), max(y1, b1)
                    changed = True
        out = self._clusters[i] = Box(x0, y0, x1 - x0, y1 - y0)
        return out

    def _corner(self, i: int, k: int, b: Box | None = None) -> Point:
        """Corner ``k`` of box ``i`` (or of ``b`` around it) where the next line turns:
        further out for each line that turned there before (:func:`step_out`). While
        ``_keep_gaps``, no further than the last step that stands clear of every box: in a
        narrow gap between two boxes the step out lands in the other box and closes the
        gap to every later line (see :meth:`route`)."""
        b = b if b is not None else self.obstacles[i].box
        widths = self._used.get((i, k))
        if not widths:  # no line turned here yet (most corners): the first bend, as below
            d = self._low.get(i, self.margin) + FIRST_BEND + 0.0
            return (b.x - d if k in (0, 3) else b.right + d,
                    b.y - d if k in (0, 1) else b.bottom + d)
        outs = steps_out(widths, self.width)
        for used in range(len(outs) - 1, -1, -1):
            d = self._low.get(i, self.margin) + FIRST_BEND + outs[used]
            x = b.x - d if k in (0, 3) else b.right + d
            y = b.y - d if k in (0, 1) else b.bottom + d
            if used == 0 or not self._keep_gaps or not self._inside((x, y)):
                break
        return x, y


    def _loosen(self, p: Point, q: Point) -> None:
        """Let the current line (until :meth:`route` sets its tests back) pass the boxes
        that leave its ends no way out: one within ``TIGHT`` of ``p`` or ``q`` is tested
        at its true size, one holding either is let pass (a line ending on a crowded
        symbol's port inside its own label; a card's stub ending a hair below another's
        box): without this no way is found and the line is drawn straight, through
        whatever stands between its ends."""
        free = set(self._skip)
        tight = dict(self._held)
        for i in {*self._grid.at(p), *self._grid.at(q)}:
            x0, y0, x1, y1, owner = self._sides_of[i]
            if owner in free:
                continue
            if any(x0 < x < x1 and y0 < y < y1 for x, y in (p, q)):
                free.add(owner)
            elif any(x0 - TIGHT < x < x1 + TIGHT and y0 - TIGHT < y < y1 + TIGHT
                     for x, y in (p, q)):
                tight[i] = 0.0
        self._skip, self._held = frozenset(free), tight
        self._prepare(self.margin)
