"""Genogram emotional lines chosen once more at the drawing's final coordinates.

The choice between routes and straight lines (:mod:`.genogram_choice`) is made before the
lanes not used are freed; the drawing then moves, and what crossed least before may not
now. When the emotional lines as drawn cross more lines in all (family lines and each
other) than they would drawn straight between their symbols (as many, where a straight
line passes through something in its way and cannot be drawn), or two lines between one
pair cross each other, the choice is made once more at the final coordinates, with detours
for every line, and kept when it crosses fewer (for a crossing pair only when no more lines
come too close beside each other). Called by :mod:`.genogram_straight`.
"""

from __future__ import annotations

import itertools
from collections import defaultdict

from . import Point, proper_cross
from .genogram_choice import choose_ways, scene_at
from .genogram_clear import crowded_pairs
from .genogram_dot import LARGE
from .genogram_near import FamilyLines, LineIndex, line_segments
from .genogram_places import Pending, Work
from .genogram_relations import drawn_half
from .genogram_scene import Geometry, Scene
from .genogram_shapes import (
    few_in_way,
    straight_path,
)

__all__ = ["repair_ways"]


def repair_ways(work: Work, pending: Pending, geometry: Geometry,
            known: tuple[Scene, FamilyLines] | None = None) -> tuple[Scene, FamilyLines]:
    """When the emotional lines as drawn cross more lines in all than they would drawn straight
    between their symbols (the drawing moved once the lanes not used were freed, so what
    crossed least before may not now), choose again at this geometry among each line as it
    is, the straight lines, lines with a bend and detours (for every line with few boxes in
    its way: a line may have to give way for another to go round), and keep that when it
    crosses fewer in all; nothing is chosen again when no line has a detour to try. As many
    as straight counts as more where the straight line of a line with a detour to try
    passes through something in its way (:func:`_blocked`), but what is chosen then is
    kept only where no more lines come too close beside each other. The lanes of routes given up
    keep their room: freeing them would move the drawing again. ``known``: the scene and
    family lines at this geometry, when they are at hand. Returns them (the family lines
    stay as they were: both hold at this geometry after the repair too). Not in a drawing
    of ``LARGE`` blocks or more: choosing again costs as much as the first choice, and on
    the generated families of 3,000 and 6,000 people it crossed no fewer
    (bench/bench_genogram.py)."""
    if len(work.st.blocks) >= LARGE:
        return known if known is not None else scene_at(work, pending, geometry)
    scene, family = known if known is not None else scene_at(work, pending, geometry)
    near = frozenset(k for k, (place, _path) in enumerate(pending.relation)
                     if few_in_way(scene, place.between))
    if not near:
        return scene, family  # no detour to try: the choice at the earlier geometry stands
    lines = [scene.resolve(path) for _place, path in pending.relation]
    straight = [[scene.centre(place.between[0]), scene.centre(place.between[1])]
                for place, _path in pending.relation]
    now = _total(family, lines)
    straight_now = _total(family, straight)
    # no more than straight, but a pair crosses; as many as straight where a straight line
    # passes what stands in its way is no measure: a way round it may cross fewer
    blocked = now == straight_now and _blocked(scene, pending, straight, near)
    tangled = now <= straight_now and not blocked
    if tangled and not _pair_crossing(pending, lines):
        return scene, family
    routes = pending.relation_routes
    pending.relation_routes = [[path] for _place, path in pending.relation]
    choice = choose_ways(work, pending, geometry, near, (scene, family), tangled)
    paths = [straight_path(work, *place.between, geometry, var) if var is not None else path
             for (place, path), (_j, var) in zip(pending.relation, choice, strict=True)]
    pending.relation_routes = routes
    after = [scene.resolve(path) for path in paths]
    if _total(family, after) < now and (not (tangled or blocked)
                                        or _crowded(scene, pending, after)
                                        <= _crowded(scene, pending, lines)):
        pending.relation = [(place, path) for (place, _old), path
                            in zip(pending.relation, paths, strict=True)]
    return scene, family


def _blocked(scene: Scene, pending: Pending, straight: list[list[Point]],
             near: frozenset[int]) -> bool:
    """True when the line between the centres (``straight``) of a relation of ``near``
    (those with few boxes in their way) passes someone's box, a name or years: it cannot
    be drawn, and the way round what is in its way may cross fewer lines than it does
    (through the name under its own symbol it crosses the partnership line hanging there,
    which the way round passes above)."""
    return any(next(scene.blockers(place.between, straight[k][0], straight[k][1],
                                   drawn_half(place.kind)), None) is not None
               for k, (place, _path) in enumerate(pending.relation) if k in near)


def _crowded(scene: Scene, pending: Pending, lines: list[list[Point]]) -> int:
    """How many pairs of the emotional ``lines`` (one per relation) run closer than
    :data:`~.genogram_route.LINE_CLEAR` by what they draw (see
    :func:`.genogram_clear.crowded_pairs`)."""
    return crowded_pairs([(points, drawn_half(place.kind),
                           [scene.centre(pid) for pid in place.between])
                          for (place, _path), points in zip(pending.relation, lines,
                                                            strict=True)])


def _pair_crossing(pending: Pending, lines: list[list[Point]]) -> bool:
    """True when two of the emotional ``lines`` (as drawn, one per relation) between one
    pair of people cross each other: drawn straight they would stand side by side."""
    by_pair: dict[frozenset[str], list[int]] = defaultdict(list)
    for k, (place, _path) in enumerate(pending.relation):
        by_pair[frozenset(place.between)].append(k)
    for ks in by_pair.values():
        for k, m in itertools.combinations(ks, 2):
            if any(proper_cross(s, t) for s in line_segments(lines[k])
                   for t in line_segments(lines[m])):
                return True
    return False


def _total(family: FamilyLines, lines: list[list[Point]]) -> int:
    """How many times the ``lines`` cross family lines and each other."""
    placed = LineIndex()
    total = 0
    for k, points in enumerate(lines):
        segs = line_segments(points)
        total += family.crossings(segs) + placed.crossings(segs)
        placed.add(segs, k)
    return total
