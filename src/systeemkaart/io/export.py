"""Export a case to other tools' formats: GraphML (Gephi, yEd, Cytoscape) and DOT (Graphviz)."""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from ..graph import to_graph
from ..model import Case

__all__ = ["FORMATS", "to_dot", "to_graphml"]

FORMATS = ("yaml", "json", "graphml", "dot")


def _scalar(value: Any) -> str | int | float | bool:
    """GraphML and DOT take scalars only: dates become text, lists JSON text."""
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _flat(case: Case) -> nx.MultiDiGraph:
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
