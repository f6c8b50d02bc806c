"""Pausing Python's cycle collector around work that builds many short-lived objects."""

from __future__ import annotations

import gc
import os
import re
import sys
import types
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib import import_module
from typing import NoReturn

__all__ = ["end_at_once", "long_running", "one_shot", "paused_gc"]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cycle collector for the duration of the block.

    A layout, drawing or import creates tens of thousands of small objects that all live
    until it ends and form no reference cycles: collector passes over them are pure cost
    (about 5 % of a 3,000-person genogram, 20 % of importing a 3,000-person GEDCOM file).
    The previous setting is restored on exit.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def one_shot() -> Iterator[None]:
    """Run a command that starts, does one job and exits, without the cycle collector.

    Such a command allocates everything it needs and frees it all at exit, so collector
    passes during the run and the full collection at interpreter exit are pure cost (about
    30 ms of a 200 ms ``draw``). Everything still alive at the end is frozen (moved out of
    the collector's reach), so the exit-time collection skips it. Also turns off pydantic's
    plugin discovery, which scans every installed package's metadata on the first model
    (``PYDANTIC_DISABLE_PLUGINS``; systeemkaart uses no pydantic plugins), and the import of
    that discovery machinery (see :func:`_no_plugin_loader`), and loads :mod:`secrets` only
    when it is used (see :func:`_lazy_secrets`), and spares PyYAML's slowest regular expression
    (see :func:`_quick_yaml_reader_pattern`). A command that keeps running calls
    :func:`long_running`.
    """
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _no_plugin_loader()
    _lazy_secrets()
    _quick_yaml_reader_pattern()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()


def long_running() -> None:
    """Turn the cycle collector back on: for watching, serving and batches of many cases,
    where garbage would otherwise pile up."""
    gc.unfreeze()
    gc.enable()


def end_at_once(done: SystemExit) -> NoReturn:
    """End the process with ``done``'s exit code, without Python's shutdown.

    Every file a command writes is closed when it returns (written atomically: see
    :mod:`systeemkaart.io.atomic`); what is left is done here: the ``atexit`` functions run
    and standard output and error are flushed. Python's usual exit is taken instead when it
    could matter: an exit code that is a message, threads still running, or a flush that
    fails (a closed pipe), so that messages and exit codes stay exactly as Python gives them.
    """
    code = done.code
    threading = sys.modules.get("threading")
    if (code is not None and not isinstance(code, int)) or (
            threading is not None and threading.active_count() > 1):
        raise done
    import atexit

    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        raise done from None
    os._exit(code or 0)


_LOADER: str = "pydantic.plugin._loader"
_DISABLED: tuple[str, ...] = ("__all__", "1", "true")


def _no_plugins() -> Iterable[object]:
    return ()


def _no_plugin_loader() -> None:
    """With pydantic's plugins switched off, stand in for its plugin loader module.

    pydantic imports that module (and with it ``importlib.metadata``, ``email``, ``zipfile``
    and ``csv``: about 25 ms CPU on top of building our models in a fresh process, about 7 ms
    of a typical ``draw``, whose other imports share part of it) only to ask whether plugins
    are installed; with ``PYDANTIC_DISABLE_PLUGINS`` set to one of
    the values that switch them all off, its answer is always "none", which this stand-in
    gives without the imports. Nothing happens when plugins are not all switched off or the
    loader was imported already.
    """
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in _DISABLED or _LOADER in sys.modules:
        return
    stand_in = types.ModuleType(_LOADER, "No pydantic plugins: PYDANTIC_DISABLE_PLUGINS.")
    stand_in.get_plugins = _no_plugins  # type: ignore[attr-defined]
    stand_in.PYDANTIC_ENTRY_POINT_GROUP = "pydantic"  # type: ignore[attr-defined]
    sys.modules[_LOADER] = stand_in


def _lazy_secrets() -> None:
    """Stand in for the standard :mod:`secrets` module until something uses it.

    pydantic imports it at start-up only to compare ``SecretStr`` values in constant time
    (which systeemkaart never does), and with it ``hmac``, ``hashlib`` and OpenSSL's
    library: about 10 ms CPU of every command that reads a case. The stand-in imports the
    real module on the first attribute asked of it (module ``__getattr__``, PEP 562) and
    from then on answers with the real module's values, so anything that does use it gets
    the real thing. Nothing happens when it was imported already.
    """
    if _SECRETS in sys.modules:
        return
    stand_in = types.ModuleType(_SECRETS, "The standard secrets module, imported on first use.")

    def load(name: str) -> object:
        if sys.modules.get(_SECRETS) is stand_in:
            del sys.modules[_SECRETS]
        real = import_module(_SECRETS)
        for key, value in vars(real).items():
            if key not in {"__getattr__", "__name__", "__doc__"}:
                stand_in.__dict__.setdefault(key, value)
        return getattr(real, name)

    stand_in.__dict__["__getattr__"] = load
    sys.modules[_SECRETS] = stand_in


_SECRETS: str = "secrets"


YAML_NON_PRINTABLE: str = \
    "[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010ffff]"
"""PyYAML's ``yaml.reader.Reader.NON_PRINTABLE`` pattern, character for character: the
characters YAML allows, negated."""

NON_PRINTABLE_LEFT_OUT: str = \
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"
"""The same set of characters, written as the ones YAML leaves out (the tests check every
code point)."""


def _quick_yaml_reader_pattern() -> None:
    """Give PyYAML's reader its character check compiled from the short form of the pattern.

    Importing PyYAML compiles ``yaml.reader``'s check for characters YAML does not allow, a
    negated class spanning Unicode; Python's regular-expression compiler walks its 63,000
    code points one by one: about 57 million instructions, 7 % of a typical ``draw``, for a
    check that only PyYAML's pure-Python reader makes (systeemkaart reads with libyaml). The
    same set written as what it leaves out compiles in a fraction of that; it is placed in
    :mod:`re`'s cache of compiled patterns under PyYAML's pattern, so PyYAML's
    ``re.compile`` finds it. Nothing happens when PyYAML's reader was imported already, or
    when :mod:`re` keeps no such cache (the pattern is then compiled as usual).
    """
    cache = getattr(re, "_cache", None)
    if "yaml.reader" in sys.modules or not isinstance(cache, dict):
        return
    cache.setdefault((str, YAML_NON_PRINTABLE, 0), re.compile(NON_PRINTABLE_LEFT_OUT))
