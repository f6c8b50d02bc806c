"""Pseudonymised copies of a case, safe to share outside the team.

What is removed: every name, every free text (notes, roles, occupations, titles, event
titles, hypothesis texts, intensity) and every id that could carry a name. What is changed:
every date becomes a year, shifted by the same random number of years (never zero), so
ages, order and durations stay roughly right while no original date survives. The copy's
``as_of`` is always written (the original's, or the day of copying, shifted), so the copy
reads the same ages tomorrow as today. What the shift cannot hide: ages and time spans are
kept on purpose, so someone who knows when the session was can undo the shift to within a
year. What stays:
the structure (who is related to whom, kinds, stances, regie, entry), sexes, and the order
of records, so drawings and analyses of the copy look like those of the original.
"""

from __future__ import annotations

import random
import secrets
from typing import Any

from ..dates import PartialDate
from ..model import Case, Membership
from ..text.labels import kind_label, label

__all__ = ["pseudonymise"]

_PREFIX = {
    "person": "p",
    "supporter": "s",
    "context": "c",
    "organisation": "o",
    "professional": "w",
    "partnerships": "rel",
    "households": "hh",
    "hypotheses": "h",
}

def _shift(value: PartialDate | None, years: int) -> PartialDate | None:
    if value is None:
        return None
    return PartialDate(min(max(value.year + years, 1000), 2999))


def pseudonymise(case: Case, *, seed: int | None = None) -> Case:
    """A copy of ``case`` with no name, free text, original id or original date left.

    ``seed`` makes the date shift reproducible (for tests); without it the shift comes from
    :mod:`secrets` and is not stored anywhere.
    """
    rng = random.Random(seed) if seed is not None else None
    magnitude = rng.randint(3, 17) if rng else 3 + secrets.randbelow(15)
    sign = (rng.choice((-1, 1)) if rng else secrets.choice((-1, 1)))
    years = magnitude * sign
    lang = case.case.lang

    def word(key: str) -> str:
        return label("pseudonymised_case" if key == "title" else key, lang)

    new_id: dict[str, str] = {}
    counters: dict[str, int] = {}

    def assign(old: str, kind: str) -> str:
        counters[kind] = counters.get(kind, 0) + 1
        new_id[old] = f"{_PREFIX[kind]}{counters[kind]}"
        return new_id[old]

    for p in case.people:
        assign(p.id, "person")
    for s in case.network:
        assign(s.id, "supporter")
    for c in case.contexts:
        assign(c.id, "context")
    for o in case.organisations:
        assign(o.id, "organisation")
        for pro in o.professionals:
            assign(pro.id, "professional")
    optional_ids: dict[tuple[str, int], str] = {}
    for name in ("partnerships", "households", "hypotheses"):
        for i, item in enumerate(getattr(case, name)):
            if item.id is not None:
                counters[name] = counters.get(name, 0) + 1
                optional_ids[(name, i)] = f"{_PREFIX[name]}{counters[name]}"
                new_id[item.id] = optional_ids[(name, i)]

    def ids(values: list[str]) -> list[str]:
        return [new_id[v] for v in values]

    data: dict[str, Any] = {
        "schema": case.schema_,
        "case": {
            "id": "casus",
            "title": word("title"),
            "as_of": _shift(case.as_of(), years),  # the copy reads as the original did
            "index": ids(case.case.index),
            "regie": ids(case.case.regie),
            "lang": lang,
        },
        "people": [
            {
                "id": new_id[p.id],
                "name": f"{word('person')} {i + 1}",
                "sex": p.sex,
                "born": _shift(p.born, years),
                "died": _shift(p.died, years),
                "deceased": p.deceased,
                "adopted": p.adopted,
                "foster": p.foster,
                "pregnancy": p.pregnancy,
                "miscarriage": p.miscarriage,
                "abortion": p.abortion,
                "stillbirth": p.stillbirth,
                "twin_of": new_id[p.twin_of] if p.twin_of else None,
                "identical": p.identical,
                "left_out": p.left_out,
            }
            for i, p in enumerate(case.people)
        ],
        "partnerships": [
            {
                "id": optional_ids.get(("partnerships", i)),
                "partners": ids(ps.partners),
                "kind": ps.kind,
                "status": ps.status,
                "start": _shift(ps.start, years),
                "end": _shift(ps.end, years),
            }
            for i, ps in enumerate(case.partnerships)
        ],
        "children": [
            {"parents": ids(c.parents), "child": new_id[c.child], "kind": c.kind,
             "start": _shift(c.start, years)}
            for c in case.children
        ],
        "relations": [
            {"between": ids(r.between), "kind": r.kind, "start": _shift(r.start, years),
             "end": _shift(r.end, years)}
            for r in case.relations
        ],
        "households": [
            {"id": optional_ids.get(("households", i)), "members": ids(h.members),
             "name": f"{word('household')} {i + 1}" if h.name else None,
             "start": _shift(h.start, years), "end": _shift(h.end, years),
             "memberships": _memberships(h.memberships, new_id, years)}
            for i, h in enumerate(case.households)
        ],
        "network": [
            {"id": new_id[s.id], "name": f"{word('supporter')} {i + 1}",
             "supports": ids(s.supports), "strength": s.strength,
             "start": _shift(s.start, years), "end": _shift(s.end, years)}
            for i, s in enumerate(case.network)
        ],
        "contexts": [
            {"id": new_id[c.id], "name": f"{kind_label(c.kind, lang)} {i + 1}",
             "kind": c.kind, "members": ids(c.members),
             "start": _shift(c.start, years), "end": _shift(c.end, years),
             "memberships": _memberships(c.memberships, new_id, years)}
            for i, c in enumerate(case.contexts)
        ],
        "organisations": [
            {
                "id": new_id[o.id],
                "name": f"{_kind_word(o.kind, lang)} {i + 1}",
                "kind": o.kind,
                "professionals": [
                    {"id": new_id[pro.id], "name": f"{word('professional')} {new_id[pro.id][1:]}"}
                    for pro in o.professionals
                ],
            }
            for i, o in enumerate(case.organisations)
        ],
        "involvements": [
            {"agent": new_id[v.agent], "targets": ids(v.targets), "stance": v.stance,
             "regie": v.regie, "start": _shift(v.start, years), "end": _shift(v.end, years),
             "entry": v.entry, "form": v.form}
            for v in case.involvements
        ],
        "events": [
            {"date": _shift(e.date, years), "title": f"{word('event')} {i + 1}",
             "people": ids(e.people)}
            for i, e in enumerate(case.events)
        ],
        "hypotheses": [
            {"id": optional_ids.get(("hypotheses", i)), "text": f"{word('hypothesis')} {i + 1}",
             "about": ids(h.about)}
            for i, h in enumerate(case.hypotheses)
        ],
    }
    return Case.model_validate(_drop_none(data))


def _memberships(items: list[Membership], new_id: dict[str, str], years: int
                 ) -> list[dict[str, Any]]:
    """Dated memberships with new ids and shifted dates; their notes are left out."""
    return [{"member": new_id[m.member], "start": _shift(m.start, years),
             "end": _shift(m.end, years)} for m in items]


def _kind_word(kind: str, lang: str) -> str:
    return kind_label("organisation" if kind == "other" else kind, lang)


def _drop_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value
