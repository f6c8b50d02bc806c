"""Measures of a genogram layout that a reader would notice: lines on lines, twins apart,
household outlines through strangers, family lines through text (from
:mod:`.genogram_over_text`).

Used by the tests (as rules) and by ``bench/bench_genogram.py`` (as counts). Each measure
looks at the finished layout only, so it judges what is drawn, not how it was made.

Cost: :func:`lines_on_lines` keeps the axis-parallel segments of family lines that lie
near an emotional line's (a binary search each: nothing at all without emotional lines),
sorts those by their coordinate and compares only an emotional line's segments with their
neighbours within the distance asked (the family lines of one row, which share a
coordinate, are never compared with each other: about linear in the lines); the
others are linear in people plus outline segments times the people on their rows.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from ..model import Case
from . import Box, Point, crossing_point, proper_cross, segment_hits_box
from .genogram import GenogramLayout
from .genogram_household_names import names_away
from .genogram_over_text import family_lines_over_text
from .genogram_places import AxisSegment

__all__ = [
    "bezier_points",
    "crossing_point",
    "crossing_points",
    "crossings",
    "family_lines_over_text",
    "household_problems",
    "is_join",
    "lines_on_lines",
    "plain_dot_edges",
    "plain_dot_graph",
    "plain_dot_structural",
    "proper_cross",
    "segments",
    "structural_crossings",
    "through_vertices",
    "twins_apart",
]

Segment = tuple[Point, Point]
def lines_on_lines(layout: GenogramLayout, within: float = 4.0,
                   longer: float = 10.0) -> list[tuple[int, int]]:
    """Pairs of lines ``(a, b)`` (numbered as :meth:`GenogramLayout.edges` yields them, at
    least one an emotional relation) that run parallel closer than ``within`` for more than
    ``longer`` units: a reader cannot tell them apart there.

    Only the segments of family lines that lie within ``within`` (and a unit) of an
    emotional line's segment are kept and sorted: a drawing without emotional lines has
    none to compare, and in one with a few the rest are passed over with a binary search."""
    if not layout.relations:
        return []  # every pair holds an emotional line
    first = len(layout.partnerships) + len(layout.children)
    horizontal: list[AxisSegment] = []
    vertical: list[AxisSegment] = []
    for n, rel in enumerate(layout.relations, first):
        for (x1, y1), (x2, y2) in itertools.pairwise(rel.points):
            if y1 == y2 and x1 != x2:
                horizontal.append((y1, min(x1, x2), max(x1, x2), n, "relation"))
            elif x1 == x2 and y1 != y2:
                vertical.append((x1, min(y1, y2), max(y1, y2), n, "relation"))
    at_y = sorted(s[0] for s in horizontal)
    at_x = sorted(s[0] for s in vertical)
    reach = within + 1.0
    left = bisect.bisect_left
    for n, (kind, _ends, points) in enumerate(layout.edges()):
        if n == first:
            break
        for (x1, y1), (x2, y2) in itertools.pairwise(points):
            if y1 == y2 and x1 != x2:
                k = left(at_y, y1 - reach)
                if k < len(at_y) and at_y[k] <= y1 + reach:
                    horizontal.append((y1, min(x1, x2), max(x1, x2), n, kind))
            elif x1 == x2 and y1 != y2:
                k = left(at_x, x1 - reach)
                if k < len(at_x) and at_x[k] <= x1 + reach:
                    vertical.append((x1, min(y1, y2), max(y1, y2), n, kind))
    found: set[tuple[int, int]] = set()
    for segs in (horizontal, vertical):
        segs.sort()
        keys = [s[0] for s in segs]
        for s in segs:
            if s[4] != "relation":  # every pair holds one: seen from that side
                continue
            lo = bisect.bisect_left(keys, s[0] - within + 1e-9)
            hi = bisect.bisect_right(keys, s[0] + within - 1e-9)
            for t in segs[lo:hi]:
                if t[3] != s[3] and min(s[2], t[2]) - max(s[1], t[1]) > longer:
                    found.add((min(s[3], t[3]), max(s[3], t[3])))
    return sorted(found)


def twins_apart(case: Case, layout: GenogramLayout) -> list[tuple[str, str]]:
    """Twins (``twin_of``) on one row who do not stand side by side or do not hang from one
    point."""
    row_order: dict[int, list[str]] = defaultdict(list)
    for pid, place in layout.people.items():
        row_order[place.row].append(pid)
    position: dict[str, int] = {}
    for ids in row_order.values():
        ids.sort(key=lambda pid: layout.people[pid].box.x)
        position.update((pid, k) for k, pid in enumerate(ids))
    start: dict[tuple[str, tuple[str, ...]], Point] = {}  # (child, parents): split point
    for c in layout.children:
        if len(c.points) >= 2:
            start[(c.child, c.parents)] = c.points[-2]
    out: list[tuple[str, str]] = []
    for p in case.people:
        t = p.twin_of
        if t is None or t not in layout.people or p.id not in layout.people:
            continue
        a, b = layout.people[p.id], layout.people[t]
        if a.row != b.row:
            continue
        shared = [k[1] for k in start if k[0] == p.id and (t, k[1]) in start]
        if abs(position[p.id] - position[t]) != 1 or not any(
                start[(p.id, k)] == start[(t, k)] for k in shared):
            out.append((p.id, t))
    return out


def _outline_boxes(outline: list[Point]) -> list[Box]:
    """The slabs an outline polygon is made of (see the household outline): pairs of right
    and left edges at the same heights."""
    half = len(outline) // 2
    right, left = outline[:half], list(reversed(outline[half:]))
    boxes = []
    for k in range(0, half - 1, 2):
        (x1, y0), (_, y1) = right[k], right[k + 1]
        x0 = left[k][0]
        boxes.append(Box(x0, y0, x1 - x0, y1 - y0))
    return boxes


def household_problems(layout: GenogramLayout, *, between: bool = True) -> list[str]:
    """Household outlines or member frames that enclose or cut a non-member's box, names
    away from their own outline or frames (see :func:`.names_away`: where no place by them
    is free a name stays in the tooltip) or over a person, line, label or other name,
    and (``between``) outlines that come within a unit of another household's (the edges
    of each outline as drawn: where two rows of one outline join, the edge between them is
    inside it)."""
    problems: list[str] = []
    shapes: list[tuple[int, set[str], list[Box]]] = []
    for hh in layout.households:
        boxes = _outline_boxes(hh.outline) if hh.outline is not None else list(hh.marks)
        shapes.append((hh.index, set(hh.members), boxes))
    for index, members, boxes in shapes:
        for pid, place in layout.people.items():
            if pid not in members and any(b.overlaps(place.box) for b in boxes):
                problems.append(f"household {index}: outline meets {pid}")
    for (i, _, ba), (j, _, bb) in itertools.combinations(shapes if between else [], 2):
        if _edges_meet(ba, bb):
            problems.append(f"households {i} and {j}: outlines cross or touch")
    problems += [f"household {index}: name away from its outline or frames"
                 for index in names_away(layout)]
    named = [hh for hh in layout.households if hh.name_box is not None]
    if named:
        lines = [(p, q) for _kind, _ends, points in layout.edges()
                 for p, q in itertools.pairwise(points)]
        for hh in named:
            box = hh.name_box
            assert box is not None
            if any(box.overlaps(place.box) for place in layout.people.values()) \
                    or any(segment_hits_box(p, q, box) for p, q in lines) \
                    or any(box.overlaps(b) for b in layout.label_boxes()) \
                    or any(box.overlaps(o.name_box) for o in named
                           if o is not hh and o.name_box is not None):
                problems.append(f"household {hh.index}: name drawn over something else")
    return problems


def _edges_meet(a: list[Box], b: list[Box], gap: float = 1.0) -> bool:
    """True when the outline of the union of boxes ``a`` comes within ``gap`` of that of
    ``b`` (nested outlines that keep apart are fine): compares the boundary edges."""
    ea, eb = _boundary(a), _boundary(b)
    return any(p.overlaps(q, gap) for p in ea for q in eb)


def _boundary(boxes: list[Box]) -> list[Box]:
    """The edges of the union of ``boxes`` as thin boxes: each box's sides, less the parts
    where another box of the list lies on the side's outer side (where two boxes of one
    outline join, the edge between them is inside the outline)."""
    out: list[Box] = []
    for k, box in enumerate(boxes):
        others = [o for j, o in enumerate(boxes) if j != k]
        for y, outward in ((box.y, -1.0), (box.bottom, 1.0)):  # top and bottom sides
            covered = [(o.x, o.right) for o in others
                       if o.y <= y + outward * 0.5 <= o.bottom]
            out += [Box(a, y, b - a, 0.0) for a, b in _less(box.x, box.right, covered)]
        for x, outward in ((box.x, -1.0), (box.right, 1.0)):  # left and right sides
            covered = [(o.y, o.bottom) for o in others
                       if o.x <= x + outward * 0.5 <= o.right]
            out += [Box(x, a, 0.0, b - a) for a, b in _less(box.y, box.bottom, covered)]
    return out


def _less(lo: float, hi: float, cuts: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The parts of ``lo..hi`` outside every interval of ``cuts``."""
    pieces = [(lo, hi)]
    for a, b in cuts:
        pieces = [piece for p, q in pieces
                  for piece in ((p, min(q, a)), (max(p, b), q)) if piece[1] > piece[0]]
    return pieces


# --- crossings -------------------------------------------------------------------------


def segments(points: list[Point]) -> list[Segment]:
    """The non-empty segments of a polyline."""
    return [(p, q) for p, q in itertools.pairwise(points) if p != q]


def crossings(edges: list[tuple[str, list[Segment]]], *, points: bool = False) -> int:
    """Crossings between segments of different edge groups (the lines of one union share
    their union point and do not count against each other); with ``points``, crossing
    points, each counted once.

    The points are what a reader sees: where lines run on top of each other (the child
    lines of one union share their stem) they are one line, so a line across that stem is
    one crossing, not one per child. Quadratic: for measuring."""
    if points:
        return len(crossing_points(edges))
    count = 0
    for (ga, sa), (gb, sb) in itertools.combinations(edges, 2):
        if ga != gb:
            count += sum(1 for s in sa for t in sb if proper_cross(s, t))
    return count


def through_vertices(edges: list[tuple[str, list[Segment]]]) -> set[Point]:
    """Points where lines of two different groups (see :func:`crossings`) cross at a
    bend both pass through: the segments only touch there, so :func:`crossings` misses
    them, but a reader sees the lines cross. Graphviz's splines do this where two edges
    cross between ranks: each passes through the same point on its way. Each point once,
    rounded as :func:`crossing_point` rounds."""
    bends: dict[Point, list[tuple[str, Point, Point]]] = defaultdict(list)
    for group, segs in edges:
        for (p, v), (w, q) in itertools.pairwise(segs):
            if v == w:
                bends[(round(v[0], 2) + 0.0, round(v[1], 2) + 0.0)].append((group, p, q))
    found: set[Point] = set()
    for v, through in bends.items():
        if len({g for g, _, _ in through}) < 2:
            continue
        for (ga, a1, a2), (gb, b1, b2) in itertools.combinations(through, 2):
            if ga != gb and _alternate(v, a1, a2, b1, b2):
                found.add(v)
                break
    return found


def _alternate(v: Point, a1: Point, a2: Point, b1: Point, b2: Point) -> bool:
    """True when the line ``a1 v a2`` separates ``b1`` from ``b2`` near ``v``: the
    directions from ``v`` alternate a, b, a, b around it."""
    def angle(p: Point) -> float:
        return math.atan2(p[1] - v[1], p[0] - v[0])

    ends = sorted([(angle(a1), 0), (angle(a2), 0), (angle(b1), 1), (angle(b2), 1)])
    kinds = [k for _, k in ends]
    return kinds in ([0, 1, 0, 1], [1, 0, 1, 0])


def crossing_points(edges: list[tuple[str, list[Segment]]]) -> set[Point]:
    """The points where segments of different edge groups cross (see :func:`crossings`)."""
    found: set[Point] = set()
    for (ga, sa), (gb, sb) in itertools.combinations(edges, 2):
        if ga == gb:
            continue
        for s in sa:
            for t in sb:
                if proper_cross(s, t):
                    found.add(crossing_point(s, t))
    return found


def structural_crossings(layout: GenogramLayout) -> int:
    """Crossing points between partner and child lines of different unions (each point
    once, see :func:`crossings`, crossings at a shared bend included: see
    :func:`through_vertices`)."""
    edges = [("u:" + "|".join(sorted(p.partners)), segments(p.points))
             for p in layout.partnerships]
    edges += [("u:" + "|".join(sorted(c.parents)), segments(c.points)) for c in layout.children]
    return len(crossing_points(edges) | through_vertices(edges))


def bezier_points(points: list[Point], steps: int = 8) -> list[Point]:
    """Points along a Graphviz spline (cubic Bezier pieces), ``steps`` per piece: what
    the plain ``dot`` drawing's edges are measured on."""
    out = [points[0]]
    for i in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[i:i + 4]
        for k in range(1, steps + 1):
            t = k / steps
            a, b, c, d = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t ** 3
            out.append((a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                        a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]))
    return out


def plain_dot_graph(case: Case, sizes: Mapping[str, Box], *, relations: bool = False,
                    one_row: bool = False) -> Any:
    """The family as a plain Graphviz ``dot`` drawing, laid out: every person a box of the
    size ``sizes`` gives them, one join node per couple, edges person -> join -> child, no
    other constraint; with ``relations``, the emotional lines as edges that do not constrain
    (keys ``rel<i>``). The yardstick our layout must meet. With ``one_row`` each couple's
    partners and their join node share a rank (``rank=same``): plain ``dot`` held to our
    rule that partners stand on one row, a fairer yardstick where it draws a later
    partner a row lower; the edge to the second partner runs from the join (drawn
    backwards), so that ``dot``, which puts a flat edge's tail left of its head, sets the
    join between the partners as we do."""
    import pygraphviz

    g = pygraphviz.AGraph(directed=True, strict=False)
    g.graph_attr.update(rankdir="TB", nodesep="0.33")
    for pid, box in sizes.items():
        g.add_node(pid, shape="box", fixedsize="true", width=f"{box.w / 72:.3f}",
                   height=f"{box.h / 72:.3f}", label="")
    joins: dict[frozenset[str], str] = {}

    def join(parents: list[str]) -> str:
        key = frozenset(parents)
        if key not in joins:
            joins[key] = f"J{len(joins)}"  # upper case: never a person's id
            g.add_node(joins[key], shape="point", width="0.05")
            for k, p in enumerate(sorted(key)):
                if one_row and k:  # a flat edge's tail stands left: the join between
                    g.add_edge(joins[key], p, key=f"{p}-{joins[key]}", dir="back")
                else:
                    g.add_edge(p, joins[key], key=f"{p}-{joins[key]}")
        return joins[key]

    for ps in case.partnerships:
        join(list(ps.partners))
    if one_row:
        for n, (key, node) in enumerate(joins.items()):
            if len(key) == 2:
                g.add_subgraph([*sorted(key), node], name=f"couple{n}", rank="same")
    for link in case.children:
        j = join(list(link.parents)) if len(link.parents) == 2 else link.parents[0]
        g.add_edge(j, link.child, key=f"{j}-{link.child}")
    if relations:
        for i, rel in enumerate(case.relations):
            g.add_edge(rel.between[0], rel.between[1], key=f"rel{i}", constraint="false")
    g.layout(prog="dot")
    return g


def is_join(node: object) -> bool:
    """True for a join node of :func:`plain_dot_graph` (named ``J`` and a number; a
    person's id is lower case, so ``jade`` is a person)."""
    return str(node).startswith("J")


def plain_dot_structural(case: Case, layout: GenogramLayout, *, one_row: bool = False) -> int:
    """Structural crossings of a plain Graphviz ``dot`` drawing of the same family: every
    person a box of the size ``layout`` gives them, one join node per couple, edges
    person -> join -> child, no other constraint (with ``one_row``: partners and their
    join node on one rank, see :func:`plain_dot_graph`), counted as
    :func:`structural_crossings` counts (each crossing point once, at a shared bend too).
    The yardstick our layout must meet."""
    edges = plain_dot_edges(case, layout, one_row=one_row)
    return len(crossing_points(edges) | through_vertices(edges))


def plain_dot_edges(case: Case, layout: GenogramLayout, *, one_row: bool = False
                    ) -> list[tuple[str, list[Segment]]]:
    """The edges of the plain ``dot`` drawing of :func:`plain_dot_structural`, laid out
    and flattened to segments, each grouped by its couple's join node (a child line and
    its parents' lines form one group, as ours do)."""
    g = plain_dot_graph(case, {pid: place.box for pid, place in layout.people.items()},
                        one_row=one_row)
    edges: list[tuple[str, list[Segment]]] = []
    for e in g.edges():
        raw = e.attr.get("pos") or ""
        pts = [(float(a), float(b)) for a, b in (tok.split(",")[:2] for tok in raw.split()
                                                 if not tok.startswith(("e,", "s,")))]
        group = e[1] if is_join(e[1]) else e[0]
        edges.append((str(group), segments(bezier_points(pts)) if len(pts) >= 4 else []))
    return edges
