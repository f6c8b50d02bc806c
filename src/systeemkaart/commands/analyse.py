"""The work behind ``systeemkaart analyse``: one case as a report, many as JSON lines.

Kept apart from :mod:`systeemkaart.cli` so that the command stays a thin wrapper and this
module is imported only when the command runs.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from ..dates import PartialDate
from ..exceptions import SysteemkaartError

__all__ = ["EXIT_INVALID", "run_analyse"]

EXIT_INVALID = 2


def run_analyse(inputs: Sequence[str], *, fmt: str | None, at: PartialDate | None,
                lang: str | None, output: str | None, jobs: int | None) -> int:
    """Analyse the inputs and print or write the result; returns the exit code.

    One file: a report in ``fmt`` (default text). Several files or a folder: one JSON line
    per case, a progress bar on a terminal, and a summary table on stderr.

    Raises:
        SysteemkaartError: a single case that cannot be read or is invalid.
        click.UsageError: a report format other than JSON for several cases.
    """
    from ..batch import expand_inputs

    files = expand_inputs(inputs)
    batch = len(files) != 1 or any(Path(i).is_dir() for i in inputs)
    if not batch:
        _single(files[0], fmt or "text", at, lang, output)
        return 0
    if fmt not in (None, "json"):
        raise click.UsageError("with several cases the output is one JSON line per case; "
                               "use --format json (or leave --format out)")
    if not files:
        raise SysteemkaartError("no case files (.yaml, .yml, .json) found",
                                file=", ".join(inputs))
    return _batch(files, at, lang, output, jobs)


def _single(name: str, fmt: str, at: PartialDate | None, lang: str | None,
            output: str | None) -> None:
    from ..analysis import analyse
    from ..analysis.report import render
    from ..io.yaml_json import load

    case = load(name)
    text = render(analyse(case, at, lang=lang), fmt, case.names())
    if output:
        from ..io.atomic import write_atomic

        write_atomic(output, text)
        click.echo(f"wrote {output}", err=True)
    else:
        from ..io.output import printable

        click.echo(printable(text), nl=False)


def _batch(files: list[str], at: PartialDate | None, lang: str | None, output: str | None,
           jobs: int | None) -> int:
    from ..batch import analyse_files, summary_table

    rows = []
    failed = 0
    collected: list[str] = []
    show = sys.stderr.isatty()
    bar = click.progressbar(length=len(files), label="analyse", file=sys.stderr) if show \
        else None
    try:
        if bar is not None:
            bar.__enter__()
        for outcome in analyse_files(files, at, lang=lang, jobs=jobs,
                                     on_progress=bar.update if bar is not None else None):
            if outcome.line is None:
                failed += 1
                for line in outcome.errors:
                    click.echo(line, err=True)
                continue
            rows.append(outcome.row)
            if output:
                collected.append(outcome.line)
            else:
                click.echo(outcome.line)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    if output:
        from ..io.atomic import write_atomic

        write_atomic(output, "".join(line + "\n" for line in collected))
    click.echo(summary_table([r for r in rows if r is not None], failed), err=True, nl=False)
    return EXIT_INVALID if failed else 0
