"""Bands: lines of different agents drawn so close that a reader cannot follow one.

Two lines whose drawn strokes (a double, triple or zigzag line as wide as its pattern)
come within ``BAND_GAP`` of each other, nearly parallel, for more than ``BAND_RUN`` units
read as one band: whose arrow ends where cannot be told. A line along a household frame's
dashes reads so too. :func:`bands` lists them, the measure the line parting is judged by.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from . import Box
from .ring_centre import PersonPlace
from .ring_links import LinkPlace
from .systemogram_close import BAND_GAP, BAND_RUN, close_runs, frame_runs
from .systemogram_lines import routed_ends
from .systemogram_tracks import extent

__all__ = ["BAND_GAP", "BAND_RUN", "FRAME", "bands"]

FRAME = -1
"""The second index of a band of a line along a household frame."""


def bands(links: Sequence[LinkPlace], people: Mapping[str, PersonPlace],
          frames: Sequence[Box] = ()) -> dict[tuple[int, int], float]:
    """Every band of the drawn ``links``: pairs of lines ``(i, j)`` (indices into
    ``links``, ``i < j``, of different agents) and lines along one of ``frames``
    (``(i, FRAME)``) whose strokes run within ``BAND_GAP`` of each other for more than
    ``BAND_RUN`` units, with that length. The last ``CLOSE_END`` units at an end two
    lines share are left out (lines into one person meet at its ports)."""
    lines = routed_ends(links, people)
    widths = [extent(lk) for lk in links]
    out = {pair: run for pair, run in close_runs(lines, BAND_GAP, widths=widths).items()
           if run > BAND_RUN}
    out |= {(i, FRAME): run for i, run in frame_runs(lines, frames, BAND_GAP, widths).items()
            if run > BAND_RUN}
    return dict(sorted(out.items()))
