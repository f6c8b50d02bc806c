"""Timeline layout: one row per agent with its involvement periods, help piling up, events.

The x axis runs month by month, in whole years, over the help: every dated start and end of
an involvement up to the date shown (``at``), and ``at`` itself; only a case without dated
help spans its events instead. ``first``/``last`` set the axis by hand. The timeline shows
what was known at ``at``: help that starts later and events after it are left out, and
help that ends after it is drawn as ongoing up to it.

Each agent with an involvement on the axis gets a row, grouped by organisation, then
contexts and supporters. Periods of one agent that overlap go on separate lanes. A period
without any date is drawn as *undated* in a column left of the axis, never as if it began at
the axis start; one with only an end gets a short fading lead-in. An end known only to the
year fades over that year (*end unknown*), distinct from *ongoing* help (no end), which
runs up to ``at``. Under the rows a step chart counts the professionals involved at the same
time (the stacking of help); above them, the events are marked with labels placed on levels
so that no two labels overlap. Cost: O(months x involvements + events²).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..activity import MonthCount, helper_count_per_month, months
from ..dates import PartialDate
from ..model import Case, happened_by
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
LEAD_IN = 24.0
"""Width of the fading lead-in of a period whose start is unknown."""


@dataclass(frozen=True, slots=True)
class BarPlace:
    """One involvement period: its index in ``case.involvements`` and its bar."""

    index: int
    box: Box
    open_start: bool
    open_end: bool
    stance: str
    regie: bool
    undated: bool = False
    ongoing: bool = False
    end_fade_x: float | None = None
    """Where an end known only to the year begins to fade (``None``: a precise end)."""
    form: str | None = None


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
    undated_x: float | None = None
    """Left edge of the column of undated periods (``None`` when there are none)."""
    events_outside: int = 0
    """How many events up to ``at`` fall outside the axis (left out)."""

    def x_of(self, when: PartialDate, *, end: bool = False) -> float:
        """The x of the start (or, with ``end``, the end) of the month ``when`` falls in."""
        d = when.latest if end else when.earliest
        k = (d.year - self.first.year) * 12 + d.month - self.first.earliest.month
        return self.axis_x0 + (k + (1 if end else 0)) * self.month_w


def help_span(case: Case, at: PartialDate) -> tuple[PartialDate, PartialDate]:
    """The default axis: from the first dated start or end of help up to ``at`` (or the
    latest date of help before it); the events when no help is dated; a year before ``at``
    when nothing is."""
    dates = [d for inv in case.involvements for d in (inv.start, inv.end)
             if d is not None and happened_by(d, at)]
    if not dates:
        dates = [ev.date for ev in case.events if happened_by(ev.date, at)]
    if not dates:
        return PartialDate(max(at.year - 1, 1000)), at
    first = min(dates, key=lambda d: d.earliest)
    return first, max([at, *dates], key=lambda d: d.latest)


def _rows_order(case: Case, involved: set[str]) -> list[tuple[str, str, tuple[str, ...]]]:
    """Agents with an involvement shown: (id, type, label lines), by organisation then the
    rest."""
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
                    lang: str = "nl", width: float = 980.0, first: PartialDate | None = None,
                    last: PartialDate | None = None) -> TimelineLayout:
    """Lay out the timeline of ``case`` as known at ``at`` (default: the case date), which is
    marked on it; ``first``/``last`` set the axis (default: :func:`help_span`)."""
    when = at if at is not None else case.as_of()
    span0, span1 = help_span(case, when)
    first = PartialDate((first or span0).year, 1)
    last = PartialDate(max((last or span1).year, first.year), 12)
    n_months = sum(1 for _ in months(first, last))
    known = [(i, inv) for i, inv in enumerate(case.involvements) if happened_by(inv.start, when)]
    undated = any(inv.start is None and inv.end is None for _, inv in known)
    order = _rows_order(case, {inv.agent for _, inv in known})
    label_w = max([text_width(t, FONT if k == 0 else SMALL) for _, _, lines in order
                   for k, t in enumerate(lines)] + [text_width(label("concurrent", lang), SMALL)])
    undated_w = text_width(label("undated", lang), SMALL - 1) + 12 if undated else 0.0
    axis_x0 = min(label_w, 260.0) + 2 * LABEL_PAD + undated_w
    month_w = max(3.0, min(28.0, (width - axis_x0) / n_months))
    axis_x1 = axis_x0 + month_w * n_months
    proto = TimelineLayout(when, first, last, axis_x0, axis_x1, month_w, (), Box(0, 0, 0, 0),
                           (), Box(0, 0, 0, 0), (), axis_x1, 0.0)
    # ongoing help is drawn up to the date shown (or the axis end when that comes first)
    at_x1 = min(max(proto.x_of(when, end=True), axis_x0), axis_x1)
    # events known at ``when`` and on the axis: labels on levels above the rows
    levels: list[list[Box]] = []
    raw_events: list[tuple[int, float, str, float, int]] = []
    shown_events = [(i, ev) for i, ev in enumerate(case.events) if happened_by(ev.date, when)]
    on_axis = [(i, ev) for i, ev in shown_events
               if first.earliest <= ev.date.earliest and ev.date.latest <= last.latest]
    for i, ev in sorted(on_axis, key=lambda e: (e[1].date, e[0])):
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
    undated_x = axis_x0 - undated_w + 2 if undated else None
    for agent, kind, lines in order:
        spans: list[tuple[float, float, int]] = []
        flags: dict[int, tuple[bool, bool, bool, bool, float | None]] = {}
        for i, inv in known:
            if inv.agent != agent:
                continue
            if inv.start is None and inv.end is None:
                assert undated_x is not None
                spans.append((undated_x, axis_x0 - 8, i))
                flags[i] = (True, True, True, False, None)
                continue
            ends_later = inv.end is None or not happened_by(inv.end, when)
            x1 = at_x1 if ends_later else proto.x_of(inv.end, end=True)  # type: ignore[arg-type]
            x0 = proto.x_of(inv.start) if inv.start is not None else x1 - LEAD_IN
            if x1 < axis_x0 or x0 > axis_x1:
                continue  # wholly outside the axis
            x0, x1 = max(x0, axis_x0), min(x1, axis_x1)
            fade = None
            if not ends_later and inv.end is not None and inv.end.precision == "year":
                fade = max(proto.x_of(inv.end), x0)
            spans.append((x0, max(x1, x0 + 2.0), i))
            flags[i] = (inv.start is None, ends_later, False, ends_later, fade)
        if not spans:
            continue
        lane_of = _lanes(spans)
        n_lanes = max(lane_of.values(), default=0) + 1
        row_h = max(n_lanes * ROW_LANE + 2 * ROW_PAD, len(lines) * FONT * 1.2 + 2 * ROW_PAD)
        bars = []
        for x0, x1, i in sorted(spans, key=lambda s: s[2]):
            inv = case.involvements[i]
            bar = Box(x0, y + ROW_PAD + lane_of[i] * ROW_LANE + 2, x1 - x0, ROW_LANE - 4)
            o_start, o_end, is_undated, ongoing, fade = flags[i]
            bars.append(BarPlace(i, bar, o_start, o_end, inv.stance, inv.regie, is_undated,
                                 ongoing, fade, inv.form))
        rows.append(RowPlace(agent, kind, lines, Box(0, y, axis_x1, row_h), tuple(bars)))
        y += row_h
    rows_box = Box(0, top, axis_x1, y - top)
    chart = Box(axis_x0, y + 26, axis_x1 - axis_x0, CHART_H)
    shown_last = min(last, PartialDate(when.latest.year, when.latest.month))
    counts = tuple(helper_count_per_month(case, first, shown_last))
    width_out = max(axis_x1, max((e.label.right for e in events), default=0.0))
    return TimelineLayout(when, first, last, axis_x0, axis_x1, month_w, tuple(rows), rows_box,
                          events, chart, counts, width_out, chart.bottom + 22, undated_x,
                          len(shown_events) - len(on_axis))
