"""The ``systeemkaart`` command line: thin wrappers that parse arguments and call the library.

Heavy modules (pydantic, networkx, pygraphviz) are imported inside the commands, so that
``systeemkaart --help`` starts fast. Every deliberate error prints ``file:location: message``
lines and exits 2; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import functools
import os
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
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("-q", "--quiet", is_flag=True, help="Print problems only, no 'ok' lines.")
@_handle_errors
def validate(files: tuple[str, ...], strict: bool, quiet: bool) -> None:
    """Check case files: types, ids, references, parentage, dates.

    FILES may be folders (every case in them) or - (standard input). Exit code 0 when
    every file is valid, 2 when any has an error (or, with --strict, a warning). Each
    problem is one line: file:location: message.
    """
    from .io.yaml_json import check_file

    failed = False
    for name in _case_files(files):
        result = check_file(name)
        for line in result.lines():
            click.echo(_printable(line), err=True)
        bad = bool(result.errors) or (strict and bool(result.warnings))
        failed |= bad
        if not bad and not quiet:
            n = len(result.warnings)
            extra = f" ({n} warning{'' if n == 1 else 's'})" if n else ""
            click.echo(f"{name}: ok{extra}")
    if failed:
        sys.exit(EXIT_INVALID)


def _case_files(inputs: tuple[str, ...]) -> list[str]:
    """The inputs, with every folder replaced by the case files in it (sorted).

    Raises:
        SysteemkaartError: a folder without case files.
    """
    from pathlib import Path

    from .batch import expand_inputs

    files: list[str] = []
    for item in inputs:
        found = expand_inputs([item])
        if not found and Path(item).is_dir():
            raise SysteemkaartError("no case files (.yaml, .yml, .json) in this folder",
                                    file=item)
        files.extend(found)
    return files


def _printable(text: str) -> str:
    """``text`` safe for a terminal: control characters from case files shown escaped."""
    from .io.output import printable

    return printable(text)


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
@click.option("--force", is_flag=True, help="Allow overwriting a case file.")
@_handle_errors
def schema(output: str | None, force: bool) -> None:
    """Print the JSON Schema of a case file (for editors and other tools)."""
    from .schema import case_schema_text

    text = case_schema_text()
    if output:
        from .io.output import write_output

        write_output(output, text, force=force)
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

    from .template import template

    text = template(case_id, title, dt.date.today().isoformat())
    if file is None:
        click.echo(text, nl=False)
        return
    from .io.output import write_output

    write_output(file, text, force=force, overwrite=False)
    if file != "-":
        click.echo(f"wrote {file}")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@_handle_errors
def info(files: tuple[str, ...]) -> None:
    """Print a short summary of each case: people, generations, helpers.

    FILES may be folders (every case in them) or - (standard input).
    """
    from .io.yaml_json import load
    from .summary import summarise

    for name in _case_files(files):
        click.echo(_printable(summarise(load(name), name)))


def _parse_date(value: str | None, option: str = "--at") -> Any:
    if value is None:
        return None
    from .dates import PartialDate

    try:
        return PartialDate.parse(value)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint=option) from err


_LARGE_TREE = 2_000
"""From this many people on, draw says before starting that the genogram takes a while."""


def _render_all(case_file: str, kinds: list[str], lang: str | None, at: str | None,
                fmt: str, since: str | None = None, first: str | None = None,
                last: str | None = None, around: tuple[str, int] | None = None,
                parts: dict[str, Any] | None = None) -> list[tuple[str, bytes]]:
    """Load the case and render every kind; nothing is written here. ``around`` is
    ``(person, generations)``: draw only the family around that person; ``parts`` narrows
    the helper network of the systemogram and timeline (see ``focus_network``)."""
    from .drawing import draw as draw_case
    from .io.yaml_json import load

    when = _parse_date(at)
    dates = {"since": _parse_date(since, "--since"), "first": _parse_date(first, "--from"),
             "last": _parse_date(last, "--to")}
    case = load(case_file)
    hidden: dict[str, int] = {}
    if around is not None:
        from .layout.genogram_around import around as family_around

        cut = family_around(case, *around)
        case, hidden = cut.case, cut.hidden
    if "genogram" in kinds and len(case.people) >= _LARGE_TREE:
        click.echo(f"{case_file}: {len(case.people):,} people; drawing the whole family tree "
                   "takes a while (Ctrl-C stops it). A case with only the branch you need "
                   "draws faster and reads better.", err=True)
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
        if kind == "genogram":
            svg = draw_case(case, kind, lang=lang, at=when, hidden=hidden, **dates)
        else:
            svg = draw_case(part, kind, lang=lang, at=when, **dates)
        if fmt == "svg":
            out.append((kind, svg.encode("utf-8")))
        else:
            from .render.convert import convert_svg

            out.append((kind, convert_svg(svg, fmt)))
    return out


_DRAW_FORMATS = ("svg", "png", "pdf")


def _draw_format(fmt: str | None, output: str | None) -> str:
    """The format named by ``--format`` or else by the output's extension (svg otherwise).

    Raises:
        click.UsageError: ``--format`` and the output's extension disagree.
    """
    from pathlib import Path

    named = Path(output).suffix.lower().lstrip(".") if output and output != "-" else ""
    if named in _DRAW_FORMATS:
        if fmt is not None and fmt != named:
            raise click.UsageError(f"--format {fmt} does not match the output name {output}; "
                                   f"name the file .{fmt} or leave --format out")
        return named
    return fmt or "svg"


def _targets(case_file: str, kinds: list[str], output: str | None, out_dir: str | None,
             fmt: str) -> list[Path]:
    from pathlib import Path

    if output is None and out_dir is None and case_file == "-":
        output = "-"
    if output is not None:
        if len(kinds) > 1:
            raise click.UsageError("-o names one file; with --kind all use --out-dir")
        return [Path(output)]
    folder = Path(out_dir) if out_dir else Path(case_file).parent
    stem = Path(case_file).name.rsplit(".", 1)[0]
    return [folder / f"{stem}.{kind}.{fmt}" for kind in kinds]


def _check_targets(paths: list[Path], inputs: list[str], force: bool) -> None:
    """Refuse outputs that would lose a file, and make their folders, before any drawing."""
    from .io.output import check_output, make_folder

    for path in paths:
        if str(path) != "-":
            check_output(path, inputs=inputs, force=force)
            make_folder(path.parent)


@main.command()
@click.argument("case_file", metavar="CASE", type=click.Path(dir_okay=False))
@click.option("--kind", type=click.Choice(["genogram", "systemogram", "timeline", "all"]),
              default="genogram", show_default=True, help="What to draw.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Output file.")
@click.option("--out-dir", type=click.Path(file_okay=False),
              help="Folder for <case>.<kind>.<format> files (default: beside the case).")
@click.option("--lang", type=click.Choice(["nl", "en"]), help="Label language (default: case).")
@click.option("--at", metavar="DATE", help="Draw the state at this date (default: case as_of).")
@click.option("--since", metavar="DATE",
              help="Mark what is new since this date; fade what ended since.")
@click.option("--from", "first", metavar="DATE", help="Timeline: start of the axis.")
@click.option("--to", "last", metavar="DATE", help="Timeline: end of the axis.")
@click.option("--format", "fmt", type=click.Choice(_DRAW_FORMATS),
              help="Output format (default: from the -o name, else svg).")
@click.option("--watch", is_flag=True, help="Redraw whenever the case file is saved.")
@click.option("--focus", metavar="PERSON", help="Only the helpers that reach this person.")
@click.option("--stance", "stances", multiple=True,
              type=click.Choice(["alongside", "over", "opposite"]),
              help="Only involvements in this stance (repeatable).")
@click.option("--organisation", "organisations", multiple=True, metavar="ORG",
              help="Only this organisation's involvements (repeatable).")
@click.option("--force", is_flag=True, help="Allow overwriting a case file.")
@click.option("--around", "around_id", metavar="PERSON",
              help="Genogram of the family around this person only (a large tree): an id, "
                   "a GEDCOM reference such as @I104@, or a full name.")
@click.option("--generations", type=click.IntRange(min=0), default=2, show_default=True,
              help="With --around: generations up and down to keep.")
@_handle_errors
def draw(case_file: str, kind: str, output: str | None, out_dir: str | None, lang: str | None,
         at: str | None, since: str | None, first: str | None, last: str | None,
         fmt: str | None, watch: bool, focus: str | None, stances: tuple[str, ...],
         organisations: tuple[str, ...], force: bool, around_id: str | None,
         generations: int) -> None:
    """Draw a case: genogram, systemogram, timeline or all of them.

    Writes <case>.<kind>.svg beside the case unless -o or --out-dir says otherwise (- is
    standard output, and the default when CASE is - for standard input). Files are written
    only when every drawing succeeded, each atomically; never over the case or any other
    case file unless --force.
    """
    kinds = ["genogram", "systemogram", "timeline"] if kind == "all" else [kind]
    fmt = _draw_format(fmt, output)
    paths = _targets(case_file, kinds, output, out_dir, fmt)
    if watch and case_file == "-":
        raise click.UsageError("--watch needs a case file, not standard input")
    _check_targets(paths, [case_file], force)

    # the helper network narrowed only when asked (a plain draw skips the filter's import)
    parts = {"focus": focus, "stances": stances, "organisations": organisations} \
        if focus is not None or stances or organisations else None

    def once() -> None:
        around = (around_id, generations) if around_id is not None else None
        rendered = _render_all(case_file, kinds, lang, at, fmt, since, first, last, around,
                               parts)
        from .io.output import write_output

        for path, (_, data) in zip(paths, rendered, strict=True):
            write_output(path, data, inputs=[case_file], force=force)
            if str(path) != "-":
                click.echo(f"wrote {path}")

    if not watch:
        once()
        return
    _watch(case_file, once)


def _watch(case_file: str, once: Callable[[], None]) -> None:
    """Redraw on every change of the case file until interrupted; errors do not stop it."""
    import os
    import time

    from .gcpause import long_running

    long_running()
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
@click.option("--format", "fmt",
              type=click.Choice(["yaml", "json", "graphml", "dot", "gedcom"]),
              help="Output format (default: from the output name, else yaml).")
@click.option("--gedcom-version", type=click.Choice(["5.5.1", "7"]),
              help="GEDCOM version for --format gedcom (default: 5.5.1).")
@click.option("--pseudonymise", is_flag=True,
              help="Remove names, free text and ids; shift dates to years (safe to share).")
@click.option("--seed", type=int, help="Make the pseudonymised date shift reproducible.")
@click.option("--force", is_flag=True, help="Allow overwriting an existing output file.")
@_handle_errors
def export(case_file: str, output: str | None, fmt: str | None, gedcom_version: str | None,
           pseudonymise: bool, seed: int | None, force: bool) -> None:
    """Write a case as YAML, JSON, GraphML, DOT or GEDCOM, optionally pseudonymised."""
    from pathlib import Path

    from .io.export import SUFFIXES, export_text
    from .io.yaml_json import load

    if fmt is None:
        suffix = Path(output).suffix.lower().lstrip(".") if output else ""
        fmt = SUFFIXES.get(suffix, "yaml")
    if gedcom_version is not None and fmt != "gedcom":
        raise click.UsageError(f"--gedcom-version is for GEDCOM output, not {fmt}")
    if output == "-":
        output = None
    if output is not None:
        from .io.output import check_output

        check_output(output, inputs=[case_file], force=force, overwrite=False)
    case = load(case_file)
    if pseudonymise:
        from .io.pseudonymise import pseudonymise as pseudo

        case = pseudo(case, seed=seed)
    text = export_text(case, fmt, gedcom_version=gedcom_version or "5.5.1")
    if output is None:
        click.echo(text, nl=False)
        return
    from .io.output import write_output

    write_output(output, text, inputs=[case_file], force=force, overwrite=False)
    click.echo(f"wrote {output}", err=True)


@main.command(name="import")
@click.argument("source", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Case file to write (default: <source>.yaml beside the source).")
@click.option("--force", is_flag=True, help="Allow overwriting an existing case file.")
@click.option("-q", "--quiet", is_flag=True, help="Do not list the repairs made.")
@click.option("--around", "around_id", metavar="PERSON",
              help="Keep only the family around this person (an id, a GEDCOM reference such "
                   "as @I104@, or a full name): ancestors, descendants, their siblings "
                   "and partners.")
@click.option("--generations", type=click.IntRange(min=0), default=2, show_default=True,
              help="With --around: generations up and down to keep.")
@_handle_errors
def import_(source: str, output: str | None, force: bool, quiet: bool, around_id: str | None,
            generations: int) -> None:
    """Import a GEDCOM family tree (5.5, 5.5.1, 7.0) as a case file.

    Keeps people, couples and children with their dates; leaves out sources, notes, places
    and media. Facts that would make the case invalid are left out and listed.
    """
    from pathlib import Path

    from .io.gedcom import read_gedcom
    from .io.output import check_output, write_output
    from .io.yaml_json import dumps

    target = Path(output) if output else Path(source).with_suffix(".yaml")
    check_output(target, inputs=[source], force=force, overwrite=False)
    result = read_gedcom(source)
    case = result.case
    if around_id is not None:
        from .layout.genogram_around import around, find_person, marked

        who = find_person(case, around_id)
        name = next(p.name for p in case.people if p.id == who)
        cut = around(case, who, generations)
        case = marked(cut)
        click.echo(f"kept {len(case.people)} people around {name or who} ({who}) within "
                   f"{generations} generations; left out {cut.left_out} (marked under "
                   f"{len(cut.hidden)} of the people kept: left_out)", err=True)
    fmt = "json" if target.suffix.lower() == ".json" else "yaml"
    write_output(target, dumps(case, format=fmt), inputs=[source], force=force,
                 overwrite=False)
    if not quiet:
        for problem in result.warnings:
            click.echo(problem.format(source), err=True)
    click.echo(f"wrote {target}: {len(case.people)} people, "
               f"{len(case.partnerships)} couples, {len(case.children)} "
               f"parent-child links from {result.individuals} INDI and {result.families} FAM "
               f"records ({len(result.warnings)} warnings)", err=str(target) == "-")


@main.command()
@click.argument("folder", default="examples", type=click.Path(file_okay=False, exists=True))
@click.option("--out-dir", default="out", show_default=True, type=click.Path(file_okay=False))
@click.option("--force", is_flag=True, help="Allow overwriting a case file.")
@_handle_errors
def demo(folder: str, out_dir: str, force: bool) -> None:
    """Summarise, draw and analyse every case in FOLDER into OUT_DIR.

    Writes <case>.genogram.svg, <case>.systemogram.svg, <case>.timeline.svg,
    <case>.analyse.md (the analysis as session notes) and <case>.html (the session page)
    for each case, an overview of them all, and index.html linking every page.
    """
    from pathlib import Path

    from .analysis import analyse
    from .analysis.report import to_markdown
    from .commands.pages import demo_pages
    from .drawing import KINDS
    from .drawing import draw as draw_case
    from .io.output import check_output, make_folder, write_output
    from .io.yaml_json import load
    from .summary import summarise

    files = sorted(Path(folder).glob("*.yaml"))
    names = [str(p) for p in files]
    planned = [(path, [Path(out_dir) / f"{path.name.rsplit('.', 1)[0]}.{kind}"
                       for kind in (*(f"{k}.svg" for k in KINDS), "analyse.md")])
               for path in files]
    for _, targets in planned:
        for target in targets:
            check_output(target, inputs=names, force=force)
    make_folder(out_dir)
    for path, targets in planned:
        case = load(path)
        click.echo(_printable(summarise(case, str(path))))
        texts = [draw_case(case, kind) for kind in KINDS]
        texts.append(to_markdown(analyse(case), case.names()))
        for target, text in zip(targets, texts, strict=True):
            write_output(target, text, inputs=names, force=force)
            click.echo(f"  wrote {target}")
    index = demo_pages(files, Path(out_dir))
    click.echo(f"open {index.resolve()}")


@main.command()
@click.argument("inputs", metavar="CASE...", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]),
              help="Report format for one case (default text); several cases give JSON lines.")
@click.option("--at", metavar="DATE", help="Analyse the state at this date (default: as_of).")
@click.option("--lang", type=click.Choice(["nl", "en"]), help="Language (default: the case's).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
@click.option("-j", "--jobs", type=click.IntRange(min=1),
              help="Worker processes for several cases (default: every core).")
@click.option("--force", is_flag=True, help="Allow overwriting a case file.")
@_handle_errors
def analyse(inputs: tuple[str, ...], fmt: str | None, at: str | None, lang: str | None,
            output: str | None, jobs: int | None, force: bool) -> None:
    """Analyse cases: help and stacking, regie and roles, coalitions, patterns, core group.

    One CASE gives a report (text, json or markdown). Several files or a folder give one
    JSON line per case, a progress bar on a terminal and a summary table on stderr; exit
    code 2 when any case could not be analysed.
    """
    from .commands.analyse import run_analyse

    if output == "-":
        output = None
    if output is not None:
        from .io.output import check_output, make_folder

        check_output(output, inputs=inputs, force=force)
        make_folder(os.path.dirname(output))
    code = run_analyse(inputs, fmt=fmt, at=_parse_date(at), lang=lang, output=output,
                       jobs=jobs)
    if code:
        sys.exit(code)


@main.command()
@click.argument("case_file", metavar="CASE", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="HTML file to write (default: <case>.html beside the case).")
@click.option("--lang", type=click.Choice(["nl", "en"]), help="Language (default: the case's).")
@click.option("--at", metavar="DATE", help="Show the state at this date (default: as_of).")
@click.option("--since", metavar="DATE",
              help="Mark what is new since this date; fade what ended since (as draw).")
@click.option("--pseudonymise", is_flag=True,
              help="No names, free text, ids or exact dates (safe to share; as export).")
@click.option("--seed", type=int, help="Make the pseudonymised date shift reproducible.")
@click.option("--serve", is_flag=True,
              help="Serve a live page on 127.0.0.1 that reloads on every save (Ctrl-C stops).")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port for --serve (0: any free port).")
@_handle_errors
def report(case_file: str, output: str | None, lang: str | None, at: str | None,
           since: str | None, pseudonymise: bool, seed: int | None, serve: bool,
           port: int) -> None:
    """One self-contained HTML page of a case for the session and its notes.

    Title and date, genogram, systemogram, timeline, events, hypotheses and the analysis;
    no network, prints on A4 with each drawing on its own page. With --serve, a live view
    for the screen in the room that redraws whenever the case file is saved.
    """
    from .commands.pages import run_report

    run_report(case_file, output=output, lang=lang, at=_parse_date(at),
               since=_parse_date(since, "--since"), pseudonymise=pseudonymise, seed=seed,
               serve=serve, port=port)


@main.command()
@click.argument("inputs", metavar="FOLDER...", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="overzicht.html",
              show_default=True, help="HTML file to write.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True,
              help="Language of the page.")
@click.option("--at", metavar="DATE", help="Count every case at this date (default: as_of).")
@click.option("-j", "--jobs", type=click.IntRange(min=1),
              help="Worker processes (default: every core).")
@_handle_errors
def overview(inputs: tuple[str, ...], output: str, lang: str, at: str | None,
             jobs: int | None) -> None:
    """Count across many cases: organisation kinds, organisations, professionals per case,
    stacking, regie and mixed roles, and the partner picture around the social team.

    Streams every case file under the folders (or the files given) through the same
    analysis as `analyse`; exit code 2 when a file could not be read (it is not counted).
    """
    from .commands.pages import run_overview

    code = run_overview(inputs, output=output, lang=lang, at=_parse_date(at), jobs=jobs)
    if code:
        sys.exit(code)

@main.command()
@click.argument("old_file", metavar="CASE", type=click.Path(dir_okay=False))
@click.argument("new_file", metavar="[NEW]", required=False, type=click.Path(dir_okay=False))
@click.option("--from", "from_", metavar="DATE", help="The earlier date (one case).")
@click.option("--to", metavar="DATE", help="The later date (one case; default: as_of).")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]),
              default="text", show_default=True, help="Report format.")
@click.option("--lang", type=click.Choice(["nl", "en"]), help="Language (default: the case's).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
@_handle_errors
def compare(old_file: str, new_file: str | None, from_: str | None, to: str | None, fmt: str,
            lang: str | None, output: str | None) -> None:
    """What changed: one CASE between --from and --to, or an OLD and a NEW version of a case.

    Lists people, partnerships, relations, households, contexts and supporters that came or
    went, involvements that started or ended, regie, professionals and the core group then
    and now, and findings that appeared, went or changed. Two versions are each read at
    their own as_of unless --from/--to say otherwise.
    """
    from .compare import compare as compare_cases
    from .compare import render_comparison
    from .io.yaml_json import load

    if new_file is None and from_ is None:
        raise click.UsageError("give a second case file, or --from DATE (and --to DATE)")
    old = load(old_file)
    new = load(new_file) if new_file is not None else old
    result = compare_cases(old, new, _parse_date(from_, "--from"), _parse_date(to, "--to"),
                           lang=lang)
    text = render_comparison(result, fmt, {**old.names(), **new.names()})
    if output is None:
        click.echo(text, nl=False)
        return
    from .io.atomic import write_atomic

    write_atomic(output, text)
    click.echo(f"wrote {output}", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
