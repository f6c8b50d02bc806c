"""How many elements a YAML document holds at least, found at C speed without reading it.

A reader that counts elements one by one spends about a microsecond on each, so a file of
millions would take seconds to refuse. libyaml's parser counts the document's parts
(events) at C speed instead, making no Python object of any (PyYAML's ``raw_parse``, about
0.07 s a megabyte), and the text's indicator characters, counted by ``str.count``, bound how
many of those parts are keys and collections rather than elements. The bound is a true
lower bound of what :class:`~systeemkaart.io.yaml_events.EventBuilder` counts, so a
document over the limit by it is certainly over; one it cannot judge is left to the
counting reader.

The counting: a document of E events has E - 4 - 2d parts, d being the documents after the
first (the stream and each document open and close); each part is a value, an alias (an
element each), the start or end of a list or record (one element per pair), or a key (not
an element). Every key is one value's key, so the elements are at least a third of the
parts, and at least the parts less the keys and the collections, where:

- a key in a record needs a ``:`` or ``?`` after or before it, except an entry written
  without a value in a ``{...}`` record, which follows the ``{`` or a ``,`` inside braces;
- a list or record starts with a ``[``, ``{``, ``-`` or the ``:`` or ``?`` of its first
  key; a ``-`` at the start of a line right below one at the same indent does not start a
  list (it continues one, or lies inside text), and outside the brackets (from the first
  ``[`` or ``{`` to the last ``]`` or ``}``) neither does the first ``:`` of a line that
  starts with plain text right below another such line at the same indent (it is the
  next key of the same record, or lies inside text: anything else does not parse);
- a further document needs a ``---`` or ``...``.

Characters in text values only loosen the bound. Cost: O(length) in C: about 0.3 s for
10 MB, and 0.3 s more for a file of a million ``-`` or ``key: value`` lines.
"""

from __future__ import annotations

import re
from typing import Any, Final

import yaml

__all__ = ["certainly_more_than"]

_Loader: Any = getattr(yaml, "CSafeLoader", None)
_CONTINUED_ENTRY: Final = re.compile(r"^( *)-(?:[ ][^\n]*)?\n(?=\1-[ \n])", re.MULTILINE)
"""A ``-`` entry line followed by one at the same indent (the match ends before it)."""
_PLAIN_START: Final = r"[^\s\-#?\[\]{}'\"!&*|>%@`,:]"
_CONTINUED_KEY: Final = re.compile(
    rf"^( *){_PLAIN_START}[^\n:]*:[^\n]*\n(?=\1{_PLAIN_START}[^\n:]*:)", re.MULTILINE)
"""A line of plain text with a ``:`` followed by another at the same indent (``[^\\n:]*``
finds the first ``:`` without backtracking: linear even on one line of megabytes)."""


def _continued_keys(text: str) -> int:
    """The lines outside the brackets whose first ``:`` certainly starts no record."""
    opening = min((i for i in (text.find("["), text.find("{")) if i >= 0), default=-1)
    close = max(text.rfind("]"), text.rfind("}"))
    if opening < 0 or close < opening:  # no bracket pair: no list or record in brackets
        return _CONTINUED_KEY.subn("", text)[1]
    head = text[:text.rfind("\n", 0, opening) + 1]
    after = text.find("\n", close)
    tail = text[after + 1:] if after >= 0 else ""
    return _CONTINUED_KEY.subn("", head)[1] + _CONTINUED_KEY.subn("", tail)[1]


def certainly_more_than(text: str, limit: int) -> bool:
    """Whether YAML ``text`` holds more than ``limit`` elements by the bound of this
    module; ``False`` also when libyaml is missing or cannot parse the text (the counting
    reader then words its problem). The line-by-line count of list entries, the one part
    that is not a plain character count, runs only when the rest leaves the answer open."""
    if _Loader is None or not hasattr(_Loader, "raw_parse"):  # pragma: no cover
        return False
    loader = _Loader(text)
    try:
        events: int = loader.raw_parse()
    except yaml.YAMLError:
        return False
    finally:
        loader.dispose()
    count = text.count
    parts = events - 4 - 2 * (count("---") + count("..."))
    if parts // 3 > limit:
        return True
    first, last = text.find("{"), text.rfind("}")
    in_braces = count(",", first, last) if 0 <= first < last else 0
    keys = count(":") + count("?") + count("{") + in_braces
    dashes, colons = count("-"), count(":")
    collections = count("[") + count("{") + colons + count("?") + dashes
    bound = parts - keys - collections
    if bound > limit:
        return True
    if bound + dashes + colons <= limit:  # even if no '-' or ':' started a collection
        return False
    if dashes:
        bound += _CONTINUED_ENTRY.subn("", text)[1]
    if colons and bound <= limit:
        bound += _continued_keys(text)
    return bound > limit
