"""Genogram household frames (round each member of a household whose members do not
stand together) bent off the emotional lines running beside them, as the outlines are
(:mod:`.genogram_households`): a dotted frame a few units beside a line reads as one
line with it.

Cost: only frames with an emotional line near them are looked at; each try measures the
frame's four edges against those lines, for a bounded number of tries.
"""

from __future__ import annotations

from typing import Final

from . import Box
from .genogram_household_clear import beside_outline, emotional_reaches, outline_slabs
from .genogram_near import Segment, line_segments, runs_along
from .genogram_places import GenogramLayout, HouseholdPlace

__all__ = ["FRAME_INNER", "frames_inside_outlines", "frames_off_lines"]

FRAME_INNER: Final = 0.2
"""How near a frame may come to its member's box."""
_OUTLINE_GAP: Final = 1.5
"""How far inside an outline the frames round one of its members keep."""
_FRAME_OUT: Final = (2.5, 5.0, 7.5, 10.0, 12.5)
"""How far a side of a member's frame may move out, past an emotional line beside it."""


def frames_off_lines(layout: GenogramLayout, framed: dict[str, int], top: float) -> None:
    """Bring each side of a member's frame in (down to :data:`FRAME_INNER` from the box)
    where that keeps it off an emotional line running beside it (see
    :func:`.beside_outline`), or where that is not enough, out past the line (by one of
    :data:`_FRAME_OUT`: 2 units or more from any other person, frame, outline, couple's
    dates and the title above ``top``); a person with one frame only, out only for one
    in no outline (which runs 5 units out of the box). The frames of a person in more
    than one household nest 1.5 units apart: a side of the nest moves in as one (see
    :func:`_nest_off_lines`)."""
    emotional = emotional_reaches(layout)
    outlined = {m for hh in layout.households if hh.outline is not None for m in hh.members}
    nests: dict[str, list[tuple[HouseholdPlace, int]]] = {}
    for hh in layout.households:
        if hh.outline is not None:
            continue
        for k, (m, mark) in enumerate(zip(hh.members, hh.marks, strict=True)):
            if framed[m] != 1:
                nests.setdefault(m, []).append((hh, k))
                continue
            beside = _lines_near(emotional, mark)
            if not beside:
                continue
            best = beside_outline(mark.corners(), beside)
            if best == 0.0:
                continue
            box = layout.people[m].box
            least = box.grow(FRAME_INNER)
            edges = [mark.y, mark.bottom, mark.x, mark.right]  # as a slab
            trials = [(side, (inner - edges[side]) * step) for side, inner in
                      enumerate((least.y, least.bottom, least.x, least.right))
                      for step in (0.5, 1.0)]
            if m not in outlined:
                trials += [(side, (1.0 if side % 2 else -1.0) * out)
                           for side in range(4) for out in _FRAME_OUT]
            stops: list[Box] | None = None
            for side, by in trials:
                trial = list(edges)
                trial[side] = [mark.y, mark.bottom, mark.x, mark.right][side] + by
                moved = Box(trial[2], trial[0], trial[3] - trial[2], trial[1] - trial[0])
                got = beside_outline(moved.corners(), beside)
                if got >= best:
                    continue
                if not mark.holds(moved):
                    if stops is None:
                        stops = _frame_stops(layout, m, [mark])
                    if _blocked(layout, moved, top, stops):
                        continue
                best, edges = got, trial
            hh.marks[k] = Box(round(edges[2], 2), round(edges[0], 2),
                              round(edges[3] - edges[2], 2), round(edges[1] - edges[0], 2))
    for m, nest in nests.items():
        _nest_off_lines(layout, m, nest, emotional, None if m in outlined else top)


def _nest_off_lines(layout: GenogramLayout, pid: str, nest: list[tuple[HouseholdPlace, int]],
                    emotional: list[tuple[Segment, float]], top: float | None) -> None:
    """Move each side of the nested frames round ``pid`` (``nest``: the household and the
    place of each frame among its marks) in as one, down to :data:`FRAME_INNER` from the
    box for the innermost, where that keeps them off an emotional line running beside
    them (see :func:`.beside_outline`): the frames keep their order and the room between
    them, and, inside the outermost, meet nothing they did not. Where a line still runs
    along a frame (see :func:`.lines_along_outlines`) and ``top`` is given (for a person
    in no outline), out by one of :data:`_FRAME_OUT`, as a single frame moves
    (:func:`frames_off_lines`)."""
    box = layout.people[pid].box
    marks = [hh.marks[k] for hh, k in nest]
    outer = max(marks, key=lambda b: b.w * b.h)
    beside = _lines_near(emotional, outer)
    if not beside:
        return

    def score(shift: list[float]) -> float:
        return sum(beside_outline(_shifted(b, shift).corners(), beside) for b in marks)

    shift = [0.0, 0.0, 0.0, 0.0]  # how far each side (top, bottom, left, right) moves in
    best = score(shift)
    if best == 0.0:
        return
    room = _room(marks, box)
    for side in range(4):
        for step in (0.5, 1.0):
            trial = list(shift)
            trial[side] = room[side] * step
            got = score(trial)
            if got < best:
                best, shift = got, trial
    # out only where moving in leaves a line running along a frame
    trials = [(side, -out) for side in range(4) for out in _FRAME_OUT] \
        if top is not None and any(runs_along(seg, edge) for b in marks
                                   for edge in _edges(_shifted(b, shift))
                                   for seg, _reach in beside) else []
    stops: list[Box] | None = None
    for side, by in trials:
        trial = list(shift)
        trial[side] = by
        got = score(trial)
        if got >= best:
            continue
        if top is not None:
            moved = _shifted(outer, trial)
            if stops is None:
                stops = _frame_stops(layout, pid, marks)
            if _blocked(layout, moved, top, stops):
                continue
        best, shift = got, trial
    if shift != [0.0, 0.0, 0.0, 0.0]:
        for hh, k in nest:
            hh.marks[k] = _shifted(hh.marks[k], shift)


def _lines_near(emotional: list[tuple[Segment, float]], frame: Box
                ) -> list[tuple[Segment, float]]:
    """The ``emotional`` segments (each with its reach) whose box meets ``frame`` grown by
    the farthest a frame may move out and 10 units more: the only ones a move can bring
    it beside."""
    near = frame.grow(_FRAME_OUT[-1] + 10.0)
    return [(seg, reach) for seg, reach in emotional
            if min(seg[0][0], seg[1][0]) <= near.right and max(seg[0][0], seg[1][0]) >= near.x
            and min(seg[0][1], seg[1][1]) <= near.bottom
            and max(seg[0][1], seg[1][1]) >= near.y]


def _blocked(layout: GenogramLayout, moved: Box, top: float, stops: list[Box]) -> bool:
    """True when a frame moved out to ``moved`` would reach the title above ``top`` or
    the drawing's edge, or come within 2 units of one of ``stops`` (see
    :func:`_frame_stops`)."""
    return moved.y < top or moved.x < 1.0 or moved.right > layout.width - 1.0 \
        or moved.bottom > layout.height - 1.0 \
        or any(moved.overlaps(b, gap=2.0) for b in stops)


def _edges(b: Box) -> list[Segment]:
    """The four sides of ``b``."""
    corners = b.corners()
    return line_segments([*corners, corners[0]])


def _room(marks: list[Box], box: Box) -> list[float]:
    """How far each side (top, bottom, left, right) of the nested frames ``marks`` round
    ``box`` may move in: until the innermost is :data:`FRAME_INNER` from the box."""
    least = box.grow(FRAME_INNER)
    return [least.y - max(b.y for b in marks), min(b.bottom for b in marks) - least.bottom,
            least.x - max(b.x for b in marks), min(b.right for b in marks) - least.right]


def _shifted(b: Box, shift: list[float]) -> Box:
    """``b`` with its sides (top, bottom, left, right) moved in by ``shift``."""
    x0, y0 = b.x + shift[2], b.y + shift[0]
    x1, y1 = b.right - shift[3], b.bottom - shift[1]
    return Box(round(x0, 2), round(y0, 2), round(x1 - x0, 2), round(y1 - y0, 2))


def frames_inside_outlines(layout: GenogramLayout) -> None:
    """Move the sides of the frames round each member of an outlined household in, as a
    nest (see :func:`_nest_off_lines`), to 1.5 units or more inside the outline, where the
    outline came nearer the member's box than the frames stand (off a line beside it; it
    leaves the nest room for that, see :mod:`.genogram_households`)."""
    nests: dict[str, list[tuple[HouseholdPlace, int]]] = {}
    for hh in layout.households:
        if hh.outline is None:
            for k, m in enumerate(hh.members):
                nests.setdefault(m, []).append((hh, k))
    for hh in layout.households:
        if hh.outline is None:
            continue
        slabs = outline_slabs(hh.outline)
        for m in hh.members:
            if m not in nests:
                continue
            box = layout.people[m].box
            around = _around(slabs, box)
            if around is None:
                continue
            limit = around.grow(-_OUTLINE_GAP)
            marks = [h.marks[k] for h, k in nests[m]]
            room = _room(marks, box)
            need = [limit.y - min(b.y for b in marks), max(b.bottom for b in marks) - limit.bottom,
                    limit.x - min(b.x for b in marks), max(b.right for b in marks) - limit.right]
            shift = [max(0.0, min(n, r)) for n, r in zip(need, room, strict=True)]
            if shift != [0.0, 0.0, 0.0, 0.0]:
                for h, k in nests[m]:
                    h.marks[k] = _shifted(h.marks[k], shift)


def _around(slabs: list[Box], box: Box) -> Box | None:
    """The first of ``slabs`` (an outline's rows) that holds the middle of ``box``, its
    whole width, or ``None``."""
    cy = (box.y + box.bottom) / 2
    return next((s for s in slabs if s.y <= cy <= s.bottom and s.x <= box.x
                 and box.right <= s.right), None)


def _frame_stops(layout: GenogramLayout, pid: str, marks: list[Box]) -> list[Box]:
    """What the frames ``marks`` round ``pid`` moving out keep 2 units from: every other
    person, every other frame and outline, the couples' dates the outermost does not hold
    now."""
    stops = [p.box for p in layout.people.values() if p.id != pid]
    for hh in layout.households:
        stops += outline_slabs(hh.outline) if hh.outline is not None else \
            [b for b in hh.marks if all(b is not m for m in marks)]
    stops += [b for b in layout.label_boxes() if not any(b.overlaps(m, gap=2.0) for m in marks)]
    return stops
