"""A second order of the blocks in each row, by barycentre sweeps and transposition that
know where on a block each line leaves and arrives.

Graphviz orders the blocks (see :mod:`.genogram_dot`) by the same method, but a block of
partners is one wide node to it, and on a tree whose married-in families stand beside a
long line of siblings it can stop at an order where those families' lines run through the
siblings' bar. :func:`sweep_order` starts from the order Graphviz gave, moves blocks towards
the mean place of the unions and children they are linked to (down the rows and up again),
swaps neighbours where fewer lines cross, and returns the order with the fewest crossings
it saw, counted as Graphviz counts them: a line from a union's gap to a child's place, a
point on every row a line passes. Blocks that no line favours keep their place, and
siblings of one union stand eldest left unless moving them saves a crossing. The caller
lays the rows out in that order and keeps whichever layout crosses less.

Cost: per sweep, sorting each row and counting crossings between neighbouring rows
(``O(E log E)`` for ``E`` lines between two rows); transposition recounts only the two row
pairs a swap touches. Used only below :data:`~.genogram_dot.LARGE` blocks.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from .genogram_blocks import Structure

__all__ = ["sweep_order"]

_ROUNDS = 6
_BUDGET = 1_500_000
"""Lines counted at most while trying whole-family moves: a bound on their cost in a
large drawing (about a second), the same on every run."""
"""Down-and-up sweeps after the start (each followed by transposition)."""


@dataclass(slots=True)
class _Node:
    """A block, or a point where a line passes a row (``block`` -1)."""

    block: int
    width: int
    eldest: tuple[int, int] = (1 << 30, 0)
    """(union number, birth rank) of the earliest link into the node from above."""
    turned: bool = False
    """The block is turned round (its people right to left)."""

    def port(self, at: float) -> float:
        """Where port ``at`` (slots from the unturned left end) is now."""
        return self.width - 1 - at if self.turned else at


@dataclass(slots=True)
class _Edge:
    """A line between two neighbouring rows: from a port of an upper node to one of a
    lower node (ports in slots from the node's left end)."""

    top: int
    top_port: float
    bottom: int
    bottom_port: float


@dataclass
class _Graph:
    nodes: list[_Node] = field(default_factory=list)
    rows: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    down: dict[int, list[_Edge]] = field(default_factory=lambda: defaultdict(list))
    """Edges from row ``r`` to row ``r + 1``, keyed by ``r``."""
    below: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    """The lower ends of each node's lines."""
    work: int = 0
    """Lines counted so far by the whole-family moves (see :data:`_BUDGET`)."""

    def down_of(self, node: int) -> list[int]:
        """The lower ends of ``node``'s lines."""
        return self.below.get(node, [])


def sweep_order(st: Structure, centres: list[float]) -> tuple[list[list[int]], list[int]]:
    """The blocks of each row (top row first) left to right in the order with fewest
    crossings found, starting from the order of ``centres`` (block centre x), and the
    blocks to turn round."""
    g, start = _graph(st, centres)
    order = {r: sorted(ids, key=start.__getitem__) for r, ids in g.rows.items()}
    rows = sorted(order)
    best = _total(g, order, rows)
    for _ in range(2):
        before = best
        if best:
            best = _move_sides(g, order, rows, start, best)
        if best == before:
            break
    best_order = {r: list(ids) for r, ids in order.items()}
    best_turned = [n.turned for n in g.nodes]
    for _ in range(_ROUNDS):
        if best == 0:
            break
        for r in rows[1:]:
            _sort_row(g, order, r, up=True)
        _transpose(g, order, rows)
        for r in reversed(rows[:-1]):
            _sort_row(g, order, r, up=False)
        _transpose(g, order, rows)
        now = _total(g, order, rows)
        if now < best:
            best, best_order = now, {r: list(ids) for r, ids in order.items()}
            best_turned = [n.turned for n in g.nodes]
    blocks = [[g.nodes[n].block for n in best_order[r] if g.nodes[n].block >= 0] for r in rows]
    turned = [g.nodes[n].block for n in range(len(g.nodes))
              if best_turned[n] and g.nodes[n].block >= 0]
    return blocks, turned


def _graph(st: Structure, centres: list[float]) -> tuple[_Graph, dict[int, float]]:
    """The rows as nodes and lines, and each node's starting x."""
    g = _Graph()
    start: dict[int, float] = {}
    for block in st.blocks:
        g.nodes.append(_Node(block.index, len(block.persons)))
        g.rows[block.row].append(block.index)
        start[block.index] = centres[block.index]
    for number, u in enumerate(st.unions):
        row = st.blocks[u.block].row
        ux = centres[u.block]
        for rank, (child, _, _) in enumerate(u.children):
            cb = st.block_of[child]
            crow = st.blocks[cb].row
            if crow <= row:
                continue
            node = g.nodes[cb]
            node.eldest = min(node.eldest, (number, rank))
            top, port = u.block, u.gap - 0.5
            for r in range(row + 1, crow):  # a point on each row the line passes
                point = len(g.nodes)
                g.nodes.append(_Node(-1, 1, (number, rank)))
                g.rows[r].append(point)
                start[point] = ux + (centres[cb] - ux) * (r - row) / (crow - row)
                g.down[r - 1].append(_Edge(top, port, point, 0.0))
                g.below[top].append(point)
                top, port = point, 0.0
            g.down[crow - 1].append(_Edge(top, port, cb, float(st.position[child])))
            g.below[top].append(cb)
    return g, start


def _offsets(g: _Graph, ids: list[int]) -> dict[int, int]:
    out: dict[int, int] = {}
    x = 0
    for n in ids:
        out[n] = x
        x += g.nodes[n].width
    return out


def _crossings(g: _Graph, order: Mapping[int, list[int]], r: int) -> int:
    """Crossings between rows ``r`` and ``r + 1``: pairs of lines whose ends are in
    opposite order (lines from one port, or to one port, do not cross)."""
    edges = g.down.get(r)
    if not edges or r not in order or r + 1 not in order:
        return 0
    top, bottom = _offsets(g, order[r]), _offsets(g, order[r + 1])
    nodes = g.nodes
    pairs = []
    for e in edges:
        a, b = nodes[e.top], nodes[e.bottom]
        pairs.append((top[e.top] + (a.width - 1 - e.top_port if a.turned else e.top_port),
                      bottom[e.bottom] + (b.width - 1 - e.bottom_port if b.turned
                                          else e.bottom_port)))
    pairs.sort()
    seen: list[float] = []
    count = 0
    k = 0
    n = len(pairs)
    while k < n:  # lines from one port are inserted together, after counting
        j = k
        t = pairs[k][0]
        while j < n and pairs[j][0] == t:
            count += len(seen) - bisect.bisect_right(seen, pairs[j][1])
            j += 1
        for m in range(k, j):
            bisect.insort(seen, pairs[m][1])
        k = j
    return count


def _total(g: _Graph, order: Mapping[int, list[int]], rows: list[int]) -> int:
    return sum(_crossings(g, order, r) for r in rows)


def _sort_row(g: _Graph, order: dict[int, list[int]], r: int, *, up: bool) -> None:
    """Sort row ``r`` by where the lines from the row above (``up``) or to the row below
    want each node; a node without such lines keeps its place."""
    ids = order[r]
    here = _offsets(g, ids)
    nodes = g.nodes
    want: dict[int, list[float]] = defaultdict(list)
    if up and r - 1 in order:
        above = _offsets(g, order[r - 1])
        for e in g.down.get(r - 1, ()):
            want[e.bottom].append(above[e.top] + nodes[e.top].port(e.top_port)
                                  - nodes[e.bottom].port(e.bottom_port))
    elif not up and r + 1 in order:
        below = _offsets(g, order[r + 1])
        for e in g.down.get(r, ()):
            want[e.top].append(below[e.bottom] + nodes[e.bottom].port(e.bottom_port)
                               - nodes[e.top].port(e.top_port))

    def key(n: int) -> tuple[float, tuple[int, int], int]:
        w = want.get(n)
        x = sum(w) / len(w) if w else float(here[n])
        return (x, nodes[n].eldest if up else (0, 0), here[n])

    ids.sort(key=key)


def _transpose(g: _Graph, order: dict[int, list[int]], rows: list[int]) -> None:
    """Swap neighbours in a row, or turn a block round, while that lowers the crossings
    with the rows on either side (a few passes at most).

    Swapping two neighbours changes only the crossings between their own lines, and
    turning a block only those among its own lines, so each move is weighed by comparing
    the ends of those lines alone."""
    ups: dict[int, list[_Edge]] = defaultdict(list)  # row -> edges from the row above
    for r, edges in g.down.items():
        ups[r + 1] = edges
    for _ in range(4):
        improved = False
        for r in rows:
            ids = order[r]
            if _crossings(g, order, r - 1) + _crossings(g, order, r) == 0:
                continue
            ends: dict[int, _Ends] = defaultdict(lambda: ([], []))
            if r - 1 in order:
                above = _offsets(g, order[r - 1])
                for e in ups.get(r, ()):
                    ends[e.bottom][0].append(
                        (e.bottom_port, above[e.top] + g.nodes[e.top].port(e.top_port)))
            if r + 1 in order:
                below = _offsets(g, order[r + 1])
                for e in g.down.get(r, ()):
                    ends[e.top][1].append(
                        (e.top_port, below[e.bottom] + g.nodes[e.bottom].port(e.bottom_port)))
            for k in range(len(ids)):
                node = g.nodes[ids[k]]
                own = ends.get(ids[k])
                if node.width > 1 and own is not None and _turn_gain(own, node.turned) > 0:
                    node.turned = not node.turned
                    improved = True
                if k + 1 < len(ids) and _pair(own, ends.get(ids[k + 1])) > 0:
                    ids[k], ids[k + 1] = ids[k + 1], ids[k]
                    improved = True
        if not improved:
            return


_Ends = tuple[list[tuple[float, float]], list[tuple[float, float]]]
"""A node's lines up and down: (port on the unturned node, place of the other end)."""


def _pair(u: _Ends | None, v: _Ends | None) -> int:
    """How many crossings swapping neighbours ``u`` (left) and ``v`` saves, from the
    other ends of their lines."""
    if u is None or v is None:
        return 0
    gain = 0
    for a, b in zip(u, v, strict=True):
        for _, x in a:
            for _, y in b:
                gain += (x > y) - (x < y)
    return gain


def _turn_gain(own: _Ends, turned: bool) -> int:
    """How many crossings among a block's own lines turning it round saves."""
    gain = 0
    for lines in own:
        for k, (p, x) in enumerate(lines):
            for q, y in lines[k + 1:]:
                if p == q or x == y:
                    continue
                crossed = (p < q) != (x < y)  # on the unturned block
                gain += (1 if crossed else -1) * (-1 if turned else 1)
    return gain


def _move_sides(g: _Graph, order: dict[int, list[int]], rows: list[int],
                start: dict[int, float], best: int) -> int:
    """Move each family that hangs on by one block (a spouse's parents and siblings)
    beside that block as a whole, on the side and with the block at the end of its
    siblings where fewest lines cross; returns the crossings after.

    Single blocks cannot make such a move by sorting or swapping: each step alone crosses
    as much as before, and only the whole family moved gains."""
    above: dict[int, list[int]] = defaultdict(list)  # node -> upper ends of its lines
    links: dict[int, set[int]] = defaultdict(set)
    for edges in g.down.values():
        for e in edges:
            above[e.bottom].append(e.top)
            links[e.top].add(e.bottom)
            links[e.bottom].add(e.top)
    row_of = {n: r for r, ids in order.items() for n in ids}
    total = len(g.nodes)
    for c in sorted(above, key=lambda n: (start[n], n)):
        if g.work > _BUDGET:
            return best
        tops = set(above[c])
        if len(tops) < 2 or g.nodes[c].block < 0:
            continue
        for t in sorted(tops):
            side = _reach(links, t, c)
            if any(o in side for o in tops if o != t) or 2 * len(side) > total:
                continue
            best = _place_side(g, order, rows, start, row_of, c, tops - {t}, side, best)
    for r in rows:
        for e in g.down.get(r, ()):
            if g.work > _BUDGET:
                return best
            # a child's own family among its siblings
            sub = _reach(links, e.bottom, e.top)
            if len(links[e.top] & sub) == 1 and 2 * len(sub) <= total:
                others = [o for o in g.down_of(e.top) if o not in sub]
                best = _shift_family(g, order, row_of, start, sub, e.bottom,
                                     _extents(links, start, others, e.top), best)
            # a parent's family (that hangs on by this line only) beside the other parents
            sub = _reach(links, e.top, e.bottom)
            if len(links[e.bottom] & sub) == 1 and 2 * len(sub) <= total:
                others = [o for o in above[e.bottom] if o not in sub]
                best = _shift_family(g, order, row_of, start, sub, e.top,
                                     _extents(links, start, others, e.bottom), best)
    return best


def _extents(links: Mapping[int, set[int]], start: Mapping[int, float], nodes: list[int],
             cut: int) -> list[tuple[float, float, float]]:
    """For each node: its x, and the least and greatest x of the family that hangs on it
    apart from ``cut`` (just the node where that family reaches ``cut`` again)."""
    out = []
    for n in nodes:
        fam = _reach(links, n, cut)
        if any(cut in links[o] for o in fam if o != n):
            fam = {n}
        xs = [start[o] for o in fam]
        out.append((start[n], min(xs), max(xs)))
    return out


def _shift_family(g: _Graph, order: dict[int, list[int]], row_of: Mapping[int, int],
                  start: dict[int, float], sub: set[int], root: int,
                  places: list[tuple[float, float, float]], best: int) -> int:
    """Try the family ``sub`` (that hangs on the rest by one line, from or to ``root``)
    moved as a whole: ``root`` just left or right of each node of ``places`` (x, least
    and greatest x of its family), or the whole family beyond that node's family; keep
    the best."""
    xs = [start[n] for n in sub]
    lo, hi = min(xs), max(xs)
    shifts: set[float] = set()
    for x, first, last in places:
        shifts.update((x - 0.5 - start[root], x + 0.5 - start[root],
                       first - 0.5 - hi, last + 0.5 - lo))
    touched = sorted({row_of[n] for n in sub})
    pairs = sorted({r for t in touched for r in (t - 1, t)})
    now_here = sum(_crossings(g, order, r) for r in pairs)
    found: tuple[dict[int, list[int]], float, int] | None = None
    tried = {tuple(n for r in touched for n in order[r])}
    for shift in sorted(shifts):
        if g.work > _BUDGET:
            break
        trial = _shifted(order, touched, start, sub, shift)
        key = tuple(n for r in touched for n in trial[r])
        if key in tried:
            continue
        tried.add(key)
        g.work += sum(len(g.down.get(r, ())) for r in pairs)
        gain = now_here - sum(_crossings(g, trial, r) for r in pairs)
        if gain > 0 and (found is None or gain > found[2]):
            found = (trial, shift, gain)
    if found is not None:
        trial, shift, gain = found
        for n in sub:
            start[n] += shift
        order.update(trial)
        best -= gain
    return best


def _shifted(order: Mapping[int, list[int]], rows: list[int], start: Mapping[int, float],
             sub: set[int], shift: float) -> dict[int, list[int]]:
    """``order`` with the nodes ``sub`` moved by ``shift``: in each row together, in their
    order, among the others by x. Rows other than ``rows`` are shared, not copied."""
    out: dict[int, list[int]] = dict(order)
    for r in rows:
        ids = order[r]
        moved = [n for n in ids if n in sub]
        rest = [n for n in ids if n not in sub]
        x = min(start[n] for n in moved) + shift
        at = sum(1 for n in rest if start[n] < x)
        out[r] = rest[:at] + moved + rest[at:]
    return out


def _reach(links: Mapping[int, set[int]], start: int, cut: int) -> set[int]:
    """The nodes reachable from ``start`` without passing ``cut``."""
    seen = {start}
    todo = [start]
    while todo:
        for o in links.get(todo.pop(), ()):
            if o != cut and o not in seen:
                seen.add(o)
                todo.append(o)
    return seen


def _place_side(g: _Graph, order: dict[int, list[int]], rows: list[int],
                start: dict[int, float], row_of: Mapping[int, int], c: int,
                own: set[int], side: set[int], best: int) -> int:
    """Try family ``side`` left and right of block ``c`` (with ``c`` where it is, or at
    either end of the children of its own parents ``own``); keep the best order."""
    crow = row_of[c]
    siblings = [n for n in order[crow] if n != c and any(
        e.bottom == n and e.top in own for e in g.down.get(crow - 1, ()))]
    kept = {r: list(ids) for r, ids in order.items()}
    kept_turn = g.nodes[c].turned
    touched = sorted({row_of[n] for n in side} | {crow})
    pairs = sorted({r for t in touched for r in (t - 1, t)})
    here = sum(_crossings(g, order, r) for r in pairs)
    found: tuple[dict[int, list[int]], bool, float, float] | None = None
    xs = [start[c]] + [start[n] for n in siblings]
    lo, hi = min(start[n] for n in side), max(start[n] for n in side)
    for x_c in (start[c], min(xs) - 0.5, max(xs) + 0.5):
        for left in (True, False):
            for turn in (False, True):
                trial = dict(kept)
                for r in touched:
                    trial[r] = [n for n in kept[r] if n not in side]
                row = trial[crow]
                row.remove(c)
                at = sum(1 for n in row if start[n] < x_c)
                row.insert(at, c)
                for r in touched:
                    moved = [n for n in kept[r] if n in side]
                    if not moved:
                        continue
                    rest = trial[r]
                    if r == crow:
                        at = rest.index(c) + (0 if left else 1)
                    else:
                        at = sum(1 for n in rest if start[n] < x_c)
                    rest[at:at] = moved
                g.nodes[c].turned = kept_turn != turn
                g.work += sum(len(g.down.get(r, ())) for r in pairs)
                now = best - here + sum(_crossings(g, trial, r) for r in pairs)
                if now < best:
                    shift = x_c - 0.25 - hi if left else x_c + 0.25 - lo
                    best, found = now, (trial, g.nodes[c].turned, x_c, shift)
    if found is None:
        g.nodes[c].turned = kept_turn
        return best
    trial, g.nodes[c].turned, start[c], shift = found
    for n in side:  # the family keeps its shape where it now stands
        start[n] += shift
    order.clear()
    order.update(trial)
    return best
