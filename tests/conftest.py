"""Shared test set-up: hypothesis profiles and small fixtures.

Profiles: ``default`` (60 examples, derandomized so every run checks the same cases) and
``ci`` (100 examples). Choose one with ``HYPOTHESIS_PROFILE=ci`` or
``pytest --hypothesis-profile=ci``.

Hypothesis mixes literals found in the imported modules of the code under test into what it
draws (numbers and texts from ``systeemkaart``'s source). Which of our modules are imported
depends on which tests ran before (the CLI and the package import lazily), so a property's
examples would depend on test order and on the worker a test lands on. Importing every module
of the package here, before any test draws, makes that pool the same for every run: one seed,
the same examples, whether a file runs alone, after others or under ``-n``.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings

import systeemkaart

_COMMON = {
    "deadline": None,
    "derandomize": True,
    "print_blob": True,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile("default", max_examples=60, **_COMMON)
settings.register_profile("ci", max_examples=100, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def _import_whole_package() -> None:
    """Import every module of ``systeemkaart`` (not ``__main__``, which runs the CLI)."""
    for module in pkgutil.walk_packages(systeemkaart.__path__, "systeemkaart."):
        if not module.name.endswith(".__main__"):
            importlib.import_module(module.name)


_import_whole_package()

ROOT = Path(__file__).resolve().parent.parent
"""The repository root (examples/, schemas/, docs/ live there)."""


@pytest.fixture
def runner() -> CliRunner:
    """A click test runner that keeps stderr apart from stdout."""
    return CliRunner()
