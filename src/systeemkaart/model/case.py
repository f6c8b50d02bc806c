"""The case: one document holding a family, its helper network, events and hypotheses."""

from collections.abc import Iterator
from typing import Final, Literal

from pydantic import ConfigDict, Field

from ..dates import PartialDate
from ..vocab import Lang
from .base import Id, Record, Text, no_items
from .events import Event, Hypothesis
from .family import ChildLink, Household, Partnership, Relation
from .help import Involvement
from .network import Context, Organisation, Professional, Supporter
from .people import Person

__all__ = ["SCHEMA_ID", "Case", "CaseMeta"]

SCHEMA_ID: Final = "systeemkaart/1"


class CaseMeta(Record):
    """What the drawing is about: its id, title, date, index person(s) and label language.

    ``regie`` names the people of the family who hold regie themselves at ``as_of`` (the
    youth, the parents): they steer, the professionals help.
    """

    id: Id
    title: Text | None = None
    as_of: PartialDate | None = None
    index: list[Id] = Field(default_factory=no_items)
    regie: list[Id] = Field(default_factory=no_items)
    lang: Lang = "nl"
    notes: Text | None = None


class Case(Record):
    """A whole case (``systeemkaart/1``): genogram part, systemogram part, or both.

    The model is the single source of truth; graphs, layouts and reports derive from it.
    A file names the version as ``schema``; ``schema_`` is only the attribute's name in
    Python, so a file that writes ``schema_`` is refused like any other unknown key.
    """

    model_config = ConfigDict(populate_by_name=False)

    schema_: Literal["systeemkaart/1"] = Field(default=SCHEMA_ID, alias="schema")
    case: CaseMeta
    people: list[Person] = Field(default_factory=no_items)
    partnerships: list[Partnership] = Field(default_factory=no_items)
    children: list[ChildLink] = Field(default_factory=no_items)
    relations: list[Relation] = Field(default_factory=no_items)
    households: list[Household] = Field(default_factory=no_items)
    network: list[Supporter] = Field(default_factory=no_items)
    contexts: list[Context] = Field(default_factory=no_items)
    organisations: list[Organisation] = Field(default_factory=no_items)
    involvements: list[Involvement] = Field(default_factory=no_items)
    events: list[Event] = Field(default_factory=no_items)
    hypotheses: list[Hypothesis] = Field(default_factory=no_items)

    # --- lookups -------------------------------------------------------------------------

    def as_of(self) -> PartialDate:
        """The date the drawing describes: ``case.as_of`` or today."""
        return self.case.as_of if self.case.as_of is not None else PartialDate.today()

    def person(self, pid: str) -> Person:
        """The person with this id (``KeyError`` when there is none)."""
        for p in self.people:
            if p.id == pid:
                return p
        raise KeyError(pid)

    def professionals(self) -> Iterator[tuple[Organisation, Professional]]:
        """Every professional with the organisation they work for, in file order."""
        for org in self.organisations:
            for pro in org.professionals:
                yield org, pro

    def agent_types(self) -> dict[str, str]:
        """Map every agent id to its node type: professional, organisation, context, supporter."""
        types: dict[str, str] = {}
        for s in self.network:
            types[s.id] = "supporter"
        for c in self.contexts:
            types[c.id] = "context"
        for org in self.organisations:
            types[org.id] = "organisation"
            for pro in org.professionals:
                types[pro.id] = "professional"
        return types

    def node_types(self) -> dict[str, str]:
        """Map every id in the case to its node type (people and agents)."""
        types = {p.id: "person" for p in self.people}
        types.update(self.agent_types())
        return types

    def names(self) -> dict[str, str]:
        """Map every id to the name to show (the id when no name is given)."""
        out: dict[str, str] = {}
        for p in self.people:
            out[p.id] = p.name or p.id
        for s in self.network:
            out[s.id] = s.name or s.id
        for c in self.contexts:
            out[c.id] = c.name or c.id
        for org in self.organisations:
            out[org.id] = org.name or org.id
            for pro in org.professionals:
                out[pro.id] = pro.name or pro.id
        return out

    def employer(self) -> dict[str, str]:
        """Map every professional id to the id of their organisation."""
        return {pro.id: org.id for org, pro in self.professionals()}
