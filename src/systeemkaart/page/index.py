"""The demo's index page: every example's session page, with what each case holds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..text.page_words import page_word
from .html import document, esc

__all__ = ["IndexEntry", "index_html"]


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One example on the index: its page and files (relative links) and a few numbers."""

    page: str
    title: str
    as_of: str
    people: int
    professionals: int
    informal: int
    hypotheses: int
    files: tuple[tuple[str, str], ...] = ()
    """``(link, kind)`` of the drawings and notes beside the page."""


def index_html(entries: Sequence[IndexEntry], *, overview: str | None = None,
               lang: str = "nl") -> str:
    """A page linking every entry's session page (and ``overview``, when given)."""
    title = f"systeemkaart: {page_word('index_title', lang)}"
    items = []
    for e in entries:
        counts = " · ".join([
            f"{page_word('as_of', lang)} {e.as_of}",
            page_word("people_count", lang, n=e.people),
            page_word("helpers_count", lang, p=e.professionals, i=e.informal),
            f"{page_word('hypotheses', lang).lower()}: {e.hypotheses}",
        ])
        files = " · ".join(f'<a href="{esc(link)}">{esc(page_word(kind, lang))}</a>'
                           for link, kind in e.files)
        items.append(f'<li><a href="{esc(e.page)}"><strong>{esc(e.title)}</strong></a>'
                     f'<br><span class="note">{esc(counts)}</span>'
                     + (f'<br><span class="note">{files}</span>' if files else "") + "</li>")
    more = ""
    if overview:
        more = (f'<p><a href="{esc(overview)}">'
                f"{esc(page_word('overview', lang, n=len(entries)))}</a></p>")
    body = (f"<header><h1>{esc(title)}</h1><p class=\"meta\">"
            f"{esc(page_word('index_intro', lang))}</p></header><main>"
            f'<ul class="examples">{"".join(items)}</ul>{more}</main>')
    return document(title, lang, body)
