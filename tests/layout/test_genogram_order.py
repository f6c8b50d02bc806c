"""What the search for the order of a genogram's blocks judges by: crossings, and lines of
different unions that run on each other
(:func:`~systeemkaart.layout.genogram_order.runs_on_lines`)."""

from __future__ import annotations

from systeemkaart.layout.genogram_order import runs_on_lines
from systeemkaart.layout.genogram_quality import plain_dot_structural, structural_crossings
from tests.layout.genogram_look import family_lines_on_lines
from tests.layout.genogram_yardstick import saved


def test_a_step_line_down_another_couples_child_drop_counts_once() -> None:
    """A step line coming down on the x where another couple's child line drops runs on it
    for 8 units: one pair, however many stretches; a line of one group never counts
    against itself, nor two single parents' lines against each other (crossing over at
    one height while the orders are searched, drawn apart at the end), and two lines that
    only meet or overlap 2 units or less do not run on each other."""
    step = ("u:p6", [(245.0, 216.8), (274.0, 216.8), (274.0, 285.6), (342.5, 285.6)])
    child = ("u:p1|p10", [(264.0, 163.6), (264.0, 277.6), (274.0, 277.6), (274.0, 323.6)])
    assert runs_on_lines([step, child]) == 1
    assert runs_on_lines([step, ("u:p6", child[1])]) == 0
    assert runs_on_lines([step, ("u:p10", child[1])]) == 0  # two single parents' lines
    short = ("u:p1|p10", [(274.0, 284.0), (274.0, 323.6)])
    assert runs_on_lines([step, short]) == 0
    assert runs_on_lines([step, child, ("u:p1|p10", [(280.0, 285.6), (300.0, 285.6)])]) == 1


def test_a_step_line_does_not_come_down_a_child_drop() -> None:
    """Family 295 of 600 of ``bench/bench_stepfamilies.py`` (and 296, 297): p6's step line
    to p5 came down where the line of p1 and p10 to their child p11 drops and ran on it, so
    it seemed to go into p11. The order search now counts such a run as it counts a
    crossing, and keeps an order where none runs on another: as few crossings (1, plain
    ``dot`` 3)."""
    case, layout = saved("genogram-step-line-down-a-child-drop")
    assert family_lines_on_lines(layout) == []
    assert structural_crossings(layout) <= 1 < plain_dot_structural(case, layout)
