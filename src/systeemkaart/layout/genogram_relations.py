"""Genogram emotional relations: an orthogonal route between any two people's symbols.

Each relation leaves and enters its symbols at its own port, runs in its own lane in the
band between rows and through the corridors between boxes, so it never crosses a box that
is not its end and never runs along another line.
"""

from __future__ import annotations

from .genogram_places import MID, SYMBOL, SYMBOL_TOP, Pending, RelationPlace, Work, cx, row_ref
from .genogram_route import RefPoint

__all__ = ["add_relation", "relation_path", "top_x"]


def add_relation(work: Work, index: int, pending: Pending) -> None:
    rel = work.case.relations[index]
    a, b = rel.between
    place = RelationPlace(index, (a, b), rel.kind, [])
    pending.relation.append((place, relation_path(work, a, b)))


def top_x(work: Work, pid: str, towards: float) -> float:
    """Where a line leaves the top of a symbol: off-centre (the centre is the child line)."""
    k = work.top_uses[pid]
    work.top_uses[pid] += 1
    sign = 1.0 if towards >= cx(work, pid) else -1.0
    offset = (0.38, 0.12, 0.25)[k % 3] * SYMBOL / 2 * 2
    if k >= 3:
        sign = -sign
    return cx(work, pid) + sign * min(offset, SYMBOL / 2 - 2)


def relation_path(work: Work, a: str, b: str) -> list[RefPoint]:
    """An orthogonal path from person ``a``'s symbol to person ``b``'s symbol."""
    router = work.router
    assert router is not None
    rows = work.st.rows
    ra, rb = rows[a], rows[b]
    if ra > rb:
        return list(reversed(relation_path(work, b, a)))
    ax, bx = cx(work, a), cx(work, b)
    if ra == rb:
        if abs(work.row_order[a] - work.row_order[b]) == 1:
            key = min(a, b) + "|" + max(a, b)
            k = work.side_uses[key]
            work.side_uses[key] += 1
            y = row_ref(ra, MID + SYMBOL * (0.2 + 0.13 * (k % 2)) * (1 if k < 2 else -1))
            sa = SYMBOL / 2 if bx > ax else -SYMBOL / 2
            return [(ax + sa, y), (bx - sa, y)]
        xa, xb = top_x(work, a, bx), top_x(work, b, ax)
        lane = router.lane(ra, xa, xb, 1)
        top = row_ref(ra, SYMBOL_TOP)
        return [(xa, top), (xa, lane), (xb, lane), (xb, top)]
    # a above b: leave a's side into the corridor beside it, go down, enter b from the top
    side = 1.0 if bx >= ax else -1.0
    k = work.side_uses[a]
    work.side_uses[a] += 1
    y = row_ref(ra, MID + SYMBOL * (0.18 + 0.1 * (k % 3)))
    edge = work.left[a] + (work.widths[a] if side > 0 else 0.0)
    corridor = router.corridor(ra, edge + side * 0.5)
    xc = router.slot(ra, edge + side * 6.0, corridor)
    xb = top_x(work, b, ax)
    path: list[RefPoint] = [(ax + side * SYMBOL / 2, y), (xc, y)]
    path += router.through(xc, ra + 1, rb, xb, 1)
    path.append((xb, row_ref(rb, SYMBOL_TOP)))
    return path


