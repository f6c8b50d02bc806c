"""Systemogram SVG: conventions, every active line drawn, nothing inactive, deterministic."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from systeemkaart.dates import PartialDate
from systeemkaart.drawing import draw
from systeemkaart.io.yaml_json import load
from systeemkaart.layout import Box, segment_hits_box
from systeemkaart.model import Case, case_at
from systeemkaart.render.systemogram import render_systemogram, systemogram_svg
from systeemkaart.text.measure import text_width
from tests.conftest import ROOT
from tests.strategies import helper_networks

NS = "{http://www.w3.org/2000/svg}"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _case(**parts: Any) -> Case:
    data: dict[str, Any] = {"schema": "systeemkaart/1",
                            "case": {"id": "t", "title": "Test <&>", "as_of": "2023-05-01",
                                     "index": ["kind"]},
                            "people": [{"id": "vader", "sex": "male", "born": 1980},
                                       {"id": "moeder", "sex": "female", "born": 1982},
                                       {"id": "kind", "sex": "female", "born": 2010}],
                            "households": [{"members": ["vader", "moeder", "kind"]}]}
    data.update(parts)
    return Case.model_validate(data)


def _nodes(root: ET.Element) -> dict[str, ET.Element]:
    return {g.get("data-id", ""): g for g in root.iter(f"{NS}g")
            if "node" in (g.get("class") or "").split()}


def _edges(root: ET.Element) -> list[ET.Element]:
    return [g for g in root.iter(f"{NS}g") if "edge" in (g.get("class") or "").split()]


def _bbox(g: ET.Element) -> tuple[float, float, float, float]:
    x, y, w, h = (float(v) for v in (g.get("data-bbox") or "").split())
    return x, y, w, h


def _check_svg(case: Case, svg: str, at: PartialDate, *, strokes: bool = False) -> ET.Element:
    """Conventions, boxes apart, texts inside, every active line drawn; with ``strokes``
    also no drawn stroke (double lines and zigzags included) under another node's box."""
    case = case_at(case, at)  # what the drawing shows: the case as it stood at ``at``
    root = ET.fromstring(svg.encode("utf-8"))
    assert root.find(f"{NS}title") is not None
    view = [float(v) for v in (root.get("viewBox") or "").split()]
    nodes = _nodes(root)
    boxes = [(k, _bbox(g)) for k, g in nodes.items()]
    for i, (a, (ax, ay, aw, ah)) in enumerate(boxes):
        assert nodes[a].get("id") == f"n-{a}"
        assert nodes[a].find(f"{NS}title") is not None
        assert view[0] <= ax and ax + aw <= view[0] + view[2] + 0.01
        assert view[1] <= ay and ay + ah <= view[1] + view[3] + 0.01
        for b, (bx, by, bw, bh) in boxes[i + 1:]:
            eps = 1e-6  # boxes that touch in the file's decimals may differ in binary floats
            apart = (ax + aw <= bx + eps or bx + bw <= ax + eps or ay + ah <= by + eps
                     or by + bh <= ay + eps)
            assert apart, f"{a} overlaps {b}"
    for t in root.iter(f"{NS}text"):
        size = float(t.get("font-size") or 12)
        width = text_width(t.text or "", size, bold=t.get("font-weight") == "bold")
        x = float(t.get("x") or 0)
        anchor = t.get("text-anchor") or "start"
        left = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
        assert view[0] - 0.5 <= left and left + width <= view[0] + view[2] + 0.5, t.text
        assert view[1] <= float(t.get("y") or 0) <= view[1] + view[3], t.text
    drawn: set[tuple[int, str]] = set()
    for e in _edges(root):
        source, target = e.get("data-source"), e.get("data-target")
        assert source in nodes and target in nodes
        assert e.find(f"{NS}title") is not None
        for line in e.iter(f"{NS}polyline") if strokes else ():
            pts: list[tuple[float, float]] = []
            for pair in (line.get("points") or "").split():
                x, y = pair.split(",")
                pts.append((float(x), float(y)))
            for nid, (bx, by, bw, bh) in boxes:
                if nid in (source, target):
                    continue
                box = Box(bx, by, bw, bh)
                assert not any(segment_hits_box(a, b, box) for a, b in pairwise(pts)), (
                    source, target, nid)
        if "relation" in (e.get("class") or "").split():
            continue
        for i in (e.get("data-involvements") or "").split():
            inv = case.involvements[int(i)]
            assert inv.active_at(at), "an inactive involvement is drawn"
            assert inv.agent in (e.get("data-agents") or "").split()
            drawn.add((int(i), target or ""))
    itself = {r.id: r.person for r in [*case.network, *case.contexts] if r.person}
    for i, inv in enumerate(case.involvements):
        for t in inv.targets:
            if itself.get(inv.agent) == t and inv.agent not in nodes:
                continue  # a supporter drawn as the person it targets: no line to oneself
            assert ((i, t) in drawn) is inv.active_at(at)
    return root


@given(helper_networks(min_agents=0, max_agents=60))
def test_generated_networks_draw_every_active_line_and_nothing_else(case: Case) -> None:
    at = case.as_of()
    svg = render_systemogram(case, lang=case.case.lang, at=at)
    root = _check_svg(case, svg, at)
    state = case_at(case, at)  # help whose agent or targets did not exist then is not active
    has_regie = any(inv.regie and inv.active_at(at) for inv in state.involvements) or any(
        not state.person(pid).is_deceased for pid in state.case.regie)
    involved = any("involvement" in (e.get("class") or "").split() for e in _edges(root))
    notes = [g for g in root.iter(f"{NS}g") if g.get("class") == "no-regie"]
    assert bool(notes) is (involved and not has_regie)
    assert svg == render_systemogram(case, lang=case.case.lang, at=at)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_draw_with_every_target(path: Path, lang: str) -> None:
    case = load(path)
    at = case.as_of()
    root = _check_svg(case, render_systemogram(case, lang=lang, at=at), at, strokes=True)
    badge = [g for g in root.iter(f"{NS}g") if g.get("class") == "count-badge"]
    assert len(badge) == 1 and "professionals" in "".join(badge[0].itertext())


def test_regie_badge_stances_and_legend() -> None:
    case = _case(organisations=[{"id": "swt", "professionals": [{"id": "anna"}]},
                                {"id": "vt", "kind": "safety_home",
                                 "professionals": [{"id": "melder"}]}],
                 involvements=[{"agent": "anna", "targets": ["kind"], "regie": True},
                               {"agent": "melder", "targets": ["vader"], "stance": "opposite"}])
    svg = render_systemogram(case, lang="en", at=case.as_of())
    root = ET.fromstring(svg)
    nodes = _nodes(root)
    assert "regie" in (nodes["anna"].get("class") or "")
    assert any(c.get("class") == "regie-badge" for c in nodes["anna"].iter(f"{NS}circle"))
    classes = {e.get("class") for e in _edges(root)}
    assert "edge involvement stance-alongside regie" in classes
    assert "edge involvement stance-opposite" in classes
    legend = next(g for g in root.iter(f"{NS}g") if g.get("class") == "legend")
    keys = (legend.get("data-entries") or "").split()
    assert "stance-opposite" in keys and "regie" in keys
    assert "stance-over" not in keys and "supporter" not in keys  # only what is used
    assert "Nobody holds regie" not in svg
    assert "<title>Test &lt;&amp;&gt;</title>" in svg


def test_nobody_holds_regie_is_visible() -> None:
    case = _case(organisations=[{"id": "swt", "professionals": [{"id": "anna"}]}],
                 involvements=[{"agent": "anna", "targets": ["kind"]}])
    svg = render_systemogram(case, lang="nl", at=case.as_of())
    assert 'class="no-regie"' in svg and "Regie bij niemand" in svg


def test_nobody_holds_regie_only_when_somebody_is_involved() -> None:
    case = _case(network=[{"id": "oma", "supports": ["kind"]}])
    svg = render_systemogram(case, lang="nl", at=case.as_of())
    assert "no-regie" not in svg and "Regie bij niemand" not in svg


def test_hostile_relation_with_a_former_psychiatrist_is_drawn() -> None:
    case = load(ROOT / "examples" / "mdo-weglopen.yaml")
    root = ET.fromstring(render_systemogram(case, lang="nl", at=case.as_of()))
    rel = [e for e in _edges(root) if "relation" in (e.get("class") or "").split()]
    assert [(e.get("data-source"), e.get("data-target")) for e in rel] == [("daan", "ggz-psy")]
    assert "hostile" in (rel[0].get("class") or "").split()
    legend = next(g for g in root.iter(f"{NS}g") if g.get("class") == "legend")
    assert "relation-hostile" in (legend.get("data-entries") or "").split()


def test_several_hold_regie() -> None:
    case = _case(organisations=[{"id": "swt", "professionals": [{"id": "a"}, {"id": "b"}]}],
                 involvements=[{"agent": "a", "targets": ["kind"], "regie": True},
                               {"agent": "b", "targets": ["kind"], "regie": True}])
    svg = render_systemogram(case, lang="en", at=case.as_of())
    assert 'class="multi-regie"' in svg and "Several hold regie" in svg


def test_at_changes_what_is_drawn() -> None:
    case = _case(organisations=[{"id": "ggz", "professionals": [{"id": "ggz-psy"},
                                                                {"id": "ggz-ther"}]}],
                 involvements=[{"agent": "ggz-psy", "targets": ["kind"], "start": 2019,
                                "end": 2020},
                               {"agent": "ggz-ther", "targets": ["kind"], "start": "2022-11"}])
    early = draw(case, "systemogram", at=PartialDate.parse("2019-06"))
    late = draw(case, "systemogram")
    assert 'id="n-ggz-psy"' in early and 'id="n-ggz-psy"' not in late
    assert 'id="n-ggz-ther"' in late and 'id="n-ggz-ther"' not in early
    assert 'data-at="2019-06"' in early and 'data-at="2023-05-01"' in late


def test_supporter_strength_and_membership_lines() -> None:
    case = _case(network=[{"id": "oma", "supports": ["kind"], "strength": "stressful"}],
                 contexts=[{"id": "school", "kind": "school", "members": ["kind"]}])
    root = ET.fromstring(render_systemogram(case, lang="nl", at=case.as_of()))
    classes = {e.get("class") for e in _edges(root)}
    assert classes == {"edge support strength-stressful", "edge membership"}


_SCRIPT = """
import hashlib, sys
from pathlib import Path
from systeemkaart.drawing import draw
from systeemkaart.io.yaml_json import load
h = hashlib.sha256()
for p in sorted(Path(sys.argv[1]).glob('*.yaml')):
    case = load(p)
    for kind in ('systemogram', 'timeline'):
        h.update(draw(case, kind).encode())
print(h.hexdigest())
"""


def test_byte_identical_across_hash_seeds() -> None:
    digests = set()
    for seed in ("0", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        out = subprocess.run([sys.executable, "-c", _SCRIPT, str(ROOT / "examples")],
                             capture_output=True, text=True, env=env, check=True)
        digests.add(out.stdout.strip())
    here = hashlib.sha256()
    for p in EXAMPLES:
        case = load(p)
        for kind in ("systemogram", "timeline"):
            here.update(draw(case, kind).encode())
    digests.add(here.hexdigest())
    assert len(digests) == 1


def test_cli_draws_systemogram_and_timeline(runner: Any, tmp_path: Path) -> None:
    from systeemkaart.cli import main

    src = EXAMPLES[0]
    result = runner.invoke(main, ["draw", str(src), "--kind", "systemogram", "--out-dir",
                                  str(tmp_path), "--at", "2019-06", "--lang", "en"])
    assert result.exit_code == 0, result.output
    svg = (tmp_path / f"{src.stem}.systemogram.svg").read_text(encoding="utf-8")
    assert 'data-at="2019-06"' in svg and 'xml:lang="en"' in svg
    result = runner.invoke(main, ["draw", str(src), "--kind", "timeline", "--out-dir",
                                  str(tmp_path)])
    assert result.exit_code == 0, result.output
    timeline = tmp_path / f"{src.stem}.timeline.svg"
    assert timeline.read_text(encoding="utf-8").startswith("<?xml")


def test_cli_focus_stance_and_organisation(runner: Any, tmp_path: Path) -> None:
    from systeemkaart.cli import main

    src = ROOT / "examples" / "mdo-weglopen.yaml"
    out = tmp_path / "focus.svg"
    result = runner.invoke(main, ["draw", str(src), "--kind", "systemogram", "--focus",
                                  "moeder", "--stance", "over", "-o", str(out)])
    assert result.exit_code == 0, result.output
    nodes = _nodes(ET.fromstring(out.read_bytes()))
    assert {"swt-anna", "lpa"} <= set(nodes) and "brug-rob" not in nodes
    out = tmp_path / "org.svg"
    result = runner.invoke(main, ["draw", str(src), "--kind", "systemogram",
                                  "--organisation", "ggz", "-o", str(out)])
    assert result.exit_code == 0, result.output
    nodes = _nodes(ET.fromstring(out.read_bytes()))
    assert "ggz-ther" in nodes and "swt-anna" not in nodes
    bad = tmp_path / "bad.svg"
    result = runner.invoke(main, ["draw", str(src), "--kind", "systemogram", "--focus",
                                  "nobody", "-o", str(bad)])
    assert result.exit_code == 2 and "mdo-weglopen.yaml" in result.output
    assert "Traceback" not in result.output and not bad.exists()


def test_a_collapsed_organisation_never_hides_a_core_group_member() -> None:
    """Eight professionals of one organisation collapse into one row; the one whom the
    suggested core group needs (the only one reaching the father) keeps an own row in
    every drawing of the case, also when changes since a date are marked."""
    from systeemkaart.analysis.coregroup import analyse_core_group

    pros = [{"id": f"pro{k}", "name": f"P{k}"} for k in range(8)]
    invs = [{"agent": f"pro{k}", "targets": ["kind"], "start": 2022} for k in range(7)]
    invs.append({"agent": "pro7", "targets": ["vader"], "entry": "good", "start": 2022})
    case = _case(organisations=[{"id": "ggz", "kind": "youth_mental_health",
                                 "professionals": pros}], involvements=invs)
    at = PartialDate.parse("2023-05-01")
    members = analyse_core_group(case, at).members
    assert "pro7" in members
    for svg in (draw(case, "systemogram"),
                draw(case, "systemogram", since=PartialDate.parse(2021))):
        nodes = _nodes(ET.fromstring(svg))
        assert "ggz" in nodes  # collapsed: the card shows a count
        assert set(members) <= nodes.keys()
        assert len([k for k in nodes if k.startswith("pro")]) < 8  # the rest stay folded
    folded = systemogram_svg(case, lang="nl", at=at, keep=())
    assert "pro7" not in _nodes(ET.fromstring(folded))  # what the default prevents
