"""Reading large case files: how soon an over-limit file is refused, how long a legal one takes.

Writes two YAML files just under the 10 MB size limit into a temporary folder and runs
``systeemkaart validate`` on each as a whole process (CPU seconds, user + system, and peak
memory of the child; medians of a few runs):

- *over*: a list of 4.9 million values, far over the element limit of 1,000,000; it should
  be refused (exit 2, one line) within a second;
- *over, block*: the same written as 2.45 million ``- 0`` lines;
- *legal*: 100,000 people with 25,000 couples and 50,000 children, about 1.7 million YAML
  events and 750,000 elements; it is valid and read whole.

Run from the repository root: ``.venv/bin/python bench/bench_files.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import resource
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


def run(cmd: list[str]) -> tuple[float, float, int, str]:
    """CPU seconds and peak MB of one child process, its exit code and its last line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    last = (done.stdout + done.stderr).strip().splitlines()[-1:] or [""]
    return cpu, after.ru_maxrss / 1024, done.returncode, last[0]


def main() -> int:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = {"over": Path(tmp) / "over.yaml", "over, block": Path(tmp) / "block.yaml",
                 "legal": Path(tmp) / "legal.yaml"}
        files["over"].write_text(over_limit_text(), encoding="utf-8")
        files["over, block"].write_text(over_limit_block_text(), encoding="utf-8")
        files["legal"].write_text(legal_text(), encoding="utf-8")
        for name, path in files.items():
            cpus, peaks = [], []
            for _ in range(args.runs):
                cpu, peak, code, last = run([*CLI, "validate", str(path)])
                cpus.append(cpu)
                peaks.append(peak)
            size = path.stat().st_size / 1e6
            print(f"{name}: {size:.1f} MB, exit {code}, CPU {statistics.median(cpus):.2f} s "
                  f"(min {min(cpus):.2f}), peak {max(peaks):.0f} MB: "
                  f"{last.replace(tmp, '')[:90]}")
    print(f"command: {' '.join(sys.argv)} (whole processes, medians of {args.runs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
