"""GraphML and DOT exports carry every node and edge of the case graph."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pygraphviz as pgv
import pytest

import systeemkaart as sk
from systeemkaart.io.export import to_dot, to_graphml

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_graphml_has_every_node_and_edge(path: Path) -> None:
    case = sk.load(path)
    g = sk.to_graph(case)
    text = to_graphml(case)
    ET.fromstring(text)  # well-formed XML
    back = nx.parse_graphml(text, force_multigraph=True)
    assert set(back.nodes) == set(g.nodes)
    assert back.number_of_edges() == g.number_of_edges()
    assert {d["type"] for _, d in back.nodes(data=True)} == {
        d["type"] for _, d in g.nodes(data=True)
    }


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_dot_parses_in_graphviz(path: Path) -> None:
    case = sk.load(path)
    g = sk.to_graph(case)
    agraph = pgv.AGraph(string=to_dot(case))
    assert set(agraph.nodes()) == set(g.nodes)
    assert agraph.number_of_edges() == g.number_of_edges()


def test_exports_are_deterministic() -> None:
    case = sk.load(ROOT / "examples" / "stiefgezin.yaml")
    assert to_graphml(case) == to_graphml(case)
    assert to_dot(case) == to_dot(case)


def test_dot_quotes_hostile_text() -> None:
    case = sk.loads(
        'schema: systeemkaart/1\ncase: {id: x}\npeople:\n'
        '  - {id: a, name: "Quote \\" and\\nnew line; a -> b [x=1]"}\n'
    )
    agraph = pgv.AGraph(string=to_dot(case))
    assert agraph.get_node("a").attr["name"] == 'Quote " and\nnew line; a -> b [x=1]'
    assert agraph.number_of_nodes() == 1
