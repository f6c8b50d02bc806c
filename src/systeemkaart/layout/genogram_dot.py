"""Graphviz ``dot`` for the genogram: order blocks within rows and place them left to right.

Each block (see :mod:`.genogram_blocks`) becomes one ``dot`` node whose HTML-like label is a
row of fixed-width cells: a cell per person and a cell per gap. Parent-child edges run from
the gap cell of the union (port ``g<k>``) to the child's cell (port ``p<k>``), so ``dot``
minimises crossings and centres children under the right union knowing where it is. All
blocks of one generation share a rank; consecutive siblings get an invisible flat edge so
that the eldest stands left. Only the x coordinates of the result are used: rows and the
space between them are computed by the layout itself. So ``dot`` routes no edge at all
(``splines=none``): the places of the nodes are the same, and routing was a sixth of its
time on royal92.

Cost: building the source is linear; ``dot`` itself dominates (network simplex, and crossing
reduction over every rank an edge passes). Real family trees of thousands of people would
run for many minutes, so a large drawing (from :data:`LARGE` blocks) bounds Graphviz's
effort: edges that skip more than :data:`LONG_SPAN` rows are left out of the ordering where
they would pass many rows in all (see :func:`span_limit`; they are still drawn), an
invisible chain keeps the rows in order, and
``nslimit``, ``nslimit1``, ``mclimit`` and ``searchsize`` cap the iterations.
The layout runs in a child process where the system allows, so Ctrl-C stops it at once;
meanwhile this process does the caller's work that needs no coordinates (``meanwhile`` of
:func:`place_blocks`), so on two cores a large drawing takes less wall time (not less CPU).
"""

from __future__ import annotations

import contextlib
import io
import itertools
import os
import signal
import sys
import threading
from collections import defaultdict
from collections.abc import Callable, Collection
from typing import Final

from ..exceptions import LayoutError
from .genogram_blocks import Structure

__all__ = ["LARGE", "LONG_SPAN", "NODESEP", "WAYPOINT_SHARE", "dot_source", "place_blocks",
           "span_limit", "waypoint"]

NODESEP: Final = 24.0
"""Minimum horizontal space between two blocks, in points (= user units)."""
_CELL_H: Final = 40
LARGE: Final = 400
"""From this many blocks on, Graphviz's effort is bounded (see the module docstring)."""
LONG_SPAN: Final = 2
"""In a large drawing, parent-child edges over this many rows or fewer always steer the
order; longer ones only where :data:`WAYPOINT_SHARE` allows."""
WAYPOINT_SHARE: Final = 0.3
"""A large drawing keeps the edges over more than :data:`LONG_SPAN` rows in the ordering
when their waypoints (one per row passed) number at most this share of the blocks. Leaving
them out let a line that skips many rows land anywhere, across many families: the
presidents' tree (1,167 blocks, 305 such waypoints) drew 464 structural crossings against
plain ``dot``'s 96, 83 with them kept, for about 0.2 s more layout CPU; pres2020 (309)
597 against 124, now 116; the 5.5.1 sample 3 (154 for 3,384 blocks) 27,632, now 21,619.
royal92 and Queen have more such waypoints than blocks, on lines over dozens of rows:
keeping them cost two to four times the layout CPU, and keeping only the shortest of them
gave royal92 more crossings or fewer by turns, so there none is kept."""
_BOUNDED: Final = 'nslimit=1, nslimit1=1, mclimit=0, searchsize=10, remincross=false'
"""Graphviz effort for large drawings: network simplex bounded to one pass per phase and
crossing reduction to its first ordering. Measured on royal92 (3,010 people): minutes to
seconds; the iterations of crossing reduction (``mclimit=0.1``) cost more time and gave
more crossings in the final drawing, not fewer (``bench/bench_trees.py``). Also measured on
the public trees from 400 blocks: ``remincross=true``, ``mclimit`` 0.3 to 2 and
``searchsize=30`` change the crossings by a few percent either way. What counts is
:data:`LONG_SPAN`: at 3, 4 or 6 rows the 5.5.1 sample 3 (4,578 people) has 19, 27 or 42 %
fewer crossings for 32, 65 or 196 % more layout CPU time, while royal92 gains 3 % or less
for 25 % more time and the Willis tree (761 people) gets 46 % more crossings; so it stays
at 2, and longer edges steer the order only within :data:`WAYPOINT_SHARE`."""
_FORK_FROM: Final = 100
"""From this many blocks on, the layout runs in a child process that Ctrl-C can stop."""


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
               gaps: list[list[float]], *, bounded: bool | None = None,
               free: Collection[str] = (), order: list[list[int]] | None = None) -> str:
    """The ``dot`` graph of the blocks, as text (also used by the benchmark).

    ``widths`` are person cell widths, ``gaps[b][k]`` the width of gap ``k`` of block ``b``;
    both are rounded to whole points, the unit ``dot`` lays out in. ``bounded`` bounds
    Graphviz's effort (default: from :data:`LARGE` blocks on). The children of a union
    stand eldest left, except those of the unions in ``free`` (named by their members, as
    ``u:a|b``, see :func:`~.genogram_order.crossing_unions`): Graphviz orders those.
    With ``order`` (the blocks of each row left to right, see
    :func:`~.genogram_sweep.sweep_order`) every row keeps that order.
    """
    if bounded is None:
        bounded = len(structure.blocks) >= LARGE
    longest = span_limit(structure) if bounded else 0
    effort = f", {_BOUNDED}" if bounded else ""
    lines = [
        "digraph genogram {",
        f'graph [rankdir=TB, nodesep="{NODESEP / 72:.4f}", ranksep="0.5", splines=none, '
        f'newrank=true{effort}];',
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
        anchor = f" r{row};" if bounded else ""
        lines.append(f"{{rank=same; {members};{anchor}}}")
    if bounded:  # rows stay in order without the long edges: an invisible chain of anchors
        rows_used = sorted(by_row)
        lines.append("node [shape=point, width=0, height=0, style=invis];")
        lines.extend(f"r{a} -> r{b} [style=invis, weight=0, minlen={b - a}];"
                     for a, b in itertools.pairwise(rows_used))
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
        in_order = order is None and "u:" + "|".join(sorted(u.members)) not in free
        for child, kind, link in u.children:
            cb = structure.block_of[child]
            row = rows[u.members[0]]
            span = rows[child] - row
            weight = 3 if kind == "biological" else 2
            if span == 1:
                lines.append(f"{tail} -> b{cb}:p{position[child]}:n [weight={weight}];")
            elif span > 1 and not (bounded and span > longest):
                # a waypoint per row passed: where the line crosses it (a large drawing
                # leaves the longest out of the ordering, see the module docstring)
                step = tail
                for r in range(row + 1, row + span):
                    name = waypoint(u.key, link, r)
                    passing[r].append(name)
                    lines.append(f"{name} [shape=point, width=0.1, height=0.1];")
                    lines.append(f"{step} -> {name} [weight={weight}];")
                    step = name
                lines.append(f"{step} -> b{cb}:p{position[child]}:n [weight={weight}];")
            if in_order and prev is not None and prev != cb and structure.blocks[prev].row == \
                    structure.blocks[cb].row and (prev, cb) not in flat and \
                    len(hangs[prev]) == 1 and len(hangs[cb]) == 1:
                flat.add((prev, cb))
                lines.append(f"b{prev} -> b{cb} [style=invis, weight=1];")
            prev = cb
    for ids in order or ():  # a row's order kept: an invisible chain left to right
        lines.extend(f"b{a} -> b{b} [style=invis, weight=1];" for a, b in itertools.pairwise(ids))
    for r, names in sorted(passing.items()):
        lines.append(f"{{rank=same; b{by_row[r][0]}; {'; '.join(names)};}}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def span_limit(structure: Structure) -> int:
    """The most rows a parent-child edge may skip and still steer the order of a large
    drawing: every edge when the waypoints (one per row passed) of those over more than
    :data:`LONG_SPAN` rows stay within :data:`WAYPOINT_SHARE` of the blocks, else
    :data:`LONG_SPAN`. Linear in child links."""
    rows = structure.rows
    count: dict[int, int] = defaultdict(int)
    for u in structure.unions:
        row = rows[u.members[0]]
        for child, _, _ in u.children:
            span = rows[child] - row
            if span > LONG_SPAN:
                count[span] += 1
    passes = sum(n * (span - 1) for span, n in count.items())
    if not count or passes > WAYPOINT_SHARE * len(structure.blocks):
        return LONG_SPAN
    return max(count)


def waypoint(union: str, link: int, row: int) -> str:
    """The name of the waypoint where the line of child link ``link`` from union ``union``
    crosses row ``row``."""
    return f"w{union}_{link}_{row}"


def place_blocks(source: str, count: int, waypoints: dict[str, float] | None = None, *,
                 meanwhile: Callable[[], object] | None = None) -> list[float]:
    """Run ``dot`` on ``source`` and return the centre x of each block ``b0 .. b<count-1>``;
    with ``waypoints``, also fill in the x of every waypoint (see :func:`waypoint`): where
    ``dot`` lets a line that skips rows cross them with fewest crossings.

    From :data:`_FORK_FROM` blocks on (on systems with ``fork``) Graphviz runs in a child
    process: its C code does not return to Python until it is done, so in this process
    Ctrl-C would wait for the whole layout; the child is stopped at once instead.

    ``meanwhile`` is called exactly once, while the child lays out (else before Graphviz
    runs here): work that needs no coordinates overlaps with Graphviz's. Its result is
    dropped; an exception from it stops the child and is raised.

    Raises:
        LayoutError: when Graphviz fails.
    """
    if count >= _FORK_FROM and hasattr(os, "fork") and sys.platform != "darwin":
        text = _plain_in_child(source, meanwhile)
    else:
        if meanwhile is not None:
            meanwhile()
        text = _plain(source)
    centres = [0.0] * count
    for line in text.splitlines():
        if line.startswith("node b"):
            parts = line.split(" ", 5)
            index = int(parts[1][1:])
            centres[index] = float(parts[2]) * 72.0
        elif line.startswith("node w") and waypoints is not None:
            parts = line.split(" ", 5)
            waypoints[parts[1]] = float(parts[2]) * 72.0
    return centres


def _plain(source: str) -> str:
    """Graphviz's ``plain`` output for ``source`` laid out by ``dot``.

    Graphviz's libraries are called directly where pygraphviz's wheel has them (see
    :mod:`.dot_library`: the same text, without loading every output format), else through
    pygraphviz. pygraphviz warns on stderr that a graph of over 1,000 nodes "may take a long
    time"; the bounded effort takes care of that, so the warning is not shown.

    Raises:
        LayoutError: when Graphviz fails.
    """
    from .dot_library import plain as library_plain

    try:
        direct = library_plain(source)
    except ValueError as err:  # pragma: no cover
        raise LayoutError(f"Graphviz dot failed: {err}") from err
    if direct is not None:
        return direct.decode("utf-8")
    import pygraphviz

    try:
        graph = pygraphviz.AGraph(string=source)
        with contextlib.redirect_stderr(io.StringIO()):
            plain = graph.draw(format="plain", prog="dot")
    except (OSError, ValueError, pygraphviz.DotError) as err:  # pragma: no cover
        raise LayoutError(f"Graphviz dot failed: {err}") from err
    return plain.decode("utf-8") if isinstance(plain, bytes) else str(plain)


class _Held:
    """Ctrl-C held back: while held, an interrupt is only noted; :meth:`release` restores
    the handler and raises a noted interrupt then. Only the main thread gets interrupts, and
    only a handler set from Python can be put back, so elsewhere nothing is held."""

    def __init__(self) -> None:
        self.noted = False
        self.previous = signal.getsignal(signal.SIGINT)
        self.active = (self.previous is not None
                       and threading.current_thread() is threading.main_thread())
        if self.active:
            signal.signal(signal.SIGINT, self._note)

    def _note(self, signum: int, frame: object) -> None:
        self.noted = True

    def release(self) -> None:
        """Put the handler back and raise an interrupt that came while it was held."""
        if self.active:
            self.active = False
            signal.signal(signal.SIGINT, self.previous)
            if self.noted:
                signal.raise_signal(signal.SIGINT)


def _die_with(parent: int) -> None:  # pragma: no cover - runs in the child
    """Have the kernel kill this (child) process when ``parent`` dies, so a layout never
    runs on alone after its caller was killed outright (``kill -9``, a closed terminal):
    it would use a core and hold the caller's output open. Linux only (``prctl``); a parent
    already gone ends the child at once."""
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os._exit(1)


def _plain_in_child(source: str, meanwhile: Callable[[], object] | None = None) -> str:
    """:func:`_plain` in a forked child process that an interrupt (Ctrl-C) stops at once;
    this process calls ``meanwhile`` while the child works.

    The child writes one status byte (``0`` ok, ``1`` error) and then the text through a
    pipe; on an interrupt or any other exception here (``meanwhile``'s too), the child is
    killed and reaped.

    Raises:
        LayoutError: when Graphviz fails in the child or the child dies.
    """
    read_end, write_end = os.pipe()
    # An interrupt between the fork and the guard below would leave the child laying out on
    # its own (and holding the caller's output open): it is held back until the guard.
    held = _Held()
    parent = os.getpid()
    try:
        pid = os.fork()
    except BaseException:
        held.release()
        os.close(read_end)
        os.close(write_end)
        raise
    if pid == 0:  # pragma: no cover - the child; coverage does not follow it
        code = 0
        try:
            os.close(read_end)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            _die_with(parent)
            try:
                payload = b"0" + _plain(source).encode("utf-8")
            except LayoutError as err:
                payload = b"1" + err.message.encode("utf-8")
            with os.fdopen(write_end, "wb") as out:
                out.write(payload)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    try:
        os.close(write_end)
        with os.fdopen(read_end, "rb") as pipe:
            held.release()  # a held interrupt is raised here
            if meanwhile is not None:
                meanwhile()
            data = pipe.read()
        _, status = os.waitpid(pid, 0)
    except BaseException:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.waitpid(pid, 0)
        held.release()
        raise
    if os.waitstatus_to_exitcode(status) == -signal.SIGINT:
        raise KeyboardInterrupt
    if not data or os.waitstatus_to_exitcode(status) != 0:
        raise LayoutError("Graphviz dot stopped without a layout")
    if data[:1] == b"1":
        raise LayoutError(data[1:].decode("utf-8", errors="replace"))
    return data[1:].decode("utf-8")
