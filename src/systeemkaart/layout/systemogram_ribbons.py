"""Ribbons: lines of different cards that run side by side over a long stretch.

Two lines of different agents may be apart by more than a band's few units
(:mod:`.systemogram_bands`) and still be read as one: where they run nearly parallel a few
to ``RIBBON_GAP`` units apart for more than ``RIBBON_RUN`` units, they part only near
their ends, and a reader who sees them part cannot tell which of the two came from where
without tracing each back across the drawing. Lines of one card running together read as
one source fanning out (the card is named at either end), so they are left out; the part
within ``RIBBON_END`` of an end two lines share is left out too (lines into one person
converge on its ports by design). :func:`ribbons` lists them, the measure the routes are
judged by.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

from . import Point
from .ring_centre import PersonPlace
from .ring_links import LinkPlace
from .systemogram_close import close_runs
from .systemogram_corridor import extent
from .systemogram_fan import FAN_RADIUS
from .systemogram_lines import routed_ends

__all__ = ["RIBBON_END", "RIBBON_GAP", "RIBBON_RUN", "ribbon_runs", "ribbons"]

RIBBON_GAP = 12.0
"""Clear space (units) between two drawn strokes under which nearly parallel lines read as
one ribbon."""
RIBBON_RUN = 60.0
"""Length (units) two lines may run within ``RIBBON_GAP`` of each other before they make a
ribbon: past it a reader loses which is which."""
RIBBON_END = FAN_RADIUS
"""Length at an end two lines share left out: within it lines converge on one person's
ports, where :mod:`.systemogram_fan` lays them out."""


def ribbon_runs(lines: Sequence[tuple[str, str, Sequence[Point]]],
                cards: Mapping[str, Hashable | None], widths: Sequence[float] = ()
                ) -> dict[tuple[int, int], float]:
    """For every pair of ``lines`` (``i < j``; as ``routed_ends`` gives them) of agents on
    different cards (``cards`` maps an agent to its card, its name or its frame, or to
    ``None`` or not at all when it stands alone), the length over which the two run
    nearly parallel within ``RIBBON_GAP`` of each other (the clear space between their
    strokes, with ``widths`` how wide each is drawn), leaving out ``RIBBON_END`` at a
    shared end. Pairs with no such run are left out."""
    out = close_runs(lines, RIBBON_GAP, RIBBON_END, widths)
    return {(i, j): run for (i, j), run in out.items()
            if _card(lines[i][0], cards) != _card(lines[j][0], cards)}


def _card(agent: str, cards: Mapping[str, Hashable | None]) -> Hashable:
    """The card ``agent`` is drawn on, or the agent itself where it stands alone."""
    return cards.get(agent) or agent


def ribbons(links: Sequence[LinkPlace], people: Mapping[str, PersonPlace],
            cards: Mapping[str, str | None]) -> dict[tuple[int, int], float]:
    """Every ribbon of the drawn ``links``: pairs of lines ``(i, j)`` (indices into
    ``links``, ``i < j``) of agents on different ``cards`` (agent to card, as
    :func:`ribbon_runs` takes it) that run nearly parallel within ``RIBBON_GAP`` of each
    other (clear space between the drawn strokes) for more than ``RIBBON_RUN`` units,
    with that length."""
    lines = routed_ends(links, people)
    widths = [extent(lk) for lk in links]
    found = ribbon_runs(lines, cards, widths)
    return dict(sorted((pair, run) for pair, run in found.items() if run > RIBBON_RUN))
