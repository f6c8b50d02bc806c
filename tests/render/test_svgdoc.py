"""svgdoc: the text helpers write exactly what the element tree writes for the same call.

The genogram paints thousands of people with :func:`markup`, :func:`text_markup`,
:func:`node_markup`, :func:`edge_markup`, :func:`line_markup` and
:func:`~systeemkaart.render.symbols.symbol_markup` instead of building an element per shape;
every other drawing uses :class:`SvgDoc`. Both ways must give the same bytes, whatever the
text (markup characters, characters XML forbids) and whatever the numbers.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from systeemkaart.layout import Box
from systeemkaart.render.styles import CHILD_STYLES, PARTNERSHIP_STYLES, RELATION_STYLES
from systeemkaart.render.svgdoc import (
    Element,
    SvgDoc,
    edge_markup,
    line_markup,
    markup,
    node_markup,
    paint_line,
    text_markup,
)
from systeemkaart.render.symbols import SymbolSpec, symbol_markup

TEXT = st.text(alphabet=st.sampled_from(list('ab &<>"\'\n\t\x01\ufffeé')), max_size=12)
NUMBER = st.one_of(
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False),
    st.integers(min_value=-10_000, max_value=10_000),
    st.sampled_from([0.0, -0.0, 0.005, 0.015, 2.345, 57495.6, 1e-7, 34.0]),
)
IDS = st.text(alphabet=st.sampled_from(list("ab-_&<\"")), min_size=1, max_size=6)


def _written(build: object) -> str:
    """What the children of a throwaway element write, without the element itself."""
    assert isinstance(build, Element)
    out: list[str] = []
    for child in build.children:
        child.write(out)
    return "".join(out)


@given(text=st.one_of(st.none(), TEXT), x=NUMBER, y=NUMBER, width=NUMBER, label=TEXT,
       flag=st.booleans())
def test_markup_is_what_sub_writes(text: str | None, x: float, y: float, width: float,
                                   label: str, flag: bool) -> None:
    parent = Element("g")
    parent.sub("rect", text, x=x, y=y, stroke_width=width, class_=label, fill=None,
               data_flag=flag)
    assert markup("rect", text, x=x, y=y, stroke_width=width, class_=label, fill=None,
                  data_flag=flag) == _written(parent)


@given(x=NUMBER, y=NUMBER, content=TEXT, size=NUMBER,
       anchor=st.sampled_from(["middle", "start", "end"]), bold=st.booleans(),
       fill=st.one_of(st.none(), TEXT), cls=st.one_of(st.none(), TEXT))
def test_text_markup_is_what_svgdoc_text_writes(x: float, y: float, content: str, size: float,
                                                anchor: str, bold: bool, fill: str | None,
                                                cls: str | None) -> None:
    doc = SvgDoc(10, 10, title="t")
    g = Element("g")
    doc.text(g, x, y, content, size=size, anchor=anchor, bold=bold, fill=fill, class_=cls)
    assert text_markup(x, y, content, size=size, anchor=anchor, bold=bold, fill=fill,
                       class_=cls) == _written(g)


@given(node_id=IDS, node_type=TEXT, modifiers=st.lists(TEXT, max_size=3), tooltip=TEXT,
       bbox=st.tuples(NUMBER, NUMBER, NUMBER, NUMBER),
       data=st.dictionaries(st.sampled_from(["row", "id", "bbox", "x"]), TEXT, max_size=2),
       content=st.booleans())
def test_node_markup_is_what_svgdoc_node_writes(node_id: str, node_type: str,
                                                modifiers: list[str], tooltip: str,
                                                bbox: tuple[float, float, float, float],
                                                data: dict[str, str], content: bool) -> None:
    doc = SvgDoc(10, 10, title="t")
    holder = Element("g")
    g = doc.node(node_id, node_type, bbox, modifiers=modifiers, tooltip=tooltip,
                 parent=holder, data=data)
    inner = markup("circle", r=1.5) if content else ""
    g.add_markup(inner)
    assert node_markup(node_id, node_type, bbox, inner, modifiers=modifiers, tooltip=tooltip,
                       data=data) == _written(holder)


@given(kind=TEXT, modifiers=st.lists(TEXT, max_size=3), tooltip=TEXT,
       ends=st.one_of(st.tuples(IDS, IDS), st.none()), parents=st.lists(IDS, max_size=2),
       child=st.one_of(st.none(), IDS), edge_id=st.one_of(st.none(), IDS),
       data=st.dictionaries(st.sampled_from(["key", "source"]), TEXT, max_size=1))
def test_edge_markup_is_what_svgdoc_edge_writes(kind: str, modifiers: list[str], tooltip: str,
                                                ends: tuple[str, str] | None,
                                                parents: list[str], child: str | None,
                                                edge_id: str | None,
                                                data: dict[str, str]) -> None:
    doc = SvgDoc(10, 10, title="t")
    holder = Element("g")
    source, target = ends if ends is not None else (None, None)
    family = parents or None
    g = doc.edge(kind, tooltip=tooltip, modifiers=modifiers, source=source, target=target,
                 parents=family, child=child, id=edge_id, parent=holder, data=data)
    g.add_markup(markup("line", x1=0))
    assert edge_markup(kind, markup("line", x1=0), tooltip=tooltip, modifiers=modifiers,
                       source=source, target=target, parents=family, child=child, id=edge_id,
                       data=data) == _written(holder)


STYLES = [*CHILD_STYLES.values(), *PARTNERSHIP_STYLES.values(), *RELATION_STYLES.values()]


@pytest.mark.parametrize("style", STYLES, ids=lambda s: f"{s.pattern}-{s.dash}-{s.arrow}")
def test_line_markup_is_what_paint_line_paints(style: object) -> None:
    doc = SvgDoc(10, 10, title="t")
    points = [(0.0, 0.0), (0.0, 0.0), (0.0, 40.5), (93.25, 40.5), (93.25, 80.0)]
    g = Element("g")
    paint_line(doc, g, points, style)  # type: ignore[arg-type]
    text = line_markup(points, style)  # type: ignore[arg-type]
    assert text == _written(g)
    assert text.startswith("<polyline") and "nan" not in text


def test_line_markup_of_a_single_point_is_empty() -> None:
    assert line_markup([(1.0, 2.0), (1.0, 2.0)], CHILD_STYLES["biological"]) == ""


def _old_symbol(box: Box, spec: SymbolSpec) -> str:
    """The symbol as the element tree painted it before symbols were written as text."""
    doc = SvgDoc(10, 10, title="t")
    g = Element("g")
    fill = {"male": "#dbe8f6", "female": "#fbe1ea", "other": "#ebe3f5"}.get(spec.sex,
                                                                             "#eeeeee")

    def shape(stroke: str, fill_: str, grow: float, width: float) -> None:
        b = box.grow(grow)
        common = {"fill": fill_, "stroke": stroke, "stroke_width": width}
        if spec.miscarriage:
            doc.circle(g, b.cx, b.cy, b.w * 0.2 + grow,
                       **{**common, "fill": stroke if grow == 0 else fill_})
        elif spec.pregnancy:
            h = b.h * 0.8
            doc.polygon(g, [(b.cx, b.cy - h / 2), (b.cx + h * 0.58, b.cy + h / 2),
                            (b.cx - h * 0.58, b.cy + h / 2)], **common)
        elif spec.sex == "male":
            doc.rect(g, b.x, b.y, b.w, b.h, **common)
        elif spec.sex == "female":
            doc.circle(g, b.cx, b.cy, b.w / 2, **common)
        elif spec.sex == "other":
            doc.polygon(g, [(b.cx, b.y), (b.right, b.cy), (b.cx, b.bottom), (b.x, b.cy)],
                        **common)
        else:
            doc.rect(g, b.x, b.y, b.w, b.h, rx=b.w * 0.22, **common,
                     stroke_dasharray="3 2" if grow == 0 else None)

    if spec.index:
        shape("#1f5fa8", "#ffffff", 4.0, 2.0)
    shape("#1f5fa8" if spec.index else "#222222", fill, 0.0, 2.0 if spec.index else 1.6)
    if spec.adopted:
        for x, d in ((box.x - 5, 3.0), (box.right + 5, -3.0)):
            doc.polyline(g, [(x + d, box.y - 3), (x, box.y - 3), (x, box.bottom + 3),
                             (x + d, box.bottom + 3)], stroke="#222222", stroke_width=1.3,
                         class_="adopted-mark")
    small = spec.pregnancy or spec.miscarriage
    if spec.sex == "unknown" and not small:
        doc.text(g, box.cx, box.cy + box.w * 0.18, "?", size=round(box.w * 0.5, 1), bold=True,
                 fill="#222222", class_="unknown-mark")
    elif spec.age is not None and not spec.deceased and not small:
        size = round(box.w * 0.32, 1)
        doc.text(g, box.cx, box.cy + size * 0.36, str(spec.age), size=size, bold=True,
                 class_="age")
    if spec.deceased:
        d = 3.0 if not small else 1.0
        b = box if not small else box.grow(-box.w * 0.25)
        corners = [b.x - d, b.y - d, b.right + d, b.bottom + d]
        x0, y0, x1, y1 = (f"{v:.2f}".rstrip("0").rstrip(".") for v in corners)
        x0, y0, x1, y1 = ("0" if v in {"-0", ""} else v for v in (x0, y0, x1, y1))
        doc.path(g, f"M{x0} {y0} L{x1} {y1} M{x1} {y0} L{x0} {y1}", fill="none",
                 stroke="#b3261e", stroke_width=2.0, stroke_linecap="round",
                 class_="deceased-mark")
    return _written(g)


@given(x=st.floats(min_value=-1e5, max_value=1e5, allow_nan=False),
       y=st.floats(min_value=0, max_value=1e4, allow_nan=False),
       size=st.sampled_from([34.0, 17.0, 14.0]),
       sex=st.sampled_from(["male", "female", "other", "unknown"]),
       flags=st.tuples(*[st.booleans()] * 5), age=st.one_of(st.none(), st.integers(0, 120)))
def test_symbol_markup_is_what_the_element_tree_painted(
        x: float, y: float, size: float, sex: str, flags: tuple[bool, ...],
        age: int | None) -> None:
    deceased, index, pregnancy, miscarriage, adopted = flags
    spec = SymbolSpec(sex, deceased, index, pregnancy, miscarriage, adopted, age)
    box = Box(x, y, size, size)
    assert symbol_markup(box, spec) == _old_symbol(box, spec)
