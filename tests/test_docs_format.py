"""docs/format.md stays complete: every field, allowed value and check code is described."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from systeemkaart import model, vocab
from systeemkaart.io.yaml_json import loads

DOC = (Path(__file__).resolve().parent.parent / "docs" / "format.md").read_text(encoding="utf-8")
RECORDS = [model.CaseMeta, model.Person, model.Partnership, model.ChildLink, model.Relation,
           model.Household, model.Supporter, model.Context, model.Organisation,
           model.Professional, model.Involvement, model.Event, model.Hypothesis,
           model.Membership]
VOCABULARIES = [vocab.SEXES, vocab.PARTNERSHIP_KINDS, vocab.PARTNERSHIP_STATUSES,
                vocab.CHILD_KINDS, vocab.RELATION_KINDS, vocab.CONTEXT_KINDS,
                vocab.ORGANISATION_KINDS, vocab.STANCES, vocab.ENTRIES, vocab.STRENGTHS,
                vocab.LANGS, vocab.HELP_FORMS]
CODES = ["duplicate_id", "dangling_id", "wrong_type", "self_link", "parentage_cycle",
         "too_many_parents", "child_before_parent", "twins_parents", "died_before_born",
         "end_before_start", "married_twice", "young_parent", "born_after_case_date",
         "twins_born", "listed_twice", "hidden_characters", "widowed_alive", "same_name"]


@pytest.mark.parametrize("record", RECORDS, ids=[r.__name__ for r in RECORDS])
def test_every_field_is_described(record: type[model.Case]) -> None:
    missing = [f for f in record.model_fields
               if not re.search(rf"`(\w+\[\]\.)?{f}`", DOC)]
    assert missing == []


def test_every_section_is_described() -> None:
    for name, field in model.Case.model_fields.items():
        assert f"`{field.alias or name}`" in DOC


def test_every_allowed_value_is_listed() -> None:
    missing = sorted(v for values in VOCABULARIES for v in values if f"`{v}`" not in DOC)
    assert missing == []


def test_every_check_code_is_listed() -> None:
    source = (Path(__file__).resolve().parent.parent / "src" / "systeemkaart" / "checks.py")
    in_source = set(re.findall(r'"([a-z]+(?:_[a-z]+)+)"\)', source.read_text(encoding="utf-8")))
    assert in_source <= set(CODES)
    assert [c for c in CODES if f"`{c}`" not in DOC] == []


def test_the_example_loads() -> None:
    block = re.search(r"```yaml\n(.*?)```", DOC, re.S)
    assert block is not None
    case = loads(block.group(1))
    assert case.case.id == "mdo-acht"
    assert len(case.people) == 6 and len(case.involvements) == 2
