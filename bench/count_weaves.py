"""Count lines of one card that weave near it, in the drawn systemograms.

A pair of lines leaving rows of one organisation's card (or one agent) counts as crossing
where they cross within ``NEAR`` of where either leaves the card; a line passes a stub end
where its stroke comes within 4 units of the end of another row's stub (both widths
counted). Over the 40-agent and 10-agent bench networks of seeds 0-19 and the examples in
both languages; ``--per`` prints each drawing's ``crossing/stub-end`` counts. Run from a
tree root: ``PYTHONPATH=src python bench/count_weaves.py [--per]``.
"""

from __future__ import annotations

import math
import sys
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))

from bench.bench_systemogram import network

from systeemkaart import load
from systeemkaart.layout import segment_distance
from systeemkaart.layout.ring_geometry import crossing_at, segments_cross
from systeemkaart.layout.systemogram import SystemogramLayout, layout_systemogram
from systeemkaart.layout.systemogram_leave import in_card
from systeemkaart.layout.systemogram_lines import routed_ends
from systeemkaart.layout.systemogram_siblings import NEAR
from systeemkaart.layout.systemogram_tracks import extent

CLEAR = 4.0
"""Least clear space (units, stroke to stroke) between a line and another row's stub end."""


def count(lay: SystemogramLayout) -> tuple[int, int]:
    """The pairs of lines of one card crossing near it, and the (line, stub end) passes."""
    frames = {c.id: c.frame for c in lay.cards}
    lines = routed_ends(lay.links, lay.people)
    widths = [extent(lk) for lk in lay.links]
    group: list[str] = []
    stub: list[bool] = []
    for src, _, pts in lines:
        agent = lay.agents.get(src)
        group.append((agent.card or src) if agent is not None else src)
        card = frames.get(agent.card or "") if agent is not None else None
        stub.append(agent is not None and in_card(agent.box, card) and len(pts) > 2)
    crossing = passing = 0
    for i, (src_i, _, one) in enumerate(lines):
        for j, (src_j, _, other) in enumerate(lines):
            if i == j or group[i] != group[j]:
                continue
            if i < j and any(
                    segments_cross(a, b, c, d)
                    and min(math.dist(crossing_at(a, b, c, d), one[0]),
                            math.dist(crossing_at(a, b, c, d), other[0])) <= NEAR
                    for a, b in pairwise(one) for c, d in pairwise(other)):
                crossing += 1
            if src_i != src_j and stub[j] and min(
                    segment_distance(other[1], a, b) for a, b in pairwise(one)
            ) - (widths[i] + widths[j]) / 2 < CLEAR:
                passing += 1
    return crossing, passing


def main() -> None:
    """Print the counts of each set of drawings."""
    per = "--per" in sys.argv[1:]
    sets: list[tuple[str, list[tuple[str, SystemogramLayout]]]] = [
        (f"net{n}", [(str(s), layout_systemogram(network(s, 12, n))) for s in range(20)])
        for n in (40, 10)]
    root = Path.cwd() / "examples"
    sets.append(("examples", [(f"{p.stem}-{lang}", layout_systemogram(load(p), lang=lang))
                              for p in sorted(root.glob("*.yaml")) for lang in ("nl", "en")]))
    for name, lays in sets:
        counts = [(label, count(lay)) for label, lay in lays]
        line = (f"{name} crossing={sum(c for _, (c, _) in counts)} "
                f"stub-end={sum(p for _, (_, p) in counts)}")
        if per:
            line += " " + " ".join(f"{label}:{c}/{p}" for label, (c, p) in counts)
        print(line)


if __name__ == "__main__":
    main()
