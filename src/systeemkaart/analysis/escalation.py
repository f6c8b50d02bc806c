"""Does the help for one young person grow heavier step after step?

The Proeftuin's lesson "Verandering": cases that get stuck often receive "meer van hetzelfde,
maar dan zwaarder": ambulant help, then crisis placements, a statutory measure, a 24-hour
group. This module reads the ``form`` of each involvement (and a statutory measure: a child
protection agent that acts *over* the family) as a weight, lightest first:

    ambulant 1 < day treatment 2 < crisis 3 < statutory measure 4 < foster, residential 5

and, for each child the help is about (the index person(s), else every targeted minor), walks
the weighted involvements in order of their start up to the analysis date. ``escalation`` is
reported when the heaviest help so far rose at least twice (three or more steps, each as
evidence), worded as a hypothesis: in the present tense while the heaviest help is still
there, in the past tense (with the date it became lighter) once it is gone.

Cost O(involvements x targets + n log n) for the sort.
"""

from __future__ import annotations

from typing import Final

from ..dates import PartialDate
from ..model import Case
from ..text.labels import label
from ..text.words import say
from ..vocab import HELP_FORM_WEIGHT
from .common import Active, CaseIndex, Finding, build_index, month_text
from .regie import children_of_concern

__all__ = ["FORM_WEIGHT", "MEASURE_WEIGHT", "analyse_escalation", "help_weight"]

FORM_WEIGHT: Final = HELP_FORM_WEIGHT
"""How heavy each form of help is (see :data:`systeemkaart.vocab.HELP_FORM_WEIGHT`)."""

MEASURE_WEIGHT: Final = 4
"""A statutory measure (child protection acting over the family) without a heavier form."""

MIN_RISES: Final = 2
"""How often the heaviest help so far must rise: ambulant -> crisis -> residential is two."""


def help_weight(ix: CaseIndex, a: Active) -> tuple[int, str]:
    """(weight, label key) of one involvement; weight 0 when it says nothing about weight."""
    form = ix.case.involvements[a.index].form
    weight, key = (FORM_WEIGHT[form], f"form_{form}") if form is not None else (0, "")
    statutory = a.stance == "over" and ix.unit_kind(a.agent) == "child_protection"
    if statutory and weight < MEASURE_WEIGHT:
        weight, key = MEASURE_WEIGHT, "form_measure"
    return weight, key


def _step_text(ix: CaseIndex, a: Active, key: str) -> str:
    inv = ix.case.involvements[a.index]
    word = label(key, ix.lang)
    return f"{word[:1].lower()}{word[1:]} {inv.start}"


def analyse_escalation(
    case: Case, at: PartialDate | None = None, *, index: CaseIndex | None = None
) -> list[Finding]:
    """``escalation`` findings, one per child whose help grew heavier step by step."""
    ix = index if index is not None else build_index(case, at)
    children = children_of_concern(ix)
    steps: dict[str, list[tuple[Active, int, str]]] = {c: [] for c in children}
    seen: set[tuple[str, str, int, int]] = set()
    for a in ix.involvements:
        if not a.has_start or a.day0 > ix.day1:
            continue
        weight, key = help_weight(ix, a)
        if weight == 0:
            continue
        unit = ix.organisation(a.agent) or a.agent
        for t in a.targets:
            # two professionals of one organisation starting one placement are one step
            if t in steps and (t, unit, a.day0, weight) not in seen:
                seen.add((t, unit, a.day0, weight))
                steps[t].append((a, weight, key))
    out: list[Finding] = []
    for child in children:
        seq = sorted(steps[child], key=lambda s: (s[0].day0, s[0].index))
        if len(seq) <= MIN_RISES:
            continue
        peak, rises = seq[0][1], 0
        for _, weight, _ in seq[1:]:
            if weight > peak:
                peak, rises = weight, rises + 1
        if rises < MIN_RISES:
            continue
        now = max((w for a, w, _ in seq if a.at(ix.day0, ix.day1)), default=0)
        text = " → ".join(_step_text(ix, a, key) for a, _, key in seq)
        who = ix.name(child)
        if now >= peak:
            why = say(ix.lang, "escalation_now", who=who, steps=text)
        else:
            last = max(a.month1 for a, w, _ in seq if w == peak)
            why = say(ix.lang, "escalation_past", who=who, steps=text, since=month_text(last))
        agents = list(dict.fromkeys(a.agent for a, _, _ in seq))
        evidence = [f"involvements[{a.index}]: {ix.case.involvements[a.index].start} "
                    f"{key.removeprefix('form_')} {a.agent}" for a, _, key in seq]
        out.append(Finding(code="escalation", members=[child, *agents], why=why,
                           evidence=evidence))
    return out
