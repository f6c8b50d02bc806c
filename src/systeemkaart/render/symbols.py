"""Genogram person symbols (McGoldrick / NSGC) and their legend samples.

Square male, circle female, diamond other, question mark unknown; a triangle for a
pregnancy, a small filled circle for a miscarriage, a small cross for an abortion, a small
symbol with a cross for a stillbirth. Markers on top: a red cross for the
deceased (reaching past the corners, so the age is never written under it), a coloured
double outline for the index person, brackets for an adopted or foster child, the age
inside the symbol for the living.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Final

from ..layout import Box
from ..layout.genogram_places import SMALL
from ..text.measure import fmt
from .legend import SampleFn
from .styles import DECEASED, FILLS, INDEX, INK, PAPER
from .svgmarkup import Element, SvgDoc, _num, points_attr, text_markup

__all__ = ["SymbolSpec", "brackets_sample", "paint_symbol", "symbol_markup", "symbol_sample",
           "symbol_writer"]

_STROKE: Final = 1.6


@dataclass(frozen=True)
class SymbolSpec:
    """What to draw for one person."""

    sex: str = "unknown"
    deceased: bool = False
    index: bool = False
    pregnancy: bool = False
    miscarriage: bool = False
    adopted: bool = False
    age: int | None = None
    abortion: bool = False
    stillbirth: bool = False

    @property
    def small(self) -> bool:
        """Drawn small and without an age: not (yet) a living child."""
        return self.pregnancy or self.miscarriage or self.abortion or self.stillbirth


def _shape(box: Box, spec: SymbolSpec, *, stroke: str = INK, fill: str | None = None,
           grow: float = 0.0, width: float = _STROKE) -> str:
    """The outline shape of ``spec`` in ``box`` (enlarged by ``grow``: the index outline)."""
    b = box.grow(grow) if grow else box
    colour = fill if fill is not None else FILLS.get(spec.sex, FILLS["unknown"])
    paint = f'fill="{colour}" stroke="{stroke}" stroke-width="{_num(width)}"'
    x, y, w, h = b.x, b.y, b.w, b.h
    if spec.miscarriage:
        r = w * SMALL["miscarriage"] / 2 + grow
        dot = stroke if fill is None else fill
        return (f'<circle cx="{_num(x + w / 2)}" cy="{_num(y + h / 2)}" r="{_num(r)}" '
                f'fill="{dot}" stroke="{stroke}" stroke-width="{_num(width)}"/>')
    sex = spec.sex
    if spec.pregnancy:
        cx, cy, t = x + w / 2, y + h / 2, h * 0.8
        points = points_attr([(cx, cy - t / 2), (cx + t * 0.58, cy + t / 2),
                              (cx - t * 0.58, cy + t / 2)])
        return f'<polygon points="{points}" {paint}/>'
    if sex == "male":
        return (f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" '
                f'height="{_num(h)}" {paint}/>')
    if sex == "female":
        return (f'<circle cx="{_num(x + w / 2)}" cy="{_num(y + h / 2)}" r="{_num(w / 2)}" '
                f'{paint}/>')
    if sex == "other":
        cx, cy = x + w / 2, y + h / 2
        points = points_attr([(cx, y), (x + w, cy), (cx, y + h), (x, cy)])
        return f'<polygon points="{points}" {paint}/>'
    dash = ' stroke-dasharray="3 2"' if grow == 0 else ""
    return (f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" height="{_num(h)}" '
            f'rx="{_num(w * 0.22)}" {paint}{dash}/>')


def _cross(box: Box, colour: str, width: float, d: float = 0.0, cls: str = "") -> str:
    """A diagonal cross over ``box``, reaching ``d`` past its corners."""
    klass = f' class="{cls}"' if cls else ""
    return (f'<path d="M{fmt(box.x - d)} {fmt(box.y - d)} L{fmt(box.right + d)} '
            f'{fmt(box.bottom + d)} M{fmt(box.right + d)} {fmt(box.y - d)} L{fmt(box.x - d)} '
            f'{fmt(box.bottom + d)}" fill="none" stroke="{colour}" stroke-width="{_num(width)}" '
            f'stroke-linecap="round"{klass}/>')


def _small_box(box: Box, kind: str) -> Box:
    """The square of a small symbol, centred in the symbol square ``box``."""
    side = box.w * SMALL[kind]
    return Box(box.cx - side / 2, box.cy - side / 2, side, side)


def symbol_markup(box: Box, spec: SymbolSpec) -> str:
    """One person's symbol with its markers as SVG text; ``box`` is the symbol square.

    The same as :func:`paint_symbol`, for painting thousands of people quickly.
    """
    if spec.abortion:
        return _cross(_small_box(box, "abortion"), INK, 2.0, cls="abortion-mark")
    if spec.stillbirth:
        little = _small_box(box, "stillbirth")
        return _shape(little, SymbolSpec(spec.sex)) + _cross(little, INK, 1.6, 2.0,
                                                             "stillbirth-mark")
    out = []
    if spec.index:
        out.append(_shape(box, spec, stroke=INDEX, fill=PAPER, grow=4.0, width=2.0))
    out.append(_shape(box, spec, stroke=INDEX if spec.index else INK,
                      width=2.0 if spec.index else _STROKE))
    if spec.adopted:
        out.append(_brackets(box.grow(5.0) if spec.index else box))
    small = spec.pregnancy or spec.miscarriage
    if spec.sex == "unknown" and not small:
        out.append(text_markup(box.cx, box.cy + box.w * 0.18, "?", size=round(box.w * 0.5, 1),
                               bold=True, fill=INK, class_="unknown-mark"))
    elif spec.age is not None and not spec.deceased and not small:  # as text_markup writes
        size = round(box.w * 0.32, 1)
        out.append(f'<text x="{_num(box.x + box.w / 2)}" '
                   f'y="{_num(box.y + box.h / 2 + size * 0.36)}" font-size="{_num(size)}" '
                   f'text-anchor="middle" font-weight="bold" class="age">{spec.age}</text>')
    if spec.deceased:
        d = 3.0 if not small else 1.0
        b = box if not small else box.grow(-box.w * 0.25)
        x0, y0, x1, y1 = _num(b.x - d), _num(b.y - d), _num(b.right + d), _num(b.bottom + d)
        out.append(f'<path d="M{x0} {y0} L{x1} {y1} M{x1} {y0} L{x0} {y1}" fill="none" '
                   f'stroke="{DECEASED}" stroke-width="2" stroke-linecap="round" '
                   'class="deceased-mark"/>')
    return "".join(out)


def symbol_writer(spec: SymbolSpec) -> Callable[[Box], str]:
    """:func:`symbol_markup` for ``spec``, as a function of the symbol square: the same
    text, its fixed parts written once. For the common symbols (a man or a woman, without
    index outline, brackets or small symbol) that saves most of the work per person when
    thousands are painted."""
    if spec.sex not in {"male", "female"} or spec.index or spec.adopted or spec.small:
        return partial(_markup_of, spec)
    num = _num
    paint = f' fill="{FILLS[spec.sex]}" stroke="{INK}" stroke-width="{num(_STROKE)}"/>'
    age = None if spec.deceased or spec.age is None else spec.age
    male = spec.sex == "male"
    deceased = f'" fill="none" stroke="{DECEASED}" stroke-width="2" stroke-linecap="round" ' \
        'class="deceased-mark"/>'

    def write(box: Box) -> str:
        x, y, w, h = box.x, box.y, box.w, box.h
        if male:
            out = f'<rect x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}"{paint}'
        else:
            out = (f'<circle cx="{num(x + w / 2)}" cy="{num(y + h / 2)}" r="{num(w / 2)}"'
                   f'{paint}')
        if age is not None:
            size = round(w * 0.32, 1)
            out += (f'<text x="{num(x + w / 2)}" y="{num(y + h / 2 + size * 0.36)}" '
                    f'font-size="{num(size)}" text-anchor="middle" font-weight="bold" '
                    f'class="age">{age}</text>')
        elif spec.deceased:
            x0, y0, x1, y1 = num(x - 3.0), num(y - 3.0), num(x + w + 3.0), num(y + h + 3.0)
            out += f'<path d="M{x0} {y0} L{x1} {y1} M{x1} {y0} L{x0} {y1}{deceased}'
        return out

    return write


def _markup_of(spec: SymbolSpec, box: Box) -> str:
    return symbol_markup(box, spec)


def paint_symbol(doc: SvgDoc, g: Element, box: Box, spec: SymbolSpec) -> None:
    """Paint one person's symbol with its markers into ``g``; ``box`` is the symbol square."""
    g.add_markup(symbol_markup(box, spec))


def _brackets(box: Box) -> str:
    """Square brackets either side of the symbol (adopted or foster child)."""
    x0, x1 = box.x - 5, box.right + 5
    y0, y1 = box.y - 3, box.bottom + 3
    return "".join(
        f'<polyline points="{points_attr([(x + d, y0), (x, y0), (x, y1), (x + d, y1)])}" '
        f'stroke="{INK}" stroke-width="1.3" class="adopted-mark" fill="none"/>'
        for x, d in ((x0, 3.0), (x1, -3.0)))


def symbol_sample(spec: SymbolSpec) -> SampleFn:
    """A legend sample painting ``spec`` at 20 units, centred in the sample box."""

    def paint(doc: SvgDoc, parent: Element, x: float, y: float, w: float, h: float) -> None:
        size = min(h - 2, 17.0)
        box = Box(x + w / 2 - size / 2, y + h / 2 - size / 2, size, size)
        paint_symbol(doc, parent, box, spec)

    return paint


def _mark_sample(draw: Callable[[SvgDoc, Element, Box], None]) -> SampleFn:
    def paint(doc: SvgDoc, parent: Element, x: float, y: float, w: float, h: float) -> None:
        size = min(h - 4, 14.0)
        draw(doc, parent, Box(x + w / 2 - size / 2, y + h / 2 - size / 2, size, size))

    return paint


def brackets_sample() -> SampleFn:
    """A legend sample of the adoption brackets around a neutral square."""

    def draw(doc: SvgDoc, g: Element, box: Box) -> None:
        doc.rect(g, box.x, box.y, box.w, box.h, fill=PAPER, stroke=INK, stroke_width=1.2)
        g.add_markup(_brackets(box))

    return _mark_sample(draw)

