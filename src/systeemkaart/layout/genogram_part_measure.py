"""Measures for parting genogram emotional lines (:mod:`.genogram_part`): how many other
lines a few segments lie on, run close beside or cross, how near they come to boxes, and
the drawing mirrored in its diagonal (so level stretches move as vertical ones do).

Cost: each measure is linear in the segments it is given; :func:`within_any` and
:func:`boxes_near` keep only the lines and boxes near the segments of a stretch (picked
out once per stretch), so a try costs what lies around it, not the whole drawing.
"""

from __future__ import annotations

import itertools
from typing import Final

from . import Box, Point, proper_cross
from .genogram_clear import segment_box
from .genogram_near import ALONG, NEAR
from .genogram_route import LINE_CLEAR, TEXT_CLEAR

__all__ = ["REACH", "Lines", "Segment", "boxes_near", "cross", "flip", "flip_box", "flip_lines",
           "nearest", "no_nearer", "on_lines", "within", "within_any"]

Segment = tuple[Point, Point]

Lines = list[tuple[float, list[Segment]]]
"""Lines as (half what each draws, its segments)."""

REACH: Final = 20.0
"""Farther than two lines' drawn halves and :data:`LINE_CLEAR` together: a segment that
far from a stretch, wherever it moves, neither lies on it nor runs close beside it."""


def within(lines: Lines, points: list[Point], grow: float) -> Lines:
    """The segments of ``lines`` that come within the bounding box of ``points`` grown by
    ``grow``: all that a stretch of those points moved up to ``grow`` less ``REACH`` can
    meet, lie on or run close beside (the others are not measured)."""
    return within_any(lines, [points], grow)


def within_any(lines: Lines, parts: list[list[Point]], grow: float) -> Lines:
    """The segments of ``lines`` that come within the bounding box of one of ``parts``
    (some points each) grown by ``grow``: as :func:`within`, for a few segments measured
    each within its own bounds (the bounding box of a long vertical stretch and the level
    ones either side holds much that none of them comes near)."""
    around = [(min(x for x, _y in points) - grow, max(x for x, _y in points) + grow,
               min(y for _x, y in points) - grow, max(y for _x, y in points) + grow)
              for points in parts]
    out: Lines = []
    for half, segs in _within_box(lines, (min(b[0] for b in around), max(b[1] for b in around),
                                          min(b[2] for b in around), max(b[3] for b in around))):
        near = [t for t in segs if any(_meets(t, box) for box in around)]
        if near:
            out.append((half, near))
    return out


def _within_box(lines: Lines, box: tuple[float, float, float, float]) -> Lines:
    """The segments of ``lines`` that meet ``box`` (least and greatest x, least and
    greatest y)."""
    lo_x, hi_x, lo_y, hi_y = box
    out: Lines = []
    for half, segs in lines:
        near = [t for t in segs if max(t[0][0], t[1][0]) >= lo_x and min(t[0][0], t[1][0])
                <= hi_x and max(t[0][1], t[1][1]) >= lo_y and min(t[0][1], t[1][1]) <= hi_y]
        if near:
            out.append((half, near))
    return out


def _meets(t: Segment, box: tuple[float, float, float, float]) -> bool:
    """True when the bounds of segment ``t`` meet ``box`` (as :func:`_within_box`)."""
    lo_x, hi_x, lo_y, hi_y = box
    return max(t[0][0], t[1][0]) >= lo_x and min(t[0][0], t[1][0]) <= hi_x \
        and max(t[0][1], t[1][1]) >= lo_y and min(t[0][1], t[1][1]) <= hi_y


def boxes_near(boxes: list[Box], parts: list[list[Point]], move: float, half: float
               ) -> list[Box]:
    """The ``boxes`` that a few segments may come nearer to than what the line draws
    (``half``) and :data:`TEXT_CLEAR`, each segment lying within the bounds of one of
    ``parts`` (some points) wherever it moves, up to ``move`` beyond them: the other
    boxes stay farther than that, so :func:`no_nearer` holds for them wherever the
    segments move, and they need not be measured (a large drawing has thousands)."""
    reach = move + half + TEXT_CLEAR + 1.0
    around: list[Box] = []
    for points in parts:
        xs = [x for x, _y in points]
        ys = [y for _x, y in points]
        around.append(Box(min(xs) - reach, min(ys) - reach, max(xs) - min(xs) + 2 * reach,
                          max(ys) - min(ys) + 2 * reach))
    return [box for box in boxes if any(part.overlaps(box) for part in around)]


def flip(points: list[Point]) -> list[Point]:
    """``points`` mirrored in the diagonal (x and y swapped)."""
    return [(y, x) for x, y in points]


def flip_lines(lines: Lines) -> Lines:
    """``lines`` mirrored in the diagonal (each segment's x and y swapped)."""
    return [(half, [((a[1], a[0]), (b[1], b[0])) for a, b in segs]) for half, segs in lines]


def flip_box(box: Box) -> Box:
    """``box`` mirrored in the diagonal."""
    return Box(box.y, box.x, box.h, box.w)


def nearest(segs: list[Segment], boxes: list[Box]) -> list[float]:
    """Per box, how near the segments ``segs`` come to it."""
    return [min(segment_box(s, box) for s in segs) for box in boxes]


def no_nearer(segs: list[Segment], boxes: list[Box], before: list[float],
               half: float) -> bool:
    """True when ``segs`` come no nearer to any of ``boxes`` than ``before`` (per box) or
    than what the line draws (``half``) plus :data:`TEXT_CLEAR`."""
    need = half + TEXT_CLEAR
    return all(near >= min(old, need) - 1e-6
               for near, old in zip(nearest(segs, boxes), before, strict=True))


def on_lines(points: list[Point], half: float, others: Lines) -> tuple[int, int]:
    """How many other lines' segments (``others``: half the width each draws, segments)
    the segments of ``points`` lie on (closer than ``NEAR``, along more than
    ``ALONG``), and how many they come closer to than :data:`LINE_CLEAR` by what both
    draw (``half``: what this line draws)."""
    on = close = 0
    for s in itertools.pairwise(points):
        vertical = s[0][0] == s[1][0]
        if not vertical and s[0][1] != s[1][1]:
            continue  # slanted: measured as drawn by the caller (crowded_lines)
        at = s[0][0] if vertical else s[0][1]
        k = 1 if vertical else 0
        lo, hi = sorted((s[0][k], s[1][k]))
        for other_half, segs in others:
            for t in segs:
                if (t[0][0] == t[1][0]) != vertical or t[0] == t[1]:
                    continue
                gap = abs(at - (t[0][0] if vertical else t[0][1]))
                if gap >= NEAR and gap - half - other_half >= LINE_CLEAR - 1.0:
                    continue  # too far across to count, however far they run along
                if min(hi, max(t[0][k], t[1][k])) - max(lo, min(t[0][k], t[1][k])) <= ALONG:
                    continue
                if gap < NEAR:
                    on += 1
                else:
                    close += 1
    return on, close


def cross(points: list[Point], others: Lines) -> int:
    """How many segments of ``others`` the segments of ``points`` cross."""
    return sum(1 for s in itertools.pairwise(points) for _h, ts in others for t in ts
               if proper_cross(s, t))
