"""Genogram coordinates: the symbolic places of every symbol, label and line made concrete.

Until here the lines of a genogram (:mod:`.genogram`) run through lanes and rows that
have no y yet (:mod:`.genogram_route`). Resolving gives the lanes their tracks and the
bands between rows their heights, lets the emotional lines choose between their routes
and straight lines at those coordinates (:mod:`.genogram_straight`), and then moves the
whole drawing right so that its leftmost point sits at the margin: the people's boxes and
texts, the partnership lines with their dates and slashes, the child lines and twin bars.
Last, lines part where they meet (:mod:`.genogram_part`), the line ends on one side of a
symbol are spread by what the lines draw (:mod:`.genogram_ends`), dates move off lines
(:mod:`.genogram_dates`) and households are outlined (:mod:`.genogram_households`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from itertools import chain
from operator import itemgetter

from ..text.measure import LINE_HEIGHT
from . import Box, Point, round2
from .genogram_child_ends import part_kinds, spread_child_ends
from .genogram_dates import move_dates
from .genogram_ends import spread_ends
from .genogram_households import outline_households
from .genogram_part import part_lines
from .genogram_places import (
    LABEL_GAP,
    LABEL_LIFT,
    LINE_LABEL_SIZE,
    MIN_BAND,
    SYMBOL,
    SYMBOL_TOP,
    GenogramLayout,
    PartnershipPlace,
    Pending,
    PersonPlace,
    TextLine,
    TwinBar,
    Work,
)
from .genogram_ports import symbol_half_width
from .genogram_route import RefPoint
from .genogram_scene import room_above
from .genogram_spread import spread_lines
from .genogram_straight import straighten_relations

__all__ = ["resolve_layout"]


def resolve_layout(work: Work, pending: Pending) -> GenogramLayout:
    """Concrete coordinates for everything: lanes get their y, rows their top, and the whole
    drawing moves right so that its leftmost point sits at the margin."""
    router = work.router
    assert router is not None
    for _place, _points, anchor, texts, _at in pending.partner:
        if anchor[1][0] == "lane" and len(texts) > 1:  # a bracket's label of two lines
            lane = router.lanes[anchor[1][1]]
            lane.room = max(lane.room, (len(texts) - 1) * LINE_LABEL_SIZE * 1.2)
    nrows = router.rows
    row_top, lane_ys, height = _geometry(work)
    if pending.relation:
        row_top, lane_ys, height = straighten_relations(
            work, pending, (row_top, lane_ys, height), lambda: _geometry(work))
        row_top, lane_ys, height = room_above(pending, (row_top, lane_ys, height),
                                              work.options.top)

    # partnership labels: their text is known before any y is
    labelled: list[tuple[float, float] | None] = []
    for place, _points, _anchor, texts, text_at in pending.partner:
        if text_at is not None and texts and place.index is not None:
            labelled.append((round2(text_at[0]), work.label(place.index)[1]))
        else:
            labelled.append(None)
    margin = work.options.margin
    extent = _extent(work, pending, labelled)
    dx = round(margin - extent[0], 1) if extent is not None else 0.0

    resolve = router.resolve

    def res0(point: RefPoint) -> Point:
        """One point, rounded as a resolved path's points are (not moved)."""
        x, (kind, ref, dy) = point
        return (round2(x), round2(lane_ys[ref] if kind == "lane" else row_top[ref] + dy))

    def mv(q: Point) -> Point:
        return (round2(q[0] + dx), q[1])

    partnerships: list[PartnershipPlace] = []
    for (place, points, anchor, texts, text_at), label_at in zip(pending.partner, labelled,
                                                                   strict=True):
        place.points = resolve(points, row_top, lane_ys, dx)
        place.union = res0(anchor)
        if place.ended is not None:
            place.slashes = [(mv(a), mv(b)) for a, b in _slashes(place)]
        place.union = mv(place.union)
        if text_at is not None and label_at is not None:
            tx, width = label_at
            ty = res0(text_at)[1]
            base = ty - LABEL_LIFT
            x = round2(tx + dx)
            if len(texts) == 1:
                lines = [TextLine(texts[0][0], x, round2(base), texts[0][1])]
            else:
                lines = []
                for t, size in reversed(texts):
                    lines.insert(0, TextLine(t, x, round2(base), size))
                    base -= size * 1.2
            top = lines[0].y - LINE_LABEL_SIZE * 0.8
            bottom = ty - LABEL_LIFT + LINE_LABEL_SIZE * 0.25
            place.labels = lines
            place.label_box = Box(round2(round2(tx - width / 2) + dx), round2(top),
                                  round2(width), round2(bottom - top))
        partnerships.append(place)
    children = []
    for cplace, points in pending.child:
        cplace.points = resolve(points, row_top, lane_ys, dx)
        children.append(cplace)
    spread_child_ends(work, children)
    ends = {(c.child, c.points[-2]): c.points[-1] for c in children if len(c.points) >= 2}
    part_kinds(children)
    twin_bars = []
    for pair, pa, pb in pending.twin:
        a0, a1 = router.resolve(pa, row_top, lane_ys, 0.0)
        b0, b1 = router.resolve(pb, row_top, lane_ys, 0.0)
        twin_bars.append(TwinBar(pair, [_leg(a0, a1, ends.get((pair[0], mv(a0))), mv),
                                        _leg(b0, b1, ends.get((pair[1], mv(b0))), mv)]))
    relations = []
    for rplace, points in pending.relation:
        rplace.points = resolve(points, row_top, lane_ys, dx)
        relations.append(rplace)
    people: dict[str, PersonPlace] = {}
    rows, left, widths, heights, texts_of = (work.st.rows, work.left, work.widths,
                                             work.heights, work.texts)
    half = SYMBOL / 2
    first_line = SYMBOL_TOP + SYMBOL + LABEL_GAP
    drops = work.drops
    for p in work.case.people:
        pid = p.id
        r = rows[pid]
        top = row_top[r]
        x = left[pid]
        w = widths[pid]
        centre = x + w / 2
        cx = round2(centre + dx)
        person_lines: list[TextLine] = []
        base = top + first_line + drops.get(pid, 0.0)
        for text, size in texts_of[pid]:
            base += size * LINE_HEIGHT * 0.85 if not person_lines else size * LINE_HEIGHT
            person_lines.append(TextLine(text, cx, round2(base), size, False))
        people[pid] = PersonPlace(pid, r, Box(round2(x + dx), top, w, heights[pid]),
                                  Box(round2(centre - half + dx), top + SYMBOL_TOP, SYMBOL,
                                      SYMBOL), person_lines)
    width = round(extent[1] + dx + margin, 1) if extent is not None else 2 * margin
    layout = GenogramLayout(width, height, people, partnerships, children, twin_bars,
                            relations, [], [], nrows)
    framed = {m for h in work.case.households for m in h.members}
    part_lines(layout, functools.partial(symbol_half_width, work), framed, close=work.polish)
    if work.polish:
        spread_lines(layout, functools.partial(symbol_half_width, work), framed)
    if layout.relations:  # a large drawing has no last touches, but its ends are spread
        spread_ends(layout, functools.partial(symbol_half_width, work), framed)
    move_dates(layout)
    outline_households(work, layout)
    return layout


def _geometry(work: Work) -> tuple[dict[int, float], list[float], float]:
    """Lanes get their tracks, bands their heights: the top of every row, the y of every
    lane and the height of the drawing."""
    router = work.router
    assert router is not None
    counts = router.assign()
    nrows = router.rows
    heights = work.heights
    row_h = {r: max(map(heights.__getitem__, ids)) for r, ids in work.by_row.items()}
    band_top: dict[int, float] = {}
    row_top: dict[int, float] = {}
    y = work.options.top
    for r in range(nrows + 1):
        band_top[r] = y
        minimum = 8.0 if r == 0 else work.options.margin if r == nrows else MIN_BAND
        y += router.band_height(counts.get(r, {}), minimum, r)
        if r < nrows:
            row_top[r] = y
            y += row_h.get(r, SYMBOL + SYMBOL_TOP)
    return row_top, router.lane_ys(band_top, counts), y


def _leg(top: Point, end: Point, drawn: Point | None,
         mv: Callable[[Point], Point]) -> Point:
    """Where an identical twins' bar meets a twin's leg from ``top`` (the common point) to
    ``end`` (both not yet moved by ``mv``); ``drawn``: the leg's end as drawn, moved, when
    another line into the twin made it arrive off the centre (see
    :func:`.spread_child_ends`)."""
    if drawn is None or drawn == mv(end):
        return mv(_along(top, end, 0.55))
    return _along(mv(top), drawn, 0.55)


def _along(p: Point, q: Point, t: float) -> Point:
    return (round2(p[0] + (q[0] - p[0]) * t), round2(p[1] + (q[1] - p[1]) * t))


def _slashes(place: PartnershipPlace) -> list[tuple[Point, Point]]:
    """One slash for separated, two for divorced, just left of the union point."""
    count = {"separated": 1, "divorced": 2}.get(place.ended or "", 0)
    ux, uy = place.union
    out = []
    for k in range(count):
        x = ux - 8 - 5 * k
        out.append(((round2(x - 2.5), round2(uy + 4.5)),
                    (round2(x + 2.5), round2(uy - 4.5))))
    return out


def _extent(work: Work, pending: Pending,
            labelled: list[tuple[float, float] | None]) -> tuple[float, float] | None:
    """The leftmost and rightmost x of every box, line and line label, before the shift.

    Lines are still symbolic here, but their x values are final: resolving rounds them and
    drops only repeated points and points between two others on a straight run, so a line's
    extreme x values survive (rounded).
    """
    lows: list[float] = []
    highs: list[float] = []
    left, widths = work.left, work.widths
    for p in work.case.people:
        x = left[p.id]
        lows.append(x)
        highs.append(x + widths[p.id])
    paths = [points for _, points, _, _, _ in pending.partner]
    paths += [points for _, points in pending.child]
    paths += [points for _, points in pending.relation]
    # rounding keeps order, so the rounded extreme of all lines is the extreme of each
    # line's rounded extremes: one pass over every point, in C
    xs = list(map(itemgetter(0), chain.from_iterable(paths)))
    if xs:
        lows.append(round2(min(xs)))
        highs.append(round2(max(xs)))
    for at in labelled:
        if at is not None:
            tx, width = at
            bx = round2(tx - width / 2)
            lows.append(bx)
            highs.append(bx + round2(width))
    if not lows:
        return None
    return min(lows), max(highs)
