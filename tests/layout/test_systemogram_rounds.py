"""The candidate layouts of a systemogram: a round whose family block comes out as the
round's before is not placed again, and the candidates are those every round placed gives."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

import pytest
from bench.bench_systemogram import network
from hypothesis import HealthCheck, given, settings

from systeemkaart.layout import systemogram, systemogram_rounds
from systeemkaart.layout.ring_centre import layout_centre
from systeemkaart.layout.systemogram import layout_systemogram
from systeemkaart.layout.systemogram_places import Plan, SystemogramLayout
from systeemkaart.layout.systemogram_rounds import (
    SHAPES,
    SIDE_WEIGHTS,
    candidates,
    one_round,
    rerank,
    room,
)
from systeemkaart.model import Case
from tests.strategies import helper_networks


def _plain(plan: Plan, start: dict[str, float], rounds: int, hub: str | None = None,
           weights: Sequence[float] = SIDE_WEIGHTS,
           first_round: SystemogramLayout | None = None) -> tuple[list[SystemogramLayout], int]:
    """:func:`candidates` the plain way, every round placed until its layout was seen
    before, and how many rounds it placed."""
    out: list[SystemogramLayout] = []
    placed = 0
    seen: set[tuple[tuple[str, float, float], ...]] = set()
    blocks: set[tuple[tuple[str, float, float], ...]] = set()
    for shape in SHAPES:
        first = layout_centre(plan.case, plan.people, plan.at, plan.lang, start,
                              plan.unreached, shape, hub=hub, room=room(plan))
        block = tuple((k, p.x, p.y) for k, p in first.people.items())
        if block in blocks:
            continue
        blocks.add(block)
        for weight in weights:
            rank, height = start, None
            for k in range(max(1, rounds)):
                if first_round is not None and k == 0 and shape == SHAPES[0] \
                        and weight == weights[0]:
                    result = first_round
                else:
                    result = one_round(plan, rank, weight, shape, height,
                                       first if k == 0 else None, hub)
                    placed += 1
                key = tuple((k, a.box.x, a.box.y) for k, a in result.agents.items())
                key += tuple((k, p.x, p.y) for k, p in result.people.items())
                if key in seen:
                    break
                seen.add(key)
                out.append(result)
                if result.crossings == 0:
                    break
                rank, height = rerank(result)
    out.sort(key=lambda lay: lay.crossings)
    return out, placed


def _compared(case: Case, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """Lay out ``case``, checking each call of :func:`candidates` against :func:`_plain`
    (the same layouts, the same radii left for the next round); the rounds each placed."""
    counts = [0, 0]
    calls = [0]

    def counted(*args: Any, **kwargs: Any) -> SystemogramLayout:
        calls[0] += 1
        return one_round(*args, **kwargs)

    def checked(plan: Plan, *args: Any, **kwargs: Any) -> list[SystemogramLayout]:
        twin = copy.deepcopy(plan)
        before = calls[0]
        got = candidates(plan, *args, **kwargs)
        counts[0] += calls[0] - before
        want, placed = _plain(twin, *args, **kwargs)
        counts[1] += placed
        assert got == want
        assert plan.hints == twin.hints
        return got

    monkeypatch.setattr(systemogram_rounds, "one_round", counted)
    monkeypatch.setattr(systemogram, "candidates", checked)
    layout_systemogram(case, route=False)
    monkeypatch.undo()
    return counts[0], counts[1]


def test_settled_rounds_are_not_placed_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Over the bench's networks of 20 and 40 agents the candidates are those of every
    round placed, and fewer rounds are placed (the re-ranking settles in most)."""
    shortcut = plain = 0
    for seed in range(3):
        for n_people, n_agents in ((4, 20), (12, 40)):
            got = _compared(network(seed, n_people, n_agents), monkeypatch)
            shortcut, plain = shortcut + got[0], plain + got[1]
    assert shortcut < plain


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(helper_networks(min_agents=2, max_agents=16))
def test_candidates_as_every_round_placed(monkeypatch: pytest.MonkeyPatch, case: Case) -> None:
    """On generated helper networks the candidates are those of every round placed."""
    shortcut, plain = _compared(case, monkeypatch)
    assert shortcut <= plain
