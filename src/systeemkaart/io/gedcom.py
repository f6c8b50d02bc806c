"""Import GEDCOM 5.5, 5.5.1 and 7.0 family trees as cases.

Genealogy programs export GEDCOM; a family's own tree or a relative's research can then be
drawn and analysed as a genogram. The reader takes what a genogram needs: people (name, sex,
birth, death, occupation), couples (marriage, engagement, divorce with dates) and children
(birth, adopted or foster), and leaves sources, notes, places and media behind.

Decoding, the record tree and dates are in :mod:`.gedcom_text`. Data errors common in large
trees (dangling or void pointers, a child born before a parent, a third biological parent,
parentage cycles) are repaired by leaving the offending fact out, each with a warning, so that
every import is a valid case.

Cost: one pass over the lines to build the record tree, one over the records; the repair
loop re-runs the linear case checks until clean (rarely more than twice).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from ..checks import check_case
from ..dates import PartialDate
from ..exceptions import CaseFormatError, Problem
from ..gcpause import paused_gc
from ..model import Case
from .gedcom_checks import OLDEST_LIVING, record_warnings
from .gedcom_text import Node, decode_gedcom, parse_gedcom_date, read_records
from .gedcom_vocab import (
    NOT_A_COUPLE,
    PEDIGREE_KINDS,
    SEXES_OF_CODES,
    UNION_EVENT_KINDS,
    UNION_EVENT_STATUSES,
)
from .reader import read_bytes

__all__ = ["GedcomImport", "decode_gedcom", "import_gedcom", "parse_gedcom_date", "read_gedcom"]

MAX_GEDCOM_BYTES = 64 * 1024 * 1024

@dataclass
class GedcomImport:
    """The imported case, what the file held, and what was left out or repaired."""

    case: Case
    individuals: int
    families: int
    warnings: list[Problem] = field(default_factory=list)


# --- decoding -----------------------------------------------------------------------------


def _name(node: Node) -> str | None:
    names = node.all("NAME")
    if not names:
        return None
    first = names[0]
    text = first.value.replace("/", " ")
    if not text.strip():
        parts = [c.value for c in first.children if c.tag in {"GIVN", "SURN"}]
        text = " ".join(parts)
    text = " ".join(text.split())
    return text if text.strip("? ") else None


_SEX = SEXES_OF_CODES
_NOT_IN_ID = re.compile(r"[^a-z0-9_-]")


def _slug(xref: str | None, used: set[str], fallback: str) -> str:
    base = xref.strip("@").lower() if xref else fallback
    base = _NOT_IN_ID.sub("-", base)
    if not base or not base[0].isalnum():
        base = "i" + base
    if len(base) > 48:
        import hashlib  # rare: importing it loads OpenSSL's library (about 10 ms)

        base = base[:40] + "-" + hashlib.sha1(base.encode()).hexdigest()[:7]
    slug, n = base, 1
    while slug in used:
        n += 1
        slug = f"{base}-{n}"
    used.add(slug)
    return slug


def _event_date(node: Node, tags: tuple[str, ...]) -> tuple[bool, PartialDate | None]:
    """Whether the first of ``tags`` (or a later one with a readable date) is recorded, and
    its date: a birth, else a christening or baptism date; a death, else a burial."""
    events = [c for c in node.children if c.tag in tags]  # one pass; most records have few
    if not events:
        return False, None
    for tag in tags:
        for event in events:
            if event.tag != tag:
                continue
            date = event.first("DATE")
            parsed = parse_gedcom_date(date.value) if date is not None else None
            if parsed is not None or tag == tags[0]:
                return True, parsed
    return False, None


# --- building the case --------------------------------------------------------------------

def import_gedcom(raw: bytes, *, file: str | None = None, case_id: str = "gedcom") -> GedcomImport:
    """Build a valid case from GEDCOM bytes; see the module docstring for what is kept."""
    text = decode_gedcom(raw, file)
    records = read_records(text, file)
    warnings: list[Problem] = record_warnings(records)
    used: set[str] = set()
    ids: dict[str, str] = {}
    people: list[dict[str, Any]] = []
    indis = [r for r in records if r.tag == "INDI"]
    fams = [r for r in records if r.tag == "FAM"]
    for n, rec in enumerate(indis, 1):
        pid = _slug(rec.xref, used, f"indi-{n}")
        if rec.xref:
            ids[rec.xref] = pid
        person: dict[str, Any] = {"id": pid}
        name = _name(rec)
        if name:
            person["name"] = name[:200]
        sex = rec.first("SEX")
        person["sex"] = _SEX.get((sex.value.strip()[:1].upper() if sex else "U"), "unknown")
        _, born = _event_date(rec, ("BIRT", "CHR", "BAPM"))
        if born is not None:
            person["born"] = born
        died_known, died = _event_date(rec, ("DEAT", "BURI", "CREM"))
        if died is not None:
            person["died"] = died
        elif died_known:
            person["deceased"] = True
        occupation = rec.first("OCCU")
        if occupation is not None and occupation.value.strip():
            person["occupation"] = occupation.value.strip()[:200]
        people.append(person)
    _twins(indis, ids, people)
    pedigree = _pedigrees(indis, ids)
    by_id = {p["id"]: p for p in people}
    partnerships: list[dict[str, Any]] = []
    children: list[dict[str, Any]] = []
    for fam in fams:
        partners: list[str] = []
        for tag in ("HUSB", "WIFE"):
            for ref in fam.all(tag):
                found = ids.get(ref.value.strip())
                if found is not None and found not in partners:
                    partners.append(found)
                elif ref.value.strip() not in {"@VOID@", ""} and found is None:
                    warnings.append(Problem(f"FAM {fam.xref}", f"{tag} points to a missing "
                                            f"person {ref.value.strip()}", "warning",
                                            "dangling_pointer"))
        if len(partners) == 2 and fam.first(NOT_A_COUPLE) is None:
            partnerships.append(_partnership(fam, partners))
        for ref in fam.all("CHIL"):
            child = ids.get(ref.value.strip())
            if child is None:
                if ref.value.strip() not in {"@VOID@", ""}:
                    warnings.append(Problem(f"FAM {fam.xref}", "CHIL points to a missing "
                                            f"person {ref.value.strip()}", "warning",
                                            "dangling_pointer"))
                continue
            parents = [p for p in partners if p != child]
            if not parents:
                continue
            link: dict[str, Any] = {"parents": parents, "child": child}
            kind = pedigree.get((child, fam.xref or ""))
            if kind:
                link["kind"] = kind
            children.append(link)
    header = {"id": case_id, "title": f"GEDCOM: {Path(file).name}" if file else "GEDCOM"}
    as_of = _file_date(records[0], people, partnerships)
    if as_of is not None:
        header["as_of"] = str(as_of)
    oldest = (as_of or PartialDate.today()).year - OLDEST_LIVING
    for person in people:
        born = person.get("born")
        if born is not None and born.year < oldest and "died" not in person:
            person["deceased"] = True  # no death recorded 120 years on: no impossible age
    partnerships = [_widowed(partnership, by_id) for partnership in partnerships]
    data = {
        "schema": "systeemkaart/1",
        "case": header,
        "people": people,
        "partnerships": partnerships,
        "children": children,
    }
    case = Case.model_validate(data)
    case, repairs = _repair(case)
    return GedcomImport(case, len(indis), len(fams), warnings + repairs)


def _file_date(head: Node, people: list[dict[str, Any]],
               partnerships: list[dict[str, Any]]) -> PartialDate | None:
    """The date the file was written (``HEAD.DATE``), as the date its tree describes.

    Ages and who is alive are then drawn as the file knew them, not grown by every year
    since it was written (a tree exported in 2021 does not know who died after). ``None``
    (the case then describes today) when the file gives no date, when the date lies in the
    future, or when any birth, death or couple's date in the file comes after it: the
    header is then not the file's last word, and nobody may be left out as not yet born.
    """
    node = head.first("DATE") if head.tag == "HEAD" else None
    written = parse_gedcom_date(node.value) if node is not None else None
    if written is None or PartialDate.today().certainly_before(written):
        return None
    for record in (*people, *partnerships):
        for key in ("born", "died", "start", "end"):
            date = record.get(key)
            if date is not None and written.certainly_before(date):
                return None
    return written


def _twins(indis: list[Node], ids: dict[str, str], people: list[dict[str, Any]]) -> None:
    """``twin_of`` (and ``identical``) from an ``ASSO`` with ``RELA ... twin`` (5.5.1) or
    ``ROLE MULTIPLE`` (7) pointing at another person."""
    for rec, person in zip(indis, people, strict=True):
        for asso in rec.all("ASSO"):
            other = ids.get(asso.value.strip())
            rela = asso.first("RELA")
            role = asso.first("ROLE")
            words = (rela.value if rela else "").lower()
            twin = "twin" in words or (role is not None and role.value.strip() == "MULTIPLE")
            if twin and other is not None and other != person["id"] and "twin_of" not in person:
                person["twin_of"] = other
                if "identical" in words:
                    person["identical"] = True


def _pedigrees(indis: list[Node], ids: dict[str, str]) -> dict[tuple[str, str], str]:
    """(child id, family xref) -> adopted | foster | step, from FAMC PEDI and ADOP events."""
    kinds: dict[tuple[str, str], str] = {}
    for rec in indis:
        pid = ids.get(rec.xref or "")
        if pid is None:
            continue
        for famc in rec.all("FAMC"):
            pedi = famc.first("PEDI")
            kind = PEDIGREE_KINDS.get(pedi.value.strip().lower()) if pedi is not None else None
            if kind is not None and kind != "biological":
                kinds[(pid, famc.value.strip())] = kind
        for adop in rec.all("ADOP"):
            adopted_in = adop.first("FAMC")
            if adopted_in is not None:
                kinds[(pid, adopted_in.value.strip())] = "adopted"
    return kinds


def _widowed(partnership: dict[str, Any], people: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A couple not divorced ends with the first death of a partner: status widowed."""
    if partnership.get("status"):
        return partnership
    deaths = [people[p].get("died") for p in partnership["partners"]]
    dated = [d for d in deaths if d is not None]
    if dated:
        end = min(dated)
        start = partnership.get("start")
        partnership["status"] = "widowed"
        if start is None or not end.certainly_before(start):
            partnership["end"] = end
    elif any(people[p].get("deceased") for p in partnership["partners"]):
        partnership["status"] = "widowed"
    return partnership


def _partnership(fam: Node, partners: list[str]) -> dict[str, Any]:
    events: list[tuple[PartialDate | None, int, str]] = []
    for order, child in enumerate(fam.children):
        tag = child.tag
        if tag == "EVEN":  # the couples and endings GEDCOM has no tag for, by their TYPE
            named = child.first("TYPE")
            tag = named.value.strip().lower() if named is not None else ""
        if tag in {"MARR", "DIV", "ANUL", "ENGA", "DIVF"} | UNION_EVENT_KINDS \
                | UNION_EVENT_STATUSES:
            date = child.first("DATE")
            events.append((parse_gedcom_date(date.value) if date else None, order, tag))
    marriages = [e for e in events if e[2] == "MARR"]
    ends = [e for e in events if e[2] in {"DIV", "ANUL"}]
    out: dict[str, Any] = {"partners": partners}
    if marriages:
        out["kind"] = "married"
        dated = [e[0] for e in marriages if e[0] is not None]
        if dated:
            out["start"] = min(dated)
    else:
        begun = [e for e in events if e[2] == "ENGA" or e[2] in UNION_EVENT_KINDS]
        first = begun[0][2] if begun else "cohabiting"
        out["kind"] = "engaged" if first == "ENGA" else first
        if begun and begun[0][0] is not None:
            out["start"] = begun[0][0]
    if ends:
        last_end = max(ends, key=lambda e: (e[0] is not None, e[0] or PartialDate(1000), e[1]))
        last_marr = max(marriages, key=lambda e: (e[0] is not None, e[0] or PartialDate(1000),
                                                  e[1])) if marriages else None
        remarried = (last_marr is not None and last_marr[0] is not None
                     and last_end[0] is not None and last_end[0].certainly_before(last_marr[0]))
        if not remarried:
            out["status"] = "divorced"
            if last_end[0] is not None:
                out["end"] = last_end[0]
    else:
        other = [e for e in events if e[2] in UNION_EVENT_STATUSES]
        if other:
            out["status"] = other[-1][2]
            if other[-1][0] is not None:
                out["end"] = other[-1][0]
    return out


_FINAL_REPAIRS: Final = frozenset(
    {"child_before_parent", "died_before_born", "twins_parents", "end_before_start"})
"""Repairs that only leave out a date or a twin link: no check fails for a missing one, and
the checks that found these report every instance at once, so after them alone the case
is valid without checking it again. The others (a link dropped from a parentage cycle, a
parent marked step) change who descends from whom, which the next check may judge anew."""


def _repair(case: Case) -> tuple[Case, list[Problem]]:
    """Leave out the facts that make an imported case invalid, with a warning for each.

    Changes the model in place (each assignment is validated), so a repair costs at most
    one more linear check (none when every repair was in :data:`_FINAL_REPAIRS`), not a
    second validation of the whole case.
    """
    repairs: list[Problem] = []
    people = {p.id: p for p in case.people}
    errors: list[Problem] = []
    for _ in range(10):
        if errors and all(err.code in _FINAL_REPAIRS for err in errors):
            return case, repairs
        errors = [p for p in check_case(case) if p.severity == "error"]
        if not errors:
            return case, repairs
        drop_links: set[int] = set()
        for err in errors:
            m = re.match(r"(children|people|partnerships)\[(\d+)\]", err.location)
            if m is None:
                raise CaseFormatError(f"cannot repair: {err.message}", location=err.location)
            section, index = m.group(1), int(m.group(2))
            if err.code == "child_before_parent":
                child = case.children[index].child
                people[child].born = None
                note = f"left out the birth date of {child!r}: {err.message}"
            elif err.code == "too_many_parents":
                case.children[index].kind = "step"
                note = f"marked children[{index}] as step: {err.message}"
            elif err.code == "parentage_cycle":
                drop_links.add(index)
                note = f"left out children[{index}]: {err.message}"
            elif err.code == "died_before_born":
                case.people[index].died = None
                note = f"left out a date of death: {err.message}"
            elif err.code == "twins_parents":
                case.people[index].twin_of = None
                case.people[index].identical = False
                note = f"left out a twin: {err.message}"
            elif err.code == "end_before_start" and section == "partnerships":
                case.partnerships[index].end = None
                note = f"left out an end date: {err.message}"
            else:
                raise CaseFormatError(f"cannot repair: {err.message}", location=err.location)
            repairs.append(Problem(err.location, note, "warning", "repaired"))
        if drop_links:
            case.children = [c for i, c in enumerate(case.children) if i not in drop_links]
    raise CaseFormatError("the GEDCOM file has too many inconsistencies to repair")


def read_gedcom(path: str | os.PathLike[str]) -> GedcomImport:
    """Read and import a GEDCOM file; the case id comes from the file name.

    Raises:
        CaseFormatError: unreadable, too large or not GEDCOM at all.
    """
    name = os.fspath(path)
    raw = read_bytes(name, max_bytes=MAX_GEDCOM_BYTES, what="a GEDCOM file")
    stem = re.sub(r"[^a-z0-9_-]+", "-", Path(name).stem.lower()).strip("-_") or "gedcom"
    if not stem[0].isalnum():
        stem = "g" + stem
    with paused_gc():
        return import_gedcom(raw, file=name, case_id=stem[:60])
