"""Small conveniences of the public API that combine modules."""

from __future__ import annotations

import os

from .checks import check_case
from .exceptions import Problem
from .io.yaml_json import check_file
from .model import Case

__all__ = ["validate"]


def validate(source: Case | str | os.PathLike[str]) -> list[Problem]:
    """Every error and warning of a case or a case file (an empty list when all is well)."""
    if isinstance(source, Case):
        return check_case(source)
    return check_file(source).problems
