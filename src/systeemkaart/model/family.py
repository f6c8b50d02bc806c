"""Family links: partnerships, parent-child links, emotional relations and households."""

from collections.abc import Iterable
from typing import Any

from pydantic import ConfigDict, Field, model_validator

from ..dates import PartialDate
from ..vocab import ChildKind, PartnershipKind, PartnershipStatus, RelationKind
from .base import Id, Record, Text, no_items
from .periods import holds_at, household_start

__all__ = [
    "ChildLink",
    "Household",
    "Membership",
    "Partnership",
    "Relation",
    "dated_members",
]


class Partnership(Record):
    """Two people as a couple: married, cohabiting, dating, engaged or an affair.

    ``status`` says whether it still holds; ``end`` is when it ended (separation, divorce or
    the death of a partner).
    """

    id: Id | None = None
    partners: list[Id] = Field(min_length=2, max_length=2)
    kind: PartnershipKind = "married"
    status: PartnershipStatus = "together"
    start: PartialDate | None = None
    end: PartialDate | None = None
    notes: Text | None = None

    @property
    def ended(self) -> bool:
        """True when the couple is no longer together."""
        return self.status != "together"


class ChildLink(Record):
    """A child of one or two parents: biological (default), adopted, foster or step."""

    parents: list[Id] = Field(min_length=1, max_length=2)
    child: Id
    kind: ChildKind = "biological"
    start: PartialDate | None = None
    notes: Text | None = None


def _from_to_schema(schema: dict[str, Any]) -> None:
    """Describe in the JSON Schema the ``from``/``to`` form that ``Relation._from_to`` reads:
    either ``between`` or both ``from`` and ``to``, never a mix."""
    end = schema["properties"]["between"]["items"]
    schema["properties"]["from"] = {**end, "description": "Instead of between: the first end."}
    schema["properties"]["to"] = {**end, "description": "Instead of between: the second end."}
    schema["required"] = [key for key in schema.get("required", []) if key != "between"]
    schema["oneOf"] = [
        {"required": ["between"], "not": {"anyOf": [{"required": ["from"]},
                                                    {"required": ["to"]}]}},
        {"required": ["from", "to"], "not": {"required": ["between"]}},
    ]


class Relation(Record):
    """An emotional line between two people or agents.

    ``abuse``, ``neglect`` and ``caregiving`` are directed from ``between[0]`` to
    ``between[1]``; ``from``/``to`` may be written instead of ``between``.
    """

    model_config = ConfigDict(json_schema_extra=_from_to_schema)

    between: list[Id] = Field(min_length=2, max_length=2)
    kind: RelationKind
    start: PartialDate | None = None
    end: PartialDate | None = None
    notes: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_to(cls, data: Any) -> Any:
        if isinstance(data, dict) and ("from" in data or "to" in data) and "between" not in data:
            data = dict(data)
            data["between"] = [data.pop("from", None), data.pop("to", None)]
        return data


class Membership(Record):
    """When one member belonged to a household or context: ``start``..``end``.

    A member may have several periods (left home, came back). A member without any period
    belongs for as long as the household or context itself exists.
    """

    member: Id
    start: PartialDate | None = None
    end: PartialDate | None = None
    notes: Text | None = None


class Household(Record):
    """People who live together (drawn encircled).

    ``start``/``end`` bound the household itself; ``memberships`` say when single members
    lived there (each ``member`` must be one of ``members``: ``systeemkaart validate``
    checks it).
    """

    id: Id | None = None
    name: Text | None = None
    members: list[Id] = Field(min_length=1)
    start: PartialDate | None = None
    end: PartialDate | None = None
    memberships: list[Membership] = Field(default_factory=no_items)
    notes: Text | None = None

    def members_at(self, at: PartialDate | None,
                   partnerships: Iterable[Partnership] = ()) -> list[str]:
        """Who lived here at ``at`` (none when the household itself did not exist then: an
        undated household of a couple begins with the couple, see
        :func:`~systeemkaart.model.periods.household_start`; pass the case's
        ``partnerships``)."""
        start = household_start(self.start, self.members, partnerships)
        if not holds_at(start, self.end, at):
            return []
        return dated_members(self.members, self.memberships, at)


def dated_members(members: list[str], memberships: list[Membership],
                  at: PartialDate | None) -> list[str]:
    """The members that belong at ``at``: the one rule for household and context membership.

    A member with dated periods belongs while one of them holds (:func:`holds_at`); one
    without any period belongs throughout.
    """
    if not memberships:
        return list(members)
    periods: dict[str, list[Membership]] = {}
    for m in memberships:
        periods.setdefault(m.member, []).append(m)
    return [pid for pid in members
            if pid not in periods or any(holds_at(m.start, m.end, at) for m in periods[pid])]
