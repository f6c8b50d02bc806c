"""The legend of a drawing: exactly the symbols, lines and markers it uses, in columns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from ..text.labels import label
from ..text.measure import LINE_HEIGHT, fmt, text_width
from .styles import MUTED, PAPER, LineStyle
from .svglines import paint_line
from .svgmarkup import LEGEND_FONT_SIZE, Element, SvgDoc

__all__ = ["Legend", "LegendEntry", "SampleFn", "line_sample"]


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
        for x, y, group, items in self._columns(max_width - 2 * _PAD):  # as paint() wraps
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
