"""The ``systeemkaart`` command's entry point, with a fast path for the top-level help.

``systeemkaart --help`` and ``--version`` are what people type first; answering them from
a stored text takes no more than Python's own start-up, while importing click alone costs
about twice that. Every other invocation goes to the click group in :mod:`systeemkaart.cli`.
The stored help text is checked against click's own output by the tests.

Most commands run once and exit, so they run without Python's cycle collector (see
:func:`systeemkaart.gcpause.one_shot`); commands that keep running (``draw --watch``, batches)
turn it back on with :func:`systeemkaart.gcpause.long_running`. When the command is done,
the process ends at once (see :func:`_end`): Python's own shutdown, which takes apart every
one of the several hundred modules a command imports, costs about 8 ms and does nothing a
finished command needs.
"""

from __future__ import annotations

import sys
from typing import NoReturn

__all__ = ["run"]


def run() -> None:
    """Run the command line: the stored answer for top-level help/version, click otherwise."""
    args = sys.argv[1:]
    if args in (["--help"], ["-h"]):
        from ._help import HELP

        sys.stdout.write(HELP)
        return
    if args == ["--version"]:
        from ._version import __version__

        sys.stdout.write(f"systeemkaart, version {__version__}\n")
        return
    from .gcpause import one_shot

    try:
        with one_shot():
            from .cli import main

            main(prog_name="systeemkaart")
    except SystemExit as done:
        _end(done)


def _end(done: SystemExit) -> NoReturn:
    """End the process with ``done``'s exit code, without Python's shutdown.

    Every file a command writes is closed when it returns (written atomically: see
    :mod:`systeemkaart.io.atomic`); what is left is done here: the ``atexit`` functions run
    and standard output and error are flushed. Python's usual exit is taken instead when it
    could matter: an exit code that is a message, threads still running, or a flush that
    fails (a closed pipe), so that messages and exit codes stay exactly as Python gives them.
    """
    import os

    code = done.code
    threading = sys.modules.get("threading")
    if (code is not None and not isinstance(code, int)) or (
            threading is not None and threading.active_count() > 1):
        raise done
    import atexit

    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        raise done from None
    os._exit(code or 0)


if __name__ == "__main__":
    run()
