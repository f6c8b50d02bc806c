"""Output paths: only regular files are replaced; devices and pipes are written into, links
followed; case files and inputs are refused; folders are made or named in the message."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from systeemkaart.exceptions import OutputError
from systeemkaart.io.atomic import write_atomic
from systeemkaart.io.output import check_output, is_case_file, make_folder, printable

CASE = "schema: systeemkaart/1\ncase: {id: x}\n"
needs_root = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                                reason="making a device node needs root")


def _null_device(folder: Path) -> Path:
    node = folder / "null"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    return node


@needs_root
def test_a_device_is_written_into_not_replaced(tmp_path: Path) -> None:
    node = _null_device(tmp_path)
    write_atomic(node, "data")
    assert stat.S_ISCHR(os.lstat(node).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


@needs_root
def test_a_link_to_a_device_stays_a_link_to_a_device(tmp_path: Path) -> None:
    node = _null_device(tmp_path)
    link = tmp_path / "out.svg"
    link.symlink_to(node)
    write_atomic(link, "data")
    assert link.is_symlink() and stat.S_ISCHR(os.stat(link).st_mode)


def test_a_named_pipe_is_written_into(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, "through the pipe")
    reader.join(timeout=10)
    assert got == [b"through the pipe"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_link_is_followed_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.svg"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.svg"
    link.symlink_to(real.name)
    write_atomic(link, "new")
    assert link.is_symlink() and os.readlink(link) == "real.svg"
    assert real.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


@pytest.mark.parametrize("make", ["folder", "dangling"])
def test_refused_targets_are_left_alone(tmp_path: Path, make: str) -> None:
    target = tmp_path / "out.svg"
    if make == "folder":
        target.mkdir()
        expected = "is a folder, not a file"
    else:
        target.symlink_to(tmp_path / "nowhere")
        expected = "is a symbolic link to a missing file"
    with pytest.raises(OutputError) as info:
        write_atomic(target, "x")
    assert expected in str(info.value)
    assert target.is_dir() if make == "folder" else target.is_symlink()
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize(("text", "expected"), [
    (CASE, True),
    ('{"schema": "systeemkaart/1", "case": {"id": "x"}}', True),
    ("# a comment\n'schema': 'systeemkaart/1'\n", True),
    ("schema: other/1\n", False),
    ('{"properties": {"schema": {"const": "systeemkaart/1"}}}', False),
    ("<svg/>", False),
])
def test_is_case_file(tmp_path: Path, text: str, expected: bool) -> None:
    path = tmp_path / "f"
    path.write_text(text, encoding="utf-8")
    assert is_case_file(path) is expected


def test_check_output_refuses_inputs_and_case_files(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(CASE, encoding="utf-8")
    other = tmp_path / "other.yaml"
    other.write_text(CASE, encoding="utf-8")
    link = tmp_path / "alias.yaml"
    link.symlink_to(case)
    with pytest.raises(OutputError, match="is the input"):
        check_output(link, inputs=[case], force=True)
    with pytest.raises(OutputError, match="is a case file; use --force"):
        check_output(other, inputs=[case])
    check_output(other, inputs=[case], force=True)
    drawing = tmp_path / "case.svg"
    drawing.write_text("<svg/>", encoding="utf-8")
    check_output(drawing, inputs=[case])
    with pytest.raises(OutputError, match="exists; use --force"):
        check_output(drawing, inputs=[case], overwrite=False)
    check_output("-", inputs=[case])


def test_make_folder_names_the_folder(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError) as info:
        make_folder(tmp_path / "file" / "sub")
    assert str(info.value) == f"{tmp_path / 'file' / 'sub'}: cannot make this folder: " \
        "Not a directory"
    make_folder(tmp_path / "a" / "b")
    assert (tmp_path / "a" / "b").is_dir()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into read-only folders")
def test_make_folder_in_a_read_only_folder(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(OutputError, match="cannot make this folder: Permission denied"):
        make_folder(locked / "sub")


@pytest.mark.parametrize(("text", "expected"), [
    ("Anna\x1b]0;owned\x07", "Anna\\x1b]0;owned\\x07"),
    ("a\rb", "a\\rb"),
    ("\u202egnp.exe", "\\u202egnp.exe"),
    ("two\nlines\tand tab é", "two\nlines\tand tab é"),
])
def test_printable(text: str, expected: str) -> None:
    assert printable(text) == expected
