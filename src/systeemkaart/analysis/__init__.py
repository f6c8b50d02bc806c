"""Analyses of a case: the help around the family, regie, coalitions, patterns, a core group
and whether the help grew heavier step by step.

Each analysis is a pure function ``Case -> Result`` (a frozen pydantic model that serialises
to JSON); every finding carries a stable ``code``, the ids it is about and why.
:func:`analyse` runs them all on one shared index of the case.

>>> import systeemkaart as sk
>>> from systeemkaart.analysis import analyse
>>> case = sk.loads('''
... schema: systeemkaart/1
... case: {id: demo, as_of: 2023-05}
... people:
...   - {id: moeder, sex: female, born: 1980}
...   - {id: kind, sex: male, born: 2010}
... children:
...   - {parents: [moeder], child: kind}
... organisations:
...   - {id: swt, kind: social_team, professionals: [{id: anna}]}
... involvements:
...   - {agent: anna, targets: [kind], start: 2022}
... ''')
>>> result = analyse(case)
>>> result.helpers.professionals, [f.code for f in result.regie.findings]
(1, ['no_regie', 'family_not_targeted'])
>>> result.core_group.members, result.core_group.suggested_regie
(['anna'], 'anna')
"""

from __future__ import annotations

from ..dates import PartialDate
from ..model import Case
from .coalitions import Coalition, analyse_coalitions
from .common import CaseIndex, Finding, Result, build_index
from .coregroup import CoreGroupResult, analyse_core_group
from .escalation import analyse_escalation
from .patterns import Pattern, analyse_patterns
from .professionals import HelpersResult, Thresholds, analyse_helpers
from .regie import RegieResult, analyse_regie

__all__ = [
    "Analysis",
    "CaseIndex",
    "Coalition",
    "CoreGroupResult",
    "Finding",
    "HelpersResult",
    "Pattern",
    "RegieResult",
    "Thresholds",
    "analyse",
    "analyse_coalitions",
    "analyse_core_group",
    "analyse_escalation",
    "analyse_helpers",
    "analyse_patterns",
    "analyse_regie",
    "build_index",
]


class Analysis(Result):
    """Every analysis of one case at one date; the JSON report of ``systeemkaart analyse``."""

    case: str
    title: str | None
    as_of: str
    lang: str
    helpers: HelpersResult
    regie: RegieResult
    coalitions: list[Coalition]
    patterns: list[Pattern]
    core_group: CoreGroupResult
    escalation: list[Finding]

    def codes(self) -> list[str]:
        """The codes of every finding, in report order (for summaries and tests)."""
        out = [f.code for f in self.helpers.findings]
        out += [f.code for f in self.regie.findings]
        out += [c.code for c in self.coalitions]
        out += [p.code for p in self.patterns]
        out += [f.code for f in self.core_group.findings]
        out += [f.code for f in self.escalation]
        return out


def analyse(
    case: Case,
    at: PartialDate | None = None,
    *,
    lang: str | None = None,
    thresholds: Thresholds | None = None,
    exact: bool = True,
) -> Analysis:
    """Run every analysis on ``case`` at ``at`` (default: the case's ``as_of``).

    ``lang`` (``nl``/``en``) overrides the case's language for the ``why`` sentences;
    ``exact=False`` lets the core group use the greedy cover only.
    """
    ix = build_index(case, at, lang)
    return Analysis(
        case=case.case.id,
        title=case.case.title,
        as_of=str(ix.when),
        lang=ix.lang,
        helpers=analyse_helpers(case, index=ix, thresholds=thresholds),
        regie=analyse_regie(case, index=ix),
        coalitions=analyse_coalitions(case, index=ix),
        patterns=analyse_patterns(case, index=ix),
        core_group=analyse_core_group(case, index=ix, exact=exact),
        escalation=analyse_escalation(case, index=ix),
    )
