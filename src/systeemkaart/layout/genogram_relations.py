"""Genogram emotional relations: an orthogonal route between any two people's symbols.

Each relation leaves and enters its symbols at its own port, runs in its own lane in the
band between rows and through the corridors between boxes, so it never crosses a box that
is not its end and never runs along another line.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable
from typing import Final

from .genogram_places import MID, Pending, RelationPlace, Taken, Work, cx, row_ref
from .genogram_ports import (
    shared_ports,
    side_away,
    side_port,
    symbol_half_width,
    top_point,
    top_x,
    top_x_or_shared,
)
from .genogram_route import FAMILY_HALF, TEXT_CLEAR, Hold, RefPoint

__all__ = [
    "DRAWN_HALF",
    "add_relation",
    "drawn_half",
    "give_back",
    "hold_again",
    "nest_routes",
    "relation_path",
    "relation_paths",
    "take_again",
]


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
    if pending.side_before is None:
        pending.side_before = dict(work.side_uses)
    paths, taken = relation_paths(work, a, b, drawn_half(rel.kind))
    pending.relation.append((place, paths[0]))
    pending.relation_routes.append(paths)
    pending.relation_taken.append(taken)


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
        xa, xb = top_x_or_shared(work, a, bx, h, text), top_x_or_shared(work, b, ax, h, text)
        lane = router.lane(ra, xa, xb, 1, downs=[xa, xb], half=h)
        return [top_point(work, a, xa), (xa, lane), (xb, lane), top_point(work, b, xb)]
    port = top_x(work, b, ax, _lane_half(half), half is not None)
    return _down(work, a, b, None, port, False, half)


def _lane_half(half: float | None) -> float:
    """What a lane of a line drawing ``half`` either side (``None``: a family line) keeps."""
    return FAMILY_HALF if half is None else half


def relation_paths(work: Work, a: str, b: str, half: float | None = None
                   ) -> tuple[list[list[RefPoint]], list[Taken]]:
    """The ways a relation between ``a`` and ``b`` can be routed, the usual one
    (:func:`relation_path`) first, each with what it took while it was built (see
    :func:`give_back`): between rows, also from the other side of the upper
    symbol (unless a partner stands there), across in the band above the lower person
    instead of the band below the upper one, and into the side of the lower symbol instead
    of its top; in one row, also out of the sides and through the band below the row, and
    round the outside of both above the row where the route over the tops found no port of
    its own left on either top and neither has a child line coming down into it (see
    :func:`_over`), or no port left on one top whose person has more relations with
    someone than stand straight between them, where that way crosses no family line (see
    :func:`_crowded_pair`, :func:`_over_crosses`). The layout keeps the one that crosses
    fewest lines. ``half``: as :func:`relation_path`."""
    rows = work.st.rows
    if rows[a] > rows[b]:
        paths, each = relation_paths(work, b, a, half)
        return [list(reversed(p)) for p in paths], each
    router = work.router
    assert router is not None
    before = dict(work.side_uses)
    used: dict[str, int] = {}

    def record(make: Callable[[], list[RefPoint] | None], shared: Taken | None = None
               ) -> tuple[list[RefPoint] | None, Taken]:
        """One way, with what it takes (and what ``shared`` took for it); the ports on
        each side as they were before this relation: the ways of one relation share a
        port per side, only one of them is drawn."""
        # only the sides this way took a port on (a way only adds ports): a drawing of
        # hundreds of relations has hundreds of sides in use
        for key, n in work.side_uses.items() - before.items():
            used[key] = max(used.get(key, 0), n)
            if key in before:
                work.side_uses[key] = before[key]
            else:
                del work.side_uses[key]
        taken = Taken() if shared is None else Taken(list(shared.holds), list(shared.ports))
        ports = {pid: set(work.top_ports[pid]) for pid in (a, b)}
        router.holds = taken.holds
        path = make()
        router.holds = None
        taken.ports += [(pid, key, half) for pid in (a, b)
                        for key, half in work.top_ports[pid].items() if key not in ports[pid]]
        return path, taken

    out: list[list[RefPoint]] = []
    took: list[Taken] = []

    def keep(path: list[RefPoint] | None, taken: Taken) -> None:
        if path is not None:
            out.append(path)
            took.append(taken)

    if rows[a] == rows[b]:
        shared = [shared_ports(work, pid) for pid in (a, b)]
        keep(*record(functools.partial(relation_path, work, a, b, half)))
        below: tuple[list[RefPoint] | None, Taken] = (None, Taken())
        for outer in (False, True):  # the way round the outside below last
            below = record(functools.partial(_below, work, a, b, outer, half))
            keep(*below)
        ran_out = [shared_ports(work, pid) > n for pid, n in zip((a, b), shared, strict=True)]
        way, below_took = below
        if way is not None and any(ran_out) \
                and not any(_has_parents(work, pid) for pid in (a, b)):
            # no port of its own left on either top: round the outside above, up the
            # corridor slots of the way round below (only one of the two is drawn); with
            # a port left on one top, only where the lines of a pair with more relations
            # than stand straight between them took the other (five between partners, and
            # a line from one of them to a third person) and the way crosses no family line
            slots = (way[1][0], way[-2][0])
            if all(ran_out) or (any(_crowded_pair(work, pid) for pid, out_of in
                                    zip((a, b), ran_out, strict=True) if out_of)
                                and not _over_crosses(work, work.st.rows[a], slots)):
                keep(*record(functools.partial(_over, work, a, b, slots, half),
                             Taken(below_took.holds)))
    else:
        ax, bx = cx(work, a), cx(work, b)
        free = set(work.top_ports[b])
        port = top_x(work, b, ax, _lane_half(half), half is not None)
        port_took = Taken(ports=[(b, key, h) for key, h in work.top_ports[b].items()
                                 if key not in free])
        first = side_away(work, a, 1.0 if bx >= ax else -1.0)
        sides = [first] if -first in work.line_sides.get(a, ()) else [first, -first]
        # not down a corridor too narrow for what the line draws (past a couple's dates)
        sides = [side for side in sides if _roomy(work, a, side, half)] or sides
        for entry in (port, None) if port is not None else (None,):
            for side in sides:  # never out towards a partner, over the years between them
                for late in (False, True) if rows[b] > rows[a] + 1 else (False,):
                    path, taken = record(functools.partial(_down, work, a, b, side, entry,
                                                           late, half),
                                         port_took if entry is not None else None)
                    assert path is not None
                    keep(path, taken)
    record(lambda: None)
    for key, n in used.items():
        work.side_uses[key] = n
    return out, took


def give_back(work: Work, taken: list[Taken], kept: int | None) -> None:
    """Give back what the ways of one relation took (``taken``, per way), all but what
    way ``kept`` took (``None``: every way's): a way not drawn holds no slot in a corridor
    and no port on a top, so the relations routed after it find them free. What two ways
    share (the slots of the ways round below and above the row) is given back once."""
    keep_holds = {id(h) for h in taken[kept].holds} if kept is not None else set()
    keep_ports = set(taken[kept].ports) if kept is not None else set()
    seen: set[int] = set()
    for way in taken:
        holds = [h for h in way.holds if id(h) not in keep_holds and id(h) not in seen]
        seen.update(id(h) for h in holds)
        _free(holds)
        for pid, key, _half in way.ports:
            if (pid, key, _half) not in keep_ports:
                work.top_ports[pid].pop(key, None)


def take_again(work: Work, taken: Taken, but: Taken | None = None) -> None:
    """Take again what one way took (given back before, see :func:`give_back`), but what
    way ``but`` took too (it holds that already)."""
    held = {id(h) for h in but.holds} if but is not None else set()
    hold_again([h for h in taken.holds if id(h) not in held])
    for pid, key, half in taken.ports:
        work.top_ports[pid][key] = half


def _free(holds: list[Hold]) -> None:
    """Take the vertical lines ``holds`` out of the router's sorted lists they were noted
    in: the corridors and bands they took are free for other lines again."""
    for xs, halves, x, half in holds:
        k = bisect.bisect_left(xs, x)
        while k < len(xs) and xs[k] == x and halves[k] != half:
            k += 1
        if k < len(xs) and xs[k] == x:
            del xs[k], halves[k]


def hold_again(holds: list[Hold]) -> None:
    """Note the vertical lines ``holds`` (given back before) in the router's sorted lists
    again."""
    for xs, halves, x, half in holds:
        k = bisect.bisect_left(xs, x)
        xs.insert(k, x)
        halves.insert(k, half)


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
    side, dy = side_port(work, a, bx, side)
    y = row_ref(ra, MID + dy)
    xc = _corridor_x(work, a, side, half)
    path: list[RefPoint] = [(ax + side * symbol_half_width(work, a, dy), y), (xc, y)]
    via = dict.fromkeys(range(ra + 1, rb), xc) if late else None
    if port is not None:
        path += router.through(xc, ra + 1, rb, port, 1, via=via, half=half)
        path.append(top_point(work, b, port))
        return path
    side_b, dy_b = side_port(work, b, xc, down=False)
    xs = _corridor_x(work, b, side_b, half, above=True)
    path += router.through(xc, ra + 1, rb, xs, 1, via=via, half=half)
    yb = row_ref(rb, MID + dy_b)
    path += [(xs, yb), (bx + side_b * symbol_half_width(work, b, dy_b), yb)]
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
        side = side_away(work, pid, -facing if outer else facing)
        if side in work.line_sides.get(pid, ()) or (outer and side == facing) \
                or not _roomy(work, pid, side, half):
            return None
        ends.append((*side_port(work, pid, towards, side), 0.0))
    (sa, dya, _), (sb, dyb, _) = ends
    xa, xb = _corridor_x(work, a, sa, half), _corridor_x(work, b, sb, half)
    lane = router.lane(row + 1, xa, xb, 1, ups=[xa, xb], half=_lane_half(half))
    ya, yb = row_ref(row, MID + dya), row_ref(row, MID + dyb)
    return [(ax + sa * symbol_half_width(work, a, dya), ya), (xa, ya), (xa, lane), (xb, lane),
            (xb, yb), (bx + sb * symbol_half_width(work, b, dyb), yb)]


def _has_parents(work: Work, pid: str) -> bool:
    """True when a child line comes down into ``pid``'s top (a way across the band above
    the row would cross it)."""
    return any(child == pid for u in work.st.unions for child, _kind, _i in u.children)


_STRAIGHT_MOST: Final = 3
"""How many relations between two neighbours stand straight side by side between them;
the others go round the tops and the outside."""


def _crowded_pair(work: Work, pid: str) -> bool:
    """True when ``pid`` has more relations with one other person than
    :data:`_STRAIGHT_MOST`: the ways of those round the tops take its top ports."""
    counts: dict[str, int] = {}
    for relation in work.case.relations:
        if pid in relation.between:
            other = next((x for x in relation.between if x != pid), pid)
            counts[other] = counts.get(other, 0) + 1
    return max(counts.values(), default=0) > _STRAIGHT_MOST


def _over_crosses(work: Work, row: int, slots: tuple[float, float]) -> bool:
    """True when the way round the outside above ``row`` (see :func:`_over`), up the
    corridors at ``slots``, would cross a family line: a child line coming down into
    someone of the row between the slots (the way's lane runs below the sibling bars), or
    the bracket joining two partners over the row where the way comes down beside it
    (the brackets run below the relation lanes of the band)."""
    router = work.router
    assert router is not None
    lo, hi = min(slots), max(slots)
    if any(lo < cx(work, pid) < hi and _has_parents(work, pid)
           for pid in work.by_row.get(row, ())):
        return True
    return any(lane.band == row and lane.cls == 2 and not lane.unused
               and lane.x1 < x < lane.x2 for lane in router.lanes for x in slots)


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
        if side_away(work, pid, away) != away or away in work.line_sides.get(pid, ()) \
                or not _roomy(work, pid, away, half):
            return None
        ends.append(side_port(work, pid, towards, away, down=False))
    (sa, dya), (sb, dyb) = ends
    xa, xb = slots
    lane = router.lane(row, xa, xb, 1, downs=[xa, xb], half=_lane_half(half))
    ya, yb = row_ref(row, MID + dya), row_ref(row, MID + dyb)
    return [(ax + sa * symbol_half_width(work, a, dya), ya), (xa, ya), (xa, lane), (xb, lane),
            (xb, yb), (bx + sb * symbol_half_width(work, b, dyb), yb)]


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
