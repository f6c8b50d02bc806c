"""The YAML writer: texts that YAML could misread come back as the same text."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from systeemkaart.io.yaml_writer import write_yaml

TRICKY = [
    "10:30", "a?b", ")ê?ø¡", "Opa: Jansen", "x #y", "#x", "yes", "No", "null", "~", "1e3",
    "0x1F", "012", "2021-06", "2021-06-30", " lead", "trail ", "- dash", "a, b", "[x]", "{y}",
    "'q'", '"dq"', "&anchor", "*alias", "!tag", "|", ">", "%", "@at", "`tick", "multi\nline",
    "tab\there", "\x85nel", "\u2028sep", "", "é", "Zoë Ça", "a: b: c", "?", ":", "-", "...",
    "---", "=", "<<",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_text_survives_in_every_position(text: str) -> None:
    data = {
        "flow": [{"id": "a", "title": text}],
        "block": {"title": text, "note": "x" * 120},
        "items": [text, "b"],
        "long": [{"id": "a", "title": text, "notes": "y" * 120}],
    }
    assert yaml.safe_load(write_yaml(data)) == data


@given(st.text(max_size=30))
def test_any_text_survives(text: str) -> None:
    data = {"flow": [{"id": "a", "title": text}], "items": [text]}
    assert yaml.safe_load(write_yaml(data)) == data


@pytest.mark.parametrize("first", ["born", "title"])
def test_a_date_like_text_is_written_for_its_key_whatever_came_first(first: str) -> None:
    """The writer remembers how it wrote each text; a date under a date key stays plain
    (read back as the date text), the same text elsewhere is quoted (read back as text)."""
    other = "title" if first == "born" else "born"
    data = {"people": [{"id": "a", first: "2021-06-30"}, {"id": "b", other: "2021-06-30"}]}
    text = write_yaml(data)
    assert "born: 2021-06-30" in text and 'title: "2021-06-30"' in text
    titles = [p["title"] for p in yaml.safe_load(text)["people"] if "title" in p]
    assert titles == ["2021-06-30"]  # text, not a date
