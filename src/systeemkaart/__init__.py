"""systeemkaart: genograms and systemograms for youth care case sessions.

A case (``systeemkaart/1``) is one YAML or JSON document: the family over generations, its
emotional relations and households, and the helper network around it. The library loads it
into a validated model, turns it into a typed graph, analyses and draws it.

>>> import systeemkaart as sk
>>> case = sk.loads('''
... schema: systeemkaart/1
... case: {id: demo, as_of: 2023}
... people:
...   - {id: moeder, sex: female, born: 1980}
...   - {id: kind, sex: male, born: 2010}
... children:
...   - {parents: [moeder], child: kind}
... ''')
>>> [p.id for p in case.people]
['moeder', 'kind']
>>> g = sk.to_graph(case)
>>> g.nodes["kind"]["type"], sk.from_graph(g) == case
('person', True)
>>> sk.loads(sk.dumps(case)) == case
True
>>> sk.analyse(case).helpers.professionals
0
>>> sk.draw(case, "genogram").startswith("<?xml")
True
"""

from __future__ import annotations

from importlib import import_module

from ._version import __version__

__all__ = [
    "Case",
    "CaseFormatError",
    "InvariantError",
    "LayoutError",
    "OutputError",
    "PartialDate",
    "Problem",
    "SysteemkaartError",
    "__version__",
    "analyse",
    "check_file",
    "check_invariants",
    "draw",
    "dumps",
    "from_graph",
    "load",
    "loads",
    "report_html",
    "save",
    "to_graph",
    "validate",
]

# Public names are imported on first use, so that ``systeemkaart --help`` stays fast.
_LAZY = {
    "Case": "systeemkaart.model",
    "CaseFormatError": "systeemkaart.exceptions",
    "InvariantError": "systeemkaart.exceptions",
    "LayoutError": "systeemkaart.exceptions",
    "OutputError": "systeemkaart.exceptions",
    "Problem": "systeemkaart.exceptions",
    "SysteemkaartError": "systeemkaart.exceptions",
    "PartialDate": "systeemkaart.dates",
    "check_file": "systeemkaart.io.yaml_json",
    "dumps": "systeemkaart.io.yaml_json",
    "load": "systeemkaart.io.yaml_json",
    "loads": "systeemkaart.io.yaml_json",
    "save": "systeemkaart.io.yaml_json",
    "to_graph": "systeemkaart.graph",
    "from_graph": "systeemkaart.graph",
    "check_invariants": "systeemkaart.graph",
    "validate": "systeemkaart.api",
    "draw": "systeemkaart.drawing",
    "analyse": "systeemkaart.analysis",
    "report_html": "systeemkaart.page.report",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'systeemkaart' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
