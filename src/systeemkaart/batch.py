"""Analyse many case files at once: one JSON line per case, in input order, on every core.

Files are split into chunks handed to a process pool (``concurrent.futures``), so a batch of
thousands of cases uses both cores of a small machine; results come back in input order, so
the output is the same for any number of workers. A file that cannot be read or is not a
valid case gives error lines instead of a JSON line and never stops the batch. At most a few
chunks per worker are in flight at once, so memory stays flat however many files there are.

A ``digest`` (a module-level function, so that it pickles) turns each case and its analysis
into whatever a caller aggregates (the overview page uses it), computed in the workers.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from .dates import PartialDate
from .exceptions import SysteemkaartError
from .gcpause import long_running

if TYPE_CHECKING:
    from concurrent.futures import Future

    from .analysis import Analysis
    from .model import Case

    Digest = Callable[[Case, Analysis], Any]

__all__ = ["CASE_SUFFIXES", "Outcome", "analyse_files", "expand_inputs", "summary_table"]

CASE_SUFFIXES: Final = (".yaml", ".yml", ".json")
CHUNK: Final = 64
IN_FLIGHT: Final = 3
"""Chunks handed to each worker ahead of the one being read."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one file gave: its JSON line, summary row and digest, or its error lines.

    ``line`` is ``None`` for a file that failed and when JSON lines were not asked for;
    ``row`` is ``None`` exactly when the file failed.
    """

    file: str
    line: str | None
    row: dict[str, Any] | None
    errors: list[str] = field(default_factory=list)
    digest: Any = None


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Files as given, and every case file (``.yaml``, ``.yml``, ``.json``) under each folder,
    sorted, so the order does not depend on the file system."""
    out: list[str] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = [p for p in path.rglob("*") if p.suffix.lower() in CASE_SUFFIXES
                     and p.is_file()]
            out.extend(str(p) for p in sorted(found))
        else:
            out.append(item)
    return out


def _one(name: str, at: PartialDate | None, lang: str | None, digest: Digest | None = None,
         json_lines: bool = True) -> Outcome:
    from .analysis import analyse
    from .analysis.report import summary_row, to_json
    from .io.yaml_json import load

    try:
        case = load(name)
        result = analyse(case, at, lang=lang)
    except SysteemkaartError as err:
        return Outcome(name, None, None, err.lines())
    line = to_json(result, compact=True, extra={"file": name}) if json_lines else None
    return Outcome(name, line, summary_row(result),
                   digest=digest(case, result) if digest is not None else None)


_Job = tuple[list[str], PartialDate | None, str | None, "Digest | None", bool]


def _chunk(args: _Job) -> list[Outcome]:
    names, at, lang, digest, json_lines = args
    return [_one(n, at, lang, digest, json_lines) for n in names]


def analyse_files(
    files: Sequence[str],
    at: PartialDate | None = None,
    *,
    lang: str | None = None,
    jobs: int | None = None,
    on_progress: Callable[[int], None] | None = None,
    digest: Digest | None = None,
    json_lines: bool = True,
) -> Iterator[Outcome]:
    """Analyse ``files`` and yield one :class:`Outcome` per file, in input order.

    ``jobs``: worker processes (default: the usable cores; 1 runs in this process).
    ``on_progress`` is called with the number of files just finished. ``digest(case,
    analysis)`` fills :attr:`Outcome.digest`; ``json_lines=False`` skips the JSON line.
    """
    long_running()  # thousands of cases: collect garbage as it comes (workers inherit this)
    if jobs is None:
        jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
            os.cpu_count() or 1)
    chunks = ((list(files[i:i + CHUNK]), at, lang, digest, json_lines)
              for i in range(0, len(files), CHUNK))
    n_chunks = -(-len(files) // CHUNK)
    if jobs <= 1 or n_chunks <= 1:
        for job in chunks:
            done = _chunk(job)
            if on_progress is not None:
                on_progress(len(done))
            yield from done
        return
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    workers = min(jobs, n_chunks)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[list[Outcome]]] = deque()
        for job in chunks:
            pending.append(pool.submit(_chunk, job))
            if len(pending) >= workers * IN_FLIGHT:
                yield from _finish(pending.popleft(), on_progress)
        while pending:
            yield from _finish(pending.popleft(), on_progress)


def _finish(future: Future[list[Outcome]], on_progress: Callable[[int], None] | None
            ) -> list[Outcome]:
    done = future.result()
    if on_progress is not None:
        on_progress(len(done))
    return done


def summary_table(rows: Sequence[dict[str, Any]], failed: int, *, per_case: int = 50) -> str:
    """A plain-text summary: one row per case (up to ``per_case`` cases), then totals and
    how many cases have each finding code."""
    lines: list[str] = []
    if rows and len(rows) <= per_case:
        width = max(len("case"), *(len(r["case"]) for r in rows))
        lines.append(f"{'case':<{width}}  prof  inf  regie  core/now  findings")
        for r in rows:
            lines.append(f"{r['case']:<{width}}  {r['professionals']:>4}  {r['informal']:>3}  "
                         f"{r['regie']:>5}  {r['core']:>4}/{r['now']:<3}  {len(r['codes']):>8}")
        lines.append("")
    n = len(rows)
    pros = sum(r["professionals"] for r in rows)
    core = sum(r["core"] for r in rows)
    now = sum(r["now"] for r in rows)
    lines.append(f"cases: {n} analysed, {failed} failed")
    if n:
        lines.append(f"professionals per case: {pros / n:.1f} (core group {core / n:.1f} "
                     f"of {now / n:.1f})")
        counts: dict[str, int] = {}
        for r in rows:
            for code in dict.fromkeys(r["codes"]):
                counts[code] = counts.get(code, 0) + 1
        if counts:
            width = max(len(c) for c in counts)
            lines.append(f"{'finding':<{width}}  cases")
            for code, k in sorted(counts.items(), key=lambda t: (-t[1], t[0])):
                lines.append(f"{code:<{width}}  {k:>5}")
    return "\n".join(lines) + "\n"
