"""A cut-off's two bars stand clear of the lines that cross it, so they are never read as
marks on the line crossed."""

from __future__ import annotations

import itertools
import math
import re
from pathlib import Path

import pytest

from systeemkaart.drawing import draw
from systeemkaart.io.yaml_json import load
from systeemkaart.layout.genogram import GenogramOptions, layout_genogram
from systeemkaart.render.styles import RELATION_STYLES
from systeemkaart.render.svglines import line_markup

ROOT = Path(__file__).resolve().parents[2]
CASES = sorted((ROOT / "tests" / "cases").glob("*.yaml")) + sorted(
    (ROOT / "examples").glob("*.yaml"))
CUT = RELATION_STYLES["cutoff"]


def _bar_middles(markup: str) -> list[tuple[float, float]]:
    """The middle of each pair of cut-off bars in ``markup``."""
    bars = [tuple(float(v) for v in m) for m in re.findall(
        r'<line x1="([-\d.]+)" y1="([-\d.]+)" x2="([-\d.]+)" y2="([-\d.]+)"', markup)]
    mids = [((x1 + x2) / 2, (y1 + y2) / 2) for x1, y1, x2, y2 in bars]
    return [((a[0] + b[0]) / 2, (a[1] + b[1]) / 2) for a, b in zip(mids[::2], mids[1::2],
                                                                       strict=True)]


def test_the_bars_stand_in_the_middle_when_nothing_crosses() -> None:
    assert _bar_middles(line_markup([(0, 0), (100, 0)], CUT)) == [(50.0, 0.0)]


def test_the_bars_move_away_from_a_crossing_in_the_middle() -> None:
    (mid,) = _bar_middles(line_markup([(0, 0), (100, 0)], CUT, avoid=[(50.0, 0.0)]))
    assert math.dist(mid, (50.0, 0.0)) >= 12.0


def test_the_bars_take_the_longest_free_segment() -> None:
    path = [(0, 0), (100, 0), (100, 60)]
    (mid,) = _bar_middles(line_markup(path, CUT, avoid=[(50.0, 0.0), (35.0, 0.0),
                                                       (65.0, 0.0), (25.0, 0.0), (75.0, 0.0)]))
    assert mid[0] == pytest.approx(100.0) and 0.0 < mid[1] < 60.0


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_no_cut_off_bars_sit_on_a_line_crossing_it(path: Path) -> None:
    case = load(path)
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    svg = draw(case, "genogram")
    groups = re.findall(r'<g class="edge relation cutoff[^"]*"[^>]*>(.*?)</g>', svg, re.S)
    cutoffs = [r for r in layout.relations if r.kind == "cutoff"]
    assert len(groups) == len(cutoffs)
    for body, cutoff in zip(groups, cutoffs, strict=True):
        others = [points for _kind, _ends, points in layout.edges()
                  if points is not cutoff.points]
        first = re.search(r'<polyline points="([-\d.]+),([-\d.]+)', body)
        assert first is not None
        dx = float(first.group(1)) - cutoff.points[0][0]  # the drawing's shift from the layout
        dy = float(first.group(2)) - cutoff.points[0][1]
        for x, y in _bar_middles(body):
            mid = (x - dx, y - dy)
            for points in others:
                for a, b in itertools.pairwise(points):
                    assert _distance(mid, a, b) >= 6.0, (path.stem, mid, a, b)


def _distance(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    ax, ay = a
    bx, by = b
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length))
    return math.dist(p, (ax + t * dx, ay + t * dy))
