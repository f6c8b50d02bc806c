"""Lines into one person neither cross nor touch on their last way to it."""

from __future__ import annotations

from bench.bench_systemogram import network

from systeemkaart.layout import Box, Point
from systeemkaart.layout.ring_centre import PersonPlace
from systeemkaart.layout.systemogram import layout_systemogram
from systeemkaart.layout.systemogram_route import Obstacle, Router
from systeemkaart.layout.systemogram_touch import touches, untouch
from tests.layout.systemogram_drawn import drawn_lines, fan_points

PERSON = PersonPlace(id="p", x=0.0, y=0.0, box=Box(-15.0, -15.0, 30.0, 45.0), lines=(),
                     household=None)


def _zigzags() -> list[list[Point]]:
    """Two supporters' lines from the lower left into the person's left side: the first
    zigzags round a bend of the second, touching it 50 units from the person; each ends
    in its fan (the last three points)."""
    first: list[Point] = [(-120.0, 60.0), (-70.0, 60.0), (-55.0, 30.0), (-60.0, 25.0),
                          (-40.0, 5.0), (-30.0, 3.0), (-20.0, 3.0), (-15.0, 3.0)]
    second: list[Point] = [(-130.0, 40.0), (-80.0, 40.0), (-60.0, 25.2), (-60.0, -5.0),
                           (-30.0, -5.0), (-20.0, -4.0), (-15.0, -4.0)]
    return [first, second]


def test_lines_touching_at_a_bend_are_listed() -> None:
    """Two lines into one person whose strokes touch at a bend are a meeting; moved
    apart (the second line 20 units higher) they are not."""
    paths = _zigzags()
    ends = [("s1", "p"), ("s2", "p")]
    assert touches(paths, ends, [1.5, 1.5], [3, 3], {"p": PERSON}) == [(0, 1)]
    apart = [paths[0], [(x, y - 20.0) for x, y in paths[1]]]
    assert touches(apart, ends, [1.5, 1.5], [3, 3], {"p": PERSON}) == []


def test_untouch_straightens_the_zigzag() -> None:
    """The zigzagging line's last way runs straight, clear of the person's box, and the
    two lines no longer meet; the lines' starts and fans stay."""
    paths = _zigzags()
    before = [list(p) for p in paths]
    ends = [("s1", "p"), ("s2", "p")]
    router = Router([Obstacle("p", PERSON.box)])
    dropped = untouch(router, paths, ends, [1.5, 1.5], [["s1", "p"], ["s2", "p"]], [1, 1],
                      [3, 3], {"p": PERSON})
    assert dropped > 0
    assert touches(paths, ends, [1.5, 1.5], [3, 3], {"p": PERSON}) == []
    for old, new in zip(before, paths, strict=True):
        assert new[:2] == old[:2] and new[-3:] == old[-3:]


def test_supporter_lines_into_persoon_8_do_not_meet() -> None:
    """In the bench's 40-agent network of seed 0, Steun 35's and Steun 23's lines into
    Persoon 8 zigzagged round each other's bends and touched some 55 units from it (read
    as crossing just before the person): now they do not meet."""
    lay = layout_systemogram(network(0, 12, 40))
    paths, ends, widths = drawn_lines(lay)
    met = {(ends[i], ends[j])
           for i, j in touches(paths, ends, widths, fan_points(lay, paths, ends), lay.people)}
    assert not met & {(("s23", "p8"), ("s35", "p8")), (("s35", "p8"), ("s23", "p8"))}
