"""Whatever bytes a file holds, checking it reports problems and never crashes."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from systeemkaart.checks import check_case
from systeemkaart.exceptions import CaseFormatError
from systeemkaart.io.gedcom import import_gedcom
from systeemkaart.io.yaml_json import check_file

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = (ROOT / "examples" / "stiefgezin.yaml").read_bytes()


def _check(data: bytes, suffix: str = ".yaml") -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"case{suffix}"
        path.write_bytes(data)
        result = check_file(path)
    assert (result.case is None) == bool(result.errors)
    for line in result.lines():
        assert "\n" not in line and str(path) in line


@given(st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    _check(data)
    _check(data, ".json")


@settings(max_examples=150)
@given(st.lists(st.tuples(st.integers(0, len(EXAMPLE)), st.integers(0, 20),
                          st.binary(max_size=4)), max_size=4))
def test_damaged_example(edits: list[tuple[int, int, bytes]]) -> None:
    data = EXAMPLE
    for at, cut, insert in edits:
        data = data[:at] + insert + data[at + cut:]
    _check(data)


@given(st.text(alphabet="0123 @HEADINDIFAMCHILWSX/\n\r", max_size=300))
def test_gedcom_like_text(text: str) -> None:
    try:
        result = import_gedcom(("0 HEAD\n" + text).encode())
    except CaseFormatError:
        return
    assert len(result.case.people) == result.individuals


_REF = st.sampled_from(["@I1@", "@I2@", "@I3@", "@I4@", "@F1@", "@F2@", "@VOID@", "@X@"])
_DATE = st.sampled_from(["1950", "ABT 1960", "JAN 1970", "12 MAR 1980", "BEF 2000", "1990/91",
                         "30 FEB 1950", "44 B.C.", "(unknown)", ""])
_SUB = st.one_of(
    st.tuples(st.just(1), st.sampled_from(["HUSB", "WIFE", "CHIL", "FAMC", "FAMS"]), _REF),
    st.tuples(st.just(1), st.sampled_from(["SEX"]), st.sampled_from(["M", "F", "U", "X", "?"])),
    st.tuples(st.just(1), st.sampled_from(["BIRT", "DEAT", "MARR", "DIV", "ADOP"]), st.just("")),
    st.tuples(st.just(2), st.just("DATE"), _DATE),
    st.tuples(st.just(2), st.just("PEDI"), st.sampled_from(["adopted", "foster", "birth"])),
    st.tuples(st.just(1), st.just("NAME"), st.sampled_from(["Ann /Ek/", "?  //", "", "Bo"])),
)
_RECORD = st.tuples(st.sampled_from(["INDI", "FAM"]), _REF, st.lists(_SUB, max_size=8))


@settings(max_examples=200)
@given(st.lists(_RECORD, max_size=8))
def test_structured_gedcom_always_imports_as_a_valid_case(records: list) -> None:  # type: ignore[type-arg]
    lines = ["0 HEAD", "1 CHAR UTF-8"]
    for tag, xref, subs in records:
        lines.append(f"0 {xref} {tag}")
        lines += [f"{level} {sub} {value}".rstrip() for level, sub, value in subs]
    lines.append("0 TRLR")
    result = import_gedcom("\n".join(lines).encode())
    assert not [p for p in check_case(result.case) if p.severity == "error"]
