"""Small hand-made cases for the analysis tests: a family and its helpers as plain data."""

from __future__ import annotations

from typing import Any

from systeemkaart.checks import check_case
from systeemkaart.model import Case

__all__ = ["FAMILY", "make", "pro_org"]

FAMILY: list[dict[str, Any]] = [
    {"id": "vader", "name": "Vader", "sex": "male", "born": 1976},
    {"id": "moeder", "name": "Moeder", "sex": "female", "born": 1979},
    {"id": "kind", "name": "Daan", "sex": "male", "born": 2010},
    {"id": "broer", "name": "Tim", "sex": "male", "born": 2012},
]
"""Two parents and two sons, as of 2023."""


def pro_org(org: str, kind: str, *pros: str) -> dict[str, Any]:
    """An organisation of ``kind`` with the named professionals."""
    return {"id": org, "kind": kind, "professionals": [{"id": p} for p in pros]}


def make(*, as_of: str = "2023-05-01", lang: str = "en", index: list[str] | None = None,
         people: list[dict[str, Any]] | None = None, **sections: Any) -> Case:
    """A valid case: the default family (two parents, two sons) plus ``sections``."""
    data: dict[str, Any] = {
        "schema": "systeemkaart/1",
        "case": {"id": "t", "as_of": as_of, "lang": lang, "index": index or []},
        "people": FAMILY if people is None else people,
    }
    if people is None and "children" not in sections:
        data["children"] = [{"parents": ["vader", "moeder"], "child": "kind"},
                            {"parents": ["vader", "moeder"], "child": "broer"}]
    data.update(sections)
    case = Case.model_validate(data)
    errors = [p for p in check_case(case) if p.severity == "error"]
    assert not errors, errors
    return case
