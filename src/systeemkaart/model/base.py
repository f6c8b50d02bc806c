"""Shared building blocks of the case model: the strict base class and the id type."""

from __future__ import annotations

from typing import Annotated, Final

from pydantic import BaseModel, ConfigDict, StringConstraints

__all__ = ["ID_PATTERN", "Id", "Record"]

ID_PATTERN: Final = r"^[a-z0-9][a-z0-9_-]*$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=64)]
"""A short slug, unique across the whole case: ``[a-z0-9][a-z0-9_-]*``."""

Text = Annotated[str, StringConstraints(max_length=10_000)]
"""Free text (names, notes): bounded so a hostile file cannot hide megabytes in one field."""


class Record(BaseModel):
    """Base of every record in a case: unknown keys are errors, assignments are validated."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        populate_by_name=True,
        str_strip_whitespace=False,
    )
