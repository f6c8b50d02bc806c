"""The overview across cases: its counts are the sums of the per-case analyses, it streams
through the batch analysis on any number of workers, and the partner picture has no
overlapping boxes."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import systeemkaart as sk
from systeemkaart.analysis import analyse
from systeemkaart.batch import analyse_files
from systeemkaart.cli import main
from systeemkaart.model import Case
from systeemkaart.page.overview import FLAGS, Tally, digest
from systeemkaart.page.overview_page import overview_html
from systeemkaart.page.partners import MAX_PARTNERS, layout_partners, partner_svg, ring_of
from tests.strategies import case_data, partner_counts

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def _tally(files: list[str], jobs: int = 1) -> Tally:
    tally = Tally()
    for outcome in analyse_files(files, jobs=jobs, digest=digest, json_lines=False):
        if outcome.digest is None:
            tally.failed += 1
        else:
            tally.add(outcome.digest)
    return tally


def _expected(cases: list[Case]) -> dict[str, Any]:
    """The overview's numbers computed straight from ``analyse`` on each case."""
    kinds: Counter[str] = Counter()
    flags: Counter[str] = Counter()
    pros: Counter[int] = Counter()
    for case in cases:
        a = analyse(case)
        kinds.update(k for k, n in a.helpers.by_kind.items() if n)
        flags.update(c for c in set(a.codes()) if c in FLAGS)
        pros[a.helpers.professionals] += 1
    return {"kinds": dict(kinds), "flags": {c: flags[c] for c in FLAGS},
            "professionals": dict(pros)}


@settings(max_examples=25)
@given(st.lists(case_data(max_agents=15, max_generations=2), min_size=1, max_size=6))
def test_counts_equal_the_sum_of_per_case_analyses(datas: list[dict[str, Any]]) -> None:
    cases = [Case.model_validate(d) for d in datas]
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i, d in enumerate(datas):
            path = Path(tmp) / f"c{i}.json"
            path.write_text(json.dumps(d, default=str), encoding="utf-8")
            files.append(str(path))
        tally = _tally(files)
    expected = _expected(cases)
    assert tally.cases == len(cases) and tally.failed == 0
    assert tally.kinds == expected["kinds"]
    assert tally.flags == expected["flags"]
    assert tally.professionals == expected["professionals"]
    assert sum(tally.professionals.values()) == len(cases)


def test_units_of_one_example() -> None:
    case = sk.load(EXAMPLES / "mdo-weglopen.yaml")
    d = digest(case, analyse(case))
    names = {name for name, _ in d.units}
    assert "Sociaal Wijkteam Zuid" in names and "Jeugdhulp De Brug" in names
    assert ("Jeugd-GGZ", "youth_mental_health") in d.units
    assert d.professionals == analyse(case).helpers.professionals


def test_overview_command_agrees_with_analyse_json_lines(tmp_path: Path) -> None:
    runner = CliRunner()
    lines = runner.invoke(main, ["analyse", str(EXAMPLES), "--jobs", "1"])
    assert lines.exit_code == 0
    kinds: Counter[str] = Counter()
    flags: Counter[str] = Counter()
    n = 0
    for line in lines.stdout.splitlines():
        if not line.startswith("{"):
            continue
        n += 1
        data = json.loads(line)
        kinds.update(k for k, v in data["helpers"]["by_kind"].items() if v)
        codes = {f["code"] for f in data["helpers"]["findings"] + data["regie"]["findings"]}
        flags.update(c for c in codes if c in FLAGS)
    out = tmp_path / "overzicht.html"
    result = runner.invoke(main, ["overview", str(EXAMPLES), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert f"Overzicht over {n} casussen" in page
    for kind, count in kinds.items():
        assert re.search(rf'data-kind="{kind}"><td>[^<]*</td><td class=num>{count}<', page), kind
    for code in FLAGS:
        assert re.search(rf'data-flag="{code}">.*?<td class=num>{flags[code]}<', page), code
    assert "<svg" in page and 'class="partners"' in page


def test_two_workers_give_the_same_tally_as_one(tmp_path: Path) -> None:
    for i in range(70):  # more than one chunk, so the process pool really runs
        for src in sorted(EXAMPLES.glob("*.yaml"))[:2]:
            shutil.copy(src, tmp_path / f"{i:03d}-{src.name}")
    files = sorted(str(p) for p in tmp_path.iterdir())
    one, two = _tally(files, jobs=1), _tally(files, jobs=2)
    assert one == two and one.cases == 140


def test_a_bad_file_is_reported_not_counted_and_exit_is_2(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "hoogbegaafd.yaml", tmp_path / "a.yaml")
    (tmp_path / "b.yaml").write_text("schema: systeemkaart/1\ncase: {id: [\n", encoding="utf-8")
    out = tmp_path / "o.html"
    result = CliRunner().invoke(main, ["overview", str(tmp_path), "-o", str(out), "-j", "1"])
    assert result.exit_code == 2
    assert "b.yaml" in result.output and "Traceback" not in result.output
    page = out.read_text(encoding="utf-8")
    assert "Overzicht over 1 casussen" in page and "1 bestanden konden niet" in page


def test_no_case_files_is_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["overview", str(tmp_path), "-o", str(tmp_path / "x")])
    assert result.exit_code == 2 and "no case files" in result.output


def test_median_and_mean() -> None:
    t = Tally(cases=4, professionals={1: 1, 3: 2, 10: 1})
    assert t.professionals_median_mean() == (3.0, 4.25)
    assert Tally().professionals_median_mean() == (0.0, 0.0)


# --- partner picture ---------------------------------------------------------------------


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


@settings(max_examples=40)
@given(partner_counts())
def test_partner_picture_has_no_overlapping_boxes(units: dict[tuple[str, str],
                                                                tuple[int, int]]) -> None:
    placed = layout_partners(units)
    assert len(placed) == min(len(units), MAX_PARTNERS)
    centre = (-40.0, -40.0, 80.0, 80.0)
    for i, a in enumerate(placed):
        assert not _overlap(a.box, centre)
        for b in placed[i + 1:]:
            assert not _overlap(a.box, b.box), (a.label, b.label)
    svg = partner_svg(units, 10, "nl", "Partnerbeeld")
    boxes = [tuple(map(float, m.split())) for m in re.findall(r'data-bbox="([^"]*)"', svg)]
    assert len(boxes) == len(placed) + 1


@given(partner_counts())
def test_inner_rings_share_more_cases_with_the_swt(units: dict[tuple[str, str],
                                                                 tuple[int, int]]) -> None:
    placed = layout_partners(units)
    for a in placed:
        for b in placed:
            if a.ring < b.ring:
                assert a.shared > b.shared
    from math import hypot

    by_ring: dict[int, list[float]] = {}
    for p in placed:
        by_ring.setdefault(p.ring, []).append(hypot(p.x, p.y))
    rings = sorted(by_ring)
    for inner, outer in itertools.pairwise(rings):
        assert max(by_ring[inner]) < min(by_ring[outer])


def test_sides_follow_the_seeds_picture() -> None:
    units = {("Yarin", "youth_care"): (30, 20), ("Zone", "school"): (25, 18),
             ("Travers", "social_basis"): (10, 2), ("Karakter", "youth_mental_health"): (9, 0)}
    placed = {p.name: p for p in layout_partners(units)}
    assert placed["Yarin"].x > 0 and placed["Karakter"].x > 0
    assert placed["Zone"].x < 0 and placed["Travers"].x < 0
    assert placed["Karakter"].ring == 4
    assert ring_of(20, 20) == 1


def test_overview_page_in_english_and_empty() -> None:
    page = overview_html(Tally(), "en")
    assert "Overview of 0 cases" in page and 'lang="en"' in page
    data = yaml.safe_load((EXAMPLES / "hoogbegaafd.yaml").read_text(encoding="utf-8"))
    case = Case.model_validate(data)
    t = Tally()
    t.add(digest(case, analyse(case)))
    assert "Overview of 1 cases" in overview_html(t, "en")


def test_the_audits_figures_stand_beside_the_counts() -> None:
    page = overview_html(Tally(cases=3, kinds={"youth_care": 2}, professionals={2: 3}), "nl")
    assert re.search(r'data-kind="school"><td>School</td><td class=num>0<.*12 / 15', page)
    assert re.search(r'data-kind="gp">.*?5 / 15', page)
    assert re.search(r'data-kind="several_youth_care">.*?13 / 15', page)
