"""The ``systeemkaart`` command's entry point, with a fast path for the top-level help.

``systeemkaart --help`` and ``--version`` are what people type first; answering them from
a stored text takes no more than Python's own start-up, while importing click alone costs
about twice that. Every other invocation goes to the click group in :mod:`systeemkaart.cli`.
The stored help text is checked against click's own output by the tests.

Most commands run once and exit, so they run without Python's cycle collector (see
:func:`systeemkaart.gcpause.one_shot`); commands that keep running (``draw --watch``, batches)
turn it back on with :func:`systeemkaart.gcpause.long_running`. When the command is done,
the process ends at once (see :func:`systeemkaart.gcpause.end_at_once`): Python's own
shutdown, which takes apart every one of the several hundred modules a command imports,
costs about 8 ms and does nothing a finished command needs. Nothing here imports
:mod:`typing` (about 7 ms): the help and version answers need no more than Python itself.
"""

from __future__ import annotations

import sys

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
    from .gcpause import end_at_once, one_shot

    try:
        with one_shot():
            from .cli import main

            main(prog_name="systeemkaart")
    except SystemExit as done:
        end_at_once(done)


if __name__ == "__main__":
    run()
