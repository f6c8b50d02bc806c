"""A short text summary of a case, for `systeemkaart info` and the demo."""

from __future__ import annotations

from .generations import generations
from .model import Case, case_at

__all__ = ["summarise"]


def summarise(case: Case, name: str | None = None) -> str:
    """A few lines naming the case, its size, its generations and its helpers."""
    gens = generations(case)
    n_gen = len(set(gens.values())) if gens else 0
    pros = sum(len(o.professionals) for o in case.organisations)
    when = case.as_of()
    now = case_at(case, when)
    active = sum(1 for inv in now.involvements if inv.active_at(when))
    names = case.names()
    regie = sorted({names.get(inv.agent, inv.agent) for inv in now.involvements
                    if inv.regie and inv.active_at(when)})
    head = f"{name}: " if name else ""

    def n(count: int, word: str, plural: str | None = None) -> str:
        return f"{count} {word if count == 1 else plural or word + 's'}"

    lines = [
        f"{head}{case.case.id} - {case.case.title or ''}".rstrip(" -"),
        f"  family: {n(len(case.people), 'person', 'people')} over "
        f"{n(n_gen, 'generation')}, {n(len(case.partnerships), 'partnership')}, "
        f"{n(len(case.households), 'household')}, "
        f"{n(len(case.relations), 'emotional relation')}",
        f"  around: {n(len(case.network), 'supporter')}, {n(len(case.contexts), 'context')}, "
        f"{n(len(case.organisations), 'organisation')} with {n(pros, 'professional')}",
        f"  on {when}: {n(active, 'active involvement')}; "
        f"regie: {', '.join(regie) or 'nobody'}",
    ]
    return "\n".join(lines)
