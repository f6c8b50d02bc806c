"""Load and save cases as YAML or JSON: safe, bounded, validated, lossless and atomic."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..checks import check_case
from ..exceptions import CaseFormatError, Problem
from ..gcpause import paused_gc
from ..model import SCHEMA_ID, Case
from .atomic import write_atomic
from .messages import problems_from_validation
from .reader import Document, parse_text, read_document

__all__ = ["CheckResult", "case_to_data", "check_document", "check_file", "dumps", "load",
           "loads", "save"]

HEADER = "# A systeemkaart case (schema systeemkaart/1); its JSON Schema: `systeemkaart schema`"


@dataclass
class CheckResult:
    """What checking one input found: the case (when it is valid) and every problem."""

    file: str | None
    case: Case | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """The problems that make the case invalid."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """Suspicious but legal findings."""
        return [p for p in self.problems if p.severity == "warning"]

    def lines(self) -> list[str]:
        """One ``file:location: message`` line per problem."""
        return [p.format(self.file) for p in self.problems]


def _with_lines(problems: list[Problem], doc: Document) -> list[Problem]:
    return [
        Problem(p.location, p.message, p.severity, p.code, p.line or doc.line_of(p.location))
        for p in problems
    ]


def check_document(doc: Document, *, warning_lines: bool = True) -> CheckResult:
    """Validate plain data as a case: types first, then references, parentage and dates.

    Every error names its line. So does every warning unless ``warning_lines`` is false:
    finding lines reads a YAML file a second time (recording them), wasted on a caller that
    keeps only the case (:func:`load`; 3,000 people: about 100 ms)."""
    data = doc.data
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"{data!r}"
        msg = f"expected a case (a mapping with schema: {SCHEMA_ID}), got {kind}"
        return CheckResult(doc.file, None, [Problem("", msg, line=1)])
    schema = data.get("schema", SCHEMA_ID)
    if schema != SCHEMA_ID:
        msg = f"unsupported schema {schema!r}; this version reads {SCHEMA_ID!r}"
        return CheckResult(doc.file, None, _with_lines([Problem("schema", msg)], doc))
    try:
        case = Case.model_validate(data)
    except ValidationError as err:
        return CheckResult(doc.file, None, _with_lines(problems_from_validation(err), doc))
    problems = check_case(case)
    valid = not any(p.severity == "error" for p in problems)
    if not valid or warning_lines:
        problems = _with_lines(problems, doc)
    return CheckResult(doc.file, case if valid else None, problems)


def check_file(path: str | os.PathLike[str], *, warning_lines: bool = True) -> CheckResult:
    """Read and validate a case file; never raises for bad input, reports it instead.

    Runs without the cycle collector (see :func:`systeemkaart.gcpause.paused_gc`): reading
    builds a large tree of plain data that forms no cycles (a fifth of the time of reading
    a 3,000-person case went to collector passes over it). ``warning_lines``: see
    :func:`check_document`."""
    with paused_gc():
        try:
            doc = read_document(path)
        except CaseFormatError as err:
            return CheckResult(os.fspath(path), None, err.problems)
        return check_document(doc, warning_lines=warning_lines)


def _raise(result: CheckResult) -> Case:
    if result.case is None:
        errors = result.errors
        raise CaseFormatError(errors[0].message, file=result.file, location=errors[0].location,
                              problems=errors)
    return result.case


def loads(text: str, *, format: str = "yaml", file: str | None = None) -> Case:
    """Parse a case from YAML (default) or JSON text.

    Raises:
        CaseFormatError: with one problem per error found; warnings do not raise.
    """
    with paused_gc():  # as check_file
        try:
            doc = parse_text(text, fmt=format, file=file)
        except CaseFormatError as err:
            raise err
        return _raise(check_document(doc, warning_lines=False))


def load(path: str | os.PathLike[str]) -> Case:
    """Load a case from a YAML or JSON file (JSON when the name ends in ``.json``).

    Raises:
        CaseFormatError: naming the file and the location of every error.
    """
    return _raise(check_file(path, warning_lines=False))


def case_to_data(case: Case) -> dict[str, Any]:
    """The case as plain JSON-able data, without default values, ``schema`` first."""
    data = case.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    data.pop("schema", None)
    for section, key in _KEEP:
        records = getattr(case, section)
        if not records:
            continue
        order = list(type(records[0]).model_fields)
        for record, dumped in zip(records, data.get(section, []), strict=True):
            if key not in dumped:
                dumped[key] = getattr(record, key)
                ordered = {k: dumped[k] for k in order if k in dumped}
                dumped.clear()
                dumped.update(ordered)
    return {"schema": SCHEMA_ID, **data}


# Defaults written out anyway, because readers of a file look for them.
_KEEP = (("partnerships", "kind"), ("involvements", "stance"))


def dumps(case: Case, *, format: str = "yaml") -> str:
    """Serialise a case to YAML (default) or JSON text; ``loads(dumps(c)) == c``."""
    data = case_to_data(case)
    if format == "json":
        import json  # here, as the YAML writer: commands that only read a case need neither

        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    from .yaml_writer import write_yaml

    return write_yaml(data, HEADER)


def save(case: Case, path: str | os.PathLike[str], *, format: str | None = None) -> None:
    """Write a case atomically; the format follows the extension unless ``format`` is given."""
    fmt = format or ("json" if Path(path).suffix.lower() == ".json" else "yaml")
    write_atomic(path, dumps(case, format=fmt))
