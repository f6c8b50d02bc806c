"""The order across a corridor of systemogram lines that share it, from where they leave.

Lines that run side by side through one corridor part without crossing only in one
order: at the end of the corridor, a line that turns off towards one side before another
must lie on that side of it, and a line turning off towards one side lies on that side
of a line turning off towards the other (as connector routing orders the segments that
share a channel before spacing them: libavoid's nudging). :func:`order_across` compares
two lines by where and to which side each leaves the corridor at both of its ends.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import Point

__all__ = ["LEAVE", "order_across"]

LEAVE = 6.0
"""Distance (units) across the corridor a line must move off its track to have left it:
a step aside onto a neighbouring track is not leaving."""
_SAME = 1.0
"""Distance (units) along the corridor within which two lines leave at the same place."""


def _leaves(path: Sequence[Point], k: int, forward: bool, u: Point
            ) -> tuple[float, int]:
    """Where (units along ``u``) and to which side of the corridor (1: the side of its
    normal, -1: the other, 0: it ends in the corridor) the line ``path`` leaves it,
    walking from its segment ``k`` with the corridor (``forward``) or against it."""
    nx, ny = -u[1], u[0]
    step = 1 if forward == ((path[k + 1][0] - path[k][0]) * u[0]
                            + (path[k + 1][1] - path[k][1]) * u[1] >= 0) else -1
    cur = k + 1 if step > 0 else k
    base = path[cur][0] * nx + path[cur][1] * ny
    while 0 <= cur + step < len(path):
        nxt = path[cur + step]
        off = nxt[0] * nx + nxt[1] * ny - base
        if abs(off) > LEAVE:
            at = path[cur][0] * u[0] + path[cur][1] * u[1]
            return at, (1 if off > 0 else -1)
        cur += step
    return path[cur][0] * u[0] + path[cur][1] * u[1], 0


def _vote(a: tuple[float, int], b: tuple[float, int], sign: float) -> int:
    """Which side of line a line b must lie on (1: the normal's, -1: the other, 0: either)
    for neither to cross the other where they leave the corridor at one end: ``a`` and
    ``b`` are where and to which side each leaves, ``sign`` 1 at the corridor's far end
    (leaving first: the smaller position) and -1 at its near end."""
    (pa, sa), (pb, sb) = a, b
    first_a = sign * (pb - pa) > _SAME  # a leaves before b
    first_b = sign * (pa - pb) > _SAME
    if sa and sb:
        if sa != sb:
            return sb
        return sa if first_b else -sa if first_a else 0
    if sa and first_a:  # b runs on past where a turns off: a lies on its side
        return -sa
    if sb and first_b:
        return sb
    return 0


def order_across(paths: Sequence[Sequence[Point]], i: int, k: int, j: int, m: int,
                 u: Point) -> int:
    """Which side of segment ``k`` of line ``i`` segment ``m`` of line ``j`` should lie
    on across the corridor running along the unit vector ``u`` (1: the side of ``u``'s
    normal ``(-u.y, u.x)``, -1: the other, 0: either, or a crossing is unavoidable and
    the order may stay), judged by where each line leaves the corridor at both ends (see
    the module docstring). A frame edge (``i`` or ``j`` < 0) has no order."""
    if i < 0 or j < 0:
        return 0
    far = _vote(_leaves(paths[i], k, True, u), _leaves(paths[j], m, True, u), 1.0)
    near = _vote(_leaves(paths[i], k, False, u), _leaves(paths[j], m, False, u), -1.0)
    if far and near and far != near:
        return 0
    return far or near
