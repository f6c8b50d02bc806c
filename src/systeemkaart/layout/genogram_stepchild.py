"""A child with more than one set of parents (birth parents and a step or foster parent)
moved to where its lines cross fewest family lines as they are drawn.

The sweeps (:mod:`.genogram_sweep`) count crossings as Graphviz does, line by line. A
stepchild's two lines cross the other union's fan of child lines in every order there (a
step-parent stands beside the co-parent's other union), so the sweep may leave the child
between that union's children. Drawn, a line across a union's children crosses its stem
once, and once more where it drops through that union's sibling bar: so at the end of the
row of siblings nearest the step-parent the child costs one crossing, between them two or
more. :func:`stepchild_order` counts that way for every place of such a child in its row
and returns the order of blocks with each moved to its best place; the caller lays it out
and keeps it only when fewer family lines cross.

Cost: for each moved child (at most :data:`_MOVERS`), its places times the lines between
its row and the one above; bounded by :data:`_BUDGET` line comparisons in all.
"""

from __future__ import annotations

from collections import defaultdict

from .genogram_blocks import Block
from .genogram_places import Work, gap_range

__all__ = ["stepchild_order"]

_MOVERS = 8
_BUDGET = 400_000
"""Line comparisons at most over all moved children, the same on every run."""

_Line = tuple[float, int, str]
"""A line from a union (its x) down to a child (its place in the row), and the union."""


def stepchild_order(work: Work, gaps: list[list[float]],
                    centres: list[float]) -> list[list[int]] | None:
    """The blocks of each row (top row first) left to right as ``centres`` orders them,
    with each block of a child of several parent sets moved to its best place; ``None``
    when no such block moves."""
    st = work.st
    union_x: dict[str, float] = {}
    for u in st.unions:
        lo, hi = gap_range(work, gaps, u.block, u.gap)
        union_x[u.key] = (lo + hi) / 2
    up: dict[str, list[tuple[str, bool]]] = defaultdict(list)  # child -> (union, step?)
    for u in st.unions:
        for child, kind, _ in u.children:
            if st.blocks[u.block].row == st.rows[child] - 1:
                up[child].append((u.key, kind != "biological"))
    rows: dict[int, list[int]] = defaultdict(list)
    for block in st.blocks:
        rows[block.row].append(block.index)
    for ids in rows.values():
        ids.sort(key=centres.__getitem__)
    movers = [b.index for b in st.blocks if any(len(up[p]) > 1 for p in b.persons)][:_MOVERS]
    moved = False
    budget = _BUDGET
    for b in movers:
        row = rows[st.blocks[b].row]
        others = [i for i in row if i != b]
        step = [union_x[key] for p in st.blocks[b].persons for key, s in up[p] if s]
        aim = sum(step) / len(step) if step else centres[b]
        best: tuple[int, float, int] | None = None
        best_at = 0
        now = row.index(b)
        for at in range(len(others) + 1):
            order = [*others[:at], b, *others[at:]]
            lines = _lines(st.blocks, order, up, union_x)
            mine = [ln for ln in lines if ln[1] in _ranks(st.blocks, order, b)]
            budget -= len(mine) * len(lines)
            if budget < 0:
                return _result(rows) if moved else None
            left = centres[others[at - 1]] if at else centres[others[0]] - 1 if others else 0
            right = centres[others[at]] if at < len(others) else left + 1
            key = (_drawn(mine, lines), abs((left + right) / 2 - aim), abs(at - now))
            if best is None or key < best:
                best, best_at = key, at
        if best_at != now:
            rows[st.blocks[b].row] = [*others[:best_at], b, *others[best_at:]]
            moved = True
    return _result(rows) if moved else None


def _result(rows: dict[int, list[int]]) -> list[list[int]]:
    return [list(rows[r]) for r in sorted(rows)]


def _ranks(blocks: list[Block], order: list[int], b: int) -> set[int]:
    start = 0
    for i in order:
        if i == b:
            return set(range(start, start + len(blocks[i].persons)))
        start += len(blocks[i].persons)
    return set()


def _lines(blocks: list[Block], order: list[int],
           up: dict[str, list[tuple[str, bool]]], union_x: dict[str, float]) -> list[_Line]:
    """The lines from the row above down to the people of ``order``, left to right."""
    out: list[_Line] = []
    rank = 0
    for i in order:
        for pid in blocks[i].persons:
            out.extend((union_x[key], rank, key) for key, _ in up.get(pid, ()))
            rank += 1
    return out


def _drawn(mine: list[_Line], lines: list[_Line]) -> int:
    """Crossings of the lines ``mine`` with the other unions' lines as drawn: a union whose
    child lines one of ``mine`` crosses counts once (its stem), and once more when that
    line's child stands inside the span of the union's children (its sibling bar)."""
    spans: dict[str, tuple[int, int]] = {}
    for _, rank, key in lines:
        lo, hi = spans.get(key, (rank, rank))
        spans[key] = (min(lo, rank), max(hi, rank))
    count = 0
    for x, rank, key in mine:
        crossed: set[str] = set()
        for x2, rank2, key2 in lines:
            if key2 != key and (x - x2) * (rank - rank2) < 0:
                crossed.add(key2)
        for key2 in crossed:
            lo, hi = spans[key2]
            count += 1 + (lo < rank < hi)
    return count
