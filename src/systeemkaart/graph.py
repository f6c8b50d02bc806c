"""The case as a typed ``networkx.MultiDiGraph``, the way back, and the graph's invariants.

Nodes carry ``type`` (person, professional, organisation, context, supporter) and the
model's fields; edges carry ``kind`` (partnership, child, relation, involvement, membership,
support, employment) and the fields of the record they come from; the record's own kind
(married, adopted, conflict, ...) is stored as ``partnership_kind``, ``child_kind`` or
``relation_kind``. Records keep their list
position in ``index`` so that :func:`from_graph` rebuilds the case exactly. Households,
events, hypotheses and the case metadata live in ``g.graph``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

from .checks import parentage_cycle
from .exceptions import InvariantError, Problem
from .model import (
    Case,
    CaseMeta,
    ChildLink,
    Context,
    Event,
    Household,
    Hypothesis,
    Involvement,
    Organisation,
    Partnership,
    Person,
    Professional,
    Relation,
    Supporter,
)
from .vocab import AGENT_TYPES, EDGE_KINDS, NODE_TYPES

__all__ = ["check_invariants", "from_graph", "require_invariants", "to_graph"]


def _fields(record: Any, drop: tuple[str, ...] = (), edge: str | None = None) -> dict[str, Any]:
    """The record's fields; on an edge the record's own ``kind`` becomes ``<edge>_kind``."""
    data: dict[str, Any] = record.model_dump(exclude=set(drop))
    if edge is not None and "kind" in data:
        data[f"{edge}_kind"] = data.pop("kind")
    return data


def to_graph(case: Case) -> nx.MultiDiGraph:
    """Build the typed graph view of a case (linear in the size of the case).

    Partnerships and relations are one edge from the first to the second id; a child link
    is one edge per parent; an involvement one edge per target; a context membership runs
    context -> person; support supporter -> person; employment organisation -> professional.
    """
    g = nx.MultiDiGraph()
    g.graph.update(
        schema=case.schema_,
        case=case.case.model_dump(),
        households=[h.model_dump() for h in case.households],
        events=[e.model_dump() for e in case.events],
        hypotheses=[h.model_dump() for h in case.hypotheses],
    )
    for i, p in enumerate(case.people):
        g.add_node(p.id, type="person", index=i, **_fields(p, ("id",)))
    for i, s in enumerate(case.network):
        g.add_node(s.id, type="supporter", index=i, **_fields(s, ("id", "supports")))
        for j, pid in enumerate(s.supports):
            g.add_edge(s.id, pid, key=f"support-{i}-{j}", kind="support", strength=s.strength,
                       index=j)
    for i, c in enumerate(case.contexts):
        g.add_node(c.id, type="context", index=i, **_fields(c, ("id", "members")))
        for j, pid in enumerate(c.members):
            g.add_edge(c.id, pid, key=f"membership-{i}-{j}", kind="membership", index=j)
    for i, o in enumerate(case.organisations):
        g.add_node(o.id, type="organisation", index=i, **_fields(o, ("id", "professionals")))
        for j, pro in enumerate(o.professionals):
            g.add_node(pro.id, type="professional", index=j, organisation=o.id,
                       **_fields(pro, ("id",)))
            g.add_edge(o.id, pro.id, key=f"employment-{i}-{j}", kind="employment", index=j)
    for i, ps in enumerate(case.partnerships):
        a, b = ps.partners
        g.add_edge(a, b, key=f"partnership-{i}", kind="partnership", index=i,
                   **_fields(ps, ("partners",), "partnership"))
    for i, link in enumerate(case.children):
        attrs = _fields(link, ("child",), "child")
        for j, parent in enumerate(link.parents):
            g.add_edge(parent, link.child, key=f"child-{i}-{j}", kind="child", index=i, **attrs)
    for i, r in enumerate(case.relations):
        a, b = r.between
        g.add_edge(a, b, key=f"relation-{i}", kind="relation", index=i,
                   **_fields(r, ("between",), "relation"))
    for i, inv in enumerate(case.involvements):
        attrs = _fields(inv, ("agent",))
        for j, target in enumerate(inv.targets):
            g.add_edge(inv.agent, target, key=f"involvement-{i}-{j}", kind="involvement",
                       index=i, **attrs)
    return g


def _node_record(data: dict[str, Any], drop: tuple[str, ...]) -> dict[str, Any]:
    out = {k: v for k, v in data.items() if k not in drop}
    for key in ("partnership_kind", "child_kind", "relation_kind"):
        if key in out:
            out["kind"] = out.pop(key)
    return out


def from_graph(g: nx.MultiDiGraph) -> Case:
    """Rebuild the case that :func:`to_graph` made: ``from_graph(to_graph(c)) == c``."""
    nodes: dict[str, list[tuple[int, str, dict[str, Any]]]] = defaultdict(list)
    for nid, data in g.nodes(data=True):
        nodes[data["type"]].append((data.get("index", 0), nid, data))
    for items in nodes.values():
        items.sort(key=lambda t: (t[0], t[1]))
    by_kind: dict[str, list[tuple[str, str, dict[str, Any]]]] = defaultdict(list)
    for u, v, data in g.edges(data=True):
        by_kind[data["kind"]].append((u, v, data))

    def edges_from(kind: str, source: str) -> list[str]:
        found = [(d["index"], v) for u, v, d in by_kind[kind] if u == source]
        return [v for _, v in sorted(found)]

    skip = ("type", "index")
    people = [Person(id=n, **_node_record(d, skip)) for _, n, d in nodes["person"]]
    supporters = [
        Supporter(id=n, supports=edges_from("support", n), **_node_record(d, skip))
        for _, n, d in nodes["supporter"]
    ]
    contexts = [
        Context(id=n, members=edges_from("membership", n), **_node_record(d, skip))
        for _, n, d in nodes["context"]
    ]
    pros_of: dict[str, list[tuple[int, str, dict[str, Any]]]] = defaultdict(list)
    for idx, n, d in nodes["professional"]:
        pros_of[d["organisation"]].append((idx, n, d))
    organisations = [
        Organisation(
            id=n,
            professionals=[
                Professional(id=pn, **_node_record(pd, (*skip, "organisation")))
                for _, pn, pd in sorted(pros_of[n], key=lambda t: (t[0], t[1]))
            ],
            **_node_record(d, skip),
        )
        for _, n, d in nodes["organisation"]
    ]
    edge_skip = ("kind", "index")
    partnerships = [
        Partnership(partners=[u, v], **_node_record(d, edge_skip))
        for u, v, d in sorted(by_kind["partnership"], key=lambda t: t[2]["index"])
    ]
    relations = [
        Relation(between=[u, v], **_node_record(d, edge_skip))
        for u, v, d in sorted(by_kind["relation"], key=lambda t: t[2]["index"])
    ]
    child_links: dict[int, tuple[str, dict[str, Any]]] = {}
    for _u, v, d in by_kind["child"]:
        child_links.setdefault(d["index"], (v, d))
    children = [
        ChildLink(child=v, **_node_record(d, edge_skip))
        for _, (v, d) in sorted(child_links.items())
    ]
    involvements_at: dict[int, tuple[str, dict[str, Any]]] = {}
    for u, _v, d in by_kind["involvement"]:
        involvements_at.setdefault(d["index"], (u, d))
    involvements = [
        Involvement(agent=u, **_node_record(d, edge_skip))
        for _, (u, d) in sorted(involvements_at.items())
    ]
    return Case(
        case=CaseMeta(**g.graph["case"]),
        people=people,
        partnerships=partnerships,
        children=children,
        relations=relations,
        households=[Household(**h) for h in g.graph.get("households", [])],
        network=supporters,
        contexts=contexts,
        organisations=organisations,
        involvements=involvements,
        events=[Event(**e) for e in g.graph.get("events", [])],
        hypotheses=[Hypothesis(**h) for h in g.graph.get("hypotheses", [])],
    )


_ENDPOINTS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "partnership": (frozenset({"person"}), frozenset({"person"})),
    "child": (frozenset({"person"}), frozenset({"person"})),
    "relation": (frozenset(NODE_TYPES), frozenset(NODE_TYPES)),
    "involvement": (AGENT_TYPES, frozenset({"person"})),
    "membership": (frozenset({"context"}), frozenset({"person"})),
    "support": (frozenset({"supporter"}), frozenset({"person"})),
    "employment": (frozenset({"organisation"}), frozenset({"professional"})),
}


def _a(word: object) -> str:
    """``word`` with its indefinite article: 'a person', 'an organisation'."""
    text = str(word)
    return f"{'an' if text[:1] in set('aeiou') else 'a'} {text}"


def check_invariants(g: nx.MultiDiGraph) -> list[Problem]:
    """Every broken invariant of a case graph (an empty list when the graph is sound).

    Checks: every node has a known ``type``; every edge a known ``kind`` whose endpoints have
    the right types; no self-loops on partnerships, children and relations; every
    professional works for exactly one organisation; at most two biological parents per
    person; parentage has no cycle. Cost O(nodes + edges).
    """
    problems: list[Problem] = []
    for n, d in g.nodes(data=True):
        if d.get("type") not in NODE_TYPES:
            problems.append(Problem(f"node {n}", f"unknown node type {d.get('type')!r}",
                                    code="node_type"))
    bio: dict[str, set[str]] = defaultdict(set)
    employers: dict[str, int] = defaultdict(int)
    parent_edges: list[tuple[str, str]] = []
    for u, v, d in g.edges(data=True):
        kind = d.get("kind")
        where = f"edge {u} -> {v}"
        if kind not in EDGE_KINDS:
            problems.append(Problem(where, f"unknown edge kind {kind!r}", code="edge_kind"))
            continue
        src, dst = _ENDPOINTS[kind]
        tu, tv = g.nodes[u].get("type"), g.nodes[v].get("type")
        if tu not in src or tv not in dst:
            problems.append(Problem(where, f"{_a(kind)} edge cannot run from {_a(tu)} to "
                                    f"{_a(tv)}", code="edge_endpoints"))
        if u == v and kind in {"partnership", "child", "relation"}:
            problems.append(Problem(where, f"{kind} edge from a node to itself", code="self_loop"))
        if kind == "child":
            parent_edges.append((u, v))
            if d.get("child_kind", "biological") == "biological":
                bio[v].add(u)
        if kind == "employment":
            employers[v] += 1
    for n, d in g.nodes(data=True):
        if d.get("type") == "professional" and employers[n] != 1:
            problems.append(Problem(f"node {n}", f"professional works for {employers[n]} "
                                    "organisations (expected exactly one)", code="employment"))
    for child, parents in sorted(bio.items()):
        if len(parents) > 2:
            problems.append(Problem(f"node {child}", f"{len(parents)} biological parents "
                                    f"({', '.join(sorted(parents))})", code="too_many_parents"))
    cycle = parentage_cycle(parent_edges)
    if cycle:
        problems.append(Problem(f"node {cycle[0]}", "parentage cycle: " + " -> ".join(cycle),
                                code="parentage_cycle"))
    return problems


def require_invariants(g: nx.MultiDiGraph) -> None:
    """Raise :class:`InvariantError` listing every broken invariant, if any."""
    problems = check_invariants(g)
    if problems:
        raise InvariantError(problems[0].message, location=problems[0].location,
                             problems=problems)
