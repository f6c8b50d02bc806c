"""The command ends its process at once when done: same exit codes and messages, every
output complete, ``atexit`` functions run, and Python's usual exit when threads still run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from systeemkaart.schema import case_schema_text
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "mdo-weglopen.yaml"


def _command(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "systeemkaart", *args], capture_output=True,
                          text=True, timeout=120, input=stdin)


def _script(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          timeout=120)


def test_exit_codes_and_messages_are_kept(tmp_path: Path) -> None:
    ok = _command("validate", str(EXAMPLE))
    assert (ok.returncode, ok.stdout) == (0, f"{EXAMPLE}: ok\n")
    missing = _command("validate", str(tmp_path / "none.yaml"))
    assert missing.returncode == 2
    assert missing.stderr == f"{tmp_path / 'none.yaml'}: no such file\n"
    usage = _command("draw", "--bogus")
    assert usage.returncode == 2 and "No such option '--bogus'" in usage.stderr
    debug = _command("--debug", "info", str(tmp_path / "none.yaml"))
    assert debug.returncode == 1 and debug.stderr.startswith("Traceback")


def test_long_output_on_a_pipe_is_complete() -> None:
    done = _command("schema")
    assert done.returncode == 0
    assert done.stdout == case_schema_text()


def test_written_files_are_complete(tmp_path: Path) -> None:
    out = tmp_path / "g.svg"
    done = _command("draw", str(EXAMPLE), "-o", str(out))
    assert done.returncode == 0 and done.stdout == f"wrote {out}\n"
    assert out.read_text(encoding="utf-8").rstrip().endswith("</svg>")


_ATEXIT = """
import atexit, sys
from pathlib import Path
mark = Path(sys.argv[1])
atexit.register(lambda: mark.write_text("ran"))
sys.argv = ["systeemkaart", "validate", "-q", sys.argv[2]]
from systeemkaart.__main__ import run
run()
"""


def test_atexit_functions_run(tmp_path: Path) -> None:
    mark = tmp_path / "mark"
    done = _script(_ATEXIT, str(mark), str(EXAMPLE))
    assert done.returncode == 0, done.stderr
    assert mark.read_text() == "ran"


_THREAD = """
import sys, threading, time
from pathlib import Path
mark = Path(sys.argv[1])
def late():
    time.sleep(0.3)
    mark.write_text("done")
threading.Thread(target=late).start()
sys.argv = ["systeemkaart", "validate", "-q", sys.argv[2]]
from systeemkaart.__main__ import run
run()
"""


def test_a_running_thread_is_waited_for(tmp_path: Path) -> None:
    mark = tmp_path / "mark"
    done = _script(_THREAD, str(mark), str(EXAMPLE))
    assert done.returncode == 0, done.stderr
    assert mark.read_text() == "done"


_MESSAGE = """
import sys
sys.argv = ["systeemkaart", "validate", "-q", sys.argv[1]]
import systeemkaart.cli as cli
def fail(*args, **kwargs):
    raise SystemExit("stopped with a message")
cli.main.main = fail
from systeemkaart.__main__ import run
run()
"""


def test_an_exit_with_a_message_is_python_own() -> None:
    done = _script(_MESSAGE, str(EXAMPLE))
    assert (done.returncode, done.stderr) == (1, "stopped with a message\n")


def test_help_answer_imports_no_typing() -> None:
    """The stored help answer stays at Python's own start-up: not even typing is imported."""
    done = _script("import sys\nsys.argv = ['systeemkaart', '--help']\n"
                   "from systeemkaart.__main__ import run\nrun()\n"
                   "print(sorted({'typing', 'click'} & set(sys.modules)))")
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("[]")
