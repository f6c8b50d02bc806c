"""Graphviz ``dot`` for the genogram: order blocks within rows and place them left to right.

Each block (see :mod:`.genogram_blocks`) becomes one ``dot`` node whose HTML-like label is a
row of fixed-width cells: a cell per person and a cell per gap. Parent-child edges run from
the gap cell of the union (port ``g<k>``) to the child's cell (port ``p<k>``), so ``dot``
minimises crossings and centres children under the right union knowing where it is. All
blocks of one generation share a rank; consecutive siblings get an invisible flat edge so
that the eldest stands left. Only the x coordinates of the result are used: rows and the
space between them are computed by the layout itself.

Cost: building the source is linear; ``dot`` itself dominates (network simplex).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Final

from ..exceptions import LayoutError
from .genogram_blocks import Structure

__all__ = ["NODESEP", "dot_source", "place_blocks", "waypoint"]

NODESEP: Final = 24.0
"""Minimum horizontal space between two blocks, in points (= user units)."""
_CELL_H: Final = 40


def _table(cells: list[tuple[str, float]]) -> str:
    tds = "".join(
        f'<TD PORT="{port}" WIDTH="{round(width)}" HEIGHT="{_CELL_H}" FIXEDSIZE="TRUE"></TD>'
        for port, width in cells
    )
    return ('<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
            f"{tds}</TR></TABLE>>")


def block_cells(structure: Structure, index: int, widths: dict[str, float],
                gaps: list[list[float]]) -> list[tuple[str, float]]:
    """The cells of one block, left to right: ``(port, width)``; empty gaps are left out."""
    block = structure.blocks[index]
    cells: list[tuple[str, float]] = []
    for k, pid in enumerate(block.persons):
        if gaps[index][k] > 0:
            cells.append((f"g{k}", gaps[index][k]))
        cells.append((f"p{k}", widths[pid]))
    n = len(block.persons)
    if gaps[index][n] > 0:
        cells.append((f"g{n}", gaps[index][n]))
    return cells


def dot_source(structure: Structure, widths: dict[str, float],
               gaps: list[list[float]]) -> str:
    """The ``dot`` graph of the blocks, as text (also used by the benchmark).

    ``widths`` are person cell widths, ``gaps[b][k]`` the width of gap ``k`` of block ``b``;
    both are rounded to whole points, the unit ``dot`` lays out in.
    """
    lines = [
        "digraph genogram {",
        f'graph [rankdir=TB, nodesep="{NODESEP / 72:.4f}", ranksep="0.5", splines=false, '
        'newrank=true];',
        'node [shape=plain, label=""];',
        "edge [arrowhead=none];",
    ]
    by_row: dict[int, list[int]] = defaultdict(list)
    head = '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
    tail = f'" HEIGHT="{_CELL_H}" FIXEDSIZE="TRUE"></TD>'
    for block in structure.blocks:  # as _table(block_cells(...)), written directly
        index = block.index
        gap = gaps[index]
        tds = []
        for k, pid in enumerate(block.persons):
            if gap[k] > 0:
                tds.append(f'<TD PORT="g{k}" WIDTH="{round(gap[k])}{tail}')
            tds.append(f'<TD PORT="p{k}" WIDTH="{round(widths[pid])}{tail}')
        n = len(block.persons)
        if gap[n] > 0:
            tds.append(f'<TD PORT="g{n}" WIDTH="{round(gap[n])}{tail}')
        lines.append(f"b{index} [label={head}{''.join(tds)}</TR></TABLE>>];")
        by_row[block.row].append(index)
    for row in sorted(by_row):
        members = "; ".join(f"b{i}" for i in by_row[row])
        lines.append(f"{{rank=same; {members};}}")
    position = structure.position
    rows = structure.rows
    flat: set[tuple[int, int]] = set()
    passing: dict[int, list[str]] = defaultdict(list)  # row -> waypoints of long lines
    hangs: dict[int, set[str]] = defaultdict(set)  # block -> the unions its people hang from
    for u in structure.unions:
        for child, _, _ in u.children:
            hangs[structure.block_of[child]].add(u.key)
    for u in structure.unions:
        tail = f"b{u.block}:g{u.gap}:s"
        prev: int | None = None
        for child, kind, link in u.children:
            cb = structure.block_of[child]
            row = rows[u.members[0]]
            span = rows[child] - row
            weight = 3 if kind == "biological" else 2
            if span == 1:
                lines.append(f"{tail} -> b{cb}:p{position[child]}:n [weight={weight}];")
            elif span > 1:  # a waypoint per row passed: where the line crosses it
                step = tail
                for r in range(row + 1, row + span):
                    name = waypoint(u.key, link, r)
                    passing[r].append(name)
                    lines.append(f"{name} [shape=point, width=0.1, height=0.1];")
                    lines.append(f"{step} -> {name} [weight={weight}];")
                    step = name
                lines.append(f"{step} -> b{cb}:p{position[child]}:n [weight={weight}];")
            if prev is not None and prev != cb and structure.blocks[prev].row == \
                    structure.blocks[cb].row and (prev, cb) not in flat and \
                    len(hangs[prev]) == 1 and len(hangs[cb]) == 1:
                flat.add((prev, cb))
                lines.append(f"b{prev} -> b{cb} [style=invis, weight=1];")
            prev = cb
    for r, names in sorted(passing.items()):
        lines.append(f"{{rank=same; b{by_row[r][0]}; {'; '.join(names)};}}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def waypoint(union: str, link: int, row: int) -> str:
    """The name of the waypoint where the line of child link ``link`` from union ``union``
    crosses row ``row``."""
    return f"w{union}_{link}_{row}"


def place_blocks(source: str, count: int,
                 waypoints: dict[str, float] | None = None) -> list[float]:
    """Run ``dot`` on ``source`` and return the centre x of each block ``b0 .. b<count-1>``;
    with ``waypoints``, also fill in the x of every waypoint (see :func:`waypoint`): where
    ``dot`` lets a line that skips rows cross them with fewest crossings.

    Raises:
        LayoutError: when Graphviz fails.
    """
    import pygraphviz

    try:
        graph = pygraphviz.AGraph(string=source)
        plain = graph.draw(format="plain", prog="dot")
    except (OSError, ValueError, pygraphviz.DotError) as err:  # pragma: no cover
        raise LayoutError(f"Graphviz dot failed: {err}") from err
    centres = [0.0] * count
    text = plain.decode("utf-8") if isinstance(plain, bytes) else str(plain)
    for line in text.splitlines():
        if line.startswith("node b"):
            parts = line.split(" ", 5)
            index = int(parts[1][1:])
            centres[index] = float(parts[2]) * 72.0
        elif line.startswith("node w") and waypoints is not None:
            parts = line.split(" ", 5)
            waypoints[parts[1]] = float(parts[2]) * 72.0
    return centres
