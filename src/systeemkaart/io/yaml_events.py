"""YAML parser events turned straight into plain data, counted and checked as they come.

No node tree is composed first: every element is counted the moment the parser reports it,
so a document over the element limit is refused at the limit instead of after the whole
tree has been built in memory. Only YAML's plain data is accepted (no ``!!python/...``, no
``!!binary``, no merge keys), keys are text and appear once, nesting is bounded.

Reading runs in one of two modes. The quick mode builds only the data; the recording mode
also notes the line of every element's path (``people[3].born``) for messages. A reader
reads in the quick mode and repeats in the recording mode only when it needs a line or a
location: for a problem found while reading, or later for a message about the data.
"""

from __future__ import annotations

import copy
from typing import Any, Final

import yaml

from ..exceptions import CaseFormatError, Problem

__all__ = ["EventBuilder", "refusal", "too_many"]

_TIMESTAMP: Final = "tag:yaml.org,2002:timestamp"
_STR: Final = "tag:yaml.org,2002:str"
_MERGE: Final = "tag:yaml.org,2002:merge"
_INT: Final = "tag:yaml.org,2002:int"
_SCALAR: Final = yaml.ScalarEvent
_SEQUENCE_END: Final = yaml.SequenceEndEvent
_MAPPING_END: Final = yaml.MappingEndEvent
_SEQUENCE_START: Final = yaml.SequenceStartEvent
_MAPPING_START: Final = yaml.MappingStartEvent
_UNKNOWN: Final = object()
_PLAIN_TAGS: Final = frozenset(
    f"tag:yaml.org,2002:{t}"
    for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map", "merge")
)
"""The tags of plain YAML data; anything else (``!!python/...``, ``!!binary``) is refused."""
_EMPTY: Final = "file is empty; expected a case (schema: systeemkaart/1)"


def refusal(file: str | None, message: str, line: int | None = None,
            location: str = "") -> CaseFormatError:
    """The error for bad input: one problem, naming the file, location and line."""
    return CaseFormatError(message, file=file, location=location,
                           problems=[Problem(location, message, line=line)])


def too_many(limit: int, fmt: str = "yaml") -> str:
    """The message for a document over the element limit, one wording for YAML and JSON
    (only YAML can expand through aliases, so only its message names them)."""
    if fmt == "json":
        return f"document expands to more than {limit:,} elements (too large)"
    return f"document expands to more than {limit:,} elements (too large, or a YAML alias bomb)"


class EventBuilder:
    """Turns the events of a PyYAML loader into plain data, enforcing limits as it goes.

    Elements reached through aliases count again (an alias repeats its anchor's content),
    and separately against ``max_alias_elements``. With ``record`` the line of every
    element's path is kept in :attr:`lines` and problems name their location; without it
    reading is about a quarter quicker and problems name only the line.
    """

    def __init__(self, loader: Any, file: str | None, *, max_elements: int,
                 max_alias_elements: int, max_depth: int, record: bool = True) -> None:
        self.loader = loader
        self.next = loader.get_event
        self.file = file
        self.record = record
        self.max_elements = max_elements
        self.max_alias_elements = max_alias_elements
        self.max_depth = max_depth
        self.lines: dict[str, int] = {}
        self.count = 0
        self.aliased = 0
        self.over_limit = False
        """Set when a refusal is for the element limits (the same in either mode)."""
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.resolvers: dict[str, list[tuple[str, Any]]] = loader.yaml_implicit_resolvers
        self.path_resolvers = bool(loader.yaml_path_resolvers)
        """Whether an untagged collection could resolve to other than a plain list or
        record (never, unless someone added path resolvers to PyYAML's loader)."""
        self.known: dict[str, Any] = {}
        self.keys: dict[str, str] = {}
        """Plain keys that YAML might read as other than text, read once per text."""

    def document(self) -> Any:
        """The single document of the stream as plain data.

        Raises:
            CaseFormatError: an empty stream, several documents, or a limit broken.
        """
        event = self.next()  # stream start
        event = self.next()
        if isinstance(event, yaml.StreamEndEvent):
            raise refusal(self.file, _EMPTY)
        data = self.node(self.next(), "", 0)
        self.next()  # document end
        event = self.next()
        if not isinstance(event, yaml.StreamEndEvent):
            raise refusal(self.file, "expected one document; found another after '---'",
                          event.start_mark.line + 1)
        if data is None:
            raise refusal(self.file, _EMPTY)
        return data

    def counted(self, size: int, via_alias: bool) -> None:
        """Count ``size`` more elements; refuse the document past the limits."""
        self.count += size
        if via_alias:
            self.aliased += size
            if self.aliased > self.max_alias_elements:
                self.over_limit = True
                raise refusal(
                    self.file,
                    f"document expands to more than {self.max_alias_elements:,} elements "
                    "through YAML aliases (an alias bomb?)",
                )
        if self.count > self.max_elements:
            self.over_limit = True
            raise refusal(self.file, too_many(self.max_elements))

    def plain(self, event: Any, path: str) -> Any:
        """The value of an unanchored scalar event (the common case, kept fast): text that
        no YAML rule could read as anything else is returned as it is, other untagged text
        is read once per distinct text (the results are immutable, so they are shared)."""
        text = event.value
        if event.tag is None:
            if not event.implicit[0] or text[:1] not in self.resolvers:
                return text
            known = self.known.get(text, _UNKNOWN)
            if known is not _UNKNOWN:
                return known
            value = self.scalar(event, path, event.start_mark.line + 1)
            self.known[text] = value
            return value
        return self.scalar(event, path, event.start_mark.line + 1)

    def fresh(self, event: Any) -> Any:
        """:meth:`plain` in the quick mode, of a scalar not read before: tagged, or untagged
        text that a YAML rule might read as other than text (it starts as one of them
        does). The rules are tried here, and only a text they read as a number, a boolean
        or null goes on to :meth:`scalar` (names and dates are most of these texts)."""
        if event.tag is not None:
            return self.scalar(event, "", event.start_mark.line + 1)
        text = event.value
        if self.scalar_tag(event) in (_STR, _TIMESTAMP):  # as scalar() keeps them
            value = text
        else:
            value = self.scalar(event, "", event.start_mark.line + 1)
        self.known[text] = value
        return value

    def node(self, event: Any, path: str, depth: int) -> Any:
        """The value that starts with ``event``, read to its end."""
        if type(event) is _SCALAR and event.anchor is None:  # the common case, fast
            self.count += 1
            if self.count > self.max_elements:
                self.counted(0, via_alias=False)
            return self.plain(event, path)
        line = event.start_mark.line + 1
        if self.record:
            self.lines.setdefault(path, line)
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.anchors:
                raise refusal(self.file, f"unknown alias *{event.anchor}", line, path)
            value, size = self.anchors[event.anchor]
            self.counted(size, via_alias=True)
            return copy.deepcopy(value)
        before = self.count
        self.count += 1  # as counted(1, via_alias=False)
        if self.count > self.max_elements:
            self.counted(0, via_alias=False)
        if depth > self.max_depth:
            raise refusal(self.file, f"nesting is too deep (limit {self.max_depth} levels)",
                          line)
        if isinstance(event, yaml.ScalarEvent):
            value = self.scalar(event, path, line)
        elif isinstance(event, yaml.SequenceStartEvent):
            if event.tag is not None or self.path_resolvers:  # untagged: a plain list
                self.check_tag(event, yaml.SequenceNode, path, line)
            value = self.sequence(path, depth) if self.record else self.quick_sequence(depth)
        else:
            if event.tag is not None or self.path_resolvers:  # untagged: a plain record
                self.check_tag(event, yaml.MappingNode, path, line)
            value = self.mapping(path, depth) if self.record else self.quick_mapping(depth)
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, self.count - before)
        return value

    def sequence(self, path: str, depth: int) -> list[Any]:
        """The items up to the end of a sequence."""
        value: list[Any] = []
        record = self.record
        item: Any = self.next()
        while type(item) is not _SEQUENCE_END:
            if type(item) is _SCALAR and item.anchor is None:  # fast, as in node()
                self.count += 1
                if self.count > self.max_elements:
                    self.counted(0, via_alias=False)
                value.append(self.plain(item, path))
            else:
                sub = f"{path}[{len(value)}]" if record else path
                value.append(self.node(item, sub, depth + 1))
            item = self.next()
        return value

    def mapping(self, path: str, depth: int) -> dict[str, Any]:
        """The keys and values up to the end of a mapping; keys are plain text, once each."""
        out: dict[str, Any] = {}
        lines = self.lines
        record = self.record
        resolvers = self.resolvers
        keys = self.keys
        event = self.next()
        while type(event) is not _MAPPING_END:
            if type(event) is _SCALAR and event.tag is None and event.anchor is None:
                key: str = event.value  # plain text, the common case
                if event.implicit[0] and key[:1] in resolvers:  # ``name``: could be ``no``
                    done = keys.get(key)
                    if done is None:
                        done = keys[key] = self.key(event, path)
                    key = done
            else:
                key = self.key(event, path)
            sub = (f"{path}.{key}" if path else key) if record else path
            if key in out:
                raise refusal(self.file, f"duplicate key {key!r}",
                              event.start_mark.line + 1, sub)
            if record:
                lines[sub] = event.start_mark.line + 1
            value = self.next()
            if type(value) is _SCALAR and value.anchor is None:  # fast, as in node()
                self.count += 1
                if self.count > self.max_elements:
                    self.counted(0, via_alias=False)
                out[key] = self.plain(value, sub)
            else:
                out[key] = self.node(value, sub, depth + 1)
            event = self.next()
        return out

    def quick_sequence(self, depth: int) -> list[Any]:
        """:meth:`sequence` in the quick mode: no paths, the count kept in a local while
        the items are plain text (most of a case), the limit checked at every element; a
        record without tag or anchor (a person) is read here, past :meth:`node`'s checks,
        unless it would be nested too deep (:meth:`node` then refuses it)."""
        value: list[Any] = []
        resolvers = self.resolvers
        known = self.known
        next_event = self.next
        limit = self.max_elements
        count = self.count
        plain = depth < self.max_depth and not self.path_resolvers
        item: Any = next_event()
        while type(item) is not _SEQUENCE_END:
            if type(item) is _SCALAR and item.anchor is None:
                count += 1
                if count > limit:
                    self.count = count
                    self.counted(0, via_alias=False)
                text = item.value
                if item.tag is None and (not item.implicit[0] or text[:1] not in resolvers):
                    value.append(text)  # as plain() returns it
                else:
                    read = known.get(text, _UNKNOWN) if item.tag is None else _UNKNOWN
                    value.append(self.fresh(item) if read is _UNKNOWN else read)
            elif type(item) is _MAPPING_START and plain and item.anchor is None \
                    and item.tag is None:  # a plain record, as node() reads it
                count += 1
                if count > limit:
                    self.count = count
                    self.counted(0, via_alias=False)
                self.count = count
                value.append(self.quick_mapping(depth + 1))
                count = self.count
            else:
                self.count = count
                value.append(self.node(item, "", depth + 1))
                count = self.count
            item = next_event()
        self.count = count
        return value

    def quick_mapping(self, depth: int) -> dict[str, Any]:
        """:meth:`mapping` in the quick mode, kept as quick as :meth:`quick_sequence` (here a
        list without tag or anchor, like a couple's ``partners``, is read past
        :meth:`node`); its refusals name no location (the recording mode finds them again,
        see the module docstring)."""
        out: dict[str, Any] = {}
        resolvers = self.resolvers
        known = self.known
        keys = self.keys
        next_event = self.next
        limit = self.max_elements
        count = self.count
        plain = depth < self.max_depth and not self.path_resolvers
        event = next_event()
        while type(event) is not _MAPPING_END:
            if type(event) is _SCALAR and event.tag is None and event.anchor is None:
                key: str = event.value
                if event.implicit[0] and key[:1] in resolvers:
                    done = keys.get(key)
                    if done is None:
                        done = keys[key] = self.key(event, "")
                    key = done
            else:
                key = self.key(event, "")
            if key in out:
                raise refusal(self.file, f"duplicate key {key!r}", event.start_mark.line + 1)
            value = next_event()
            if type(value) is _SCALAR and value.anchor is None:
                count += 1
                if count > limit:
                    self.count = count
                    self.counted(0, via_alias=False)
                text = value.value
                if value.tag is None and (not value.implicit[0] or text[:1] not in resolvers):
                    out[key] = text  # as plain() returns it
                else:
                    read = known.get(text, _UNKNOWN) if value.tag is None else _UNKNOWN
                    out[key] = self.fresh(value) if read is _UNKNOWN else read
            elif type(value) is _SEQUENCE_START and plain and value.anchor is None \
                    and value.tag is None:  # a plain list, as node() reads it
                count += 1
                if count > limit:
                    self.count = count
                    self.counted(0, via_alias=False)
                self.count = count
                out[key] = self.quick_sequence(depth + 1)
                count = self.count
            else:
                self.count = count
                out[key] = self.node(value, "", depth + 1)
                count = self.count
            event = next_event()
        self.count = count
        return out

    def key(self, event: Any, path: str) -> str:
        """A mapping key that YAML might read as other than text: refused unless a plain
        value, which becomes its text (``true``, ``1``)."""
        line = event.start_mark.line + 1
        if not isinstance(event, yaml.ScalarEvent):
            raise refusal(self.file, "a key must be plain text", line)
        tag = self.scalar_tag(event)
        if tag == _MERGE:
            raise refusal(self.file, "merge keys (<<) are not supported", line)
        if tag not in _PLAIN_TAGS:
            raise refusal(self.file, "a key must be plain text", line)
        key = self.scalar(event, path, line)
        if isinstance(key, bool):
            return str(key).lower()
        return str(key)

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
            raise refusal(self.file, f"unsupported YAML tag {shown!r}; write plain values",
                          line, path)

    def scalar(self, event: Any, path: str, line: int) -> Any:
        """A scalar's value: text stays text (dates too), numbers, booleans and null are
        converted by YAML's safe constructors."""
        tag = self.scalar_tag(event)
        if tag in (_STR, _TIMESTAMP):  # dates stay text: PartialDate reads and checks them
            return event.value
        if tag == _INT and event.value.isdecimal() and event.value.isascii() and \
                (event.value[0] != "0" or event.value == "0"):
            return int(event.value)
        if tag not in _PLAIN_TAGS or tag == _MERGE:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            if tag == _MERGE:
                raise refusal(self.file, "merge keys (<<) are not supported", line)
            raise refusal(self.file, f"unsupported YAML tag {shown!r}; write plain values",
                          line, path)
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return self.loader.yaml_constructors[tag](self.loader, node)
        except (ValueError, OverflowError) as err:
            raise refusal(self.file, f"cannot read the value {event.value[:40]!r}", line,
                          path) from err
