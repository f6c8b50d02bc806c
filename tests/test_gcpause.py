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


def test_the_short_yaml_pattern_means_the_same_on_every_code_point() -> None:
    """Both forms of PyYAML's printable-character check find the same characters in a text
    of every code point (DOTALL changes nothing in a class; it keeps the cache out)."""
    import re

    from systeemkaart import gcpause

    every = "".join(map(chr, range(0x110000)))
    long_form = re.compile(gcpause.YAML_NON_PRINTABLE, re.DOTALL)
    short_form = re.compile(gcpause.NON_PRINTABLE_LEFT_OUT, re.DOTALL)
    found = short_form.findall(every)
    assert found == long_form.findall(every)
    assert len(found) == 9 + 2 + 18 + 6 + 26 + 2048 + 2


_YAML_PROBE = """
import sys
from systeemkaart import gcpause
from systeemkaart.gcpause import one_shot
with one_shot():
    import yaml
    print(yaml.reader.Reader.NON_PRINTABLE.pattern == gcpause.NON_PRINTABLE_LEFT_OUT)
    try:
        yaml.load("a: \\x01", Loader=yaml.SafeLoader)
    except yaml.reader.ReaderError as err:
        print("refused", "#x0001" in str(err))
    print(yaml.load("a: \\u00e9\\U0001F600", Loader=yaml.SafeLoader) == {"a": "\\u00e9\\U0001F600"})
"""


def test_yaml_reader_gets_the_short_pattern_and_still_refuses_control_characters() -> None:
    proc = subprocess.run([sys.executable, "-c", _YAML_PROBE], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["True", "refused", "True", "True"]


def test_an_imported_yaml_reader_is_left_alone() -> None:
    import re

    import yaml.reader

    from systeemkaart import gcpause

    key = (str, gcpause.YAML_NON_PRINTABLE, 0)
    before = re._cache.get(key)  # type: ignore[attr-defined]
    gcpause._quick_yaml_reader_pattern()
    assert re._cache.get(key) is before  # type: ignore[attr-defined]
    assert yaml.reader.Reader.NON_PRINTABLE.pattern in {gcpause.YAML_NON_PRINTABLE,
                                                        gcpause.NON_PRINTABLE_LEFT_OUT}
