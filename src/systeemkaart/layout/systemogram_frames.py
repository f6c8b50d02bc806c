"""Household frames as a systemogram's router sees them: edges a line crosses, never follows.

A household's people stand ``FRAME_PAD`` inside its dashed frame, and the router kept
lines ``MARGIN`` off their boxes and turned them ``FIRST_BEND`` further out: right on
the frame. A line going round the household there runs along the dashes, reads as part
of the frame, or seems to come from the household rather than from its agent. So a
member's box (and its label) facing an edge of its frame reaches, for the router, to that
edge (:func:`framed_box`) and keeps the full ``MARGIN`` even where the router goes
``TIGHT`` (:func:`framed`): a line going round the household keeps ``MARGIN`` off the
dashes and turns outside them, while it may still cross the frame between two members to
reach one (a member's own lines pass its box as before). The boxes drawn, and the count
of lines through them, are the true ones.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import Box
from .ring_centre import FRAME_PAD
from .systemogram_route_boxes import MARGIN, Obstacle

__all__ = ["FACING", "framed", "framed_box"]

FACING = FRAME_PAD + 0.5
"""Distance (units) from a member's box to its frame's edge under which the box faces
that edge: nobody stands between them."""


def framed_box(box: Box, frames: Sequence[Box]) -> Box:
    """``box`` (a person's symbol and label, or the label alone) grown to the edges of
    the first of ``frames`` that holds it, on each side that faces an edge from within
    ``FACING``; ``box`` itself outside every frame. O(F) for F frames."""
    for f in frames:
        if not (f.x <= box.x and box.right <= f.right and f.y <= box.y
                and box.bottom <= f.bottom):
            continue
        x0 = f.x if box.x - f.x <= FACING else box.x
        y0 = f.y if box.y - f.y <= FACING else box.y
        x1 = f.right if f.right - box.right <= FACING else box.right
        y1 = f.bottom if f.bottom - box.bottom <= FACING else box.bottom
        return Box(x0, y0, x1 - x0, y1 - y0)
    return box


def framed(owner: str, box: Box, frames: Sequence[Box]) -> Obstacle:
    """The router's obstacle of ``owner``'s ``box``: grown to its household frame
    (:func:`framed_box`) and then kept ``MARGIN`` from lines however tight the router
    goes (a line passing it closer would run along the frame's dashes); the box itself,
    tested as any other, where it faces no frame."""
    grown = framed_box(box, frames)
    return Obstacle(owner, grown, MARGIN) if grown != box else Obstacle(owner, box)
