"""Pydantic models of a case (``systeemkaart/1``)."""

from .case import SCHEMA_ID, Case, CaseMeta
from .events import Event, Hypothesis
from .family import ChildLink, Household, Partnership, Relation
from .help import Involvement
from .network import Context, Organisation, Professional, Supporter
from .people import Person

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
    "Organisation",
    "Partnership",
    "Person",
    "Professional",
    "Relation",
    "Supporter",
]
