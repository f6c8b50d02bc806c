"""Styled SVG lines: dashes, double and triple lines, zigzags, arrows and cut marks, as the
genogram and systemogram standards draw emotional relations and family lines."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import Final

from .styles import LineStyle
from .svgmarkup import Element, Point, SvgDoc, markup, points_attr

__all__ = ["arrow_head", "line_markup", "offset_polyline", "paint_line", "zigzag_points"]

_MAX_WAVES: Final = 14


def offset_polyline(points: Sequence[Point], d: float) -> list[Point]:
    """The polyline shifted sideways by ``d`` (left of the direction of travel when d > 0).

    Corners are mitred, so parallel lines stay parallel around orthogonal bends.
    """
    pts = _dedupe(points)
    if len(pts) < 2:
        return list(pts)
    normals: list[Point] = []
    for (x1, y1), (x2, y2) in itertools.pairwise(pts):
        length = math.hypot(x2 - x1, y2 - y1)
        normals.append(((y1 - y2) / length, (x2 - x1) / length))
    out = [(pts[0][0] + normals[0][0] * d, pts[0][1] + normals[0][1] * d)]
    for i in range(1, len(pts) - 1):
        n1, n2 = normals[i - 1], normals[i]
        mx, my = n1[0] + n2[0], n1[1] + n2[1]
        dot = 1 + n1[0] * n2[0] + n1[1] * n2[1]
        if dot < 1e-6:  # a full reversal: no sensible miter
            out.append((pts[i][0] + n2[0] * d, pts[i][1] + n2[1] * d))
            continue
        out.append((pts[i][0] + mx * d / dot, pts[i][1] + my * d / dot))
    out.append((pts[-1][0] + normals[-1][0] * d, pts[-1][1] + normals[-1][1] * d))
    return out


def _dedupe(points: Sequence[Point]) -> list[Point]:
    if not points:
        return []
    last = points[0]
    out: list[Point] = [last]
    for p in points:
        if abs(last[0] - p[0]) > 1e-9 or abs(last[1] - p[1]) > 1e-9:
            out.append(p)
            last = p
    return out


def zigzag_points(points: Sequence[Point], *, amplitude: float = 3.0,
                  wavelength: float = 8.0) -> list[Point]:
    """A triangle wave along the polyline; segments shorter than a wavelength stay straight.

    Each segment keeps a short straight piece at both ends, so corners and the ends at the
    symbols stay clean; on a long segment the wave covers the middle stretch only.
    """
    pts = _dedupe(points)
    if len(pts) < 2:
        return list(pts)
    out: list[Point] = [pts[0]]
    for (x1, y1), (x2, y2) in itertools.pairwise(pts):
        length = math.hypot(x2 - x1, y2 - y1)
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        nx, ny = -uy, ux
        waves = min(int((length - 4.0) // wavelength), _MAX_WAVES)
        if waves >= 1:
            lead = (length - waves * wavelength) / 2
            for k in range(waves * 2):
                t = lead + (k + 0.5) * wavelength / 2
                side = amplitude if k % 2 == 0 else -amplitude
                out.append((x1 + ux * t + nx * side, y1 + uy * t + ny * side))
        out.append((x2, y2))
    return out


def arrow_head(points: Sequence[Point], size: float = 7.0) -> list[Point]:
    """The three corners of an arrowhead at the end of the polyline, pointing along it."""
    pts = _dedupe(points)
    (x1, y1), (x2, y2) = pts[-2], pts[-1]
    length = math.hypot(x2 - x1, y2 - y1)
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    bx, by = x2 - ux * size, y2 - uy * size
    half = size * 0.45
    return [(x2, y2), (bx - uy * half, by + ux * half), (bx + uy * half, by - ux * half)]


def paint_line(doc: SvgDoc, parent: Element, points: Sequence[Point], style: LineStyle) -> None:
    """Paint ``points`` (a polyline) in ``style`` into ``parent``.

    Handles the patterns (parallel lines, zigzag, cut marks) and the arrowhead. With an
    arrow, the line stops at the arrowhead's base so the tip stays sharp.
    """
    parent.add_markup(line_markup(points, style))


_TAILS: dict[LineStyle, str] = {}
_MARK_CLEAR = 12.0
"""Least distance from a cut-off's marks (their middle) to a line crossing it."""
_MARK_PLACES = (0.5, 0.35, 0.65, 0.25, 0.75)
"""Where along a segment a cut-off's marks may stand, in order of preference."""


def _line_tail(style: LineStyle) -> str:
    """The attributes every polyline of ``style`` carries, closing the tag."""
    tail = _TAILS.get(style)
    if tail is None:
        tail = markup("polyline", stroke=style.colour, stroke_width=style.width,
                      stroke_dasharray=style.dash, stroke_linejoin="round",
                      stroke_linecap="butt", fill="none")[len("<polyline"):]
        _TAILS[style] = tail
    return tail


def line_markup(points: Sequence[Point], style: LineStyle, avoid: Sequence[Point] = ()) -> str:
    """What :func:`paint_line` paints, as text ("" for fewer than two distinct points).

    ``avoid``: points where other lines cross this one; a cut-off's marks keep away from
    them, so they are never read as marks on the line crossed."""
    pts = _dedupe(points)
    if len(pts) < 2:
        return ""
    tail = _line_tail(style)
    body = pts
    if style.arrow:
        (x1, y1), (x2, y2) = pts[-2], pts[-1]
        length = math.hypot(x2 - x1, y2 - y1)
        cut = min(6.0, length * 0.8)
        body = [*pts[:-1], (x2 - (x2 - x1) / length * cut, y2 - (y2 - y1) / length * cut)]
    pattern = style.pattern
    out: list[str] = []
    if pattern == "plain":
        out.append(f'<polyline points="{points_attr(body)}"{tail}')
    elif pattern in {"double", "triple"}:
        gap = 2.6
        offsets = [-gap / 2, gap / 2] if pattern == "double" else [-gap, 0.0, gap]
        for off in offsets:
            out.append(f'<polyline points="{points_attr(offset_polyline(body, off))}"{tail}')
    elif pattern == "zigzag":
        out.append(f'<polyline points="{points_attr(zigzag_points(body))}"{tail}')
    elif pattern == "double_zigzag":
        for off in (-2.6, 2.6):
            out.append(f'<polyline points="{points_attr(offset_polyline(body, off))}"{tail}')
        out.append(f'<polyline points="{points_attr(zigzag_points(body, amplitude=4.0))}"{tail}')
    elif pattern == "cut":
        out.append(f'<polyline points="{points_attr(body)}"{tail}')
        out.append(_cut_marks(body, style, avoid))
    if style.arrow:
        out.append(markup("polygon", points=points_attr(arrow_head(pts)), fill=style.colour,
                          stroke="none"))
    return "".join(out)


def _cut_marks(pts: Sequence[Point], style: LineStyle, avoid: Sequence[Point] = ()) -> str:
    """Two short bars across the line (a cut-off relation): across the middle of its
    longest segment, unless another line crosses there; then at the first place along the
    segments, longest first, that stands :data:`_MARK_CLEAR` from every point in ``avoid``
    (else the place farthest from them)."""
    order = sorted(range(len(pts) - 1),
                   key=lambda i: -math.hypot(pts[i + 1][0] - pts[i][0],
                                             pts[i + 1][1] - pts[i][1]))
    best: tuple[float, int, float] | None = None
    for i in order:
        (x1, y1), (x2, y2) = pts[i], pts[i + 1]
        for t in _MARK_PLACES:
            mx, my = x1 + (x2 - x1) * t, y1 + (y2 - y1) * t
            room = min((math.hypot(mx - ax, my - ay) for ax, ay in avoid), default=math.inf)
            if best is None or room > best[0]:
                best = (room, i, t)
            if room >= _MARK_CLEAR:
                break
        if best is not None and best[0] >= _MARK_CLEAR:
            break
    assert best is not None
    _room, i, t = best
    (x1, y1), (x2, y2) = pts[i], pts[i + 1]
    length = math.hypot(x2 - x1, y2 - y1)
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    mx, my = x1 + (x2 - x1) * t, y1 + (y2 - y1) * t
    out = []
    for shift in (-2.5, 2.5):
        cx, cy = mx + ux * shift, my + uy * shift
        out.append(markup("line", x1=cx - uy * 5, y1=cy + ux * 5, x2=cx + uy * 5,
                          y2=cy - ux * 5, stroke=style.colour, stroke_width=style.width))
    return "".join(out)
