"""The world around the family: informal supporters, contexts and organisations."""

from pydantic import Field

from ..dates import PartialDate
from ..vocab import ContextKind, OrganisationKind, Strength
from .base import Id, Record, Text, no_items
from .family import Membership, dated_members
from .periods import holds_at

__all__ = ["Context", "Organisation", "Professional", "Supporter"]


class Supporter(Record):
    """An informal supporter (steunfiguur) outside the drawn family.

    ``start``/``end`` bound the time they were there.
    ``person`` names the family member who is this supporter (an aunt in the genogram):
    drawings then show the support from that person instead of a second box.
    ``organisation`` names the organisation this supporter is (say a neighbourhood centre
    that is also on the case).
    """

    id: Id
    name: Text | None = None
    supports: list[Id] = Field(default_factory=no_items)
    strength: Strength = "normal"
    relation: Text | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    person: Id | None = None
    organisation: Id | None = None
    notes: Text | None = None

    def holds_at(self, at: PartialDate | None) -> bool:
        """True when the supporter was there at ``at``."""
        return holds_at(self.start, self.end, at)


class Context(Record):
    """A place that matters: school, work, sport, religion, neighbourhood, leisure.

    ``start``/``end`` bound the context itself; ``memberships`` say when single members
    belonged (each ``member`` must be one of ``members``).
    ``organisation`` names the organisation that is this place (a school whose staff are on
    the case is one node: its card); ``person`` a person who is this place (a childminder
    at home).
    """

    id: Id
    name: Text | None = None
    kind: ContextKind = "other"
    members: list[Id] = Field(default_factory=no_items)
    start: PartialDate | None = None
    end: PartialDate | None = None
    memberships: list[Membership] = Field(default_factory=no_items)
    person: Id | None = None
    organisation: Id | None = None
    notes: Text | None = None

    def members_at(self, at: PartialDate | None) -> list[str]:
        """Who belonged here at ``at`` (none when the context itself did not exist then)."""
        if not holds_at(self.start, self.end, at):
            return []
        return dated_members(self.members, self.memberships, at)

    def holds_at(self, at: PartialDate | None) -> bool:
        """True when the context existed at ``at``."""
        return holds_at(self.start, self.end, at)


class Professional(Record):
    """One professional of an organisation, with their role."""

    id: Id
    name: Text | None = None
    role: Text | None = None
    notes: Text | None = None


class Organisation(Record):
    """A helping agency and the professionals it has on the case."""

    id: Id
    name: Text | None = None
    kind: OrganisationKind = "other"
    professionals: list[Professional] = Field(default_factory=no_items)
    notes: Text | None = None
