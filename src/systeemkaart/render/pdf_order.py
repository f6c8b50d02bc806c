"""The same PDF bytes for the same drawing: objects numbered and written in a fixed order.

The PDF writer behind the converter (svg2pdf) keeps its fonts in a hash map whose order
changes from process to process: the fonts' objects come out in another order, so with
other numbers, and the page's font dictionary lists them in another order. The content is
the same, the bytes are not, which defeats comparing or checksumming a saved drawing.

:func:`canonical_pdf` rewrites such a file: entries ``/name N 0 R`` of one dictionary are
sorted by name, objects are renumbered in the order they are first reached from the
trailer (breadth first, references in the order written), written in that order, and the
cross-reference table is made anew. Stream data is copied byte for byte. A file of any
other shape (object streams, cross-reference streams, an indirect stream length,
anything not understood) is returned unchanged: never a broken PDF.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass
from typing import Final

__all__ = ["canonical_pdf"]

_OBJECT: Final = re.compile(rb"(\d+) 0 obj\n")
_REFERENCE: Final = re.compile(rb"(\d+) 0 R\b")
_LENGTH: Final = re.compile(rb"/Length (\d+)\n")
_ENTRY: Final = re.compile(rb"^( *)/(\S+) \d+ 0 R$")
_STREAM: Final = b"\nstream\n"
_STREAM_END: Final = b"\nendstream\nendobj"
_END: Final = b"\nendobj"


@dataclass
class _Object:
    head: bytes
    """The object's text up to its stream, where every reference is."""
    tail: bytes
    """The stream (if any) and the closing ``endobj``, copied as they are."""


def _sorted_entries(text: bytes) -> bytes:
    """``text`` with each run of ``/name N 0 R`` lines of one indent sorted by name."""
    lines = text.split(b"\n")
    out: list[bytes] = []
    run: list[tuple[bytes, bytes]] = []
    indent: bytes | None = None
    for line in lines:
        entry = _ENTRY.match(line)
        if entry is not None and (indent is None or entry[1] == indent):
            run.append((entry[2], line))
            indent = entry[1]
            continue
        out += [item for _, item in sorted(run)]
        run, indent = [], None
        if entry is not None:
            run, indent = [(entry[2], line)], entry[1]
        else:
            out.append(line)
    out += [item for _, item in sorted(run)]
    return b"\n".join(out)


def _objects(data: bytes, pos: int) -> tuple[dict[int, _Object], int] | None:
    """The objects from ``pos`` on, and where the cross-reference table starts; ``None``
    for a shape this module does not know."""
    objects: dict[int, _Object] = {}
    while (found := _OBJECT.match(data, pos)) is not None:
        number, start = int(found[1]), found.end()
        end = data.find(_END, start)
        stream = data.find(_STREAM, start, end if end >= 0 else len(data))
        if end < 0 or number in objects:
            return None
        if stream >= 0:
            length = _LENGTH.search(data, start, stream)
            if length is None:
                return None
            finish = stream + len(_STREAM) + int(length[1])
            if data[finish:finish + len(_STREAM_END)] != _STREAM_END:
                return None
            end = finish + len(_STREAM_END)
            head, tail = data[start:stream], data[stream:end]
        else:
            end += len(_END)
            head, tail = data[start:end - len(_END)], _END
        if b"/ObjStm" in head or b"/XRef" in head:
            return None
        objects[number] = _Object(_sorted_entries(head), tail)
        pos = end
        while data[pos:pos + 1] in (b"\n", b"\r"):
            pos += 1
    return objects, pos


def canonical_pdf(data: bytes) -> bytes:
    """``data`` rewritten with its objects in a fixed order (see the module), or unchanged
    when it is not a PDF of the simple shape the converter writes."""
    first = _OBJECT.search(data)
    if not data.startswith(b"%PDF-") or first is None:
        return data
    parsed = _objects(data, first.start())
    if parsed is None:
        return data
    objects, xref = parsed
    trailer_at = data.find(b"trailer\n", xref)
    startxref = data.find(b"\nstartxref\n", trailer_at)
    if not data.startswith(b"xref\n", xref) or trailer_at < 0 or startxref < 0:
        return data
    trailer = data[trailer_at + len(b"trailer\n"):startxref]
    order: dict[int, int] = {}
    queue = deque(int(m[1]) for m in _REFERENCE.finditer(trailer))
    while queue:
        number = queue.popleft()
        if number in order or number not in objects:
            continue
        order[number] = len(order) + 1
        queue.extend(int(m[1]) for m in _REFERENCE.finditer(objects[number].head))
    if len(order) != len(objects):  # an object nothing refers to: leave the file alone
        return data

    def renumber(text: bytes) -> bytes:
        return _REFERENCE.sub(lambda m: b"%d 0 R" % order[int(m[1])], text)

    out = bytearray(data[:first.start()])
    offsets: list[int] = []
    for number in sorted(order, key=order.__getitem__):
        offsets.append(len(out))
        obj = objects[number]
        out += b"%d 0 obj\n" % order[number] + renumber(obj.head) + obj.tail + b"\n\n"
    table = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f\r\n" % (len(offsets) + 1)
    out += b"".join(b"%010d 00000 n\r\n" % offset for offset in offsets)
    trailer = re.sub(rb"/Size \d+", b"/Size %d" % (len(offsets) + 1), renumber(trailer))
    out += b"trailer\n" + trailer + b"\nstartxref\n%d\n%%%%EOF" % table
    return bytes(out)
