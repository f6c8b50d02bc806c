"""The graph view: typed nodes and edges, a lossless way back, and invariants on any graph."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from systeemkaart.exceptions import InvariantError
from systeemkaart.graph import check_invariants, from_graph, require_invariants, to_graph
from systeemkaart.io.yaml_json import loads
from systeemkaart.model import Case
from systeemkaart.vocab import EDGE_KINDS, NODE_TYPES
from tests.strategies import cases

SMALL = loads("""
case: {id: t}
people:
  - {id: a, sex: male}
  - {id: b, sex: female}
  - {id: c}
partnerships:
  - {partners: [a, b], kind: married}
children:
  - {parents: [a, b], child: c}
relations:
  - {between: [c, swt-x], kind: conflict}
network:
  - {id: buur, supports: [c]}
contexts:
  - {id: school, kind: school, members: [c]}
organisations:
  - {id: swt, kind: social_team, professionals: [{id: swt-x, role: coach}]}
involvements:
  - {agent: swt-x, targets: [a, b], stance: over, regie: true}
""")


@given(cases())
def test_graph_round_trip(case: Case) -> None:
    g = to_graph(case)
    assert from_graph(g) == case


@given(cases())
def test_generated_graphs_keep_the_invariants(case: Case) -> None:
    assert check_invariants(to_graph(case)) == []


@given(cases())
def test_graph_is_typed(case: Case) -> None:
    g = to_graph(case)
    assert dict(g.nodes(data="type")) == case.node_types()
    assert {k for _, _, k in g.edges(data="kind")} <= EDGE_KINDS
    assert {t for _, t in g.nodes(data="type")} <= NODE_TYPES
    expected_edges = (
        len(case.partnerships) + len(case.relations)
        + sum(len(link.parents) for link in case.children)
        + sum(len(inv.targets) for inv in case.involvements)
        + sum(len(c.members) for c in case.contexts)
        + sum(len(s.supports) for s in case.network)
        + sum(len(o.professionals) for o in case.organisations)
    )
    assert g.number_of_edges() == expected_edges


def test_small_graph_nodes_and_edges() -> None:
    g = to_graph(SMALL)
    assert dict(g.nodes(data="type")) == {
        "a": "person", "b": "person", "c": "person", "buur": "supporter", "school": "context",
        "swt": "organisation", "swt-x": "professional",
    }
    edges = sorted((u, v, d["kind"]) for u, v, d in g.edges(data=True))
    assert edges == [
        ("a", "b", "partnership"), ("a", "c", "child"), ("b", "c", "child"),
        ("buur", "c", "support"), ("c", "swt-x", "relation"), ("school", "c", "membership"),
        ("swt", "swt-x", "employment"), ("swt-x", "a", "involvement"),
        ("swt-x", "b", "involvement"),
    ]
    inv = g.get_edge_data("swt-x", "a")["involvement-0-0"]
    assert (inv["stance"], inv["regie"]) == ("over", True)
    assert g.get_edge_data("a", "b")["partnership-0"]["partnership_kind"] == "married"
    assert g.get_edge_data("c", "swt-x")["relation-0"]["relation_kind"] == "conflict"
    assert g.nodes["swt-x"]["organisation"] == "swt"
    assert g.graph["case"]["id"] == "t"


def _broken(edit: str) -> nx.MultiDiGraph:
    g = to_graph(SMALL)
    if edit == "cycle":
        g.add_edge("c", "a", kind="child", child_kind="biological", index=9)
    elif edit == "third parent":
        g.add_node("z", type="person")
        g.add_edge("z", "c", kind="child", child_kind="biological", index=9)
    elif edit == "third parent, adopted":
        g.add_node("z", type="person")
        g.add_edge("z", "c", kind="child", child_kind="adopted", index=9)
    elif edit == "node type":
        g.add_node("q", type="dog")
    elif edit == "edge kind":
        g.add_edge("a", "c", kind="friendship")
    elif edit == "endpoints":
        g.add_edge("a", "b", kind="involvement")
    elif edit == "self loop":
        g.add_edge("a", "a", kind="relation", relation_kind="close")
    elif edit == "no employer":
        g.remove_edge("swt", "swt-x")
    return g


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        ("cycle", [("node a", "parentage cycle: a -> c -> a", "parentage_cycle")]),
        ("third parent", [("node c", "3 biological parents (a, b, z)", "too_many_parents")]),
        ("third parent, adopted", []),
        ("node type", [("node q", "unknown node type 'dog'", "node_type")]),
        ("edge kind", [("edge a -> c", "unknown edge kind 'friendship'", "edge_kind")]),
        ("endpoints", [("edge a -> b", "an involvement edge cannot run from a person to a person",
                        "edge_endpoints")]),
        ("self loop", [("edge a -> a", "relation edge from a node to itself", "self_loop")]),
        ("no employer", [("node swt-x", "professional works for 0 organisations "
                                        "(expected exactly one)", "employment")]),
    ],
)
def test_invariants(edit: str, expected: list[tuple[str, str, str]]) -> None:
    problems = check_invariants(_broken(edit))
    assert [(p.location, p.message, p.code) for p in problems] == expected


@given(cases(min_generations=2), st.data())
def test_added_cycle_is_found(case: Case, pick: st.DataObject) -> None:
    g = to_graph(case)
    child_edges = [(u, v) for u, v, k in g.edges(data="kind") if k == "child"]
    assume(child_edges)
    u, v = pick.draw(st.sampled_from(child_edges))
    g.add_edge(v, u, kind="child", child_kind="step", index=10_000)
    codes = [p.code for p in check_invariants(g)]
    assert codes == ["parentage_cycle"]


@given(cases(min_generations=2), st.data())
def test_added_third_parent_is_found(case: Case, pick: st.DataObject) -> None:
    g = to_graph(case)
    bio: dict[str, set[str]] = {}
    for u, v, d in g.edges(data=True):
        if d["kind"] == "child" and d["child_kind"] == "biological":
            bio.setdefault(v, set()).add(u)
    two = sorted(c for c, ps in bio.items() if len(ps) == 2)
    assume(two)
    child = pick.draw(st.sampled_from(two))
    g.add_node("zz-third", type="person")
    g.add_edge("zz-third", child, kind="child", child_kind="biological", index=10_000)
    problems = check_invariants(g)
    assert [(p.code, p.location) for p in problems] == [("too_many_parents", f"node {child}")]


def test_require_invariants_raises() -> None:
    require_invariants(to_graph(SMALL))
    with pytest.raises(InvariantError) as info:
        require_invariants(_broken("cycle"))
    assert info.value.lines() == ["node a: parentage cycle: a -> c -> a"]
    assert isinstance(info.value, ValueError)
