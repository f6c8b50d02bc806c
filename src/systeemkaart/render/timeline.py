"""Paint the timeline: who was involved when, how help piled up, and what happened.

One row per agent with its involvement periods (colour by stance, a gold edge for regie, a
hatch for the form of help, an arrow for ongoing help, a fading lead-in where the start is
unknown, a fading year where the end is known only to the year, a dashed chip in the
*undated* column for help without dates), a step chart of the professionals and
organisations involved at the same time with a tick at every whole number up to ten, the
case's events on top and a line at the date the drawing describes. Layout comes from
:mod:`systeemkaart.layout.timeline`.
"""

from __future__ import annotations

import math
from typing import Final

from ..dates import PartialDate
from ..layout.timeline import BarPlace, TimelineLayout, layout_timeline
from ..model import Case
from ..text.labels import label
from ..text.measure import LINE_HEIGHT, fmt, text_width
from .forms import FORM_ORDER, bar_sample, hatch
from .styles import (
    AT_LINE,
    GRID,
    INK,
    MUTED,
    ORG_LINE,
    PRO_FILL,
    PRO_LINE,
    REGIE_GOLD,
    STANCE_COLOURS,
    TITLE_FONT_SIZE,
)
from .svgdoc import Element, Legend, SvgDoc
from .systemogram import agent_tooltip

__all__ = ["render_timeline"]

MARGIN: Final = 24.0
FONT: Final = 11.0
SMALL: Final = 9.5


def _period(case: Case, bar: BarPlace, lang: str) -> str:
    inv = case.involvements[bar.index]
    names = case.names()
    start = str(inv.start) if inv.start is not None else "?"
    end = str(inv.end) if inv.end is not None else "…"
    bits = [label(inv.stance, lang).lower()]
    if inv.regie:
        bits.append(label("regie", lang).lower())
    if inv.intensity:
        bits.append(inv.intensity)
    who = ", ".join(names.get(t, t) for t in inv.targets)
    return f"{names.get(inv.agent, inv.agent)} → {who}: {start}–{end}, {', '.join(bits)}"


def _bar_sample(stance: str, regie: bool = False) -> object:
    def paint(doc: SvgDoc, g: Element, x: float, y: float, w: float, h: float) -> None:
        doc.rect(g, x + 2, y + h / 2 - 5, w - 4, 10, rx=2,
                 fill=STANCE_COLOURS.get(stance, INK), fill_opacity=0.75,
                 stroke=REGIE_GOLD if regie else "none", stroke_width=2.2 if regie else None)

    return paint


def _legend(lay: TimelineLayout, case: Case, lang: str) -> Legend:
    legend = Legend(lang=lang, groups=("lines", "forms", "markers"))
    bars = [b for r in lay.rows for b in r.bars]
    for stance in ("alongside", "over", "opposite"):
        if any(b.stance == stance for b in bars):
            legend.add("lines", f"stance-{stance}", label(stance, lang),
                       _bar_sample(stance))  # type: ignore[arg-type]
    if any(b.regie for b in bars):
        legend.add("markers", "regie", label("regie", lang),
                   _bar_sample("alongside", True))  # type: ignore[arg-type]
    for form in FORM_ORDER:
        if any(b.form == form for b in bars):
            legend.add("forms", f"form-{form}", label(f"form_{form}", lang),
                       bar_sample(form, STANCE_COLOURS["alongside"]))
    if any(b.ongoing for b in bars):
        legend.add("markers", "ongoing", label("ongoing", lang), _ongoing_sample)
    if any(b.end_fade_x is not None for b in bars):
        legend.add("markers", "end-unknown", label("end_unknown", lang), _end_unknown_sample)
    if any(b.open_start and not b.undated for b in bars):
        legend.add("markers", "start-unknown", label("start_unknown", lang), _open_sample)
    if any(b.undated for b in bars):
        legend.add("markers", "undated", label("undated", lang), _undated_sample)
    if any(c.professionals for c in lay.counts):
        legend.add("markers", "concurrent", label("concurrent", lang), _step_sample)
        legend.add("markers", "concurrent-organisations", label("organisations", lang).capitalize(),
                   _org_sample)
    if case.events:
        legend.add("markers", "event", label("events", lang), _event_sample)
    legend.add("markers", "as-of", f"{label('as_of', lang)} {lay.at}", _at_sample)
    return legend


def _open_sample(doc: SvgDoc, g: Element, x: float, y: float, w: float, h: float) -> None:
    colour = STANCE_COLOURS["alongside"]
    doc.rect(g, x + 2, y + h / 2 - 5, w - 4, 10, fill=colour, fill_opacity=0.75)
    doc.rect(g, x + 2, y + h / 2 - 5, (w - 4) / 2, 10, fill="#ffffff", fill_opacity=0.55)


def _end_unknown_sample(doc: SvgDoc, g: Element, x: float, y: float, w: float,
                        h: float) -> None:
    colour = STANCE_COLOURS["alongside"]
    doc.rect(g, x + 2, y + h / 2 - 5, w - 4, 10, fill=colour, fill_opacity=0.75)
    _fade_out(doc, g, x + w / 2, x + w - 2, y + h / 2 - 5, 10)


def _ongoing_sample(doc: SvgDoc, g: Element, x: float, y: float, w: float, h: float) -> None:
    colour = STANCE_COLOURS["alongside"]
    doc.rect(g, x + 2, y + h / 2 - 5, w - 9, 10, fill=colour, fill_opacity=0.75)
    r = x + w - 7
    doc.polygon(g, [(r, y + h / 2 - 6), (r + 5, y + h / 2), (r, y + h / 2 + 6)], fill=colour)


def _undated_sample(doc: SvgDoc, g: Element, x: float, y: float, w: float, h: float) -> None:
    doc.rect(g, x + 2, y + h / 2 - 5, w - 4, 10, rx=2, fill="none",
             stroke=STANCE_COLOURS["alongside"], stroke_width=1.4, stroke_dasharray="3 2")


def _fade_out(doc: SvgDoc, g: Element, x0: float, x1: float, y: float, h: float) -> None:
    """White steps of growing opacity from ``x0`` to ``x1``: the bar fades out."""
    steps = 4
    w = (x1 - x0) / steps
    for k in range(steps):
        doc.rect(g, x0 + k * w, y, w, h, fill="#ffffff", fill_opacity=0.2 + 0.18 * k,
                 stroke="none")


def _step_sample(doc: SvgDoc, g: Element, x: float, y: float, w: float, h: float) -> None:
    pts = [(x + 2, y + h - 2), (x + 14, y + h - 2), (x + 14, y + 6), (x + 28, y + 6),
           (x + 28, y + 2), (x + w - 2, y + 2)]
    doc.polyline(g, pts, stroke=PRO_LINE, stroke_width=1.6)


def _org_sample(doc: SvgDoc, g: Element, x: float, y: float, w: float, h: float) -> None:
    doc.line(g, x + 2, y + h / 2, x + w - 2, y + h / 2, stroke=ORG_LINE, stroke_width=1.6,
             stroke_dasharray="4 2")


def _event_sample(doc: SvgDoc, g: Element, x: float, y: float, w: float, h: float) -> None:
    cx, cy = x + w / 2, y + h / 2
    doc.polygon(g, [(cx, cy - 5), (cx + 5, cy), (cx, cy + 5), (cx - 5, cy)], fill=INK)


def _at_sample(doc: SvgDoc, g: Element, x: float, y: float, w: float, h: float) -> None:
    doc.line(g, x + w / 2, y, x + w / 2, y + h, stroke=AT_LINE, stroke_width=1.6,
             stroke_dasharray="4 3")


def render_timeline(case: Case, *, lang: str, at: PartialDate, first: PartialDate | None = None,
                    last: PartialDate | None = None) -> str:
    """The timeline of ``case`` as known at ``at``, marking ``at`` (labels in ``lang``);
    ``first``/``last`` set the axis (default: the help's span)."""
    lay = layout_timeline(case, at, lang=lang, first=first, last=last)
    title = case.case.title or case.case.id
    sub = f"{label('timeline', lang)} · {label('as_of', lang)} {lay.at}"
    if lay.events_outside:
        sub += f" · {label('events_outside', lang).format(n=lay.events_outside)}"
    head_h = TITLE_FONT_SIZE * LINE_HEIGHT + FONT * LINE_HEIGHT + 12
    legend = _legend(lay, case, lang)
    lw, lh = legend.size(max(lay.width, 400.0))
    width = max(lay.width, lw, text_width(title, TITLE_FONT_SIZE, bold=True)) + 2 * MARGIN
    dx, dy = MARGIN, MARGIN + head_h
    height = dy + lay.height + (14 + lh if lh else 0) + MARGIN
    doc = SvgDoc(width, height, title=title, kind="timeline", lang=lang)
    doc.root.attrs["data-at"] = str(lay.at)
    doc.text(doc.root, MARGIN, MARGIN + TITLE_FONT_SIZE, title, size=TITLE_FONT_SIZE,
             bold=True, anchor="start", class_="title")
    doc.text(doc.root, MARGIN, MARGIN + TITLE_FONT_SIZE * LINE_HEIGHT + FONT, sub, size=FONT,
             anchor="start", class_="subtitle")
    _grid(doc, lay, lang, dx, dy)
    _rows(doc, case, lay, lang, dx, dy)
    _events(doc, case, lay, dx, dy)
    _chart(doc, lay, lang, dx, dy)
    at_x = (lay.x_of(lay.at) + lay.x_of(lay.at, end=True)) / 2 + dx
    g = doc.group(classes=["as-of"], data={"date": str(lay.at)},
                  tooltip=f"{label('as_of', lang)} {lay.at}")
    doc.line(g, at_x, dy + lay.rows_box.y - 16, at_x, dy + lay.chart.bottom, stroke=AT_LINE,
             stroke_width=1.6, stroke_dasharray="4 3")
    if lh:
        legend.paint(doc, MARGIN, dy + lay.height + 14, max(lay.width, 400.0))
    return doc.to_string()


def _grid(doc: SvgDoc, lay: TimelineLayout, lang: str, dx: float, dy: float) -> None:
    g = doc.group(classes=["axis"])
    years = range(lay.first.year, lay.last.year + 1)
    step = max(1, round(len(years) * 34 / max(lay.axis_x1 - lay.axis_x0, 1)))
    top = dy + lay.rows_box.y - 4
    bottom = dy + lay.chart.bottom
    for year in years:
        x = lay.x_of(PartialDate(year)) + dx
        doc.line(g, x, top, x, bottom, stroke=GRID, stroke_width=1)
        if (year - lay.first.year) % step == 0:
            doc.text(g, x + 2, top - 3, str(year), size=SMALL, anchor="start", fill=MUTED)
    x_end = lay.axis_x1 + dx
    doc.line(g, x_end, top, x_end, bottom, stroke=GRID, stroke_width=1)
    if lay.undated_x is not None:
        doc.text(g, lay.undated_x + dx, top - 3, label("undated", lang), size=SMALL - 1,
                 anchor="start", fill=MUTED, class_="undated-column")


def _rows(doc: SvgDoc, case: Case, lay: TimelineLayout, lang: str, dx: float,
          dy: float) -> None:
    rows = doc.group(classes=["rows"])
    for k, row in enumerate(lay.rows):
        box = row.box.moved(dx, dy)
        g = doc.node(row.id, row.type, (box.x, box.y, box.w, box.h),
                     tooltip=agent_tooltip(case, row.id, lang), parent=rows)
        if k % 2 == 0:
            doc.rect(g, box.x, box.y, box.w, box.h, fill="#f7f8fa", stroke="none")
        y = box.y + 5
        for j, line in enumerate(row.lines):
            size = FONT if j == 0 else SMALL
            y += size * 1.2
            doc.text(g, box.x + 10, y - 2, line, size=size, anchor="start",
                     fill=MUTED if j else None)
        for bar in row.bars:
            _bar(doc, g, case, bar, lang, dx, dy)


def _bar(doc: SvgDoc, parent: Element, case: Case, bar: BarPlace, lang: str, dx: float,
         dy: float) -> None:
    inv = case.involvements[bar.index]
    classes = ["period", "involvement", f"stance-{bar.stance}"]
    if bar.regie:
        classes.append("regie")
    if bar.form:
        classes.append(f"form-{bar.form}")
    if bar.undated:
        classes.append("undated")
    elif bar.ongoing:
        classes.append("ongoing")
    if bar.open_start and not bar.undated:
        classes.append("start-unknown")
    if bar.end_fade_x is not None:
        classes.append("end-unknown")
    data = {"involvement": str(bar.index), "agent": inv.agent, "targets": " ".join(inv.targets),
            "start": str(inv.start) if inv.start is not None else "",
            "end": str(inv.end) if inv.end is not None else ""}
    g = doc.group(parent, classes=classes, data=data, tooltip=_period(case, bar, lang))
    b = bar.box.moved(dx, dy)
    colour = STANCE_COLOURS.get(bar.stance, INK)
    if bar.undated:
        doc.rect(g, b.x, b.y, b.w, b.h, rx=2, fill="none", stroke=colour, stroke_width=1.4,
                 stroke_dasharray="3 2")
        return
    doc.rect(g, b.x, b.y, b.w, b.h, rx=2, fill=colour, fill_opacity=0.75,
             stroke=REGIE_GOLD if bar.regie else "none",
             stroke_width=2.2 if bar.regie else None)
    hatch(doc, g, b, bar.form)
    if bar.open_start:
        doc.rect(g, b.x, b.y, min(18.0, b.w / 2), b.h, fill="#ffffff", fill_opacity=0.55,
                 stroke="none")
    if bar.end_fade_x is not None:
        _fade_out(doc, g, bar.end_fade_x + dx, b.right, b.y, b.h)
    if bar.ongoing:
        doc.polygon(g, [(b.right, b.y - 1), (b.right + 5, b.cy), (b.right, b.bottom + 1)],
                    fill=colour)
    names = case.names()
    text = ", ".join(names.get(t, t) for t in inv.targets)
    if text_width(text, SMALL - 1) + 8 < b.w:
        doc.text(g, b.x + 4, b.y + b.h - 3, text, size=SMALL - 1, anchor="start")


def _events(doc: SvgDoc, case: Case, lay: TimelineLayout, dx: float, dy: float) -> None:
    g = doc.group(classes=["events"])
    for ev in lay.events:
        record = case.events[ev.index]
        eg = doc.group(g, classes=["event"], data={"date": str(record.date),
                                                   "people": " ".join(record.people)},
                       tooltip=ev.text)
        x = ev.x + dx
        box = ev.label.moved(dx, dy)
        doc.line(eg, x, box.bottom - 2, x, dy + lay.chart.bottom, stroke=MUTED,
                 stroke_width=0.7, stroke_dasharray="2 3")
        doc.polygon(eg, [(x, box.bottom - 6), (x + 3.5, box.bottom - 2.5), (x, box.bottom + 1),
                         (x - 3.5, box.bottom - 2.5)], fill=INK)
        doc.text(eg, box.x + 8, box.bottom - 4, ev.text, size=SMALL, anchor="start",
                 stroke="#ffffff", stroke_width=3, paint_order="stroke")


def _chart(doc: SvgDoc, lay: TimelineLayout, lang: str, dx: float, dy: float) -> None:
    box = lay.chart.moved(dx, dy)
    g = doc.group(classes=["concurrent"],
                  data={"max": str(max((c.professionals for c in lay.counts), default=0))},
                  tooltip=label("concurrent", lang))
    top = max([c.professionals for c in lay.counts] + [1])
    scale = (box.h - 8) / top
    doc.text(g, box.x - 8, box.y - 6, label("concurrent", lang), size=SMALL, anchor="start",
             fill=MUTED)
    doc.line(g, box.x, box.bottom, box.right, box.bottom, stroke=MUTED, stroke_width=1)
    step = 1 if top <= 10 else max(1, math.ceil(top / 10))
    for tick in sorted({*range(0, top + 1, step), top}):
        y = box.bottom - tick * scale
        doc.text(g, box.x - 4, y + 3, str(tick), size=SMALL - 1, anchor="end", fill=MUTED)
        doc.line(g, box.x, y, box.right, y, stroke=GRID, stroke_width=0.8)
    for key, colour, fill in (("professionals", PRO_LINE, PRO_FILL),
                              ("organisations", ORG_LINE, None)):
        pts: list[tuple[float, float]] = [(box.x, box.bottom)]
        for c in lay.counts:
            value = getattr(c, key)
            x0 = lay.x_of(c.month) + dx
            x1 = lay.x_of(c.month, end=True) + dx
            y = box.bottom - value * scale
            pts += [(x0, y), (x1, y)]
        pts.append((pts[-1][0], box.bottom))
        series = doc.group(g, classes=["series", key])
        if fill:
            doc.polygon(series, pts, fill=fill, fill_opacity=0.6, stroke="none")
        doc.polyline(series, pts[1:-1], stroke=colour, stroke_width=1.6,
                     stroke_dasharray=None if fill else "4 2")
    peak = max(lay.counts, key=lambda c: (c.professionals, -c.month.year, -(c.month.month or 0)),
               default=None)
    if peak is not None and peak.professionals:
        x = lay.x_of(peak.month) + dx
        y = box.bottom - peak.professionals * scale
        text = f"{peak.professionals} {label('professionals', lang)}, " \
               f"{peak.organisations} {label('organisations', lang)} ({peak.month})"
        doc.text(g, min(x, box.right - text_width(text, SMALL)), y - 4, text, size=SMALL,
                 anchor="start", class_="peak", data_peak=fmt(peak.professionals))
