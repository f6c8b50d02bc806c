"""The JSON Schema of a case file, generated from the model (checked in as schemas/).

The schema accepts exactly the documents whose shape the model accepts, so an editor never
flags a file that loads (nor passes one that the loader refuses for its shape). Checks that
need the whole case (references, parentage, dates in order) are not shape and stay out.
Most of it is pydantic's own schema of the model; this module adds what pydantic cannot
see, generically, so new fields are covered without a change here:

- booleans: the model reads ``true``/``false`` and also ``1``/``0`` and the words
  ``yes``/``no``, ``on``/``off``, ``y``/``n``, ``t``/``f`` in any case, as pydantic's lax
  mode does; alternative forms written by a model validator (``from``/``to`` of a
  relation) are described next to that validator; dates are described by
  :data:`systeemkaart.dates.PATTERN_TEXT`.
"""

from __future__ import annotations

import copy
import json
from typing import Any, Final

from .model import Case
from .model.case import SCHEMA_ID

__all__ = ["BOOL_WORDS_PATTERN", "SCHEMA_URL", "case_schema", "case_schema_text"]

SCHEMA_URL = "urn:systeemkaart:schema:case:1"
"""The schema's ``$id``: a name, not an address, so no editor or tool goes online for it."""


def _any_case(word: str) -> str:
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in word)


_TRUE_WORDS: Final = ("true", "yes", "on", "t", "y", "1")
_FALSE_WORDS: Final = ("false", "no", "off", "f", "n", "0")
BOOL_WORDS_PATTERN: Final = (
    "^(?:" + "|".join(_any_case(w) for w in _TRUE_WORDS + _FALSE_WORDS) + ")$"
)
"""The text a boolean field also takes (pydantic's lax booleans), in any case."""

_LAX_BOOLEAN: Final[list[dict[str, Any]]] = [
    {"type": "boolean"},
    {"enum": [0, 1]},
    {"type": "string", "pattern": BOOL_WORDS_PATTERN},
]


def _widen_booleans(node: Any) -> None:
    """Replace every ``"type": "boolean"`` by the forms the model reads as a boolean."""
    if isinstance(node, dict):
        for value in node.values():
            _widen_booleans(value)
        if node.get("type") == "boolean":
            del node["type"]
            node["anyOf"] = copy.deepcopy(_LAX_BOOLEAN)
    elif isinstance(node, list):
        for value in node:
            _widen_booleans(value)


def case_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that a ``systeemkaart/1`` document follows."""
    body = Case.model_json_schema(by_alias=True, mode="validation")
    _widen_booleans(body)
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
