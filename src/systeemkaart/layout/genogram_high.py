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
    before: _Fare | None = None
    for k in range(len(pending.relation)):
        place, path = pending.relation[k]
        high = _high_way(router, path)
        if high is None:
            continue
        if before is None:
            before = _Fare(work, pending, geometry)
        new_path, old_ref, new_ref = high
        router.release(old_ref)
        pending.relation[k] = (place, new_path)
        moved = regeometry()
        now = _Fare(work, pending, moved)
        if now.better(before):
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


class _Fare:
    """How the drawing fares at one geometry: how many times its emotional lines cross
    lines and how many stretches run along (or close beside) family lines (see
    :func:`.genogram_reroute.measure`); then, worked out only where those decide, how
    many pairs of lines crowd each other, how many lines pass someone's box and how many
    run along another."""

    def __init__(self, work: Work, pending: Pending, geometry: Geometry) -> None:
        self.along, self.crossed, self.drawing = measure(work, pending, geometry)
        self.scene = Scene(work, pending, geometry)
        self.ends = [place.between for place, _path in pending.relation]
        self._rest: tuple[int, int, int] | None = None

    def rest(self) -> tuple[int, int, int]:
        """Pairs crowding each other, lines passing a box, lines along another."""
        if self._rest is None:
            boxed = sum(1 for ends, (points, half, _centres) in zip(self.ends, self.drawing,
                                                                     strict=True)
                        if not self.scene.clear(ends, points, half))
            others = LineIndex()
            segs = [line_segments(points) for points, _half, _centres in self.drawing]
            for k, s in enumerate(segs):
                others.add(s, k)
            on = sum(1 for k, s in enumerate(segs) if any(others.along(t, k) for t in s))
            self._rest = (crowded_pairs(self.drawing), boxed, on)
        return self._rest

    def better(self, before: _Fare) -> bool:
        """True when the lines cross fewer lines than ``before`` and fare no worse
        otherwise."""
        return self.crossed < before.crossed and self.along <= before.along \
            and all(a <= b for a, b in zip(self.rest(), before.rest(), strict=True))
