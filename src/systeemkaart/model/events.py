"""The session's timeline of impactful events and its hypotheses."""

from pydantic import Field

from ..dates import PartialDate
from .base import Id, Record, Text, no_items

__all__ = ["Event", "Hypothesis"]


class Event(Record):
    """An impactful event for the youth or the parents."""

    date: PartialDate
    title: Text
    people: list[Id] = Field(default_factory=no_items)
    notes: Text | None = None


class Hypothesis(Record):
    """One of the session's hypotheses, linked to the people or agents it is about."""

    id: Id | None = None
    text: Text
    about: list[Id] = Field(default_factory=no_items)
