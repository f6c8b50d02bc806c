"""How far a systemogram's agents stand from the people they act on.

A card far from its targets draws long lines over the family whichever way they are
routed: a reader follows them across other lines and households to find whom they reach.
:func:`reach` measures it on a layout (straight or routed: only the boxes count), so that
of layouts that cross about as often the one with its agents nearer their people can win
(see :func:`~.systemogram_choice.likeliest`).
"""

from __future__ import annotations

import math

from .ring_geometry import Box
from .systemogram_places import SystemogramLayout

__all__ = ["gap", "reach"]


def gap(a: Box, b: Box) -> float:
    """The shortest distance (units) between boxes ``a`` and ``b`` (0 where they touch or
    overlap): how far a line between them must at least run."""
    dx = max(a.x - b.right, b.x - a.right, 0.0)
    dy = max(a.y - b.bottom, b.y - a.bottom, 0.0)
    return math.hypot(dx, dy)


def reach(lay: SystemogramLayout) -> float:
    """The mean gap (units) between an agent's box and the box of the person it acts on,
    over ``lay``'s lines into people (0 without such lines): the bench's ``reach``."""
    gaps = [gap(lay.agents[lk.source].box, lay.people[lk.target].box)
            for lk in lay.links if lk.source in lay.agents and lk.target in lay.people]
    return sum(gaps) / len(gaps) if gaps else 0.0
