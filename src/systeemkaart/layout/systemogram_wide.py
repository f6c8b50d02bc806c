"""A second routing of a drawing whose lines run as bands: each line's width counted.

A line lying on or tight beside another line (a band, :func:`~.systemogram_bands.bands`)
hides whose arrow is whose; a crossing can be followed. Where the drawing chosen (of at
most ``CROWDED`` lines) has a band, its layout is routed once more with each line taking
its drawn width at the corners it turns (a narrow gap then holds only the lines that fit
in it side by side and closes to the next: see
:func:`~.systemogram_route_boxes.step_out`), and parted as the drawn one is. That drawing
is kept only where it reads better: fewer bands, and less of them in length, no more
lines through boxes, and no more crossings than before plus the bands it removes (at most
``MORE_CROSSINGS``). Every drawing without a band is drawn as before; only those with one
pay the second routing.
"""

from __future__ import annotations

from ..model import Case
from .systemogram_bands import bands
from .systemogram_nudge import CROWDED
from .systemogram_places import SystemogramLayout, part_layout, route_layout
from .systemogram_through import count_lines_through

__all__ = ["MORE_CROSSINGS", "fewer_bands"]

MORE_CROSSINGS = 2
"""Most crossings a drawing may gain for the bands it loses (no more than it loses)."""


def fewer_bands(case: Case, straight: SystemogramLayout,
                drawn: SystemogramLayout) -> SystemogramLayout:
    """``drawn`` (``straight`` routed and parted), or where it has a band and at most
    ``CROWDED`` lines, ``straight`` routed again with the lines' widths counted at corners
    and parted, when that has fewer bands (in number and in length), no more lines through
    boxes, and no more than ``min(MORE_CROSSINGS, bands removed)`` crossings more: the
    decision that a band costs a reader more than a crossing or two. (A crowded drawing's
    households are given room instead; wider steps there drew more bands.)"""
    if len(drawn.links) > CROWDED:
        return drawn
    frames = [h.frame for h in drawn.households]
    before = bands(drawn.links, drawn.people, frames)
    if not before:
        return drawn
    wide = part_layout(case, route_layout(case, straight, wide=True))
    after = bands(wide.links, wide.people, frames)
    removed = len(before) - len(after)
    if removed <= 0 or sum(after.values()) >= sum(before.values()):
        return drawn
    if wide.crossings > drawn.crossings + min(MORE_CROSSINGS, removed):
        return drawn
    boxes = {k: a.box for k, a in drawn.agents.items()}
    if (count_lines_through(wide.links, wide.people, boxes)
            > count_lines_through(drawn.links, drawn.people, boxes)):
        return drawn
    return wide
