"""Genogram emotional lines: two routes through the same bands exchange their lanes.

Each route takes its lanes and corridor slots in the order the relations come, so two
routes that go the same way through the same bands (a parent's line and an aunt's line,
both down to one child) may each take the higher lane in one band and the lower in the
next, and cross each other twice on the way. Once the drawing has its final
coordinates, :func:`exchange_lanes` gives two such routes each other's middles: each
keeps its ends (its ports and the corridors beside its symbols), and runs along the
other's lanes and through the other's slots in between. Kept when the lines then cross
fewer lines in all and run along and crowd no more (see :func:`.genogram_reroute.better`).

Cost: only pairs of routes whose lanes lie in the same bands, one after the other, and
that cross each other at least twice are tried (few); each try measures the whole
drawing once.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from typing import Final

from . import proper_cross
from .genogram_dot import LARGE
from .genogram_near import Segment, line_segments
from .genogram_places import Pending, Work
from .genogram_reroute import better, measure
from .genogram_route import RefPoint
from .genogram_scene import Geometry, Scene

__all__ = ["exchange_lanes"]

_MOST: Final = 5
"""The most lanes and slots between them two routes exchange in every combination (each
one measures the drawing: 2 to this power tries at most)."""


def _middle(path: list[RefPoint]) -> tuple[int, int] | None:
    """The first and last index of the lane points of ``path`` when they are at least two
    and make its middle: each lane's two points next to each other, and each point
    between two lanes at one x (the slot it comes down through); else ``None``."""
    lanes = [i for i, (_x, (kind, _ref, _dy)) in enumerate(path) if kind == "lane"]
    if len(lanes) < 2 or len(lanes) % 2 or lanes[-1] - lanes[0] + 1 != len(lanes):
        return None
    first = lanes[0]
    if any(path[first + 2 * j][1] != path[first + 2 * j + 1][1]
           or (j and path[first + 2 * j - 1][0] != path[first + 2 * j][0])
           for j in range(len(lanes) // 2)):
        return None
    return first, lanes[-1]


def _exchanged(own: list[RefPoint], mine: tuple[int, int], other: list[RefPoint],
               theirs: tuple[int, int], mask: int) -> list[RefPoint]:
    """``own`` with the lanes (bit ``2 j`` of ``mask``: the ``j``-th) and the slots
    between them (bit ``2 j + 1``: the one below the ``j``-th lane) of ``other`` between its
    first and last lane point: its own x where it comes down to its first lane and goes
    on from its last."""
    first, last = mine
    start = theirs[0]
    out = list(own)
    for i in range(last - first + 1):
        x, ref = own[first + i]
        j = i // 2  # the lane
        if mask >> (2 * j) & 1:
            ref = other[start + i][1]
        slot = j if i % 2 else j - 1  # the slot this point comes down or goes on through
        if slot >= 0 and 2 * slot + 2 <= last - first and mask >> (2 * slot + 1) & 1:
            x = other[start + i][0]
        out[first + i] = (x, ref)
    return out


def exchange_lanes(work: Work, pending: Pending, geometry: Geometry, scene: Scene) -> None:
    """Give two routes whose lanes lie in the same bands, one after the other, and whose
    lines cross each other at least twice each other's lanes and slots between their
    ends, where the lines then cross fewer lines in all (see the module docstring).
    ``scene``: the scene at ``geometry``. Not in a drawing of ``LARGE`` blocks or more
    (each try measures the whole drawing; nor are the lines chosen again there, see
    :func:`.genogram_repair.repair_ways`)."""
    if len(work.st.blocks) >= LARGE:
        return
    router = work.router
    assert router is not None
    bands: dict[int, tuple[tuple[int, int], tuple[int, ...]]] = {}
    for k, (_place, path) in enumerate(pending.relation):
        middle = _middle(path)
        if middle is not None:
            bands[k] = (middle, tuple(router.lanes[path[i][1][1]].band
                                      for i in range(middle[0], middle[1] + 1)))
    alike: dict[tuple[int, ...], list[int]] = defaultdict(list)  # per bands: the routes
    for k in sorted(bands):
        alike[bands[k][1]].append(k)
    lines: dict[int, list[Segment]] = {}

    def line(j: int) -> list[Segment]:
        if j not in lines:
            lines[j] = line_segments(scene.resolve(pending.relation[j][1]))
        return lines[j]

    for k, m in (pair for ks in alike.values() for pair in itertools.combinations(ks, 2)):
        if sum(1 for s in line(k) for t in line(m) if proper_cross(s, t)) < 2:
            continue
        items = bands[k][0][1] - bands[k][0][0]  # lanes and the slots between them
        if items > _MOST:
            continue
        best = measure(work, pending, geometry)
        kept = list(pending.relation)
        (place_k, path_k), (place_m, path_m) = kept[k], kept[m]
        found = kept
        for mask in range(1, 1 << items):
            pending.relation = list(kept)
            pending.relation[k] = (place_k, _exchanged(path_k, bands[k][0], path_m,
                                                       bands[m][0], mask))
            pending.relation[m] = (place_m, _exchanged(path_m, bands[m][0], path_k,
                                                       bands[k][0], mask))
            now = measure(work, pending, geometry)
            if better(now, best):
                best, found = now, pending.relation
        pending.relation = found
        lines.pop(k, None)
        lines.pop(m, None)
