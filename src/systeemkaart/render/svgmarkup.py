"""SVG markup: the document, node and edge groups, attribute and text escaping.

Every drawing (genogram, systemogram) writes its SVG through :class:`SvgDoc`, so that all
follow the same conventions (see DESIGN.md): a root ``<svg>`` with ``width``, ``height``,
``viewBox`` and a ``<title>``; node groups ``<g id="n-<id>" class="node <type> ..."
data-id data-bbox>`` and edge groups ``<g class="edge <kind> ..." data-source data-target>``
(or ``data-parents``/``data-child``), each with a ``<title>`` tooltip; a legend of exactly
what is used.

The document is a tiny element tree of our own rather than svgwrite's: it writes attributes
in the order given and numbers through :func:`~systeemkaart.text.measure.fmt`, so output is
byte-identical across runs, and it is about eight times faster on drawings of thousands of
people. All text and attribute values are escaped; characters that XML 1.0 forbids are
dropped.

For drawings of thousands of shapes, :func:`markup`, :func:`text_markup`,
:func:`node_markup`, :func:`edge_markup` and :func:`line_markup` give the text an element
(and its group) would write, without building the elements; :meth:`Element.add_markup`
puts that text into the tree. Both ways write the same bytes (the tests check it).

Example:

>>> doc = SvgDoc(120, 80, title="Demo & co")
>>> g = doc.node("ann", "person", (10, 10, 40, 30), modifiers=["female"], tooltip="Ann")
>>> _ = doc.circle(g, 30, 25, 10, fill="#fff", stroke="#222")
>>> svg = doc.to_string()
>>> 'id="n-ann" class="node person female"' in svg and "<title>Demo &amp; co</title>" in svg
True
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final

from ..text.measure import FONT_FAMILY, fmt
from .styles import INK, PAPER

__all__ = [
    "LEGEND_FONT_SIZE",
    "Element",
    "Point",
    "SvgDoc",
    "edge_markup",
    "group_markup",
    "markup",
    "node_markup",
    "points_attr",
    "text_markup",
]

Point = tuple[float, float]
BBox = tuple[float, float, float, float]
"""A box as ``(x, y, width, height)`` in user units."""

LEGEND_FONT_SIZE: Final = 10.0
"""A zigzag covers at most this many waves per segment (centred): long routed lines stay
readable and the file small."""

_BAD_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


_SPECIAL: Final = re.compile('[&<>"\n\t\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')


def _escape(text: str, *, attr: bool = False) -> str:
    if _SPECIAL.search(text) is None:
        return text
    text = _BAD_XML.sub("", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if attr:
        text = text.replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")
    return text


_MEMO_MAX: Final = 65_536
"""Entries a memo (numbers, escaped values) keeps before it starts afresh: a few MB."""


class _Memo(dict[object, str]):
    """Results remembered by argument; a hit is one dictionary look-up made in C (the
    memo's ``__getitem__`` is the function), only a miss runs Python (``__missing__``)."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[Any], str]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: Any) -> str:
        done = self.make(key)
        if len(self) >= _MEMO_MAX:
            self.clear()
        self[key] = done
        return done


def _attr_of(text: str) -> str:
    return _escape(text, attr=True)


def _num_of(value: float) -> str:
    return str(int(value)) if value == int(value) else fmt(value)


_ATTRS: Final = _Memo(_attr_of)
_attr: Final[Callable[[str], str]] = _ATTRS.__getitem__
"""``_escape(text, attr=True)``, memoised: ids, classes and colours recur on every shape
that carries them."""
_NUMS: Final = _Memo(_num_of)
_num: Final[Callable[[float], str]] = _NUMS.__getitem__
"""``fmt(value)`` with a fast path for whole numbers (same text), memoised: a drawing
repeats its coordinates (one y per row, one x per column of a symbol) many times."""


def _value(value: object) -> str:
    kind = type(value)
    if kind is str:
        return value  # type: ignore[return-value]
    if kind is float:
        return _num(value)  # type: ignore[arg-type]
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return str(value)
    if isinstance(value, int | float):
        return _num(float(value))
    return str(value)


_KEYS: dict[str, str] = {"class_": "class", "cls": "class"}


def _key(key: str) -> str:
    name = _KEYS.get(key)
    if name is None:
        name = key.rstrip("_").replace("_", "-")
        _KEYS[key] = name
    return name


def _attr_text(attrs: Mapping[str, str]) -> str:
    """`` k="v"`` for every attribute (values already text), escaped."""
    if _SPECIAL.search("".join(attrs.values())) is None:
        return "".join([f' {key}="{val}"' for key, val in attrs.items()])
    return "".join([f' {key}="{_escape(val, attr=True)}"' for key, val in attrs.items()])


def _keyword_attrs(attrs: Mapping[str, object]) -> dict[str, str]:
    """Keyword attributes as ``Element.sub`` stores them: ``stroke_width`` becomes
    ``stroke-width``, values become text, ``None`` drops the attribute."""
    return {_key(key): _value(val) for key, val in attrs.items() if val is not None}


def markup(tag: str, text: str | None = None, /, **attrs: object) -> str:
    """One childless element as text, exactly as ``Element.sub(tag, text, **attrs)`` writes.

    For painting thousands of shapes without building an element per shape (see
    :meth:`Element.add_markup`).

    >>> markup("rect", x=1.0, y=2.5, stroke_width=1.25, fill=None)
    '<rect x="1" y="2.5" stroke-width="1.25"/>'
    """
    head = "<" + tag + _attr_text(_keyword_attrs(attrs))
    if text is None:
        return head + "/>"
    return f"{head}>{_escape(text)}</{tag}>"


def text_markup(x: float, y: float, content: str, *, size: float, anchor: str = "middle",
                bold: bool = False, fill: str | None = None, class_: str | None = None,
                **attrs: object) -> str:
    """A ``<text>`` as text, as :meth:`SvgDoc.text` writes it with the attributes in this
    order: ``fill``, ``class``, then any others in the order given."""
    head = f'<text x="{_num(x)}" y="{_num(y)}" font-size="{_num(size)}"'
    if anchor != "start":
        head += f' text-anchor="{_attr(anchor)}"'
    if bold:
        head += ' font-weight="bold"'
    if fill is not None:
        head += f' fill="{_attr(fill)}"'
    if class_ is not None:
        head += f' class="{_attr(class_)}"'
    for key, val in attrs.items():
        if val is not None:
            head += f' {_key(key)}="{_attr(_value(val))}"'
    return f"{head}>{_escape(content)}</text>"


def group_markup(content: str, *, id: str | None = None, classes: Sequence[str] = (),
                 data: Mapping[str, str] | None = None, tooltip: str | None = None) -> str:
    """A ``<g>`` around already built ``content``, exactly as :meth:`SvgDoc.group` with the
    same arguments and then the content's elements writes it."""
    head = "<g"
    if id is not None:
        head += f' id="{_attr(id)}"'
    if classes:
        names = " ".join([c for c in classes if c])
        head += f' class="{_attr(names)}"'
    if data:
        for key, val in data.items():
            if val is not None:
                head += f' data-{key}="{_attr(_value(val))}"'
    if tooltip is None and not content:
        return head + "/>"
    title = "" if tooltip is None else f"<title>{_escape(tooltip)}</title>"
    return f"{head}>{title}{content}</g>"


def node_markup(node_id: str, node_type: str, bbox: BBox, content: str, *,
                modifiers: Sequence[str] = (), tooltip: str,
                data: Mapping[str, str] | None = None) -> str:
    """A node group around ``content``, exactly as :meth:`SvgDoc.node` then the content."""
    if data and ("id" in data or "bbox" in data):  # overrides: the general way
        return group_markup(content, id=f"n-{node_id}",
                            classes=["node", node_type, *modifiers],
                            data=_node_data(node_id, bbox, data), tooltip=tooltip)
    key = _attr(node_id)
    names = " ".join([c for c in ("node", node_type, *modifiers) if c])
    x, y, w, h = bbox
    head = (f'<g id="n-{key}" class="{_attr(names)}" data-id="{key}" '
            f'data-bbox="{_num(x)} {_num(y)} {_num(w)} {_num(h)}"')
    if data:
        for name, val in data.items():
            if val is not None:
                head += f' data-{name}="{_attr(_value(val))}"'
    return f"{head}><title>{_escape(tooltip)}</title>{content}</g>"


def edge_markup(kind: str, content: str, *, tooltip: str, modifiers: Sequence[str] = (),
                source: str | None = None, target: str | None = None,
                parents: Sequence[str] | None = None, child: str | None = None,
                id: str | None = None, data: Mapping[str, str] | None = None) -> str:
    """An edge group around ``content``, exactly as :meth:`SvgDoc.edge` then the content."""
    if data:
        return group_markup(content, id=id, classes=["edge", kind, *modifiers],
                            data=_edge_data(source, target, parents, child, data),
                            tooltip=tooltip)
    head = "<g" if id is None else f'<g id="{_attr(id)}"'
    names = " ".join([c for c in ("edge", kind, *modifiers) if c])
    head += f' class="{_attr(names)}"'
    if source is not None:
        head += f' data-source="{_attr(source)}"'
    if target is not None:
        head += f' data-target="{_attr(target)}"'
    if parents is not None:
        head += f' data-parents="{_attr(" ".join(parents))}"'
    if child is not None:
        head += f' data-child="{_attr(child)}"'
    return f"{head}><title>{_escape(tooltip)}</title>{content}</g>"


def _group_values(id: str | None, classes: Sequence[str], data: Mapping[str, str] | None,
                  attrs: Mapping[str, object]) -> dict[str, str]:
    values: dict[str, object] = {}
    if id is not None:
        values["id"] = id
    if classes:
        values["class"] = " ".join(c for c in classes if c)
    if data:
        for key, val in data.items():
            values[f"data-{key}"] = val
    for key, extra in attrs.items():
        values[_key(key)] = extra
    return {key: _value(val) for key, val in values.items() if val is not None}


def _node_data(node_id: str, bbox: BBox, data: Mapping[str, str] | None) -> dict[str, str]:
    values = {"id": node_id, "bbox": " ".join([_num(v) for v in bbox])}
    if data:
        values.update(data)
    return values


def _edge_data(source: str | None, target: str | None, parents: Sequence[str] | None,
               child: str | None, data: Mapping[str, str] | None) -> dict[str, str]:
    values: dict[str, str] = {}
    if source is not None:
        values["source"] = source
    if target is not None:
        values["target"] = target
    if parents is not None:
        values["parents"] = " ".join(parents)
    if child is not None:
        values["child"] = child
    if data:
        values.update(data)
    return values


class Element:
    """One SVG/XML element: a tag, ordered attributes, optional text and children."""

    __slots__ = ("attrs", "children", "tag", "text")

    def __init__(self, tag: str, attrs: Mapping[str, object] | None = None,
                 text: str | None = None) -> None:
        self.tag = tag
        self.attrs: dict[str, str] = {}
        if attrs:
            for key, val in attrs.items():
                if val is not None:
                    self.attrs[key] = _value(val)
        self.text = text
        self.children: list[Element] = []

    def add(self, child: Element) -> Element:
        """Append ``child`` and return it."""
        self.children.append(child)
        return child

    def sub(self, tag: str, text: str | None = None, /, **attrs: object) -> Element:
        """Append a new child; ``stroke_width=`` becomes ``stroke-width``. Returns the child."""
        child = Element(tag, None, text)
        child.attrs = _keyword_attrs(attrs)
        self.children.append(child)
        return child

    def add_markup(self, text: str) -> None:
        """Append already built, already escaped markup (from :func:`markup` and friends);
        it is written as is."""
        if text:
            self.children.append(_Markup(text))

    def write(self, out: list[str]) -> None:
        """Serialise into ``out`` (a list of string pieces)."""
        head = "<" + self.tag + _attr_text(self.attrs) if self.attrs else "<" + self.tag
        if not self.children and self.text is None:
            out.append(head + "/>")
            return
        out.append(head + ">")
        if self.text is not None:
            out.append(_escape(self.text))
        for child in self.children:
            child.write(out)
        out.append(f"</{self.tag}>")


class _Markup(Element):
    """Markup built elsewhere, written verbatim."""

    __slots__ = ()

    def __init__(self, text: str) -> None:
        super().__init__("", None, text)

    def write(self, out: list[str]) -> None:
        out.append(self.text or "")


def _attrs(attrs: Mapping[str, object]) -> dict[str, object]:
    return {_key(key): val for key, val in attrs.items()}


def points_attr(points: Iterable[Point]) -> str:
    """Points as an SVG ``points`` attribute: ``"x1,y1 x2,y2 ..."`` with fixed formatting."""
    num = _num
    return " ".join([f"{num(x)},{num(y)}" for x, y in points])


class SvgDoc:
    """An SVG document under construction.

    Args:
        width: drawing width in user units (also the ``width`` attribute, in px).
        height: drawing height.
        title: the root ``<title>`` (usually the case title).
        kind: a class on the root, e.g. ``genogram``; also ``data-kind``.
        lang: ``xml:lang`` of the text.
        x, y: the viewBox origin.

    The root gets a white background rectangle and a small stylesheet that sets the font
    (the one whose metrics :func:`~systeemkaart.text.measure.text_width` uses).
    """

    def __init__(self, width: float, height: float, *, title: str, kind: str = "drawing",
                 lang: str = "nl", x: float = 0.0, y: float = 0.0) -> None:
        self.width = width
        self.height = height
        self.root = Element("svg", {
            "xmlns": "http://www.w3.org/2000/svg",
            "version": "1.1",
            "width": math.ceil(width),
            "height": math.ceil(height),
            "viewBox": f"{fmt(x)} {fmt(y)} {fmt(math.ceil(width))} {fmt(math.ceil(height))}",
            "class": kind,
            "data-kind": kind,
            "xml:lang": lang,
            "font-family": FONT_FAMILY,
        })
        self.root.sub("title", title)
        self.root.sub("style", f"text{{font-family:{FONT_FAMILY};fill:{INK}}}")
        self.root.sub("rect", x=x, y=y, width=math.ceil(width), height=math.ceil(height),
                      fill=PAPER, class_="background")

    # --- groups ------------------------------------------------------------------------

    def group(self, parent: Element | None = None, *, id: str | None = None,
              classes: Sequence[str] = (), data: Mapping[str, str] | None = None,
              tooltip: str | None = None, **attrs: object) -> Element:
        """A ``<g>`` with an optional id, classes, ``data-*`` attributes and a tooltip."""
        g = Element("g")
        g.attrs = _group_values(id, classes, data, attrs)
        (parent or self.root).children.append(g)
        if tooltip is not None:
            g.sub("title", tooltip)
        return g

    def node(self, node_id: str, node_type: str, bbox: BBox, *, modifiers: Sequence[str] = (),
             tooltip: str, parent: Element | None = None,
             data: Mapping[str, str] | None = None) -> Element:
        """The group of one drawn person/agent/context: ``id="n-<id>"``, ``data-bbox``.

        ``bbox`` must cover the symbol *and* its label: tools and tests check that no two
        node boxes overlap.
        """
        return self.group(parent, id=f"n-{node_id}", classes=["node", node_type, *modifiers],
                          data=_node_data(node_id, bbox, data), tooltip=tooltip)

    def edge(self, kind: str, *, tooltip: str, modifiers: Sequence[str] = (),
             source: str | None = None, target: str | None = None,
             parents: Sequence[str] | None = None, child: str | None = None,
             id: str | None = None, parent: Element | None = None,
             data: Mapping[str, str] | None = None) -> Element:
        """The group of one drawn link: ``class="edge <kind> <modifiers>"``.

        Give ``source``/``target`` for a link between two ids, or ``parents``/``child`` for
        a family line (``data-parents="a b"``).
        """
        return self.group(parent, id=id, classes=["edge", kind, *modifiers],
                          data=_edge_data(source, target, parents, child, data),
                          tooltip=tooltip)

    # --- shapes ------------------------------------------------------------------------

    def line(self, parent: Element, x1: float, y1: float, x2: float, y2: float,
             **attrs: object) -> Element:
        """A ``<line>``."""
        return parent.sub("line", x1=x1, y1=y1, x2=x2, y2=y2, **attrs)

    def polyline(self, parent: Element, points: Sequence[Point], **attrs: object) -> Element:
        """An unfilled ``<polyline>`` (``fill="none"`` unless given)."""
        attrs.setdefault("fill", "none")
        return parent.sub("polyline", points=points_attr(points), **attrs)

    def polygon(self, parent: Element, points: Sequence[Point], **attrs: object) -> Element:
        """A closed ``<polygon>``."""
        return parent.sub("polygon", points=points_attr(points), **attrs)

    def path(self, parent: Element, d: str, **attrs: object) -> Element:
        """A ``<path>`` with path data ``d`` (format its numbers with ``fmt``)."""
        return parent.sub("path", d=d, **attrs)

    def rect(self, parent: Element, x: float, y: float, w: float, h: float,
             **attrs: object) -> Element:
        """A ``<rect>``."""
        return parent.sub("rect", x=x, y=y, width=w, height=h, **attrs)

    def circle(self, parent: Element, cx: float, cy: float, r: float,
               **attrs: object) -> Element:
        """A ``<circle>``."""
        return parent.sub("circle", cx=cx, cy=cy, r=r, **attrs)

    def text(self, parent: Element, x: float, y: float, content: str, *, size: float,
             anchor: str = "middle", bold: bool = False, **attrs: object) -> Element:
        """A ``<text>`` at baseline ``y``; its width is ``text_width(content, size)``."""
        return parent.sub("text", content, x=x, y=y, font_size=size,
                          text_anchor=anchor if anchor != "start" else None,
                          font_weight="bold" if bold else None, **attrs)

    def to_string(self) -> str:
        """The whole document as text (an XML declaration, then the ``<svg>``)."""
        out = ['<?xml version="1.0" encoding="UTF-8"?>\n']
        self.root.write(out)
        out.append("\n")
        return "".join(out)
