"""One family of errors, each carrying the file, the place inside it and a one-line message."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "CaseFormatError",
    "InvariantError",
    "LayoutError",
    "OutputError",
    "Problem",
    "SysteemkaartError",
]

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One finding about an input: where it is and what is wrong.

    ``location`` is a path inside the document such as ``people[3].born``; ``line`` is the
    1-based line in the file when the loader knows it.
    """

    location: str
    message: str
    severity: Severity = "error"
    code: str = "invalid"
    line: int | None = field(default=None, compare=False)

    def format(self, file: str | None = None) -> str:
        """Render as ``file:location: message``, or ``file: message`` for the whole file (plus
        the line when known)."""
        where = f"{self.location}: " if self.location else ""
        head = f"{file}:{where or ' '}" if file else where
        tail = f" (line {self.line})" if self.line else ""
        kind = "warning: " if self.severity == "warning" else ""
        return f"{head}{kind}{self.message}{tail}"


class SysteemkaartError(Exception):
    """Base of every error systeemkaart raises on purpose.

    Carries ``file`` (may be ``None`` for in-memory input), ``location`` (a path inside the
    document) and a one-line ``message``. ``problems`` lists every problem when there are
    several; ``str()`` gives one line per problem.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        location: str = "",
        problems: list[Problem] | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.location = location
        self.problems: list[Problem] = problems or [Problem(location, message)]
        super().__init__(message)

    def lines(self) -> list[str]:
        """One human-readable line per problem, each naming the file and the location."""
        return [p.format(self.file) for p in self.problems]

    def __str__(self) -> str:
        return "\n".join(self.lines())


class CaseFormatError(SysteemkaartError, ValueError):
    """The input is not a valid case: unreadable, malformed, wrong types or broken references."""


class InvariantError(SysteemkaartError, ValueError):
    """A graph breaks an invariant of a case (a parentage cycle, a third biological parent...)."""


class LayoutError(SysteemkaartError, RuntimeError):
    """A drawing could not be laid out."""


class OutputError(SysteemkaartError, OSError):
    """An output file could not be written; nothing was changed."""
