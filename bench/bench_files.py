"""Reading large case files: how soon an over-limit file is refused, how long a legal one takes.

Writes four YAML files just under the 10 MB size limit into a temporary folder and runs
``systeemkaart validate`` on each as a whole process (CPU seconds, user + system, and peak
memory of the child; medians of a few runs):

- *over*: a list of 4.9 million values, far over the element limit of 1,000,000; it should
  be refused (exit 2, one line) within a second;
- *over, block*: the same written as 2.45 million ``- 0`` lines;
- *over, record*: one record of 1.05 million ``key: 0`` lines;
- *legal*: 100,000 people with 25,000 couples and 50,000 children, about 1.7 million YAML
  events and 750,000 elements; it is valid and read whole.

Run from the repository root: ``.venv/bin/python bench/bench_files.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = [str(ROOT / ".venv" / "bin" / "systeemkaart")]


def over_limit_text(values: int = 4_900_000) -> str:
    """A case whose notes hold ``values`` zeros in one flow list (2 bytes a value)."""
    return ("schema: systeemkaart/1\ncase: {id: x}\nnotes: ["
            + ",".join(["0"] * values) + "]\n")


def over_limit_block_text(values: int = 2_450_000) -> str:
    """A case whose notes hold ``values`` zeros as a block list (4 bytes a value)."""
    return "schema: systeemkaart/1\ncase: {id: x}\nnotes:\n" + "- 0\n" * values


def over_limit_record_text(keys: int = 1_050_000) -> str:
    """A case whose notes are one record of ``keys`` keys, each on its own line."""
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

    def name(i: int) -> str:
        out = ""
        while True:
            out, i = letters[i % 52] + out, i // 52
            if not i:
                return "_" + out  # never read as a boolean or number

    return ("schema: systeemkaart/1\ncase: {id: x}\nnotes:\n"
            + "".join(f" {name(i)}: 0\n" for i in range(keys)))


def legal_text(people: int = 100_000) -> str:
    """A valid case of ``people`` people: couples of two born 1950, each with two children
    born 1980."""
    out = ["schema: systeemkaart/1", "case:", "  id: groot", "  as_of: 2024-01-01", "people:"]
    for i in range(people):
        sex = "male" if i % 2 else "female"
        out.append(f"  - id: p{i}\n    name: P{i}\n    sex: {sex}\n"
                   f"    born: {1950 if i % 4 < 2 else 1980}")
    out.append("partnerships:")
    out += [f"  - {{partners: [p{i}, p{i + 1}], kind: married, start: 1975}}"
            for i in range(0, people - 3, 4)]
    out.append("children:")
    for i in range(0, people - 3, 4):
        out.append(f"  - {{parents: [p{i}, p{i + 1}], child: p{i + 2}}}")
        out.append(f"  - {{parents: [p{i}, p{i + 1}], child: p{i + 3}}}")
    return "\n".join(out) + "\n"


TEXTS = {"over": over_limit_text, "over, block": over_limit_block_text,
         "over, record": over_limit_record_text, "legal": legal_text}


def run(cmd: list[str], out: Path) -> tuple[float, float, int, str]:
    """CPU seconds and peak MB of one child process (its own, from ``wait4``), its exit code
    and its last line of output (kept in ``out``)."""
    with out.open("w") as sink:
        child = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    lines = out.read_text(encoding="utf-8").strip().splitlines()
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, child.returncode, \
        (lines[-1:] or [""])[0]


def main() -> int:
    """Print the figures; the files are written by a child process, so that this one stays
    small (a child's peak memory counts the parent's pages until it starts the command)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--write", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write:
        Path(args.write[1]).write_text(TEXTS[args.write[0]](), encoding="utf-8")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in TEXTS:
            path = Path(tmp) / (name.replace(", ", "-") + ".yaml")
            subprocess.run([sys.executable, __file__, "--write", name, str(path)], check=True)
            cpus, peaks = [], []
            for _ in range(args.runs):
                cpu, peak, code, last = run([*CLI, "validate", str(path)], Path(tmp) / "out")
                cpus.append(cpu)
                peaks.append(peak)
            size = path.stat().st_size / 1e6
            print(f"{name}: {size:.1f} MB, exit {code}, CPU {statistics.median(cpus):.2f} s "
                  f"(min {min(cpus):.2f}), peak {max(peaks):.0f} MB: "
                  f"{last.replace(tmp + '/', '')[:90]}")
    print(f"command: {' '.join(sys.argv)} (whole processes, medians of {args.runs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
