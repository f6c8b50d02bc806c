"""Timeline layout: one row per agent with its involvement periods, help piling up, events.

The x axis runs month by month over every dated involvement and event (whole years); each
agent that ever had an involvement gets a row, grouped by organisation, then contexts and
supporters. Periods of one agent that overlap in time go on separate lanes of its row.
Under the rows a step chart counts the professionals involved at the same time (the
stacking of help); above them, the events are marked with labels placed on levels so that
no two labels overlap. Cost: O(months x involvements + events²).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..activity import (
    MonthCount,
    helper_count_per_month,
    involvement_days,
    months,
    time_span,
)
from ..dates import PartialDate
from ..model import Case
from ..text.labels import label
from ..text.measure import text_width
from .ring_geometry import Box

__all__ = ["BarPlace", "EventPlace", "RowPlace", "TimelineLayout", "layout_timeline"]

FONT = 11.0
SMALL = 9.5
ROW_LANE = 16.0
ROW_PAD = 5.0
LABEL_PAD = 10.0
CHART_H = 110.0
EVENT_LEVEL = 15.0
MARGIN_TOP = 8.0


@dataclass(frozen=True, slots=True)
class BarPlace:
    """One involvement period: its index in ``case.involvements`` and its bar."""

    index: int
    box: Box
    open_start: bool
    open_end: bool
    stance: str
    regie: bool


@dataclass(frozen=True, slots=True)
class RowPlace:
    """One agent's row: label lines, the row box (label and bars) and its bars."""

    id: str
    type: str
    lines: tuple[str, ...]
    box: Box
    bars: tuple[BarPlace, ...]


@dataclass(frozen=True, slots=True)
class EventPlace:
    """An event: where it happened on the axis and the box of its label."""

    index: int
    x: float
    label: Box
    text: str


@dataclass(frozen=True, slots=True)
class TimelineLayout:
    """Coordinates of a whole timeline (origin top-left of the drawing area)."""

    at: PartialDate
    first: PartialDate
    last: PartialDate
    axis_x0: float
    axis_x1: float
    month_w: float
    rows: tuple[RowPlace, ...]
    rows_box: Box
    events: tuple[EventPlace, ...]
    chart: Box
    counts: tuple[MonthCount, ...]
    width: float
    height: float

    def x_of(self, when: PartialDate, *, end: bool = False) -> float:
        """The x of the start (or, with ``end``, the end) of the month ``when`` falls in."""
        d = when.latest if end else when.earliest
        k = (d.year - self.first.year) * 12 + d.month - self.first.earliest.month
        return self.axis_x0 + (k + (1 if end else 0)) * self.month_w


def _rows_order(case: Case) -> list[tuple[str, str, tuple[str, ...]]]:
    """Agents with any involvement: (id, type, label lines), by organisation then the rest."""
    involved = {inv.agent for inv in case.involvements}
    names = case.names()
    rows: list[tuple[str, str, tuple[str, ...]]] = []
    for org in case.organisations:
        if org.id in involved:
            rows.append((org.id, "organisation", (names[org.id],)))
        for pro in org.professionals:
            if pro.id in involved:
                rows.append((pro.id, "professional", (names[pro.id], names[org.id])))
    for c in case.contexts:
        if c.id in involved:
            rows.append((c.id, "context", (names[c.id],)))
    for s in case.network:
        if s.id in involved:
            rows.append((s.id, "supporter", (names[s.id],)))
    return rows


def _lanes(spans: list[tuple[float, float, int]]) -> dict[int, int]:
    """Greedy interval colouring: the lane of each span, so spans on a lane do not overlap."""
    ends: list[float] = []
    lane_of: dict[int, int] = {}
    for x0, x1, i in sorted(spans):
        for k, e in enumerate(ends):
            if e <= x0:
                ends[k] = x1
                lane_of[i] = k
                break
        else:
            ends.append(x1)
            lane_of[i] = len(ends) - 1
    return lane_of


def layout_timeline(case: Case, at: PartialDate | None = None, *,
                    lang: str = "nl", width: float = 980.0) -> TimelineLayout:
    """Lay out the timeline of ``case``; ``at`` (default: the case date) is marked on it."""
    when = at if at is not None else case.as_of()
    first, last = time_span(case, when)
    first = PartialDate(first.year, 1)
    last = PartialDate(last.year, 12)
    n_months = sum(1 for _ in months(first, last))
    order = _rows_order(case)
    label_w = max([text_width(t, FONT if k == 0 else SMALL) for _, _, lines in order
                   for k, t in enumerate(lines)] + [text_width(label("concurrent", lang), SMALL)])
    axis_x0 = min(label_w, 260.0) + 2 * LABEL_PAD
    month_w = max(3.0, min(28.0, (width - axis_x0) / n_months))
    axis_x1 = axis_x0 + month_w * n_months
    proto = TimelineLayout(when, first, last, axis_x0, axis_x1, month_w, (), Box(0, 0, 0, 0),
                           (), Box(0, 0, 0, 0), (), axis_x1, 0.0)
    at_x1 = proto.x_of(when, end=True)  # ongoing help is drawn up to the date shown
    # events: labels on levels above the rows
    levels: list[list[Box]] = []
    raw_events: list[tuple[int, float, str, float, int]] = []
    for i, ev in sorted(enumerate(case.events), key=lambda e: (e[1].date, e[0])):
        x = (proto.x_of(ev.date) + proto.x_of(ev.date, end=True)) / 2
        text = f"{ev.date} {ev.title}"
        w = text_width(text, SMALL) + 8
        x0 = min(max(x - 4, 0.0), axis_x1 + 200 - w)
        for k, boxes in enumerate(levels):
            if all(b.right + 6 <= x0 for b in boxes):
                boxes.append(Box(x0, 0, w, EVENT_LEVEL))
                raw_events.append((i, x, text, x0, k))
                break
        else:
            levels.append([Box(x0, 0, w, EVENT_LEVEL)])
            raw_events.append((i, x, text, x0, len(levels) - 1))
    events_h = len(levels) * EVENT_LEVEL + (6 if levels else 0)
    top = MARGIN_TOP + events_h + 18  # room for the year ticks
    events = tuple(
        EventPlace(i, x, Box(x0, MARGIN_TOP + k * EVENT_LEVEL, text_width(text, SMALL) + 8,
                             EVENT_LEVEL), text)
        for i, x, text, x0, k in raw_events)
    rows: list[RowPlace] = []
    y = top
    for agent, kind, lines in order:
        spans: list[tuple[float, float, int]] = []
        flags: dict[int, tuple[bool, bool]] = {}
        for i, inv in enumerate(case.involvements):
            if inv.agent != agent:
                continue
            x1 = proto.x_of(inv.end, end=True) if inv.end is not None else at_x1
            if inv.start is not None:
                x0 = proto.x_of(inv.start)
            else:  # unknown start: drawn from where the file first knows it, as counted
                known = date.fromordinal(involvement_days(inv, case.as_of())[0])
                x0 = min(proto.x_of(PartialDate(known.year, known.month)), x1 - 2.0)
            spans.append((x0, max(x1, x0 + 2.0), i))
            flags[i] = (inv.start is None, inv.end is None)
        lane_of = _lanes(spans)
        n_lanes = max(lane_of.values(), default=0) + 1
        row_h = max(n_lanes * ROW_LANE + 2 * ROW_PAD, len(lines) * FONT * 1.2 + 2 * ROW_PAD)
        bars = []
        for x0, x1, i in sorted(spans, key=lambda s: s[2]):
            inv = case.involvements[i]
            bar = Box(x0, y + ROW_PAD + lane_of[i] * ROW_LANE + 2, x1 - x0, ROW_LANE - 4)
            bars.append(BarPlace(i, bar, flags[i][0], flags[i][1], inv.stance, inv.regie))
        rows.append(RowPlace(agent, kind, lines, Box(0, y, axis_x1, row_h), tuple(bars)))
        y += row_h
    rows_box = Box(0, top, axis_x1, y - top)
    chart = Box(axis_x0, y + 26, axis_x1 - axis_x0, CHART_H)
    shown_last = min(last, PartialDate(when.latest.year, when.latest.month))
    counts = tuple(helper_count_per_month(case, first, shown_last))
    width_out = max(axis_x1, max((e.label.right for e in events), default=0.0))
    return TimelineLayout(when, first, last, axis_x0, axis_x1, month_w, tuple(rows), rows_box,
                          events, chart, counts, width_out, chart.bottom + 22)
