"""Shared SVG building blocks: the document, node and edge groups, styled lines, the legend.

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

import itertools
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from ..text.labels import label
from ..text.measure import FONT_FAMILY, LINE_HEIGHT, fmt, text_width
from .styles import INK, MUTED, PAPER, LineStyle

__all__ = [
    "LEGEND_FONT_SIZE",
    "Element",
    "Legend",
    "LegendEntry",
    "SvgDoc",
    "arrow_head",
    "edge_markup",
    "group_markup",
    "line_markup",
    "line_sample",
    "markup",
    "node_markup",
    "offset_polyline",
    "paint_line",
    "points_attr",
    "text_markup",
    "zigzag_points",
]

Point = tuple[float, float]
BBox = tuple[float, float, float, float]
"""A box as ``(x, y, width, height)`` in user units."""

LEGEND_FONT_SIZE: Final = 10.0
_MAX_WAVES: Final = 14
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
_ATTRS: dict[str, str] = {}


def _attr(text: str) -> str:
    """``_escape(text, attr=True)``, memoised: ids, classes and colours recur on every
    shape that carries them."""
    done = _ATTRS.get(text)
    if done is None:
        done = _escape(text, attr=True)
        if len(_ATTRS) >= _MEMO_MAX:
            _ATTRS.clear()
        _ATTRS[text] = done
    return done


_NUMS: dict[float, str] = {}


def _num(value: float) -> str:
    """``fmt(value)`` with a fast path for whole numbers (same text), memoised: a drawing
    repeats its coordinates (one y per row, one x per column of a symbol) many times."""
    text = _NUMS.get(value)
    if text is None:
        text = str(int(value)) if value == int(value) else fmt(value)
        if len(_NUMS) >= _MEMO_MAX:
            _NUMS.clear()
        _NUMS[value] = text
    return text


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


# --- styled lines ----------------------------------------------------------------------


def offset_polyline(points: Sequence[Point], d: float) -> list[Point]:
    """The polyline shifted sideways by ``d`` (left of the direction of travel when d > 0).

    Corners are mitred, so parallel lines stay parallel around orthogonal bends.
    """
    pts = _dedupe(points)
    if len(pts) < 2:
        return list(pts)
    normals: list[Point] = []
    for (x1, y1), (x2, y2) in itertools.pairwise(pts):
        length = math.hypot(x2 - x1, y2 - y1)
        normals.append(((y1 - y2) / length, (x2 - x1) / length))
    out = [(pts[0][0] + normals[0][0] * d, pts[0][1] + normals[0][1] * d)]
    for i in range(1, len(pts) - 1):
        n1, n2 = normals[i - 1], normals[i]
        mx, my = n1[0] + n2[0], n1[1] + n2[1]
        dot = 1 + n1[0] * n2[0] + n1[1] * n2[1]
        if dot < 1e-6:  # a full reversal: no sensible miter
            out.append((pts[i][0] + n2[0] * d, pts[i][1] + n2[1] * d))
            continue
        out.append((pts[i][0] + mx * d / dot, pts[i][1] + my * d / dot))
    out.append((pts[-1][0] + normals[-1][0] * d, pts[-1][1] + normals[-1][1] * d))
    return out


def _dedupe(points: Sequence[Point]) -> list[Point]:
    out: list[Point] = []
    for p in points:
        if not out or abs(out[-1][0] - p[0]) > 1e-9 or abs(out[-1][1] - p[1]) > 1e-9:
            out.append(p)
    return out


def zigzag_points(points: Sequence[Point], *, amplitude: float = 3.0,
                  wavelength: float = 8.0) -> list[Point]:
    """A triangle wave along the polyline; segments shorter than a wavelength stay straight.

    Each segment keeps a short straight piece at both ends, so corners and the ends at the
    symbols stay clean; on a long segment the wave covers the middle stretch only.
    """
    pts = _dedupe(points)
    if len(pts) < 2:
        return list(pts)
    out: list[Point] = [pts[0]]
    for (x1, y1), (x2, y2) in itertools.pairwise(pts):
        length = math.hypot(x2 - x1, y2 - y1)
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        nx, ny = -uy, ux
        waves = min(int((length - 4.0) // wavelength), _MAX_WAVES)
        if waves >= 1:
            lead = (length - waves * wavelength) / 2
            for k in range(waves * 2):
                t = lead + (k + 0.5) * wavelength / 2
                side = amplitude if k % 2 == 0 else -amplitude
                out.append((x1 + ux * t + nx * side, y1 + uy * t + ny * side))
        out.append((x2, y2))
    return out


def arrow_head(points: Sequence[Point], size: float = 7.0) -> list[Point]:
    """The three corners of an arrowhead at the end of the polyline, pointing along it."""
    pts = _dedupe(points)
    (x1, y1), (x2, y2) = pts[-2], pts[-1]
    length = math.hypot(x2 - x1, y2 - y1)
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    bx, by = x2 - ux * size, y2 - uy * size
    half = size * 0.45
    return [(x2, y2), (bx - uy * half, by + ux * half), (bx + uy * half, by - ux * half)]


def paint_line(doc: SvgDoc, parent: Element, points: Sequence[Point], style: LineStyle) -> None:
    """Paint ``points`` (a polyline) in ``style`` into ``parent``.

    Handles the patterns (parallel lines, zigzag, cut marks) and the arrowhead. With an
    arrow, the line stops at the arrowhead's base so the tip stays sharp.
    """
    parent.add_markup(line_markup(points, style))


_TAILS: dict[LineStyle, str] = {}


def _line_tail(style: LineStyle) -> str:
    """The attributes every polyline of ``style`` carries, closing the tag."""
    tail = _TAILS.get(style)
    if tail is None:
        tail = markup("polyline", stroke=style.colour, stroke_width=style.width,
                      stroke_dasharray=style.dash, stroke_linejoin="round",
                      stroke_linecap="butt", fill="none")[len("<polyline"):]
        _TAILS[style] = tail
    return tail


def line_markup(points: Sequence[Point], style: LineStyle) -> str:
    """What :func:`paint_line` paints, as text ("" for fewer than two distinct points)."""
    pts = _dedupe(points)
    if len(pts) < 2:
        return ""
    tail = _line_tail(style)
    body = pts
    if style.arrow:
        (x1, y1), (x2, y2) = pts[-2], pts[-1]
        length = math.hypot(x2 - x1, y2 - y1)
        cut = min(6.0, length * 0.8)
        body = [*pts[:-1], (x2 - (x2 - x1) / length * cut, y2 - (y2 - y1) / length * cut)]
    pattern = style.pattern
    out: list[str] = []
    if pattern == "plain":
        out.append(f'<polyline points="{points_attr(body)}"{tail}')
    elif pattern in {"double", "triple"}:
        gap = 2.6
        offsets = [-gap / 2, gap / 2] if pattern == "double" else [-gap, 0.0, gap]
        for off in offsets:
            out.append(f'<polyline points="{points_attr(offset_polyline(body, off))}"{tail}')
    elif pattern == "zigzag":
        out.append(f'<polyline points="{points_attr(zigzag_points(body))}"{tail}')
    elif pattern == "double_zigzag":
        for off in (-2.6, 2.6):
            out.append(f'<polyline points="{points_attr(offset_polyline(body, off))}"{tail}')
        out.append(f'<polyline points="{points_attr(zigzag_points(body, amplitude=4.0))}"{tail}')
    elif pattern == "cut":
        out.append(f'<polyline points="{points_attr(body)}"{tail}')
        out.append(_cut_marks(body, style))
    if style.arrow:
        out.append(markup("polygon", points=points_attr(arrow_head(pts)), fill=style.colour,
                          stroke="none"))
    return "".join(out)


def _cut_marks(pts: Sequence[Point], style: LineStyle) -> str:
    """Two short bars across the middle of the longest segment (a cut-off relation)."""
    best = max(range(len(pts) - 1),
               key=lambda i: math.hypot(pts[i + 1][0] - pts[i][0], pts[i + 1][1] - pts[i][1]))
    (x1, y1), (x2, y2) = pts[best], pts[best + 1]
    length = math.hypot(x2 - x1, y2 - y1)
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    out = []
    for shift in (-2.5, 2.5):
        cx, cy = mx + ux * shift, my + uy * shift
        out.append(markup("line", x1=cx - uy * 5, y1=cy + ux * 5, x2=cx + uy * 5,
                          y2=cy - ux * 5, stroke=style.colour, stroke_width=style.width))
    return "".join(out)


# --- legend ----------------------------------------------------------------------------

SampleFn = Callable[[SvgDoc, Element, float, float, float, float], None]
"""Paints a legend sample into the box ``(x, y, w, h)``."""

_SAMPLE_W: Final = 40.0
_ROW_H: Final = 20.0
_COL_GAP: Final = 24.0
_PAD: Final = 8.0


@dataclass(frozen=True)
class LegendEntry:
    """One legend row: a sample (symbol or line) and its label."""

    key: str
    text: str
    sample: SampleFn = field(compare=False)


@dataclass
class Legend:
    """The legend of one drawing: entries by group, in the order first added.

    Add exactly what the drawing uses (an entry added twice under the same key counts once).
    ``groups`` fixes the order of groups; groups not listed follow in order of first use.
    Group headings are looked up in :mod:`~systeemkaart.text.labels`.
    """

    lang: str = "nl"
    groups: tuple[str, ...] = ("symbols", "family_lines", "relationships", "markers")
    entries: dict[str, list[LegendEntry]] = field(default_factory=dict)

    def add(self, group: str, key: str, text: str, sample: SampleFn) -> None:
        """Add an entry unless one with this ``key`` is already in the legend."""
        for items in self.entries.values():
            if any(e.key == key for e in items):
                return
        self.entries.setdefault(group, []).append(LegendEntry(key, text, sample))

    def keys(self) -> list[str]:
        """Every entry key, group by group."""
        return [e.key for _, items in self._ordered() for e in items]

    def _ordered(self) -> list[tuple[str, list[LegendEntry]]]:
        names = [g for g in self.groups if g in self.entries]
        names += [g for g in self.entries if g not in names]
        return [(g, self.entries[g]) for g in names]

    def _columns(self, max_width: float) -> list[tuple[float, float, str, list[LegendEntry]]]:
        """Place each group as a column: (x, y, group, entries), wrapping at ``max_width``."""
        size = LEGEND_FONT_SIZE
        placed: list[tuple[float, float, str, list[LegendEntry]]] = []
        x = y = 0.0
        row_h = 0.0
        for group, items in self._ordered():
            heading = label(group, self.lang)
            width = max([text_width(heading, size, bold=True)]
                        + [_SAMPLE_W + 6 + text_width(e.text, size) for e in items])
            height = size * LINE_HEIGHT + 4 + len(items) * _ROW_H
            if x > 0 and x + width > max_width:
                x, y = 0.0, y + row_h + _PAD
                row_h = 0.0
            placed.append((x, y, group, items))
            x += width + _COL_GAP
            row_h = max(row_h, height)
        return placed

    def size(self, max_width: float) -> tuple[float, float]:
        """Width and height of the painted legend (0, 0 when empty), title included."""
        if not self.entries:
            return 0.0, 0.0
        size = LEGEND_FONT_SIZE
        width = height = 0.0
        for x, y, group, items in self._columns(max_width - 2 * _PAD):  # as paint() places them
            w = max([text_width(label(group, self.lang), size, bold=True)]
                    + [_SAMPLE_W + 6 + text_width(e.text, size) for e in items])
            width = max(width, x + w)
            height = max(height, y + size * LINE_HEIGHT + 4 + len(items) * _ROW_H)
        title_h = size * 1.2 * LINE_HEIGHT + 4
        return width + 2 * _PAD, height + title_h + 2 * _PAD

    def paint(self, doc: SvgDoc, x: float, y: float, max_width: float) -> Element:
        """Paint the legend with its top-left corner at ``(x, y)``; returns its group."""
        w, h = self.size(max_width)
        g = doc.group(classes=["legend"], data={"bbox": " ".join(fmt(v) for v in (x, y, w, h)),
                                                "entries": " ".join(self.keys())})
        if not self.entries:
            return g
        size = LEGEND_FONT_SIZE
        doc.rect(g, x, y, w, h, fill=PAPER, stroke="#d0d4da", stroke_width=0.8, rx=4)
        title_size = size * 1.2
        doc.text(g, x + _PAD, y + _PAD + title_size, label("legend", self.lang),
                 size=title_size, anchor="start", bold=True)
        top = y + _PAD + title_size * LINE_HEIGHT + 4
        for cx, cy, group, items in self._columns(max_width - 2 * _PAD):
            gx, gy = x + _PAD + cx, top + cy
            doc.text(g, gx, gy + size, label(group, self.lang), size=size, anchor="start",
                     bold=True, fill=MUTED)
            ry = gy + size * LINE_HEIGHT + 4
            for entry in items:
                row = doc.group(g, classes=["legend-entry"], data={"key": entry.key})
                entry.sample(doc, row, gx, ry + 1, _SAMPLE_W, _ROW_H - 2)
                doc.text(row, gx + _SAMPLE_W + 6, ry + _ROW_H / 2 + size * 0.35, entry.text,
                         size=size, anchor="start")
                ry += _ROW_H
        return g


def line_sample(style: LineStyle) -> SampleFn:
    """A legend sample that paints a short horizontal line in ``style``."""

    def paint(doc: SvgDoc, parent: Element, x: float, y: float, w: float, h: float) -> None:
        paint_line(doc, parent, [(x + 2, y + h / 2), (x + w - 2, y + h / 2)], style)

    return paint

