"""The JSON Schema in schemas/ is generated from the model and must not go stale."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from systeemkaart.dates import PartialDate
from systeemkaart.exceptions import CaseFormatError
from systeemkaart.io.reader import read_document
from systeemkaart.io.yaml_json import case_to_data, load
from systeemkaart.model import Case
from systeemkaart.schema import SCHEMA_URL, case_schema, case_schema_text
from tests.strategies import case_data

ROOT = Path(__file__).resolve().parent.parent
CHECKED_IN = ROOT / "schemas" / "case.schema.json"


def test_checked_in_schema_is_current() -> None:
    assert CHECKED_IN.read_text(encoding="utf-8") == case_schema_text(), (
        "schemas/case.schema.json is stale: run `make schema` "
        "(systeemkaart schema -o schemas/case.schema.json) and commit it"
    )


def test_schema_text_is_stable() -> None:
    assert case_schema_text() == case_schema_text()
    assert json.loads(case_schema_text()) == case_schema()


def test_schema_head() -> None:
    schema = case_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == SCHEMA_URL
    assert schema["type"] == "object"
    assert schema["required"] == ["case"]
    assert schema["additionalProperties"] is False


def test_schema_names_every_section_and_vocabulary() -> None:
    schema = case_schema()
    sections = {"schema", "case", "people", "partnerships", "children", "relations",
                "households", "network", "contexts", "organisations", "involvements", "events",
                "hypotheses"}
    assert sections <= set(schema["properties"])
    text = json.dumps(schema)
    for word in ("close_hostile", "youth_mental_health", "opposite", "cohabiting", "foster",
                 "stressful", "neighbourhood"):
        assert f'"{word}"' in text


def test_examples_point_at_the_schema() -> None:
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = first.split("$schema=", 1)[1]
        if not target.startswith("http"):
            assert (path.parent / target).resolve() == CHECKED_IN.resolve(), path
        assert case_to_data(load(path))["schema"] == "systeemkaart/1"


# --- the schema accepts exactly what the model accepts for shape reasons ---------------------

def _ecma_pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Any:
    """``pattern`` as JSON Schema means it (ECMA 262): ``$`` ends the text. Python's ``$``
    also matches before a final newline, which would let ``"abc\\n"`` pass as an id."""
    if not isinstance(instance, str):
        return
    compiled = re.compile(pattern[:-1] + r"\Z" if pattern.endswith("$") else pattern)
    if not compiled.search(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator,
                                          {"pattern": _ecma_pattern})
VALIDATOR = _Validator(case_schema())


def _schema_accepts(data: Any) -> bool:
    return VALIDATOR.is_valid(data)


def _model_accepts(data: Any) -> bool:
    """Whether the model takes the document's shape (types, keys, values), before the
    checks across records (references, parentage), which no JSON Schema can express."""
    try:
        Case.model_validate(data)
    except ValidationError:
        return False
    return True


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(case_schema())


_FILES = sorted([*(ROOT / "examples").glob("*.yaml"), *(ROOT / "tests" / "cases").glob("*.yaml"),
                 ROOT / "tests" / "data" / "case-format-example.yaml"])


@pytest.mark.parametrize("path", _FILES, ids=[p.stem for p in _FILES])
def test_every_example_passes_the_schema(path: Path) -> None:
    data = read_document(path).data
    assert _model_accepts(data)
    errors = [e.message for e in VALIDATOR.iter_errors(data)]
    assert errors == []


def _parsed(path: Path) -> Any:
    try:
        return read_document(path).data
    except CaseFormatError:
        return None


# The bad files that read as a mapping (the others are refused by the reader, before any
# schema could look at them).
_BAD = [p for p in sorted((ROOT / "tests" / "data" / "bad").glob("*.*"))
        if isinstance(_parsed(p), dict)]


def test_some_bad_files_are_read() -> None:
    assert len(_BAD) >= 15


@pytest.mark.parametrize("path", _BAD, ids=[p.name for p in _BAD])
def test_bad_files_schema_and_model_agree(path: Path) -> None:
    """Each bad file is refused by the schema exactly when its shape is wrong; the ones
    wrong across records (dangling ids, cycles, dates out of order) pass the schema."""
    data = _parsed(path)
    assert _schema_accepts(data) == _model_accepts(data)


@given(case_data())
def test_generated_cases_pass_the_schema(data: dict[str, Any]) -> None:
    case = Case.model_validate(data)
    assert _schema_accepts(data)
    assert _schema_accepts(case_to_data(case))


def _base() -> dict[str, Any]:
    """A small valid case that the variants below change one thing of."""
    return {
        "schema": "systeemkaart/1",
        "case": {"id": "c", "as_of": "2023-05-01", "index": ["kind"], "lang": "nl"},
        "people": [
            {"id": "vader", "sex": "male", "born": 1976},
            {"id": "moeder", "sex": "female", "born": "1979-02"},
            {"id": "kind", "name": "Daan", "born": "2007-03-14", "deceased": False},
        ],
        "partnerships": [{"partners": ["vader", "moeder"], "kind": "married", "start": 2005}],
        "children": [{"parents": ["vader", "moeder"], "child": "kind"}],
        "relations": [{"between": ["kind", "vader"], "kind": "conflict"}],
        "households": [{"members": ["moeder", "kind"]}],
        "organisations": [{"id": "swt", "kind": "social_team",
                           "professionals": [{"id": "anna", "role": "coach"}]}],
        "involvements": [{"agent": "anna", "targets": ["kind"], "regie": True}],
        "events": [{"date": 2021, "title": "Scheiding"}],
        "hypotheses": [{"text": "Niet gezien", "about": ["kind"]}],
    }


def _set(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of ``data`` with ``path`` (``people.0.born``) set to ``value``; the value
    ``_DROP`` removes the key instead."""
    out = copy.deepcopy(data)
    *parents, last = path.split(".")
    node: Any = out
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]
    if value is _DROP:
        del node[last]
    elif isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return out


_DROP = object()

# (path, value, accepted): every alternative form the loader reads, and every shape it refuses.
VARIANTS: list[tuple[str, Any, bool]] = [
    # alternative forms that load
    ("relations.0", {"from": "kind", "to": "vader", "kind": "caregiving"}, True),
    ("relations.0", {"from": "kind", "to": "vader", "kind": "conflict", "start": "2020-01"},
     True),
    ("people.0.born", "1976", True),
    ("people.0.born", " 1976 ", True),
    ("people.0.born", "2000-02-29", True),
    ("people.0.born", "2000-12-31", True),
    ("people.0.born", 1000, True),
    ("people.0.born", 2999, True),
    ("people.0.born", None, True),
    ("people.0.name", None, True),
    ("people.2.deceased", "yes", True),
    ("people.2.deceased", "No", True),
    ("people.2.deceased", "ON", True),
    ("people.2.deceased", "y", True),
    ("people.2.deceased", 1, True),
    ("people.2.deceased", 0, True),
    ("involvements.0.regie", "true", True),
    ("case.as_of", 2023, True),
    ("schema", _DROP, True),
    ("partnerships.0.kind", _DROP, True),
    ("people.0.id", "a" * 64, True),
    ("people.0.id", "0x1", True),
    # unknown keys
    ("people.0.age", 47, False),
    ("case.date", "2023", False),
    ("relations.0.from", "kind", False),  # between and from together
    ("relations.0", {"from": "kind", "kind": "conflict"}, False),  # from without to
    ("relations.0", {"to": "kind", "kind": "conflict"}, False),
    ("relations.0", {"kind": "conflict"}, False),
    ("schema_", "systeemkaart/1", False),
    ("organisations.0.professionals.0.phone", "06", False),
    # wrong types
    ("people.0.name", 12, False),
    ("people.0.name", ["Jan"], False),
    ("people", {"id": "x"}, False),
    ("children.0.parents", "vader", False),
    ("people.2.deceased", "misschien", False),
    ("people.2.deceased", 2, False),
    ("people.2.deceased", "", False),
    ("people.2.deceased", " yes", False),
    ("people.2.deceased", None, False),
    ("involvements.0.regie", [], False),
    ("case", "c", False),
    ("people.0.born", True, False),
    ("people.0.born", [1976], False),
    # bad enum values
    ("people.0.sex", "man", False),
    ("people.0.sex", "Male", False),
    ("partnerships.0.kind", "marriage", False),
    ("partnerships.0.status", "apart", False),
    ("relations.0.kind", "love", False),
    ("involvements.0.stance", "beside", False),
    ("organisations.0.kind", "hospital", False),
    ("case.lang", "de", False),
    ("schema", "systeemkaart/2", False),
    # bad ids
    ("people.0.id", "Vader", False),
    ("people.0.id", "-vader", False),
    ("people.0.id", "va der", False),
    ("people.0.id", "vader\n", False),
    ("people.0.id", "", False),
    ("people.0.id", "a" * 65, False),
    ("children.0.child", "Kind", False),
    ("case.index.0", "_kind", False),
    # bad dates
    ("people.0.born", "2021-13", False),
    ("people.0.born", "2021-00", False),
    ("people.0.born", "2021-02-29", False),
    ("people.0.born", "1900-02-29", False),
    ("people.0.born", "2021-04-31", False),
    ("people.0.born", "2021-1-5", False),
    ("people.0.born", "21", False),
    ("people.0.born", "0999", False),
    ("people.0.born", "3000", False),
    ("people.0.born", 999, False),
    ("people.0.born", 3000, False),
    ("people.0.born", "٢٠٢١", False),
    ("people.0.born", "2021-06-30T10:00", False),
    ("people.0.born", "ca. 1976", False),
    # list sizes
    ("partnerships.0.partners", ["vader"], False),
    ("partnerships.0.partners", ["vader", "moeder", "kind"], False),
    ("children.0.parents", [], False),
    ("households.0.members", [], False),
    ("involvements.0.targets", [], False),
    ("people.0.notes", "x" * 10_001, False),
]


def test_the_base_case_passes_both() -> None:
    assert _model_accepts(_base())
    assert _schema_accepts(_base())


@pytest.mark.parametrize(("path", "value", "accepted"), VARIANTS,
                         ids=[f"{p}={str(v)[:20]!r}" for p, v, _ in VARIANTS])
def test_schema_and_model_agree_on_a_variant(path: str, value: Any, accepted: bool) -> None:
    data = _set(_base(), path, value)
    assert _model_accepts(data) is accepted
    assert _schema_accepts(data) is accepted


# Mutations that make a field the wrong shape, by the kind of field they hit.
_WRONG: dict[str, list[Any]] = {
    "id": ["Hoofdletter", "-x", "x y", "", "x" * 65, 7, None],
    "date": ["2021-13", "2021-02-30", "21", 999, "x", [2021], True],
    "text": [12, ["x"], {"a": 1}],
    "list": ["x", 3, {"a": 1}],
    "enum": ["nope", "", 1],
    "bool": ["misschien", 2, [], None],
}
_DATE_KEYS = {"born", "died", "start", "end", "as_of", "date"}
_ENUM_KEYS = {"sex", "kind", "status", "stance", "entry", "strength", "lang"}
_BOOL_KEYS = {"deceased", "adopted", "foster", "pregnancy", "miscarriage", "identical", "regie"}
_ID_KEYS = {"id", "child", "agent", "twin_of"}


def _field_kind(key: str, value: Any) -> str:
    if key in _DATE_KEYS:
        return "date"
    if key in _ENUM_KEYS:
        return "enum"
    if key in _BOOL_KEYS:
        return "bool"
    if key in _ID_KEYS:
        return "id"
    return "list" if isinstance(value, list) else "text"


def _records(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Every record of a case document (case, people, ..., professionals)."""
    out = [data["case"]]
    for value in data.values():
        if isinstance(value, list):
            for record in value:
                out.append(record)
                out += record.get("professionals", [])
    return out


@given(case_data(max_generations=3, max_agents=12), st.data())
def test_schema_refuses_what_the_model_refuses(data: dict[str, Any], draw: st.DataObject
                                               ) -> None:
    """Any generated case with one field made the wrong shape, or one unknown key added, is
    refused by the model and by the schema alike."""
    mutated = copy.deepcopy(data)
    record = draw.draw(st.sampled_from(_records(mutated)))
    if draw.draw(st.booleans()):
        record[draw.draw(st.sampled_from(("age", "naam", "from_", "Id", "x")))] = 1
    else:
        key = draw.draw(st.sampled_from(sorted(record)))
        record[key] = draw.draw(st.sampled_from(_WRONG[_field_kind(key, record[key])]))
    assert not _model_accepts(mutated)
    assert not _schema_accepts(mutated)


@given(st.one_of(st.text(alphabet="0123456789- \n\t\u00a0\u3000٢", max_size=12),
                 st.from_regex(r"\A[12][0-9]{3}-[0-9]{2}-[0-9]{2}\Z"),
                 st.integers(900, 3100), st.text(max_size=12)))
def test_date_pattern_is_the_parser(value: str | int) -> None:
    """The schema's date pattern accepts a text exactly when :class:`PartialDate` does."""
    try:
        PartialDate.parse(value)
        parsed = True
    except ValueError:
        parsed = False
    assert _schema_accepts(_set(_base(), "people.0.born", value)) is parsed
