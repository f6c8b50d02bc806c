"""The command line through click's CliRunner: exit codes, one-line errors, files written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from systeemkaart import __version__
from systeemkaart.cli import main
from systeemkaart.exceptions import CaseFormatError
from systeemkaart.io.yaml_json import load, loads
from systeemkaart.schema import case_schema_text

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "tests" / "data" / "bad"

GOOD = "schema: systeemkaart/1\ncase: {id: goed, as_of: 2023}\npeople: [{id: a, born: 1990}]\n"
WARNS = "schema: systeemkaart/1\ncase: {id: later, as_of: 2023}\npeople: [{id: a, born: 2024}]\n"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, text in (("goed.yaml", GOOD), ("later.yaml", WARNS)):
        out[name] = tmp_path / name
        out[name].write_text(text, encoding="utf-8")
    return out


def test_validate_ok(runner: CliRunner, files: dict[str, Path]) -> None:
    result = runner.invoke(main, ["validate", str(files["goed.yaml"])])
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, f"{files['goed.yaml']}: ok\n", "")


def test_validate_examples(runner: CliRunner) -> None:
    examples = sorted(str(p) for p in (ROOT / "examples").glob("*.yaml"))
    assert len(examples) >= 3
    result = runner.invoke(main, ["validate", "--strict", *examples])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"{e}: ok" for e in examples]


def test_validate_warnings_are_printed_not_fatal(runner: CliRunner,
                                                 files: dict[str, Path]) -> None:
    path = files["later.yaml"]
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 0
    assert result.stdout == f"{path}: ok (1 warning)\n"
    assert result.stderr == (f"{path}:people[0].born: warning: born 2024, after the case date "
                             "2023 (line 3)\n")


def test_validate_strict_makes_warnings_errors(runner: CliRunner,
                                               files: dict[str, Path]) -> None:
    path = files["later.yaml"]
    result = runner.invoke(main, ["validate", "--strict", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "warning: born 2024" in result.stderr


def test_validate_quiet(runner: CliRunner, files: dict[str, Path]) -> None:
    result = runner.invoke(main, ["validate", "-q", str(files["goed.yaml"])])
    assert (result.exit_code, result.output) == (0, "")


def test_validate_invalid(runner: CliRunner) -> None:
    path = BAD / "dangling-id.yaml"
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.stderr == (f"{path}:children[0].parents[1]: unknown id 'mama': no person has "
                             "this id (line 8)\n")


def test_validate_needs_a_file(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate"])
    assert result.exit_code == 2
    assert "Missing argument 'FILES...'" in result.stderr


def test_schema_prints_the_schema(runner: CliRunner) -> None:
    result = runner.invoke(main, ["schema"])
    assert result.exit_code == 0
    assert result.stdout == case_schema_text()
    assert json.loads(result.stdout)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_to_a_file(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "case.schema.json"
    result = runner.invoke(main, ["schema", "-o", str(out)])
    assert (result.exit_code, result.output) == (0, "")
    assert out.read_text(encoding="utf-8") == case_schema_text()


def test_schema_to_a_missing_folder_makes_it(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "nope" / "case.schema.json"
    result = runner.invoke(main, ["schema", "-o", str(out)])
    assert (result.exit_code, result.output) == (0, "")
    assert out.read_text(encoding="utf-8") == case_schema_text()


def test_schema_where_a_file_blocks_the_folder(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text("x", encoding="utf-8")
    out = tmp_path / "plain.txt" / "sub" / "case.schema.json"
    result = runner.invoke(main, ["schema", "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr == f"{tmp_path / 'plain.txt' / 'sub'}: cannot make this folder: " \
        "Not a directory\n"


def test_new_writes_a_template_that_validates(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "casus.yaml"
    result = runner.invoke(main, ["new", str(path), "--id", "gezin-de-vries",
                                  "--title", "Gezin: De Vries"])
    assert (result.exit_code, result.stdout) == (0, f"wrote {path}\n")
    case = load(path)
    assert (case.case.id, case.case.title) == ("gezin-de-vries", "Gezin: De Vries")
    assert case.people and case.involvements
    check = runner.invoke(main, ["validate", "--strict", str(path)])
    assert check.exit_code == 0, check.output


def test_new_refuses_to_overwrite(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "casus.yaml"
    path.write_text("mijn werk\n", encoding="utf-8")
    result = runner.invoke(main, ["new", str(path)])
    assert result.exit_code == 2
    assert result.stderr == f"{path}: exists; use --force to overwrite it\n"
    assert path.read_text(encoding="utf-8") == "mijn werk\n"
    forced = runner.invoke(main, ["new", "--force", str(path)])
    assert forced.exit_code == 0
    assert load(path).case.id == "nieuwe-casus"


def test_new_prints_without_a_file(runner: CliRunner) -> None:
    result = runner.invoke(main, ["new"])
    assert result.exit_code == 0
    assert loads(result.stdout).case.id == "nieuwe-casus"
    assert result.stdout.startswith("# For completion in an editor")
    assert "http" not in result.stdout  # nothing for an editor to fetch


def test_new_rejects_a_bad_id(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "casus.yaml"
    result = runner.invoke(main, ["new", str(path), "--id", "Gezin De Vries"])
    assert result.exit_code == 2
    assert result.stderr.startswith("case.id: invalid id 'Gezin De Vries'")
    assert not path.exists()


def test_info(runner: CliRunner, files: dict[str, Path]) -> None:
    result = runner.invoke(main, ["info", str(files["goed.yaml"])])
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{files['goed.yaml']}: goed")
    assert "  family: 1 person over 1 generation," in result.stdout


def test_info_on_a_bad_file_is_one_line(runner: CliRunner) -> None:
    path = BAD / "cycle.yaml"
    result = runner.invoke(main, ["info", str(path)])
    assert result.exit_code == 2
    assert result.stderr == (f"{path}:children[2]: parentage cycle: a -> b -> c -> a (someone is "
                             "their own ancestor) (line 10)\n")


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"systeemkaart, version {__version__}\n")


def test_help_lists_the_foundation_commands(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("validate", "schema", "new", "info"):
        assert f"  {command} " in result.stdout


def test_debug_raises_instead(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--debug", "info", str(BAD / "cycle.yaml")])
    assert isinstance(result.exception, CaseFormatError)
    assert result.exception.location == "children[2]"


def test_debug_shows_a_traceback_in_a_real_process() -> None:
    args = [sys.executable, "-m", "systeemkaart.cli"]
    bad = str(BAD / "cycle.yaml")
    plain = subprocess.run([*args, "info", bad], capture_output=True, text=True, timeout=60)
    debug = subprocess.run([*args, "--debug", "info", bad], capture_output=True, text=True,
                           timeout=60)
    assert plain.returncode == 2 and "Traceback" not in plain.stderr
    assert debug.returncode == 1
    assert "Traceback (most recent call last)" in debug.stderr
    assert "CaseFormatError" in debug.stderr
