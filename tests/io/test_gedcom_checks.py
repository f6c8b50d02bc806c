"""GEDCOM warnings: doubled or case-clashing cross-references, days that do not exist, a
family naming one person twice; and no impossible ages for people born long ago."""

from __future__ import annotations

import pytest

from systeemkaart.dates import PartialDate
from systeemkaart.io.gedcom import import_gedcom


def _ged(body: str) -> bytes:
    return ("0 HEAD\n1 GEDC\n2 VERS 5.5.1\n1 CHAR UTF-8\n" + body + "0 TRLR\n").encode()


def _warnings(body: str) -> list[str]:
    return [p.format("t.ged") for p in import_gedcom(_ged(body), file="t.ged").warnings]


def test_a_doubled_cross_reference() -> None:
    assert _warnings("0 @I1@ INDI\n1 NAME A\n0 @I1@ INDI\n1 NAME B\n") == [
        "t.ged:INDI @I1@: warning: the cross-reference @I1@ is also used by an earlier INDI "
        "record; pointers reach only this one"]


def test_cross_references_differing_only_in_case() -> None:
    assert _warnings("0 @i1@ INDI\n1 NAME A\n0 @I1@ INDI\n1 NAME B\n") == [
        "t.ged:INDI @I1@: warning: @I1@ and @i1@ differ only in upper/lower case; they are "
        "read as two records"]


def test_a_day_that_does_not_exist() -> None:
    result = import_gedcom(_ged("0 @I1@ INDI\n1 BIRT\n2 DATE 31 FEB 1950\n"), file="t.ged")
    assert [p.format("t.ged") for p in result.warnings] == [
        "t.ged:INDI @I1@ BIRT: warning: 31 FEB 1950 is not a day of the calendar; read as "
        "FEB 1950"]
    assert result.case.people[0].born == PartialDate(1950, 2)


def test_a_real_day_gives_no_warning() -> None:
    assert _warnings("0 @I1@ INDI\n1 BIRT\n2 DATE 29 FEB 1952\n1 DEAT\n2 DATE ABT 3 MAR 2001\n"
                     ) == []


def test_a_family_naming_one_person_twice() -> None:
    body = ("0 @I1@ INDI\n0 @I2@ INDI\n0 @I3@ INDI\n"
            "0 @F1@ FAM\n1 HUSB @I1@\n1 WIFE @I1@\n1 CHIL @I2@\n1 CHIL @I2@\n1 CHIL @I3@\n")
    assert _warnings(body) == [
        "t.ged:FAM @F1@: warning: @I1@ is named twice in this family (HUSB and WIFE)",
        "t.ged:FAM @F1@: warning: @I2@ is named twice in this family (CHIL and CHIL)"]


def test_people_born_over_120_years_ago_are_not_alive() -> None:
    old = PartialDate.today().year - 121
    young = PartialDate.today().year - 100
    case = import_gedcom(_ged(f"0 @I1@ INDI\n1 BIRT\n2 DATE {old}\n"
                              f"0 @I2@ INDI\n1 BIRT\n2 DATE {young}\n")).case
    assert [p.deceased for p in case.people] == [True, False]
    assert [p.died for p in case.people] == [None, None]


def test_the_file_date_is_the_date_the_tree_describes() -> None:
    """Ages and who is alive are drawn as the file knew them when it was written."""
    body = ("0 @I1@ INDI\n1 BIRT\n2 DATE 1880\n0 @I2@ INDI\n1 BIRT\n2 DATE 1950\n")
    case = import_gedcom(("0 HEAD\n1 DATE 8 FEB 2001\n1 CHAR UTF-8\n" + body
                          + "0 TRLR\n").encode()).case
    assert str(case.case.as_of) == "2001-02-08"
    # 121 years before the file was written, not before today
    assert [p.deceased for p in case.people] == [True, False]


@pytest.mark.parametrize("head, body", [
    ("", ""),  # no date in the header: the tree describes today
    ("1 DATE 3 MAR 2001\n", "0 @I3@ INDI\n1 BIRT\n2 DATE 2005\n"),  # a birth after it
    ("1 DATE 3 MAR 2001\n", "0 @F1@ FAM\n1 HUSB @I1@\n1 WIFE @I2@\n1 DIV\n2 DATE 2003\n"),
    ("1 DATE 1 JAN 9999\n", ""),  # in the future
    ("1 DATE not a date\n", ""),
])
def test_no_file_date_when_the_file_outlives_it(head: str, body: str) -> None:
    people = "0 @I1@ INDI\n1 SEX M\n1 BIRT\n2 DATE 1950\n0 @I2@ INDI\n1 SEX F\n"
    case = import_gedcom(("0 HEAD\n" + head + "1 CHAR UTF-8\n" + people + body
                          + "0 TRLR\n").encode()).case
    assert case.case.as_of is None
    assert len(case.people) == len(people.split("INDI")) - 1 + body.count("INDI")
