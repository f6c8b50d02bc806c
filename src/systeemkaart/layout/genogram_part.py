"""Genogram emotional lines parted where, as finally drawn, they run on another line.

The router gives every vertical stretch of an emotional line its own slot in a corridor
(:meth:`.Router.slot`), but a corridor between two narrow boxes can hold fewer lines than
come down it (each relation reserves a slot for every way it may take, and only one is
drawn), and the later choices (straight lines, detours, ports swapped) move lines after
the slots were given out. Where a vertical stretch in the middle of an emotional line then
lies within 4 units of another line for more than 10 (:func:`.lines_on_lines`), a reader
cannot tell the two apart; this pass moves that stretch sideways, the ends of the level
stretches on either side moving with it, to the nearest x where it runs beside nothing,
preferring one where what it draws keeps :data:`~.genogram_route.LINE_CLEAR` from what the
other line draws. A move is kept only when it passes through no box, comes no nearer to
a box or a couple's dates than it was or than :data:`~.genogram_route.TEXT_CLEAR`, and
crosses no more lines than before. In the last pass (``close``) also a vertical stretch
between two slanted ones (a detour round a corner) and a level stretch (moved up or down:
two detours over the top of the same symbols) are moved; a level stretch also where it
then runs close beside fewer lines, not none (a lane moved down below where another line
turns off), kept only where the drawing then has fewer crowded pairs, or as many and
fewer closer than 4 units by what they draw (``_CLEAR``: a neglect line's level stretch
moved 3 units further below an abuse zigzag, still short of the usual clear space, no
longer lies on it).

A line keeps clear of its own ends' names and years too, farther along than
:data:`~.genogram_clear.OWN_TEXT_FREE` from its port (:class:`.OwnTexts`): a move comes no
nearer them than it was or than ``TEXT_CLEAR`` but where only such a place scores best
(a stretch off a step line in a corridor too narrow for both), and last a vertical
stretch routed beside its own person's name moves off it where that crowds no more
lines (:func:`_off_own_texts`).

Cost: only the stretches found on another line are moved; each try measures the three
moved segments, for a bounded number of tries, only against the segments and boxes near
one of them (:func:`.genogram_part_measure.within_any`, :func:`.boxes_near`): picking
those out is one pass over the drawing per stretch, not per try. A drawing with no line
on a line costs one sorted pass (:func:`.lines_on_lines`).
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Callable, Collection, Iterator
from typing import Final

from . import Box, Point, round2
from .genogram_clear import bounds, crowded_lines, lines_near_text, named_lines, segment_box
from .genogram_near import ALONG, NEAR, line_segments
from .genogram_own_text import OwnTexts
from .genogram_part_measure import REACH as _REACH
from .genogram_part_measure import Lines, Segment
from .genogram_part_measure import boxes_near as _boxes_near
from .genogram_part_measure import cross as _cross
from .genogram_part_measure import flip as _flip
from .genogram_part_measure import flip_box as _flip_box
from .genogram_part_measure import flip_lines as _flip_lines
from .genogram_part_measure import nearest as _nearest
from .genogram_part_measure import no_nearer as _no_nearer
from .genogram_part_measure import on_lines as _on
from .genogram_part_measure import within_any as _within_any
from .genogram_places import SYMBOL, GenogramLayout, RelationPlace
from .genogram_relations import drawn_half
from .genogram_route import LINE_CLEAR

__all__ = ["part_lines"]

_MOST: Final = 24
"""The farthest a stretch is moved either way."""
_FRAMED: Final = 5.0
"""How far out of its members' boxes a household's outline or frame may run."""
_CLEAR: Final = 4.0
"""The clear space by what two lines draw that a reader needs to tell them apart: of two
moves that leave as many lines closer than ``LINE_CLEAR`` beside another, the one with
fewer closer than this is kept."""
_NEAR: Final = 24.0
"""Farther than two lines' drawn halves and ``_CLEAR`` together, plus a sample step: a line
that far from a moved one runs no closer or farther beside it for the move."""
_PASSES: Final = 3
"""Rounds over the stretches still on another line (a move can free room for another)."""


def part_lines(layout: GenogramLayout,
               half_width: Callable[[str, float], float] | None = None,
               framed: Collection[str] = (), close: bool = False) -> None:
    """Move the middle vertical stretches of emotional lines that run on another line to
    an x of their own (see the module docstring); changes ``layout.relations`` in place.
    With ``half_width`` (a person and a height from the middle of the symbol: how far
    from its centre line the outline is there), a line out of a symbol's side that runs
    out beside another may leave at another height on that side too (see
    :func:`_part_port`). ``framed``: the people a household outline or frame will be
    drawn around (up to ``_FRAMED`` out of their boxes): a moved line keeps clear of that
    too. With ``close``, then also the lines that run closer beside another than what both
    draw allows, each kept moved only where the drawing then has fewer such pairs (or as
    many and fewer closer than ``_CLEAR``)."""
    from .genogram_quality import lines_on_lines  # the measure this pass answers to

    for _ in range(_PASSES):
        found = lines_on_lines(layout, NEAR, ALONG)
        if not found:
            break
        first = len(layout.partnerships) + len(layout.children)
        moved = False
        for n in sorted({n for pair in found for n in pair if n >= first}):
            rel = layout.relations[n - first]
            moved |= _part(layout, rel, framed)
            if half_width is not None:
                moved |= _part_port(layout, rel, half_width, framed)
        if not moved:
            break
    for _ in range(_PASSES if close else 0):
        # then the stretches that lie on no line but closer beside one than what both
        # draw allows (a zigzag beside a child line 8 units off): moved the same way, kept
        # where the drawing then has fewer such pairs, or as many and fewer within _CLEAR
        crowded = crowded_lines(layout)
        moved = False
        for rel in layout.relations:
            if all(n != rel.index for n, _other in crowded):
                continue
            points = list(rel.points)
            parted = _part(layout, rel, framed, close=True)
            if half_width is not None:
                parted |= _part_port(layout, rel, half_width, framed, close=True)
            if not parted:
                continue
            now = crowded_lines(layout)
            if len(now) < len(crowded) or (len(now) == len(crowded)
                                           and _fewer_close(layout, rel, points)):
                crowded, moved = now, True
                continue
            rel.points = points
        if not moved:
            break
    if close:
        _off_own_texts(layout, framed)


def _off_own_texts(layout: GenogramLayout, framed: Collection[str]) -> None:
    """Move a middle vertical stretch of each emotional line that comes near its own
    ends' text beyond the free stretch from a port (as routed beside its person's name or
    year, see :func:`.genogram_clear.lines_near_text`) to the nearest x where fewer of
    those texts are near it and none nearer (:class:`.OwnTexts`), the line lies on and
    runs close beside no more lines there, comes no nearer to a box and crosses no more;
    kept where the drawing then has no more pairs of lines closer than ``_CLEAR`` or
    than the usual clear space beside each other. Not beside the text of one of the
    ``framed``: the household's outline is drawn round the person and the lines after,
    and a line moved out to the edge of the person's box meets it."""
    people = layout.people
    found = lines_near_text(layout)
    ends = {rel.index: rel.between for rel in layout.relations}
    near = {n for n, text in found if any(text == f"text of {pid}" for pid in ends[n])}
    near -= {n for n, text in found if any(text == f"text of {pid}" for pid in framed)}
    for rel in layout.relations:
        if rel.index not in near or len(rel.points) < 4:
            continue
        half = drawn_half(rel.kind)
        texts = OwnTexts.of(layout, rel)
        before_near = texts.near(rel.points, half)
        others = _other_lines(layout, rel)
        boxes = _obstacles(layout, rel, framed)
        own = [people[pid].box for pid in rel.between]
        points = list(rel.points)
        for i in _stretches(points, True):
            legs = _legs(points, i)
            mine = _within_any(others, legs, _MOST + _REACH)
            score = _score(points, i, 0.0, half, mine)
            around = _boxes_near(boxes, legs, _MOST, half)
            gaps = _near_boxes(points, i, 0.0, around)
            crossed = _crossings(points, i, 0.0, mine)
            for dx in _steps():
                moved = [*points[:i - 1], *_shifted(points, i, dx), *points[i + 3:]]
                if not _keeps_shape(points, i, dx) or texts.near(moved, half) >= before_near \
                        or not texts.keeps(moved, half) \
                        or _score(points, i, dx, half, mine) > score \
                        or not _clear_of_boxes(points, i, dx, half, around, gaps, own) \
                        or _crossings(points, i, dx, mine) > crossed:
                    continue
                was = rel.points
                rel.points = [(round2(x), y) if k in (i, i + 1) else (x, y)
                              for k, (x, y) in enumerate(moved)]
                if _no_more_crowded(layout, rel, was):
                    points = list(rel.points)
                    before_near = texts.near(points, half)
                else:
                    rel.points = was
                break


def _no_more_crowded(layout: GenogramLayout, rel: RelationPlace, before: list[Point]
                     ) -> bool:
    """True when ``rel`` as it is now (moved from ``before``) leaves the drawing with no
    more pairs of lines closer beside each other than ``_CLEAR``, nor than
    :data:`LINE_CLEAR`, than at ``before`` (measured as :func:`_fewer_close` does)."""
    after = rel.points
    around = bounds(line_segments(before) + line_segments(after), _NEAR)
    only = {r.index for r in layout.relations if len(r.points) > 1
            and around.overlaps(bounds(line_segments(r.points), 0.0))}
    now = [len(crowded_lines(layout, clear, only)) for clear in (_CLEAR, LINE_CLEAR)]
    rel.points = before
    was = [len(crowded_lines(layout, clear, only)) for clear in (_CLEAR, LINE_CLEAR)]
    rel.points = after
    return all(a <= b for a, b in zip(now, was, strict=True))


def _fewer_close(layout: GenogramLayout, rel: RelationPlace, before: list[Point]) -> bool:
    """True when ``rel`` as it is now (moved from ``before``) leaves the drawing with fewer
    pairs of lines closer than ``_CLEAR`` beside each other, by what they draw, than it had
    at ``before``. Only the relations within ``_NEAR`` of either place are measured: the
    pairs of the others are the same both times."""
    after = rel.points
    around = bounds(line_segments(before) + line_segments(after), _NEAR)
    only = {r.index for r in layout.relations if len(r.points) > 1
            and around.overlaps(bounds(line_segments(r.points), 0.0))}
    now = len(crowded_lines(layout, _CLEAR, only))
    rel.points = before
    was = len(crowded_lines(layout, _CLEAR, only))
    rel.points = after
    return now < was


def _other_lines(layout: GenogramLayout, *mine: RelationPlace) -> Lines:
    """Every drawn line of ``layout`` but the relations ``mine``, as (half what it draws,
    its segments; see :func:`.named_lines`)."""
    names = {f"relation {rel.index}" for rel in mine}
    return [(half, segs) for name, half, segs in named_lines(layout) if name not in names]


def _steps() -> Iterator[float]:
    """How far a stretch is moved, nearest first: 1, -1, 2, -2, ... ``_MOST``."""
    for step in range(1, 2 * _MOST + 1):
        yield ((step + 1) // 2) * (1.0 if step % 2 else -1.0)


def _part(layout: GenogramLayout, rel: RelationPlace, framed: Collection[str],
          close: bool = False) -> bool:
    """Move each middle vertical stretch of ``rel`` that lies on another line (with
    ``close``, or closer beside one than :data:`LINE_CLEAR` by what both draw) to the
    best x found (see :func:`_score`); True when one moved. With ``close``, also the
    stretches between slanted ones (a detour round a corner) and the level stretches
    (moved up or down, see :func:`_part_level`)."""
    half = drawn_half(rel.kind)
    others = _other_lines(layout, rel)
    boxes = _obstacles(layout, rel, framed)
    own = [layout.people[pid].box for pid in rel.between]
    texts = OwnTexts.of(layout, rel)
    moved, left = _move_stretches(rel.points, half, others, boxes, own, close, texts=texts)
    for i in left:
        moved |= _swap_ends(layout, rel, i, half, boxes, own, texts)
    if close:
        moved |= _part_level(rel, half, others, boxes, own, texts)
    return moved


def _stretches(points: list[Point], bent: bool) -> Iterator[int]:
    """The ``i`` of each middle vertical stretch ``i``-``i+1`` of ``points`` between two
    level ones (with ``bent``, between two that are not vertical: level or slanted)."""
    for i in range(1, len(points) - 2):
        (x0, y0), (x1, y1) = points[i], points[i + 1]
        if x0 != x1 or y0 == y1:
            continue
        a, d = points[i - 1], points[i + 2]
        if (a[0] == x0 or d[0] == x1) if bent else (a[1] != y0 or d[1] != y1):
            continue
        yield i


def _move_stretches(points: list[Point], half: float, every: Lines, boxes: list[Box],
                    own: list[Box], close: bool, partly: bool = False,
                    texts: OwnTexts | None = None) -> tuple[bool, list[int]]:
    """Move the middle vertical stretches of ``points`` (a line drawing ``half`` either
    side) that lie on one of ``every`` (with ``close``, or run close beside one) to the
    best x found, clear of ``boxes`` and not through its own ends' boxes ``own``, in
    place: whether one moved, and the stretches on a line that found no x. ``texts``: its
    own ends' texts, which it comes no nearer to beyond the free stretch from a port
    (:meth:`.OwnTexts.keeps`) but where only a place nearer them scores better. With
    ``close`` a stretch moves only to an x where it is clear of every line, with
    ``partly`` also to one where it runs close beside fewer (the caller keeps that only
    where the drawing then has fewer crowded pairs)."""
    moved = False
    left: list[int] = []
    for i in _stretches(points, close):
        (x0, y0), (x1, y1) = points[i], points[i + 1]
        others = _within_any(every, _legs(points, i), _MOST + _REACH)
        before = _score(points, i, 0.0, half, others)
        if before[0] == 0 and not (close and before[1]):
            continue
        around = _boxes_near(boxes, _legs(points, i), _MOST, half)
        near = _near_boxes(points, i, 0.0, around)
        crossed = _crossings(points, i, 0.0, others)
        best: tuple[tuple[tuple[int, int], int], float] | None = None
        for dx in _steps():
            if not _keeps_shape(points, i, dx):
                continue
            score = _score(points, i, dx, half, others)
            if score >= before or (best is not None and (score, 0) >= best[0]):
                continue
            if not (_clear_of_boxes(points, i, dx, half, around, near, own)
                    and _crossings(points, i, dx, others) <= crossed):
                continue
            nearer = _own_nearer(texts, points, i, dx, half)
            if best is None or (score, nearer) < best[0]:
                best = ((score, nearer), dx)
                if best[0] == ((0, 0), 0):
                    break
        if best is not None and close and best[0][0] != (0, 0) and not partly:
            best = None  # moved only where it is then clear of every line
        if best is not None:
            dx = best[1]
            points[i] = (round2(x0 + dx), y0)
            points[i + 1] = (round2(x1 + dx), y1)
            moved = True
        elif before[0]:
            left.append(i)
    return moved, left


def _part_level(rel: RelationPlace, half: float, others: Lines, boxes: list[Box],
                own: list[Box], texts: OwnTexts) -> bool:
    """Move the middle level stretches of ``rel`` that run close beside another line up
    or down, as :func:`_move_stretches` moves vertical ones sideways (on the drawing
    mirrored in its diagonal): a detour over a symbol's top beside another line round the
    same corners. A level stretch moves also where it is then close beside fewer lines,
    not none (``partly``): a lane above a symbol whose line comes down into its top
    beside the ends of the child lines spread there and beside another line that turns
    off above them, moved down below where that other line turns, runs beside the
    child lines alone, and its end can then move away from them along the top
    (:func:`.genogram_ends.spread_ends`). True when one moved."""
    flipped = _flip(rel.points)
    if next(_stretches(flipped, True), None) is None:
        return False
    moved, _left = _move_stretches(
        flipped, half, _flip_lines(others),
        [_flip_box(b) for b in boxes], [_flip_box(b) for b in own], close=True,
        partly=True, texts=texts.flipped())
    if moved:
        rel.points = _flip(flipped)
    return moved


def _end_of(points: list[Point], i: int) -> tuple[int, int] | None:
    """For the vertical stretch ``i``-``i+1`` of ``points`` whose level neighbour on one
    side is the line's first or last segment (out of a symbol's side): ``(the end's index,
    the corner's index)``; else ``None``."""
    if i + 2 == len(points) - 1:
        return i + 2, i + 1
    if i == 1:
        return 0, 1
    return None


def _swap_ends(layout: GenogramLayout, rel: RelationPlace, i: int, half: float,
               boxes: list[Box], own: list[Box], texts: OwnTexts) -> bool:
    """Two lines out of one side of a symbol at two ports, down one x: the one leaving
    higher turns down inside the other, so wherever one of the two stretches moves, the
    lines cross, and lying on each other hid that crossing. With their ports swapped (each
    port stays on the outline where it was) they nest; then the stretch ``i`` of ``rel``
    moves off the other (see :func:`_part`). Kept only when the two lines together cross
    no more than before; True when done."""
    points = rel.points
    found = _end_of(points, i)
    if found is None:
        return False
    e, c = found
    x = points[i][0]
    end = points[e]
    person = rel.between[0 if e == 0 else 1]
    for other in layout.relations:
        if other is rel or person not in other.between:
            continue
        op = other.points
        for j in range(1, len(op) - 2):
            if op[j][0] != op[j + 1][0] or abs(op[j][0] - x) >= NEAR:
                continue
            theirs = _end_of(op, j)
            if theirs is None or op[theirs[0]] == end:
                continue
            oe, oc = theirs
            if other.between[0 if oe == 0 else 1] != person:
                continue  # not the same symbol
            if (op[oc][0] - op[oe][0]) * (points[c][0] - end[0]) <= 0:
                continue  # not out of the same side
            mine, yours = list(points), list(op)
            mine[e], yours[oe] = op[oe], end
            mine[c] = (mine[c][0], op[oe][1])
            yours[oc] = (yours[oc][0], end[1])
            if _turns_back(points, mine, i) or _turns_back(op, yours, j):
                continue
            rest = _other_lines(layout, rel, other)
            before = _pair_crossings(points, op, rest)
            ours = [*rest, (drawn_half(other.kind), list(itertools.pairwise(yours)))]
            around = _boxes_near(boxes, [*_legs(points, i), *_legs(mine, i)], _MOST, half)
            near = _near_boxes(points, i, 0.0, around)
            for dx in _steps():
                if not _keeps_shape(mine, i, dx) or _score(mine, i, dx, half, ours)[0]:
                    continue
                if not _clear_of_boxes(mine, i, dx, half, around, near, own) \
                        or _own_nearer(texts, mine, i, dx, half) != 0:
                    continue
                moved = list(mine)
                moved[i] = (round2(mine[i][0] + dx), mine[i][1])
                moved[i + 1] = (round2(mine[i + 1][0] + dx), mine[i + 1][1])
                if _pair_crossings(moved, yours, rest) <= before:
                    points[:] = moved
                    op[:] = yours
                    return True
    return False


def _turns_back(old: list[Point], new: list[Point], i: int) -> bool:
    """True when the vertical stretch ``i`` of ``new`` runs the other way than in
    ``old``, or has (nearly) no length."""
    a, b = old[i][1], old[i + 1][1]
    p, q = new[i][1], new[i + 1][1]
    return (q - p) * (b - a) <= 0 or abs(q - p) < 1.0


def _pair_crossings(a: list[Point], b: list[Point], rest: Lines) -> int:
    """How many crossings the lines ``a`` and ``b`` have with the lines ``rest`` and with
    each other."""
    return _cross(a, rest) + _cross(b, rest) + _cross(a, [(0.0, list(itertools.pairwise(b)))])


def _obstacles(layout: GenogramLayout, rel: RelationPlace, framed: Collection[str]
               ) -> list[Box]:
    """What a moved stretch of ``rel`` keeps clear of: the boxes of everyone but its ends,
    the couples' dates, and the boxes of the ``framed`` grown by ``_FRAMED`` (their
    household's outline)."""
    boxes = [p.box for pid, p in sorted(layout.people.items()) if pid not in rel.between]
    boxes += [pp.label_box for pp in layout.partnerships if pp.label_box is not None]
    boxes += [p.box.grow(_FRAMED) for pid, p in sorted(layout.people.items())
              if pid in framed and pid not in rel.between]
    return boxes


def _legs(points: list[Point], i: int) -> list[list[Point]]:
    """The three segments around the vertical stretch ``i``-``i+1`` of ``points``, each
    as its two ends (what moves with the stretch, see :func:`_moved`)."""
    return [list(pair) for pair in itertools.pairwise(points[i - 1:i + 3])]


def _shifted(points: list[Point], i: int, dx: float) -> list[Point]:
    """The four points around the vertical stretch ``i``-``i+1`` of ``points`` once it has
    moved by ``dx``: its ends moved, the far ends of the level stretches either side not."""
    a, b, c, d = points[i - 1], points[i], points[i + 1], points[i + 2]
    return [a, (b[0] + dx, b[1]), (c[0] + dx, c[1]), d]


def _moved(points: list[Point], i: int, dx: float) -> list[Segment]:
    """The three segments around the vertical stretch ``i``-``i+1`` of ``points`` once it
    has moved by ``dx``: the level one before it, itself, the level one after it."""
    return list(itertools.pairwise(_shifted(points, i, dx)))


def _keeps_shape(points: list[Point], i: int, dx: float) -> bool:
    """True when the level stretches on either side keep their direction and some length
    (the line does not turn back on itself)."""
    a, b, c, d = points[i - 1], points[i], points[i + 1], points[i + 2]
    x = b[0] + dx
    return (x - a[0]) * (b[0] - a[0]) > 1.0 and (x - d[0]) * (c[0] - d[0]) > 1.0


def _score(points: list[Point], i: int, dx: float, half: float,
           others: Lines) -> tuple[int, int]:
    """For the stretch ``i`` moved by ``dx``: :func:`_on` of its three segments."""
    return _on(_shifted(points, i, dx), half, others)


def _near_boxes(points: list[Point], i: int, dx: float, boxes: list[Box]) -> list[float]:
    """Per box, how near the three segments around stretch ``i`` (moved by ``dx``) come."""
    return _nearest(_moved(points, i, dx), boxes)


def _clear_of_boxes(points: list[Point], i: int, dx: float, half: float, boxes: list[Box],
                    before: list[float], own: list[Box]) -> bool:
    """True when the stretch moved by ``dx`` comes no nearer to any box than it was, or
    than what it draws plus :data:`TEXT_CLEAR`, and its vertical segment passes through
    neither of its own ends' boxes."""
    segs = _moved(points, i, dx)
    if any(segment_box(segs[1], box) == 0.0 for box in own):
        return False
    return _no_nearer(segs, boxes, before, half)


def _own_nearer(texts: OwnTexts | None, points: list[Point], i: int, dx: float, half: float
                ) -> int:
    """For the line ``points`` with stretch ``i`` moved by ``dx``: 0 when it comes no
    nearer to its own ends' ``texts`` beyond the free stretch from its ports than it was
    or than what it draws plus :data:`TEXT_CLEAR` (see :class:`.OwnTexts`), else 1."""
    if texts is None:
        return 0
    moved = [*points[:i - 1], *_shifted(points, i, dx), *points[i + 3:]]
    return 0 if texts.keeps(moved, half) else 1


def _crossings(points: list[Point], i: int, dx: float, others: Lines) -> int:
    """How many segments of the other lines the three segments around stretch ``i``
    (moved by ``dx``) cross."""
    return _cross(_shifted(points, i, dx), others)


_PORT_MOST: Final = SYMBOL / 2 - 2
"""The farthest from the middle of a symbol a line leaves its side (as the ports given
out by :mod:`.genogram_relations`)."""
_PORT_APART: Final = 4.5
"""How far apart the ends of two lines on one symbol stay, so they do not seem to share
a port."""


def _part_port(layout: GenogramLayout, rel: RelationPlace,
               half_width: Callable[[str, float], float], framed: Collection[str],
               close: bool = False) -> bool:
    """A line out of a symbol's side (its first or last segment level, the next one
    vertical) or top (that segment vertical, the next one level) that runs beside another
    line there leaves at another port on that side or top: the nearest, in steps of half
    a unit up to ``_PORT_MOST`` from the middle, where neither moved segment lies on
    another line, its end keeps ``_PORT_APART`` from every other line's end on that
    symbol, no box comes nearer and no more lines are crossed; the nearest that comes no
    nearer to its own ends' text beyond the free stretch from a port either
    (:class:`.OwnTexts`), else the nearest. With ``close``, also one
    that runs closer beside another line than :data:`LINE_CLEAR` by what both draw,
    moved only where it then lies neither on nor close beside any. True when one
    moved."""
    half = drawn_half(rel.kind)
    moved = False
    for first in (True, False):
        points = rel.points if first else rel.points[::-1]
        if len(points) < 3:
            continue
        pid = rel.between[0 if first else 1]
        port = _port(points, layout.people[pid].symbol, functools.partial(half_width, pid))
        if port is None:
            continue
        place, shaped, d0 = port
        others = _other_lines(layout, rel)
        before = _on(points[:3], half, others)
        if before[0] == 0 and not (close and before[1]):
            continue
        x0, y0 = points[0]
        ends = [p for _h, segs in others for seg in segs for p in seg
                if abs(p[0] - x0) <= SYMBOL and abs(p[1] - y0) <= SYMBOL]
        # the moved port and first bend stay on the symbol's outline and beside it
        corners = layout.people[pid].symbol.corners()
        boxes = _boxes_near(_obstacles(layout, rel, framed),
                            [[*points[:2], *corners], [*points[1:3], *corners]], SYMBOL, half)
        near = _nearest(list(itertools.pairwise(points[:3])), boxes)
        crossed = _cross(points[:3], others)
        texts = OwnTexts.of(layout, rel)
        tries = sorted((k / 2 for k in range(int(-2 * _PORT_MOST), int(2 * _PORT_MOST) + 1)),
                       key=lambda d: (abs(d - d0), d))
        found: tuple[int, list[Point]] | None = None
        for d in tries:
            new = [*place(d), points[2]]
            if d == d0 or not shaped(new):
                continue
            if any(math.dist(p, new[0]) < _PORT_APART for p in ends):
                continue
            score = _on(new, half, others)
            if (score != (0, 0) if close else score[0]) or _cross(new, others) > crossed:
                continue
            if not _no_nearer(list(itertools.pairwise(new)), boxes, near, half):
                continue
            whole = [*new, *points[3:]]
            whole = whole if first else whole[::-1]
            if texts.keeps(whole, half):
                found = (0, new)
                break
            if found is None:
                found = (1, new)  # taken where no port keeps clear of its own text
        if found is not None:
            points[:2] = found[1][:2]
            rel.points = points if first else points[::-1]
            moved = True
    return moved


Place = Callable[[float], list[Point]]
"""A port's two points (on the outline, at the first bend) for an offset from the middle."""


def _port(points: list[Point], symbol: Box, half_width: Callable[[float], float]
          ) -> tuple[Place, Callable[[list[Point]], bool], float] | None:
    """How the port where ``points`` leave ``symbol`` may move: a function placing it at
    an offset from the middle of the side (or of the top), a test that the moved first
    three points keep the line's shape (its first two segments their directions and some
    length), and the port's offset now; ``None`` when the line does not leave by a port on
    the outline of a side or the top (a straight line, a stub)."""
    (x0, y0), (x1, y1), (x2, y2) = points[:3]
    cx, cy, r = symbol.cx, symbol.cy, SYMBOL / 2
    if y0 == y1 and x0 != x1 and x1 == x2 and y1 != y2:  # out of a side
        side = 1.0 if x1 > x0 else -1.0
        if abs(x0 - (cx + side * half_width(y0 - cy))) > 0.5:
            return None

        def beside(d: float) -> list[Point]:
            y = round2(cy + d)
            return [(round2(cx + side * half_width(d)), y), (x1, y)]

        def level(new: list[Point]) -> bool:
            (a, _), (b, y), _c = new
            return (b - a) * side >= 1.0 and (y - y2) * (y1 - y2) > 0 and abs(y - y2) >= 1.0

        return beside, level, y0 - cy
    if x0 == x1 and y1 < y0 and y1 == y2 and x1 != x2:  # out of the top
        top = symbol.y
        if abs(y0 - (top + r - half_width(x0 - cx))) > 0.5:
            return None

        def above(d: float) -> list[Point]:
            x = round2(cx + d)
            return [(x, round2(top + r - half_width(d))), (x, y1)]

        def upright(new: list[Point]) -> bool:
            (_, a), (x, b), _c = new
            return (x2 - x) * (x2 - x1) > 0 and abs(x2 - x) >= 1.0 and a - b >= 1.0

        return above, upright, x0 - cx
    return None
