"""Generated families for the benches that are the same whatever the source says.

Hypothesis mixes the number and text literals of the project's imported modules into the
data it draws ("local constants"). A bench that draws its families with a strategy would
then draw other families whenever a literal is added to ``src/`` or another module is
imported first, and two trees compared with one script would be measured on partly
different families. :func:`examples` draws with that pool left empty (Hypothesis's own
constants stay), so a bench's family ``k`` is the same on every tree and in every process.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TypeVar

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

T = TypeVar("T")


@contextlib.contextmanager
def _no_local_constants() -> Iterator[None]:
    """Hypothesis's pool of the source's literals, empty while inside.

    The pool lives in a private module; where a Hypothesis release has moved it, the
    families are drawn as Hypothesis draws them (and a note says they may differ by tree).
    """
    try:
        from hypothesis.internal.conjecture import providers

        empty = providers.Constants()
        cache = providers.CONSTANTS_CACHE
        original = providers._get_local_constants
    except (ImportError, AttributeError):  # pragma: no cover - another Hypothesis
        print("note: this Hypothesis draws the source's literals too; "
              "the families may differ between trees")
        yield
        return
    cache.cache.clear()
    providers._get_local_constants = lambda: empty
    try:
        yield
    finally:
        providers._get_local_constants = original
        cache.cache.clear()


def examples(strategy: st.SearchStrategy[T], count: int) -> list[T]:
    """The first ``count`` examples of ``strategy``, drawn derandomised and without the
    source's literals: the same list on every run, tree and import order."""
    out: list[T] = []

    @settings(max_examples=count, derandomize=True, database=None, phases=[Phase.generate],
              deadline=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def collect(value: T) -> None:
        out.append(value)

    with _no_local_constants():
        collect()
    return out
