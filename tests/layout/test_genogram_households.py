"""Household outlines keep off the lines beside them: a dashed outline lying on a line
hides which of the two a reader is following."""

from __future__ import annotations

from pathlib import Path

import pytest

from systeemkaart.io.yaml_json import load
from systeemkaart.layout.genogram import GenogramOptions, layout_genogram
from systeemkaart.layout.genogram_households import along
from systeemkaart.layout.genogram_places import AxisSegment, axis_segments

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_outlines_run_along_no_line_in_the_examples(path: Path) -> None:
    case = load(path)
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    lines = axis_segments(layout)
    outlines = [h.outline for h in layout.households if h.outline is not None]
    assert outlines
    assert [along(o, lines) for o in outlines] == [0.0] * len(outlines)


@pytest.mark.parametrize(("outline", "lines", "expected"), [
    # a vertical line 2 units beside the left edge over 30 units
    ([(10, 0), (10, 50), (0, 50), (0, 0)], [((2.0, 10.0), (2.0, 40.0))], 30.0),
    # 4 units away: clear
    ([(10, 0), (10, 50), (0, 50), (0, 0)], [((4.0, 10.0), (4.0, 40.0))], 0.0),
    # crossing at right angles is not running along
    ([(10, 0), (10, 50), (0, 50), (0, 0)], [((-5.0, 20.0), (15.0, 20.0))], 0.0),
    # a horizontal line on the bottom edge, half of it beside the outline
    ([(10, 0), (10, 50), (0, 50), (0, 0)], [((5.0, 51.0), (25.0, 51.0))], 5.0),
])
def test_along_measures_parallel_closeness(outline: list[tuple[float, float]],
                                           lines: list[tuple[tuple[float, float],
                                                             tuple[float, float]]],
                                           expected: float) -> None:
    assert along(outline, _pieces(lines)) == expected


def _pieces(lines: list[tuple[tuple[float, float], tuple[float, float]]]
            ) -> tuple[list[AxisSegment], list[AxisSegment]]:
    """The lines as :func:`axis_segments` gives a layout's (each its own line)."""
    horizontal: list[AxisSegment] = []
    vertical: list[AxisSegment] = []
    for n, ((x1, y1), (x2, y2)) in enumerate(lines):
        if y1 == y2:
            horizontal.append((y1, min(x1, x2), max(x1, x2), n, "relation"))
        else:
            vertical.append((x1, min(y1, y2), max(y1, y2), n, "relation"))
    return horizontal, vertical
