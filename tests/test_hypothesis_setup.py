"""The test set-up makes generated examples independent of which tests ran before.

Hypothesis draws literals from the imported modules of the code under test; tests/conftest.py
imports the whole package before any test so that this pool is the same in every run (a file
alone, after others, on any worker). These tests fail when that import goes away or misses a
module, and when one seed stops giving the same examples.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

from hypothesis import given, seed, settings

import systeemkaart
from systeemkaart.model import Case

from .strategies import cases


def test_every_module_of_the_package_is_imported_before_the_tests() -> None:
    names = {m.name for m in pkgutil.walk_packages(systeemkaart.__path__, "systeemkaart.")}
    missing = sorted(n for n in names if n not in sys.modules and not n.endswith("__main__"))
    assert missing == []


_LATE = ("systeemkaart.cli", "systeemkaart.layout.genogram", "systeemkaart.render.systemogram",
         "systeemkaart.render.timeline", "systeemkaart.io.gedcom", "systeemkaart.page.overview")
"""Modules a test imports late: the CLI and the drawings are imported lazily."""


def _examples(value: int) -> list[str]:
    """The first cases generated from the seed ``value``, as JSON."""
    seen: list[str] = []

    @seed(value)
    @settings(max_examples=30, derandomize=False, database=None)
    @given(cases(max_agents=6, max_generations=2))
    def collect(case: Case) -> None:
        seen.append(case.model_dump_json())

    collect()
    return seen


def test_one_seed_gives_the_same_examples_after_more_imports() -> None:
    before = _examples(2024)
    for module in _LATE:  # imported by the set-up already: nothing new to read
        importlib.import_module(module)
    assert _examples(2024) == before
    assert len(before) == 30
