"""Saving and loading is lossless: YAML, JSON, files, and the text is stable."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import given

from systeemkaart.exceptions import CaseFormatError, OutputError
from systeemkaart.io.yaml_json import HEADER, case_to_data, dumps, load, loads, save
from systeemkaart.model import Case
from tests.strategies import cases

ROOT = Path(__file__).resolve().parents[2]


@given(cases())
def test_yaml_round_trip(case: Case) -> None:
    text = dumps(case)
    assert loads(text) == case
    assert dumps(loads(text)) == text  # the text itself is stable


@given(cases())
def test_json_round_trip(case: Case) -> None:
    text = dumps(case, format="json")
    assert loads(text, format="json") == case
    assert json.loads(text)["schema"] == "systeemkaart/1"


@given(cases())
def test_yaml_is_plain_safe_yaml(case: Case) -> None:
    text = dumps(case)
    assert text.startswith(HEADER + "\n")
    assert "http" not in text.splitlines()[0]  # nothing for an editor to fetch
    plain = yaml.safe_load(text)  # any YAML tool reads it; dates come back as YAML dates/ints
    assert Case.model_validate(plain) == case
    assert set(plain) == set(case_to_data(case))
    assert "!!" not in text  # no python tags, readable by any YAML tool


@given(cases(max_generations=3, max_agents=10))
def test_save_and_load_files(case: Case) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name in ("case.yaml", "case.json", "CASE.JSON", "case.yml"):
            path = Path(folder) / name
            save(case, path)
            assert load(path) == case
            assert os.listdir(folder).count(name) == 1
        assert sorted(os.listdir(folder)) == ["CASE.JSON", "case.json", "case.yaml", "case.yml"]
        assert (Path(folder) / "case.json").read_text(encoding="utf-8").lstrip().startswith("{")


def test_defaults_are_left_out() -> None:
    case = loads("schema: systeemkaart/1\ncase: {id: x}\npeople: [{id: a}]\n")
    assert case_to_data(case) == {"schema": "systeemkaart/1", "case": {"id": "x"},
                                  "people": [{"id": "a"}]}


def test_save_failure_leaves_the_old_file(tmp_path: Path) -> None:
    case = loads("case: {id: x}\n")
    path = tmp_path / "case.yaml"
    path.write_text("good\n", encoding="utf-8")
    with pytest.raises(OutputError) as info:
        save(case, tmp_path / "missing" / "case.yaml")
    assert "missing" in str(info.value)
    assert path.read_text(encoding="utf-8") == "good\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.yaml"]


def test_examples_round_trip() -> None:
    examples = sorted((ROOT / "examples").glob("*.yaml"))
    assert examples
    for path in examples:
        case = load(path)
        assert loads(dumps(case)) == case, path
        assert loads(dumps(case, format="json"), format="json") == case, path


def test_format_reference_example_loads_as_written() -> None:
    """The example of case-format.md, the contract, loads with every part present."""
    text = (ROOT / "tests" / "data" / "case-format-example.yaml").read_text(encoding="utf-8")
    case = loads(text)
    assert case.case.index == ["jongen"]
    assert [p.id for p in case.people] == ["opa-v", "oma-v", "vader", "moeder", "jongen", "broer"]
    assert case.partnerships[1].status == "separated"
    assert str(case.partnerships[1].end) == "2021"
    assert [o.id for o in case.organisations] == ["swt", "ggz"]
    assert case.involvements[0].regie is True
    assert str(case.involvements[0].start) == "2022-09"
    assert case.network[0].strength == "strong"
    assert case.relations[2].kind == "fused"
    assert len(case.hypotheses) == 1


def test_loads_raises_with_every_error() -> None:
    with pytest.raises(CaseFormatError) as info:
        loads("case: {id: x}\npeople: [{id: a, sex: man}, {id: B}]\n", file="f.yaml")
    assert info.value.lines() == [
        "f.yaml:people[0].sex: unknown value 'man'; allowed: female, male, other, unknown "
        "(line 2)",
        "f.yaml:people[1].id: invalid id 'B': ids are lowercase slugs like 'opa-jansen' "
        "(letters a-z, digits, '-' and '_', starting with a letter or digit) (line 2)",
    ]
    assert isinstance(info.value, ValueError)


TRICKY_TEXT = [
    "", " ", "  lead", "trail ", "yes", "No", "on", "null", "~", "2021", "1e3", "0x1f", "0o17",
    "1_000", "12:30", "-", "- item", "? q", ": x", "a: b", "a #b", "#c", "[x]", "{x}", "&a", "*a",
    "!tag", "|", ">", "%x", "@x", "`x`", "'", '"', "\\", "a\nb", "a\n", "\n", "a\r\nb", "a\rb",
    "\t", "a\tb", "\x00", "\x07", "\x1b[0m", "\x7f", "\x85", "a\x85b", "\u2028", "\u2029",
    "\ufeff", "\ufeffx", "\ufffe", "é", "Zoë", "日本", "🙂", "\U0010fffd", "a" * 300,
]


@pytest.mark.parametrize("text", TRICKY_TEXT, ids=[repr(t)[:20] for t in TRICKY_TEXT])
def test_tricky_text_round_trips(text: str) -> None:
    case = loads("case: {id: x}\n")
    case.case.title = text
    case.case.notes = text + text
    for fmt in ("yaml", "json"):
        back = loads(dumps(case, format=fmt), format=fmt)
        assert (back.case.title, back.case.notes) == (text, text + text), fmt


TRICKY_IDS = ["0", "1", "012", "0x1", "0b1", "0o1", "1_0", "1e5", "1-2", "yes", "no", "on",
              "off", "y", "n", "true", "null", "nan", "inf", "12-30", "2021-06-30", "a_", "9_"]


def test_tricky_ids_round_trip() -> None:
    people = ", ".join(f"{{id: '{i}'}}" for i in TRICKY_IDS)
    case = loads(f"case: {{id: x, index: ['{TRICKY_IDS[0]}']}}\npeople: [{people}]\n")
    assert [p.id for p in case.people] == TRICKY_IDS
    for fmt in ("yaml", "json"):
        assert loads(dumps(case, format=fmt), format=fmt) == case
