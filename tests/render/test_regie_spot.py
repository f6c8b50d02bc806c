"""A family member's regie badge stands clear of the lines: no arrowhead hidden under it."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from itertools import pairwise

import pytest

from systeemkaart.drawing import draw
from systeemkaart.io.yaml_json import load
from systeemkaart.layout import Box, Point, segment_distance
from systeemkaart.render.regie_spot import BADGE_RADIUS, CLEAR, badge_spot, spots
from tests.conftest import ROOT

NS = "{http://www.w3.org/2000/svg}"
BOX = Box(-16.0, -14.0, 32.0, 56.0)  # a 28-unit symbol at the origin and a two-line label


def test_the_badge_keeps_its_old_place_where_no_line_comes() -> None:
    assert badge_spot(0.0, 0.0, BOX, [[(-200.0, 0.0), (-15.0, 0.0)]], []) == (20.0, -18.0)


def test_a_line_arriving_at_the_top_right_sends_the_badge_to_the_top_left() -> None:
    arriving = [(120.0, -120.0), (11.0, -11.0)]  # into the symbol from the upper right
    assert badge_spot(0.0, 0.0, BOX, [arriving], []) == (-20.0, -18.0)


def test_another_box_is_no_place_for_the_badge() -> None:
    neighbour = Box(-40.0, -30.0, 14.0, 20.0)  # over the top left spot
    arriving = [(120.0, -120.0), (11.0, -11.0)]
    spot = badge_spot(0.0, 0.0, BOX, [arriving], [neighbour])
    assert spot == spots(0.0, 0.0, BOX)[2]  # beside the name, on the right


def test_with_every_spot_taken_the_badge_stands_furthest_from_the_lines() -> None:
    # a line through every spot but one, which a line passes 8 units from
    lines = [[(x, y - 30.0), (x, y + 30.0)] for x, y in spots(0.0, 0.0, BOX)]
    far = spots(0.0, 0.0, BOX)[4]
    lines[4] = [(far[0] + 8.0, far[1] - 30.0), (far[0] + 8.0, far[1] + 30.0)]
    assert badge_spot(0.0, 0.0, BOX, lines, []) == far


def _points(text: str) -> list[Point]:
    nums = [float(v) for v in text.replace(",", " ").split()]
    return list(zip(nums[::2], nums[1::2], strict=True))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_line_or_arrowhead_under_a_family_members_badge(lang: str) -> None:
    """In the case where Noor and both parents hold regie, Sara's arrows into Noor and Hans
    ended under their badges at the symbols' top right, reading as pointing at the badge."""
    case = load(ROOT / "examples" / "huisarts-steunfiguren.yaml")
    root = ET.fromstring(draw(case, "systemogram", lang=lang))
    badges = [(float(c.get("cx", "0")), float(c.get("cy", "0")))
              for g in root.iter(f"{NS}g") if "person" in (g.get("class") or "").split()
              for c in g.iter(f"{NS}circle") if c.get("class") == "regie-badge"]
    assert len(badges) == 3  # Noor, Hans, Yvonne
    edges = [g for g in root.iter(f"{NS}g") if (g.get("class") or "").startswith("edge ")]
    for cx, cy in badges:
        for edge in edges:
            for line in edge.iter(f"{NS}polyline"):
                width = float(line.get("stroke-width", "1"))
                for a, b in pairwise(_points(line.get("points", ""))):
                    assert segment_distance((cx, cy), a, b) > BADGE_RADIUS + width / 2
            for head in edge.iter(f"{NS}polygon"):
                for p in _points(head.get("points", "")):
                    assert math.dist((cx, cy), p) > BADGE_RADIUS
    assert CLEAR > BADGE_RADIUS
