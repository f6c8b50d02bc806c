"""The ``systeemkaart`` command line: thin wrappers that parse arguments and call the library.

Heavy modules (pydantic, networkx, pygraphviz) are imported inside the commands, so that
``systeemkaart --help`` starts fast. Every deliberate error prints ``file:location: message``
lines and exits 2; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ._version import __version__
from .exceptions import SysteemkaartError

if TYPE_CHECKING:
    from pathlib import Path

F = TypeVar("F", bound=Callable[..., Any])

EXIT_INVALID = 2


def _handle_errors(func: F) -> F:
    """Turn library errors into one line per problem and exit code 2 (no traceback)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        debug = bool(ctx.find_root().params.get("debug"))
        try:
            return func(*args, **kwargs)
        except SysteemkaartError as err:
            if debug:
                raise
            for line in err.lines():
                click.echo(line, err=True)
            ctx.exit(EXIT_INVALID)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="systeemkaart")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
def main(debug: bool) -> None:
    """Genograms and systemograms for youth care case sessions.

    A case is a YAML or JSON file (schema systeemkaart/1): the family over generations and
    the helper network around it. Start with `systeemkaart new case.yaml`.
    """


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("-q", "--quiet", is_flag=True, help="Print problems only, no 'ok' lines.")
@_handle_errors
def validate(files: tuple[str, ...], strict: bool, quiet: bool) -> None:
    """Check case files: types, ids, references, parentage, dates.

    Exit code 0 when every file is valid, 2 when any has an error (or, with --strict, a
    warning). Each problem is one line: file:location: message.
    """
    from .io.yaml_json import check_file

    failed = False
    for name in files:
        result = check_file(name)
        for line in result.lines():
            click.echo(line, err=True)
        bad = bool(result.errors) or (strict and bool(result.warnings))
        failed |= bad
        if not bad and not quiet:
            extra = f" ({len(result.warnings)} warnings)" if result.warnings else ""
            click.echo(f"{name}: ok{extra}")
    if failed:
        sys.exit(EXIT_INVALID)


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
@_handle_errors
def schema(output: str | None) -> None:
    """Print the JSON Schema of a case file (for editors and other tools)."""
    from .schema import case_schema_text

    text = case_schema_text()
    if output:
        from .io.atomic import write_atomic

        write_atomic(output, text)
    else:
        click.echo(text, nl=False)


@main.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False))
@click.option("--id", "case_id", default="nieuwe-casus", show_default=True, help="Case id.")
@click.option("--title", default="Nieuwe casus", show_default=True, help="Case title.")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@_handle_errors
def new(file: str | None, case_id: str, title: str, force: bool) -> None:
    """Write a commented template case to FILE (or print it)."""
    import datetime as dt
    from pathlib import Path

    from .template import template

    text = template(case_id, title, dt.date.today().isoformat())
    if file is None:
        click.echo(text, nl=False)
        return
    if Path(file).exists() and not force:
        raise click.UsageError(f"{file} exists; use --force to overwrite it")
    from .io.atomic import write_atomic

    write_atomic(file, text)
    click.echo(f"wrote {file}")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@_handle_errors
def info(files: tuple[str, ...]) -> None:
    """Print a short summary of each case: people, generations, helpers."""
    from .io.yaml_json import load
    from .summary import summarise

    for name in files:
        click.echo(summarise(load(name), name))


def _parse_date(value: str | None) -> Any:
    if value is None:
        return None
    from .dates import PartialDate

    try:
        return PartialDate.parse(value)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--at") from err


def _render_all(case_file: str, kinds: list[str], lang: str | None, at: str | None,
                fmt: str, parts: dict[str, Any] | None = None) -> list[tuple[str, bytes]]:
    """Load the case and render every kind; nothing is written here. ``parts`` narrows the
    helper network of the systemogram and timeline (see ``focus_network``)."""
    from .drawing import draw as draw_case
    from .io.yaml_json import load

    case = load(case_file)
    when = _parse_date(at)
    part = case
    if parts:
        from .exceptions import CaseFormatError
        from .layout.systemogram_filter import focus_network

        try:
            part = focus_network(case, **parts)
        except CaseFormatError as err:
            raise CaseFormatError(err.message, file=case_file) from err
    out: list[tuple[str, bytes]] = []
    for kind in kinds:
        svg = draw_case(part if kind != "genogram" else case, kind, lang=lang, at=when)
        if fmt == "svg":
            out.append((kind, svg.encode("utf-8")))
        else:
            from .render.convert import convert_svg

            out.append((kind, convert_svg(svg, fmt)))
    return out


def _targets(case_file: str, kinds: list[str], output: str | None, out_dir: str | None,
             fmt: str) -> list[Path]:
    from pathlib import Path

    if output is not None:
        if len(kinds) > 1:
            raise click.UsageError("-o names one file; with --kind all use --out-dir")
        return [Path(output)]
    folder = Path(out_dir) if out_dir else Path(case_file).parent
    stem = Path(case_file).name.rsplit(".", 1)[0]
    return [folder / f"{stem}.{kind}.{fmt}" for kind in kinds]


@main.command()
@click.argument("case_file", metavar="CASE", type=click.Path(dir_okay=False))
@click.option("--kind", type=click.Choice(["genogram", "systemogram", "timeline", "all"]),
              default="genogram", show_default=True, help="What to draw.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Output file.")
@click.option("--out-dir", type=click.Path(file_okay=False),
              help="Folder for <case>.<kind>.<format> files (default: beside the case).")
@click.option("--lang", type=click.Choice(["nl", "en"]), help="Label language (default: case).")
@click.option("--at", metavar="DATE", help="Draw the state at this date (default: case as_of).")
@click.option("--format", "fmt", type=click.Choice(["svg", "png", "pdf"]), default="svg",
              show_default=True, help="Output format.")
@click.option("--watch", is_flag=True, help="Redraw whenever the case file is saved.")
@click.option("--focus", metavar="PERSON", help="Only the helpers that reach this person.")
@click.option("--stance", "stances", multiple=True,
              type=click.Choice(["alongside", "over", "opposite"]),
              help="Only involvements in this stance (repeatable).")
@click.option("--organisation", "organisations", multiple=True, metavar="ORG",
              help="Only this organisation's involvements (repeatable).")
@_handle_errors
def draw(case_file: str, kind: str, output: str | None, out_dir: str | None, lang: str | None,
         at: str | None, fmt: str, watch: bool, focus: str | None, stances: tuple[str, ...],
         organisations: tuple[str, ...]) -> None:
    """Draw a case: genogram, systemogram, timeline or all of them.

    Writes <case>.<kind>.svg beside the case unless -o or --out-dir says otherwise. Files
    are written only when every drawing succeeded, each atomically.
    """
    kinds = ["genogram", "systemogram", "timeline"] if kind == "all" else [kind]
    paths = _targets(case_file, kinds, output, out_dir, fmt)

    parts = {"focus": focus, "stances": stances, "organisations": organisations}

    def once() -> None:
        rendered = _render_all(case_file, kinds, lang, at, fmt, parts)
        from .io.atomic import write_atomic

        for path, (_, data) in zip(paths, rendered, strict=True):
            if path.parent and not path.parent.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, data)
            click.echo(f"wrote {path}")

    if not watch:
        once()
        return
    _watch(case_file, once)


def _watch(case_file: str, once: Callable[[], None]) -> None:
    """Redraw on every change of the case file until interrupted; errors do not stop it."""
    import os
    import time

    last: float | None = None
    click.echo(f"watching {case_file} (Ctrl-C to stop)")
    try:
        while True:
            try:
                mtime = os.stat(case_file).st_mtime
            except OSError:
                mtime = None
            if mtime is not None and mtime != last:
                last = mtime
                try:
                    once()
                except SysteemkaartError as err:
                    for line in err.lines():
                        click.echo(line, err=True)
            time.sleep(0.3)
    except KeyboardInterrupt:
        click.echo("stopped")


@main.command()
@click.argument("case_file", metavar="CASE", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Output file (default: standard output).")
@click.option("--format", "fmt", type=click.Choice(["yaml", "json", "graphml", "dot"]),
              help="Output format (default: from the output name, else yaml).")
@click.option("--pseudonymise", is_flag=True,
              help="Remove names, free text and ids; shift dates to years (safe to share).")
@click.option("--seed", type=int, help="Make the pseudonymised date shift reproducible.")
@click.option("--force", is_flag=True, help="Allow overwriting an existing output file.")
@_handle_errors
def export(case_file: str, output: str | None, fmt: str | None, pseudonymise: bool,
           seed: int | None, force: bool) -> None:
    """Write a case as YAML, JSON, GraphML or DOT, optionally pseudonymised."""
    from pathlib import Path

    from .io.yaml_json import dumps, load

    if fmt is None:
        suffix = Path(output).suffix.lower().lstrip(".") if output else ""
        fmt = {"yml": "yaml", "gv": "dot"}.get(suffix, suffix)
        if fmt not in {"yaml", "json", "graphml", "dot"}:
            fmt = "yaml"
    if output is not None and Path(output).exists():
        if Path(output).resolve() == Path(case_file).resolve():
            raise click.UsageError("the output would overwrite the case itself; name another file")
        if not force:
            raise click.UsageError(f"{output} exists; use --force to overwrite it")
    case = load(case_file)
    if pseudonymise:
        from .io.pseudonymise import pseudonymise as pseudo

        case = pseudo(case, seed=seed)
    if fmt in {"yaml", "json"}:
        text = dumps(case, format=fmt)
    else:
        from .io import export as exporter

        text = exporter.to_graphml(case) if fmt == "graphml" else exporter.to_dot(case)
    if output is None:
        click.echo(text, nl=False)
        return
    from .io.atomic import write_atomic

    write_atomic(output, text)
    click.echo(f"wrote {output}", err=True)


@main.command(name="import")
@click.argument("source", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Case file to write (default: <source>.yaml beside the source).")
@click.option("--force", is_flag=True, help="Allow overwriting an existing case file.")
@click.option("-q", "--quiet", is_flag=True, help="Do not list the repairs made.")
@_handle_errors
def import_(source: str, output: str | None, force: bool, quiet: bool) -> None:
    """Import a GEDCOM family tree (5.5, 5.5.1, 7.0) as a case file.

    Keeps people, couples and children with their dates; leaves out sources, notes, places
    and media. Facts that would make the case invalid are left out and listed.
    """
    from pathlib import Path

    from .io.gedcom import read_gedcom
    from .io.yaml_json import save

    target = Path(output) if output else Path(source).with_suffix(".yaml")
    if target.exists() and not force:
        raise click.UsageError(f"{target} exists; use --force to overwrite it")
    result = read_gedcom(source)
    save(result.case, target)
    if not quiet:
        for problem in result.warnings:
            click.echo(problem.format(source), err=True)
    click.echo(f"wrote {target}: {len(result.case.people)} people, "
               f"{len(result.case.partnerships)} couples, {len(result.case.children)} "
               f"parent-child links from {result.individuals} INDI and {result.families} FAM "
               f"records ({len(result.warnings)} warnings)")


@main.command()
@click.argument("folder", default="examples", type=click.Path(file_okay=False, exists=True))
@click.option("--out-dir", default="out", show_default=True, type=click.Path(file_okay=False))
@_handle_errors
def demo(folder: str, out_dir: str) -> None:
    """Summarise, draw and analyse every case in FOLDER into OUT_DIR.

    Writes <case>.genogram.svg, <case>.systemogram.svg, <case>.timeline.svg and
    <case>.analyse.md (the analysis as session notes) for each case.
    """
    from pathlib import Path

    from .analysis import analyse
    from .analysis.report import to_markdown
    from .drawing import KINDS
    from .drawing import draw as draw_case
    from .io.atomic import write_atomic
    from .io.yaml_json import load
    from .summary import summarise

    files = sorted(Path(folder).glob("*.yaml"))
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    for path in files:
        case = load(path)
        click.echo(summarise(case, str(path)))
        stem = path.name.rsplit(".", 1)[0]
        for kind in KINDS:
            target = Path(out_dir) / f"{stem}.{kind}.svg"
            write_atomic(target, draw_case(case, kind))
            click.echo(f"  wrote {target}")
        target = Path(out_dir) / f"{stem}.analyse.md"
        write_atomic(target, to_markdown(analyse(case), case.names()))
        click.echo(f"  wrote {target}")


@main.command()
@click.argument("inputs", metavar="CASE...", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]),
              help="Report format for one case (default text); several cases give JSON lines.")
@click.option("--at", metavar="DATE", help="Analyse the state at this date (default: as_of).")
@click.option("--lang", type=click.Choice(["nl", "en"]), help="Language (default: the case's).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
@click.option("-j", "--jobs", type=click.IntRange(min=1),
              help="Worker processes for several cases (default: every core).")
@_handle_errors
def analyse(inputs: tuple[str, ...], fmt: str | None, at: str | None, lang: str | None,
            output: str | None, jobs: int | None) -> None:
    """Analyse cases: help and stacking, regie and roles, coalitions, patterns, core group.

    One CASE gives a report (text, json or markdown). Several files or a folder give one
    JSON line per case, a progress bar on a terminal and a summary table on stderr; exit
    code 2 when any case could not be analysed.
    """
    from .analysis.command import run_analyse

    code = run_analyse(inputs, fmt=fmt, at=_parse_date(at), lang=lang, output=output,
                       jobs=jobs)
    if code:
        sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    main()
