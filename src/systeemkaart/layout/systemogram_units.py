"""The boxes of a systemogram's rings: supporters, contexts and organisation cards.

Each unit is one thing placed on a ring: a supporter pill (ring 1), a context box (ring 2)
or an organisation card with its professionals stacked below the name (ring 3). A unit
knows the side of the partner picture its kind belongs to: youth care and parenting
support on the right, schools and the social basis on the left, the neighbourhood social
team on top. Big organisations collapse into one row with a count, but professionals who
must stay visible (regie holders, the suggested core group) keep their own rows.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from ..model import Case
from ..text.labels import label
from ..text.measure import LINE_HEIGHT, text_width, wrap
from .ring_centre import TextLine

__all__ = [
    "AGENT_FONT",
    "BADGE",
    "ORG_SIDE",
    "ROLE_FONT",
    "Unit",
    "collapse",
    "snap",
    "units",
]

AGENT_FONT = 11.0
ROLE_FONT = 9.5
PAD_X = 7.0
PAD_Y = 4.0
MAX_LABEL = 190.0
BADGE = 18.0
"""Room at the right end of a box for the regie badge."""

# Preferred direction by kind (radians, y down), as in the Proeftuin partner picture:
# youth care and parenting support right, schools and the social basis left, SWT on top.
LEFT, RIGHT, UP, DOWN = math.pi, 0.0, -math.pi / 2, math.pi / 2
ORG_SIDE: dict[str, float | None] = {
    "youth_care": RIGHT,
    "youth_mental_health": RIGHT,
    "child_protection": RIGHT - 0.5,
    "safety_home": RIGHT - 0.5,
    "police": RIGHT - 0.7,
    "gp": RIGHT + 0.6,
    "social_team": UP,
    "school": LEFT,
    "social_basis": LEFT - 0.4,
    "municipality": DOWN,
    "compulsory_education": DOWN,
    "other": None,
}
CONTEXT_SIDE = LEFT


@dataclass(slots=True)
class Unit:
    """One thing placed on a ring: a single box, or an organisation card of stacked rows.

    ``parts`` are the rows (node id, node type, text lines, height); ``members`` maps a
    collapsed row to the professionals it stands for.
    """

    id: str
    ring: int
    parts: list[tuple[str, str, tuple[TextLine, ...], float]]
    w: float
    h: float
    side: float | None
    order: int
    members: dict[str, tuple[str, ...]]


def text_lines(text: str, size: float, bold: bool = False) -> list[TextLine]:
    """``text`` wrapped to the widest label, as lines of one size and weight."""
    return [TextLine(t, size, bold) for t in wrap(text, size, MAX_LABEL, bold=bold)]


def snap(value: float) -> float:
    """Round up to 0.01: sizes and positions survive the two-decimal SVG output, so boxes
    that touch in the layout still only touch in the file."""
    return math.ceil(round(value * 100, 6)) / 100


def _height(lines: Sequence[TextLine]) -> float:
    return snap(sum(t.size * LINE_HEIGHT for t in lines) + 2 * PAD_Y)


def _width(lines: Sequence[TextLine]) -> float:
    return snap(max(text_width(t.text, t.size, bold=t.bold) for t in lines) + 2 * PAD_X)


def collapse(case: Case, shown: set[str], keep: Collection[str], max_per_card: int,
             max_total: int) -> set[str]:
    """Organisations whose shown professionals are folded into one row with a count.

    An organisation with more than ``max_per_card`` shown professionals collapses, then the
    largest ones while more than ``max_total`` would show. Professionals in ``keep`` are
    not counted: they keep their rows either way.
    """
    counts = {o.id: sum(p.id in shown and p.id not in keep for p in o.professionals)
              for o in case.organisations}
    collapsed = {oid for oid, n in counts.items() if n > max_per_card}
    total = sum(n for oid, n in counts.items() if oid not in collapsed)
    order = sorted((o for o in counts if o not in collapsed and counts[o] > 1),
                   key=lambda o: (-counts[o], o))
    for oid in order:
        if total <= max_total:
            break
        collapsed.add(oid)
        total -= counts[oid]
    return collapsed


def units(case: Case, shown: set[str], collapsed: set[str], keep: Collection[str],
          regie: set[str], lang: str, hidden: Collection[str] = ()) -> list[Unit]:
    """The boxes to place, in file order; a box holding regie gets room for its badge.

    ``hidden`` agents are drawn as part of the family instead (a supporter or context that
    refers to a person in the centre).
    """
    out: list[Unit] = []
    k = 0
    for s in case.network:
        if s.id in shown and s.id not in hidden:
            lines = text_lines(s.name or s.id, AGENT_FONT)
            if s.relation:
                lines += text_lines(s.relation, ROLE_FONT)
            out.append(Unit(s.id, 1, [(s.id, "supporter", tuple(lines), _height(lines))],
                            _width(lines) + BADGE * (s.id in regie), _height(lines), None, k,
                            {}))
            k += 1
    for c in case.contexts:
        if c.id in shown and c.id not in hidden:
            lines = text_lines(c.name or c.id, AGENT_FONT, True)
            if c.kind != "other":
                lines += text_lines(label(c.kind, lang), ROLE_FONT)
            out.append(Unit(c.id, 2, [(c.id, "context", tuple(lines), _height(lines))],
                            _width(lines) + BADGE * (c.id in regie), _height(lines),
                            CONTEXT_SIDE, k, {}))
            k += 1
    for org in case.organisations:
        if org.id in shown and org.id not in hidden:
            out.append(_card(case, org.id, shown, collapsed, keep, regie, lang, k))
            k += 1
    return out


def _card(case: Case, oid: str, shown: set[str], collapsed: set[str], keep: Collection[str],
          regie: set[str], lang: str, order: int) -> Unit:
    org = next(o for o in case.organisations if o.id == oid)
    pros = [p for p in org.professionals if p.id in shown]
    head = text_lines(org.name or org.id, AGENT_FONT, True)
    parts: list[tuple[str, str, tuple[TextLine, ...], float]] = []
    members: dict[str, tuple[str, ...]] = {}
    if org.id in collapsed:
        folded = [p for p in pros if p.id not in keep]
        head += [TextLine(f"{len(folded)} {label('professionals', lang)}", ROLE_FONT)]
        members[org.id] = tuple(p.id for p in folded)
        pros = [p for p in pros if p.id in keep]
    parts.append((org.id, "organisation", tuple(head), _height(head)))
    for p in pros:
        lines = text_lines(p.name or p.id, AGENT_FONT)
        if p.role:
            lines += text_lines(p.role, ROLE_FONT)
        parts.append((p.id, "professional", tuple(lines), _height(lines)))
    badge = any(part[0] in regie for part in parts) or any(
        m in regie for ms in members.values() for m in ms)
    w = max(_width(part[2]) for part in parts) + (BADGE if badge else 0.0)
    h = sum(part[3] for part in parts)
    return Unit(org.id, 3, parts, w, h, ORG_SIDE.get(org.kind), order, members)
