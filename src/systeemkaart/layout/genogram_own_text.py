"""The text under an emotional line's own two symbols, for a pass that moves the line.

Near its port a line may come close to its own person's name, age or years (it leaves the
symbol just above them); farther along than :data:`.genogram_clear.OWN_TEXT_FREE` it keeps
:data:`TEXT_CLEAR` from them as from any other text (:func:`.genogram_clear.lines_near_text`
measures that). A pass that moves part of a line (:mod:`.genogram_part`) keeps it no
nearer to its own ends' text there than it was, or than what it draws plus
:data:`TEXT_CLEAR`: a stretch moved off another line onto a name reads as striking it
through.

Cost: a person has a few lines of text; each try measures the segments of the moved line
against them.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import Box, Point
from .genogram_clear import beyond_port, person_text_boxes, segment_box
from .genogram_part_measure import flip_box
from .genogram_places import GenogramLayout, RelationPlace
from .genogram_route import TEXT_CLEAR

__all__ = ["OwnTexts", "gaps"]


class OwnTexts:
    """The text boxes of the people at the ends of one emotional line, each with the end
    (0: the line's first point, 1: its last) whose port it is measured from, and how near
    the line as it was drawn came to each beyond that end's free stretch."""

    def __init__(self, texts: Sequence[tuple[int, Box]], before: Sequence[float]) -> None:
        self.texts = list(texts)
        self.before = list(before)

    @classmethod
    def of(cls, layout: GenogramLayout, rel: RelationPlace) -> OwnTexts:
        """The texts under both symbols of ``rel``, measured against ``rel`` as drawn."""
        texts = [(end, box) for end, pid in enumerate(rel.between)
                 for box in person_text_boxes(layout.people[pid])]
        return cls(texts, gaps(rel.points, texts))

    def flipped(self) -> OwnTexts:
        """The same texts mirrored in the diagonal (for a line measured mirrored, see
        :func:`.genogram_part_measure.flip`), with the same gaps."""
        return OwnTexts([(end, flip_box(box)) for end, box in self.texts], self.before)

    def keeps(self, points: Sequence[Point], half: float) -> bool:
        """True when the line through ``points`` (drawing ``half`` either side), moved
        from where it was measured, comes no nearer to any of the texts beyond its free
        stretch than it was, or than ``half`` plus :data:`TEXT_CLEAR`."""
        if not self.texts:
            return True
        need = half + TEXT_CLEAR
        return all(now >= min(was, need) - 1e-6
                   for now, was in zip(gaps(points, self.texts), self.before, strict=True))

    def near(self, points: Sequence[Point], half: float) -> int:
        """How many of the texts the line through ``points`` (drawing ``half`` either
        side) comes nearer to than :data:`TEXT_CLEAR` beyond its free stretch, as
        :func:`.genogram_clear.lines_near_text` counts them (about: a unit of slack)."""
        reach = half + TEXT_CLEAR - 1.0
        return sum(1 for gap in gaps(points, self.texts) if gap < reach)


def gaps(points: Sequence[Point], texts: Sequence[tuple[int, Box]]) -> list[float]:
    """Per text of ``texts`` (an end of the line and a box): how near the line through
    ``points`` comes to the box farther along than the free stretch from that end's port
    (infinity where the line is no longer than that)."""
    beyond = {end: beyond_port(points, end) for end in sorted({end for end, _box in texts})}
    return [min((segment_box(s, box) for s in beyond[end]), default=float("inf"))
            for end, box in texts]
