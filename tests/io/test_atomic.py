"""The temporary file of an atomic write: beside the target, private, never over another
file, and gone afterwards."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from systeemkaart.io import atomic


def test_temporary_file_is_new_private_and_beside_the_target(tmp_path: Path) -> None:
    fd, name = atomic._temp_beside(tmp_path, "case.svg")
    os.close(fd)
    path = Path(name)
    assert path.is_absolute() and path.parent == tmp_path
    assert path.name.startswith(".case.svg.") and path.name.endswith(".tmp")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_taken_name_is_never_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draws = iter([b"\x00" * 6, b"\x00" * 6, b"\x01" * 6])
    monkeypatch.setattr(atomic.os, "urandom", lambda n: next(draws))
    taken = tmp_path / f".x.{'00' * 6}.tmp"
    taken.write_text("keep")
    fd, name = atomic._temp_beside(tmp_path, "x")
    os.close(fd)
    assert Path(name).name == f".x.{'01' * 6}.tmp"
    assert taken.read_text() == "keep"


def test_no_free_name_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(atomic.os, "urandom", lambda n: b"\x00" * n)
    (tmp_path / f".x.{'00' * 6}.tmp").write_text("")
    with pytest.raises(FileExistsError):
        atomic._temp_beside(tmp_path, "x")


def test_write_leaves_only_the_target(tmp_path: Path) -> None:
    target = tmp_path / "out.svg"
    atomic.write_atomic(target, "<svg/>")
    atomic.write_atomic(target, "<svg></svg>")
    assert [p.name for p in tmp_path.iterdir()] == ["out.svg"]
    assert target.read_text() == "<svg></svg>"


def test_missing_folder_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(atomic.OutputError, match="cannot write here"):
        atomic.write_atomic(tmp_path / "none" / "out.svg", "x")
