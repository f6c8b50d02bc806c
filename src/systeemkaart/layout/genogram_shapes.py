"""The shapes a genogram emotional line may take besides its route along the lanes.

Straight between the two symbols (through their centres, or beside that line), with a
level stub or a port on the top at an end, with one bend beside what it would meet, or a
detour round the corners of what stands in its way (:mod:`.genogram_detour`). Each shape
is a :data:`Variant`; :func:`straight_path` makes its points at a geometry. Which shape
each line takes is chosen in :mod:`.genogram_straight`.
"""

from __future__ import annotations

import functools
import itertools
import math
from typing import Final

from . import Box, Point
from .genogram_detour import Corner, detour, detour_path
from .genogram_near import FamilyLines, Segment, line_segments
from .genogram_outline import along as outline_point
from .genogram_outline import exit_distance, reach
from .genogram_places import MID, SYMBOL, SYMBOL_TOP, Work, row_ref, small_kind
from .genogram_ports import side_point, top_point
from .genogram_route import RefPoint
from .genogram_scene import Geometry, Scene

__all__ = ["AIMED", "BEND_ENDS", "DETOUR", "VARIANTS", "Variant", "beside_variants",
           "detour_variants", "few_in_way", "narrow_detour", "straight_path", "wide_detours"]

_OFFSETS: Final[tuple[float, ...]] = (0.0, 9.0, -9.0)
"""Where a straight line may run beside the line through the two centres: far enough from
it that two lines between one pair are not taken for one (further between lines that draw
wider, see :func:`beside_variants`)."""
_BESIDE_CLEAR: Final = 5.0
"""Clear space between what two straight lines between one pair draw, side by side."""
_BESIDE_MOST: Final = 13.5
"""The furthest a straight line runs beside the centres' line (a circle's outline, 17 from
its centre, is met at no glancing angle)."""
Variant = tuple[float, int, int, tuple[RefPoint, ...]]
"""A straight line's offset beside the centres' line (``_OFFSETS``), how it leaves each end
(``AIMED``, ``_STUB``, ``_TOP_NEAR``, ``_TOP_FAR``, ``DETOUR``, ``_STUB_LOW``,
``_STUB_HIGH``) and the points where it bends (none, or one; several for a detour)."""
AIMED, _STUB, _TOP_NEAR, _TOP_FAR, DETOUR = 0, 1, 2, 3, 4
"""How a line leaves a symbol: aimed at its centre; level out of the middle of the side
facing where it goes, to just beyond the box (past the name under the symbol), then on;
out of the top at the port near the centre line or the far one on that side (the child
line arrives at the centre); aimed at the first bend of a detour (:mod:`.genogram_detour`),
beside the centres' line by the variant's offset."""
_STUB_LOW, _STUB_HIGH = 7, 8
"""A stub as ``_STUB``, out of the side below or above its middle (``_STUB_DY``): a second
line leaving that side level, where another already leaves by the middle (after
``DETOUR`` and its ports, ``_DETOUR_ENDS``)."""
_STUB_DY: Final = {_STUB: 0.0, _STUB_LOW: 10.0, _STUB_HIGH: -10.0}
"""How far below the middle of the side each stub leaves: far enough from the middle that
what two lines draw keeps clear (a zigzag beside a plain line)."""
_TOP_PORTS: Final = {_TOP_NEAR: 8.5, _TOP_FAR: 15.0}
"""Offsets from the centre line of the ports on a symbol's top (as routes use them)."""
BEND_ENDS: Final = ((AIMED, AIMED), (AIMED, _TOP_NEAR), (_TOP_NEAR, AIMED))
"""How a line with a bend may leave its ends."""
_STUB_GAP: Final = 5.0
"""How far beyond its own box (the symbol and the name under it) a stub takes a line."""
_ENDS: Final = (AIMED, _STUB, _TOP_NEAR, _TOP_FAR)
_LEVEL: Final = (_STUB_LOW, _STUB_HIGH)
VARIANTS: Final[tuple[Variant, ...]] = (
    *((off, AIMED, AIMED, ()) for off in _OFFSETS),
    *((0.0, ea, eb, ()) for ea in _ENDS for eb in _ENDS if ea or eb),
    *((0.0, ea, eb, ()) for ea in _LEVEL for eb in (*_ENDS, *_LEVEL)),
    *((0.0, ea, eb, ()) for ea in _ENDS for eb in _LEVEL),
)
"""The straight lines tried, in order of preference: through the centres, beside them, and
from a port of their own at one or both ends (the line through the centres would pass
through its own end's name, or run along the child line into a symbol's top), last with
a stub above or below the middle of a side (another line leaves by the middle)."""
_DETOUR_LANES: Final[tuple[float, ...]] = (0.0, 9.0, 18.0)
"""How much further out than the first a detour may turn at each corner: lines around one
corner keep apart."""
_DETOUR_MOST: Final = 6
"""A detour is looked for only around at most this many boxes in the straight line's way
(more: the search would cost much, and the line would wind)."""
_PORTS: Final[tuple[float, ...]] = (0.0, 6.0, -6.0)
"""Where a detour leaves a symbol: aimed at the centre, or beside that line (a second
relation between one pair), on either side: the ends of lines that turn further out
around a corner may have to lie further left at one end and further right at the other,
or the lines would close in on each other there."""
_DETOUR_PORTS: Final = tuple(itertools.product(_PORTS, _PORTS))
_DETOUR_ENDS: Final = tuple(DETOUR + _PORTS.index(off_b) for _off_a, off_b in _DETOUR_PORTS)
"""A detour's end at ``b`` is ``DETOUR`` plus the index of its port there in ``_PORTS``
(its port at ``a`` is the variant's offset)."""
_DETOUR_WIDE: Final = 9
"""A wide detour's end at ``b`` is ``_DETOUR_WIDE`` plus the index of its port there in
``_WIDE_PORTS`` (after ``_STUB_HIGH``)."""
_WIDE_PORTS: Final[tuple[float, ...]] = (0.0, 12.0, -12.0)
"""Where a detour leaves a symbol when several relations between one pair go round one
box and one of them draws wide (a zigzag, a triple line): their ends further apart, as
their turns (:func:`detour_variants`), so what they draw keeps clear."""
_WIDE_DETOUR_PORTS: Final = tuple(itertools.product(_WIDE_PORTS, _WIDE_PORTS))
_WIDE_DETOUR_ENDS: Final = tuple(_DETOUR_WIDE + _WIDE_PORTS.index(off_b)
                                 for _off_a, off_b in _WIDE_DETOUR_PORTS)


def wide_detours(wide: float) -> bool:
    """True when :func:`detour_variants` offers detours whose turns lie ``wide`` apart
    (more than the usual ``_DETOUR_LANES``) besides the usual ones."""
    return wide > _DETOUR_LANES[1]


def narrow_detour(variant: Variant) -> bool:
    """True when ``variant`` is a detour whose turns lie the usual ``_DETOUR_LANES``
    apart (not one of the wide ones kept for several wide lines between one pair)."""
    return variant[1] == DETOUR and variant[2] < _DETOUR_WIDE


def few_in_way(scene: Scene, ends: tuple[str, str]) -> bool:
    """True when the straight line between the symbols of ``ends`` passes at most
    ``_DETOUR_MOST`` boxes: a detour around them is looked for."""
    found = scene.blockers(ends, scene.centre(ends[0]), scene.centre(ends[1]))
    return len(list(itertools.islice(found, _DETOUR_MOST + 1))) <= _DETOUR_MOST


def detour_variants(work: Work, scene: Scene, family: FamilyLines, ends: tuple[str, str],
             half: float, wide: float = 0.0, below: bool = False
             ) -> list[tuple[Variant, list[Segment]]]:
    """The detours around the boxes in the way of the straight line between ``ends`` (see
    :mod:`.genogram_detour`), close to the corners and further out (``_DETOUR_LANES``),
    each from the ports ``_PORTS``, that are clear and run along no family line, with
    their segments. ``half``: half the width of what the line draws (see
    :meth:`.Scene.blockers`). ``wide``: when more than ``_DETOUR_LANES`` keeps apart
    (what the widest of several lines between the pair draws, both sides, and the clear
    space between two), also the detours turning that much further out at each step,
    from the ports ``_WIDE_PORTS``. ``below``: also round the corners of what hangs below
    an end's symbol (see :func:`_below_symbols`): asked when the lines are chosen again
    because they cross more than drawn straight (:func:`.genogram_repair.repair_ways`)."""
    a, b = ends
    centres = (scene.centre(a), scene.centre(b))

    def outline(end: int, towards: Point) -> Point:
        (x, y), pid = centres[end], ends[end]
        length = math.dist((x, y), towards)
        if length == 0:
            return x, y
        ux, uy = (towards[0] - x) / length, (towards[1] - y) / length
        t = reach(work, pid, ux, uy)
        return x + ux * t, y + uy * t

    if not few_in_way(scene, ends):
        return []  # a line across much of the drawing: routed along the lanes
    corners = detour(*centres, outline, functools.partial(scene.blockers, ends, half=half),
                     family.crossings, family.along,
                     _below_symbols(work, scene, ends) if below else ())
    if corners is None:
        return []
    sets: list[tuple[tuple[float, ...], tuple[tuple[float, float], ...], tuple[int, ...]]] = [
        (_DETOUR_LANES, _DETOUR_PORTS, _DETOUR_ENDS)]
    if wide_detours(wide):
        sets.append(((0.0, wide, 2 * wide, 3 * wide), _WIDE_DETOUR_PORTS, _WIDE_DETOUR_ENDS))
    out: list[tuple[Variant, list[Segment]]] = []
    for lanes, ports, codes in sets:
        out += _detours_at(work, scene, family, ends, half, corners, lanes, ports, codes)
    return out


def _below_symbols(work: Work, scene: Scene, ends: tuple[str, str]
                   ) -> tuple[tuple[Box, int], ...]:
    """Per end whose partnership lines hang below its symbol: the part of its box below
    the symbol (those lines, then the name), with its row. A line leaving the symbol
    straight down that way crosses those lines; round this box's corners it may cross
    none of them (:func:`.genogram_detour.detour`)."""
    out: list[tuple[Box, int]] = []
    for pid in ends:
        if work.drops.get(pid, 0.0) <= 0.0:
            continue
        row = work.st.rows[pid]
        top = scene.row_top[row] + SYMBOL_TOP + SYMBOL
        height = scene.row_top[row] + work.heights[pid] - top
        if height > 0:
            out.append((Box(work.left[pid], top, work.widths[pid], height), row))
    return tuple(out)


def _detours_at(work: Work, scene: Scene, family: FamilyLines, ends: tuple[str, str],
                half: float, corners: list[Corner], lanes: tuple[float, ...],
                ports: tuple[tuple[float, float], ...], codes: tuple[int, ...]
                ) -> list[tuple[Variant, list[Segment]]]:
    """The detours through ``corners``, ``lanes`` further out at each, from the ``ports``
    (at ``a``, at ``b``; ``codes``: how the variant names the port at ``b``), that are
    clear and run along no family line (see :func:`detour_variants`). One that turns
    above the first row makes room for itself: the band above that row grows
    (:func:`.genogram_scene.room_above`)."""
    a, b = ends
    row_top = scene.row_top
    out: list[tuple[Variant, list[Segment]]] = []
    for out_by in lanes:
        bends = tuple((x + sx * out_by, row_ref(row, y + sy * out_by - row_top[row]))
                      for x, y, row, sx, sy in corners)
        for (off_a, off_b), end_b in zip(ports, codes, strict=True):
            var = (off_a, DETOUR, end_b, bends)
            line = scene.resolve(detour_path(work, a, b, row_top, (off_a, off_b), bends))
            segs = line_segments(line)
            if len(line) >= 2 and scene.clear(ends, line, half) \
                    and not any(family.along(s) for s in segs):
                out.append((var, segs))
    return out


def beside_variants(widest: float) -> tuple[Variant, ...]:
    """The straight lines tried (``VARIANTS``) for a relation whose pair's widest line
    draws ``widest`` either side: when lines ``_OFFSETS`` apart would come closer than
    ``_BESIDE_CLEAR``, first those beside the centres' line far enough apart for that (as
    far as a symbol allows, ``_BESIDE_MOST``), then the usual ones."""
    apart = min(2 * widest + _BESIDE_CLEAR, _BESIDE_MOST)
    if apart <= _OFFSETS[1]:
        return VARIANTS
    first = len(_OFFSETS)
    return (VARIANTS[0], (apart, AIMED, AIMED, ()), (-apart, AIMED, AIMED, ()),
            *VARIANTS[1:first], *VARIANTS[first:])


def straight_path(work: Work, a: str, b: str, geometry: Geometry,
              variant: Variant = VARIANTS[0]) -> list[RefPoint]:
    """The straight line from the outline of ``a``'s symbol to that of ``b``'s, aimed at
    the centres (or beside that line, or with a stub at an end: see ``Variant``), in
    row-relative coordinates; empty when there is none."""
    offset, end_a, end_b, bends = variant
    if end_a == DETOUR:
        port_b = _PORTS[end_b - DETOUR] if end_b < _DETOUR_WIDE \
            else _WIDE_PORTS[end_b - _DETOUR_WIDE]
        return detour_path(work, a, b, geometry[0], (offset, port_b), bends)
    if bends or end_a or end_b:
        return _shaped(work, a, b, geometry, end_a, end_b, bends[0] if bends else None)
    row_top = geometry[0]
    rows = work.st.rows
    ax, bx = work.centre[a], work.centre[b]
    ay, by = row_top[rows[a]] + MID, row_top[rows[b]] + MID
    length = math.hypot(bx - ax, by - ay)
    if length == 0:
        return []
    ux, uy = (bx - ax) / length, (by - ay) / length
    if offset:
        ea, eb = exit_distance(work, a, offset, ux, uy), exit_distance(work, b, -offset, -ux, -uy)
        if ea is None or eb is None:
            return []
        nx, ny = -uy * offset, ux * offset
        return [(ax + nx + ux * ea, row_ref(rows[a], MID + ny + uy * ea)),
                (bx + nx - ux * eb, row_ref(rows[b], MID + ny - uy * eb))]
    ta, tb = reach(work, a, ux, uy), reach(work, b, ux, uy)
    return [(ax + ux * ta, row_ref(rows[a], MID + uy * ta)),
            (bx - ux * tb, row_ref(rows[b], MID - uy * tb))]


def _shaped(work: Work, a: str, b: str, geometry: Geometry, end_a: int, end_b: int,
            bend: RefPoint | None) -> list[RefPoint]:
    """A straight line that leaves ``a`` as ``end_a`` says and ``b`` as ``end_b`` says (see
    ``Variant``), with one bend at ``bend`` or none; empty when a part of it would turn back
    over its own symbol or stub."""
    row_top = geometry[0]
    rows = work.st.rows
    centre = {pid: (work.centre[pid], row_top[rows[pid]] + MID) for pid in (a, b)}
    at: Point | None = None
    if bend is not None:
        x, (kind, ref, dy) = bend
        if kind != "row":
            return []
        at = (x, row_top[ref] + dy)
    fixed: dict[str, tuple[list[RefPoint], Point]] = {}  # per end with a port: its points
    for pid, end, other in ((a, end_a, b), (b, end_b, a)):
        if end == AIMED:
            continue
        cx, cy = centre[pid]
        goal = at or centre[other]
        side = 1.0 if goal[0] >= cx else -1.0
        if end == _STUB:
            edge = work.left[pid] + (work.widths[pid] if side > 0 else 0.0)
            far = edge + side * _STUB_GAP
            y = row_ref(rows[pid], MID)
            fixed[pid] = ([(cx + side * reach(work, pid, side, 0.0), y), (far, y)], (far, cy))
            continue
        p = work.person[pid]
        if small_kind(p) is not None or p.pregnancy:
            return []
        if end in _LEVEL:
            dy = _STUB_DY[end]
            edge = work.left[pid] + (work.widths[pid] if side > 0 else 0.0)
            far = edge + side * _STUB_GAP
            start = side_point(work, pid, side, dy)
            fixed[pid] = ([start, (far, start[1])], (far, cy + dy))
            continue
        top = top_point(work, pid, cx + side * _TOP_PORTS[end])
        fixed[pid] = ([top], (top[0], row_top[rows[pid]] + top[1][2]))
    out: list[RefPoint] = []
    for pid, other in ((a, b), (b, a)):
        goal = at or (fixed[other][1] if other in fixed else centre[other])
        cx, cy = centre[pid]
        if pid in fixed:
            pts, (fx, fy) = fixed[pid]
            if (len(pts) == 2 and (goal[0] - fx) * (fx - cx) <= 0) \
                    or (len(pts) == 1 and goal[1] >= fy - 1.0):
                return []  # back over the stub, or down through the symbol
        else:
            length = math.hypot(goal[0] - cx, goal[1] - cy)
            if length <= SYMBOL:
                return []
            pts = [outline_point(work, pid, (goal[0] - cx) / length, (goal[1] - cy) / length)]
        out += pts if pid == a else [*([bend] if bend is not None else []), *reversed(pts)]
    return out
