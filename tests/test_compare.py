"""systeemkaart compare: what changed between two dates or two versions of a case."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import assume, given, settings

from systeemkaart.cli import main
from systeemkaart.compare import compare, render_comparison
from systeemkaart.dates import PartialDate
from systeemkaart.io.yaml_json import load
from systeemkaart.model import Case
from tests.strategies import cases, partial_dates

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "examples" / "terug-naar-huis.yaml"
D = PartialDate.parse


def _section(result: Any, name: str) -> Any:
    return next(s for s in result.sections if s.name == name)


@settings(max_examples=25, deadline=None)
@given(cases(max_agents=12), partial_dates(1980, 2035))
def test_a_case_compared_with_itself_at_one_date_is_empty(case: Case, when: str | int) -> None:
    assert compare(case, case, D(when), D(when)).empty()
    assert compare(case, case).empty()


@settings(max_examples=20, deadline=None)
@given(cases(max_agents=10))
def test_adding_then_removing_a_record_round_trips(case: Case) -> None:
    assume(case.people)
    target = case.people[0].id
    data = case.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    data.setdefault("network", []).append({"id": "nieuwe-buur", "supports": [target]})
    data.setdefault("involvements", []).append({"agent": "nieuwe-buur", "targets": [target]})
    bigger = Case.model_validate(data)
    added = compare(case, bigger)
    assert [i.key for i in _section(added, "supporters").added] == ["nieuwe-buur"]
    assert [i.key for i in _section(added, "involvements").added] == [f"nieuwe-buur->{target}@"]
    removed = compare(bigger, case)
    assert [i.key for i in _section(removed, "supporters").removed] == ["nieuwe-buur"]
    data["network"].pop()
    data["involvements"].pop()
    assert compare(case, Case.model_validate(data)).empty()


def test_the_story_told_across_three_dates() -> None:
    case = load(STORY)
    first = compare(case, case, D(2019), D("2022-06"))
    assert [i.key for i in _section(first, "households").changed] == ["thuis"]
    assert "−Esra" in _section(first, "households").changed[0].text
    assert {i.key.split("->")[0] for i in _section(first, "involvements").added} == {
        "groepsleider", "behandelaar"}
    assert [f.code for f in first.findings_appeared if f.code == "escalation"] == ["escalation"]
    second = compare(case, case, D("2022-06"), None)
    assert "+Esra" in _section(second, "households").changed[0].text
    assert second.regie.then == [] and second.regie.now == ["swt-ruben"]
    assert {i.key for i in _section(second, "contexts").added} == {"stage", "bijbaan"}
    escalation = [f for f in second.findings_changed if f.code == "escalation"]
    assert len(escalation) == 1 and "sinds 2022-12" in escalation[0].why
    text = render_comparison(second, "text", case.names())
    assert "Ruben" in text and "Regie" in text


def test_an_edited_copy(tmp_path: Path) -> None:
    case = load(STORY)
    data = case.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    data["case"]["as_of"] = "2024-03-01"
    data["involvements"] = [inv for inv in data["involvements"] if inv["agent"] != "swt-ruben"]
    data["people"].append({"id": "baby", "name": "Noor", "sex": "female", "born": "2024-01"})
    newer = Case.model_validate(data)
    result = compare(case, newer)
    assert [i.key for i in _section(result, "people").added] == ["baby"]
    assert [i.key.split("->")[0] for i in _section(result, "involvements").removed] == [
        "swt-ruben"]
    assert result.regie.now == [] and any(f.code == "no_regie" for f in result.findings_appeared)


def test_the_command(tmp_path: Path) -> None:
    runner = CliRunner()
    same = runner.invoke(main, ["compare", str(STORY), str(STORY)])
    assert same.exit_code == 0 and "geen verschil" in same.output
    out = runner.invoke(main, ["compare", str(STORY), "--from", "2019", "--to", "2022-06",
                               "--format", "json"])
    assert out.exit_code == 0
    body = json.loads(out.output)
    assert body["old_at"] == "2019" and body["new_at"] == "2022-06"
    md = runner.invoke(main, ["compare", str(STORY), "--from", "2022-06", "--format",
                              "markdown", "--lang", "en"])
    assert md.exit_code == 0 and md.output.startswith("# Change:")
    assert runner.invoke(main, ["compare", str(STORY)]).exit_code == 2
    assert runner.invoke(main, ["compare", str(STORY), "--from", "20x"]).exit_code == 2
    target = tmp_path / "diff.md"
    written = runner.invoke(main, ["compare", str(STORY), "--from", "2019", "-o", str(target),
                                   "--format", "markdown"])
    assert written.exit_code == 0 and target.read_text(encoding="utf-8").startswith("# ")
