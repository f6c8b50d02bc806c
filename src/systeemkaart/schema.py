"""The JSON Schema of a case file, generated from the model (checked in as schemas/)."""

from __future__ import annotations

import json
from typing import Any

from .model import Case
from .model.case import SCHEMA_ID

__all__ = ["SCHEMA_URL", "case_schema", "case_schema_text"]

SCHEMA_URL = "urn:systeemkaart:schema:case:1"
"""The schema's ``$id``: a name, not an address, so no editor or tool goes online for it."""


def case_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that a ``systeemkaart/1`` document follows."""
    body = Case.model_json_schema(by_alias=True, mode="validation")
    head = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_URL,
        "title": f"systeemkaart case ({SCHEMA_ID})",
    }
    body.pop("title", None)
    return {**head, **body}


def case_schema_text() -> str:
    """The schema as stable, pretty JSON text (byte-identical across runs)."""
    return json.dumps(case_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
