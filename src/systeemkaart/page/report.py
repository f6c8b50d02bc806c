"""The session page: one self-contained HTML file with everything a case session ends with.

Title and date, the genogram, the systemogram and the timeline (inline SVG, tooltips kept),
the events, the hypotheses with whom each is about, and the analysis in the words of
``systeemkaart analyse``. It prints on A4, each drawing on a page of its own and scaled to
fit. A pseudonymised page is built from the pseudonymised copy only (the export's rules), so
nothing of the original reaches it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from ..dates import PartialDate
from ..model import Case
from ..text.page_words import page_word
from .html import document, esc, figure, markdown_report

__all__ = ["KINDS", "ReportPage", "build_report", "report_html"]

KINDS: Final = ("genogram", "systemogram", "timeline")
"""The drawings on the page, in page order (those of :data:`systeemkaart.drawing.KINDS`)."""


def _draw(case: Case, kind: str, lang: str, at: PartialDate,
          since: PartialDate | None = None) -> str:
    """One drawing's SVG, straight from its render module (the page sits beside
    :mod:`systeemkaart.drawing`, not above it); ``since`` marks what changed as ``draw
    --since`` does."""
    from ..render.genogram import render_genogram
    from ..render.systemogram import render_systemogram
    from ..render.timeline import render_timeline

    render: Callable[..., str] = {"genogram": render_genogram,
                                  "systemogram": render_systemogram,
                                  "timeline": render_timeline}[kind]
    if since is not None:
        from ..render.changes import mark_since

        return mark_since(case, kind, render, lang=lang, at=at, since=since)
    return render(case, lang=lang, at=at)


@dataclass(frozen=True, slots=True)
class ReportPage:
    """A built session page: its title, language and body markup (without the HTML shell),
    so the live view can wrap the same body with its own banner and script."""

    title: str
    lang: str
    body: str

    def html(self, *, banner: str = "", head: str = "", csp: str | None = None) -> str:
        """The whole page; ``banner`` goes above the body, ``head`` into ``<head>``."""
        if csp is None:
            return document(self.title, self.lang, banner + self.body, head=head)
        return document(self.title, self.lang, banner + self.body, head=head, csp=csp)


def _has_part(case: Case, kind: str) -> bool:
    if kind == "genogram":
        return bool(case.people)
    if kind == "systemogram":
        return bool(case.involvements or case.network or case.contexts or case.organisations)
    return bool(case.involvements or case.events)


def _who(ids: list[str], names: dict[str, str], anchors: dict[str, str], lang: str) -> str:
    """Names joined, each a link to its symbol in a drawing where it is drawn."""
    parts = []
    for i in ids:
        name = esc(names.get(i, i))
        parts.append(f'<a href="#{esc(anchors[i])}">{name}</a>' if i in anchors else name)
    return ", ".join(parts) or esc(page_word("nobody_named", lang))


def _anchors(figures: dict[str, str]) -> dict[str, str]:
    """Each drawn id's element id in the first drawing (page order) that shows it."""
    out: dict[str, str] = {}
    for kind in KINDS:
        for found in re.finditer(rf'id="({kind}-n-([^"]+))"', figures.get(kind, "")):
            out.setdefault(html.unescape(found.group(2)), html.unescape(found.group(1)))
    return out


def _events(case: Case, names: dict[str, str], anchors: dict[str, str], lang: str) -> str:
    if not case.events:
        return f'<p class="note">{esc(page_word("no_events", lang))}</p>'
    order = sorted(range(len(case.events)), key=lambda i: (case.events[i].date, i))
    rows = []
    for i in order:
        ev = case.events[i]
        notes = f'<br><span class="note">{esc(ev.notes)}</span>' if ev.notes else ""
        rows.append(f'<tr id="event-{i + 1}"><td>{esc(ev.date)}</td><td>{esc(ev.title)}'
                    f"{notes}</td><td>{_who(ev.people, names, anchors, lang)}</td></tr>")
    head = "".join(f"<th>{esc(page_word(k, lang))}</th>" for k in ("date", "event", "who"))
    return f'<table class="events"><tr>{head}</tr>{"".join(rows)}</table>'


def _hypotheses(case: Case, names: dict[str, str], anchors: dict[str, str], lang: str) -> str:
    if not case.hypotheses:
        return f'<p class="note">{esc(page_word("no_hypotheses", lang))}</p>'
    items = []
    for i, h in enumerate(case.hypotheses):
        about = _who(h.about, names, anchors, lang)
        items.append(f'<li id="hypothesis-{i + 1}">{esc(h.text)} <span class="about">'
                     f"({esc(page_word('about', lang))}: {about})</span></li>")
    return f'<ol class="hypotheses">{"".join(items)}</ol>'


def build_report(case: Case, *, lang: str | None = None, at: PartialDate | None = None,
                 since: PartialDate | None = None, pseudonymise: bool = False,
                 seed: int | None = None) -> ReportPage:
    """Draw and analyse ``case`` and lay it out as a session page.

    ``lang`` overrides the case's language, ``at`` its date and ``since`` marks what changed
    since then in the drawings (as in ``draw``);
    ``pseudonymise`` builds the page from :func:`systeemkaart.io.pseudonymise.pseudonymise`'s
    copy (``seed`` makes its date shift reproducible).

    Raises:
        LayoutError: when a drawing cannot be laid out.
    """
    from ..analysis import analyse
    from ..analysis.report import to_markdown

    if pseudonymise:
        from ..io.pseudonymise import pseudonymise as pseudo

        # the date becomes the copy's as_of, shifted with every other date (``since`` by
        # the same number of years); the stand-in names come in the page's language
        when = at or case.as_of()
        update: dict[str, object] = {"as_of": when}
        if lang is not None:
            update["lang"] = lang
        case = pseudo(case.model_copy(update={"case": case.case.model_copy(update=update)}),
                      seed=seed)
        shifted = case.as_of()
        if since is not None:
            since = PartialDate(since.year + shifted.year - when.year)
        at = None
    lang = lang or case.case.lang
    when = at or case.as_of()
    names = case.names()
    title = case.case.title or case.case.id
    meta = [f"{page_word('as_of', lang)} {when}"]
    if since is not None:
        meta.append(f"{page_word('since', lang)} {since}")
    index = [names.get(i, i) for i in case.case.index]
    if index:
        meta.append(f"{page_word('index', lang)}: {', '.join(index)}")
    parts = [f"<header><h1>{esc(title)}</h1>",
             f'<p class="meta">{esc(" · ".join(meta))}</p>']
    if pseudonymise:
        parts.append(f'<p class="pseudo">{esc(page_word("pseudonymised", lang))}</p>')
    sections = [*KINDS, "events", "hypotheses", "analysis"]
    links = "".join(f'<li><a href="#{k}">{esc(page_word(k, lang))}</a></li>' for k in sections)
    parts.append(f"<nav><ul>{links}</ul></nav></header><main>")
    figures: dict[str, str] = {}
    for kind in KINDS:
        if _has_part(case, kind):
            svg = _draw(case, kind, lang, when, since)
            figures[kind] = figure(kind, page_word(kind, lang), svg, first=not figures)
            parts.append(figures[kind])
        else:
            parts.append(f'<section id="{kind}"><h2>{esc(page_word(kind, lang))}</h2>'
                         f'<p class="note">{esc(page_word("empty_drawing", lang))}</p></section>')
    anchors = _anchors(figures)
    parts.append('<section class="after-drawings" id="events">'
                 f'<h2>{esc(page_word("events", lang))}</h2>{_events(case, names, anchors, lang)}'
                 "</section>")
    parts.append(f'<section id="hypotheses"><h2>{esc(page_word("hypotheses", lang))}</h2>'
                 f"{_hypotheses(case, names, anchors, lang)}</section>")
    report = to_markdown(analyse(case, when, lang=lang), names)
    parts.append(f'<section id="analysis"><h2>{esc(page_word("analysis", lang))}</h2>'
                 f'<p class="note">{esc(page_word("findings_note", lang))}</p>'
                 f"{markdown_report(report)}</section></main>")
    parts.append(f"<footer>systeemkaart · {esc(case.case.id)} · "
                 f"{esc(page_word('as_of', lang))} {esc(when)}</footer>")
    return ReportPage(title=title, lang=lang, body="\n".join(parts))


def report_html(case: Case, *, lang: str | None = None, at: PartialDate | None = None,
                since: PartialDate | None = None, pseudonymise: bool = False,
                seed: int | None = None) -> str:
    """The session page of ``case`` as one self-contained HTML document (see
    :func:`build_report`)."""
    return build_report(case, lang=lang, at=at, since=since, pseudonymise=pseudonymise,
                        seed=seed).html()
