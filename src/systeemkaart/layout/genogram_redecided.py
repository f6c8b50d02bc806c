"""Genogram emotional lines: the ways decided again, judged on the finished drawing.

The choice of ways (:func:`.genogram_choice.choose_ways`) decides again where a straight,
bent or detour way lies beside another pair's line (``"beside"``) and where a side or top
of a symbol is left without room for its lines (``"room"``), and keeps what it decides
where the ways then run along and cross no more lines, measured at the geometry of the
choice. The drawing is finished after that: the ends on each side are given out again,
the corridors and lanes take their widths, straight lines settle, lines are parted. A
re-decision may then cross or crowd more than the ways before it: two close-hostile
lines out of one side of a man, chosen again for the room there, ran on as one slanted
ribbon for 100 units. So where the drawing made kept such a re-decision, it is finished
again without it too, and the other drawing is kept where it neither crowds nor crosses
more lines and does one of them less (:func:`finer`).

Cost: one or two more finished drawings, only where a re-decision was kept and the
drawing made may be bettered (:func:`may_be_bettered`): a line it changed is crowded, or
no line is. Where lines crowd but none of those changed, no other drawing was kept on
the crowd families and the generated ones, and none is finished: of the drawings that
kept a re-decision, 99 of 110 older crowd families and 52 of 70 newer are finished again
(112 and 68 drawings more instead of 125 and 86), 3 of 4 generated ones.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from typing import TYPE_CHECKING

from .genogram_crowded_slot import CROWDED

if TYPE_CHECKING:  # the layout imports this module
    from .genogram_places import GenogramLayout, Work

__all__ = ["finer", "kept_or_before", "may_be_bettered", "without"]


def without(allowed: frozenset[str], kept: set[str]) -> Iterator[frozenset[str]]:
    """The re-decisions to finish the drawing with instead of ``allowed`` where the
    drawing kept those of ``kept``: without the room for a side's lines (decided last,
    on the ways the others chose), then without any."""
    if "room" in kept and len(kept) > 1:
        yield allowed - {"room"}
    yield frozenset()


def finer(other: GenogramLayout, layout: GenogramLayout) -> bool:
    """True when ``other`` is the better drawing: no more pairs of lines on each other,
    no more crossings, and fewer crowded lines (:func:`.genogram_clear.crowded_lines` at
    ``CROWDED``), or as many and fewer crossings. A drawing that crowds fewer lines but
    crosses more is not taken: on the crowd families such trades crossed 1 to 6 lines
    more each."""
    from .genogram_clear import crowded_lines  # they import the router
    from .genogram_quality import lines_on_lines
    from .genogram_widen import line_crossings

    if len(lines_on_lines(other)) > len(lines_on_lines(layout)):
        return False
    crowded = len(crowded_lines(other, CROWDED)), len(crowded_lines(layout, CROWDED))
    if crowded[0] > crowded[1]:
        return False
    crossed = line_crossings(other, False), line_crossings(layout, False)
    return crossed[0] < crossed[1] or (crossed[0] == crossed[1] and crowded[0] < crowded[1])


def may_be_bettered(layout: GenogramLayout, lines: Collection[int]) -> bool:
    """Whether a drawing finished without the ways chosen again may be :func:`finer` than
    ``layout``, whose ways chosen again changed the relations ``lines``: where one of
    those lines is crowded (:func:`.genogram_clear.crowded_lines` at ``CROWDED``), or
    where no line is (then only crossings can tell). Where lines crowd but none of those
    chosen again, the drawing is kept without finishing another: on both crowd sets and
    the generated families no other drawing was kept there (the crowding is not the ways
    chosen again, and the drawing without them crowded as many lines and crossed more)."""
    from .genogram_clear import crowded_lines  # they import the router

    crowded = crowded_lines(layout, CROWDED)  # each line's own pairs: measured once
    return not crowded or any(i in lines for i, _other in crowded)


def kept_or_before(layout: GenogramLayout, work: Work,
                   redraw: Callable[[frozenset[str]], tuple[GenogramLayout, Work]]
                   ) -> tuple[GenogramLayout, Work]:
    """The drawing ``layout`` (made with ``work``) or, where its choices of ways kept a
    re-decision, the one finished without it (``redraw``: the drawing finished allowing
    only the re-decisions given), whichever is :func:`finer`; not finished again where
    the other cannot be finer by :func:`may_be_bettered`."""
    if not work.redecided:
        return layout, work
    if not may_be_bettered(layout, work.redecided_lines):
        return layout, work
    for allowed in without(work.redecide, work.redecided):
        other, again = redraw(allowed)
        if finer(other, layout):
            layout, work = other, again
    return layout, work
