"""The world around the family: informal supporters, contexts and organisations."""

from __future__ import annotations

from pydantic import Field

from ..vocab import ContextKind, OrganisationKind, Strength
from .base import Id, Record, Text

__all__ = ["Context", "Organisation", "Professional", "Supporter"]


class Supporter(Record):
    """An informal supporter (steunfiguur) outside the drawn family."""

    id: Id
    name: Text | None = None
    supports: list[Id] = Field(default_factory=list)
    strength: Strength = "normal"
    relation: Text | None = None
    notes: Text | None = None


class Context(Record):
    """A place that matters: school, work, sport, religion, neighbourhood, leisure."""

    id: Id
    name: Text | None = None
    kind: ContextKind = "other"
    members: list[Id] = Field(default_factory=list)
    notes: Text | None = None


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
    professionals: list[Professional] = Field(default_factory=list)
    notes: Text | None = None
