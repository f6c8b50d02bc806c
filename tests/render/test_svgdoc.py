"""svgdoc: the text helpers write exactly what the element tree writes for the same call.

The genogram paints thousands of people with :func:`markup`, :func:`text_markup`,
:func:`node_markup`, :func:`edge_markup`, :func:`line_markup` and
:func:`~systeemkaart.render.symbols.symbol_markup` instead of building an element per shape;
every other drawing uses :class:`SvgDoc`. Both ways must give the same bytes, whatever the
text (markup characters, characters XML forbids) and whatever the numbers.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

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
from systeemkaart.render.symbols import SymbolSpec, symbol_markup, symbol_writer

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


def _symbol_elements(box: Box, spec: SymbolSpec) -> list[ET.Element]:
    """The elements that :func:`symbol_markup` writes, parsed."""
    root = ET.fromstring(f'<g xmlns="http://www.w3.org/2000/svg">{symbol_markup(box, spec)}</g>')
    return list(root)


def _tag(el: ET.Element) -> str:
    return el.tag.rsplit("}", 1)[-1]


@given(x=st.floats(min_value=-1e5, max_value=1e5, allow_nan=False),
       y=st.floats(min_value=0, max_value=1e4, allow_nan=False),
       size=st.sampled_from([34.0, 17.0, 14.0]),
       sex=st.sampled_from(["male", "female", "other", "unknown"]),
       flags=st.tuples(*[st.booleans()] * 3), age=st.one_of(st.none(), st.integers(0, 120)))
def test_symbol_markup_shows_what_the_spec_says(
        x: float, y: float, size: float, sex: str, flags: tuple[bool, ...],
        age: int | None) -> None:
    """Shape by sex, a double outline for the index, an X for deceased, the age inside,
    brackets for adoption; everything within a few units of the symbol square."""
    deceased, index, adopted = flags
    spec = SymbolSpec(sex, deceased, index, False, False, adopted, age)
    box = Box(x, y, size, size)
    elements = _symbol_elements(box, spec)
    shapes = [e for e in elements if _tag(e) in {"rect", "circle", "polygon"}]
    expected_tag = {"male": "rect", "female": "circle", "other": "polygon", "unknown": "rect"}[sex]
    assert [_tag(e) for e in shapes] == [expected_tag] * (2 if index else 1)
    if sex == "unknown":
        assert all(e.get("rx") for e in shapes)
        assert shapes[-1].get("stroke-dasharray")
    classes = [e.get("class") for e in elements]
    assert classes.count("deceased-mark") == (1 if deceased else 0)
    assert classes.count("adopted-mark") == (2 if adopted else 0)
    ages = [e.text for e in elements if e.get("class") == "age"]
    shows_age = age is not None and not deceased and sex != "unknown"
    assert ages == ([str(age)] if shows_age else [])
    assert classes.count("unknown-mark") == (1 if sex == "unknown" else 0)
    if index:  # the outer outline is bigger than the inner one
        outer, inner = shapes
        if expected_tag == "circle":
            assert float(outer.get("r") or 0) > float(inner.get("r") or 0)
        elif expected_tag == "rect":
            assert float(outer.get("width") or 0) > float(inner.get("width") or 0)
    margin = box.grow(8.0)
    for e in elements:
        for name in ("x", "cx"):
            if e.get(name) is not None:
                assert margin.x <= float(e.get(name) or 0) <= margin.right
        for name in ("y", "cy"):
            if e.get(name) is not None:
                assert margin.y <= float(e.get(name) or 0) <= margin.bottom


@given(x=st.floats(min_value=-1e5, max_value=1e5, allow_nan=False),
       y=st.floats(min_value=0, max_value=1e4, allow_nan=False),
       size=st.sampled_from([34.0, 17.0, 14.0, 33.3]),
       sex=st.sampled_from(["male", "female", "other", "unknown"]),
       flags=st.tuples(*[st.booleans()] * 7), age=st.one_of(st.none(), st.integers(0, 120)))
def test_symbol_writer_writes_what_symbol_markup_writes(
        x: float, y: float, size: float, sex: str, flags: tuple[bool, ...],
        age: int | None) -> None:
    deceased, index, pregnancy, miscarriage, adopted, abortion, stillbirth = flags
    spec = SymbolSpec(sex, deceased, index, pregnancy, miscarriage, adopted, age, abortion,
                      stillbirth)
    box = Box(x, y, size, size)
    assert symbol_writer(spec)(box) == symbol_markup(box, spec)


@pytest.mark.parametrize(("pregnancy", "miscarriage", "tag"),
                         [(True, False, "polygon"), (False, True, "circle")])
def test_small_symbols_carry_no_age(pregnancy: bool, miscarriage: bool, tag: str) -> None:
    spec = SymbolSpec("female", False, False, pregnancy, miscarriage, False, 3)
    elements = _symbol_elements(Box(0, 0, 34, 34), spec)
    assert [_tag(e) for e in elements] == [tag]
