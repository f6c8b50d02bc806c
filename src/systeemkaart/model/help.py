"""Involvements: which agent acts on whom, in which stance, since when."""

from __future__ import annotations

from pydantic import Field

from ..dates import PartialDate
from ..vocab import Entry, Stance
from .base import Id, Record, Text

__all__ = ["Involvement"]


class Involvement(Record):
    """An agent (professional, organisation, context or supporter) acting on people.

    ``stance``: alongside (naast), over (beschikker over) or opposite (melder tegenover).
    ``regie`` marks who steers the help. ``entry`` says how good the agent's access to the
    family is. ``start``/``end`` bound the period; an open end means still involved.
    """

    agent: Id
    targets: list[Id] = Field(min_length=1)
    stance: Stance = "alongside"
    regie: bool = False
    start: PartialDate | None = None
    end: PartialDate | None = None
    intensity: Text | None = None
    entry: Entry | None = None
    notes: Text | None = None

    def active_at(self, when: PartialDate) -> bool:
        """True when the involvement's period overlaps the period ``when`` names."""
        if self.start is not None and when.latest < self.start.earliest:
            return False
        return not (self.end is not None and self.end.latest < when.earliest)
