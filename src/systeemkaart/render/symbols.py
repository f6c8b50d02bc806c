"""Genogram person symbols (McGoldrick / NSGC) and their legend samples.

Square male, circle female, diamond other, question mark unknown; a triangle for a
pregnancy, a small filled circle for a miscarriage. Markers on top: a red cross for the
deceased (reaching past the corners, so the age is never written under it), a coloured
double outline for the index person, brackets for an adopted or foster child, the age
inside the symbol for the living.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from ..layout import Box
from .styles import DECEASED, FILLS, INDEX, INK, PAPER
from .svgdoc import Element, SampleFn, SvgDoc
from .text import fmt

__all__ = ["SymbolSpec", "brackets_sample", "paint_symbol", "symbol_sample"]

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


def _shape(doc: SvgDoc, g: Element, box: Box, spec: SymbolSpec, *, stroke: str = INK,
           fill: str | None = None, grow: float = 0.0, width: float = _STROKE) -> None:
    """The outline shape of ``spec`` in ``box`` (enlarged by ``grow``: the index outline)."""
    b = box.grow(grow)
    colour = fill if fill is not None else FILLS.get(spec.sex, FILLS["unknown"])
    common: dict[str, object] = {"fill": colour, "stroke": stroke, "stroke_width": width}
    if spec.miscarriage:
        r = b.w * 0.2 + grow
        doc.circle(g, b.cx, b.cy, r, **{**common, "fill": stroke if fill is None else fill})
    elif spec.pregnancy:
        h = b.h * 0.8
        doc.polygon(g, [(b.cx, b.cy - h / 2), (b.cx + h * 0.58, b.cy + h / 2),
                        (b.cx - h * 0.58, b.cy + h / 2)], **common)
    elif spec.sex == "male":
        doc.rect(g, b.x, b.y, b.w, b.h, **common)
    elif spec.sex == "female":
        doc.circle(g, b.cx, b.cy, b.w / 2, **common)
    elif spec.sex == "other":
        doc.polygon(g, [(b.cx, b.y), (b.right, b.cy), (b.cx, b.bottom), (b.x, b.cy)], **common)
    else:
        doc.rect(g, b.x, b.y, b.w, b.h, rx=b.w * 0.22, **common,
                 stroke_dasharray="3 2" if grow == 0 else None)


def paint_symbol(doc: SvgDoc, g: Element, box: Box, spec: SymbolSpec) -> None:
    """Paint one person's symbol with its markers into ``g``; ``box`` is the symbol square."""
    if spec.index:
        _shape(doc, g, box, spec, stroke=INDEX, fill=PAPER, grow=4.0, width=2.0)
    _shape(doc, g, box, spec, stroke=INDEX if spec.index else INK,
           width=2.0 if spec.index else _STROKE)
    if spec.adopted:
        _brackets(doc, g, box)
    small = spec.pregnancy or spec.miscarriage
    if spec.sex == "unknown" and not small:
        doc.text(g, box.cx, box.cy + box.w * 0.18, "?", size=round(box.w * 0.5, 1), bold=True,
                 fill=INK, class_="unknown-mark")
    elif spec.age is not None and not spec.deceased and not small:
        size = round(box.w * 0.32, 1)
        doc.text(g, box.cx, box.cy + size * 0.36, str(spec.age), size=size, bold=True,
                 class_="age")
    if spec.deceased:
        d = 3.0 if not small else 1.0
        b = box if not small else box.grow(-box.w * 0.25)
        attrs: dict[str, object] = {"stroke": DECEASED, "stroke_width": 2.0,
                                    "stroke_linecap": "round", "class_": "deceased-mark"}
        doc.path(g, f"M{fmt(b.x - d)} {fmt(b.y - d)} L{fmt(b.right + d)} {fmt(b.bottom + d)} "
                    f"M{fmt(b.right + d)} {fmt(b.y - d)} L{fmt(b.x - d)} {fmt(b.bottom + d)}",
                 fill="none", **attrs)


def _brackets(doc: SvgDoc, g: Element, box: Box) -> None:
    """Square brackets either side of the symbol (adopted or foster child)."""
    x0, x1 = box.x - 5, box.right + 5
    y0, y1 = box.y - 3, box.bottom + 3
    for x, d in ((x0, 3.0), (x1, -3.0)):
        doc.polyline(g, [(x + d, y0), (x, y0), (x, y1), (x + d, y1)], stroke=INK,
                     stroke_width=1.3, class_="adopted-mark")


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
        _brackets(doc, g, box)

    return _mark_sample(draw)

