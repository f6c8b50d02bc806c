"""Safe, bounded reading of YAML and JSON documents into plain data, with line numbers.

Case files come from many hands, so the reader assumes hostile input: it refuses files over a
size limit before reading them, decodes strictly, uses YAML's safe schema only, counts every
element (so a YAML alias bomb stops early), bounds nesting and rejects duplicate keys. Each
element's path (``people[3].born``) is mapped to its line for messages.
"""

from __future__ import annotations

import copy
import json
import os
import stat
import sys
from dataclasses import dataclass, field
from typing import Any, Final

import yaml

from ..exceptions import CaseFormatError, Problem

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

_UNSEEN: Final = object()
_TIMESTAMP: Final = "tag:yaml.org,2002:timestamp"
_STR: Final = "tag:yaml.org,2002:str"
_MERGE: Final = "tag:yaml.org,2002:merge"
_INT: Final = "tag:yaml.org,2002:int"
_PLAIN_TAGS: Final = frozenset(
    f"tag:yaml.org,2002:{t}"
    for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map", "merge")
)
"""The tags of plain YAML data; anything else (``!!python/...``, ``!!binary``) is refused."""


@dataclass
class Document:
    """Plain data read from a file, and the line of each element's path."""

    data: Any
    file: str | None = None
    lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, location: str) -> int | None:
        """The line of ``location`` or, failing that, of its nearest enclosing element."""
        loc = location
        while True:
            if loc in self.lines:
                return self.lines[loc]
            cut = max(loc.rfind("."), loc.rfind("["))
            if cut <= 0:
                return self.lines.get(loc)
            loc = loc[:cut]


def _fail(file: str | None, message: str, line: int | None = None,
          location: str = "") -> CaseFormatError:
    return CaseFormatError(message, file=file, location=location,
                           problems=[Problem(location, message, line=line)])


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
    if fmt == "json":
        return _parse_json(text, file)
    return _parse_yaml(text, file)


def _parse_json(text: str, file: str | None) -> Document:
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
            raise _fail(file, f"too many elements (limit {MAX_ELEMENTS:,})")
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
    loader = _Loader(text)
    try:
        builder = _Builder(loader, file)
        data = builder.document()
    except yaml.YAMLError as err:
        message, line = _yaml_message(err, text)
        raise _fail(file, message, line) from err
    except RecursionError as err:  # pragma: no cover - depth is bounded well below
        raise _fail(file, f"nesting is too deep (limit {MAX_DEPTH} levels)") from err
    finally:
        loader.dispose()
    return Document(data, file, builder.lines)


class _Builder:
    """Turns YAML parser events straight into plain data, recording lines and enforcing
    limits as it goes.

    No node tree is composed first: every element is counted the moment the parser reports
    it, so a document of millions of values is refused after :data:`MAX_ELEMENTS` of them
    (well within a second) instead of after the whole tree has been built in memory.
    Elements reached through aliases count again (an alias repeats its anchor's content),
    and separately against :data:`MAX_ALIAS_ELEMENTS`.
    """

    def __init__(self, loader: Any, file: str | None) -> None:
        self.loader = loader
        self.next = loader.get_event
        self.file = file
        self.lines: dict[str, int] = {}
        self.count = 0
        self.aliased = 0
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.resolvers: dict[str, list[tuple[str, Any]]] = loader.yaml_implicit_resolvers
        self.plain: dict[str, Any] = {}
        """Plain (untagged, unquoted) scalars read so far and their values: the same text
        always reads as the same value, and ids, kinds, keys and years repeat."""
        self.keys: dict[str, str] = {}
        """Plain scalars read so far as keys, and the key each gives."""

    def document(self) -> Any:
        """The single document of the stream as plain data.

        Raises:
            CaseFormatError: an empty stream, several documents, or a limit broken.
        """
        event = self.next()  # stream start
        event = self.next()
        if isinstance(event, yaml.StreamEndEvent):
            raise _fail(self.file, "file is empty; expected a case (schema: systeemkaart/1)")
        data = self.node(self.next(), "", 0)
        self.next()  # document end
        event = self.next()
        if not isinstance(event, yaml.StreamEndEvent):
            raise _fail(self.file, "expected one document; found another after '---'",
                        event.start_mark.line + 1)
        if data is None:
            raise _fail(self.file, "file is empty; expected a case (schema: systeemkaart/1)")
        return data

    def _counted(self, size: int, via_alias: bool) -> None:
        self.count += size
        if via_alias:
            self.aliased += size
            if self.aliased > MAX_ALIAS_ELEMENTS:
                raise _fail(
                    self.file,
                    f"document expands to more than {MAX_ALIAS_ELEMENTS:,} elements through "
                    "YAML aliases (an alias bomb?)",
                )
        if self.count > MAX_ELEMENTS:
            raise _fail(
                self.file,
                f"document expands to more than {MAX_ELEMENTS:,} elements "
                "(too large, or a YAML alias bomb)",
            )

    def node(self, event: Any, path: str, depth: int) -> Any:
        """The value that starts with ``event``, read to its end."""
        line = event.start_mark.line + 1
        if type(event) is yaml.ScalarEvent and event.anchor is None:  # the common case, fast
            self.count += 1
            if self.count > MAX_ELEMENTS:
                self._counted(0, via_alias=False)
            return self.scalar(event, path, line)
        self.lines.setdefault(path, line)
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.anchors:
                raise _fail(self.file, f"unknown alias *{event.anchor}", line, path)
            value, size = self.anchors[event.anchor]
            self._counted(size, via_alias=True)
            return copy.deepcopy(value)
        before = self.count
        self._counted(1, via_alias=False)
        if depth > MAX_DEPTH:
            raise _fail(self.file, f"nesting is too deep (limit {MAX_DEPTH} levels)", line)
        if isinstance(event, yaml.ScalarEvent):
            value = self.scalar(event, path, line)
        elif isinstance(event, yaml.SequenceStartEvent):
            self.check_tag(event, yaml.SequenceNode, path, line)
            value = []
            item: Any = self.next()
            while type(item) is not yaml.SequenceEndEvent:
                if type(item) is yaml.ScalarEvent and item.anchor is None:  # fast, as above
                    self.count += 1
                    if self.count > MAX_ELEMENTS:
                        self._counted(0, via_alias=False)
                    mark: Any = item.start_mark
                    value.append(self.scalar(item, path, mark.line + 1))
                else:
                    value.append(self.node(item, f"{path}[{len(value)}]", depth + 1))
                item = self.next()
        else:
            self.check_tag(event, yaml.MappingNode, path, line)
            value = self.mapping(path, depth)
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, self.count - before)
        return value

    def mapping(self, path: str, depth: int) -> dict[str, Any]:
        """The keys and values up to the end of a mapping; keys are plain text, once each."""
        out: dict[str, Any] = {}
        event = self.next()
        while not isinstance(event, yaml.MappingEndEvent):
            line = event.start_mark.line + 1
            if not isinstance(event, yaml.ScalarEvent):
                raise _fail(self.file, "a key must be plain text", line)
            plain = event.tag is None and event.implicit[0]
            key = self.keys.get(event.value) if plain else None
            if key is None:
                tag = self.scalar_tag(event)
                if tag == _MERGE:
                    raise _fail(self.file, "merge keys (<<) are not supported", line)
                if tag not in _PLAIN_TAGS:
                    raise _fail(self.file, "a key must be plain text", line)
                key = self.scalar(event, path, line)
                if not isinstance(key, str):
                    key = str(key).lower() if isinstance(key, bool) else str(key)
                if plain:
                    self.keys[event.value] = key
            sub = f"{path}.{key}" if path else key
            if key in out:
                raise _fail(self.file, f"duplicate key {key!r}", line, sub)
            self.lines[sub] = line
            out[key] = self.node(self.next(), sub, depth + 1)
            event = self.next()
        return out

    def scalar_tag(self, event: Any) -> str:
        """The tag of a scalar: as written, or resolved from its text (YAML 1.1 rules).

        The resolver's own rules, looked up directly: plain text is matched against the
        patterns for its first character; quoted text is text."""
        tag = event.tag
        if tag is not None and tag != "!":
            return str(tag)
        if not event.implicit[0]:
            return _STR
        value = event.value
        for candidate, pattern in self.resolvers.get(value[:1], ()):
            if pattern.match(value):
                return str(candidate)
        return _STR

    def check_tag(self, event: Any, kind: type[yaml.Node], path: str, line: int) -> None:
        """Refuse a collection with a tag other than plain ``!!seq`` or ``!!map``."""
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(kind, None, event.implicit)
        if tag not in _PLAIN_TAGS:
            shown = str(tag).replace("tag:yaml.org,2002:", "!!")
            raise _fail(self.file, f"unsupported YAML tag {shown!r}; write plain values", line,
                        path)

    def scalar(self, event: Any, path: str, line: int) -> Any:
        """A scalar's value: text stays text (dates too), numbers, booleans and null are
        converted by YAML's safe constructors."""
        if event.tag is None and event.implicit[0]:
            value = self.plain.get(event.value, _UNSEEN)
            if value is _UNSEEN:
                value = self.plain[event.value] = self._scalar(event, path, line)
            return value
        return self._scalar(event, path, line)

    def _scalar(self, event: Any, path: str, line: int) -> Any:
        tag = self.scalar_tag(event)
        if tag in (_STR, _TIMESTAMP):  # dates stay text: PartialDate reads and checks them
            return event.value
        if tag == _INT and event.value.isdecimal() and event.value.isascii() and \
                (event.value[0] != "0" or event.value == "0"):
            return int(event.value)
        if tag not in _PLAIN_TAGS or tag == _MERGE:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            if tag == _MERGE:
                raise _fail(self.file, "merge keys (<<) are not supported", line)
            raise _fail(self.file, f"unsupported YAML tag {shown!r}; write plain values", line,
                        path)
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return self.loader.yaml_constructors[tag](self.loader, node)
        except (ValueError, OverflowError) as err:
            raise _fail(self.file, f"cannot read the value {event.value[:40]!r}", line,
                        path) from err
