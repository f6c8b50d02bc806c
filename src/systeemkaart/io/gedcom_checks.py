"""Warnings about a GEDCOM file that the import reads anyway: doubled record ids, dates that
do not exist, a family that names one person twice.

Genealogy files are often edited by hand or merged from several programs; each of these
changes what the import makes of the file without making it invalid, so the user is told.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Final, Protocol

from ..exceptions import Problem

__all__ = ["OLDEST_LIVING", "record_warnings"]

OLDEST_LIVING: Final = 120
"""Years: a person born longer ago than this with no death recorded is taken as deceased,
so the genogram shows no impossible age."""

_MONTHS: Final = {m: i + 1 for i, m in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"])}
_DAY_MONTH_YEAR: Final = re.compile(r"\b(\d{1,2})\s+([A-Z]{3})\s+(\d{3,4})\b")


class _Record(Protocol):
    tag: str
    value: str
    xref: str | None

    @property
    def children(self) -> Sequence[_Record]: ...


def _warning(location: str, message: str, code: str) -> Problem:
    return Problem(location, message, "warning", code)


def record_warnings(records: Iterable[_Record]) -> list[Problem]:
    """Warnings about the top-level records of a GEDCOM file, in file order.

    - a cross-reference used by two records (pointers reach only the last one);
    - two cross-references that differ only in upper/lower case (programs disagree on
      whether they are one record);
    - a day that does not exist in its month (``31 FEB 1950``; read to the month);
    - a family that names the same person twice (as both partners, as partner and child,
      or as two of its children).
    """
    out: list[Problem] = []
    seen: dict[str, str] = {}
    folded: dict[str, str] = {}
    for rec in records:
        where = f"{rec.tag} {rec.xref}" if rec.xref else rec.tag
        if rec.xref:
            if rec.xref in seen:
                out.append(_warning(where, f"the cross-reference {rec.xref} is also used by an "
                                    f"earlier {seen[rec.xref]} record; pointers reach only "
                                    "this one", "duplicate_xref"))
            else:
                key = rec.xref.casefold()
                if key in folded and folded[key] != rec.xref:
                    out.append(_warning(where, f"{rec.xref} and {folded[key]} differ only in "
                                        "upper/lower case; they are read as two records",
                                        "xref_case"))
                folded.setdefault(key, rec.xref)
            seen[rec.xref] = rec.tag
        out.extend(_date_warnings(rec, where))
        if rec.tag == "FAM":
            out.extend(_family_warnings(rec, where))
    return out


def _date_warnings(rec: _Record, where: str) -> list[Problem]:
    out: list[Problem] = []
    for event in rec.children:
        for date in (c for c in event.children if c.tag == "DATE"):
            for day, month, year in _DAY_MONTH_YEAR.findall(date.value.upper()):
                if month not in _MONTHS:
                    continue
                try:
                    dt.date(int(year), _MONTHS[month], int(day))
                except ValueError:
                    out.append(_warning(f"{where} {event.tag}", f"{day} {month} {year} is not a "
                                        f"day of the calendar; read as {month} {year}",
                                        "impossible_date"))
    return out


def _family_warnings(fam: _Record, where: str) -> list[Problem]:
    out: list[Problem] = []
    roles: dict[str, str] = {}
    for member in fam.children:
        if member.tag not in {"HUSB", "WIFE", "CHIL"}:
            continue
        ref = member.value.strip()
        if not ref or ref == "@VOID@":
            continue
        if ref in roles:
            out.append(_warning(where, f"{ref} is named twice in this family ({roles[ref]} and "
                                f"{member.tag})", "same_person_twice"))
        else:
            roles[ref] = member.tag
    return out
