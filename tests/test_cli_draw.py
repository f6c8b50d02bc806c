"""The draw command as a session uses it: outputs, failures that write nothing, --watch."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from click.testing import CliRunner

from systeemkaart.cli import main

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT / "examples" / "mdo-weglopen.yaml"


def _copy_case(tmp_path: Path) -> Path:
    target = tmp_path / "casus.yaml"
    shutil.copy(CASE, target)
    return target


def test_all_kinds_into_a_folder(tmp_path: Path) -> None:
    case = _copy_case(tmp_path)
    result = CliRunner().invoke(main, ["draw", str(case), "--kind", "all", "--out-dir",
                                       str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["casus.genogram.svg", "casus.systemogram.svg", "casus.timeline.svg"]
    for path in (tmp_path / "out").iterdir():
        root = ET.fromstring(path.read_text(encoding="utf-8"))
        assert root.tag == "{http://www.w3.org/2000/svg}svg"


def test_all_kinds_to_one_file_is_a_usage_error(tmp_path: Path) -> None:
    case = _copy_case(tmp_path)
    result = CliRunner().invoke(main, ["draw", str(case), "--kind", "all", "-o",
                                       str(tmp_path / "x.svg")])
    assert result.exit_code == 2
    assert "--out-dir" in result.output
    assert not (tmp_path / "x.svg").exists()


def test_invalid_case_writes_nothing_and_keeps_the_old_drawing(tmp_path: Path) -> None:
    case = _copy_case(tmp_path)
    out = tmp_path / "casus.genogram.svg"
    assert CliRunner().invoke(main, ["draw", str(case)]).exit_code == 0
    good = out.read_bytes()
    case.write_text(case.read_text().replace("child: daan", "child: nobody"))
    result = CliRunner().invoke(main, ["draw", str(case)])
    assert result.exit_code == 2
    assert "children[3].child: unknown id 'nobody'" in result.output
    assert "Traceback" not in result.output
    assert out.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_bad_date_option_is_a_usage_error(tmp_path: Path) -> None:
    case = _copy_case(tmp_path)
    result = CliRunner().invoke(main, ["draw", str(case), "--at", "2023-13"])
    assert result.exit_code == 2
    assert "month 13 does not exist" in result.output


def test_watch_redraws_on_save(tmp_path: Path) -> None:
    case = _copy_case(tmp_path)
    out = tmp_path / "live.svg"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "systeemkaart.cli", "draw", str(case), "-o", str(out), "--watch"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        first = _wait_for(lambda: out.exists() and "Marieke" in out.read_text())
        assert first, "the first drawing did not appear"
        time.sleep(0.05)
        text = case.read_text().replace("name: Marieke", "name: Mariska")
        case.write_text(text)
        os.utime(case, (time.time() + 2, time.time() + 2))  # a clearly newer mtime
        assert _wait_for(lambda: "Mariska" in out.read_text()), "no redraw after saving"
        case.write_text("schema: systeemkaart/1\ncase: [broken\n")
        os.utime(case, (time.time() + 4, time.time() + 4))
        time.sleep(1.0)
        assert proc.poll() is None, "watch stopped on a broken save"
        assert "Mariska" in out.read_text(), "a broken save replaced the drawing"
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert "malformed YAML" in err
    assert "Traceback" not in err


def _wait_for(condition, timeout: float = 30.0) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.1)
    return False


def test_a_large_tree_says_it_takes_a_while_before_drawing(tmp_path: Path) -> None:
    from systeemkaart.cli import _LARGE_TREE

    people = "\n".join(f"  - {{id: p{i}}}" for i in range(_LARGE_TREE))
    case = tmp_path / "groot.yaml"
    case.write_text(f"case: {{id: groot}}\npeople:\n{people}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["draw", str(case), "--kind", "systemogram"])
    assert "takes a while" not in result.stderr
    result = CliRunner().invoke(main, ["draw", str(case), "--at", "2023-13"])
    assert result.exit_code == 2 and "takes a while" not in result.output
    from unittest import mock

    with mock.patch("systeemkaart.drawing.draw", side_effect=KeyboardInterrupt):
        result = CliRunner().invoke(main, ["draw", str(case)])
    assert result.exit_code == 130
    assert result.stderr.startswith(f"{case}: {_LARGE_TREE:,} people; drawing the whole "
                                    "family tree takes a while (Ctrl-C stops it).")


def test_a_large_genogram_draws_without_graphviz_warnings(tmp_path: Path) -> None:
    """pygraphviz writes "layout may take a long time" to standard error for a graph of over
    1,000 nodes; a user drawing a large tree must see only our own note. The whole command
    runs in its own process, so what the Graphviz child writes to standard error counts."""
    import pygraphviz
    from bench.bench_genogram import _dot_source, random_family

    from systeemkaart.dates import PartialDate
    from systeemkaart.io.yaml_json import save

    case = random_family(3, 1800)
    last = max(p.born.year for p in case.people if p.born is not None)
    case = case.model_copy(update={"case": case.case.model_copy(
        update={"as_of": PartialDate(last)})})
    assert pygraphviz.AGraph(string=_dot_source(case)).number_of_nodes() > 1000
    path = tmp_path / "groot.yaml"
    save(case, path)
    out = tmp_path / "groot.svg"
    proc = subprocess.run([sys.executable, "-m", "systeemkaart", "draw", str(path), "-o",
                           str(out)], capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert out.read_text(encoding="utf-8").count('class="node person') == len(case.people)
    assert "long time" not in proc.stderr
    assert all("takes a while" in line for line in proc.stderr.splitlines()), proc.stderr


def test_around_and_since_together(tmp_path: Path) -> None:
    """A cut around one person still marks what changed since a date, for every kind."""
    case = tmp_path / "stiefgezin.yaml"
    shutil.copy(ROOT / "examples" / "stiefgezin.yaml", case)
    result = CliRunner().invoke(main, ["draw", str(case), "--kind", "all", "--around", "moeder",
                                       "--generations", "1", "--since", "2012", "--at",
                                       "2023-04-01", "--out-dir", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    genogram = (tmp_path / "out" / "stiefgezin.genogram.svg").read_text(encoding="utf-8")
    assert "+2 niet getekend" in genogram  # Kevin's new partner and son are cut off
    assert 'data-id="partner-vader"' not in genogram
    assert ' new"' in genogram  # the 2018 cohabitation is new since 2012
    assert (tmp_path / "out" / "stiefgezin.timeline.svg").exists()
