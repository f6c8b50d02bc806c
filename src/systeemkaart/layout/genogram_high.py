"""Genogram emotional lines moved above a band's sibling bars, one at a time.

A relation line down into the top of a person runs across in a lane of the band above
that person, and a band's relation lanes stand below its sibling bars. Where the line
comes down into the band over a sibling bar that ends before the person's port (a
daughter at the far end of her siblings' bar, the line coming down beside her mother),
it crosses the bar; run across above the bars instead (a lane of class 3, see
:data:`.genogram_route.LANE_CLASSES`), it comes down past the bar's end and need not.

A lane above the bars takes room and moves the drawing, so this is tried only once the
ways are chosen and settled (``Work.polish``), for one line at a time: the line is kept
above the bars only where the whole drawing then crosses fewer lines (family lines and
emotional lines), runs along no more family lines, crowds no more pairs of lines, and no
more lines run through boxes or along each other; else everything goes back as it was.

Cost: one more geometry and measure of the drawing per line that may pass a bar's end,
which is rare.
"""

from __future__ import annotations

from collections.abc import Callable

from .genogram_clear import crowded_pairs
from .genogram_near import LineIndex, line_segments
from .genogram_places import Pending, Work
from .genogram_reroute import measure
from .genogram_route import RefPoint, Router
from .genogram_scene import Geometry, Scene

__all__ = ["above_bars"]

_ABOVE: int = 3
"""The class of a relation lane above a band's sibling bars."""


def above_bars(work: Work, pending: Pending, geometry: Geometry,
               regeometry: Callable[[], Geometry]) -> Geometry:
    """Move each emotional line that crosses a sibling bar on its way across to a port
    beyond the bar's end into a lane above the band's bars, where the drawing then fares
    better (see the module docstring); returns the geometry as it then stands."""
    router = work.router
    assert router is not None
    before: tuple[int, int, int, int, int] | None = None
    for k in range(len(pending.relation)):
        place, path = pending.relation[k]
        high = _high_way(router, path)
        if high is None:
            continue
        if before is None:
            before = _fare(work, pending, geometry)
        new_path, old_ref, new_ref = high
        router.release(old_ref)
        pending.relation[k] = (place, new_path)
        moved = regeometry()
        now = _fare(work, pending, moved)
        if now[0] < before[0] and all(a <= b for a, b in zip(now[1:], before[1:],
                                                              strict=True)):
            geometry, before = moved, now
            continue
        router.release(new_ref)
        router.release(old_ref, False)
        pending.relation[k] = (place, path)
        geometry = regeometry()
    return geometry


def _high_way(router: Router, path: list[RefPoint]
              ) -> tuple[list[RefPoint], tuple[str, int, float], tuple[str, int, float]] | None:
    """``path`` with its last stretch across (at either end) in a new lane above the
    band's sibling bars, where it now runs below a bar that reaches over where it comes
    down into the band but ends before the port it goes on down to; with the lane it
    used and the new one. ``None`` where no such stretch is."""
    for reverse in (False, True):
        way = path[::-1] if reverse else path
        if len(way) < 4:
            continue
        (x_in, ref_in), (x_port, ref), (_x, end) = way[-3], way[-2], way[-1]
        if ref[0] != "lane" or ref_in != ref or end[0] == "lane":
            continue
        lane = router.lanes[ref[1]]
        if lane.cls != 1 or lane.unused or end[1] != lane.band \
                or not _bar_ends_between(router, lane.band, x_in, x_port):
            continue
        new_ref = router.lane(lane.band, lane.x1, lane.x2, _ABOVE, lane.ups, lane.downs,
                              lane.half, lane.slants)
        new = [(x, new_ref if r == ref else r) for x, r in way]
        return (new[::-1] if reverse else new), ref, new_ref
    return None


def _bar_ends_between(router: Router, band: int, start: float, end: float) -> bool:
    """True when a sibling bar of ``band`` reaches over ``start`` but ends before
    ``end``: a line from above ``start`` down to ``end`` below the band crosses it when
    it runs across below the bar, and need not when it runs across above it."""
    return any(lane.band == band and lane.cls == 0 and not lane.unused
               and lane.x1 < start < lane.x2 and not lane.x1 <= end <= lane.x2
               for lane in router.lanes)


def _fare(work: Work, pending: Pending, geometry: Geometry) -> tuple[int, int, int, int, int]:
    """How the drawing fares at ``geometry``: how many times its emotional lines cross
    lines, how many stretches run along (or close beside) family lines, how many pairs
    crowd each other, how many lines pass someone's box and how many run along another."""
    along, crossed, drawing = measure(work, pending, geometry)
    scene = Scene(work, pending, geometry)
    boxed = sum(1 for (place, _path), (points, half, _ends)
                in zip(pending.relation, drawing, strict=True)
                if not scene.clear(place.between, points, half))
    others = LineIndex()
    segs = [line_segments(points) for points, _half, _ends in drawing]
    for k, s in enumerate(segs):
        others.add(s, k)
    on = sum(1 for k, s in enumerate(segs) if any(others.along(t, k) for t in s))
    return crossed, along, crowded_pairs(drawing), boxed, on
