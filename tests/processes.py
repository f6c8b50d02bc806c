"""Child processes for the tests that press Ctrl-C: started as from a terminal, cleaned up
whole, so a failure never leaves a process running or a pipe open for the next test."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from typing import Any

__all__ = ["end_session", "start_interruptible"]


def _ctrl_c_as_at_a_terminal() -> None:
    # A job started in the background ignores SIGINT, and its children inherit that: the
    # child then would never see the Ctrl-C the test sends. A terminal gives the default.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_interruptible(args: list[str]) -> subprocess.Popen[str]:
    """Start ``args`` in a session of its own with Ctrl-C as at a terminal, text pipes for
    stdout and stderr."""
    options: dict[str, Any] = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE,
                               "text": True, "start_new_session": True,
                               "preexec_fn": _ctrl_c_as_at_a_terminal}
    return subprocess.Popen(args, **options)


def end_session(proc: subprocess.Popen[str]) -> None:
    """Kill whatever is left of ``proc``'s session (its children too) and close its pipes."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()
