"""``systeemkaart demo`` (``make demo``): an index page linking every example's page."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from systeemkaart.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_demo_writes_an_index_linking_every_example(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["demo", str(ROOT / "examples"), "--out-dir", str(out)])
    assert result.exit_code == 0, result.output
    index = out / "index.html"
    assert result.output.rstrip().splitlines()[-1] == f"open {index.resolve()}"
    links = re.findall(r'href="([^"#]+)"', index.read_text(encoding="utf-8"))
    examples = sorted(p.stem for p in (ROOT / "examples").glob("*.yaml"))
    pages = [link for link in links if link.endswith(".html")]
    assert sorted(p[:-5] for p in pages if p != "overzicht.html") == examples
    for link in links:
        assert (out / link).is_file(), link
    assert "overzicht.html" in links
