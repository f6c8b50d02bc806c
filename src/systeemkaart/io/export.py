"""Export a case to other tools' formats: GraphML (Gephi, yEd, Cytoscape), DOT (Graphviz) and
GEDCOM (genealogy programs)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..model import Case

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["FORMATS", "SUFFIXES", "export_text", "to_dot", "to_graphml"]

FORMATS = ("yaml", "json", "graphml", "dot", "gedcom")
SUFFIXES = {"yaml": "yaml", "yml": "yaml", "json": "json", "graphml": "graphml", "dot": "dot",
            "gv": "dot", "ged": "gedcom"}
"""The format an output file name's extension chooses."""


def export_text(case: Case, fmt: str, *, gedcom_version: str = "5.5.1") -> str:
    """The case as text in ``fmt``, one of :data:`FORMATS`.

    Raises:
        ValueError: for an unknown format or GEDCOM version.
    """
    if fmt in {"yaml", "json"}:
        from .yaml_json import dumps

        return dumps(case, format=fmt)
    if fmt == "gedcom":
        from .gedcom_export import to_gedcom

        return to_gedcom(case, version=gedcom_version)
    if fmt == "graphml":
        return to_graphml(case)
    if fmt == "dot":
        return to_dot(case)
    raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")


def _scalar(value: Any) -> str | int | float | bool:
    """GraphML and DOT take scalars only: dates become text, lists JSON text."""
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _flat(case: Case) -> nx.MultiDiGraph:
    import networkx as nx

    from ..graph import to_graph

    g = to_graph(case)
    flat = nx.MultiDiGraph()
    flat.graph["case"] = case.case.id
    if case.case.title:
        flat.graph["title"] = case.case.title
    for n, d in g.nodes(data=True):
        flat.add_node(n, **{k: _scalar(v) for k, v in d.items() if v is not None})
    for u, v, k, d in g.edges(keys=True, data=True):
        flat.add_edge(u, v, key=k, **{a: _scalar(b) for a, b in d.items() if b is not None})
    return flat


def to_graphml(case: Case) -> str:
    """The case's typed graph as GraphML text (node ``type`` and edge ``kind`` kept)."""
    import networkx as nx

    return "\n".join(nx.generate_graphml(_flat(case), prettyprint=True)) + "\n"


def _quote(text: str) -> str:
    """A DOT string: Graphviz reads only ``\\"`` as an escape, so only quotes are escaped
    (and a trailing backslash, which would swallow the closing quote, is dropped)."""
    return '"' + text.rstrip("\\").replace('"', '\\"') + '"'


def to_dot(case: Case) -> str:
    """The case's typed graph as a DOT digraph (attributes quoted, order as in the file)."""
    g = _flat(case)
    lines = [f"digraph {_quote(case.case.id)} {{"]
    for n, d in g.nodes(data=True):
        attrs = ", ".join(f"{k}={_quote(str(v))}" for k, v in d.items())
        lines.append(f"  {_quote(n)} [{attrs}];")
    for u, v, d in g.edges(data=True):
        attrs = ", ".join(f"{k}={_quote(str(val))}" for k, val in d.items())
        lines.append(f"  {_quote(u)} -> {_quote(v)} [{attrs}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
