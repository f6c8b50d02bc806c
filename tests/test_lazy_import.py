"""Start-up stays light: ``systeemkaart --help`` imports neither networkx nor pydantic."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("networkx", "pydantic", "pydantic_core", "pygraphviz", "svgwrite", "scipy", "numpy",
         "yaml")

PROBE = """
import json, sys
from systeemkaart.cli import main
try:
    main({args!r})
except SystemExit:
    pass
print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})), file=sys.stderr)
"""


def _modules_after(args: list[str]) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", PROBE.format(args=args)], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return set(json.loads(proc.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["validate", "--help"],
                                  ["draw", "--help"], ["new", "--help"]])
def test_help_imports_nothing_heavy(args: list[str]) -> None:
    loaded = _modules_after(args)
    assert "click" in loaded and "systeemkaart" in loaded
    assert sorted(loaded & set(HEAVY)) == []


def test_the_probe_would_see_heavy_imports() -> None:
    """The same probe does see pydantic once a command really needs it."""
    loaded = _modules_after(["schema", "-o", "-"])
    assert "pydantic" in loaded


def test_package_import_is_lazy() -> None:
    code = ("import sys, systeemkaart; assert 'pydantic' not in sys.modules; "
            "systeemkaart.Case; assert 'pydantic' in sys.modules; "
            "assert 'networkx' not in sys.modules; print('ok')")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert proc.stdout == "ok\n", proc.stderr
