"""GEDCOM export: what each fact becomes, the round trip through our importer, another
parser reading the file (ged4py for 5.5.1 and 7, gedcom7's validator for 7), and
pseudonymised export leaking nothing."""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import gedcom7
import pytest
from click.testing import CliRunner
from ged4py.parser import GedcomReader
from hypothesis import given
from hypothesis import strategies as st

import systeemkaart as sk
from systeemkaart.cli import main
from systeemkaart.dates import PartialDate
from systeemkaart.io.gedcom import import_gedcom, read_gedcom
from systeemkaart.io.gedcom_checks import OLDEST_LIVING
from systeemkaart.io.gedcom_export import gedcom_date, gedcom_text, to_gedcom
from systeemkaart.io.gedcom_vocab import UNION_EVENT_TYPES
from systeemkaart.io.pseudonymise import pseudonymise
from systeemkaart.model import Case, Person
from tests.strategies import cases

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted([*(ROOT / "examples").glob("*.yaml"), *(ROOT / "tests" / "cases").glob("*.yaml")])
DATA = ROOT.parent / "shared" / "data" / "gedcom"
needs_data = pytest.mark.skipif(not DATA.is_dir(), reason="shared GEDCOM data not present")
VERSIONS = ("5.5.1", "7")


@pytest.mark.parametrize(("value", "expected"), [
    ("2007", "2007"), ("2007-03", "MAR 2007"), ("2007-03-14", "14 MAR 2007"),
    ("1000-01-01", "1 JAN 1000"), ("2999-12", "DEC 2999"), ("2020-02-29", "29 FEB 2020"),
])
def test_gedcom_date(value: str, expected: str) -> None:
    assert gedcom_date(PartialDate.parse(value)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Opa Jansen", "Opa Jansen"),
    ("  Jan\n  Smit\t", "Jan Smit"),
    ("AC/DC", "AC DC"),
    ("@home", "@@home"),
    ("a@b", "a@b"),
    ("Zoe\u0308", "Zoë"),  # decomposed: written composed (NFC)
    ("line\u2028break\x85x", "line break x"),
    ("\x00\x1f", ""),
    ("x" * 300, "x" * 200),
])
def test_gedcom_text(text: str, expected: str) -> None:
    assert gedcom_text(text) == expected


def _case(**parts: Any) -> Case:
    return Case.model_validate({"case": {"id": "t"}, **parts})


def _lines(text: str) -> list[str]:
    return text.splitlines()


@pytest.mark.parametrize(("version", "sexes"), [
    ("5.5.1", ["M", "F", "U", "U"]), ("7", ["M", "F", "X", "U"]),
])
def test_sex_per_version(version: str, sexes: list[str]) -> None:
    case = _case(people=[{"id": "a", "sex": "male"}, {"id": "b", "sex": "female"},
                         {"id": "c", "sex": "other"}, {"id": "d", "sex": "unknown"}])
    out = to_gedcom(case, version=version)
    assert [line[6:] for line in _lines(out) if line.startswith("1 SEX ")] == sexes


def test_person_dates_and_death_without_date() -> None:
    case = _case(people=[
        {"id": "a", "name": "Daan", "born": "2007-03-14", "died": "2020-06"},
        {"id": "b", "born": 1950, "deceased": True},
        {"id": "c", "occupation": "bakker"},
    ])
    lines = _lines(to_gedcom(case))
    a = lines.index("0 @I1@ INDI")
    assert lines[a:a + 8] == ["0 @I1@ INDI", "1 NAME Daan", "1 SEX U", "1 BIRT",
                              "2 DATE 14 MAR 2007", "1 DEAT", "2 DATE JUN 2020", "0 @I2@ INDI"]
    b = lines.index("0 @I2@ INDI")
    assert lines[b + 1:b + 5] == ["1 SEX U", "1 BIRT", "2 DATE 1950", "1 DEAT Y"]
    assert "1 OCCU bakker" in lines


def _family_case() -> Case:
    return _case(
        people=[{"id": "m", "sex": "female"}, {"id": "v", "sex": "male"},
                {"id": "s", "sex": "male"}, {"id": "k1"}, {"id": "k2", "twin_of": "k1"},
                {"id": "k3"}, {"id": "k4"}, {"id": "k5"}],
        partnerships=[
            {"partners": ["m", "v"], "kind": "married", "start": "2001-05", "status": "divorced",
             "end": 2010},
            {"partners": ["m", "s"], "kind": "cohabiting", "start": 2012},
            {"partners": ["v", "s"], "kind": "dating", "status": "separated"},
        ],
        children=[{"parents": ["m", "v"], "child": "k1"}, {"parents": ["m", "v"], "child": "k2"},
                  {"parents": ["s"], "child": "k1", "kind": "step"},
                  {"parents": ["m", "s"], "child": "k3", "kind": "adopted"},
                  {"parents": ["m"], "child": "k4", "kind": "foster"},
                  {"parents": ["v"], "child": "k5"}],
    )


def test_families_and_their_events() -> None:
    text = to_gedcom(_family_case())
    fams = text.split("0 @F")[1:]
    assert fams[0].splitlines() == ["1@ FAM", "1 HUSB @I2@", "1 WIFE @I1@", "1 MARR",
                                    "2 DATE MAY 2001", "1 DIV", "2 DATE 2010", "1 CHIL @I4@",
                                    "1 CHIL @I5@"]
    assert fams[1].splitlines() == ["2@ FAM", "1 HUSB @I3@", "1 WIFE @I1@", "1 EVEN",
                                    "2 TYPE Cohabiting", "2 DATE 2012", "1 CHIL @I6@"]
    assert fams[2].splitlines() == ["3@ FAM", "1 HUSB @I2@", "1 WIFE @I3@", "1 EVEN",
                                    "2 TYPE Dating", "1 EVEN", "2 TYPE Separated"]
    # a family of its own for each single parent: a mother as WIFE, a father as HUSB
    assert fams[3].splitlines() == ["4@ FAM", "1 HUSB @I3@", "1 CHIL @I4@"]
    assert fams[4].splitlines() == ["5@ FAM", "1 WIFE @I1@", "1 CHIL @I7@"]
    assert fams[5].splitlines()[:2] == ["6@ FAM", "1 HUSB @I2@"]


@pytest.mark.parametrize(("version", "pedigrees", "twin"), [
    ("5.5.1", ["birth", "step", "birth", "adopted", "foster"], ["2 RELA Twin"]),
    ("7", ["BIRTH", "OTHER", "BIRTH", "ADOPTED", "FOSTER"], ["2 ROLE MULTIPLE"]),
])
def test_child_kinds_and_twins_per_version(version: str, pedigrees: list[str],
                                           twin: list[str]) -> None:
    lines = _lines(to_gedcom(_family_case(), version=version))
    assert [line[7:] for line in lines if line.startswith("2 PEDI ")][:5] == pedigrees
    assert ("3 PHRASE step" in lines) is (version == "7")
    k2 = lines.index("0 @I5@ INDI")
    asso = lines.index("1 ASSO @I4@")
    assert k2 < asso and lines[asso + 1:asso + 2] == twin


def test_unknown_version_is_refused() -> None:
    with pytest.raises(ValueError, match=r"5\.5\.1, 7"):
        to_gedcom(_family_case(), version="5.5")


# --- the round trip: import(export(case)) keeps every fact GEDCOM can hold -----------------

def _name(text: str | None) -> str | None:
    """A name as it comes back: GEDCOM text has one line, no '/', at most 200 characters."""
    if text is None:
        return None
    text = unicodedata.normalize("NFC", text)
    text = "".join(" " if unicodedata.category(c) in {"Cc", "Zl", "Zp"} or c == "/" else c
                   for c in text)
    text = " ".join(text.split())[:200]
    return text if text.strip("? ") else None


def _deceased(p: Person) -> bool:
    """Deceased as the import reads it back: born over OLDEST_LIVING years ago with no death
    recorded counts as deceased too."""
    old = p.born is not None and p.born.year < PartialDate.today().year - OLDEST_LIVING
    return p.is_deceased or old


def _people(case: Case, version: str) -> list[tuple[Any, ...]]:
    sex = {"other": "unknown"} if version == "5.5.1" else {}  # 5.5.1 has no value for it
    return [(_name(p.name), sex.get(p.sex, p.sex), p.born, p.died, _deceased(p),
             _name(p.occupation)) for p in case.people]


def _partnerships(case: Case) -> list[tuple[Any, ...]]:
    """Couples in order; GEDCOM has no 'still together': a couple of whom one partner died
    comes back widowed (ended at the first death, unless that date is before the start)."""
    people = {p.id: p for p in case.people}
    out = []
    for ps in case.partnerships:
        status, end = ps.status, ps.end
        partners = [people[pid] for pid in ps.partners]
        if status == "together" and any(_deceased(p) for p in partners):
            status = "widowed"
            deaths = [p.died for p in partners if p.died is not None]
            first = min(deaths) if deaths else None
            end = first if first and not (ps.start and first.certainly_before(ps.start)) else None
        out.append((frozenset(ps.partners), ps.kind, ps.start, status, end))
    paired = {frozenset(ps.partners) for ps in case.partnerships}
    for link in case.children:  # two parents who are not a couple in the case: one FAM
        if len(link.parents) == 2 and frozenset(link.parents) not in paired:
            paired.add(frozenset(link.parents))
            out.append((frozenset(link.parents), "cohabiting", None, "together", None))
    return out


def _round_trip(case: Case, version: str) -> Case:
    """Export, import, and rename the imported ids back to the case's (people keep order)."""
    result = import_gedcom(to_gedcom(case, version=version).encode("utf-8"))
    assert [w.message for w in result.warnings] == []
    back = result.case
    assert len(back.people) == len(case.people)
    rename = {new.id: old.id for new, old in zip(back.people, case.people, strict=True)}
    for p in back.people:
        p.twin_of = rename[p.twin_of] if p.twin_of else None
    for ps in back.partnerships:
        ps.partners = [rename[pid] for pid in ps.partners]
    for link in back.children:
        link.parents = [rename[pid] for pid in link.parents]
        link.child = rename[link.child]
    for p in back.people:
        p.id = rename[p.id]
    return back


def _assert_same_family(case: Case, back: Case, version: str) -> None:
    assert _people(back, version) == _people(case, version)
    assert [(frozenset(ps.partners), ps.kind, ps.start, ps.status, ps.end)
            for ps in back.partnerships] == _partnerships(case)
    assert Counter((frozenset(c.parents), c.child, c.kind) for c in back.children) == \
        Counter((frozenset(c.parents), c.child, c.kind) for c in case.children)
    assert [p.twin_of for p in back.people] == [p.twin_of for p in case.people]
    if version == "5.5.1":  # 7 says "identical" in a phrase the importer does not read
        assert _twins(back) == _twins(case)


def _twins(case: Case) -> set[tuple[frozenset[str], bool]]:
    """Twin pairs and whether they are identical (either twin may carry the mark)."""
    identical = {p.id for p in case.people if p.identical}
    return {(frozenset((p.id, p.twin_of)), p.id in identical or p.twin_of in identical)
            for p in case.people if p.twin_of}


@given(cases(max_agents=4), st.sampled_from(VERSIONS))
def test_round_trip_keeps_the_family(case: Case, version: str) -> None:
    back = _round_trip(case, version)
    _assert_same_family(case, back, version)
    assert not [p for p in sk.validate(back) if p.severity == "error"]


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_round_trip(path: Path, version: str) -> None:
    case = sk.load(path)
    _assert_same_family(case, _round_trip(case, version), version)


@needs_data
@pytest.mark.parametrize("name", ["gedsamples_kennedy.ged", "gedcom4j_TGC551.ged",
                                  "gedcom70_remarriage2.ged", "bgmisc_ASOIAF.ged"])
def test_real_trees_survive_export_and_import(name: str) -> None:
    first = read_gedcom(DATA / name).case
    for version in VERSIONS:
        again = import_gedcom(to_gedcom(first, version=version).encode()).case
        assert len(again.people) == len(first.people)
        assert [(ps.kind, ps.start, ps.status, ps.end) for ps in again.partnerships] == [
            (ps.kind, ps.start, ps.status, ps.end) for ps in first.partnerships]
        assert [(p.sex if version == "7" or p.sex != "other" else "unknown", p.born, p.died)
                for p in again.people] == [
            (p.sex if version == "7" or p.sex != "other" else "unknown", p.born, p.died)
            for p in first.people]
        assert sorted(c.kind for c in again.children) == sorted(c.kind for c in first.children)


# --- another parser reads it ---------------------------------------------------------------

def _families_written(case: Case) -> int:
    couples = {frozenset(ps.partners) for ps in case.partnerships}
    extra = {frozenset(c.parents) for c in case.children} - couples
    return len(case.partnerships) + len(extra)


@given(cases(max_agents=4), st.sampled_from(VERSIONS))
def test_ged4py_reads_the_same_people_families_and_links(case: Case, version: str) -> None:
    raw = to_gedcom(case, version=version).encode("utf-8")
    # ged4py reads 5.5.1; a 7 file has no CHAR line (UTF-8 is implied), so name it
    with GedcomReader(io.BytesIO(raw), encoding="utf-8" if version == "7" else None) as reader:
        indis = list(reader.records0("INDI"))
        fams = list(reader.records0("FAM"))
        assert len(indis) == len(case.people)
        assert len(fams) == _families_written(case)
        codes = {"male": "M", "female": "F", "other": "X" if version == "7" else "U",
                 "unknown": "U"}
        assert [i.sex for i in indis] == [codes[p.sex] for p in case.people]
        assert [i.sub_tag_value("BIRT/DATE") is not None for i in indis] == [
            p.born is not None for p in case.people]
        assert sum(len(f.sub_tags("CHIL")) for f in fams) == len(case.children)
        assert sum(len(i.sub_tags("FAMC")) for i in indis) == len(case.children)
        assert sum(len([t for t in (f.sub_tag("HUSB"), f.sub_tag("WIFE")) if t is not None])
                   for f in fams[:len(case.partnerships)]) == 2 * len(case.partnerships)


@given(cases(max_agents=4))
def test_gedcom7_validator_finds_no_error(case: Case) -> None:
    records = gedcom7.loads(to_gedcom(case, version="7"))
    assert [str(e) for e in gedcom7.validate(records)] == []


def test_gedcom7_validator_can_fail() -> None:
    """The validator used above does report a broken file."""
    bad = to_gedcom(_family_case(), version="7").replace("2 DATE MAY 2001", "2 DATE 32 MAY 2001")
    assert gedcom7.validate(gedcom7.loads(bad)) != []


# --- pseudonymised export ------------------------------------------------------------------

_GENERIC = re.compile(r"^(Persoon|Person) \d+$|^systeemkaart$|^SYSTEEMKAART$")


def _values(text: str, tag: str) -> list[str]:
    return [line.split(" ", 2)[2] for line in text.splitlines()
            if line.split(" ", 2)[1:2] == [tag] and len(line.split(" ", 2)) == 3]


@given(cases(max_agents=4), st.sampled_from(VERSIONS), st.integers(0, 1000))
def test_pseudonymised_gedcom_leaks_nothing(case: Case, version: str, seed: int) -> None:
    copy = pseudonymise(case, seed=seed)
    text = to_gedcom(copy, version=version)
    secrets = {t for p in case.people for t in (p.name, p.occupation, p.notes) if t}
    secrets |= {gedcom_text(t) for t in secrets}
    written = _values(text, "NAME") + _values(text, "OCCU") + _values(text, "TYPE")
    assert [v for v in written if v in secrets and not _GENERIC.match(v)] == []
    assert all(re.fullmatch(r"\d{4}", d) for d in _values(text, "DATE"))
    back = import_gedcom(text.encode()).case
    for a, b in zip(case.people, back.people, strict=True):
        for old, new in ((a.born, b.born), (a.died, b.died)):
            assert (old is None) == (new is None)
            assert old is None or new is None or old.year != new.year


def test_union_words_read_back_as_their_kind() -> None:
    assert all(word.lower() == kind for kind, word in UNION_EVENT_TYPES.items())


# --- the command ---------------------------------------------------------------------------

def test_cli_export_gedcom(tmp_path: Path) -> None:
    runner = CliRunner()
    case = ROOT / "examples" / "stiefgezin.yaml"
    out = tmp_path / "stamboom.ged"
    result = runner.invoke(main, ["export", str(case), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("0 HEAD\n") and "2 VERS 5.5.1\n" in text and text.endswith("0 TRLR\n")
    result = runner.invoke(main, ["export", str(case), "--format", "gedcom",
                                  "--gedcom-version", "7"])
    assert result.exit_code == 0 and "2 VERS 7.0\n" in result.output
    result = runner.invoke(main, ["export", str(case), "--format", "gedcom",
                                  "--gedcom-version", "5.5"])
    assert result.exit_code == 2
    result = runner.invoke(main, ["export", str(case), "--format", "gedcom", "--pseudonymise",
                                  "--seed", "3"])
    assert result.exit_code == 0 and "Priya" not in result.output
    assert "1 NAME Persoon 1" in result.output
