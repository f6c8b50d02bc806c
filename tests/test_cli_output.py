"""Every command that writes keeps the user's files: no case file, input or non-regular file
is ever replaced, whatever -o or --out-dir names; impossible folders give one line, exit 2."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from systeemkaart.cli import main
from systeemkaart.io.yaml_json import dumps
from systeemkaart.model import Case
from tests.strategies import cases

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "mdo-weglopen.yaml"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _case(folder: Path, name: str = "case.yaml") -> Path:
    path = folder / name
    shutil.copy(EXAMPLE, path)
    return path


# Commands with an output, as (name, argv builder): argv(case, output).
COMMANDS = {
    "draw": lambda case, out: ["draw", case, "-o", out],
    "draw-png": lambda case, out: ["draw", case, "-o", out, "--format", "png"],
    "analyse": lambda case, out: ["analyse", case, "-o", out],
    "schema": lambda case, out: ["schema", "-o", out],
    "export": lambda case, out: ["export", case, "-o", out],
    "new": lambda case, out: ["new", out],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_never_over_the_input_or_another_case(tmp_path: Path, command: str) -> None:
    case = _case(tmp_path)
    other = _case(tmp_path, "other.yaml")
    before = case.read_bytes()
    for target in (case, other):
        argv = COMMANDS[command](str(case), str(target))
        result = CliRunner().invoke(main, argv)
        assert result.exit_code == 2, (argv, result.output)
        assert "Traceback" not in result.output
        assert result.stderr.count("\n") == 1
        assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.yaml", "other.yaml"]


def test_force_allows_another_case_but_never_the_input(tmp_path: Path) -> None:
    case = _case(tmp_path)
    other = _case(tmp_path, "other.yaml")
    same = CliRunner().invoke(main, ["draw", str(case), "-o", str(case), "--force"])
    assert same.exit_code == 2 and "is the input" in same.stderr
    forced = CliRunner().invoke(main, ["draw", str(case), "-o", str(other), "--force"])
    assert forced.exit_code == 0, forced.output
    assert other.read_text(encoding="utf-8").startswith("<?xml")


@pytest.mark.parametrize("argv", [
    ["draw", "{case}", "--out-dir", "{case}/sub"],
    ["draw", "{case}", "-o", "{case}/sub/x.svg"],
    ["draw", "{case}", "-o", "/proc/no-such-process/x.svg"],
    ["analyse", "{case}", "-o", "{case}/x.txt"],
    ["schema", "-o", "{case}/x.json"],
    ["export", "{case}", "-o", "{case}/x.json"],
    ["demo", "{folder}", "--out-dir", "{case}/out"],
])
def test_an_impossible_folder_is_one_line(tmp_path: Path, argv: list[str]) -> None:
    case = _case(tmp_path)
    args = [a.format(case=case, folder=tmp_path) for a in argv]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)
    line = result.stderr.strip()
    assert "\n" not in line and "cannot make this folder" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.yaml"]


@pytest.mark.skipif(not IS_ROOT, reason="making a device node needs root")
def test_draw_to_a_device_keeps_the_device(tmp_path: Path) -> None:
    case = _case(tmp_path)
    node = tmp_path / "null"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    for argv in (["draw", str(case), "-o", str(node)], ["schema", "-o", str(node)],
                 ["export", str(case), "-o", str(node)]):
        result = CliRunner().invoke(main, argv)
        assert result.exit_code == 0, result.output
        assert stat.S_ISCHR(os.lstat(node).st_mode)


def test_draw_takes_the_format_from_the_name(tmp_path: Path) -> None:
    case = _case(tmp_path)
    result = CliRunner().invoke(main, ["draw", str(case), "-o", str(tmp_path / "x.png")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "x.png").read_bytes().startswith(b"\x89PNG")
    clash = CliRunner().invoke(main, ["draw", str(case), "-o", str(tmp_path / "y.png"),
                                      "--format", "svg"])
    assert clash.exit_code == 2 and "does not match the output name" in clash.output
    assert not (tmp_path / "y.png").exists()


def test_dash_is_standard_input_and_output(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    drawn = CliRunner().invoke(main, ["draw", "-"], input=text)
    assert drawn.exit_code == 0, drawn.output
    assert drawn.stdout.startswith("<?xml") and "wrote" not in drawn.output
    info = CliRunner().invoke(main, ["info", "-"], input=text)
    assert info.exit_code == 0 and info.stdout.startswith("-: mdo-weglopen")
    schema = CliRunner().invoke(main, ["schema", "-o", "-"])
    assert schema.exit_code == 0 and schema.stdout.lstrip().startswith("{")
    assert list(tmp_path.iterdir()) == []


def test_validate_and_info_read_folders(tmp_path: Path) -> None:
    _case(tmp_path, "a.yaml")
    _case(tmp_path, "b.yaml")
    result = CliRunner().invoke(main, ["validate", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{tmp_path / 'a.yaml'}: ok\n{tmp_path / 'b.yaml'}: ok\n"
    info = CliRunner().invoke(main, ["info", str(tmp_path)])
    assert info.exit_code == 0 and info.stdout.count("mdo-weglopen") == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    none = CliRunner().invoke(main, ["validate", str(empty)])
    assert none.exit_code == 2 and none.stderr == f"{empty}: no case files (.yaml, .yml, " \
        ".json) in this folder\n"


def test_a_named_pipe_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "case.yaml"
    os.mkfifo(fifo)
    for command in ("validate", "info", "draw", "analyse"):
        result = CliRunner().invoke(main, [command, str(fifo)])
        assert result.exit_code == 2
        assert result.stderr == f"{fifo}: not a regular file; expected a case file\n"


def test_control_characters_in_names_are_escaped(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_text('schema: systeemkaart/1\ncase: {id: x, title: "T\\e]0;owned\\a"}\n'
                    'people: [{id: a, name: "An\\rna\\e[2J"}]\n', encoding="utf-8")
    for argv in (["info", str(path)], ["analyse", str(path)]):
        result = CliRunner().invoke(main, argv)
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.output and "\x07" not in result.output
        assert "\r" not in result.output
    assert "\\x1b]0;owned\\x07" in CliRunner().invoke(main, ["info", str(path)]).stdout


# What an output path may be, and how to make it in a folder that holds the input case.
TARGETS = ["input", "case-file", "link-to-case", "link-to-input", "fifo"] + (
    ["device", "link-to-device"] if IS_ROOT else [])


def _make_target(folder: Path, case: Path, kind: str) -> Path:
    out = folder / "out.yaml"
    if kind == "input":
        return case
    if kind == "case-file":
        shutil.copy(case, out)
    elif kind == "link-to-case":
        shutil.copy(case, folder / "kept.yaml")
        out.symlink_to("kept.yaml")
    elif kind == "link-to-input":
        out.symlink_to(case.name)
    elif kind == "fifo":
        os.mkfifo(out)
    else:
        node = folder / "null"
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        if kind == "device":
            return node
        out.symlink_to(node.name)
    return out


def _snapshot(folder: Path) -> dict[str, tuple[int, bytes | str]]:
    """Each entry's type and its bytes (regular files) or link text (links)."""
    out: dict[str, tuple[int, bytes | str]] = {}
    for path in folder.iterdir():
        mode = os.lstat(path).st_mode
        kind = stat.S_IFMT(mode)
        if stat.S_ISLNK(mode):
            out[path.name] = (kind, os.readlink(path))
        elif stat.S_ISREG(mode):
            out[path.name] = (kind, path.read_bytes())
        else:
            out[path.name] = (kind, b"")
    return out


def _drain(fifo: Path) -> threading.Thread:
    """A reader for a named pipe, so a command writing into it does not wait forever."""
    def read() -> None:
        with contextlib.suppress(OSError):
            fifo.read_bytes()

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


@settings(max_examples=25)
@given(case=cases(max_generations=3, max_agents=8), command=st.sampled_from(sorted(COMMANDS)),
       kind=st.sampled_from(TARGETS))
def test_no_command_replaces_a_non_regular_file_or_a_case(case: Case, command: str,
                                                          kind: str) -> None:
    with contextlib.ExitStack() as stack:
        folder = Path(stack.enter_context(_tempdir()))
        source = folder / "case.yaml"
        source.write_text(dumps(case), encoding="utf-8")
        target = _make_target(folder, source, kind)
        before = _snapshot(folder)
        reader = _drain(target) if kind == "fifo" else None
        result = CliRunner().invoke(main, COMMANDS[command](str(source), str(target)))
        if reader is not None:
            with contextlib.suppress(OSError):  # release a reader nobody wrote to
                os.close(os.open(target, os.O_WRONLY | os.O_NONBLOCK))
            reader.join(timeout=10)
        assert "Traceback" not in result.output
        after = _snapshot(folder)
        assert sorted(after) == sorted(before)
        for name, (mode, content) in before.items():
            assert after[name][0] == mode, name
            if stat.S_ISLNK(mode) or name.endswith(".yaml"):
                assert after[name][1] == content, name
        writes_through = kind in {"fifo", "device", "link-to-device"}
        assert result.exit_code == (0 if writes_through else 2), result.output


@contextlib.contextmanager
def _tempdir() -> Iterator[str]:
    with tempfile.TemporaryDirectory() as folder:
        yield folder


def test_import_to_standard_output_keeps_the_summary_on_stderr(tmp_path: Path) -> None:
    ged = tmp_path / "t.ged"
    ged.write_bytes(b"0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME Anna\n0 TRLR\n")
    result = CliRunner().invoke(main, ["import", str(ged), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# A systeemkaart case")
    assert "wrote -: 1 people" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.ged"]
