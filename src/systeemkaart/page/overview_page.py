"""The overview page across cases: kinds, organisations, professionals per case, flags, and
the partner picture, from a :class:`systeemkaart.page.overview.Tally`."""

from __future__ import annotations

from typing import Final

from ..text.labels import kind_label
from ..text.page_words import page_word
from .html import document, esc, figure
from .overview import FLAGS, SWT, Tally
from .partners import MAX_PARTNERS, partner_svg

__all__ = ["overview_html"]

AUDIT: Final = {"school": 12, "gp": 5, "several_youth_care": 13}
AUDIT_CASES: Final = 15
"""What the audit of 15 families counted by hand (seed 002), shown beside the counts."""

ORG_ROWS: Final = 60
"""Organisations listed by name; the rest are summed up in one line."""


def _pct(n: int, total: int) -> str:
    return f"{100 * n / total:.0f}%" if total else "-"


def _bar(n: int, most: int) -> str:
    width = 160 * n / most if most else 0
    return f'<span class="bar" style="width:{width:.0f}px"></span>'


def _audit(key: str) -> str:
    n = AUDIT.get(key)
    return f"{n} / {AUDIT_CASES} ({_pct(n, AUDIT_CASES)})" if n is not None else ""


def _kinds(t: Tally, lang: str) -> str:
    head = (f"<tr><th>{esc(page_word('kind', lang))}</th><th class=num>"
            f"{esc(page_word('cases', lang))}</th><th class=num>"
            f"{esc(page_word('share', lang))}</th><th></th><th class=num>"
            f"{esc(page_word('audit', lang))}</th></tr>")
    rows = [(k, kind_label(k, lang), n)
            for k, n in sorted(t.kinds.items(), key=lambda kv: (-kv[1], kv[0]))]
    rows += [(k, kind_label(k, lang), 0) for k in ("school", "gp") if k not in t.kinds]
    rows.append(("several_youth_care", page_word("several_youth_care", lang),
                 t.several_youth_care))
    body = "".join(f'<tr data-kind="{esc(k)}"><td>{esc(name)}</td>'
                   f"<td class=num>{n}</td><td class=num>{_pct(n, t.cases)}</td>"
                   f"<td>{_bar(n, t.cases)}</td><td class=num>{_audit(k)}</td></tr>"
                   for k, name, n in rows)
    return f'<table class="kinds">{head}{body}</table>'


def _orgs(t: Tally, lang: str) -> str:
    head = (f"<tr><th>{esc(page_word('organisation', lang))}</th><th>"
            f"{esc(page_word('kind', lang))}</th><th class=num>{esc(page_word('cases', lang))}"
            f"</th><th class=num>{esc(page_word('with_swt', lang))}</th></tr>")
    rows = sorted(t.units.items(), key=lambda kv: (-kv[1].cases, kv[0]))
    body = "".join(f"<tr><td>{esc(name)}</td><td>{esc(kind_label(kind, lang))}</td>"
                   f"<td class=num>{u.cases}</td><td class=num>"
                   f"{u.with_swt if kind != SWT else '-'}</td></tr>"
                   for (name, kind), u in rows[:ORG_ROWS])
    rest = rows[ORG_ROWS:]
    more = ""
    if rest:
        words = page_word("more_orgs", lang, n=len(rest), k=rest[0][1].cases)
        more = f'<p class="note">{esc(words)}</p>'

    return f'<table class="orgs">{head}{body}</table>{more}'


def _professionals(t: Tally, lang: str) -> str:
    if not t.cases:
        return ""
    median, mean = t.professionals_median_mean()
    most = max(t.professionals.values())
    top = max(t.professionals)
    head = (f"<tr><th class=num>{esc(page_word('prof_axis', lang))}</th><th class=num>"
            f"{esc(page_word('cases', lang))}</th><th class=num>"
            f"{esc(page_word('share', lang))}</th><th></th></tr>")
    body = "".join(f'<tr data-professionals="{n}"><td class=num>{n}</td><td class=num>'
                   f"{t.professionals.get(n, 0)}</td><td class=num>"
                   f"{_pct(t.professionals.get(n, 0), t.cases)}</td><td>"
                   f"{_bar(t.professionals.get(n, 0), most)}</td></tr>" for n in range(top + 1))
    m = f"{median:g}"
    return (f'<p>{esc(page_word("median", lang, m=m, a=f"{mean:.1f}"))}</p>'
            f'<table class="professionals">{head}{body}</table>')


def _flags(t: Tally, lang: str) -> str:
    head = (f"<tr><th></th><th class=num>{esc(page_word('cases', lang))}</th><th class=num>"
            f"{esc(page_word('share', lang))}</th><th></th></tr>")
    body = "".join(f'<tr data-flag="{code}"><td>{esc(page_word("flag_" + code, lang))} '
                   f"<code>{code}</code></td><td class=num>{t.flags[code]}</td><td class=num>"
                   f"{_pct(t.flags[code], t.cases)}</td><td>{_bar(t.flags[code], t.cases)}"
                   f"</td></tr>" for code in FLAGS)
    return f'<table class="flags">{head}{body}</table>'


def overview_html(t: Tally, lang: str = "nl") -> str:
    """The overview page of the tallied cases, in ``lang``."""
    title = page_word("overview", lang, n=t.cases)
    parts = [f"<header><h1>{esc(title)}</h1>",
             f'<p class="meta">{esc(page_word("counts_note", lang))}</p>']
    if t.failed:
        parts.append(f'<p class="problems">{esc(page_word("failed", lang, n=t.failed))}</p>')
    sections = ("h_kinds", "h_professionals", "h_flags", "h_partners", "h_orgs")
    links = "".join(f'<li><a href="#{k[2:]}">{esc(page_word(k, lang))}</a></li>'
                    for k in sections)
    parts.append(f"<nav><ul>{links}</ul></nav></header><main>")
    parts.append(f'<section id="kinds"><h2>{esc(page_word("h_kinds", lang))}</h2>'
                 f"{_kinds(t, lang)}</section>")
    parts.append(f'<section id="professionals"><h2>{esc(page_word("h_professionals", lang))}'
                 f"</h2>{_professionals(t, lang)}</section>")
    parts.append(f'<section id="flags"><h2>{esc(page_word("h_flags", lang))}</h2>'
                 f"{_flags(t, lang)}</section>")
    partners = {key: (u.cases, u.with_swt) for key, u in t.units.items() if key[1] != SWT}
    svg = partner_svg(partners, t.with_swt, lang, page_word("h_partners", lang))
    note = page_word("partners_note", lang)
    if len(partners) > MAX_PARTNERS:
        note += " " + page_word("partners_shown", lang, shown=MAX_PARTNERS,
                                total=len(partners)) + "."
    parts.append(f'<section id="partners"><p class="note">{esc(note)}</p>'
                 f'{figure("partners", page_word("h_partners", lang), svg)}</section>')
    parts.append(f'<section id="orgs" class="after-drawings"><h2>'
                 f'{esc(page_word("h_orgs", lang))}</h2>{_orgs(t, lang)}</section></main>')
    parts.append("<footer>systeemkaart overview</footer>")
    return document(title, lang, "\n".join(parts))
