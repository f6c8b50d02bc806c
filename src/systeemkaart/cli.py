"""The ``systeemkaart`` command line: thin wrappers that parse arguments and call the library.

Heavy modules (pydantic, networkx, pygraphviz) are imported inside the commands, so that
``systeemkaart --help`` starts fast. Every deliberate error prints ``file:location: message``
lines and exits 2; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from ._version import __version__
from .exceptions import SysteemkaartError

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


@main.command()
@click.argument("folder", default="examples", type=click.Path(file_okay=False, exists=True))
@click.option("--out-dir", default="out", show_default=True, type=click.Path(file_okay=False))
@_handle_errors
def demo(folder: str, out_dir: str) -> None:
    """Summarise every example case in FOLDER (and draw what can be drawn into OUT_DIR)."""
    from .io.yaml_json import load
    from .summary import summarise

    files = sorted(Path(folder).glob("*.yaml"))
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    for path in files:
        click.echo(summarise(load(path), str(path)))


if __name__ == "__main__":  # pragma: no cover
    main()
