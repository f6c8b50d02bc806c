"""``draw --since DATE``: mark what is new since a date and fade what ended since.

For the genogram and the systemogram the case is drawn at ``at`` with what ended between
``since`` and ``at`` kept open (:func:`systeemkaart.model.case_with_ended`), and the same
drawing is made at ``since`` and at ``at`` alone. A person, agent, line or household that
the drawing at ``at`` has and the one at ``since`` had not is *new* (class ``new``, a yellow
box behind a node, a yellow glow on a line); one the drawing at ``since`` had and the one at
``at`` has not *ended* (class ``ended``, faded). A divorce since ``since`` marks its
partnership line new. The timeline shows all help anyway: its periods that started after
``since`` are new, those that ended after it ended. A small second legend names both marks.
Drawing three times costs three drawings; matching is O(elements).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from ..dates import PartialDate
from ..model import Case, case_with_ended, happened_by
from ..text.labels import label
from ..text.measure import fmt, text_width
from .styles import NEW_FILL, NEW_LINE

__all__ = ["mark_since"]

Render = Callable[..., str]

ENDED_OPACITY: Final = "0.35"
_GROUP: Final = re.compile(r'<g ([^>]*?)class="(node|edge|household|period)( [^"]*)?"([^>]*)>')
_ATTR: Final = re.compile(r'(data-[a-z]+)="([^"]*)"')
_STATUS: Final = frozenset({"separated", "divorced", "widowed"})
_GLOW: Final = (
    '<defs><filter id="new-glow" x="-20%" y="-20%" width="140%" height="140%">'
    f'<feDropShadow dx="0" dy="0" stdDeviation="2.2" flood-color="{NEW_LINE}" '
    'flood-opacity="0.95"/></filter></defs>')


def _key(kind: str, classes: list[str], attrs: dict[str, str]) -> tuple[str, ...]:
    """What identifies a drawn element across two drawings of one case."""
    if kind == "node":
        return ("node", attrs.get("data-id", ""))
    if kind == "household":
        return ("household", " ".join(sorted(attrs.get("data-members", "").split())))
    status = [c for c in classes if c in _STATUS]
    return ("edge", classes[0] if classes else "", attrs.get("data-source", ""),
            attrs.get("data-target", ""),
            " ".join(sorted(attrs.get("data-parents", "").split())),
            attrs.get("data-child", ""), *status)


def _keys(svg: str) -> set[tuple[str, ...]]:
    out = set()
    for m in _GROUP.finditer(svg):
        attrs = dict(_ATTR.findall(m.group(1) + m.group(4)))
        out.add(_key(m.group(2), (m.group(3) or "").split(), attrs))
    return out


def _mark(svg: str, decide: Callable[[str, list[str], dict[str, str]], str | None]
          ) -> tuple[str, set[str]]:
    """Add ``new``/``ended`` to the groups ``decide`` names; the marks used."""
    used: set[str] = set()
    out: list[str] = []
    pos = 0
    for m in _GROUP.finditer(svg):
        kind, classes = m.group(2), (m.group(3) or "").split()
        attrs = dict(_ATTR.findall(m.group(1) + m.group(4)))
        mark = decide(kind, classes, attrs)
        if mark is None:
            continue
        used.add(mark)
        extra = f' opacity="{ENDED_OPACITY}"' if mark == "ended" else ""
        if mark == "new" and kind in ("edge", "household", "period"):
            extra = ' filter="url(#new-glow)"'
        tag = (f'<g {m.group(1)}class="{kind}{m.group(3) or ""} {mark}"{m.group(4)}{extra}>')
        out.append(svg[pos:m.start()])
        out.append(tag)
        pos = m.end()
        if mark == "new" and kind == "node" and "data-bbox" in attrs:
            x, y, w, h = (float(v) for v in attrs["data-bbox"].split())
            out.append(f'<rect x="{fmt(x - 3)}" y="{fmt(y - 3)}" width="{fmt(w + 6)}" '
                       f'height="{fmt(h + 6)}" rx="5" fill="{NEW_FILL}" stroke="{NEW_LINE}" '
                       'stroke-width="1.2" class="change-mark"/>')
    out.append(svg[pos:])
    return "".join(out), used


def _legend(svg: str, used: set[str], since: PartialDate, lang: str) -> str:
    """Append a small legend of the marks used below the drawing (taller viewBox)."""
    entries = [m for m in ("new", "ended") if m in used]
    if not entries:
        return svg
    head = re.search(r'<svg [^>]*width="([\d.]+)" height="([\d.]+)" viewBox="([^"]*)"', svg)
    if head is None:
        return svg
    width, height = float(head.group(1)), float(head.group(2))
    vx, vy, vw, vh = (float(v) for v in head.group(3).split())
    extra = 30.0
    parts = [f'<g class="legend changes" data-entries="{" ".join(entries)}">']
    x, y = vx + 24.0, vy + vh + 4.0
    for mark in entries:
        text = label(f"{mark}_since", lang).format(date=since)
        if mark == "new":
            sample = (f'<rect x="{fmt(x)}" y="{fmt(y + 4)}" width="22" height="14" rx="4" '
                      f'fill="{NEW_FILL}" stroke="{NEW_LINE}" stroke-width="1.2"/>')
        else:
            sample = (f'<rect x="{fmt(x)}" y="{fmt(y + 4)}" width="22" height="14" rx="2" '
                      f'fill="#9aa3ad" opacity="{ENDED_OPACITY}"/>')
        parts.append(f'<g class="legend-entry" data-key="{mark}-since">{sample}'
                     f'<text x="{fmt(x + 30)}" y="{fmt(y + 15)}" font-size="10">{text}</text></g>')
        x += 30 + text_width(text, 10) + 24
    parts.append("</g>")
    start, end = head.span()
    new_head = head.group(0).replace(
        f'height="{head.group(2)}"', f'height="{fmt(height + extra)}"', 1).replace(
        f'viewBox="{head.group(3)}"', f'viewBox="{fmt(vx)} {fmt(vy)} {fmt(vw)} {fmt(vh + extra)}"')
    del width
    svg = svg[:start] + new_head + svg[end:]
    svg = re.sub(r'(<rect [^>]*height=")([\d.]+)("[^>]*class="background")',
                 lambda m: f"{m.group(1)}{fmt(float(m.group(2)) + extra)}{m.group(3)}", svg,
                 count=1)
    return svg.replace("</svg>", "".join(parts) + "</svg>")


_HEADER: Final = re.compile(r'<g class="(count-badge|no-regie|multi-regie)">.*?</g>')


def _true_header(svg: str, now: str) -> str:
    """The header lines (counts, regie) as they hold at ``at``, not of the drawing that
    keeps ended help open: the header of the plain drawing replaces the union's."""
    mine = {m.group(1): m.group(0) for m in _HEADER.finditer(now)}
    regie = mine.get("no-regie") or mine.get("multi-regie") or ""

    def swap(m: re.Match[str]) -> str:
        return mine.get("count-badge", "") if m.group(1) == "count-badge" else regie

    return _HEADER.sub(swap, svg)


def _glow(svg: str) -> str:
    """Define the glow of new lines once, right after the root's ``<title>``."""
    return re.sub(r"(</title>)", lambda m: m.group(1) + _GLOW, svg, count=1)


def mark_since(case: Case, kind: str, render: Render, *, lang: str, at: PartialDate,
               since: PartialDate) -> str:
    """The drawing of ``kind`` at ``at`` with what is new since ``since`` marked ``new`` and
    what ended since then faded and marked ``ended``."""
    if kind == "timeline":
        svg = render(case, lang=lang, at=at)

        def period(kind: str, classes: list[str], attrs: dict[str, str]) -> str | None:
            if kind != "period" or "data-involvement" not in attrs:
                return None
            inv = case.involvements[int(attrs["data-involvement"])]
            if inv.end is not None and happened_by(inv.end, at) \
                    and not happened_by(inv.end, since):
                return "ended"
            if inv.start is not None and not happened_by(inv.start, since):
                return "new"
            return None

        svg, used = _mark(svg, period)
    else:
        plain = render(case, lang=lang, at=at)
        now = _keys(plain)
        then = _keys(render(case, lang=lang, at=since))
        svg = _true_header(render(case_with_ended(case, since, at), lang=lang, at=at), plain)

        def element(kind: str, classes: list[str], attrs: dict[str, str]) -> str | None:
            key = _key(kind, classes, attrs)
            if key in now and key not in then:
                return "new"
            if key in then and key not in now:
                return "ended"
            return None

        svg, used = _mark(svg, element)
    if "new" in used:
        svg = _glow(svg)
    return _legend(svg, used, since, lang)
