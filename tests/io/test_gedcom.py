"""GEDCOM import: every real file in ../shared/data/gedcom, encodings, dates and repairs."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from click.testing import CliRunner

import systeemkaart as sk
from systeemkaart.checks import check_case
from systeemkaart.cli import main
from systeemkaart.dates import PartialDate
from systeemkaart.exceptions import CaseFormatError
from systeemkaart.io.gedcom import decode_gedcom, import_gedcom, parse_gedcom_date, read_gedcom

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "gedcom"
needs_data = pytest.mark.skipif(not DATA.is_dir(), reason="shared GEDCOM data not present")

# INDI / FAM record counts per file (from the data's SOURCES.md, xref corrected to 7).
COUNTS = {
    "bgmisc_ASOIAF.ged": (501, 172),
    "gedcom4j_5.5.1_sample_3.ged": (4578, 1305),
    "gedcom4j_ANSEL.GED": (35, 1),
    "gedcom4j_RelationshipTestExtended.ged": (70, 31),
    "gedcom4j_TGC551.ged": (15, 7),
    "gedcom4j_TGC55C.ged": (15, 7),
    "gedcom4j_allged.ged": (8, 4),
    "gedcom4j_john_of_sea_20101009.ged": (61, 27),
    "gedcom4j_utf16be.ged": (0, 0),
    "gedcom4j_willis-ansel.ged": (761, 293),
    "gedcom4j_willis-unicode-littleendian.ged": (761, 293),
    "gedcom70_escapes.ged": (1, 0),
    "gedcom70_maximal70-tree2.ged": (4, 2),
    "gedcom70_maximal70.ged": (4, 2),
    "gedcom70_minimal70.ged": (0, 0),
    "gedcom70_remarriage1.ged": (3, 2),
    "gedcom70_remarriage2.ged": (3, 3),
    "gedcom70_same-sex-marriage.ged": (2, 1),
    "gedcom70_voidptr.ged": (2, 1),
    "gedcom70_xref.ged": (7, 0),
    "gedsamples_Queen.ged": (4683, 2863),
    "gedsamples_kennedy.ged": (208, 75),
    "gedsamples_pres2020.ged": (2322, 1115),
    "gedsamples_presidents_bk5.ged": (2145, 1042),
    "gedsamples_royal92.ged": (3010, 1422),
}


@needs_data
@pytest.mark.parametrize("name", sorted(COUNTS))
def test_every_file_imports_as_a_valid_case(name: str) -> None:
    result = read_gedcom(DATA / name)
    assert (result.individuals, result.families) == COUNTS[name]
    assert len(result.case.people) == COUNTS[name][0]
    assert not [p for p in sk.validate(result.case) if p.severity == "error"]
    ids = [p.id for p in result.case.people]
    assert len(set(ids)) == len(ids)


@needs_data
def test_all_files_are_covered() -> None:
    assert sorted(p.name for p in DATA.iterdir() if p.suffix.lower() == ".ged") == sorted(COUNTS)


@needs_data
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("gedcom4j_TGC551.ged", "© 1997 by H. Eichmann"),  # ANSEL, CR-only line ends
        ("gedcom4j_ANSEL.GED", "slash l - uppercase (Ł)"),  # ANSEL specials
        ("gedcom4j_willis-ansel.ged", "Brøderbund"),  # ANSEL, real file
        ("gedcom4j_willis-unicode-littleendian.ged", "Brøderbund"),  # UTF-16LE without BOM
        ("gedsamples_presidents_bk5.ged", "John C. Frémont"),  # code page 437
        ("gedsamples_Queen.ged", "0 HEAD"),  # UTF-8 with BOM: no BOM left in the text
    ],
)
def test_encodings_decode_to_the_right_characters(name: str, expected: str) -> None:
    text = decode_gedcom((DATA / name).read_bytes())
    assert expected in text
    assert text.startswith("0 HEAD")


@needs_data
def test_ansel_combining_marks_follow_their_letter() -> None:
    text = decode_gedcom((DATA / "gedcom4j_TGC551.ged").read_bytes())
    assert "ÀB̀C̀" in text  # grave accent (ANSEL E1) placed after A, B, C and composed


@needs_data
def test_same_tree_in_two_encodings_gives_the_same_people() -> None:
    a = read_gedcom(DATA / "gedcom4j_willis-ansel.ged").case
    b = read_gedcom(DATA / "gedcom4j_willis-unicode-littleendian.ged").case
    assert [(p.name, p.sex, p.born) for p in a.people] == [
        (p.name, p.sex, p.born) for p in b.people
    ]


@needs_data
def test_remarriage_in_one_family_ends_together() -> None:
    case = read_gedcom(DATA / "gedcom70_remarriage1.ged").case
    first = case.partnerships[0]
    assert first.partners == ["i1", "i2"]
    assert first.kind == "married" and first.status == "together"
    assert first.start == PartialDate(1911, 4, 1)
    second = case.partnerships[1]
    assert second.status == "widowed" and second.end == PartialDate(1914, 3, 1)


@needs_data
def test_same_sex_couple_and_void_pointers() -> None:
    case = read_gedcom(DATA / "gedcom70_same-sex-marriage.ged").case
    assert [case.person(p).sex for p in case.partnerships[0].partners] == ["male", "male"]
    result = read_gedcom(DATA / "gedcom70_voidptr.ged")
    assert len(result.case.partnerships) == 1 and result.case.children == []
    assert result.warnings == []


@needs_data
def test_dangling_pointers_become_warnings() -> None:
    result = read_gedcom(DATA / "gedsamples_Queen.ged")
    codes = {w.code for w in result.warnings}
    assert "dangling_pointer" in codes
    assert result.case.people  # the tree is still imported


def _ged(body: str) -> bytes:
    return ("0 HEAD\n1 GEDC\n2 VERS 5.5.1\n1 CHAR UTF-8\n" + body + "0 TRLR\n").encode()


def test_small_family_with_adoption_and_divorce() -> None:
    raw = _ged(
        "0 @I1@ INDI\n1 NAME Jan /Smit/\n1 SEX M\n1 BIRT\n2 DATE ABT 1950\n"
        "0 @I2@ INDI\n1 NAME Els /Vos/\n1 SEX F\n1 DEAT Y\n"
        "0 @I3@ INDI\n1 NAME Kim\n1 SEX U\n1 BIRT\n2 DATE 3 MAR 1980\n"
        "1 FAMC @F1@\n2 PEDI adopted\n"
        "0 @F1@ FAM\n1 HUSB @I1@\n1 WIFE @I2@\n1 MARR\n2 DATE 1975\n1 DIV\n2 DATE JUN 1990\n"
        "1 CHIL @I3@\n"
    )
    result = import_gedcom(raw, case_id="t")
    case = result.case
    assert [p.name for p in case.people] == ["Jan Smit", "Els Vos", "Kim"]
    assert [p.sex for p in case.people] == ["male", "female", "unknown"]
    assert case.people[1].deceased and case.people[1].died is None
    ps = case.partnerships[0]
    assert (ps.kind, ps.status, str(ps.start), str(ps.end)) == ("married", "divorced", "1975",
                                                                "1990-06")
    assert case.children[0].kind == "adopted" and case.children[0].parents == ["i1", "i2"]


def test_windows_1252_cr_only_and_utf16_without_bom() -> None:
    body = "0 HEAD\r1 CHAR ANSI\r0 @I1@ INDI\r1 NAME Zoë /Ça/\r0 TRLR\r"
    assert import_gedcom(body.encode("cp1252")).case.people[0].name == "Zoë Ça"
    text = "0 HEAD\n1 CHAR UNICODE\n0 @I1@ INDI\n1 NAME Zoë\n0 TRLR\n"
    assert import_gedcom(text.encode("utf-16-le")).case.people[0].name == "Zoë"
    assert import_gedcom(codecs.BOM_UTF16_BE + text.encode("utf-16-be")).case.people[0].name \
        == "Zoë"


def test_data_errors_are_repaired_with_warnings() -> None:
    raw = _ged(
        "0 @A@ INDI\n1 BIRT\n2 DATE 1990\n"
        "0 @B@ INDI\n1 BIRT\n2 DATE 1950\n"
        "0 @C@ INDI\n0 @D@ INDI\n0 @E@ INDI\n"
        "0 @F1@ FAM\n1 HUSB @A@\n1 WIFE @C@\n1 CHIL @B@\n"  # child born before parent
        "0 @F2@ FAM\n1 HUSB @D@\n1 WIFE @E@\n1 CHIL @B@\n"  # third and fourth parent
        "0 @F3@ FAM\n1 HUSB @B@\n1 CHIL @A@\n"  # cycle A -> B -> A
        "0 @F4@ FAM\n1 HUSB @A@\n1 CHIL @MISSING@\n"
    )
    result = import_gedcom(raw)
    assert not [p for p in sk.validate(result.case) if p.severity == "error"]
    codes = {w.code for w in result.warnings}
    assert {"repaired", "dangling_pointer"} <= codes


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12 JAN 1950", "1950-01-12"),
        ("JAN 1950", "1950-01"),
        ("1950", "1950"),
        ("ABT 1950", "1950"),
        ("BEF 3 FEB 1801", "1801-02-03"),
        ("BET 1890 AND 1895", "1890"),
        ("FROM 1900 TO 1910", "1900"),
        ("   JAN 1994", "1994-01"),
        ("11 FEB 1731/32", "1731-02-11"),
        ("@#DJULIAN@ 5 OCT 1582", "1582-10-05"),
        ("INT 1950 (about then)", "1950"),
        ("30 FEB 1950", "1950-02"),
        ("44 B.C.", None),
        ("800", None),
        ("(unknown)", None),
        ("", None),
    ],
)
def test_gedcom_dates(value: str, expected: str | None) -> None:
    parsed = parse_gedcom_date(value)
    assert (str(parsed) if parsed else None) == expected


def test_not_gedcom_is_refused() -> None:
    with pytest.raises(CaseFormatError, match="not a GEDCOM file"):
        import_gedcom(b"schema: systeemkaart/1\n")
    with pytest.raises(CaseFormatError, match="binary"):
        import_gedcom(b"0 HEAD\x00\x01\x02")


def test_cli_import_writes_a_valid_case_and_never_overwrites(tmp_path: Path) -> None:
    source = tmp_path / "tree.ged"
    source.write_bytes(_ged("0 @I1@ INDI\n1 NAME Anna\n1 SEX F\n"))
    runner = CliRunner()
    result = runner.invoke(main, ["import", str(source)])
    assert result.exit_code == 0, result.output
    target = tmp_path / "tree.yaml"
    assert sk.load(target).people[0].name == "Anna"
    before = target.read_bytes()
    again = runner.invoke(main, ["import", str(source)])
    assert again.exit_code == 2 and "is a case file; use --force" in again.output
    assert target.read_bytes() == before
    bad = tmp_path / "bad.ged"
    bad.write_text("hello\nworld\n")
    failed = runner.invoke(main, ["import", str(bad), "-o", str(tmp_path / "bad.yaml")])
    assert failed.exit_code == 2 and "not a GEDCOM file" in failed.output
    assert "Traceback" not in failed.output
    assert not (tmp_path / "bad.yaml").exists()


@pytest.mark.parametrize(("body", "checks"), [
    # only dates left out: valid after one check
    ("0 @A@ INDI\n1 BIRT\n2 DATE 1990\n1 DEAT\n2 DATE 1980\n"
     "0 @B@ INDI\n1 BIRT\n2 DATE 2000\n0 @F1@ FAM\n1 HUSB @B@\n1 CHIL @A@\n", 1),
    # a parentage cycle: the link left out changes descent, so the case is checked again
    ("0 @A@ INDI\n0 @B@ INDI\n0 @F1@ FAM\n1 HUSB @A@\n1 CHIL @B@\n"
     "0 @F2@ FAM\n1 HUSB @B@\n1 CHIL @A@\n", 2),
])
def test_the_case_is_checked_again_only_when_a_repair_changed_descent(
        body: str, checks: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from systeemkaart.io import gedcom

    calls: list[int] = []

    def counted(case: sk.Case) -> list[sk.Problem]:
        calls.append(1)
        return check_case(case)

    monkeypatch.setattr(gedcom, "check_case", counted)
    result = import_gedcom(_ged(body))
    assert "repaired" in {w.code for w in result.warnings}
    assert not [p for p in check_case(result.case) if p.severity == "error"]
    assert len(calls) == checks


def test_a_family_tree_given_as_a_case_names_the_import(tmp_path: Path) -> None:
    """``draw`` or ``validate`` of a GEDCOM file says it is a family tree and how to turn it
    into a case, not that it is malformed YAML; nothing is written."""
    source = tmp_path / "tree.ged"
    source.write_bytes(b"\xef\xbb\xbf" + _ged("0 @I1@ INDI\n1 NAME Anna\n"))
    runner = CliRunner()
    for args in (["draw", str(source), "-o", str(tmp_path / "x.svg")],
                 ["validate", str(source)]):
        result = runner.invoke(main, args)
        assert result.exit_code == 2, result.output
        assert "a GEDCOM family tree, not a case file" in result.output
        assert "systeemkaart import" in result.output and "YAML" not in result.output
        assert "Traceback" not in result.output
    assert not (tmp_path / "x.svg").exists()


def test_around_finds_a_person_by_reference_or_name(tmp_path: Path) -> None:
    """``import --around`` takes the GEDCOM reference as the tree writes it (``@I2@``, ``I2``:
    the case holds ``i2``) or a name nobody else has; an unknown name is refused with the
    closest names, and a name two people share with their ids."""
    source = tmp_path / "tree.ged"
    source.write_bytes(_ged("0 @I1@ INDI\n1 NAME Anna /Berg/\n1 SEX F\n"
                            "0 @I2@ INDI\n1 NAME Bram /Berg/\n1 SEX M\n"
                            "0 @I3@ INDI\n1 NAME Cor /Berg/\n1 SEX M\n"
                            "0 @I4@ INDI\n1 NAME Cor /Berg/\n1 SEX M\n"
                            "0 @F1@ FAM\n1 WIFE @I1@\n1 CHIL @I2@\n"))
    runner = CliRunner()
    for n, wanted in enumerate(["@I2@", "I2", "i2", "bram berg"]):
        target = tmp_path / f"cut{n}.yaml"
        result = runner.invoke(main, ["import", str(source), "--around", wanted, "-q",
                                      "-o", str(target)])
        assert result.exit_code == 0, result.output
        cut = sk.load(target)
        assert cut.case.index == ["i2"]
        assert {p.id for p in cut.people} == {"i1", "i2"}
    unknown = runner.invoke(main, ["import", str(source), "--around", "Bram Bergh",
                                   "-o", str(tmp_path / "none.yaml")])
    assert unknown.exit_code == 2 and "did you mean Bram Berg (i2)" in unknown.output
    shared = runner.invoke(main, ["import", str(source), "--around", "Cor Berg",
                                  "-o", str(tmp_path / "none.yaml")])
    assert shared.exit_code == 2 and "2 people are called 'Cor Berg'" in shared.output
    assert "i3, i4" in shared.output
    assert not (tmp_path / "none.yaml").exists()
