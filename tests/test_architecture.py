"""The package's layers: every import points down (or within its own package), never up.

ARCHITECTURE.md at the repository root describes these layers; this test keeps the code and
that page honest. A new top-level module or package must be given a layer here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "systeemkaart"

LAYERS: dict[str, int] = {
    # 0: words, dates, errors, vocabularies: used by everything, import nothing of ours
    "text": 0, "dates": 0, "exceptions": 0, "vocab": 0, "gcpause": 0, "_version": 0,
    "_help": 0,
    # 1: the case model (pydantic)
    "model": 1,
    # 2 and 3: facts derived from the model, then views built on those facts
    "checks": 2, "generations": 2, "activity": 2,
    "graph": 3, "summary": 3, "schema": 3, "template": 3,
    # 4: reading and writing, analyses, layouts: side by side, never importing each other
    "io": 4, "analysis": 4, "layout": 4,
    # 5: painting layouts as SVG
    "render": 5,
    # 6: the library's entry points that combine the layers below
    "drawing": 6, "api": 6, "batch": 6, "compare": 6,
    # 7 to 9: the command line
    "commands": 7, "cli": 8, "__main__": 9, "__init__": 9,
}
"""Each top-level module or package of ``systeemkaart`` and its layer (lower is more basic)."""


def _top(module: Path) -> str:
    """The top-level name (module or package) that a file belongs to."""
    parts = module.relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


def _imported_tops(module: Path) -> list[tuple[int, str]]:
    """``(line, top-level name)`` of every ``systeemkaart`` module that ``module`` imports,
    at module level or inside functions."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    package_parts = module.relative_to(PACKAGE).parent.parts
    out: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level == 0:
                name = node.module or ""
                if name == "systeemkaart" or name.startswith("systeemkaart."):
                    parts = name.split(".")[1:]
                    names = [a.name for a in node.names] if not parts else [parts[0]]
                    out.extend((node.lineno, n) for n in names)
                continue
            base = package_parts[: len(package_parts) - (node.level - 1)]
            if node.level - 1 > len(package_parts):
                raise AssertionError(f"{module}: import beyond the package")
            parts = [*base, *(node.module.split(".") if node.module else [])]
            if parts:
                out.append((node.lineno, parts[0]))
            else:  # from . import x (at the package root)
                out.extend((node.lineno, a.name) for a in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "systeemkaart" and len(parts) > 1:
                    out.append((node.lineno, parts[1]))
    return out


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_top_level_name_has_a_layer() -> None:
    tops = {_top(m) for m in MODULES}
    assert sorted(tops - LAYERS.keys()) == []


@pytest.mark.parametrize("module", MODULES, ids=[str(m.relative_to(PACKAGE)) for m in MODULES])
def test_imports_point_down(module: Path) -> None:
    own = _top(module)
    upward = [
        f"line {line}: {own} (layer {LAYERS[own]}) imports {top} (layer {LAYERS[top]})"
        for line, top in _imported_tops(module)
        if top != own and top in LAYERS and LAYERS[top] >= LAYERS[own]
        and not (own == "__init__" or top == "_version")
    ]
    assert upward == []


def test_the_import_scanner_sees_relative_and_lazy_imports(tmp_path: Path) -> None:
    """The scanner is what the layer test relies on: it must see every form of import."""
    found = _imported_tops(PACKAGE / "cli.py")
    tops = {t for _, t in found}
    assert {"io", "drawing", "exceptions", "commands"} <= tops
