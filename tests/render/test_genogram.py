"""Genogram SVG: DESIGN.md conventions, an exact legend, escaping, determinism, CLI output."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings

from systeemkaart.cli import main
from systeemkaart.dates import PartialDate
from systeemkaart.io.yaml_json import load
from systeemkaart.layout import Box
from systeemkaart.layout.genogram import GenogramOptions, layout_genogram
from systeemkaart.model import Case, case_at
from systeemkaart.render.genogram import render_genogram
from tests.strategies_genogram import genogram_families

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "cases"
NS = {"s": "http://www.w3.org/2000/svg"}


def _svg(case: Case, lang: str = "nl", at: PartialDate | None = None) -> str:
    return render_genogram(case, lang=lang, at=at or case.as_of())


def _root(svg: str) -> ET.Element:
    return ET.fromstring(svg.encode("utf-8"))


def _groups(root: ET.Element, cls: str) -> list[ET.Element]:
    return [g for g in root.iter("{http://www.w3.org/2000/svg}g")
            if cls in (g.get("class") or "").split()]


def _check_svg(case: Case, svg: str) -> None:
    case = case_at(case, case.as_of())
    root = _root(svg)
    assert root.get("width") and root.get("height") and root.get("viewBox")
    assert root.find("s:title", NS) is not None
    nodes = _groups(root, "node")
    assert sorted(g.get("data-id") or "" for g in nodes) == sorted(p.id for p in case.people)
    boxes = []
    for g in nodes:
        assert g.get("id") == f"n-{g.get('data-id')}"
        assert "person" in (g.get("class") or "").split()
        assert g.find("s:title", NS) is not None
        x, y, w, h = (float(v) for v in (g.get("data-bbox") or "").split())
        boxes.append(Box(x, y, w, h))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b)
    for g in _groups(root, "edge"):
        kinds = (g.get("class") or "").split()
        assert g.find("s:title", NS) is not None
        if "child" in kinds:
            assert g.get("data-parents") and g.get("data-child")
        else:
            assert g.get("data-source") and g.get("data-target")


@pytest.mark.parametrize("path", sorted(CASES.glob("*.yaml")) + sorted(
    (ROOT / "examples").glob("*.yaml")), ids=lambda p: p.name)
def test_cases_render_to_valid_svg_with_the_conventions(path: Path) -> None:
    case = load(path)
    _check_svg(case, _svg(case))


@settings(max_examples=25)
@given(genogram_families())
def test_generated_families_render_valid_and_identical_twice(case: Case) -> None:
    first = _svg(case)
    _check_svg(case, first)
    assert _svg(case) == first


def _legend(svg: str) -> set[str]:
    root = _root(svg)
    (legend,) = _groups(root, "legend")
    return set((legend.get("data-entries") or "").split())


def test_legend_lists_exactly_what_is_drawn() -> None:
    case = load(CASES / "twins-adoption.yaml")
    keys = _legend(_svg(case))
    assert keys == {
        "sex-male", "sex-female", "partnership-married", "partnership-implied",
        "child-biological", "child-adopted", "child-foster", "twins", "identical-twins",
        "relation-fused", "relation-hostile", "relation-caregiving", "index", "adopted",
        "age", "household",
    }


def test_legend_shows_status_marks_and_consanguinity_only_when_used() -> None:
    remarriage = _legend(_svg(load(CASES / "remarriage.yaml")))
    assert {"status-divorced", "status-separated", "deceased"} <= remarriage
    assert "consanguineous" not in remarriage
    assert "consanguineous" in _legend(_svg(load(CASES / "consanguinity.yaml")))


@pytest.mark.parametrize("name", ["remarriage", "twins-adoption", "consanguinity"])
def test_legend_names_partner_lines_and_their_ends_in_the_order_first_drawn(name: str) -> None:
    case = load(CASES / f"{name}.yaml")
    case = case_at(case, case.as_of())
    layout = layout_genogram(case, GenogramOptions(lang="nl", at=case.as_of()))
    drawn = [f"partnership-{ps.kind}" for ps in layout.partnerships]
    drawn += [f"status-{ps.ended}" for ps in layout.partnerships
              if (ps.ended in {"separated", "divorced"} and ps.slashes)
              or (ps.ended == "widowed" and ps.points)]
    (legend,) = _groups(_root(_svg(case)), "legend")
    keys = (legend.get("data-entries") or "").split()
    assert [k for k in keys if k.startswith(("partnership-", "status-"))] == \
        list(dict.fromkeys(drawn))


def test_labels_follow_the_language() -> None:
    case = load(CASES / "consanguinity.yaml")
    nl, en = _svg(case, "nl"), _svg(case, "en")
    assert "geb. 1955" in nl and "getr. 1978" in nl and "Legenda" in nl
    assert "b. 1955" in en and "m. 1978" in en and "Legend" in en


def test_date_changes_what_is_drawn() -> None:
    case = load(CASES / "four-generations.yaml")
    later = _root(_svg(case))
    earlier = _root(_svg(case, at=PartialDate(1995)))

    def classes(root: ET.Element, pid: str) -> list[str]:
        (g,) = [g for g in _groups(root, "node") if g.get("data-id") == pid]
        return (g.get("class") or "").split()

    assert "deceased" in classes(later, "ovg")
    assert "deceased" not in classes(earlier, "ovg")


def test_text_is_escaped() -> None:
    case = load(CASES / "consanguinity.yaml")
    data = case.model_dump(by_alias=True, exclude_none=True, mode="json")
    data["people"][0]["name"] = 'A <b> & "c" \x01'
    svg = _svg(Case.model_validate(data))
    root = _root(svg)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert 'A <b> & "c"' in "".join(t or "" for t in texts)


def test_identical_under_another_hash_seed() -> None:
    code = ("import sys; from systeemkaart.io.yaml_json import load; "
            "from systeemkaart.drawing import draw; "
            "sys.stdout.write(draw(load(sys.argv[1]), 'genogram'))")
    outs = []
    for seed in ("0", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run([sys.executable, "-c", code, str(CASES / "remarriage.yaml")],
                              capture_output=True, env=env, check=True)
        outs.append(proc.stdout)
    assert outs[0] == outs[1]
    assert outs[0].startswith(b"<?xml")


@pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG"), ("pdf", b"%PDF")])
def test_cli_draws_png_and_pdf(runner, tmp_path: Path, fmt: str, magic: bytes) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / f"g.{fmt}"
    result = runner.invoke(main, ["draw", str(CASES / "consanguinity.yaml"), "-o", str(out),
                                  "--format", fmt])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(magic)


def test_cli_writes_svg_beside_the_case_by_default(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case = tmp_path / "gezin.yaml"
    case.write_text((CASES / "remarriage.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(main, ["draw", str(case), "--lang", "en"])
    assert result.exit_code == 0, result.output
    svg = (tmp_path / "gezin.genogram.svg").read_text(encoding="utf-8")
    assert "Legend" in svg and 'class="node person' in svg


def test_what_is_said_while_graphviz_works_is_what_painting_says_itself() -> None:
    """A large drawing works out the people's tooltips, ages and deceased marks while
    Graphviz lays it out in its child process; painting the same layout without them (each
    worked out on the spot) gives the same bytes."""
    from bench.bench_genogram import random_family

    from systeemkaart.layout.genogram import GenogramOptions, layout_genogram
    from systeemkaart.layout.genogram_blocks import build_structure
    from systeemkaart.layout.genogram_dot import _FORK_FROM
    from systeemkaart.render.genogram import _TITLE_H, render_layout

    case = random_family(5, 500, relations=6, start=1850)
    at = PartialDate(2030)
    drawn = case_at(case, at)
    assert len(build_structure(drawn).blocks) >= _FORK_FROM  # Graphviz in a child process
    svg = render_genogram(case, lang="en", at=at)
    layout = layout_genogram(drawn, GenogramOptions(lang="en", at=at, top=_TITLE_H),
                             reduced=True)
    assert render_layout(drawn, layout, lang="en", at=at, reduced=True) == svg
    assert svg.count("<title>") > len(drawn.people)
