"""Graphviz's ``dot`` layout as ``plain`` text, through Graphviz's own C libraries.

The genogram needs one thing of Graphviz: the positions ``dot`` gives a graph, which its
``plain`` output lists. pygraphviz's extension module, the usual way in, links every
output format Graphviz has (cairo, pango, gd, X11 and their dependencies: about fifty shared
libraries), so importing it costs about 15 ms of a typical 190 ms ``draw``. This module
loads only the four libraries the layout needs (cgraph reads the DOT text, gvc runs the
layout and the ``dot_layout`` and ``core`` plugins lay it out and write ``plain``), the
same files that pygraphviz's wheel bundles in ``pygraphviz.libs``, through :mod:`ctypes`,
and calls the same Graphviz functions pygraphviz calls (read, ``gvLayout``,
``gvRenderData``), so the text is the same byte for byte.

Where those files are not found (a pygraphviz built against a system Graphviz, another
platform's wheel) :func:`plain` returns ``None`` and the caller uses pygraphviz.
"""

from __future__ import annotations

import ctypes
import os
from importlib.util import find_spec
from typing import Final

__all__ = ["plain"]

_LIBRARIES: Final = ("libcdt", "libcgraph", "libgvc", "libgvplugin_core",
                     "libgvplugin_dot_layout")
"""Loaded in this order, each after the libraries it needs."""

_PLUGINS: Final = ("gvplugin_core_LTX_library", "gvplugin_dot_layout_LTX_library")
"""The plugin tables a Graphviz context is given (``lt_symlist_t`` entries)."""


class _Symbol(ctypes.Structure):
    """Graphviz's ``lt_symlist_t``: a plugin library's name and address."""

    _fields_ = (("name", ctypes.c_char_p), ("address", ctypes.c_void_p))


class _Graphviz:
    """The loaded libraries, with the argument and result types of the functions used."""

    def __init__(self, folder: str, names: list[str]) -> None:
        libs = {}
        for stem in _LIBRARIES:
            (found,) = [n for n in names if n.startswith(stem + "-") and ".so" in n]
            libs[stem] = ctypes.CDLL(os.path.join(folder, found))
        cgraph, gvc = libs["libcgraph"], libs["libgvc"]
        self.symbols = (_Symbol * (len(_PLUGINS) + 1))()
        for i, (name, stem) in enumerate(zip(_PLUGINS, _LIBRARIES[3:], strict=True)):
            table = ctypes.c_char.in_dll(libs[stem], name)
            self.symbols[i].name = name.encode("ascii")
            self.symbols[i].address = ctypes.addressof(table)
        vp, cp = ctypes.c_void_p, ctypes.c_char_p
        self.context = gvc.gvContextPlugins
        self.context.argtypes, self.context.restype = [vp, ctypes.c_int], vp
        self.free_context = gvc.gvFreeContext
        self.free_context.argtypes, self.free_context.restype = [vp], ctypes.c_int
        self.read = cgraph.agmemread
        self.read.argtypes, self.read.restype = [cp], vp
        self.close = cgraph.agclose
        self.close.argtypes, self.close.restype = [vp], ctypes.c_int
        self.layout = gvc.gvLayout
        self.layout.argtypes, self.layout.restype = [vp, vp, cp], ctypes.c_int
        self.free_layout = gvc.gvFreeLayout
        self.free_layout.argtypes, self.free_layout.restype = [vp, vp], ctypes.c_int
        self.render = gvc.gvRenderData
        self.render.argtypes = [vp, vp, cp, ctypes.POINTER(vp), ctypes.POINTER(ctypes.c_uint)]
        self.render.restype = ctypes.c_int
        self.free_render = gvc.gvFreeRenderData
        self.free_render.argtypes, self.free_render.restype = [vp], None


_loaded: list[_Graphviz | None] = []
"""The libraries once looked for: empty before, ``[None]`` when not found."""


def _graphviz() -> _Graphviz | None:
    """The Graphviz libraries of pygraphviz's wheel, loaded once (``None``: not there)."""
    if not _loaded:
        spec = find_spec("pygraphviz")
        folders = list(spec.submodule_search_locations or []) if spec is not None else []
        found: _Graphviz | None = None
        for package in folders:
            folder = os.path.join(os.path.dirname(package), "pygraphviz.libs")
            try:
                found = _Graphviz(folder, sorted(os.listdir(folder)))
            except (OSError, ValueError, AttributeError):
                continue
            break
        _loaded.append(found)
    return _loaded[0]


def plain(source: str) -> bytes | None:
    """``dot -Tplain`` of the DOT text ``source``, or ``None`` when the libraries are not
    at hand (use pygraphviz then).

    Raises:
        ValueError: Graphviz could not read or lay out the graph (its own message is on
            standard error, as with pygraphviz).
    """
    gv = _graphviz()
    if gv is None:
        return None
    context = gv.context(ctypes.cast(gv.symbols, ctypes.c_void_p), 0)
    if not context:  # pragma: no cover - Graphviz could not start: let pygraphviz try
        return None
    try:
        graph = gv.read(source.encode("utf-8"))
        if not graph:
            raise ValueError("Graphviz could not read the graph")
        try:
            if gv.layout(context, graph, b"dot") != 0:
                raise ValueError("Graphviz raised a layout error")
            try:
                data, size = ctypes.c_void_p(), ctypes.c_uint()
                if gv.render(context, graph, b"plain", ctypes.byref(data),
                             ctypes.byref(size)) != 0:
                    raise ValueError("Graphviz could not write the layout")
                try:
                    return ctypes.string_at(data, size.value)
                finally:
                    gv.free_render(data)
            finally:
                gv.free_layout(context, graph)
        finally:
            gv.close(graph)
    finally:
        gv.free_context(context)
