"""Genogram SVG, the people: each person's node group (symbol, name and dates, tooltip),
written straight as text for thousands of people, and what a node says that needs no
coordinates (:func:`people_said`: worked out while Graphviz lays out a large drawing)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final

from ..dates import PartialDate
from ..layout import Box
from ..layout.genogram import GenogramLayout, person_deceased
from ..model import Case, Person
from ..text.labels import label
from .styles import MUTED
from .svgdoc import SvgDoc
from .svgmarkup import _attr, _escape, _num
from .symbols import SymbolSpec, symbol_writer

__all__ = ["Said", "paint_people", "people_said", "shown_age"]

_MAX_AGE: Final = 110
"""No age is written above this: such a person has most likely died unrecorded."""
_BOLD: Final = ' font-weight="bold"'


def shown_age(p: Person, at: PartialDate) -> int | None:
    """The age written in a living person's symbol; none above ``_MAX_AGE`` (born long ago,
    death not recorded: common in imported trees)."""
    age = p.age_at(at)
    return age if age is not None and age <= _MAX_AGE else None


Said = tuple[bool, int | None, str]
"""What a person's node says that needs no coordinates: deceased at the drawn date, the age
written in their symbol, their tooltip (escaped)."""


def people_said(case: Case, lang: str, at: PartialDate) -> dict[str, Said]:
    """:data:`Said` of every person of ``case`` (reduced to ``at``), by id."""
    words = _words(lang)
    out: dict[str, Said] = {}
    for p in case.people:
        dead = person_deceased(p, at)
        age = None if dead else shown_age(p, at)
        out[p.id] = (dead, age, _escape(_tooltip(p, words, dead, age)))
    return out


def _words(lang: str) -> tuple[str, str, str, str]:
    """"born", "died", "deceased" and "years" in ``lang``, for tooltips."""
    return (label("born", lang), label("died", lang), label("deceased", lang),
            "jaar" if lang == "nl" else "years")


def _tooltip(p: Person, words: tuple[str, str, str, str], dead: bool, age: int | None) -> str:
    """The person's tooltip; ``age`` is their age at the drawn date (living people);
    ``words``: "born", "died", "deceased" and "years" in the drawing's language."""
    parts = [p.name or p.id]
    if p.born is not None:
        parts.append(f"{words[0]} {p.born}")
    if dead:
        parts.append(f"{words[1]} {p.died}" if p.died else words[2])
    elif age is not None:
        parts.append(f"{age} {words[3]}")
    if p.occupation:
        parts.append(p.occupation)
    if p.notes:
        parts.append(p.notes)
    return ", ".join(parts)


def _person_look(p: Person, dead: bool, is_index: bool, adopted: bool,
                 age: int | None) -> tuple[SymbolSpec, str]:
    """The symbol to draw for ``p`` and the ``class`` of their node group (escaped)."""
    spec = SymbolSpec(p.sex, dead and not p.never_lived, is_index, p.pregnancy, p.miscarriage,
                      adopted or p.foster, age, p.abortion, p.stillbirth)
    modifiers: list[str] = ["node", "person", p.sex]
    if dead:
        modifiers.append("deceased")
    if is_index:
        modifiers.append("index")
    if p.pregnancy:
        modifiers.append("pregnancy")
    if p.miscarriage:
        modifiers.append("miscarriage")
    if p.abortion:
        modifiers.append("abortion")
    if p.stillbirth:
        modifiers.append("stillbirth")
    if adopted:
        modifiers.append("adopted")
    if p.foster:
        modifiers.append("foster")
    return spec, _attr(" ".join([m for m in modifiers if m]))


def paint_people(doc: SvgDoc, case: Case, layout: GenogramLayout, lang: str,
                  at: PartialDate, adopted: set[str], said: Mapping[str, Said]) -> None:
    """Every person: symbol, name and dates in a node group with its tooltip; ``said``:
    :data:`Said` of the people, where known already.

    Written straight as text, exactly as :func:`node_markup` around :func:`symbol_markup`
    and :func:`text_markup` would write it (the symbol and classes of each kind of person
    are worked out once): painting thousands of people is most of a drawing's painting."""
    nodes = doc.group(classes=["nodes"])
    person = {p.id: p for p in case.people}
    index = set(case.case.index)
    looks: dict[tuple[object, ...], tuple[Callable[[Box], str], str]] = {}
    words = _words(lang)
    muted = f' fill="{_attr(MUTED)}"'
    num, esc = _num, _escape
    parts: list[str] = []
    for pid, place in layout.people.items():
        p = person[pid]
        known = said.get(pid)
        if known is None:
            dead = person_deceased(p, at)
            age = None if dead else shown_age(p, at)
            tooltip = esc(_tooltip(p, words, dead, age))
        else:
            dead, age, tooltip = known
        is_index = pid in index
        marked = p.adopted or pid in adopted
        key = (p.sex, dead, is_index, p.pregnancy, p.miscarriage, marked, p.foster, age,
               p.abortion, p.stillbirth)
        look = looks.get(key)
        if look is None:
            spec, classes = _person_look(p, dead, is_index, marked, age)
            look = looks[key] = (symbol_writer(spec), classes)
        texts = [f'<text x="{num(line.x)}" y="{num(line.y)}" font-size="{num(line.size)}" '
                 f'text-anchor="middle"{_BOLD if line.bold else ""}'
                 f'{"" if line.size > 10 else muted}>{esc(line.text)}</text>'
                 for line in place.lines]
        ident = _attr(pid)
        box = place.box
        parts.append(f'<g id="n-{ident}" class="{look[1]}" data-id="{ident}" '
                     f'data-bbox="{num(box.x)} {num(box.y)} {num(box.w)} {num(box.h)}" '
                     f'data-row="{place.row}"><title>{tooltip}'
                     f'</title>{look[0](place.symbol)}{"".join(texts)}</g>')
    nodes.add_markup("".join(parts))
