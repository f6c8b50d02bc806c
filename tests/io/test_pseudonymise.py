"""Pseudonymised export leaks no name, free text, id or date of the original."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given

import systeemkaart as sk
from systeemkaart.io.pseudonymise import pseudonymise
from systeemkaart.model import Case

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))

_GENERIC = re.compile(
    r"^(Persoon|Person|Steunfiguur|Supporter|Context|Professional|Gebeurtenis|Event|Hypothese|"
    r"Hypothesis|Huishouden|Household) \d+$"
    r"|^(p|s|c|o|w|rel|hh|h)\d+$|^casus$"  # the copy's own neutral ids
)


def _secrets(case: Case) -> tuple[set[str], set[str]]:
    """Every free text and every date string of a case (what must not leak)."""
    texts: set[str] = set()
    dates: set[str] = set()

    def walk(value: object, key: str = "") -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str):
            if key in {"born", "died", "start", "end", "as_of", "date"}:
                dates.add(value)
            elif key not in {"sex", "kind", "status", "stance", "entry", "strength", "lang", "form",
                             "schema"}:
                texts.add(value)

    walk(case.model_dump(mode="json", by_alias=True, exclude_defaults=True))
    return texts, dates


_DATE_KEYS = {"born", "died", "start", "end", "as_of", "date"}


def _date_pairs(a: object, b: object, key: str = "") -> list[tuple[str, str]]:
    """Pairs (original, copy) of the same date field, walked in parallel."""
    if isinstance(a, dict) and isinstance(b, dict):
        return [pair for k in a for pair in _date_pairs(a[k], b.get(k), k)]
    if isinstance(a, list) and isinstance(b, list):
        return [pair for x, y in zip(a, b, strict=True) for pair in _date_pairs(x, y, key)]
    if key in _DATE_KEYS and isinstance(a, str):
        assert isinstance(b, str), f"{key}: date dropped or added"
        return [(a, b)]
    return []


def _leaks(original: Case, copy: Case) -> list[str]:
    """Free texts of the original found in the copy, and dates that kept their year."""
    texts, _ = _secrets(original)
    out_texts, out_dates = _secrets(copy)
    leaked = [t for t in out_texts if t in texts and not _GENERIC.match(t)]
    leaked += [d for d in out_dates if len(d) != 4]  # month or day precision never survives
    pairs = _date_pairs(original.model_dump(mode="json", by_alias=True),
                        copy.model_dump(mode="json", by_alias=True))
    leaked += [f"{a} -> {b}" for a, b in pairs if a[:4] == b[:4]]
    return leaked


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_leak_nothing(path: Path) -> None:
    original = sk.load(path)
    copy = pseudonymise(original, seed=7)
    assert _leaks(original, copy) == []
    text = sk.dumps(copy)
    for p in original.people:
        if p.name and len(p.name) > 3:
            assert p.name not in text


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_keep_structure(path: Path) -> None:
    original = sk.load(path)
    copy = pseudonymise(original, seed=7)
    problems = sk.validate(copy)
    assert [p for p in problems if p.severity != "warning"] == []
    assert [p.code for p in problems] == [p.code for p in sk.validate(original)]
    assert len(copy.people) == len(original.people)
    assert [p.sex for p in copy.people] == [p.sex for p in original.people]
    assert [c.kind for c in copy.children] == [c.kind for c in original.children]
    assert [(v.stance, v.regie) for v in copy.involvements] == [
        (v.stance, v.regie) for v in original.involvements
    ]
    assert sum(len(o.professionals) for o in copy.organisations) == sum(
        len(o.professionals) for o in original.organisations
    )


def test_seed_is_reproducible_and_shift_is_never_zero() -> None:
    original = sk.load(ROOT / "examples" / "mdo-weglopen.yaml")
    assert pseudonymise(original, seed=3) == pseudonymise(original, seed=3)
    for seed in range(50):
        copy = pseudonymise(original, seed=seed)
        assert copy.people[0].born is not None and original.people[0].born is not None
        assert copy.people[0].born.year != original.people[0].born.year


def _cases():  # type: ignore[no-untyped-def]
    from tests.strategies import cases

    return cases()


@given(_cases())
def test_generated_cases_leak_nothing_and_validate(case: Case) -> None:
    copy = pseudonymise(case, seed=1)
    assert _leaks(case, copy) == []
    assert not [p for p in sk.validate(copy) if p.severity == "error"]


def test_a_copy_without_as_of_gets_the_shifted_day_of_copying() -> None:
    from systeemkaart.dates import PartialDate
    from systeemkaart.io.yaml_json import loads

    case = loads("case: {id: x}\npeople: [{id: a, born: 2001}]\n")
    assert case.case.as_of is None
    copy = pseudonymise(case, seed=3)
    assert copy.case.as_of is not None
    assert copy.people[0].born is not None
    shift = copy.people[0].born.year - 2001
    assert copy.case.as_of == PartialDate(PartialDate.today().year + shift)
