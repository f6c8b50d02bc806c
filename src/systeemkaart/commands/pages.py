"""The work behind ``systeemkaart report``, ``overview`` and the pages of ``demo``.

Kept apart from :mod:`systeemkaart.cli` so that the commands stay thin wrappers and this
module is imported only when one of them runs.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..dates import PartialDate

if TYPE_CHECKING:
    from ..page.report import ReportPage

__all__ = ["demo_pages", "run_overview", "run_report"]


def _target(case_file: str, output: str | None, suffix: str) -> Path:
    target = Path(output) if output else Path(case_file).with_suffix(suffix)
    if target.exists() and target.resolve() == Path(case_file).resolve():
        raise click.UsageError("the output would overwrite the case itself; name another file")
    return target


def run_report(case_file: str, *, output: str | None, lang: str | None,
               at: PartialDate | None, since: PartialDate | None, pseudonymise: bool,
               seed: int | None, serve: bool, port: int) -> None:
    """Write the session page of one case, or serve it live until Ctrl-C.

    Raises:
        SysteemkaartError: the case cannot be read, is invalid or cannot be drawn (writing
            a page); a live view shows these on the page instead.
    """
    from ..io.yaml_json import load
    from ..page.report import build_report

    def build() -> ReportPage:
        return build_report(load(case_file), lang=lang, at=at, since=since,
                            pseudonymise=pseudonymise, seed=seed)

    if serve:
        _serve(case_file, build, port, pseudonymise)
        return
    target = _target(case_file, output, ".html")
    text = build().html()
    from ..io.atomic import write_atomic

    write_atomic(target, text)
    click.echo(f"wrote {target}")


def _serve(case_file: str, build: Callable[[], ReportPage], port: int, hide: bool) -> None:
    from ..page.live import LiveServer

    def changed(problems: list[str]) -> None:
        stamp = time.strftime("%H:%M:%S")
        if problems:
            click.echo(f"{stamp} {case_file}: {len(problems)} problem(s), last good page kept",
                       err=True)
            for line in problems:
                click.echo(f"  {line}", err=True)
        else:
            click.echo(f"{stamp} redrawn {case_file}")

    try:
        server = LiveServer(case_file, build, port=port, hide_problems=hide,
                            on_change=changed)
    except OSError as err:
        raise click.UsageError(f"cannot listen on 127.0.0.1:{port}: {err.strerror}") from err
    try:  # Ctrl-C may come at any moment once serving; the server closes on the way out
        with server:
            click.echo(f"serving {server.url} (only this computer; Ctrl-C to stop)")
            while True:
                time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    click.echo("stopped")


def run_overview(inputs: Sequence[str], *, output: str, lang: str, at: PartialDate | None,
                 jobs: int | None) -> int:
    """Analyse every case under the inputs (streaming, on ``jobs`` workers, with a progress
    bar on a terminal) and write the overview page; the exit code (2 when a file failed)."""
    from ..batch import analyse_files, expand_inputs
    from ..exceptions import SysteemkaartError
    from ..io.atomic import write_atomic
    from ..page.overview import Tally, digest
    from ..page.overview_page import overview_html

    files = expand_inputs(inputs)
    if not files:
        raise SysteemkaartError("no case files (.yaml, .yml, .json) found",
                                file=", ".join(inputs))
    tally = Tally()
    show = sys.stderr.isatty()
    bar = click.progressbar(length=len(files), label="overview", file=sys.stderr) \
        if show else None
    try:
        if bar is not None:
            bar.__enter__()
        for outcome in analyse_files(files, at, lang=lang, jobs=jobs, digest=digest,
                                     json_lines=False,
                                     on_progress=bar.update if bar is not None else None):
            if outcome.digest is None:
                tally.failed += 1
                for line in outcome.errors:
                    click.echo(line, err=True)
            else:
                tally.add(outcome.digest)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    write_atomic(output, overview_html(tally, lang))
    click.echo(f"wrote {output}: {tally.cases} cases, {tally.failed} failed")
    return 2 if tally.failed else 0


def demo_pages(files: Sequence[Path], out_dir: Path) -> Path:
    """Write each case's session page, an overview of them all and ``index.html`` linking
    everything into ``out_dir``; the index's path."""
    from ..analysis import analyse
    from ..drawing import KINDS
    from ..io.atomic import write_atomic
    from ..io.yaml_json import load
    from ..page.index import IndexEntry, index_html
    from ..page.overview import Tally, digest
    from ..page.overview_page import overview_html
    from ..page.report import build_report

    entries = []
    tally = Tally()
    for path in files:
        case = load(path)
        stem = path.name.rsplit(".", 1)[0]
        page = out_dir / f"{stem}.html"
        write_atomic(page, build_report(case).html())
        click.echo(f"  wrote {page}")
        result = analyse(case)
        tally.add(digest(case, result))
        extra = (*((f"{stem}.{kind}.svg", kind) for kind in KINDS),
                 (f"{stem}.analyse.md", "notes_file"))
        entries.append(IndexEntry(page=page.name, title=case.case.title or case.case.id,
                                  as_of=str(case.as_of()), people=len(case.people),
                                  professionals=result.helpers.professionals,
                                  informal=result.helpers.informal,
                                  hypotheses=len(case.hypotheses), files=extra))
    write_atomic(out_dir / "overzicht.html", overview_html(tally))
    index = out_dir / "index.html"
    write_atomic(index, index_html(entries, overview="overzicht.html"))
    click.echo(f"wrote {out_dir / 'overzicht.html'}")
    click.echo(f"wrote {index}")
    return index
