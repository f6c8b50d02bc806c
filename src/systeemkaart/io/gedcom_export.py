"""Export the family of a case as GEDCOM 5.5.1 (default) or 7.0, for genealogy programs.

What a genealogy program can hold goes out; the helper network, emotional relations,
households, events, hypotheses, notes and the counts of relatives left out of a cut file
(``left_out``) stay behind (GEDCOM has no place for them):

- every person as an ``INDI``: ``NAME``, ``SEX`` (5.5.1 has no value for ``other`` and writes
  ``U``; 7 writes ``X``), ``BIRT``/``DEAT`` with their dates to the precision known
  (``2007``, ``MAR 2007``, ``14 MAR 2007``; deceased without a date as ``DEAT Y``), ``OCCU``;
- every partnership as a ``FAM``: ``MARR`` (married), ``ENGA`` (engaged) or an ``EVEN`` whose
  ``TYPE`` names the couple (cohabiting, dating, affair), dated by the partnership's start;
  ``DIV`` (divorced) or an ``EVEN`` of ``TYPE`` separated or widowed, dated by its end;
- every parent-child link under the family of those parents (a family of its own for a
  single parent, or for two parents who are not a couple in the case, marked so by the
  extension tag ``_NO_COUPLE``), with the kind as the
  child's ``FAMC.PEDI``: ``birth``, ``adopted``, ``foster``; a step-child is ``step`` in 5.5.1
  and ``OTHER`` with the phrase ``step`` in 7;
- twins as an ``ASSO`` from the twin whose ``twin_of`` names the other: 5.5.1 ``RELA Twin``
  (``Identical twin`` when either twin is marked identical), 7 ``ROLE MULTIPLE`` (identical
  twins add the phrase ``Identical twin``).

The file is UTF-8; :func:`systeemkaart.io.gedcom.import_gedcom` reads back every person, sex,
date, partnership and child link. Cost: linear in the size of the case.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final

from .._version import __version__
from ..dates import PartialDate
from ..model import Case, ChildLink, Partnership, Person
from .gedcom_vocab import MONTHS, NOT_A_COUPLE, SEX_CODES, TWIN_ROLE, UNION_EVENT_TYPES

__all__ = ["GEDCOM_VERSIONS", "gedcom_date", "gedcom_text", "to_gedcom"]

GEDCOM_VERSIONS: Final = ("5.5.1", "7")
MAX_TEXT: Final = 200
"""Longest name or occupation written (the reader keeps as much; 5.5.1 lines end at 255)."""

_PEDIGREE_551: Final = {"biological": "birth", "adopted": "adopted", "foster": "foster",
                        "step": "step"}
_PEDIGREE_7: Final = {"biological": "BIRTH", "adopted": "ADOPTED", "foster": "FOSTER",
                      "step": "OTHER"}


def gedcom_date(date: PartialDate) -> str:
    """A partial date as a GEDCOM date of the same precision.

    >>> gedcom_date(PartialDate.parse("2007-03-14")), gedcom_date(PartialDate.parse(2007))
    ('14 MAR 2007', '2007')
    """
    if date.month is None:
        return f"{date.year:04d}"
    month = MONTHS[date.month - 1]
    return f"{month} {date.year:04d}" if date.day is None else f"{date.day} {month} {date.year:04d}"


def gedcom_text(text: str) -> str:
    """Free text as one GEDCOM line value: NFC, no control characters or line breaks, white
    space collapsed, no ``/`` (it delimits a surname in a name), a leading ``@`` doubled,
    at most :data:`MAX_TEXT` characters. Empty when nothing printable is left."""
    text = unicodedata.normalize("NFC", text)
    if not text.isprintable() or "/" in text:  # the rare text that needs a look at each char
        text = "".join(" " if unicodedata.category(c) in {"Cc", "Zl", "Zp"} or c == "/" else c
                       for c in text)
    text = " ".join(text.split())[:MAX_TEXT].strip()
    return "@" + text if text.startswith("@") else text


@dataclass
class _Family:
    """One ``FAM`` record: its partners (HUSB first), the partnership and its children."""

    xref: str
    partners: list[str]
    partnership: Partnership | None = None
    children: list[ChildLink] = field(default_factory=list)


def _families(case: Case) -> list[_Family]:
    """A family per partnership, then one per other set of parents, children in file order."""
    sexes = {p.id: p.sex for p in case.people}
    families: list[_Family] = []
    by_parents: dict[frozenset[str], _Family] = {}

    def family(partners: list[str], partnership: Partnership | None) -> _Family:
        order = list(partners)
        if len(order) == 2 and (sexes[order[0]], sexes[order[1]]) == ("female", "male"):
            order.reverse()  # 5.5.1 reads HUSB as the man; for any other couple keep the order
        fam = _Family(f"@F{len(families) + 1}@", order, partnership)
        families.append(fam)
        by_parents.setdefault(frozenset(partners), fam)
        return fam

    for ps in case.partnerships:
        family(ps.partners, ps)
    for link in case.children:
        fam = by_parents.get(frozenset(link.parents)) or family(link.parents, None)
        fam.children.append(link)
    return families


def _event(tag: str, date: PartialDate | None, kind: str | None = None) -> Iterator[str]:
    """A level-1 event: ``1 TAG Y`` when only its occurrence is known, else with its date."""
    if kind is None and date is None:
        yield f"1 {tag} Y"
        return
    yield f"1 {tag}"
    if kind is not None:
        yield f"2 TYPE {kind}"
    if date is not None:
        yield f"2 DATE {gedcom_date(date)}"


def _union(ps: Partnership) -> Iterator[str]:
    """The events of a partnership: how it began (its kind) and how it ended (its status)."""
    if ps.kind == "married":
        yield from _event("MARR", ps.start)
    elif ps.kind == "engaged":
        yield from _event("ENGA", ps.start)
    else:
        yield from _event("EVEN", ps.start, UNION_EVENT_TYPES[ps.kind])
    if ps.status == "divorced":
        yield from _event("DIV", ps.end)
    elif ps.status != "together":
        yield from _event("EVEN", ps.end, UNION_EVENT_TYPES[ps.status])


def _person(person: Person, xref: dict[str, str], famc: list[tuple[str, str]],
            fams: list[str], identical: bool, version: str) -> Iterator[str]:
    yield f"0 {xref[person.id]} INDI"
    name = gedcom_text(person.name) if person.name else ""
    if name:
        yield f"1 NAME {name}"
    sex = SEX_CODES[person.sex]
    yield f"1 SEX {'U' if sex == 'X' and version == '5.5.1' else sex}"
    if person.born is not None:
        yield from _event("BIRT", person.born)
    if person.is_deceased:
        yield from _event("DEAT", person.died)
    occupation = gedcom_text(person.occupation) if person.occupation else ""
    if occupation:
        yield f"1 OCCU {occupation}"
    for fam_xref, kind in famc:
        yield f"1 FAMC {fam_xref}"
        if version == "5.5.1":
            yield f"2 PEDI {_PEDIGREE_551[kind]}"
        else:
            yield f"2 PEDI {_PEDIGREE_7[kind]}"
            if kind == "step":
                yield "3 PHRASE step"
    for fam_xref in fams:
        yield f"1 FAMS {fam_xref}"
    if person.twin_of is not None and person.twin_of in xref:
        yield f"1 ASSO {xref[person.twin_of]}"
        if version == "5.5.1":
            yield f"2 RELA {'Identical twin' if identical else TWIN_ROLE[version]}"
        else:
            yield f"2 ROLE {TWIN_ROLE[version]}"
            if identical:
                yield "3 PHRASE Identical twin"


def _head(version: str) -> list[str]:
    source = ["1 SOUR SYSTEEMKAART", f"2 VERS {__version__}", "2 NAME systeemkaart"]
    if version == "7":
        return ["0 HEAD", "1 GEDC", "2 VERS 7.0", *source]
    return ["0 HEAD", *source, "1 SUBM @U1@", "1 GEDC", "2 VERS 5.5.1",
            "2 FORM LINEAGE-LINKED", "1 CHAR UTF-8", "0 @U1@ SUBM", "1 NAME systeemkaart"]


def to_gedcom(case: Case, *, version: str = "5.5.1") -> str:
    """The family of ``case`` as GEDCOM text (``version`` ``"5.5.1"`` or ``"7"``).

    Raises:
        ValueError: for another version.
    """
    if version not in GEDCOM_VERSIONS:
        raise ValueError(f"GEDCOM version must be one of {', '.join(GEDCOM_VERSIONS)} "
                         f"(got {version!r})")
    xref = {p.id: f"@I{n}@" for n, p in enumerate(case.people, 1)}
    families = _families(case)
    famc: dict[str, list[tuple[str, str]]] = {p.id: [] for p in case.people}
    fams: dict[str, list[str]] = {p.id: [] for p in case.people}
    for fam in families:
        for pid in fam.partners:
            if fam.xref not in fams[pid]:
                fams[pid].append(fam.xref)
        for link in fam.children:
            famc[link.child].append((fam.xref, link.kind))
    sexes = {p.id: p.sex for p in case.people}
    lines = _head(version)
    identical = {p.id for p in case.people if p.identical}  # either twin may say so
    for person in case.people:
        pair = person.identical or person.twin_of in identical
        lines += _person(person, xref, famc[person.id], fams[person.id], pair, version)
    for fam in families:
        lines.append(f"0 {fam.xref} FAM")
        tags = ("WIFE",) if [sexes[p] for p in fam.partners] == ["female"] else ("HUSB", "WIFE")
        for tag, pid in zip(tags, fam.partners, strict=False):
            lines.append(f"1 {tag} {xref[pid]}")
        if fam.partnership is not None:
            lines += _union(fam.partnership)
        elif len(fam.partners) == 2:
            lines.append(f"1 {NOT_A_COUPLE} Y")
        lines += [f"1 CHIL {xref[link.child]}" for link in fam.children]
    lines.append("0 TRLR")
    return "\n".join(lines) + "\n"
