"""The yardstick the emotional lines of a genogram are measured against in the tests: all
crossings of the lines as drawn, or with each emotional line drawn straight between its
two symbols or along the shortest way round what stands between them (see
``test_genogram_relations``)."""

from __future__ import annotations

import heapq
import itertools
import math
from collections import Counter
from pathlib import Path

from systeemkaart.io.yaml_json import load
from systeemkaart.layout import Box, Point, segment_hits_box
from systeemkaart.layout.genogram import GenogramLayout, GenogramOptions, layout_genogram
from systeemkaart.layout.genogram_quality import Segment, crossings, segments
from systeemkaart.model import Case

__all__ = ["MOST_PER_PAIR", "ROUND", "all_crossings", "assert_within_yardstick",
           "at_most_six_a_pair", "family_lines", "in_the_way", "saved", "way_round",
           "yardstick"]


def family_lines(layout: GenogramLayout) -> list[tuple[str, list[Segment]]]:
    """The partnership and child lines of ``layout``, each named by its couple (``u:a|b``)
    so that the lines of one couple, which meet, do not count as crossing."""
    family = [("u:" + "|".join(sorted(p.partners)), segments(p.points))
              for p in layout.partnerships]
    family += [("u:" + "|".join(sorted(c.parents)), segments(c.points))
               for c in layout.children]
    return family


def all_crossings(layout: GenogramLayout, straight: bool,
               ways: list[list[Point]] | None = None) -> int:
    """All crossings of the family lines and the emotional lines as drawn, or with each
    emotional line drawn straight between the centres of its two symbols (``ways``: each
    emotional line drawn along the given way instead)."""
    family = family_lines(layout)
    people = layout.people
    if ways is not None:
        relations = [(f"r{r.index}", segments(way))
                     for r, way in zip(layout.relations, ways, strict=True)]
    else:
        relations = [(f"r{r.index}", [(people[r.between[0]].symbol_centre(),
                                        people[r.between[1]].symbol_centre())] if straight
                      else segments(r.points)) for r in layout.relations]
    return crossings(family + relations)


MOST_PER_PAIR = 6
"""The most relations between one pair for which the straight lines are the yardstick:
three straight lines fit side by side between two symbols, two more go over the tops and
one or two round the outside of both and below; a seventh has no way left that crosses
none of the others."""

ROUND = 2.0
"""How far the yardstick's way round keeps from the corners of what stands in its way, so
that it crosses a line ending on a box's edge (a child line into a top) rather than
touching its end."""


def in_the_way(layout: GenogramLayout, between: tuple[str, str] | list[str]) -> list[Box]:
    """What an emotional line between ``between`` may not pass through: everyone else's
    box (symbol, name, years), the years over partnership brackets, and the names under
    its own two symbols (kept free to be read)."""
    people = layout.people
    boxes = [person.box for pid, person in people.items() if pid not in between]
    boxes += [p.label_box for p in layout.partnerships if p.label_box is not None]
    boxes += [Box(x.box.x, x.symbol.bottom, x.box.w, x.box.bottom - x.symbol.bottom)
              for x in (people[pid] for pid in between)]
    return [box for box in boxes if box.h > 0]


def _inside(point: Point, box: Box) -> bool:
    return box.x < point[0] < box.right and box.y < point[1] < box.bottom


def way_round(p: Point, q: Point, boxes: list[Box]) -> list[Point] | None:
    """The shortest way from ``p`` to ``q`` that passes through none of ``boxes`` (each
    grown by ``ROUND``): a taut string, bending only at their corners; ``None`` when
    there is none. The boxes in the way are found as the way meets them: it starts with
    those the straight line passes, and takes in each box the shortest way found so far
    passes, until it passes none (a few rounds)."""
    grown = [Box(b.x - ROUND, b.y - ROUND, b.w + 2 * ROUND, b.h + 2 * ROUND)
             for b in boxes]
    grown = [b for b in grown if not _inside(p, b) and not _inside(q, b)]
    met = [b for b in grown if segment_hits_box(p, q, b)]
    for _round in range(12):
        corners = [c for b in met for c in ((b.x, b.y), (b.right, b.y), (b.x, b.bottom),
                                            (b.right, b.bottom))
                   if not any(_inside(c, other) for other in grown)]
        nodes = [p, q, *corners]
        far = {0: 0.0}
        before: dict[int, int] = {}
        heap, done = [(0.0, 0)], set()
        while heap:
            d, i = heapq.heappop(heap)
            if i in done:
                continue
            done.add(i)
            for j, node in enumerate(nodes):
                dj = d + math.dist(nodes[i], node)
                if j not in done and dj < far.get(j, math.inf) \
                        and not any(segment_hits_box(nodes[i], node, b) for b in met):
                    far[j], before[j] = dj, i
                    heapq.heappush(heap, (dj, j))
        if 1 not in far:
            return None
        way = [1]
        while way[-1] != 0:
            way.append(before[way[-1]])
        points = [nodes[i] for i in reversed(way)]
        more = [b for b in grown if b not in met
                and any(segment_hits_box(s, t, b) for s, t in itertools.pairwise(points))]
        if not more:
            return points
        met += more
    return None


def yardstick(layout: GenogramLayout) -> list[list[Point]] | None:
    """Per emotional line, the way it is measured against: the straight line between the
    centres of its symbols where that passes nothing in its way (see :func:`in_the_way`),
    else the shortest way round what is in its way; ``None`` when a line has no way."""
    people = layout.people
    ways: list[list[Point]] = []
    for r in layout.relations:
        p, q = (people[x].symbol_centre() for x in r.between)
        boxes = in_the_way(layout, r.between)
        way = [p, q] if not any(segment_hits_box(p, q, b) for b in boxes) \
            else way_round(p, q, boxes)
        if way is None:
            return None
        ways.append(way)
    return ways


def at_most_six_a_pair(case: Case) -> Case:
    """``case`` without the relations beyond the ``MOST_PER_PAIR``-th between one pair."""
    seen: Counter[frozenset[str]] = Counter()
    kept = []
    for relation in case.relations:
        seen[frozenset(relation.between)] += 1
        if seen[frozenset(relation.between)] <= MOST_PER_PAIR:
            kept.append(relation)
    return case.model_copy(update={"relations": kept})


def saved(name: str) -> tuple[Case, GenogramLayout]:
    """The saved family ``tests/data/<name>.json`` (at most ``MOST_PER_PAIR`` relations a
    pair, see :func:`at_most_six_a_pair`) and its genogram's layout."""
    case = at_most_six_a_pair(load(Path(__file__).resolve().parents[1] / "data"
                                    / f"{name}.json"))
    return case, layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))


def assert_within_yardstick(layout: GenogramLayout) -> None:
    """Assert that every emotional line of ``layout`` has a yardstick way and that the
    lines as drawn cross no more often than along those ways (see :func:`yardstick`)."""
    ways = yardstick(layout)
    assert ways is not None
    assert all_crossings(layout, straight=False) <= all_crossings(layout, True, ways)
