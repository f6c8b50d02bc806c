"""The ranked rows keep every row rule and never lengthen the child lines in total."""

from __future__ import annotations

from hypothesis import given, settings

from systeemkaart.generations import generations
from systeemkaart.layout.genogram_rank import balanced_rows
from systeemkaart.model import Case
from tests.strategies_genogram import genogram_families


def _length(case: Case, rows: dict[str, int]) -> int:
    """Rows skipped by all child lines together (what the ranking shortens)."""
    return sum(rows[link.child] - rows[par] for link in case.children
               for par in dict.fromkeys(link.parents))


@settings(max_examples=60, deadline=None)
@given(genogram_families())
def test_ranked_rows_keep_partners_level_and_children_below(case: Case) -> None:
    before = generations(case)
    rows = balanced_rows(case, before)
    assert set(rows) == set(before)
    for ps in case.partnerships:
        a, b = ps.partners
        assert rows[a] == rows[b], (a, b)
    for link in case.children:
        for par in link.parents:
            assert rows[link.child] > rows[par], (par, link.child)
    assert _length(case, rows) <= _length(case, before)
    assert min(rows.values()) == 0
