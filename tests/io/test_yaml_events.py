"""The reader's two modes (quick, and recording the lines) read every document alike."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import assume, given, settings

from systeemkaart.exceptions import CaseFormatError
from systeemkaart.io import reader
from tests.strategies import yaml_texts

ROOT = Path(__file__).resolve().parents[2]


def _both(text: str) -> tuple[object, object]:
    quick, no_lines = reader._read_yaml(text, "x.yaml", record=False)
    recorded, lines = reader._read_yaml(text, "x.yaml", record=True)
    assert no_lines == {}
    assert lines
    return quick, recorded


@settings(max_examples=200)
@given(yaml_texts())
def test_quick_and_recording_reads_give_the_same_data(text: str) -> None:
    data = yaml.safe_load(text)
    assume(isinstance(data, dict | list))
    quick, recorded = _both(text)
    assert quick == recorded


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.yaml")),
                         ids=lambda p: p.stem)
def test_every_example_reads_alike_in_both_modes(path: Path) -> None:
    quick, recorded = _both(path.read_text(encoding="utf-8"))
    assert quick == recorded


@pytest.mark.parametrize(("text", "expected"), [
    ("a: [yes, no, 1, 01, 1.5, ~, 2020-01-02, x]\n",
     {"a": [True, False, 1, 1, 1.5, None, "2020-01-02", "x"]}),
    ("- {yes: 1, 2: b}\n- [a, {c: null}]\n", [{"true": 1, "2": "b"}, ["a", {"c": None}]]),
    ("a: &x {b: [1, 2]}\nc: *x\n", {"a": {"b": [1, 2]}, "c": {"b": [1, 2]}}),
    ("a: !!str 1\nb: '1'\nc: [!!int '2']\n", {"a": "1", "b": "1", "c": [2]}),
    ("- {name: Noor, born: 1990-02-03, n: null, o: Off, t: True, y: 0x1F, f: 1_0, e: 1e3}\n"
     "- {name: Noor, born: 1990-02-03, n: Null, o: off, t: Tom, y: Yusuf, f: 'Off', e: .5}\n"
     "- [Noor, 1990-02-03, ~, On, TRUE, 0x1F, Fatima, !!str 7, !!float 7, 1.0e+3]\n",
     [{"name": "Noor", "born": "1990-02-03", "n": None, "o": False, "t": True, "y": 31,
       "f": 10, "e": "1e3"},
      {"name": "Noor", "born": "1990-02-03", "n": None, "o": False, "t": "Tom", "y": "Yusuf",
       "f": "Off", "e": 0.5},
      ["Noor", "1990-02-03", None, True, True, 31, "Fatima", "7", 7.0, 1000.0]]),
])
def test_plain_values_are_read_by_yaml_rules_in_both_modes(text: str, expected: object) -> None:
    quick, recorded = _both(text)
    assert quick == recorded == expected


@pytest.mark.parametrize(("text", "message", "line", "location"), [
    ("a: 1\nb:\n  c: 2\n  c: 3\n", "duplicate key 'c'", 4, "b.c"),
    ("a: 1\nb: [x, !!python/name:os.system y]\n", "unsupported YAML tag", 2, "b"),
    ("a: !!set {x: null}\n", "unsupported YAML tag", 1, "a"),
])
def test_a_refusal_found_quickly_names_its_line_and_location(
        text: str, message: str, line: int, location: str) -> None:
    with pytest.raises(CaseFormatError, match=message) as info:
        reader.parse_text(text, file="x.yaml")
    problem = info.value.problems[0]
    assert (problem.line, problem.location) == (line, location)


def _nested(levels: int) -> str:
    """Records and lists in turn, ``levels`` collections deep (``a: [{a: [...]}]``)."""
    text = "x"
    for level in range(levels - 1, 0, -1):
        text = f"{{a: {text}}}" if level % 2 == 0 else f"[{text}]"
    return f"a: {text}\n"


@pytest.mark.parametrize("kind", ["record", "list"])
def test_nesting_at_the_limit_is_read_and_one_deeper_refused_in_both_modes(kind: str) -> None:
    deepest = reader.MAX_DEPTH + 1  # the top record is level 0
    fits = _nested(deepest) if kind == "list" else "b:\n  " + _nested(deepest - 1)
    too_deep = _nested(deepest + 1) if kind == "list" else "b:\n  " + _nested(deepest)
    quick, recorded = _both(fits)
    assert quick == recorded == yaml.safe_load(fits)
    for record in (False, True):
        with pytest.raises(CaseFormatError) as info:
            reader._read_yaml(too_deep, "x.yaml", record=record)
        assert str(info.value) == f"x.yaml: nesting is too deep (limit {reader.MAX_DEPTH} " \
                                  f"levels) (line {1 if kind == 'list' else 2})"
