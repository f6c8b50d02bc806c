"""GEDCOM as text: decoding its bytes, its lines as a tree of records, and its dates.

Text encodings: a byte-order mark wins; UTF-16 without a mark is recognised from its zero
bytes; otherwise the header's ``CHAR`` decides (ANSEL through the ``ansel`` codec, IBMPC as
code page 437, ANSI as Windows-1252, MACINTOSH as Mac Roman, UTF-8/UNICODE as UTF-8), with
a fallback for files whose bytes contradict their header. CR, LF and CRLF line ends mix
freely. Only the records and levels a genogram uses are kept. Dates keep their known
precision (``ABT 1950`` and ``BEF 1950`` become 1950; calendar escapes, dual years and B.C.
dates are handled; years outside 1000-2999 are left out). Cost: one pass over the lines.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import Final

from ..dates import PartialDate
from ..exceptions import CaseFormatError, Problem
from .gedcom_vocab import MONTHS, NOT_A_COUPLE

__all__ = ["Node", "decode_gedcom", "parse_gedcom_date", "read_records"]

_MONTHS = {m: i + 1 for i, m in enumerate(MONTHS)}
_CALENDAR: Final = re.compile(r"@#D[^@]*@")
"""A calendar escape (``@#DJULIAN@``): left out."""
_NUMBER: Final = re.compile(r"(\d{1,4})(?:/\d{1,4})?")
"""A day or year; a dual year (``1750/51``) is read as its first year."""
_SKIP_WORDS = {"ABT", "ABOUT", "CAL", "EST", "BEF", "AFT", "BET", "AND", "FROM", "TO", "INT",
               "CIRCA", "C", "CA"}


class Node:
    """One GEDCOM line kept: its tag, value, cross-reference (records only) and the lines
    under it. A plain class with slots: a large file makes tens of thousands of them."""

    __slots__ = ("children", "tag", "value", "xref")

    def __init__(self, tag: str, value: str, xref: str | None = None,
                 children: list[Node] | None = None) -> None:
        self.tag = tag
        self.value = value
        self.xref = xref
        self.children: list[Node] = [] if children is None else children

    def __repr__(self) -> str:
        return (f"Node(tag={self.tag!r}, value={self.value!r}, xref={self.xref!r}, "
                f"children={self.children!r})")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Node):
            return NotImplemented
        return (self.tag, self.value, self.xref, self.children) == \
            (other.tag, other.value, other.xref, other.children)

    __hash__ = None  # type: ignore[assignment]

    def first(self, tag: str) -> Node | None:
        """The first line under this one with ``tag`` (``None``: there is none)."""
        for child in self.children:
            if child.tag == tag:
                return child
        return None

    def all(self, tag: str) -> list[Node]:
        """Every line under this one with ``tag``, in file order."""
        return [c for c in self.children if c.tag == tag]


def _declared_charset(raw: bytes) -> str:
    head = raw[:4096].decode("latin-1")
    m = re.search(r"(?:^|[\r\n])[ \t]*1[ \t]+CHAR[ \t]+([^\r\n]+)", head)
    return m.group(1).strip().upper() if m else ""


def decode_gedcom(raw: bytes, file: str | None = None) -> str:
    """Decode GEDCOM bytes to NFC text, following the byte-order mark, then the CHAR header.

    NFC puts ANSEL's combining marks together with their letters ("e" + acute -> "é"), so
    names compare, sort and measure like typed text.
    """
    text = _decode(raw, file)
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _decode(raw: bytes, file: str | None) -> str:
    if raw.startswith(codecs.BOM_UTF8):
        return raw[3:].decode("utf-8", errors="replace")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", errors="replace")
    if len(raw) >= 2 and raw[0] != 0 and raw[1] == 0:
        return raw.decode("utf-16-le", errors="replace")
    if len(raw) >= 2 and raw[0] == 0 and raw[1] != 0:
        return raw.decode("utf-16-be", errors="replace")
    if b"\x00" in raw[:4096]:
        raise CaseFormatError("not a GEDCOM file (binary data)", file=file)
    charset = _declared_charset(raw)
    if raw.isascii():
        return raw.decode("ascii")
    if charset in {"UTF-8", "UTF8", "UNICODE"}:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("cp1252", errors="replace")
    if charset == "ANSEL":
        try:
            return raw.decode("utf-8")  # some programs write UTF-8 but keep the ANSEL header
        except UnicodeDecodeError:
            from ansel.encodings import gedcom as gedcom_codec

            text: str = gedcom_codec.getregentry().decode(raw, "replace")[0]
            return text
    if charset in {"IBMPC", "IBM PC", "IBM DOS", "CP437"}:
        return raw.decode("cp437")
    if charset in {"MACINTOSH", "MAC"}:
        return raw.decode("mac_roman")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


# --- record tree --------------------------------------------------------------------------

_KEEP_RECORDS = frozenset({"HEAD", "INDI", "FAM"})
_MAX_LEVEL = 2
_USED_LEVEL1 = frozenset({
    "NAME", "SEX", "BIRT", "CHR", "BAPM", "DEAT", "BURI", "CREM", "OCCU", "FAMC", "ADOP",
    "HUSB", "WIFE", "CHIL", "MARR", "DIV", "DIVF", "ANUL", "ENGA", "EVEN", "ASSO", "CONC",
    "CONT", NOT_A_COUPLE, "DATE",  # DATE: the header's, when the file was written
})
_USED_LEVEL2 = frozenset({"DATE", "GIVN", "SURN", "PEDI", "FAMC", "TYPE", "RELA", "ROLE",
                          "CONC", "CONT"})


def read_records(text: str, file: str | None) -> list[Node]:
    """Records as trees of nodes: only HEAD, INDI and FAM, only levels 0-2, and only the
    facts a genogram uses (no sources, places or notes), which skips most of a large
    file's lines cheaply."""
    records: list[Node] = []
    stack: list[Node] = []  # stack[level] is the open node at that level
    keep = False
    for number, line in enumerate(text.splitlines(), 1):
        head = line[:1]
        if keep and (head == "1" or head == "2") and line[1:2] == " ":
            # most lines: level 1 or 2 of a kept record, in the common spelling
            parts = line.split(None, 2)
            level = 1 if head == "1" else 2
            if len(parts) < 2 or level > len(stack):
                continue
        else:
            if head != "0" and (not keep or head > "2" or line[1:2] not in (" ", "\t")) \
                    and head.isdigit():
                continue  # a deeper level, or inside a record we skip: no need to split it
            parts = line.split(None, 2)
            if len(parts) < 2 or not parts[0].isdigit():
                if not line.strip():
                    continue
                if not records:
                    raise _not_gedcom(file, number)
                continue  # stray text in a real file: skip it, as genealogy programs do
            level = int(parts[0])
            if level == 0:
                keep = _record(parts, records, stack, file, number)
                continue
            if not keep or level > _MAX_LEVEL or level > len(stack):
                continue
        tag = parts[1].upper()
        if tag not in (_USED_LEVEL1 if level == 1 else _USED_LEVEL2):
            del stack[level:]  # a fact a genogram does not use: skip it and what is under it
            continue
        value = parts[2] if len(parts) == 3 else ""
        if value.startswith("@@"):
            value = value[1:]
        if tag == "CONC" or tag == "CONT":
            parent = stack[level - 1]
            parent.value += ("\n" if tag == "CONT" else "") + value
            continue
        node = Node(tag, value)
        stack[level - 1].children.append(node)
        del stack[level:]
        stack.append(node)
    if not records:
        raise _not_gedcom(file, 1)
    return records


def _record(parts: list[str], records: list[Node], stack: list[Node], file: str | None,
            number: int) -> bool:
    """Start a record from a level-0 line split in ``parts``; True when it is one we keep
    (then it is the only node on ``stack``)."""
    xref = None
    if parts[1].startswith("@") and len(parts) == 3:
        xref = parts[1]
        rest = parts[2].split(None, 1)
        tag = rest[0].upper()
        value = rest[1] if len(rest) > 1 else ""
    else:
        tag = parts[1].upper()
        value = parts[2] if len(parts) == 3 else ""
    if not records and tag != "HEAD":
        raise _not_gedcom(file, number)
    del stack[:]
    if tag not in _KEEP_RECORDS:
        return False
    node = Node(tag, value, xref)
    records.append(node)
    stack.append(node)
    return True


def _not_gedcom(file: str | None, line: int) -> CaseFormatError:
    message = "not a GEDCOM file (it must start with '0 HEAD')"
    return CaseFormatError(message, file=file, problems=[Problem("", message, line=line)])


# --- values -------------------------------------------------------------------------------

def parse_gedcom_date(value: str) -> PartialDate | None:
    """The first date in a GEDCOM date value, to its known precision (``None`` if none).

    >>> str(parse_gedcom_date("ABT 12 JAN 1950"))
    '1950-01-12'
    >>> str(parse_gedcom_date("BET 1890 AND 1895"))
    '1890'
    >>> parse_gedcom_date("44 B.C.") is None
    True
    """
    text = value.upper()
    if "@" in text:
        text = _CALENDAR.sub(" ", text)
    if "(" in text:
        text = text.replace("(", " ( ")
    if "B.C" in text or "BCE" in text:
        return None
    tokens = text.split()
    day: int | None = None
    month: int | None = None
    for token in tokens:
        if token == "(":
            break
        if token in _SKIP_WORDS:
            day = month = None
            continue
        if token in _MONTHS:
            month = _MONTHS[token]
            continue
        m = _NUMBER.fullmatch(token)
        if m is None:
            day = month = None
            continue
        number = int(m.group(1))
        if month is None and day is None and len(m.group(1)) <= 2 and "/" not in token:
            day = number
            continue
        if month is None and day is not None:
            day = None
        try:
            return PartialDate(number, month, day if month is not None else None)
        except ValueError:
            try:
                return PartialDate(number, month) if month else PartialDate(number)
            except ValueError:
                return None
    return None


