"""Atomic file writes: a temp file beside the target, then a rename; never over a non-file.

Only a regular file is ever replaced. A symbolic link is followed: its target is replaced and
the link stays. A character device (``/dev/null``, a terminal) or a named pipe is written
through, as a shell redirection would, and never replaced by a regular file. Anything else
(a folder, a socket, a block device, a link to nowhere) is refused.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from ..exceptions import OutputError

__all__ = ["is_write_through", "resolve_target", "write_atomic"]


def resolve_target(path: str | os.PathLike[str]) -> tuple[Path, os.stat_result | None]:
    """The file a write to ``path`` changes (symbolic links followed) and its status.

    The status is ``None`` when nothing exists there yet.

    Raises:
        OutputError: a link to a missing file, a folder, a socket or a block device.
    """
    target = Path(path)
    try:
        info = os.stat(target)
    except (FileNotFoundError, NotADirectoryError):
        if target.is_symlink():
            raise OutputError("is a symbolic link to a missing file; name the file itself",
                              file=str(target)) from None
        return target, None
    except OSError as err:
        raise OutputError(f"cannot write: {err.strerror}", file=str(target)) from err
    real = Path(os.path.realpath(target))
    if stat.S_ISDIR(info.st_mode):
        raise OutputError("is a folder, not a file", file=str(target))
    if not (stat.S_ISREG(info.st_mode) or is_write_through(info)):
        raise OutputError("is not a regular file (a socket or block device); name a file",
                          file=str(target))
    return real, info


def is_write_through(info: os.stat_result) -> bool:
    """True for a character device or a named pipe: written into, never replaced."""
    return stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode)


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write ``data`` to ``path`` so that readers see either the old file or the whole new one.

    A failed write (full disk, killed process) never leaves a truncated file and never
    replaces a good one: the data goes to a temporary file in the same folder, is flushed to
    disk, and only then renamed over the target. A symbolic link keeps pointing where it
    did (its target gets the new content); a device or named pipe is written into.

    Raises:
        OutputError: when the folder does not exist or is not writable, or the target is a
            folder, a socket, a block device or a link to nothing.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    target, info = resolve_target(path)
    if info is not None and is_write_through(info):
        _write_through(target, raw, str(path))
        return
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = _temp_beside(folder, target.name)
    except OSError as err:
        raise OutputError(f"cannot write here: {err.strerror}", file=str(path)) from err
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):
            if info is not None:
                os.chmod(tmp, info.st_mode & 0o7777)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(f"cannot write: {err.strerror}", file=str(path)) from err
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


_TEMP_FLAGS = (os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
               | getattr(os, "O_BINARY", 0))


def _temp_beside(folder: Path, name: str) -> tuple[int, str]:
    """Create and open a new file ``.<name>.<random>.tmp`` in ``folder``, readable and
    writable by its owner only: what :func:`tempfile.mkstemp` does, without importing
    :mod:`tempfile` (which with ``shutil``, ``random`` and the compression modules they
    probe costs about 10 ms CPU, a twentieth of a short command).

    Raises:
        OSError: the folder is missing or not writable (``FileExistsError`` only after a
            hundred names in a row were taken).
    """
    for _ in range(100):
        path = os.path.abspath(os.path.join(folder, f".{name}.{os.urandom(6).hex()}.tmp"))
        try:
            return os.open(path, _TEMP_FLAGS, 0o600), path
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file", str(folder))


def _write_through(target: Path, raw: bytes, name: str) -> None:
    """Write into a device or pipe that already exists (no create, no replace)."""
    try:
        fd = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    except OSError as err:
        raise OutputError(f"cannot write: {err.strerror}", file=name) from err
    try:
        view = memoryview(raw)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    except OSError as err:
        raise OutputError(f"cannot write: {err.strerror}", file=name) from err
    finally:
        os.close(fd)
