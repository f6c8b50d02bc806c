"""Shared building blocks of the case model: the strict base class and the id type."""

from typing import Annotated, Any, Final

from pydantic import BaseModel, ConfigDict, StringConstraints

__all__ = ["ID_PATTERN", "Id", "Record", "no_items"]

ID_PATTERN: Final = r"^[a-z0-9][a-z0-9_-]*$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=64)]
"""A short slug, unique across the whole case: ``[a-z0-9][a-z0-9_-]*``."""

Text = Annotated[str, StringConstraints(max_length=10_000)]
"""Free text (names, notes): bounded so a hostile file cannot hide megabytes in one field."""


def no_items() -> list[Any]:
    """A new empty list: the default of every list field of the models.

    A Python function rather than the builtin ``list``: pydantic reads the signature of each
    default factory when it builds a model, and a builtin's signature is parsed from its
    text with :mod:`tokenize`, whose first use compiles a large regular expression (about
    5 ms of every command that loads a case).
    """
    return []


class Record(BaseModel):
    """Base of every record in a case: unknown keys are errors, assignments are validated."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        populate_by_name=True,
        str_strip_whitespace=False,
    )
