"""A short text summary of a case, for `systeemkaart info` and the demo."""

from __future__ import annotations

from .generations import generations
from .model import Case

__all__ = ["summarise"]


def summarise(case: Case, name: str | None = None) -> str:
    """A few lines naming the case, its size, its generations and its helpers."""
    gens = generations(case)
    n_gen = len(set(gens.values())) if gens else 0
    pros = sum(len(o.professionals) for o in case.organisations)
    when = case.as_of()
    active = sum(1 for inv in case.involvements if inv.active_at(when))
    regie = sorted({inv.agent for inv in case.involvements if inv.regie and inv.active_at(when)})
    head = f"{name}: " if name else ""
    lines = [
        f"{head}{case.case.id} - {case.case.title or ''}".rstrip(" -"),
        f"  family: {len(case.people)} people over {n_gen} generations, "
        f"{len(case.partnerships)} partnerships, {len(case.households)} households, "
        f"{len(case.relations)} emotional relations",
        f"  around: {len(case.network)} supporters, {len(case.contexts)} contexts, "
        f"{len(case.organisations)} organisations with {pros} professionals",
        f"  on {when}: {active} active involvements; regie: {', '.join(regie) or 'nobody'}",
    ]
    return "\n".join(lines)
