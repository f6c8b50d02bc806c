"""The JSON Schema in schemas/ is generated from the model and must not go stale."""

from __future__ import annotations

import json
from pathlib import Path

from systeemkaart.io.yaml_json import case_to_data, load
from systeemkaart.schema import SCHEMA_URL, case_schema, case_schema_text

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
