"""The analyse command through click's test runner."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from systeemkaart.cli import main

from ..conftest import ROOT

MDO = str(ROOT / "examples" / "mdo-weglopen.yaml")


@pytest.mark.parametrize(
    ("args", "expect"),
    [
        ([], "Kleine kerngroep"),
        (["--lang", "en"], "Small core group"),
        (["--format", "markdown", "--lang", "en"], "## Small core group"),
        (["--format", "markdown"], "## Kleine kerngroep\n\n- nu 8 professionals betrokken"),
    ],
)
def test_single_case_reports(runner: CliRunner, args: list[str], expect: str) -> None:
    result = runner.invoke(main, ["analyse", MDO, *args])
    assert result.exit_code == 0, result.output
    assert expect in result.stdout


def test_single_case_json_keys(runner: CliRunner) -> None:
    result = runner.invoke(main, ["analyse", MDO, "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["case"] == "mdo-weglopen"
    for key in ("helpers", "regie", "coalitions", "patterns", "core_group"):
        assert key in data
    for key in ("professionals", "organisations", "informal", "by_kind", "per_person", "peak"):
        assert key in data["helpers"]
    assert set(data["regie"]) >= {"holders", "findings"}
    assert {"kind", "members", "evidence"} <= set(data["coalitions"][0])
    assert set(data["core_group"]) >= {"members", "size", "current_size", "reasons", "leaving"}
    assert data["core_group"]["members"] == ["swt-anna", "brug-rob"]


def test_at_changes_the_date(runner: CliRunner) -> None:
    result = runner.invoke(main, ["analyse", MDO, "--format", "json", "--at", "2020"])
    data = json.loads(result.stdout)
    assert data["as_of"] == "2020"
    assert data["helpers"]["agents"] == ["ggz-psy"]


def test_output_file(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    result = runner.invoke(main, ["analyse", MDO, "--format", "markdown", "-o", str(target)])
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Analyse: mdo-weglopen")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.yaml"], "no such file"),
        ([MDO, "--at", "2023-13"], "month 13"),
        ([MDO, MDO, "--format", "text"], "one JSON line per case"),
    ],
)
def test_bad_input_exits_2(runner: CliRunner, args: list[str], message: str) -> None:
    result = runner.invoke(main, ["analyse", *args])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_batch_over_a_folder(runner: CliRunner, tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.yaml").write_text(Path(MDO).read_text(encoding="utf-8"),
                                               encoding="utf-8")
    (tmp_path / "kapot.yaml").write_text("schema: systeemkaart/1\ncase: {}\n", encoding="utf-8")
    result = runner.invoke(main, ["analyse", str(tmp_path), "--jobs", "1"])
    assert result.exit_code == 2  # one case failed, the others are still analysed
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    rows = [json.loads(line) for line in lines]
    assert [Path(r["file"]).name for r in rows] == ["a.yaml", "b.yaml"]
    assert "cases: 2 analysed, 1 failed" in result.stderr
    assert "kapot.yaml" in result.stderr


def test_batch_same_output_on_two_workers(runner: CliRunner, tmp_path: Path) -> None:
    files = sorted(str(p) for p in (ROOT / "examples").glob("*.yaml"))
    one = runner.invoke(main, ["analyse", *files, "--jobs", "1"])
    assert one.exit_code == 0
    from systeemkaart import batch

    old = batch.CHUNK
    batch.CHUNK = 2  # several chunks, so the pool is really used
    try:
        two = runner.invoke(main, ["analyse", *files, "--jobs", "2"])
    finally:
        batch.CHUNK = old
    assert two.exit_code == 0
    assert two.stdout == one.stdout
    assert len(one.stdout.splitlines()) == len(files)


def test_json_is_the_same_under_any_hash_seed(tmp_path: Path) -> None:
    outs = []
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-m", "systeemkaart.cli", "analyse", MDO,
                               "--format", "json"], env=env, capture_output=True, check=True)
        outs.append(done.stdout)
    assert outs[0] == outs[1]
