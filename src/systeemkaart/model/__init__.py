"""Pydantic models of a case (``systeemkaart/1``)."""

from .base import no_items
from .case import SCHEMA_ID, Case, CaseMeta
from .events import Event, Hypothesis
from .family import ChildLink, Household, Membership, Partnership, Relation
from .help import Involvement
from .network import Context, Organisation, Professional, Supporter
from .people import Person
from .periods import (
    born_by,
    deceased_at,
    happened_by,
    holds_at,
    household_start,
    partnership_ended_at,
    partnership_made_by,
)
from .snapshot import case_at, case_with_ended, help_periods

__all__ = [
    "SCHEMA_ID",
    "Case",
    "CaseMeta",
    "ChildLink",
    "Context",
    "Event",
    "Household",
    "Hypothesis",
    "Involvement",
    "Membership",
    "Organisation",
    "Partnership",
    "Person",
    "Professional",
    "Relation",
    "Supporter",
    "born_by",
    "case_at",
    "case_with_ended",
    "deceased_at",
    "happened_by",
    "help_periods",
    "holds_at",
    "household_start",
    "no_items",
    "partnership_ended_at",
    "partnership_made_by",
]
