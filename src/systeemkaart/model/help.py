"""Involvements: which agent acts on whom, in which stance, since when."""

from pydantic import Field

from ..dates import PartialDate
from ..vocab import Entry, HelpForm, Stance
from .base import Id, Record, Text
from .periods import holds_at

__all__ = ["Involvement"]


class Involvement(Record):
    """An agent (professional, organisation, context or supporter) acting on people.

    ``stance``: alongside (naast), over (beschikker over) or opposite (melder tegenover).
    ``regie`` marks who steers the help. ``entry`` says how good the agent's access to the
    family is. ``start``/``end`` bound the period; an open end means still involved.
    ``form`` says how heavy the help is: ambulant, day (day treatment), crisis, residential
    (24-hour) or foster; the organisation's kind tells voluntary from statutory help.
    """

    agent: Id
    targets: list[Id] = Field(min_length=1)
    stance: Stance = "alongside"
    regie: bool = False
    start: PartialDate | None = None
    end: PartialDate | None = None
    intensity: Text | None = None
    entry: Entry | None = None
    form: HelpForm | None = None
    notes: Text | None = None

    def active_at(self, when: PartialDate) -> bool:
        """True when the involvement's period overlaps the period ``when`` names.

        The one rule for "involved at a date" (:func:`systeemkaart.model.periods.holds_at`).
        """
        return holds_at(self.start, self.end, when)
