"""Safe, bounded reading of YAML and JSON documents into plain data, with line numbers.

Case files come from many hands, so the reader assumes hostile input: it refuses files over a
size limit before reading them, decodes strictly, uses YAML's safe schema only, counts every
element (so a YAML alias bomb stops early), bounds nesting and rejects duplicate keys. Each
element's path (``people[3].born``) is mapped to its line for messages, when one is needed.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from dataclasses import dataclass, field
from typing import Any, Final

import yaml

from ..exceptions import CaseFormatError
from .yaml_bound import certainly_more_than
from .yaml_events import EventBuilder, too_many
from .yaml_events import refusal as _fail

__all__ = [
    "MAX_BYTES", "MAX_DEPTH", "MAX_ELEMENTS", "STDIN", "Document", "parse_text", "read_bytes",
    "read_document", "read_stdin",
]

STDIN: Final = "-"
"""The input name meaning standard input."""
MAX_BYTES: Final = 10 * 1024 * 1024
MAX_DEPTH: Final = 32
MAX_ELEMENTS: Final = 1_000_000
MAX_ALIAS_ELEMENTS: Final = 10_000
"""Elements reached through YAML aliases: a hand-written case needs few, an alias bomb
(billion laughs) needs billions, and stopping at this limit takes milliseconds."""

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_GEDCOM_START: Final = re.compile(r"\ufeff?\s*0\s+HEAD\b")
"""How every GEDCOM file begins (its header record), so one given as a case is named."""
_QUICK_COUNT: Final = 1_000_000
"""Characters below which the element bound is not worth computing."""


@dataclass
class Document:
    """Plain data read from a file, and the line of each element's path.

    The lines of a YAML document are found when first asked for (``text`` is then read a
    second time, recording them): most documents are valid and never need them.
    """

    data: Any
    file: str | None = None
    lines: dict[str, int] = field(default_factory=dict)
    text: str | None = field(default=None, repr=False)

    def line_of(self, location: str) -> int | None:
        """The line of ``location`` or, failing that, of its nearest enclosing element."""
        if self.text is not None:
            _, self.lines = _read_yaml(self.text, self.file, record=True)
            self.text = None
        loc = location
        while True:
            if loc in self.lines:
                return self.lines[loc]
            cut = max(loc.rfind("."), loc.rfind("["))
            if cut <= 0:
                return self.lines.get(loc)
            loc = loc[:cut]


def read_document(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> Document:
    """Read a YAML or JSON case file (by extension; YAML otherwise) into plain data.

    Raises:
        CaseFormatError: unreadable, too large, not text, malformed or hostile input.
    """
    name = os.fspath(path)
    if name == STDIN:
        raw = read_stdin(max_bytes=max_bytes)
        return parse_text(decode(raw, name), fmt="yaml", file=name)
    raw = read_bytes(name, max_bytes=max_bytes)
    fmt = "json" if name.lower().endswith(".json") else "yaml"
    return parse_text(decode(raw, name), fmt=fmt, file=name)


def read_stdin(*, max_bytes: int = MAX_BYTES) -> bytes:
    """Standard input, read up to ``max_bytes`` (YAML; JSON is read as the YAML it also is).

    Raises:
        CaseFormatError: more than ``max_bytes``.
    """
    stream = getattr(sys.stdin, "buffer", None)
    raw = stream.read(max_bytes + 1) if stream is not None else \
        sys.stdin.read(max_bytes + 1).encode("utf-8")
    if len(raw) > max_bytes:
        raise _fail(STDIN, f"input is too large (the limit is {max_bytes / 1e6:.0f} MB)")
    return bytes(raw)


def read_bytes(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES,
               what: str = "a case file") -> bytes:
    """The bytes of an input file, refused before reading when it is over ``max_bytes``.

    Raises:
        CaseFormatError: missing, a folder (not ``what``), unreadable or too large.
    """
    name = os.fspath(path)
    try:
        info = os.stat(name)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(name)
        if not stat.S_ISREG(info.st_mode):  # a named pipe would wait for a writer forever
            raise _fail(name, f"not a regular file; expected {what}")
        size = info.st_size
        if size > max_bytes:
            raise _fail(
                name,
                f"file is too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB)",
            )
        with open(name, "rb") as fh:
            return fh.read(max_bytes + 1)
    except FileNotFoundError as err:
        raise _fail(name, "no such file") from err
    except IsADirectoryError as err:
        raise _fail(name, f"is a folder, not {what}") from err
    except OSError as err:
        raise _fail(name, f"cannot read: {err.strerror}") from err


def decode(raw: bytes, file: str | None = None) -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16 with BOM; refuse binary data."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as err:
            raise _fail(file, "not valid UTF-16 text") from err
    if b"\x00" in raw[:8192]:
        raise _fail(file, "not a text file (binary data); expected a YAML or JSON case")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise _fail(
            file, f"not valid UTF-8 text (byte {err.start}); save the file as UTF-8", line
        ) from err


def parse_text(text: str, *, fmt: str = "yaml", file: str | None = None) -> Document:
    """Parse YAML or JSON text into plain data, within the limits of this module."""
    if len(text) > MAX_BYTES:
        raise _fail(file, f"document is too large (limit {MAX_BYTES / 1e6:.0f} MB)")
    if not text.strip():
        raise _fail(file, "file is empty; expected a case (schema: systeemkaart/1)")
    if _GEDCOM_START.match(text):
        raise _fail(file, "a GEDCOM family tree, not a case file: turn it into one with "
                          "`systeemkaart import FILE` (add --around PERSON for a large tree)", 1)
    if fmt == "json":
        return _parse_json(text, file)
    return _parse_yaml(text, file)


def _parse_json(text: str, file: str | None) -> Document:
    import json  # here: reading a YAML case (the usual) needs no JSON module

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in items:
            if k in out:
                raise _fail(file, f"duplicate key {k!r}")
            out[k] = v
        return out

    try:
        data = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as err:
        raise _fail(file, f"malformed JSON: {err.msg} (column {err.colno})", err.lineno) from err
    except RecursionError as err:
        raise _fail(file, f"nesting is too deep (limit {MAX_DEPTH} levels)") from err
    _check_depth(data, file)
    return Document(data, file)


def _check_depth(data: Any, file: str | None) -> None:
    """Bound nesting and size of parsed JSON (a recursive walk: the depth is bounded)."""
    count = 0

    def walk(item: Any, depth: int) -> None:
        nonlocal count
        if depth > MAX_DEPTH:
            raise _fail(file, f"nesting is too deep (limit {MAX_DEPTH} levels)")
        if isinstance(item, dict):
            count += len(item)
            values: Any = item.values()
        elif isinstance(item, list):
            count += len(item)
            values = item
        else:
            return
        if count > MAX_ELEMENTS:
            raise _fail(file, too_many(MAX_ELEMENTS, "json"))
        for value in values:
            if isinstance(value, dict | list):
                walk(value, depth + 1)

    walk(data, 0)


# What YAML's parser calls the thing it was reading, in words a case writer knows.
_CONTEXTS: Final = {
    "while parsing a flow sequence": "in the list [...]",
    "while parsing a flow mapping": "in the record {...}",
    "while parsing a flow node": "in the value",
    "while parsing a block mapping": "in the block",
    "while parsing a block collection": "in the list",
    "while scanning a quoted scalar": "in the quoted text",
    "while scanning a simple key": "in the key",
}


def _char_at(text: str, mark: Any) -> str:
    """The character a YAML error mark points at ('' when out of range)."""
    lines = text.splitlines()
    if mark is None or mark.line >= len(lines):
        return ""
    row = lines[mark.line]
    return row[mark.column] if mark.column < len(row) else ""


def _yaml_message(err: yaml.YAMLError, text: str = "") -> tuple[str, int | None]:
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    problem = getattr(err, "problem", None) or str(err).splitlines()[0]
    if "'\\t'" in problem or "#x0009" in problem or "tab character" in problem \
            or _char_at(text, mark) == "\t":
        return "tab character; indent with spaces, not tabs", line
    context = getattr(err, "context", None) or ""
    start = getattr(err, "context_mark", None)
    if context in _CONTEXTS and start is not None:
        where = f" {_CONTEXTS[context]} that starts on line {start.line + 1}"
    else:
        where = f" {context}" if context else ""
        where += f" (column {mark.column + 1})" if mark is not None else ""
    return f"malformed YAML: {problem}{where}", line


def _parse_yaml(text: str, file: str | None) -> Document:
    # A text under a megabyte is counted by the reader within a second anyway; a larger one
    # certainly over the limit is refused at once, without building any of it.
    if len(text) > _QUICK_COUNT and certainly_more_than(text, MAX_ELEMENTS):
        raise _fail(file, too_many(MAX_ELEMENTS))
    data, _ = _read_yaml(text, file, record=False)
    return Document(data, file, text=text)


def _read_yaml(text: str, file: str | None, *, record: bool) -> tuple[Any, dict[str, int]]:
    """The data of YAML text and, when ``record``, the line of each element's path.

    Read quickly first (``record`` false), a problem other than a broken limit is found
    again while recording, so that its message names its location.

    Raises:
        CaseFormatError: malformed or hostile input, or a limit broken.
    """
    loader = _Loader(text)
    builder = EventBuilder(loader, file, max_elements=MAX_ELEMENTS,
                           max_alias_elements=MAX_ALIAS_ELEMENTS, max_depth=MAX_DEPTH,
                           record=record)
    try:
        return builder.document(), builder.lines
    except CaseFormatError:
        if record or builder.over_limit:
            raise
    except yaml.YAMLError as err:
        message, line = _yaml_message(err, text)
        raise _fail(file, message, line) from err
    except RecursionError as err:  # pragma: no cover - depth is bounded well below
        raise _fail(file, f"nesting is too deep (limit {MAX_DEPTH} levels)") from err
    finally:
        loader.dispose()
    return _read_yaml(text, file, record=True)  # the same problem again, with its location
