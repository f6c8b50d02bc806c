"""Genogram corridors too narrow for the emotional lines drawn down them, and how far the
blocks right of each must move to give those lines room.

A corridor is the free space between two neighbouring boxes of a row (see
:mod:`.genogram_route`). Graphviz puts two blocks :data:`~.genogram_dot.NODESEP` apart
whatever runs between them; a person whose partner stands on one side sends all its lines
to other rows out of the other side, and where several of those (zigzags, double lines)
come down one such corridor, the router has no slot left that keeps them apart and puts
two on one x. Like a band between rows that grows for its lanes, such a corridor widens:
every block whose centre lies right of the corridor moves right by what the lines drawn
there lack, in every row, so gaps between blocks only grow, and the lines are routed
again. The wider drawing is kept only where its lines lie apart better and cross no
more (see :func:`improves`): routed again, a relation may take another way. Only the
lines drawn are counted, not the other ways each relation could have
gone: a corridor that holds them apart already is never widened.

A corridor can also be too narrow below its row: a line coming down it runs on into
the band under it, past the sibling bar to its lane, and where a child line comes down
from that bar right under the corridor, no x of the corridor may keep a wide line (a
cut-off, a zigzag) clear of it there. The child line stays with its own block, so such a
corridor is cut on one side of it (see :func:`_band_cut`): the room between the child
line and one box grows by what the lines of the two people beside the corridor that may
come down it need.

Cost: one pass over the drawn lines' vertical segments and a binary search per segment in
its row's boxes, O(s log n); nothing is done again in a drawing without a full corridor.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections import defaultdict
from collections.abc import Collection, Sequence
from typing import Final

from .genogram_clear import crowded_count
from .genogram_near import line_segments
from .genogram_places import GenogramLayout, Work
from .genogram_relations import drawn_half
from .genogram_route import FAMILY_HALF, LINE_CLEAR, TEXT_CLEAR

__all__ = ["ROUNDS", "full_corridors", "improves", "line_crossings", "widened"]

ROUNDS: Final = 2
"""How often a drawing is routed again with wider corridors at most."""
_STEP: Final = 8.0
"""The router's slot pitch (``genogram_slots.SLOT``): lines down one corridor from one
place stand a multiple of it apart."""
_EDGE: Final = 3.0
"""The least a family line keeps from a box beside it (as :meth:`.Router.slot`)."""
_ALONG: Final = 10.0
"""A vertical stretch shorter than this in a row does not run down its corridor (a line
that only turns there)."""
_BESIDE: Final = 6.0
"""A line down a corridor that runs on this far or further beside a family line in the
band under the corridor runs along it (a crowded pair counts from about 8 units)."""
_BAND_CLEAR: Final = 4.0
"""The clear space a line down a corridor keeps from a family line it runs on beside in
the band under the corridor, by what both draw (as the crowded pairs are measured)."""

Corridor = tuple[int, float, float]
"""A row and the x extent of the free space between two boxes of different blocks."""


def full_corridors(work: Work, layout: GenogramLayout,
                   centres: Sequence[float] = ()) -> list[tuple[float, float]]:
    """The corridors between two blocks where the emotional lines drawn down them stand
    closer than :data:`~.genogram_route.LINE_CLEAR` to another line (by what each draws)
    or nearer than :data:`~.genogram_route.TEXT_CLEAR` to a box, or run on into a band
    beside a family line there closer than :data:`_BAND_CLEAR` (see :func:`_band_cut`):
    ``(x, more)`` per such corridor, in ``work``'s coordinates (before the drawing moved
    to its margin), ``x`` where to cut (its middle, but see :func:`_band_cut`; with the
    blocks' ``centres``) and ``more`` the width it lacks for its lines on the router's
    slots."""
    if not layout.relations or not layout.people:
        return []
    pid, place = next(iter(layout.people.items()))
    dx = place.box.x - work.left[pid]
    corridors = _corridors(work, layout)
    if not corridors:
        return []
    inside: dict[Corridor, dict[tuple[int, float], tuple[float, bool]]] = defaultdict(dict)
    # the emotional lines' vertical stretches down each corridor (x, top, bottom, half),
    # and the family lines' vertical stretches in the bands above and below the
    # corridor's row, under it (x, top, bottom): a line down the corridor runs on beside
    down: dict[Corridor, list[tuple[float, float, float, float]]] = defaultdict(list)
    under: dict[Corridor, list[tuple[float, float, float, int]]] = defaultdict(list)
    drawn_down: dict[Corridor, set[int]] = defaultdict(set)  # the relations down each
    first = len(layout.partnerships) + len(layout.children)
    halves = [drawn_half(r.kind) for r in layout.relations]
    for n, (_kind, _ends, points) in enumerate(layout.edges()):
        emotional = n >= first
        half = halves[n - first] if emotional else FAMILY_HALF
        for (x1, y1), (x2, y2) in itertools.pairwise(points):
            if x1 != x2 or y1 == y2:
                continue
            lo, hi, x = min(y1, y2), max(y1, y2), x1 - dx
            for (row, top, bottom), (lefts, rights, _pairs) in corridors.items():
                k = bisect.bisect_right(lefts, x)
                if not k or x >= rights[k - 1]:
                    continue  # (a handful of rows: each corridor row is looked at)
                corridor = (row, lefts[k - 1], rights[k - 1])
                if min(hi, bottom) - max(lo, top) >= _ALONG:
                    inside[corridor][(n, x)] = (half, emotional)
                    if emotional:
                        down[corridor].append((x, lo, hi, half))
                        drawn_down[corridor].add(n - first)
                elif not emotional and (hi <= top or lo >= bottom):
                    under[corridor].append((x, lo, hi, row + (1 if lo >= bottom else -1)))
    pairs = {(row, left, right): pair
             for (row, _top, _bottom), (lefts, rights, row_pairs) in corridors.items()
             for left, right, pair in zip(lefts, rights, row_pairs, strict=True)}
    out: list[tuple[float, float]] = []
    for corridor, lines in sorted(inside.items()):
        if not any(emotional for _half, emotional in lines.values()):
            continue  # family lines only: not an emotional line's corridor
        row, left, right = corridor
        drawn = sorted((x, half) for (_n, x), (half, _emotional) in lines.items())
        if not _apart(drawn, left, right):
            more = math.ceil(_need([h for _x, h in drawn]) - (right - left))
            out.append(((left + right) / 2, float(max(more, _STEP))))
            continue
        fixed = _beside(down[corridor], under.get(corridor, []))
        if fixed and centres:
            cut = _band_cut(work, centres, corridor, pairs[corridor], fixed,
                            drawn_down[corridor])
            if cut is not None:
                out.append(cut)
    return out


def _beside(down: Sequence[tuple[float, float, float, float]],
            under: Sequence[tuple[float, float, float, int]]) -> list[tuple[float, int]]:
    """The family lines ``under`` (x, top, bottom, the row they go to) in a band above
    or below a corridor that an emotional line coming ``down`` it (x, top, bottom, half
    its width) runs on beside for :data:`_BESIDE` or more, closer than
    :data:`_BAND_CLEAR` by what both draw (a child line into the row below, straight
    under the corridor): ``(x, row)`` each, sorted."""
    return sorted({(x, to) for x, lo, hi, to in under
                   if any(min(hi, b) - max(lo, t) >= _BESIDE
                          and abs(x - xd) - half - FAMILY_HALF < _BAND_CLEAR
                          for xd, t, b, half in down)})


def _band_cut(work: Work, centres: Sequence[float], corridor: Corridor,
              pair: tuple[str, str], fixed: Sequence[tuple[float, int]],
              drawn: Collection[int]) -> tuple[float, float] | None:
    """Where to cut a corridor (``(x, more)``, see :func:`widened`) whose emotional lines
    run on into a band beside the family lines at ``fixed`` there (a child line coming
    down from a sibling bar right under the corridor, into a symbol of the next row): the
    corridor is wide enough for each alone, but no x in it keeps a line clear of them.

    The family lines stay where their own block stands, so the corridor is cut on one
    side of them: just left of their block's centre when that lies right of the left
    box's block (they move right with the right box, and the room between them and the
    left box grows), else in the middle (the room right of them grows). It grows by what
    the lines that may come down it need there: the relations ``drawn`` down it, and the
    other emotional lines to another row of the two people beside it that leave by the
    corridor's side of their symbols (routed again, they may take the room made).
    ``None`` when the family lines belong to no block of their row or to several."""
    from .genogram_ports import side_away  # it imports the router as this module does

    row, left, right = corridor
    a, b = pair
    st = work.st
    fixed_blocks = {_block_at(work, x, to) for x, to in fixed}
    if len(fixed_blocks) != 1:
        return None
    (block,) = fixed_blocks
    if block is None:
        return None
    xs = [x for x, _to in fixed]
    middle = (left + right) / 2
    own = centres[block]
    if own > centres[st.block_of[a]] + 1.0:
        cut, room = min(middle, own - 0.5), min(xs) - left  # the left part grows
    else:
        cut, room = middle, right - max(xs)  # the right part grows
    lines = set(drawn)
    for n, rel in enumerate(work.case.relations):
        ends = rel.between
        for pid, side in ((a, 1.0), (b, -1.0)):
            if pid not in ends or ends[0] == ends[1]:
                continue
            other = ends[1] if ends[0] == pid else ends[0]
            if other not in st.rows or st.rows[other] == row \
                    or (work.centre[other] - work.centre[pid]) * side <= 0 \
                    or side_away(work, pid, side) != side:
                continue
            lines.add(n)
    halves = sorted(drawn_half(work.case.relations[n].kind) for n in lines)
    if not halves:
        return None
    pitch = _need(halves) - _margin(halves[0]) - _margin(halves[-1])
    clear = max(_STEP, FAMILY_HALF + halves[-1] + LINE_CLEAR)
    # stepped by whole slots from where it aims, the first x clear of the family line
    # may lie up to a slot further than the clear space itself
    need = _margin(halves[0]) + pitch + clear + _STEP
    return cut, float(max(math.ceil(need - room), _STEP))


def _block_at(work: Work, x: float, row: int) -> int | None:
    """The block of ``row`` whose people's boxes stand over or under ``x`` (where a
    family line at ``x`` comes from or goes to), if any."""
    for pid in work.by_row.get(row, []):
        if work.left[pid] <= x <= work.left[pid] + work.widths[pid]:
            return work.st.block_of[pid]
    return None


def _corridors(work: Work, layout: GenogramLayout
               ) -> dict[tuple[int, float, float],
                         tuple[list[float], list[float], list[tuple[str, str]]]]:
    """Per row (with its top and bottom in ``layout``), the left and right ends of the
    corridors between two neighbouring boxes of different blocks, sorted, and the two
    people beside each."""
    block_of = work.st.block_of
    out: dict[tuple[int, float, float],
              tuple[list[float], list[float], list[tuple[str, str]]]] = {}
    for row, ids in work.by_row.items():
        lefts: list[float] = []
        rights: list[float] = []
        pairs: list[tuple[str, str]] = []
        for a, b in itertools.pairwise(ids):  # sorted left to right
            if block_of[a] != block_of[b]:
                lefts.append(work.left[a] + work.widths[a])
                rights.append(work.left[b])
                pairs.append((a, b))
        if lefts:
            boxes = [layout.people[pid].box for pid in ids]
            top = min(box.y for box in boxes)
            out[(row, top, max(box.y + box.h for box in boxes))] = (lefts, rights, pairs)
    return out


def _apart(drawn: Sequence[tuple[float, float]], left: float, right: float) -> bool:
    """True when the lines ``drawn`` (x, half the width drawn; sorted) keep their clear
    space from each other and from the boxes at ``left`` and ``right``."""
    eps = 1e-6
    for (xa, ha), (xb, hb) in itertools.pairwise(drawn):
        if xb - xa < ha + hb + LINE_CLEAR - eps:
            return False
    (x0, h0), (x1, h1) = drawn[0], drawn[-1]
    return x0 - left >= _margin(h0) - eps and right - x1 >= _margin(h1) - eps


def _margin(half: float) -> float:
    """What a line drawing ``half`` either side keeps from a box (see
    :meth:`.Router.slot`)."""
    return _EDGE if half <= FAMILY_HALF else max(_EDGE, half + TEXT_CLEAR)


def _need(halves: Sequence[float]) -> float:
    """The width a corridor needs for lines drawing ``halves`` either side (left to
    right) on the router's slots: each pair a whole number of slots apart, far enough for
    what they draw, and the outer two their margin from the boxes."""
    between = sum(math.ceil(max(_STEP, a + b + LINE_CLEAR) / _STEP - 1e-9) * _STEP
                  for a, b in itertools.pairwise(halves))
    return _margin(halves[0]) + between + _margin(halves[-1])


def widened(centres: Sequence[float], waypoints: dict[str, float],
            cuts: Sequence[tuple[float, float]]) -> list[float]:
    """Block centres moved apart at ``cuts`` (``(x, more)``, see :func:`full_corridors`):
    each block, and each waypoint of ``waypoints`` (changed in place), right of a cut's
    ``x`` moves right by its ``more``, so no gap between two blocks of a row narrows."""
    ordered = sorted(cuts)
    xs = [x for x, _more in ordered]
    shift = list(itertools.accumulate(more for _x, more in ordered))

    def moved(x: float) -> float:
        k = bisect.bisect_left(xs, x)
        return x + (shift[k - 1] if k else 0.0)

    for key, x in waypoints.items():
        waypoints[key] = moved(x)
    return [moved(c) for c in centres]


def improves(wider: GenogramLayout, before: GenogramLayout) -> bool:
    """True when the drawing with wider corridors has fewer pairs of lines on each other
    (as :func:`.lines_on_lines` counts them), or as many and fewer pairs of lines of
    which one crowds the other (:func:`.crowded_count`), and its lines cross no more than
    ``before``'s or than every emotional line drawn straight between its symbols (the
    yardstick of the crossings a drawing may show); or as many of both and its lines
    cross fewer times than ``before``'s (a narrow drawing whose lines were parted as far as
    the wider one's would otherwise keep the crossings its corridors forced)."""
    from .genogram_quality import lines_on_lines  # it imports the layout itself

    on = (len(lines_on_lines(wider)), len(lines_on_lines(before)))
    if on[0] > on[1]:
        return False
    crossed = line_crossings(wider, False)
    if on[0] == on[1]:
        crowded = (crowded_count(wider), crowded_count(before))
        if crowded[0] > crowded[1]:
            return False
        if crowded[0] == crowded[1]:
            return crossed < line_crossings(before, False)
    return crossed <= max(line_crossings(before, False), line_crossings(wider, True))


def line_crossings(layout: GenogramLayout, straight: bool) -> int:
    """The crossings of all lines of ``layout``, each emotional line as drawn or (with
    ``straight``) straight between the centres of its symbols."""
    from .genogram_quality import crossings  # it imports the layout itself

    lines = [("u:" + "|".join(sorted(p.partners)), line_segments(p.points))
             for p in layout.partnerships]
    lines += [("u:" + "|".join(sorted(c.parents)), line_segments(c.points))
              for c in layout.children]
    people = layout.people
    lines += [(f"r{r.index}", [(people[r.between[0]].symbol_centre(),
                                people[r.between[1]].symbol_centre())] if straight
               else line_segments(r.points)) for r in layout.relations]
    return crossings(lines)
