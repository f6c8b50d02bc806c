"""One-shot commands: no cycle collector, and no import of pydantic's plugin discovery."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import os, sys
{setup}
from systeemkaart.gcpause import one_shot
with one_shot():
    from systeemkaart.model import Case
    Case.model_validate({{"case": {{"id": "x"}}, "people": [{{"id": "a"}}]}})
    import gc
    print(gc.isenabled(), "importlib.metadata" in sys.modules,
          type(sys.modules["pydantic.plugin._loader"].get_plugins()).__name__)
"""


def _probe(setup: str) -> list[str]:
    env_code = PROBE.format(setup=setup)
    proc = subprocess.run([sys.executable, "-c", env_code], capture_output=True, text=True,
                          timeout=60, env={"PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split()


def test_one_shot_builds_models_without_plugin_discovery() -> None:
    assert _probe("") == ["False", "False", "tuple"]


def test_plugins_named_one_by_one_keep_pydantic_own_loader() -> None:
    """Only when every plugin is switched off does the stand-in replace the loader."""
    gc_on, metadata, plugins = _probe("os.environ['PYDANTIC_DISABLE_PLUGINS'] = 'some-plugin'")
    assert (gc_on, metadata, plugins) == ("False", "True", "dict_values")


_SECRETS_PROBE = """
import sys
from systeemkaart.gcpause import one_shot
with one_shot():
    from systeemkaart.model import Case
    Case.model_validate({"case": {"id": "x"}})
    before = "_hashlib" in sys.modules
    import pydantic
    same = pydantic.SecretStr("a") == pydantic.SecretStr("a")
    from secrets import token_hex
    print(before, same, len(token_hex(4)), sys.modules["secrets"].compare_digest(b"a", b"b"))
"""


def test_secrets_is_imported_only_when_used() -> None:
    """pydantic's import of secrets (and OpenSSL with it) waits until secrets is used; then
    it is the real module."""
    proc = subprocess.run([sys.executable, "-c", _SECRETS_PROBE], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["False", "True", "8", "False"]
