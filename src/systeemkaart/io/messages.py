"""Turn pydantic's validation errors into one precise, human line each."""

from __future__ import annotations

import re
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from ..exceptions import Problem
from ..model import Case

__all__ = ["format_location", "problems_from_validation"]


def format_location(loc: tuple[Any, ...]) -> str:
    """``('people', 3, 'born')`` -> ``people[3].born``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif isinstance(part, str) and re.fullmatch(r"[A-Za-z0-9_ -]+", part):
            out += f".{part}" if out else part
    return out


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


def _model_at(loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that holds the element at ``loc`` (walked from :class:`Case`)."""
    model: type[BaseModel] | None = Case
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        fields = {f.alias or name: f for name, f in model.model_fields.items()}
        f = fields.get(part)
        if f is None:
            return None
        model = _model_of(f.annotation)
    return model


def _allowed_keys(model: type[BaseModel]) -> str:
    return ", ".join(f.alias or name for name, f in model.model_fields.items())


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    kind = {bool: "true/false", int: "a number", float: "a number", str: "text"}.get(
        type(value), type(value).__name__
    )
    return f"{text} ({kind})" if not isinstance(value, str) else text


def _literal_values(expected: str) -> str:
    return ", ".join(sorted(re.findall(r"'([^']*)'", expected)))


def _message(err: Any) -> str:
    kind = err["type"]
    loc = err["loc"]
    value = err.get("input")
    ctx = err.get("ctx") or {}
    field = next((p for p in reversed(loc) if isinstance(p, str)), "")
    if kind == "extra_forbidden":
        model = _model_at(tuple(loc[:-1]))
        allowed = f" (allowed: {_allowed_keys(model)})" if model else ""
        return f"unknown key {field!r}{allowed}"
    if kind == "missing":
        return f"missing required key {field!r}"
    if kind == "literal_error":
        allowed = _literal_values(ctx.get("expected", ""))
        return f"unknown value {_describe(value)}; allowed: {allowed}"
    if kind == "string_pattern_mismatch":
        return (
            f"invalid id {_describe(value)}: ids are lowercase slugs like 'opa-jansen' "
            "(letters a-z, digits, '-' and '_', starting with a letter or digit)"
        )
    if kind == "string_type":
        return f"expected text, got {_describe(value)}"
    if kind == "string_too_long":
        return f"text is too long (limit {ctx.get('max_length')} characters)"
    if kind in {"bool_type", "bool_parsing"}:
        return f"expected true or false, got {_describe(value)}"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"expected a whole number, got {_describe(value)}"
    if kind == "greater_than_equal":
        return f"expected {ctx.get('ge')} or more, got {_describe(value)}"
    if kind == "less_than_equal":
        return f"expected at most {ctx.get('le')}, got {_describe(value)}"
    if kind in {"list_type"}:
        return f"expected a list, got {_describe(value)}"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return f"expected a mapping (key: value), got {_describe(value)}"
    if kind in {"too_short", "too_long"}:
        lo, hi = _bounds(field)
        n = len(value) if isinstance(value, list | tuple) else "?"
        need = f"exactly {lo}" if lo == hi else f"{lo} to {hi}" if hi else f"at least {lo}"
        noun = "entry" if (hi or lo) == 1 else "entries"
        return f"needs {need} {noun} (got {n})"
    if kind == "value_error":
        return str(ctx.get("error") or err.get("msg", "invalid value"))
    return str(err.get("msg", "invalid value"))


def _bounds(field: str) -> tuple[int, int | None]:
    return {
        "partners": (2, 2),
        "between": (2, 2),
        "parents": (1, 2),
        "targets": (1, None),
        "members": (1, None),
    }.get(field, (1, None))


def problems_from_validation(err: ValidationError) -> list[Problem]:
    """One :class:`Problem` per pydantic error, located like ``people[3].born``."""
    out: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for e in err.errors(include_url=False):
        loc = tuple(e["loc"])
        location = format_location(loc)
        message = _message(e)
        if (location, message) in seen:
            continue
        seen.add((location, message))
        out.append(Problem(location, message, code=str(e["type"])))
    return out

