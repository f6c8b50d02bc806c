"""Genogram emotional relations: an orthogonal route between any two people's symbols.

Each relation leaves and enters its symbols at its own port, runs in its own lane in the
band between rows and through the corridors between boxes, so it never crosses a box that
is not its end and never runs along another line.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Callable, Sequence
from typing import Final

from .genogram_places import MID, SYMBOL, SYMBOL_TOP, Pending, RelationPlace, Work, cx, row_ref
from .genogram_route import FAMILY_HALF, TEXT_CLEAR, RefPoint

__all__ = ["DRAWN_HALF", "add_relation", "drawn_half", "nest_routes", "relation_path",
           "relation_paths", "repack_side_ports", "side_point", "symbol_half_width",
           "top_offsets", "top_point",
           "top_x"]


DRAWN_HALF: Final[dict[str, float]] = {
    "close": 1.9,  # two strokes 1.2 wide, 2.6 apart
    "fused": 3.2,  # three strokes 1.2 wide, 2.6 apart
    "distant": 0.7,
    "conflict": 3.7,  # a zigzag 3 either side, stroke 1.4
    "hostile": 4.1,  # a zigzag 3 either side, stroke 2.2
    "close_hostile": 4.6,  # a zigzag 4 either side over two strokes, stroke 1.2
    "cutoff": 5.7,  # two bars 5 either side, stroke 1.4
    "abuse": 3.7,  # a zigzag with an arrowhead at its end
    "neglect": 0.7,
    "caregiving": 0.7,
}
"""How far each kind of emotional line draws either side of its centre line (as the
painter draws it, see ``render.styles``): lanes and slots keep what is drawn apart."""


def drawn_half(kind: str) -> float:
    """Half the width of what an emotional line of ``kind`` draws (a plain line's for a
    kind not in :data:`DRAWN_HALF`)."""
    return DRAWN_HALF.get(kind, FAMILY_HALF)


_PORT_STEP: Final = 6.5
"""Distance between two ports on one side of a symbol (and from the middle)."""
_TOP_PORTS: Final = (8.5, 15.0)
"""Offsets from the centre line of the ports on a symbol's top: the child line arrives at
the centre; a line that draws wider leaves further out (see :func:`top_x`)."""
_PORT_APART: Final = 4.5
"""Two lines leaving one side of a symbol closer than about this would lie on each other
along the way out to their corridor (:func:`.lines_on_lines` counts 4)."""
_SHARED: Final = 1000.0
"""Where the keys of shared top ports begin in :attr:`.Work.top_ports` (see
:func:`_top_x`): far from any offset, so they are never near a port."""
PORT_CLEAR: Final = 5.0
"""Clear space between what two lines leaving one symbol's top draw (and between a line's
drawing and the child line arriving at the centre): they part within a few units."""


def add_relation(work: Work, index: int, pending: Pending) -> None:
    """Route relation ``index`` (between two people) and keep it for resolving, with the
    other ways it could go (see :func:`relation_paths`)."""
    rel = work.case.relations[index]
    a, b = rel.between
    router = work.router
    assert router is not None
    if router.texts is None:
        _note_texts(work, pending)
    place = RelationPlace(index, (a, b), rel.kind, [])
    paths = relation_paths(work, a, b, drawn_half(rel.kind))
    pending.relation.append((place, paths[0]))
    pending.relation_routes.append(paths)


def _note_texts(work: Work, pending: Pending) -> None:
    """Tell the router where the dates over partnership brackets stand in the bands (see
    :attr:`.Router.texts`): relations coming down past them keep clear of them."""
    router = work.router
    assert router is not None
    texts: list[tuple[int, float, float]] = []
    for place, _points, _anchor, lines, text_at in pending.partner:
        if text_at is None or not lines or place.index is None or text_at[1][0] != "lane":
            continue
        width = work.label(place.index)[1]
        band = router.lanes[text_at[1][1]].band
        texts.append((band, text_at[0] - width / 2, text_at[0] + width / 2))
    router.note_texts(texts)


def _half_width(work: Work, pid: str, d: float) -> float:
    """Half the width of ``pid``'s symbol at distance ``d`` from its centre line, so that
    a line ends on the outline itself (a circle or a diamond is narrower off-centre)."""
    r = SYMBOL / 2
    p = work.person[pid]
    d = min(abs(d), r)
    if p.never_lived or p.pregnancy:
        return 0.0
    if p.sex == "female":
        return math.sqrt(r * r - d * d)
    if p.sex == "other":
        return r - d
    return r


def symbol_half_width(work: Work, pid: str, d: float) -> float:
    """Half the width of ``pid``'s symbol at ``d`` from its centre line (where a line
    out of its side at that height meets the outline); public for the last pass that
    moves ports (:mod:`.genogram_part`)."""
    return _half_width(work, pid, d)


def top_offsets(work: Work, pid: str, half: float, towards: float | None = None
                ) -> list[float]:
    """The offsets from the centre line of the ports on ``pid``'s top that a line drawing
    ``half`` either side may leave by (clear of the child line arriving at the centre),
    those on the side towards ``towards`` first (the right when ``None``)."""
    sign = 1.0 if towards is None or towards >= cx(work, pid) else -1.0
    near = max(_TOP_PORTS[0], FAMILY_HALF + half + PORT_CLEAR)
    far = _TOP_PORTS[1]
    return [sign * near, sign * far, -sign * near, -sign * far] if far > near \
        else [sign * near, -sign * near]


def _under_text(work: Work, pid: str, x: float, half: float) -> bool:
    """True when a line drawing ``half`` either side, coming down at ``x`` from a relation
    lane of the band above ``pid``'s row, passes within ``TEXT_CLEAR`` of the dates written
    over a partnership bracket there."""
    router = work.router
    assert router is not None
    return router.near_text(work.st.rows[pid], x, half + TEXT_CLEAR)


def top_x(work: Work, pid: str, towards: float, half: float = FAMILY_HALF,
          text: bool = False) -> float | None:
    """Where a line drawing ``half`` either side leaves the top of a symbol: a port of its
    own, off the centre (where the child line arrives), on the side it heads to when one
    is free there; ``None`` when no port is left whose drawing keeps ``PORT_CLEAR`` from
    the child line's and from the other lines' there (with ``text``, an emotional line
    coming down from a relation lane, nor one clear of the dates written above the row,
    see :func:`_under_text`)."""
    used = work.top_ports[pid]
    offset = next((c for c in top_offsets(work, pid, half, towards)
                   if all(abs(c - o) - h - half >= PORT_CLEAR - 1e-9 for o, h in used.items())
                   and not (text and _under_text(work, pid, cx(work, pid) + c, half))),
                  None)
    if offset is None:
        return None
    used[offset] = half
    return cx(work, pid) + offset


def _top_x(work: Work, pid: str, towards: float, half: float = FAMILY_HALF,
           text: bool = False) -> float:
    """As :func:`top_x` (one under the dates written above the row when none is clear of
    them), sharing a port once all are taken (people with very many lines)."""
    x = top_x(work, pid, towards, half, text)
    if x is None and text:
        x = top_x(work, pid, towards, half)
    if x is None:
        k = len(work.top_ports[pid])
        work.top_ports[pid][_SHARED + k] = 0.0  # counted, never near a port
        x = cx(work, pid) + (1 if k % 2 else -1) * (_TOP_PORTS[0] + _TOP_PORTS[1]) / 2
    return x


def _side_port(work: Work, pid: str, towards: float,
               side: float | None = None, down: bool = True) -> tuple[float, float]:
    """A port on the side of ``pid``'s symbol (``side``, else away from partners when it
    can): ``(side, dy below the middle)``. Each further line on a side takes the next
    corridor slot out, so it leaves higher when it goes ``down`` from the port and enters
    lower when it comes down to it: the lines on one side nest instead of crossing."""
    if side is None:
        side = _side_away(work, pid, 1.0 if towards >= cx(work, pid) else -1.0)
    key = f"{pid}{side}"
    block = work.st.blocks[work.st.block_of[pid]]
    at = work.st.position[pid] + (1 if side > 0 else -1)
    free = not 0 <= at < len(block.persons)  # no partner on this side: below mid too
    # a partner's years stand below mid
    steps = ((2, 1, -1, -2) if down else (1, 2, -1, -2)) if free else (-1, -2, 1)
    taken = work.side_lines.get(key, [])
    limit = SYMBOL / 2 - 2
    for _ in range(8):  # clear of a single parent's line leaving the same side
        k = work.side_uses[key]
        work.side_uses[key] += 1
        dy = _PORT_STEP * steps[k % len(steps)] + (k // len(steps)) * 2.0
        dy = max(min(dy, limit), -limit)
        if all(abs(dy - t) >= 4.0 for t in taken):
            break
    return side, dy


def _side_dys(work: Work, pid: str, side: float, n: int) -> list[float]:
    """The first ``n`` heights below the middle that :func:`_side_port` gives out on
    ``side`` of ``pid``'s symbol (lines leaving downwards), lowest first."""
    key = f"{pid}{side}"
    block = work.st.blocks[work.st.block_of[pid]]
    at = work.st.position[pid] + (1 if side > 0 else -1)
    steps = (2, 1, -1, -2) if not 0 <= at < len(block.persons) else (-1, -2, 1)
    taken = work.side_lines.get(key, [])
    limit = SYMBOL / 2 - 2
    out: list[float] = []
    k = 0
    while len(out) < n:
        dy = _PORT_STEP * steps[k % len(steps)] + (k // len(steps)) * 2.0
        dy = max(min(dy, limit), -limit)
        k += 1
        if k > 8 * n or all(abs(dy - t) >= 4.0 for t in taken):
            out.append(dy)
    out.sort()
    if n < 2 or all(b - a >= _PORT_APART for a, b in itertools.pairwise(out)):
        return out
    # more lines than the steps give ports for: spread them evenly over the side instead
    # (from the top down to the partner's years, or to the bottom on a free side), so no
    # two leave within _PORT_APART of each other and run out side by side
    lo, hi = -limit, (limit if steps[0] == 2 else _PORT_STEP)
    pitch = (hi - lo) / (n - 1)
    even = [round(lo + pitch * k, 2) for k in range(n)]
    if pitch >= _PORT_APART and all(abs(dy - t) >= 4.0 for dy in even for t in taken):
        return even
    return out


def repack_side_ports(work: Work, drawn: list[tuple[tuple[str, str], list[RefPoint]]],
                      halves: Sequence[float] = ()) -> list[list[RefPoint]]:
    """The routes ``drawn`` (each with the two people it joins), their side ports given
    out anew where two of them end closer than 4 units on one side: each way considered
    took a port on every side it could leave by, so on a busy side the ports ran out. On
    such a side the routes drawn take the first ports in turn, in the order of their
    heights, so lines that nested still nest. With ``halves`` (per route, half the width
    of what it draws), ports whose lines would draw closer than ``PORT_CLEAR`` are moved
    apart too, in the same order, where the side has room for that (see
    :func:`_spread`)."""
    found: dict[tuple[str, float], list[tuple[float, int, bool]]] = {}
    for n, ((a, b), path) in enumerate(drawn):
        for pid, first in ((a, True), (b, False)):
            (x0, y0), (x1, y1) = (path[0], path[1]) if first else (path[-1], path[-2])
            if len(path) < 4 or y0 != y1 or y0[0] != "row" or x0 == x1:
                continue  # not out of a side
            side = 1.0 if x1 > x0 else -1.0
            found.setdefault((pid, side), []).append((y0[2] - MID, n, first))
    out = [list(path) for _ends, path in drawn]
    for (pid, side), ends in found.items():
        ends.sort()
        dys: list[float] | None = None
        if halves:
            dys = _spread(work, pid, side, [(dy, halves[n]) for dy, n, _first in ends])
        if dys is None:
            if all(q[0] - p[0] >= 4.0 for p, q in itertools.pairwise(ends)):
                continue  # apart enough already: keep them where they were chosen
            dys = _side_dys(work, pid, side, len(ends))
        for dy, (_old, n, first) in zip(dys, ends, strict=True):
            path = out[n]
            i, j = (0, 1) if first else (-1, -2)
            y = row_ref(work.st.rows[pid], MID + dy)
            path[i] = (cx(work, pid) + side * _half_width(work, pid, dy), y)
            path[j] = (path[j][0], y)
    return out


def _spread(work: Work, pid: str, side: float, ends: list[tuple[float, float]]
            ) -> list[float] | None:
    """New heights below the middle for the line ends ``ends`` (height, half the width of
    what the line draws; sorted by height) on ``side`` of ``pid``'s symbol, in the same
    order, each pair ``PORT_CLEAR`` apart by what they draw, as near their mean height as
    the side allows; ``None`` when they are apart enough already, or the side has no
    room for that (or a single parent's line leaving there would be met)."""
    need = [max(4.0, a[1] + b[1] + PORT_CLEAR) for a, b in itertools.pairwise(ends)]
    if all(q[0] - p[0] >= gap - 1e-9 for (p, q), gap in zip(itertools.pairwise(ends), need,
                                                              strict=True)):
        return None
    limit = SYMBOL / 2 - 2
    total = sum(need)
    if total > 2 * limit:
        return None
    mean = sum(dy for dy, _half in ends) / len(ends)
    start = min(max(mean - total / 2, -limit), limit - total)
    out = [start]
    for gap in need:
        out.append(out[-1] + gap)
    taken = work.side_lines.get(f"{pid}{side}", [])
    if any(abs(dy - t) < 4.0 for dy in out for t in taken):
        return None
    return out


def side_point(work: Work, pid: str, side: float, dy: float) -> RefPoint:
    """The point of ``pid``'s outline on ``side`` (+1 right, -1 left), ``dy`` below the
    middle of the symbol (a port there)."""
    return (cx(work, pid) + side * _half_width(work, pid, dy),
            row_ref(work.st.rows[pid], MID + dy))


def _corridor_x(work: Work, pid: str, side: float, half: float | None = None,
                above: bool = False) -> float:
    """A free x in the corridor on ``side`` of ``pid``'s box (``half``, ``above``: see
    :meth:`.Router.slot`)."""
    router = work.router
    assert router is not None
    row = work.st.rows[pid]
    edge = work.left[pid] + (work.widths[pid] if side > 0 else 0.0)
    return router.slot(row, edge + side * 6.0, router.corridor(row, edge + side * 0.5), half,
                       above)


def _roomy(work: Work, pid: str, side: float, half: float | None) -> bool:
    """True when the corridor on ``side`` of ``pid``'s box is wide enough for a line
    drawing ``half`` either side to keep :data:`~.genogram_route.TEXT_CLEAR` from both
    its edges (always for a family line, ``half`` ``None``)."""
    if half is None:
        return True
    router = work.router
    assert router is not None
    row = work.st.rows[pid]
    edge = work.left[pid] + (work.widths[pid] if side > 0 else 0.0)
    lo, hi = router.bounds(row, router.corridor(row, edge + side * 0.5))
    return hi - lo >= 2 * (half + TEXT_CLEAR)


def top_point(work: Work, pid: str, x: float) -> RefPoint:
    """The point of ``pid``'s outline straight below ``x`` on its top (a port there)."""
    r = SYMBOL / 2
    depth = r - _half_width(work, pid, x - cx(work, pid))
    return (x, row_ref(work.st.rows[pid], SYMBOL_TOP + depth))


def _side_away(work: Work, pid: str, side: float) -> float:
    """``side`` (+1 right, -1 left), unless a partner stands there and not on the other
    side: a relation never runs beside a partner line."""
    block = work.st.blocks[work.st.block_of[pid]]
    k = work.st.position[pid]
    right = k + 1 < len(block.persons)
    left = k > 0
    if side > 0 and right and not left:
        return -1.0
    if side < 0 and left and not right:
        return 1.0
    return side


def relation_path(work: Work, a: str, b: str, half: float | None = None) -> list[RefPoint]:
    """An orthogonal path from person ``a``'s symbol to person ``b``'s symbol.

    Between people of one row (partners and siblings too) the line goes up from the tops
    into a lane of its own in the band above, never along a partner line; from a person to
    someone lower it leaves the side (the one away from the partners when it can), takes a
    corridor down and enters the other symbol from the top. ``half``: half the width of
    what an emotional line draws (``None``: a family line), so lanes and slots keep the
    drawings apart (see :meth:`.Router.slot`).
    """
    router = work.router
    assert router is not None
    rows = work.st.rows
    ra, rb = rows[a], rows[b]
    if ra > rb:
        return list(reversed(relation_path(work, b, a, half)))
    ax, bx = cx(work, a), cx(work, b)
    if ra == rb:
        h, text = _lane_half(half), half is not None
        xa, xb = _top_x(work, a, bx, h, text), _top_x(work, b, ax, h, text)
        lane = router.lane(ra, xa, xb, 1, downs=[xa, xb], half=h)
        return [top_point(work, a, xa), (xa, lane), (xb, lane), top_point(work, b, xb)]
    port = top_x(work, b, ax, _lane_half(half), half is not None)
    return _down(work, a, b, None, port, False, half)


def _lane_half(half: float | None) -> float:
    """What a lane of a line drawing ``half`` either side (``None``: a family line) keeps."""
    return FAMILY_HALF if half is None else half


def relation_paths(work: Work, a: str, b: str, half: float | None = None
                   ) -> list[list[RefPoint]]:
    """The ways a relation between ``a`` and ``b`` can be routed, the usual one
    (:func:`relation_path`) first: between rows, also from the other side of the upper
    symbol (unless a partner stands there), across in the band above the lower person
    instead of the band below the upper one, and into the side of the lower symbol instead
    of its top; in one row, also out of the sides and through the band below the row, and
    round the outside of both above the row where the route over the tops found no port of
    its own left on either top and neither has a child line coming down into it (see
    :func:`_over`). The layout keeps the one that crosses
    fewest lines. ``half``: as :func:`relation_path`."""
    rows = work.st.rows
    if rows[a] > rows[b]:
        return [list(reversed(p)) for p in relation_paths(work, b, a, half)]
    before = dict(work.side_uses)
    used: dict[str, int] = {}

    def build(make: Callable[[], list[RefPoint] | None]) -> list[RefPoint] | None:
        """One way, with the side ports as they were before this relation: the ways of
        one relation share a port per side, only one of them is drawn."""
        for key in list(work.side_uses):
            if key in before:
                used[key] = max(used.get(key, 0), work.side_uses[key])
                work.side_uses[key] = before[key]
            else:
                used[key] = max(used.get(key, 0), work.side_uses.pop(key))
        return make()

    out: list[list[RefPoint]] = []
    if rows[a] == rows[b]:
        shared = [_shared_ports(work, pid) for pid in (a, b)]
        out.append(relation_path(work, a, b, half))
        below: list[RefPoint] | None = None
        for outer in (False, True):
            below = build(functools.partial(_below, work, a, b, outer, half))
            if below is not None:
                out.append(below)
        if below is not None and all(_shared_ports(work, pid) > n
                                     and not _has_parents(work, pid)
                                     for pid, n in zip((a, b), shared, strict=True)):
            # no port of its own left on either top: round the outside above, up the
            # corridor slots of the way round below (only one of the two is drawn)
            over = build(functools.partial(_over, work, a, b, (below[1][0], below[-2][0]),
                                           half))
            if over is not None:
                out.append(over)
    else:
        ax, bx = cx(work, a), cx(work, b)
        port = top_x(work, b, ax, _lane_half(half), half is not None)
        first = _side_away(work, a, 1.0 if bx >= ax else -1.0)
        sides = [first] if -first in work.line_sides.get(a, ()) else [first, -first]
        # not down a corridor too narrow for what the line draws (past a couple's dates)
        sides = [side for side in sides if _roomy(work, a, side, half)] or sides
        for entry in (port, None) if port is not None else (None,):
            for side in sides:  # never out towards a partner, over the years between them
                for late in (False, True) if rows[b] > rows[a] + 1 else (False,):
                    path = build(functools.partial(_down, work, a, b, side, entry, late,
                                                   half))
                    assert path is not None
                    out.append(path)
    build(lambda: None)
    for key, n in used.items():
        work.side_uses[key] = n
    return out


def _down(work: Work, a: str, b: str, side: float | None, port: float | None,
          late: bool, half: float | None = None) -> list[RefPoint]:
    """From ``a``'s side into the corridor beside it, down, into ``b``'s top at ``port``
    (from the side when ``port`` is ``None``: all of ``b``'s top ports are taken). With
    ``late``, the line goes down beside ``a`` and across in the band above ``b``.
    ``half``: as :func:`relation_path`."""
    router = work.router
    assert router is not None
    rows = work.st.rows
    ra, rb = rows[a], rows[b]
    ax, bx = cx(work, a), cx(work, b)
    side, dy = _side_port(work, a, bx, side)
    y = row_ref(ra, MID + dy)
    xc = _corridor_x(work, a, side, half)
    path: list[RefPoint] = [(ax + side * _half_width(work, a, dy), y), (xc, y)]
    via = dict.fromkeys(range(ra + 1, rb), xc) if late else None
    if port is not None:
        path += router.through(xc, ra + 1, rb, port, 1, via=via, half=half)
        path.append(top_point(work, b, port))
        return path
    side_b, dy_b = _side_port(work, b, xc, down=False)
    xs = _corridor_x(work, b, side_b, half, above=True)
    path += router.through(xc, ra + 1, rb, xs, 1, via=via, half=half)
    yb = row_ref(rb, MID + dy_b)
    path += [(xs, yb), (bx + side_b * _half_width(work, b, dy_b), yb)]
    return path


def _below(work: Work, a: str, b: str, outer: bool = False, half: float | None = None
           ) -> list[RefPoint] | None:
    """Between two people of one row: out of the side of each symbol facing the other (or
    the one away from a partner), down the corridor beside the box (past the name) and
    across in the band below the row. Beside the lowest row that band holds no line at
    all. With ``outer``, out of the sides facing away from each other instead (round the
    outside of both: between neighbours with many relations, the gap between them holds
    the straight lines). ``None`` when a partner line hangs from a side it would leave, or
    (``outer``) when a partner stands on an outer side. ``half``: as :func:`relation_path`."""
    router = work.router
    assert router is not None
    row = work.st.rows[a]
    ax, bx = cx(work, a), cx(work, b)
    ends: list[tuple[float, float, float]] = []  # (side, dy, corridor x) per end
    for pid, towards in ((a, bx), (b, ax)):
        facing = 1.0 if towards >= cx(work, pid) else -1.0
        side = _side_away(work, pid, -facing if outer else facing)
        if side in work.line_sides.get(pid, ()) or (outer and side == facing) \
                or not _roomy(work, pid, side, half):
            return None
        ends.append((*_side_port(work, pid, towards, side), 0.0))
    (sa, dya, _), (sb, dyb, _) = ends
    xa, xb = _corridor_x(work, a, sa, half), _corridor_x(work, b, sb, half)
    lane = router.lane(row + 1, xa, xb, 1, ups=[xa, xb], half=_lane_half(half))
    ya, yb = row_ref(row, MID + dya), row_ref(row, MID + dyb)
    return [(ax + sa * _half_width(work, a, dya), ya), (xa, ya), (xa, lane), (xb, lane),
            (xb, yb), (bx + sb * _half_width(work, b, dyb), yb)]


def _shared_ports(work: Work, pid: str) -> int:
    """How many lines share a port on ``pid``'s top (see :func:`_top_x`)."""
    return sum(1 for port in work.top_ports[pid] if port >= _SHARED)


def _has_parents(work: Work, pid: str) -> bool:
    """True when a child line comes down into ``pid``'s top (a way across the band above
    the row would cross it)."""
    return any(child == pid for u in work.st.unions for child, _kind, _i in u.children)


def _over(work: Work, a: str, b: str, slots: tuple[float, float],
          half: float | None = None) -> list[RefPoint] | None:
    """Between two people of one row: out of the sides of both symbols facing away from
    each other, up the corridor beside each box and across in a lane of the band above the
    row, round the outside of both and of everything between them. Where many relations
    join one pair, the ports on both tops run out: the lines over the tops and through
    the gap between them take what those hold, and this way nests outside them instead
    of going round below the row, across the lines hanging there (offered only then, and
    only where no child line comes down into either symbol, which it would cross: with a
    port left on one top, a line in the band above mostly has a way that crosses less
    once the lanes not taken are freed). ``None`` when a partner
    stands on an outer side or a partner line hangs from it. ``half``: as
    :func:`relation_path`; ``slots``: the x of the way up beside each box (those of the
    way round below the row, which leaves by the same sides, see :func:`_below`)."""
    router = work.router
    assert router is not None
    row = work.st.rows[a]
    ax, bx = cx(work, a), cx(work, b)
    ends: list[tuple[float, float]] = []  # (side, dy) per end
    for pid, towards in ((a, bx), (b, ax)):
        away = -1.0 if towards >= cx(work, pid) else 1.0
        if _side_away(work, pid, away) != away or away in work.line_sides.get(pid, ()) \
                or not _roomy(work, pid, away, half):
            return None
        ends.append(_side_port(work, pid, towards, away, down=False))
    (sa, dya), (sb, dyb) = ends
    xa, xb = slots
    lane = router.lane(row, xa, xb, 1, downs=[xa, xb], half=_lane_half(half))
    ya, yb = row_ref(row, MID + dya), row_ref(row, MID + dyb)
    return [(ax + sa * _half_width(work, a, dya), ya), (xa, ya), (xa, lane), (xb, lane),
            (xb, yb), (bx + sb * _half_width(work, b, dyb), yb)]


def nest_routes(work: Work, relations: list[tuple[RelationPlace, list[RefPoint]]],
                lane_ys: list[float]) -> None:
    """Let the routes over the top between one pair of people in one row nest: the one in
    the highest lane leaves from the outermost ports. The ports were given out in the
    order the relations came, the lanes in another, so two such lines could cross twice
    where one ran up through the other's lane. The ends are swapped between the lines (a
    port stays where it was, on its person), each line keeps its lane and its direction."""
    groups: dict[frozenset[str], list[tuple[int, bool]]] = {}
    for k, (place, path) in enumerate(relations):
        a, b = place.between
        if len(path) != 4 or work.st.rows[a] != work.st.rows[b]:
            continue
        (xa, ya), (_x1, l1), (_x2, l2), (xb, yb) = path
        if l1[0] != "lane" or l1 != l2 or ya[0] != "row" or yb[0] != "row":
            continue
        groups.setdefault(frozenset(place.between), []).append((k, xa < xb))
    for members in groups.values():
        if len(members) < 2:
            continue
        ends = [(relations[k][1][0], relations[k][1][3]) if left_first
                else (relations[k][1][3], relations[k][1][0]) for k, left_first in members]
        lefts = sorted((left for left, _right in ends), key=lambda p: p[0])
        rights = sorted((right for _left, right in ends), key=lambda p: -p[0])
        order = sorted(members, key=lambda m: lane_ys[relations[m[0]][1][1][1][1]])
        for (k, left_first), left, right in zip(order, lefts, rights, strict=True):
            lane = relations[k][1][1][1]
            path = [left, (left[0], lane), (right[0], lane), right]
            relations[k] = (relations[k][0], path if left_first else path[::-1])
