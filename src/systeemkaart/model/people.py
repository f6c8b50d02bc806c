"""People of the family, over generations."""

from typing import Annotated

from pydantic import Field

from ..dates import PartialDate
from ..vocab import Sex
from .base import Id, Record, Text
from .periods import happened_by

__all__ = ["MAX_LEFT_OUT", "Person"]

MAX_LEFT_OUT = 100_000
"""The most relatives a person can have left out of a file: more is no family tree."""


class Person(Record):
    """One member of the family system, drawn as a genogram symbol.

    ``deceased`` is implied by ``died``; ``twin_of`` names the other twin (same parents);
    ``identical`` marks identical twins (a bar between them). ``pregnancy`` and
    ``miscarriage`` mark a person who is not (yet) born; ``abortion`` an induced abortion,
    ``stillbirth`` a child born dead (drawn small, with a cross). ``left_out`` counts the
    parents, children and partners of this person that are not in the file because it was
    cut from a larger family tree (``import --around``), so the genogram can say where the
    tree goes on.
    """

    id: Id
    name: Text | None = None
    sex: Sex = "unknown"
    born: PartialDate | None = None
    died: PartialDate | None = None
    deceased: bool = False
    adopted: bool = False
    foster: bool = False
    pregnancy: bool = False
    miscarriage: bool = False
    abortion: bool = False
    stillbirth: bool = False
    twin_of: Id | None = None
    identical: bool = False
    occupation: Text | None = None
    notes: Text | None = None
    left_out: Annotated[int, Field(ge=0, le=MAX_LEFT_OUT, strict=True)] = 0

    @property
    def is_deceased(self) -> bool:
        """Deceased when marked so or when a date of death is known."""
        return self.deceased or self.died is not None

    @property
    def never_lived(self) -> bool:
        """A miscarriage, an abortion or a stillbirth: a pregnancy that ended without a
        living child."""
        return self.miscarriage or self.abortion or self.stillbirth

    def age_at(self, when: PartialDate) -> int | None:
        """Whole years of age at ``when`` (or at death), ``None`` when not computable."""
        if self.born is None or self.pregnancy or self.never_lived:
            return None
        end = self.died if self.died is not None and happened_by(self.died, when) else when
        if self.born.precision == "day" and end.precision == "day":
            b, e = self.born.earliest, end.earliest
            return e.year - b.year - ((e.month, e.day) < (b.month, b.day))
        age = end.year - self.born.year
        return age if age >= 0 else None

    def label(self) -> str:
        """The name to show: the name, or the id when no name is given."""
        return self.name or self.id

