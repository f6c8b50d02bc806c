"""Corners kept off other lines: a line that bends on another reads as a fork.

Where a line turns within a few units of another line's stroke, a reader sees the two
lines meet at one spot and cannot tell which of the ways out of it belongs to which
line: the bend reads as one line forking, or as a line turning off onto another's way.
In huisarts-steunfiguren the truant officer's double line into Yvonne turned right on the
youth leader's dashed line to Jesse, 80 units before her.
:func:`corners_on_lines` lists such corners (a bend of a line, outside its fan, whose
point lies within ``CORNER_GAP`` of another line's stroke, the widths of both counted);
:func:`corners_off_lines` slides such a corner along one of its own segments by the least
step that takes it off every line, where the new way is clear of every box, crosses no
more lines, runs no longer beside other lines, as a band or along a household frame,
turns back sharply no more often, comes into its person from the same side, meets the
other lines into its person no more often (:mod:`.systemogram_touch`), runs over no more
bends of other lines and leaves its neighbouring corners on no more lines. In a drawing of
over ``CROWDED`` lines, whose time goes to routing, only ``CROWDED_CORNERS`` corners get
these tests, those nearest the arrowheads first: a line's last corner before its fan (a
fork right before an arrowhead misleads most), nearest its person first, then the corners
before it.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import chain, pairwise

from . import Box, Point, segment_distance
from .ring_centre import PersonPlace
from .systemogram_close import NEAR_PARALLEL, frame_edges, nearly_parallel
from .systemogram_fan import FAN_RADIUS, keeps_way_in
from .systemogram_frame_clear import along_frames, banded, sharp
from .systemogram_nudge import CROWDED
from .systemogram_route import Router
from .systemogram_touch import MeetingsGuard
from .systemogram_tracks import (
    BESIDE,
    CLOSE,
    Boxed,
    beside_length,
    boxed,
    clear_at_margins,
    crossings_near,
    near_segments,
    reach_box,
    within_reach,
)

__all__ = ["CORNER_GAP", "CORNER_TURN", "CROWDED_CORNERS", "LAST_WAY", "corners_off_lines",
           "corners_on_lines"]

CORNER_GAP = 4.0
"""Clear space (units) between a corner and another line's stroke under which the two
read as meeting there."""
CORNER_TURN = math.radians(10.0)
"""Least turn (radians) at a point that reads as a corner."""
LAST_WAY = FAN_RADIUS + 60.0
"""Distance (units) from a person within which a line's corners are moved off other
lines: its last way in, the fan into her ports and 60 units before it."""
SLIDES = (3.0, 5.0, 7.0, 9.0, 12.0, 15.0, 19.0, 24.0)
"""Distances (units) a corner is tried slid along one of its segments, least first."""
CROWDED_CORNERS = 8
"""Most corners given the full tests of a new place in a drawing of over ``CROWDED``
lines, those nearest the arrowheads first (a fork right before an arrowhead misleads
most): each costs some 3 million instructions with the search for its places, and a
crowded drawing's time goes to routing."""
_EPS = 1e-9


def _turns(a: Point, b: Point, c: Point) -> bool:
    """True when the way ``a``-``b``-``c`` turns at ``b`` by at least ``CORNER_TURN``."""
    ux, uy, vx, vy = b[0] - a[0], b[1] - a[1], c[0] - b[0], c[1] - b[1]
    norms = math.hypot(ux, uy) * math.hypot(vx, vy)
    if norms < 1e-12:
        return False
    return math.atan2(abs(ux * vy - uy * vx), ux * vx + uy * vy) >= CORNER_TURN


def _lines_at(before: Point, corner: Point, after: Point,
              near: Sequence[tuple[int, Point, Point]], widths: Sequence[float], i: int
              ) -> list[int]:
    """The lines of the segments ``near`` (line, start, end) whose strokes come within
    ``CORNER_GAP`` of ``corner``, the bend of line ``i`` between ``before`` and
    ``after``, both widths counted, and that do not turn there with it (beside both of
    its segments, nearly parallel: two lines turning side by side read as a bundle);
    in order."""
    sine = NEAR_PARALLEL
    return sorted(j for j, segs in _close(corner, near, widths, i).items()
                  if not (any(nearly_parallel(before, corner, c, d, sine) for c, d in segs)
                          and any(nearly_parallel(corner, after, c, d, sine) for c, d in segs)))


def _close(corner: Point, near: Sequence[tuple[int, Point, Point]], widths: Sequence[float],
           i: int) -> dict[int, list[tuple[Point, Point]]]:
    """The segments of ``near`` (line, start, end) whose strokes come within
    ``CORNER_GAP`` of ``corner`` of line ``i``, both widths counted, by line: those
    :func:`_lines_at` weighs, whatever way the line turns there."""
    close: dict[int, list[tuple[Point, Point]]] = {}
    x, y = corner
    for j, c, d in near:
        room = CORNER_GAP + (widths[i] + widths[j]) / 2
        (cx, cy), (dx, dy) = c, d
        if ((cx if cx > dx else dx) + room < x or (cx if cx < dx else dx) - room > x
                or (cy if cy > dy else dy) + room < y or (cy if cy < dy else dy) - room > y):
            continue  # its box is out of reach: min and max written out, as in the tracks
        if segment_distance(corner, c, d) < room:
            close.setdefault(j, []).append((c, d))
    return close


def _corners(paths: Sequence[Sequence[Point]], i: int, lo: int, hi: int) -> list[int]:
    """The indices ``k`` in ``lo``-``hi`` (inclusive, interior points only) where line
    ``i`` turns by at least ``CORNER_TURN``."""
    path = paths[i]
    return [k for k in range(max(lo, 1), min(hi, len(path) - 2) + 1)
            if _turns(path[k - 1], path[k], path[k + 1])]


Corner = tuple[float, float, int, int]
"""A corner: its x and y, its line and its index in the line."""


def _around(corners: Sequence[Corner], segments: Sequence[tuple[int, Point, Point]],
            room: float) -> dict[tuple[int, int], list[tuple[int, Point, Point]]]:
    """The ``segments`` (line, start, end) of other lines whose boxes come within
    ``room`` of each of ``corners``, by corner (line, index). The corners sorted by x,
    each segment looks up those in its box grown by ``room`` only: O((S + H) log C) for
    S segments, C corners and H corners in the boxes."""
    ordered = sorted(corners)
    xs = [c[0] for c in ordered]
    out: dict[tuple[int, int], list[tuple[int, Point, Point]]] = {}
    for j, c, d in segments:
        (cx, cy), (dx, dy) = c, d
        x0, x1 = (cx, dx) if cx < dx else (dx, cx)
        y0, y1 = (cy, dy) if cy < dy else (dy, cy)
        for n in range(bisect_left(xs, x0 - room), bisect_right(xs, x1 + room)):
            _, y, i, k = ordered[n]
            if i != j and y0 - room <= y <= y1 + room:
                out.setdefault((i, k), []).append((j, c, d))
    return out


def _hits(paths: Sequence[Sequence[Point]], corners: Sequence[Corner],
          segments: Sequence[tuple[int, Point, Point]], widths: Sequence[float]
          ) -> list[tuple[int, int, int]]:
    """The ``corners`` (of ``paths``) on the lines of ``segments`` (line, start, end), as
    :func:`corners_on_lines` finds them: ``(i, k, j)``, sorted."""
    out: list[tuple[int, int, int]] = []
    room = CORNER_GAP + max(widths, default=0.0)
    for (i, k), near in _around(corners, segments, room).items():
        path = paths[i]
        out += [(i, k, j) for j in _lines_at(path[k - 1], path[k], path[k + 1], near,
                                               widths, i)]
    return sorted(out)


def corners_on_lines(paths: Sequence[Sequence[Point]], ends: Sequence[tuple[str, str]],
                     widths: Sequence[float], kept: Sequence[int]
                     ) -> list[tuple[int, int, int]]:
    """Every corner of a line on another line: ``(i, k, j)`` where point ``k`` of line
    ``i`` (``paths`` from each agent, ``ends`` their (agent, target)) turns by at least
    ``CORNER_TURN`` and lies within ``CORNER_GAP`` of the drawn stroke of line ``j``,
    their ``widths`` counted, and ``j`` does not turn there beside it (nearly parallel to
    both of its segments: two lines turning side by side read as a bundle); the last
    ``kept`` points of each line (its fan into a person's ports) are left out. Sorted;
    ``ends[i][0] == ends[j][0]`` tells a line of the same agent. O((S + H) log C) for S
    segments, C corners and H corners near segments."""
    corners = [(paths[i][k][0], paths[i][k][1], i, k) for i, path in enumerate(paths)
               for k in _corners(paths, i, 1, len(path) - max(kept[i], 1) - 1)]
    segments = [(j, c, d) for j, path in enumerate(paths) for c, d in pairwise(path)]
    return _hits(paths, corners, segments, widths)


def corners_off_lines(router: Router, paths: list[list[Point]],
                      ends: Sequence[tuple[str, str]], widths: Sequence[float],
                      skips: Sequence[Sequence[str]], firsts: Sequence[int],
                      kept: Sequence[int], people: Mapping[str, PersonPlace],
                      frames: Sequence[Box] = ()) -> int:
    """Slide, in place, each corner on a line of another agent (:func:`corners_on_lines`)
    on a line's last way to its person (within ``LAST_WAY`` of her, where a reader asks
    which line ends in which arrowhead) that may move (from its line's point
    ``firsts[i]`` to before its fan) along one of its own segments, by the least of
    ``SLIDES`` that takes it off every line, where allowed (see the module); in a drawing
    of over ``CROWDED`` lines the corners nearest the arrowheads first (a line's last
    corner before its fan before its others, each rank nearest its person first), at
    most ``CROWDED_CORNERS`` of them given the full tests. ``skips`` are the boxes each
    line may pass. Returns the corners moved. O(C · L + Σ s) for C corners tested, L
    lines and s segments near each."""
    corners = _last_corners(paths, ends, firsts, kept, people)
    crowded = len(paths) > CROWDED
    order = sorted(corners) if crowded else sorted(corners, key=lambda c: c[2:])
    edges = frame_edges(frames)
    boxes = [reach_box(path) for path in paths]
    # the lines as they lay before any corner moved, whose segments each corner is
    # tested against
    lines: list[Line] = [(box, list(pairwise(path)))
                         for box, path in zip(boxes, paths, strict=True)]
    touch = CORNER_GAP + max(widths, default=0.0)
    moved = tested = 0
    for *_, i, k in order:
        if crowded and tested == CROWDED_CORNERS:
            break
        path = paths[i]
        x, y = path[k]
        near = _in_box(lines, i, x - touch, x + touch, y - touch, y + touch)
        on = _lines_at(path[k - 1], path[k], path[k + 1], near, widths, i)
        if not any(ends[j][0] != ends[i][0] for j in on):
            continue
        steps = _steps(path, k, lines, widths, i)
        first = next(steps, None)
        if first is None:
            continue
        tested += 1
        way = _slide(router, paths, ends, widths, skips, firsts, kept, people, edges, boxes,
                     i, k, chain((first,), steps))
        if way is not None:
            paths[i] = way
            boxes[i] = reach_box(way)
            moved += 1
    return moved


def _last_corners(paths: Sequence[Sequence[Point]], ends: Sequence[tuple[str, str]],
                  firsts: Sequence[int], kept: Sequence[int],
                  people: Mapping[str, PersonPlace]) -> list[tuple[int, float, int, int]]:
    """The corners of each line into a person (from its point ``firsts[i]`` to before
    its fan, the last ``kept[i]`` points) within ``LAST_WAY`` of her, by line and index:
    (how many of these come after it on its line, its distance from her, line, index).
    The distance is tested before the turn (most points of a line lie far from its
    person)."""
    out: list[tuple[int, float, int, int]] = []
    for i, path in enumerate(paths):
        person = people.get(ends[i][1])
        if person is None:
            continue
        centre = (person.x, person.y)
        mine: list[tuple[float, int]] = []
        for k in range(max(firsts[i], 1), len(path) - max(kept[i], 1)):
            far = math.dist(path[k], centre)
            if far <= LAST_WAY and _turns(path[k - 1], path[k], path[k + 1]):
                mine.append((far, k))
        out += [(len(mine) - n - 1, far, i, k) for n, (far, k) in enumerate(mine)]
    return out


Line = tuple[tuple[float, float, float, float], Sequence[tuple[Point, Point]]]
"""A line's box (least and most x, least and most y) and its segments."""


def _in_box(lines: Sequence[Line], i: int, x0: float, x1: float, y0: float, y1: float
            ) -> list[tuple[int, Point, Point]]:
    """The segments (line, start, end) of ``lines`` other than ``i`` whose boxes meet the
    box from ``x0``, ``y0`` to ``x1``, ``y1``: a box test a line, then one a segment of
    the lines that meet it."""
    out: list[tuple[int, Point, Point]] = []
    for j, ((bx0, bx1, by0, by1), segments) in enumerate(lines):
        if j == i or bx1 < x0 or bx0 > x1 or by1 < y0 or by0 > y1:
            continue
        out += [(j, c, d) for c, d in segments
                if not ((c[0] if c[0] > d[0] else d[0]) < x0
                        or (c[0] if c[0] < d[0] else d[0]) > x1
                        or (c[1] if c[1] > d[1] else d[1]) < y0
                        or (c[1] if c[1] < d[1] else d[1]) > y1)]
    return out


def _steps(path: Sequence[Point], k: int, lines: Sequence[Line], widths: Sequence[float],
           i: int) -> Iterator[Point]:
    """Where corner ``k`` of line ``i`` (``path``) may go: slid along its segment before
    and after it, the least of ``SLIDES`` each way that takes it farther than
    ``CORNER_GAP`` from the strokes of the other ``lines`` (each its box and segments),
    the least step first (the one before first of equal steps); a cheap test that spares
    the full one (:func:`_slide`) where no step clears. Each way's search goes on only
    while the places found before are turned down."""
    b = path[k]
    reach = CORNER_GAP + max(widths, default=0.0) + 1.0  # a unit more: rounding
    ways: list[list[tuple[float, Point]]] = []
    for toward in (path[k - 1], path[k + 1]):
        length = math.dist(b, toward)
        ways.append([(step, (b[0] + step / length * (toward[0] - b[0]),
                             b[1] + step / length * (toward[1] - b[1])))
                     for step in SLIDES if step <= length - CORNER_GAP])
    along: list[list[tuple[int, Point, Point]] | None] = [None, None]
    searching = [bool(ways[0]), bool(ways[1])]
    for n in range(len(SLIDES)):
        for side in (0, 1):
            tried = ways[side]
            if not searching[side]:
                continue
            if n >= len(tried):
                searching[side] = False
                continue
            near = along[side]
            if near is None:
                # the segments whose boxes come within reach of the way slid along, the
                # rest being out of reach of every place tried
                far = tried[-1][1]
                (x0, x1), (y0, y1) = sorted((b[0], far[0])), sorted((b[1], far[1]))
                near = along[side] = _in_box(lines, i, x0 - reach, x1 + reach, y0 - reach,
                                             y1 + reach)
            pt = tried[n][1]
            if not _lines_at(path[k - 1], pt, path[k + 1], near, widths, i):
                searching[side] = False
                yield pt


def _slide(router: Router, paths: list[list[Point]], ends: Sequence[tuple[str, str]],
           widths: Sequence[float], skips: Sequence[Sequence[str]], firsts: Sequence[int],
           kept: Sequence[int], people: Mapping[str, PersonPlace],
           edges: Sequence[tuple[Point, Point]],
           boxes: Sequence[tuple[float, float, float, float]], i: int, k: int,
           steps: Iterable[Point]) -> list[Point] | None:
    """Line ``i`` with its corner ``k`` moved to the first of ``steps`` (places along its
    own segments, :func:`_steps`) that is allowed (see :func:`corners_off_lines`), or
    ``None``; ``boxes`` are the lines' boxes (least and most x, least and most y)."""
    path = paths[i]
    a, b, c = path[k - 1], path[k], path[k + 1]
    old = [a, b, c]
    person = people.get(ends[i][1])
    judge: _Judge | None = None  # worked out for the first way past the cheap tests
    meets = MeetingsGuard(paths, ends, widths, kept, people, i)  # meetings at its person
    for new_b in steps:
        new = [a, new_b, c]
        way = [*path[:k], new_b, *path[k + 1:]]
        if sharp(new) > sharp(old) or not keeps_way_in(path, way, person, firsts[i]):
            continue
        if along_frames(new, edges) > along_frames(old, edges) + _EPS:
            continue
        if not clear_at_margins(router, new, path, skips[i], ends[i], tight=False):
            continue
        if judge is None:
            judge = _Judge(paths, boxes, widths, i, k, kept[i])
        if not judge.allows(new):
            continue
        if meets.more(way):
            continue
        return way
    return None


Near = list[tuple[int, Point, Point]]
"""Segments of other lines: (line, start, end)."""


class _Judge:
    """The tests of a corner's new place against the lines near its old one (the new
    segments lie inside the triangle of the old ones: the segments within reach of the
    old are those within reach of any new), each figure of the old way worked out once,
    when a new way first needs it."""

    def __init__(self, paths: Sequence[Sequence[Point]],
                 boxes: Sequence[tuple[float, float, float, float]], widths: Sequence[float],
                 i: int, k: int, fan: int) -> None:
        """Gather the segments near corner ``k`` of line ``i`` with its two neighbours
        (``boxes`` those of the lines; its last ``fan`` points its fan)."""
        old = paths[i][k - 1:k + 2]
        self.paths, self.widths, self.i, self.k, self.old = paths, widths, i, k, old
        self.fan = fan
        reach = BESIDE + CORNER_GAP + max(widths, default=0.0)
        self.region = boxed(near_segments(paths, i, old, reach, boxes))
        self.near = within_reach(self.region, old, reach)
        self.holes = (paths[i][0], paths[i][-1])
        self.figures: dict[str, float] = {}
        self.old_along: Near | None = None
        self.bend_points: list[tuple[Point, float]] | None = None

    def _before(self, name: str, measure: Callable[[Sequence[Point], Near], float]
                ) -> float:
        """The figure ``name`` of the old way (``measure`` of it and the segments near
        it nearly parallel to it), worked out once."""
        if name not in self.figures:
            if self.old_along is None:
                self.old_along = _parallel(self.old, self.near)
            self.figures[name] = measure(self.old, self.old_along)
        return self.figures[name]

    def allows(self, new: Sequence[Point]) -> bool:
        """True when ``new`` (the corner slid) is itself off every line, crosses no more
        lines, runs no longer beside other lines (within ``CLOSE``, nor within
        ``BESIDE``, nor as a band) and over no more bends of other lines than the old
        way."""
        paths, widths, i, near = self.paths, self.widths, self.i, self.near
        if _lines_at(new[0], new[1], new[2], near, widths, i):
            return False
        region, holes = self.region, self.holes

        def crossed(part: Sequence[Point], _: Near) -> float:
            return crossings_near(part, region)

        def close(part: Sequence[Point], along: Near) -> float:
            return beside_length(paths, part, CLOSE, along, holes)

        def beside(part: Sequence[Point], along: Near) -> float:
            return beside_length(paths, part, BESIDE, along, holes)

        def band(part: Sequence[Point], along: Near) -> float:
            return banded(paths, widths, i, part, along)

        def bends(part: Sequence[Point], _: Near) -> float:
            if self.bend_points is None:
                self.bend_points = _bend_points(paths, widths, i, self.old, region)
            return _bends_on(part, self.bend_points, CORNER_GAP + max(widths, default=0.0))

        if crossed(new, near) > self._before("crossed", crossed):
            return False
        if (self._neighbours_on(new[1])
                > self._before("neighbours", lambda part, _: self._neighbours_on(part[1]))):
            return False
        along = _parallel(new, near)  # the runs beside lines are measured of these only
        if close(new, along) > self._before("close", close) + _EPS:
            return False
        if beside(new, along) > self._before("beside", beside) + _EPS:
            return False
        if band(new, along) > self._before("band", band) + _EPS:
            return False
        return bends(new, along) <= self._before("bends", bends)


    def _neighbours_on(self, corner: Point) -> int:
        """How many lines near it the corner's two neighbours (outside the fan) lie on
        where they turn (:func:`_lines_at`), the corner at ``corner``: a slide turns
        them by other angles, and a neighbour that turns on a line reads as a fork too."""
        path, k = self.paths[self.i], self.k
        count = 0
        for n in (k - 1, k + 1):
            if not 1 <= n <= len(path) - max(self.fan, 1) - 1:
                continue
            before = corner if n - 1 == k else path[n - 1]
            after = corner if n + 1 == k else path[n + 1]
            if _turns(before, path[n], after):
                count += len(_lines_at(before, path[n], after, self.near, self.widths, self.i))
        return count


def _parallel(part: Sequence[Point], near: Near) -> Near:
    """The segments of ``near`` nearly parallel (``NEAR_PARALLEL``, a little more for
    rounding) to a segment of ``part``, in order: the only ones a run beside ``part``
    (:func:`~.systemogram_tracks.beside_length`,
    :func:`~.systemogram_frame_clear.banded`) can be measured along; a test of two
    directions a pair, where each measure would work out the pair's close run."""
    ways: list[tuple[float, float]] = []
    for p, q in pairwise(part):
        length = math.dist(p, q)
        if length >= 1e-9:
            ways.append(((q[0] - p[0]) / length, (q[1] - p[1]) / length))
    sine = NEAR_PARALLEL + 1e-9
    out: Near = []
    for seg in near:
        _, c, d = seg
        length = math.dist(c, d)
        if length < 1e-9:
            continue
        vx, vy = (d[0] - c[0]) / length, (d[1] - c[1]) / length
        if any(-sine <= ux * vy - uy * vx <= sine for ux, uy in ways):
            out.append(seg)
    return out


def _bend_points(paths: Sequence[Sequence[Point]], widths: Sequence[float], i: int,
                 part: Sequence[Point], region: Sequence[Boxed]) -> list[tuple[Point, float]]:
    """The points of the lines of ``region`` (the segments near ``part`` of line ``i``),
    their ends left out, in the box of ``part`` grown by ``CORNER_GAP`` and the widest
    line, each once, with the room within which a stroke of line ``i`` runs over them:
    the bends :func:`_bends_on` may count of ``part`` or of a way inside its box."""
    seen: set[tuple[int, Point]] = set()
    out: list[tuple[Point, float]] = []
    far = CORNER_GAP + max(widths, default=0.0)
    x0 = min(p[0] for p in part) - far
    x1 = max(p[0] for p in part) + far
    y0 = min(p[1] for p in part) - far
    y1 = max(p[1] for p in part) + far
    for *_, j, c, d in region:
        for pt in (c, d):
            if (not (x0 <= pt[0] <= x1 and y0 <= pt[1] <= y1) or (j, pt) in seen
                    or pt == paths[j][0] or pt == paths[j][-1]):
                continue
            seen.add((j, pt))
            out.append((pt, CORNER_GAP + (widths[i] + widths[j]) / 2))
    return out


def _bends_on(part: Sequence[Point], points: Sequence[tuple[Point, float]], far: float
              ) -> int:
    """How many of ``points`` (bends of other lines, each with its room:
    :func:`_bend_points`) in the box of ``part`` grown by ``far`` lie within their room of
    its stroke: the bends of other lines it would run over."""
    x0 = min(p[0] for p in part) - far
    x1 = max(p[0] for p in part) + far
    y0 = min(p[1] for p in part) - far
    y1 = max(p[1] for p in part) + far
    segments = list(pairwise(part))
    return sum(1 for pt, room in points if x0 <= pt[0] <= x1 and y0 <= pt[1] <= y1
               and any(segment_distance(pt, p, q) < room for p, q in segments))
