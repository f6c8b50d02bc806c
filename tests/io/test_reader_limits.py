"""The reader counts elements while it parses: a document over the limit is refused at the
limit, before the parser has read the rest of it (or built any of it in memory)."""

from __future__ import annotations

from unittest import mock

import pytest
import yaml
from hypothesis import assume, given, settings

from systeemkaart.exceptions import CaseFormatError
from systeemkaart.io import reader
from systeemkaart.io.reader import parse_text
from systeemkaart.io.yaml_bound import certainly_more_than
from systeemkaart.io.yaml_events import EventBuilder
from tests.strategies import yaml_texts


def test_the_limit_bites_before_the_end_of_the_document(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_ELEMENTS", 1_000)
    # 5,000 values, then a syntax error at the very end: refused for the count, so the
    # parser never got to the end.
    text = "case: {id: x}\nnotes: [" + ",".join(["0"] * 5_000) + "\n: : ]]]\n"
    with pytest.raises(CaseFormatError) as info:
        parse_text(text, file="big.yaml")
    assert str(info.value) == ("big.yaml: document expands to more than 1,000 elements "
                               "(too large, or a YAML alias bomb)")


def test_json_over_the_limit_gets_the_same_words_as_yaml(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_ELEMENTS", 1_000)
    text = '{"case": {"id": "x"}, "notes": [' + ",".join(["0"] * 5_000) + "]}"
    with pytest.raises(CaseFormatError) as info:
        parse_text(text, fmt="json", file="big.json")
    assert str(info.value) == "big.json: document expands to more than 1,000 elements (too large)"


@pytest.mark.parametrize(("text", "expected"), [
    ("a: &x [1, 2, 3]\nb: *x\n", {"a": [1, 2, 3], "b": [1, 2, 3]}),
    ("a: 007\nb: 0x1f\nc: 12\nd: '12'\ne: yes\nf: ~\ng: 1.5\nh: 2023-05-01\n",
     {"a": 7, "b": 31, "c": 12, "d": "12", "e": True, "f": None, "g": 1.5, "h": "2023-05-01"}),
    ("1: one\ntrue: t\n", {"1": "one", "true": "t"}),
    ("- {yes: a, name: b, 1: c}\n- {yes: d, name: e, 1: f}\n",  # keys read once, reused
     [{"true": "a", "name": "b", "1": "c"}, {"true": "d", "name": "e", "1": "f"}]),
    ("list:\n- a\n- {b: [c, d]}\n", {"list": ["a", {"b": ["c", "d"]}]}),
])
def test_values_are_read_as_yaml_says(text: str, expected: object) -> None:
    assert parse_text(text).data == expected


def test_an_alias_is_a_copy_not_a_shared_object() -> None:
    data = parse_text("a: &x {k: [1]}\nb: *x\n").data
    assert data["a"] == data["b"] and data["a"] is not data["b"]


@pytest.mark.parametrize(("text", "expected"), [
    ("a: 1\n---\nb: 2\n", "f.yaml: expected one document; found another after '---' (line 2)"),
    ("a: *nothing\n", "f.yaml:a: unknown alias *nothing (line 1)"),
    ("? [a, b]\n: c\n", "f.yaml: a key must be plain text (line 1)"),
    ("a: !!python/name:os.system x\n", "f.yaml:a: unsupported YAML tag "
     "'!!python/name:os.system'; write plain values (line 1)"),
    ("a: !!set {x: null}\n", "f.yaml:a: unsupported YAML tag '!!set'; write plain values "
     "(line 1)"),
    ("<<: {a: 1}\n", "f.yaml: merge keys (<<) are not supported (line 1)"),
    ("a: 1\na: 2\n", "f.yaml:a: duplicate key 'a' (line 2)"),
    ("- {no: 1}\n- {no: 1, false: 2}\n", "f.yaml:[1].false: duplicate key 'false' (line 2)"),
    ("# only a comment\n", "f.yaml: file is empty; expected a case (schema: systeemkaart/1)"),
])
def test_hostile_or_odd_yaml_is_one_line(text: str, expected: str) -> None:
    with pytest.raises(CaseFormatError) as info:
        parse_text(text, file="f.yaml")
    assert str(info.value) == expected


def test_the_lines_of_keys_and_items_are_known() -> None:
    doc = parse_text("case:\n  id: x\npeople:\n  - id: a\n  - id: b\n    born: 1990\n")
    assert doc.line_of("people[1].born") == 6
    assert doc.line_of("people[1]") == 5
    assert doc.line_of("case.id") == 2


def test_a_document_certainly_over_the_limit_is_refused_before_it_is_built(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_ELEMENTS", 1_000)
    monkeypatch.setattr(reader, "_QUICK_COUNT", 0)

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the document was built")

    monkeypatch.setattr(reader, "EventBuilder", never)
    text = "case: {id: x}\nnotes: [" + ",".join(["0"] * 5_000) + "]\n"
    with pytest.raises(CaseFormatError) as info:
        parse_text(text, file="big.yaml")
    assert str(info.value) == ("big.yaml: document expands to more than 1,000 elements "
                               "(too large, or a YAML alias bomb)")


def _depth(data: object) -> int:
    if isinstance(data, dict):
        data = list(data.values())
    if isinstance(data, list):
        return 1 + max(map(_depth, data), default=0)
    return 0


def _elements(text: str) -> int:
    """The elements the reader counts in ``text`` (aliases counted again)."""
    loader = yaml.CSafeLoader(text)
    try:
        builder = EventBuilder(loader, None, max_elements=10**9, max_alias_elements=10**9,
                               max_depth=10**3)
        builder.document()
    finally:
        loader.dispose()
    return builder.count


@settings(max_examples=300)
@given(yaml_texts())
def test_the_early_refusal_never_refuses_a_document_within_the_limit(text: str) -> None:
    data = yaml.safe_load(text)
    assume(data is not None and _depth(data) <= reader.MAX_DEPTH)
    count = _elements(text)
    assert not certainly_more_than(text, count)
    with mock.patch.object(reader, "_QUICK_COUNT", 0):
        with mock.patch.object(reader, "MAX_ELEMENTS", count):
            assert parse_text(text).data == data
        with mock.patch.object(reader, "MAX_ELEMENTS", count - 1), \
                pytest.raises(CaseFormatError, match="more than"):
            parse_text(text)


_ITEMS = 3_000


@pytest.mark.parametrize("text", [
    "notes: [" + ",".join(["0"] * _ITEMS) + "]\n",
    "notes:\n" + "- 0\n" * _ITEMS,
    "case: {id: x}\nnotes:\n  - a\n" + "  - 0\n" * _ITEMS + "other: [1]\n",
    "- - 0\n" + "  - 0\n" * _ITEMS,
    "".join(f"k{i}: 0\n" for i in range(_ITEMS)),
    "a: {" + ", ".join(f"k{i}" for i in range(_ITEMS)) + "}\n",
    "case: {id: x}\nnotes:\n" + "".join(f"  _k{i}: 0\n" for i in range(_ITEMS)),
])
def test_documents_of_many_values_are_certainly_over(text: str) -> None:
    limit = _elements(text) * 2 // 3 - 10
    assert certainly_more_than(text, limit)
    assert not certainly_more_than(text, _elements(text))


@pytest.mark.parametrize(("text", "elements"), [
    ("a: |\n  - x\n  - y\n", 2),          # dashes inside text
    ("- a\n# note\n- b\n", 3),             # a comment between entries
    ("- 'x\n  - y'\n- z\n", 3),            # a dash inside a quoted value
    ("a: 1\n---\nb: 2\n", 2),              # two documents (the reader refuses them)
    ("a: [1, 2\n", 0),                     # malformed: left to the reader
    ("-\n  - 0\n" * 50, 101),               # a list starts below each entry, indented
    ("a: [x,\n" + "  y: z,\n" * 50 + "  w: v]\n", 105),  # a record on each line of a list
    ("k: |\n" + "  a: 1\n" * 50, 2),           # keys inside text
    ("- a: 1\n  b: 2\n" * 50, 151),          # a record in each entry
    ("a: x}\n" + "".join(f"k{i}: v\n" for i in range(50)) + "b: y{\n", 53),  # stray braces
])
def test_odd_documents_are_never_claimed_over(text: str, elements: int) -> None:
    assert not certainly_more_than(text, elements)


def test_a_plain_text_reads_the_same_as_key_and_as_value_in_any_order() -> None:
    """The reader remembers what each plain text reads as, separately for keys (text) and
    values (typed; 012 is octal in YAML 1.1)."""
    from systeemkaart.io.reader import parse_text

    doc = parse_text("a: yes\nyes: 1\nb: yes\n'1': 012\nc: 012\n1950: x\nd: 1950\n")
    assert doc.data == {"a": True, "true": 1, "b": True, "1": 10, "c": 10, "1950": "x",
                        "d": 1950}
