"""Speed and memory of ``systeemkaart overview`` over many generated cases.

Run from the repository root::

    .venv/bin/python bench/bench_overview.py                 # 10,000 cases, 2 workers
    .venv/bin/python bench/bench_overview.py --cases 1000 --keep /tmp/cases

Figures printed: cases per second of the whole command and its peak memory (the parent's
and the largest worker's maximum resident set), at the given size and at a tenth of it, so
that a flat memory profile shows as two equal peaks.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_analysis import generated_case

__all__ = ["write_cases"]

# Partners as in the seeds' picture (Bijlage 2), with their kinds and how often they come up.
PARTNERS: tuple[tuple[str, str, float], ...] = (
    ("Yarin jeugdhulp", "youth_care", 0.35), ("Trias Jeugdhulp", "youth_care", 0.12),
    ("Karakter", "youth_mental_health", 0.15), ("Dimence", "youth_mental_health", 0.08),
    ("Jeugd GGZ", "youth_mental_health", 0.1), ("InKontakt", "youth_care", 0.06),
    ("AT. Zorg", "youth_care", 0.05), ("Kadera", "safety_home", 0.04),
    ("JBOV", "child_protection", 0.04), ("Leger des Heils", "youth_care", 0.03),
    ("Opvoeden extra", "youth_care", 0.03), ("Travers", "social_basis", 0.1),
    ("Stadkamer", "social_basis", 0.05), ("Sportservice", "social_basis", 0.05),
    ("De Paperclip", "social_basis", 0.04), ("Zone college", "school", 0.12),
    ("Greijdanus", "school", 0.08), ("Thorbecke", "school", 0.1),
    ("SBO de Sluis", "school", 0.06), ("Het Safier", "school", 0.04),
    ("De Schatgraver", "school", 0.05), ("Huisartsenpraktijk", "gp", 0.33),
    ("Gemeente Zwolle", "municipality", 0.08), ("Politie", "police", 0.05),
    ("Raad voor de Kinderbescherming", "child_protection", 0.03),
    ("Tactus Verslavingszorg", "other", 0.02),
)

SCHOOLS = ("Zone college", "Greijdanus", "Thorbecke", "SBO de Sluis", "Het Safier",
           "De Schatgraver", "Sprankel", "Morgenster", "Kopakker", "Jenaplanschool de Phoenix")


def named_case(rng: random.Random, i: int) -> dict[str, Any]:
    """A generated case whose organisations carry partner names and kinds from the seeds;
    most (not all) have the social team."""
    data = generated_case(rng, rng.randint(6, 14), rng.randint(3, 10), name=f"c{i}")
    orgs = data["organisations"]
    picked = [p for p in PARTNERS if rng.random() < p[2]]
    rng.shuffle(picked)
    if rng.random() < 0.85:
        picked.insert(0, ("Sociaal Wijkteam", "social_team", 1.0))
    for org, (name, kind, _) in zip(orgs, picked, strict=False):
        org["name"], org["kind"] = name, kind
    for org in orgs[len(picked):]:
        org["name"] = f"Aanbieder {rng.randint(1, 300)}"
    for ctx in data["contexts"]:
        ctx["name"] = rng.choice(SCHOOLS)
    return data


def write_cases(folder: Path, n: int, seed: int = 3) -> None:
    """Write ``n`` generated cases as JSON files into ``folder``."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"c{i:05d}.json").write_text(json.dumps(named_case(rng, i)),
                                                encoding="utf-8")


_MEASURE = ("import resource, subprocess, sys; p = subprocess.run(sys.argv[1:], "
            "capture_output=True, text=True); print(p.stdout.strip() or p.stderr.strip()); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def _run(folder: Path, jobs: int, out: Path) -> tuple[float, int, str]:
    """Time the whole command; its peak memory (largest process, KB) comes from a fresh
    wrapper process, so each size is measured alone."""
    cmd = [sys.executable, "-m", "systeemkaart.cli", "overview", str(folder), "-o", str(out),
           "--jobs", str(jobs)]
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _MEASURE, *cmd], capture_output=True,
                          text=True, check=True)
    took = time.perf_counter() - t
    said, peak = proc.stdout.strip().rsplit("\n", 1)
    return took, int(peak), said


def main() -> None:
    """Generate the cases and time the overview at two sizes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="Write the cases here and keep them.")
    args = parser.parse_args()
    print(f"$ {' '.join([Path(sys.executable).name, *sys.argv])}")
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        for n in (max(1, args.cases // 10), args.cases):
            folder = root / f"cases-{n}"
            if not folder.exists():
                write_cases(folder, n)
            took, peak_kb, said = _run(folder, args.jobs, Path(tmp) / f"overview-{n}.html")
            print(f"overview of {n:,} cases on {args.jobs} workers: {took:.1f} s = "
                  f"{n / took:,.0f} cases/s; peak memory of the largest process "
                  f"{peak_kb / 1024:.0f} MB ({said})")


if __name__ == "__main__":
    main()
