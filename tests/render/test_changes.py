"""draw --since: what is new since a date is marked, what ended since is faded."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from systeemkaart.cli import main
from systeemkaart.dates import PartialDate
from systeemkaart.drawing import draw
from systeemkaart.io.yaml_json import load

ROOT = Path(__file__).resolve().parent.parent.parent
STORY = ROOT / "examples" / "terug-naar-huis.yaml"
NS = "{http://www.w3.org/2000/svg}"
D = PartialDate.parse


def _marked(svg: str, mark: str) -> set[str]:
    root = ET.fromstring(svg.encode("utf-8"))
    out = set()
    for g in root.iter(f"{NS}g"):
        classes = (g.get("class") or "").split()
        if mark in classes:
            out.add(g.get("data-id") or g.get("data-involvement")
                    or f"{g.get('data-source')}>{g.get('data-target')}")
    return out


def test_systemogram_marks_the_new_help_and_fades_the_group_she_left() -> None:
    case = load(STORY)
    svg = draw(case, "systemogram", since=D("2022-06"))
    new, ended = _marked(svg, "new"), _marked(svg, "ended")
    assert {"swt-ruben", "mentor", "stage", "bijbaan", "baas"} <= new
    assert {"groepsleider", "behandelaar", "residentieel"} <= ended
    assert not new & ended
    assert 'data-key="new-since"' in svg and 'data-key="ended-since"' in svg
    assert "Nieuw sinds 2022-06" in svg
    # the header counts what held at the date shown, not the faded help
    assert "3 professionals" in svg


def test_genogram_marks_a_birth_and_a_divorce_since() -> None:
    case = load(ROOT / "tests" / "cases" / "remarriage.yaml")
    born = sorted((p.born, p.id) for p in case.people if p.born is not None)
    since = born[-1][0]
    before = PartialDate(since.year - 1)
    svg = draw(case, "genogram", since=before)
    assert born[-1][1] in _marked(svg, "new")


@pytest.mark.parametrize("kind", ["genogram", "systemogram", "timeline"])
def test_since_the_date_shown_marks_nothing(kind: str) -> None:
    case = load(STORY)
    svg = draw(case, kind, since=case.as_of())
    assert _marked(svg, "new") == set() and _marked(svg, "ended") == set()
    assert "changes" not in svg


def test_timeline_marks_periods_by_their_dates() -> None:
    case = load(STORY)
    svg = draw(case, "timeline", since=D("2022-06"))
    new = {case.involvements[int(i)].agent for i in _marked(svg, "new")}
    ended = {case.involvements[int(i)].agent for i in _marked(svg, "ended")}
    assert new == {"swt-ruben", "mentor", "baas"}
    assert ended == {"groepsleider", "behandelaar"}


def test_the_draw_options(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "x.svg"
    res = runner.invoke(main, ["draw", str(STORY), "--kind", "systemogram", "--since",
                               "2022-06", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert 'class="legend changes"' in out.read_text(encoding="utf-8")
    bad = runner.invoke(main, ["draw", str(STORY), "--since", "juni", "-o", str(out)])
    assert bad.exit_code == 2 and "--since" in bad.output
    res = runner.invoke(main, ["draw", str(STORY), "--kind", "timeline", "--from", "2020",
                               "--to", "2021", "-o", str(out)])
    assert res.exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert ">2020<" in text and ">2021<" in text and ">2019<" not in text
