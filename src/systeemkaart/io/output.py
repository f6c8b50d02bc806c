"""Where a command may write: checked before any work, so that a typo never costs a file.

Every command that writes a file goes through :func:`check_output` before it starts and
:func:`write_output` at the end. The rules, in order:

- ``-`` is standard output.
- The output is never one of the command's own input files (also through a link).
- An existing case file (``schema: systeemkaart/1``) is replaced only with ``--force``;
  commands that make new files (``new``, ``import``, ``export``) ask ``--force`` for any
  existing file.
- Only regular files are replaced; devices and pipes are written into, links followed
  (see :mod:`.atomic`).
- A missing output folder is made; when it cannot be, the message names it and says why.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from ..exceptions import OutputError
from .atomic import resolve_target, write_atomic

__all__ = ["STDIO", "check_output", "is_case_file", "make_folder", "printable", "write_output"]

STDIO: Final = "-"
"""The output name meaning standard output (and, for inputs, standard input)."""

_CASE_MARK: Final = re.compile(rb"""["']?schema["']?[ \t]*:[ \t]*["']?systeemkaart/\d""")
_SNIFF: Final = 64 * 1024


def is_case_file(path: str | os.PathLike[str]) -> bool:
    """True when ``path`` is a regular file whose start declares ``schema: systeemkaart/N``.

    Only the first 64 KB are read, so a large file costs nothing.
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as fh:
            head = fh.read(_SNIFF)
    except OSError:
        return False
    return _CASE_MARK.search(head) is not None


def _same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def check_output(path: str | os.PathLike[str], *, inputs: Iterable[str | os.PathLike[str]] = (),
                 force: bool = False, overwrite: bool = True) -> None:
    """Refuse an output path that would lose a user's file, before any work is done.

    ``inputs`` are the command's input files; ``force`` is the user's ``--force``;
    ``overwrite`` says whether an existing file that is not a case file may be replaced
    without ``--force`` (a drawing may be redrawn; a new case may not replace anything).

    Raises:
        OutputError: the output is an input, an existing case file (without ``force``), an
            existing file where none is expected, a folder, a socket or a block device.
    """
    name = os.fspath(path)
    if name == STDIO:
        return
    for source in inputs:
        if os.fspath(source) != STDIO and _same_file(name, source):
            raise OutputError(f"is the input {os.fspath(source)}; name another output file",
                              file=name)
    real, info = resolve_target(name)
    if info is None or not stat.S_ISREG(info.st_mode) or force:
        return
    if is_case_file(real):
        raise OutputError("is a case file; use --force to overwrite it", file=name)
    if not overwrite:
        raise OutputError("exists; use --force to overwrite it", file=name)


def make_folder(folder: str | os.PathLike[str]) -> None:
    """Make ``folder`` and its parents when missing.

    Raises:
        OutputError: naming the folder and why it cannot be made (a file is in the way,
            no permission, a read-only file system).
    """
    where = Path(folder)
    if not str(where) or where.is_dir():
        return
    try:
        where.mkdir(parents=True, exist_ok=True)
    except FileExistsError as err:
        raise OutputError("cannot make this folder: a file of that name is in the way",
                          file=str(where)) from err
    except OSError as err:
        raise OutputError(f"cannot make this folder: {err.strerror or err}",
                          file=str(where)) from err


def write_output(path: str | os.PathLike[str], data: str | bytes, *,
                 inputs: Iterable[str | os.PathLike[str]] = (), force: bool = False,
                 overwrite: bool = True) -> None:
    """Write ``data`` to ``path`` (``-``: standard output) under the rules of this module.

    The checks of :func:`check_output` run again here, since time has passed since the
    command started; then the folder is made and the file written atomically.

    Raises:
        OutputError: as :func:`check_output` and :func:`make_folder`, or when writing fails.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if os.fspath(path) == STDIO:
        _to_stdout(raw)
        return
    check_output(path, inputs=inputs, force=force, overwrite=overwrite)
    make_folder(Path(path).parent)
    write_atomic(path, raw)


def _to_stdout(raw: bytes) -> None:
    sys.stdout.flush()
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:  # a text-only stream (some test harnesses)
        sys.stdout.write(raw.decode("utf-8", errors="replace"))
    else:
        stream.write(raw)
        stream.flush()


_UNSAFE: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters (ESC, BEL, CR, C1 ...) and bidirectional overrides: a name holding
them could move the cursor, retitle the terminal or show text in another order."""


def printable(text: str) -> str:
    """``text`` with control and bidi-override characters shown as ``\\x1b`` / ``\\u202e``,
    so printing a case's names on a terminal cannot act on the terminal or reorder text.
    Newlines and tabs stay."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
