"""Pydantic models of a case (``systeemkaart/1``).

The modules with models do not use ``from __future__ import annotations``: with it, pydantic
evaluates every field's annotation from its text (a compile each) while building the models
at import, which every command that reads a case waits for; without it, Python evaluates
them as it makes the class, at no extra cost.
"""

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
