"""The fast top-level --help/--version say exactly what click would, without importing it."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from systeemkaart._help import HELP
from systeemkaart.cli import main


def test_stored_help_is_current() -> None:
    result = CliRunner().invoke(main, ["--help"], terminal_width=80, prog_name="systeemkaart")
    assert result.exit_code == 0
    assert result.output == HELP, "run: .venv/bin/python tools/gen_help.py"


def test_version_matches_click() -> None:
    result = CliRunner().invoke(main, ["--version"], prog_name="systeemkaart")
    proc = subprocess.run([sys.executable, "-m", "systeemkaart", "--version"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    assert proc.stdout == result.output


@pytest.mark.parametrize("args", [["--help"], ["-h"], ["--version"]])
def test_fast_path_imports_no_click(args: list[str]) -> None:
    code = (
        f"import sys; sys.argv = ['systeemkaart', *{args!r}]\n"
        "from systeemkaart.__main__ import run\n"
        "run()\n"
        "print('CLICK' if 'click' in sys.modules else 'NOCLICK')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.rstrip().endswith("NOCLICK")
    assert proc.stdout.startswith("Usage: systeemkaart" if args != ["--version"]
                                  else "systeemkaart, version")


def test_other_commands_go_to_click() -> None:
    proc = subprocess.run([sys.executable, "-m", "systeemkaart", "validate", "--help"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    assert proc.stdout.startswith("Usage: systeemkaart validate")
