"""The drawings and the analyses tell a session the same numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

import systeemkaart as sk
from systeemkaart.activity import help_counts, helper_count_per_month, time_span
from systeemkaart.layout.systemogram import layout_systemogram
from systeemkaart.model import Case
from tests.strategies import cases

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_systemogram_badge_counts_what_the_analysis_counts(path: Path) -> None:
    case = sk.load(path)
    helpers = sk.analyse(case).helpers
    layout = layout_systemogram(case)
    assert (layout.professionals, layout.organisations) == (
        helpers.professionals, helpers.organisations)


@given(cases(max_generations=2, max_agents=20))
def test_counts_agree_on_generated_cases(case: Case) -> None:
    at = case.as_of()
    helpers = sk.analyse(case, at).helpers
    assert help_counts(case, at) == (helpers.professionals, helpers.organisations)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_timeline_peak_is_the_analysis_peak(path: Path) -> None:
    case = sk.load(path)
    at = case.as_of()
    peak = sk.analyse(case).helpers.peak
    first, last = time_span(case, at)
    history = helper_count_per_month(case, first, last)
    assert max((m.professionals for m in history), default=0) == peak.count
