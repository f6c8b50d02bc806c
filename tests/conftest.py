"""Shared test set-up: hypothesis profiles and small fixtures.

Profiles: ``default`` (60 examples, derandomized so every run checks the same cases) and
``ci`` (100 examples). Choose one with ``HYPOTHESIS_PROFILE=ci`` or
``pytest --hypothesis-profile=ci``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": None,
    "derandomize": True,
    "print_blob": True,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile("default", max_examples=60, **_COMMON)
settings.register_profile("ci", max_examples=100, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
"""The repository root (examples/, schemas/, docs/ live there)."""


@pytest.fixture
def runner() -> CliRunner:
    """A click test runner that keeps stderr apart from stdout."""
    return CliRunner()
