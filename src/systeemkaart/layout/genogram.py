"""Genogram layout: where every symbol, label and line of a genogram goes (no SVG here).

:func:`layout_genogram` works in four steps:

1. **Structure** (:mod:`.genogram_blocks`): one row per generation, *unions* that children
   hang from (couples and single parents), and *blocks* of partners that must stay side by
   side, ordered by the McGoldrick conventions.
2. **Placement** (:mod:`.genogram_dot`): Graphviz ``dot`` orders the blocks in each row and
   gives them x coordinates, knowing from which gap of a block each child hangs.
3. **Family lines**: a partner line between partners (a bracket above the row for a partner
   who is not a neighbour), one drop from the union, a sibling bar, one drop per child, twins
   from one point.
4. **Routing** (:mod:`.genogram_route`): emotional relations between any two people, and
   child lines that skip a row, run orthogonally through the bands between rows and the
   corridors between boxes, so no line ever crosses a box that is not its own end.

Finally households are outlined where their members stand together, and marked one by one
where they do not (with a warning).
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Final

from ..dates import PartialDate
from ..gcpause import paused_gc
from ..model import Case, Person, case_at, deceased_at, partnership_ended_at
from ..text.labels import label
from ..text.measure import LINE_HEIGHT, text_width, wrap
from . import Box, Point
from .genogram_blocks import Structure, Union, build_structure
from .genogram_dot import dot_source, place_blocks
from .genogram_route import RefPoint, Router, YRef

__all__ = [
    "ChildPlace",
    "GenogramLayout",
    "GenogramOptions",
    "HouseholdPlace",
    "PartnershipPlace",
    "PersonPlace",
    "RelationPlace",
    "TextLine",
    "TwinBar",
    "layout_genogram",
    "partnership_ended",
    "person_deceased",
]

SYMBOL: Final = 34.0
"""Side of a person's symbol (square, circle, diamond) in user units."""
SYMBOL_TOP: Final = 6.0
"""Space between a row's top (= a box's top) and the symbol."""
MID: Final = SYMBOL_TOP + SYMBOL / 2
NAME_SIZE: Final = 11.0
DATE_SIZE: Final = 9.0
LINE_LABEL_SIZE: Final = 8.0
_SIDE_PAD: Final = 7.0
_LABEL_GAP: Final = 4.0
_NAME_WIDTH: Final = 120.0
_MIN_GAP: Final = 30
_UNION_STEP: Final = 10
_OUTER_GAP: Final = 16
_MIN_BAND: Final = 46.0
_LABEL_LIFT: Final = 5.5


@dataclass(frozen=True)
class GenogramOptions:
    """How to lay out: label language, the date drawn (ages, statuses), margins."""

    lang: str = "nl"
    at: PartialDate | None = None
    top: float = 0.0
    """Space kept free above the genogram (for a title)."""
    margin: float = 20.0


@dataclass(slots=True)
class TextLine:
    """One line of text: baseline ``(x, y)``, font size, anchor (``middle`` or ``start``)."""

    text: str
    x: float
    y: float
    size: float
    bold: bool = False
    anchor: str = "middle"


@dataclass(slots=True)
class PersonPlace:
    """One person: ``box`` covers symbol and label (``data-bbox``), ``symbol`` the shape."""

    id: str
    row: int
    box: Box
    symbol: Box
    lines: list[TextLine]


@dataclass(slots=True)
class PartnershipPlace:
    """A partner line. ``index`` points into ``case.partnerships`` (``None``: two parents
    named together without a partnership, drawn as ``implied``)."""

    index: int | None
    partners: tuple[str, str]
    kind: str
    ended: str | None
    points: list[Point]
    union: Point
    slashes: list[tuple[Point, Point]]
    labels: list[TextLine]
    label_box: Box | None
    consanguineous: bool = False


@dataclass(slots=True)
class ChildPlace:
    """The line from a union to one child (``link`` indexes ``case.children``)."""

    link: int
    parents: tuple[str, ...]
    child: str
    kind: str
    points: list[Point]
    twin: bool = False


@dataclass(slots=True)
class TwinBar:
    """The bar between the lines of identical twins."""

    twins: tuple[str, str]
    points: list[Point]


@dataclass(slots=True)
class RelationPlace:
    """An emotional relation line (``index`` into ``case.relations``), from first to second."""

    index: int
    between: tuple[str, str]
    kind: str
    points: list[Point]


@dataclass
class HouseholdPlace:
    """A household: an ``outline`` polygon, or ``None`` and one ``marks`` box per member
    when its members do not stand together."""

    index: int
    members: list[str]
    outline: list[Point] | None
    marks: list[Box] = field(default_factory=list)


@dataclass
class GenogramLayout:
    """Everything a renderer needs to paint a genogram, in user units."""

    width: float
    height: float
    people: dict[str, PersonPlace]
    partnerships: list[PartnershipPlace]
    children: list[ChildPlace]
    twin_bars: list[TwinBar]
    relations: list[RelationPlace]
    households: list[HouseholdPlace]
    warnings: list[str]
    rows: int

    def node_boxes(self) -> dict[str, Box]:
        """The box of every person (symbol and label)."""
        return {pid: p.box for pid, p in self.people.items()}

    def label_boxes(self) -> list[Box]:
        """Boxes of line labels (partnership dates)."""
        return [p.label_box for p in self.partnerships if p.label_box is not None]

    def edges(self) -> Iterator[tuple[str, frozenset[str], list[Point]]]:
        """Every drawn line as ``(kind, ids it connects, points)``."""
        for p in self.partnerships:
            yield "partnership", frozenset(p.partners), p.points
        for c in self.children:
            yield "child", frozenset((*c.parents, c.child)), c.points
        for r in self.relations:
            yield "relation", frozenset(r.between), r.points


def person_deceased(person: Person, at: PartialDate | None) -> bool:
    """Deceased at ``at``: the model's one rule (:func:`systeemkaart.model.deceased_at`)."""
    return deceased_at(person, at)


def partnership_ended(case: Case, index: int, at: PartialDate | None) -> str | None:
    """The status to draw (``separated``/``divorced``/``widowed``) at ``at``, else ``None``."""
    return partnership_ended_at(case.partnerships[index], at)


# --- sizes -----------------------------------------------------------------------------


def _person_text(p: Person, lang: str, at: PartialDate | None) -> list[tuple[str, float]]:
    name = p.name or (label("pregnancy" if p.pregnancy else "miscarriage", lang)
                      if p.pregnancy or p.miscarriage else p.id)
    lines = [(t, NAME_SIZE) for t in wrap(name, NAME_SIZE, _NAME_WIDTH)]
    dead = person_deceased(p, at)
    born, died = p.born, p.died if dead else None
    if p.pregnancy or p.miscarriage:
        if born is not None:
            lines.append((str(born.year), DATE_SIZE))
        return lines
    if dead and born is not None and died is not None:
        age = p.age_at(died)
        tail = f" ({age})" if age is not None else ""
        lines.append((f"{born.year}–{died.year}{tail}", DATE_SIZE))
    elif dead and died is not None:
        lines.append((f"† {died.year}", DATE_SIZE))
    elif dead and born is not None:
        lines.append((f"{born.year}–?", DATE_SIZE))
    elif born is not None:
        lines.append((f"{label('born', lang)} {born.year}", DATE_SIZE))
    return lines


def _partnership_text(case: Case, index: int, lang: str,
                      at: PartialDate | None) -> list[str]:
    ps = case.partnerships[index]
    out: list[str] = []
    if ps.start is not None:
        out.append(f"{label(ps.kind + '_short', lang)} {ps.start.year}")
    ended = partnership_ended(case, index, at)
    if ended is not None and ps.end is not None:
        out.append(f"{label(ended + '_short', lang)} {ps.end.year}")
    return out


def _text_width(lines: list[str], size: float) -> float:
    return max((text_width(t, size) for t in lines), default=0.0)


# --- the layout ------------------------------------------------------------------------


@dataclass
class _Work:
    """State shared by the steps of one layout run."""

    case: Case
    options: GenogramOptions
    st: Structure
    person: dict[str, Person]
    widths: dict[str, float]
    heights: dict[str, float]
    texts: dict[str, list[tuple[str, float]]]
    left: dict[str, float] = field(default_factory=dict)
    router: Router | None = None
    row_order: dict[str, int] = field(default_factory=dict)
    by_row: dict[int, list[str]] = field(default_factory=dict)
    top_uses: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    side_uses: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    labels: dict[int, tuple[list[str], float]] = field(default_factory=dict)
    centre: dict[str, float] = field(default_factory=dict)
    """Centre x of each person's box (see :func:`_cx`)."""
    twinned: set[str] = field(default_factory=set)
    """People with a ``twin_of``."""
    gap_map: list[dict[int, list[Union]]] = field(default_factory=list)

    def label(self, index: int) -> tuple[list[str], float]:
        """The date lines written on partnership ``index``'s line, and their width."""
        got = self.labels.get(index)
        if got is None:
            text = _partnership_text(self.case, index, self.options.lang, self.options.at)
            got = (text, _text_width(text, LINE_LABEL_SIZE))
            self.labels[index] = got
        return got

    def gap_table(self) -> list[dict[int, list[Union]]]:
        """Per block, the unions hanging from each gap that has any (made once)."""
        if len(self.gap_map) != len(self.st.blocks):
            self.gap_map = []
            for b in self.st.blocks:
                table: dict[int, list[Union]] = defaultdict(list)
                for u in b.unions:
                    table[u.gap].append(u)
                self.gap_map.append(dict(table))
        return self.gap_map

    def gap_unions(self, block: int, gap: int) -> list[Union]:
        """The unions hanging from gap ``gap`` of block ``block`` (as
        :meth:`Block.gap_unions`)."""
        return self.gap_table()[block].get(gap, [])


def layout_genogram(case: Case, options: GenogramOptions | None = None) -> GenogramLayout:
    """Lay out the genogram of ``case`` (every person, partnership, child link, relation).

    Raises:
        LayoutError: when Graphviz fails.
    """
    with paused_gc():
        options = options or GenogramOptions(lang=case.case.lang, at=case.as_of())
        return _layout(case_at(case, options.at), options)


def _layout(case: Case, options: GenogramOptions) -> GenogramLayout:
    st = build_structure(case)
    person = {p.id: p for p in case.people}
    texts = {p.id: _person_text(p, options.lang, options.at) for p in case.people}
    widths: dict[str, float] = {}
    heights: dict[str, float] = {}
    for pid, lines in texts.items():
        w = max([SYMBOL + 2 * _SIDE_PAD] + [text_width(t, s) + 6 for t, s in lines])
        widths[pid] = float(math.ceil(w))
        heights[pid] = SYMBOL_TOP + SYMBOL + _LABEL_GAP + sum(s * LINE_HEIGHT for _, s in lines) + 3
    work = _Work(case, options, st, person, widths, heights, texts)
    work.twinned = {p.id for p in case.people if p.twin_of is not None}
    gaps = _gap_widths(work)
    centres = place_blocks(dot_source(st, widths, gaps), len(st.blocks))
    _place_people(work, gaps, centres)
    return _finish(work, gaps)


def _gap_widths(work: _Work) -> list[list[float]]:
    """Width of every gap of every block (see :mod:`.genogram_blocks`): at least
    ``_MIN_GAP`` between two people, room for the unions hanging from it and their date
    labels."""
    out: list[list[float]] = []
    inner_gap = float(math.ceil(float(_MIN_GAP)))
    for block, table in zip(work.st.blocks, work.gap_table(), strict=True):
        n = len(block.persons)
        widths = [inner_gap] * (n + 1)
        widths[0] = widths[n] = 0.0
        for k, unions in table.items():
            inner = 0 < k < n
            need = float(_MIN_GAP) if inner else 0.0
            need = max(need, len(unions) * _UNION_STEP + (10 if inner else _OUTER_GAP - 10))
            for u in unions:
                if len(u.members) == 2 and u.span_level < 0 and u.partnerships:
                    need = max(need, work.label(u.partnerships[-1])[1] + 8)
            widths[k] = float(math.ceil(need))
        out.append(widths)
    return out


def _place_people(work: _Work, gaps: list[list[float]], centres: list[float]) -> None:
    """Person x positions from block centres; rows sorted left to right."""
    by_row: dict[int, list[str]] = defaultdict(list)
    for block in work.st.blocks:
        total = sum(gaps[block.index]) + sum(work.widths[p] for p in block.persons)
        x = round(centres[block.index] - total / 2, 1)
        for k, pid in enumerate(block.persons):
            x += gaps[block.index][k]
            work.left[pid] = x
            x += work.widths[pid]
            by_row[block.row].append(pid)
    for _row, ids in by_row.items():
        ids.sort(key=lambda pid: work.left[pid])
        for k, pid in enumerate(ids):
            work.row_order[pid] = k
    work.by_row = dict(by_row)
    work.centre = {pid: x + work.widths[pid] / 2 for pid, x in work.left.items()}
    spans = {r: [(work.left[p], work.left[p] + work.widths[p]) for p in ids]
             for r, ids in by_row.items()}
    for u in work.st.unions:  # partnership dates between partners: keep lines off them
        if len(u.members) == 2 and u.span_level < 0 and u.partnerships:
            text, width = work.label(u.partnerships[-1])
            if text:
                lo, hi = _gap_range(work, gaps, u.block, u.gap)
                half = width / 2
                spans[work.st.blocks[u.block].row].append(((lo + hi) / 2 - half,
                                                           (lo + hi) / 2 + half))
    for row_spans in spans.values():
        row_spans.sort()
    work.router = Router(spans, max(by_row, default=0) + 1)


def _cx(work: _Work, pid: str) -> float:
    return work.centre[pid]


def _gap_range(work: _Work, gaps: list[list[float]], block: int, k: int) -> tuple[float, float]:
    persons = work.st.blocks[block].persons
    if k < len(persons):
        right = work.left[persons[k]]
        return right - gaps[block][k], right
    last = persons[-1]
    left = work.left[last] + work.widths[last]
    return left, left + gaps[block][k]


def _row(ref_row: int, dy: float) -> YRef:
    return ("row", ref_row, dy)


@dataclass
class _Pending:
    """Symbolic geometry collected before lanes are assigned."""

    partner: list[tuple[PartnershipPlace, list[RefPoint], RefPoint, list[tuple[str, float]],
                        RefPoint | None]] = field(default_factory=list)
    child: list[tuple[ChildPlace, list[RefPoint]]] = field(default_factory=list)
    twin: list[tuple[tuple[str, str], list[RefPoint], list[RefPoint]]] = \
        field(default_factory=list)
    relation: list[tuple[RelationPlace, list[RefPoint]]] = field(default_factory=list)


def _finish(work: _Work, gaps: list[list[float]]) -> GenogramLayout:
    router = work.router
    assert router is not None
    pending = _Pending()
    consanguine = _consanguineous(work)
    union_at: dict[str, tuple[float, YRef, float | None]] = {}
    for block in work.st.blocks:
        n = len(block.persons)
        for k in range(n + 1):
            unions = work.gap_unions(block.index, k)
            if not unions:
                continue
            lo, hi = _gap_range(work, gaps, block.index, k)
            for m, u in enumerate(unions):
                ux = round(lo + (m + 1) * (hi - lo) / (len(unions) + 1), 1)
                union_at[u.key] = _family_lines(work, u, ux, (lo, hi), pending, consanguine)
    for u in work.st.unions:
        if u.children:
            _child_lines(work, u, union_at[u.key], pending)
    for i in work.st.cross_row:
        _cross_row_partnership(work, i, pending)
    for i, rel in enumerate(work.case.relations):
        a, b = rel.between
        if a in work.person and b in work.person and a != b:
            _relation(work, i, pending)
    return _resolve(work, pending)


def _family_lines(work: _Work, u: Union, ux: float, gap: tuple[float, float],
                  pending: _Pending, consanguine: set[str]) -> tuple[float, YRef, float | None]:
    """The partner line of a union (if any); returns its union point and the side x where a
    single parent's line starts."""
    block = work.st.blocks[u.block]
    row = block.row
    pos = work.st.position
    if u.solo:
        pid = u.members[0]
        i = pos[pid]
        outer = u.gap in (0, len(block.persons))
        y = _row(row, MID if outer else MID + SYMBOL * 0.3)
        side = _cx(work, pid) + (SYMBOL / 2 if u.gap > i else -SYMBOL / 2)
        return ux, y, side
    left, right = sorted(u.members, key=lambda m: pos[m])
    i, j = pos[left], pos[right]
    indices: list[int | None] = list(u.partnerships) or [None]
    span = j > i + 1
    for n_line, index in enumerate(indices):
        kind = work.case.partnerships[index].kind if index is not None else "implied"
        ended = partnership_ended(work.case, index, work.options.at) if index is not None \
            else None
        texts = work.label(index)[0] if index is not None and n_line == len(indices) - 1 \
            else []
        partners = tuple(work.case.partnerships[index].partners) if index is not None \
            else (u.members[0], u.members[1])
        place = PartnershipPlace(index, (partners[0], partners[1]), kind, ended, [], (0, 0), [],
                                 [], None, u.key in consanguine)
        if not span:
            y = _row(row, MID - 5 * n_line)
            xl = _cx(work, left) + SYMBOL / 2
            xr = _cx(work, right) - SYMBOL / 2
            points: list[RefPoint] = [(xl, y), (xr, y)]
            anchor: RefPoint = (ux, y)
            text_at: RefPoint | None = ((gap[0] + gap[1]) / 2, y) if texts else None
        else:
            router = work.router
            assert router is not None
            lane = router.lane(row, _cx(work, left), _cx(work, right), 2)
            reach = SYMBOL * min(0.25 + 0.09 * u.span_level, 0.45)  # nested brackets apart
            xl = _cx(work, left) + reach
            xr = _cx(work, right) - reach
            points = [(xl, _row(row, SYMBOL_TOP)), (xl, lane), (xr, lane),
                      (xr, _row(row, SYMBOL_TOP))]
            anchor = (ux, lane)
            text_at = ((xl + xr) / 2, lane) if texts else None
        lines = [(t, LINE_LABEL_SIZE) for t in texts]
        pending.partner.append((place, points, anchor, lines, text_at))
    if span:
        lane_ref = pending.partner[-1][2][1]
        return ux, lane_ref, None
    return ux, _row(row, MID), None


def _child_lines(work: _Work, u: Union, at: tuple[float, YRef, float | None],
                 pending: _Pending) -> None:
    """Drop, sibling bar and one line per child of union ``u``; twins from one point."""
    router = work.router
    assert router is not None
    ux, uy, side = at
    row = work.st.blocks[u.block].row
    router.occupy(row, ux)
    rows = work.st.rows
    centre = work.centre
    twin_x: dict[str, float] = {}
    groups = _twin_groups(work, u)
    below = row + 1
    for group in groups:
        if len(group) > 1 and all(rows[c] == below for c in group):
            order = sorted(work.row_order[c] for c in group)
            if order[-1] - order[0] == len(group) - 1:  # twins standing side by side
                tx = round(sum(centre[c] for c in group) / len(group), 1)
                for c in group:
                    twin_x[c] = tx
    xs = [ux] + [twin_x.get(c, centre[c]) for c, _, _ in u.children if rows[c] == below]
    bar = router.lane(below, min(xs), max(xs), 0)
    start: list[RefPoint] = [(side, uy)] if side is not None else []
    start += [(ux, uy), (ux, bar)]
    for child, kind, link in u.children:
        crow = rows[child]
        cx = centre[child]
        top: YRef = ("row", crow, SYMBOL_TOP)
        if crow == below:
            path = [*start, (twin_x.get(child, cx), bar), (cx, top)]
        elif crow > below:
            path = [*start, *router.through(ux, below, crow, cx, 1, bar)[1:], (cx, top)]
        else:
            path = [*start, *_relation_path(work, u.members[0], child)]
        place = ChildPlace(link, u.members, child, kind, [], child in twin_x)
        pending.child.append((place, path))
    for group in groups:
        if len(group) < 2 or group[0] not in twin_x:
            continue
        for a, b in itertools.pairwise(group):
            if work.person[a].identical or work.person[b].identical:
                tx = twin_x[a]
                pa: list[RefPoint] = [(tx, bar), (_cx(work, a), _row(row + 1, SYMBOL_TOP))]
                pb: list[RefPoint] = [(tx, bar), (_cx(work, b), _row(row + 1, SYMBOL_TOP))]
                pending.twin.append(((a, b), pa, pb))


def _twin_groups(work: _Work, u: Union) -> list[list[str]]:
    """Children of ``u`` in order, twins (linked by ``twin_of``) grouped together."""
    ids = [c for c, _, _ in u.children]
    if work.twinned.isdisjoint(ids):
        return [[c] for c in ids]
    present = set(ids)
    groups: list[list[str]] = []
    seen: set[str] = set()
    for c in ids:
        if c in seen:
            continue
        group = [c]
        seen.add(c)
        for d in ids:
            if d in seen:
                continue
            if any(work.person[d].twin_of == g or work.person[g].twin_of == d for g in group):
                group.append(d)
                seen.add(d)
        groups.append([g for g in group if g in present])
    return groups


def _cross_row_partnership(work: _Work, index: int, pending: _Pending) -> None:
    """A partnership whose partners stand on different rows: routed like a relation."""
    a, b = work.case.partnerships[index].partners
    place = PartnershipPlace(index, (a, b), work.case.partnerships[index].kind,
                             partnership_ended(work.case, index, work.options.at), [], (0, 0),
                             [], [], None)
    path = _relation_path(work, a, b)
    pending.partner.append((place, path, path[len(path) // 2], [], None))


def _relation(work: _Work, index: int, pending: _Pending) -> None:
    rel = work.case.relations[index]
    a, b = rel.between
    place = RelationPlace(index, (a, b), rel.kind, [])
    pending.relation.append((place, _relation_path(work, a, b)))


def _top_x(work: _Work, pid: str, towards: float) -> float:
    """Where a line leaves the top of a symbol: off-centre (the centre is the child line)."""
    k = work.top_uses[pid]
    work.top_uses[pid] += 1
    sign = 1.0 if towards >= _cx(work, pid) else -1.0
    offset = (0.38, 0.12, 0.25)[k % 3] * SYMBOL / 2 * 2
    if k >= 3:
        sign = -sign
    return _cx(work, pid) + sign * min(offset, SYMBOL / 2 - 2)


def _relation_path(work: _Work, a: str, b: str) -> list[RefPoint]:
    """An orthogonal path from person ``a``'s symbol to person ``b``'s symbol."""
    router = work.router
    assert router is not None
    rows = work.st.rows
    ra, rb = rows[a], rows[b]
    if ra > rb:
        return list(reversed(_relation_path(work, b, a)))
    ax, bx = _cx(work, a), _cx(work, b)
    if ra == rb:
        if abs(work.row_order[a] - work.row_order[b]) == 1:
            key = min(a, b) + "|" + max(a, b)
            k = work.side_uses[key]
            work.side_uses[key] += 1
            y = _row(ra, MID + SYMBOL * (0.2 + 0.13 * (k % 2)) * (1 if k < 2 else -1))
            sa = SYMBOL / 2 if bx > ax else -SYMBOL / 2
            return [(ax + sa, y), (bx - sa, y)]
        xa, xb = _top_x(work, a, bx), _top_x(work, b, ax)
        lane = router.lane(ra, xa, xb, 1)
        top = _row(ra, SYMBOL_TOP)
        return [(xa, top), (xa, lane), (xb, lane), (xb, top)]
    # a above b: leave a's side into the corridor beside it, go down, enter b from the top
    side = 1.0 if bx >= ax else -1.0
    k = work.side_uses[a]
    work.side_uses[a] += 1
    y = _row(ra, MID + SYMBOL * (0.18 + 0.1 * (k % 3)))
    edge = work.left[a] + (work.widths[a] if side > 0 else 0.0)
    corridor = router.corridor(ra, edge + side * 0.5)
    xc = router.slot(ra, edge + side * 6.0, corridor)
    xb = _top_x(work, b, ax)
    path: list[RefPoint] = [(ax + side * SYMBOL / 2, y), (xc, y)]
    path += router.through(xc, ra + 1, rb, xb, 1)
    path.append((xb, _row(rb, SYMBOL_TOP)))
    return path


def _consanguineous(work: _Work) -> set[str]:
    """Keys of two-person unions whose partners share an ancestor (or descend one from the
    other). Ancestor sets are memoised: O(people x ancestors)."""
    parents: dict[str, list[str]] = defaultdict(list)
    for link in work.case.children:
        if link.kind in {"biological", "adopted"}:
            parents[link.child].extend(p for p in link.parents if p in work.person)
    memo: dict[str, frozenset[str]] = {}

    def ancestors(pid: str) -> frozenset[str]:
        stack = [pid]
        while stack:
            cur = stack[-1]
            if cur in memo:
                stack.pop()
                continue
            todo = [p for p in parents.get(cur, []) if p not in memo and p != cur]
            if todo and len(stack) < len(work.person) + 1:
                stack.extend(todo)
                continue
            acc: set[str] = set()
            for p in parents.get(cur, []):
                acc.add(p)
                acc |= memo.get(p, frozenset())
            memo[cur] = frozenset(acc)
            stack.pop()
        return memo[pid]

    out: set[str] = set()
    for u in work.st.unions:
        if len(u.members) == 2 and u.partnerships:
            a, b = u.members
            aa, ab = ancestors(a), ancestors(b)
            if aa & ab or a in ab or b in aa:
                out.add(u.key)
    return out


# --- resolving symbolic geometry ---------------------------------------------------------


def _resolve(work: _Work, pending: _Pending) -> GenogramLayout:
    """Concrete coordinates for everything: lanes get their y, rows their top, and the whole
    drawing moves right so that its leftmost point sits at the margin."""
    router = work.router
    assert router is not None
    counts = router.assign()
    nrows = router.rows
    row_h = {r: max(work.heights[p] for p in ids) for r, ids in work.by_row.items()}
    band_top: dict[int, float] = {}
    row_top: dict[int, float] = {}
    y = work.options.top
    for r in range(nrows + 1):
        band_top[r] = y
        minimum = 8.0 if r == 0 else work.options.margin if r == nrows else _MIN_BAND
        y += router.band_height(counts.get(r, {}), minimum)
        if r < nrows:
            row_top[r] = y
            y += row_h.get(r, SYMBOL + SYMBOL_TOP)
    height = y
    lane_ys = router.lane_ys(band_top, counts)

    # partnership labels: their text is known before any y is
    labelled: list[tuple[float, float] | None] = []
    for place, _points, _anchor, texts, text_at in pending.partner:
        if text_at is not None and texts and place.index is not None:
            labelled.append((round(text_at[0], 2), work.label(place.index)[1]))
        else:
            labelled.append(None)
    margin = work.options.margin
    extent = _extent(work, pending, labelled)
    dx = round(margin - extent[0], 1) if extent is not None else 0.0

    resolve = router.resolve

    def res0(point: RefPoint) -> Point:
        """One point, rounded as a resolved path's points are (not moved)."""
        x, (kind, ref, dy) = point
        return (round(x, 2), round(lane_ys[ref] if kind == "lane" else row_top[ref] + dy, 2))

    def mv(q: Point) -> Point:
        return (round(q[0] + dx, 2), q[1])

    partnerships: list[PartnershipPlace] = []
    for (place, points, anchor, texts, text_at), label_at in zip(pending.partner, labelled,
                                                                   strict=True):
        place.points = resolve(points, row_top, lane_ys, dx)
        place.union = res0(anchor)
        if place.ended is not None:
            place.slashes = [(mv(a), mv(b)) for a, b in _slashes(place)]
        place.union = mv(place.union)
        if text_at is not None and label_at is not None:
            tx, width = label_at
            ty = res0(text_at)[1]
            base = ty - _LABEL_LIFT
            x = round(tx + dx, 2)
            if len(texts) == 1:
                lines = [TextLine(texts[0][0], x, round(base, 2), texts[0][1])]
            else:
                lines = []
                for t, size in reversed(texts):
                    lines.insert(0, TextLine(t, x, round(base, 2), size))
                    base -= size * 1.2
            top = lines[0].y - LINE_LABEL_SIZE * 0.8
            bottom = ty - _LABEL_LIFT + LINE_LABEL_SIZE * 0.25
            place.labels = lines
            place.label_box = Box(round(round(tx - width / 2, 2) + dx, 2), round(top, 2),
                                  round(width, 2), round(bottom - top, 2))
        partnerships.append(place)
    children = []
    for cplace, points in pending.child:
        cplace.points = resolve(points, row_top, lane_ys, dx)
        children.append(cplace)
    twin_bars = []
    for pair, pa, pb in pending.twin:
        a0, a1 = router.resolve(pa, row_top, lane_ys, 0.0)
        b0, b1 = router.resolve(pb, row_top, lane_ys, 0.0)
        twin_bars.append(TwinBar(pair, [mv(_along(a0, a1, 0.55)), mv(_along(b0, b1, 0.55))]))
    relations = []
    for rplace, points in pending.relation:
        rplace.points = resolve(points, row_top, lane_ys, dx)
        relations.append(rplace)
    people: dict[str, PersonPlace] = {}
    rows, left, widths, heights, texts_of = (work.st.rows, work.left, work.widths,
                                             work.heights, work.texts)
    half = SYMBOL / 2
    first_line = SYMBOL_TOP + SYMBOL + _LABEL_GAP
    for p in work.case.people:
        pid = p.id
        r = rows[pid]
        top = row_top[r]
        x = left[pid]
        w = widths[pid]
        centre = x + w / 2
        cx = round(centre + dx, 2)
        person_lines: list[TextLine] = []
        base = top + first_line
        for text, size in texts_of[pid]:
            base += size * LINE_HEIGHT * 0.85 if not person_lines else size * LINE_HEIGHT
            person_lines.append(TextLine(text, cx, round(base, 2), size, False))
        people[pid] = PersonPlace(pid, r, Box(round(x + dx, 2), top, w, heights[pid]),
                                  Box(round(centre - half + dx, 2), top + SYMBOL_TOP, SYMBOL,
                                      SYMBOL), person_lines)
    width = round(extent[1] + dx + margin, 1) if extent is not None else 2 * margin
    layout = GenogramLayout(width, height, people, partnerships, children, twin_bars,
                            relations, [], [], nrows)
    _households(work, layout)
    return layout


def _along(p: Point, q: Point, t: float) -> Point:
    return (round(p[0] + (q[0] - p[0]) * t, 2), round(p[1] + (q[1] - p[1]) * t, 2))


def _slashes(place: PartnershipPlace) -> list[tuple[Point, Point]]:
    """One slash for separated, two for divorced, just left of the union point."""
    count = {"separated": 1, "divorced": 2}.get(place.ended or "", 0)
    ux, uy = place.union
    out = []
    for k in range(count):
        x = ux - 8 - 5 * k
        out.append(((round(x - 2.5, 2), round(uy + 4.5, 2)),
                    (round(x + 2.5, 2), round(uy - 4.5, 2))))
    return out


def _extent(work: _Work, pending: _Pending,
            labelled: list[tuple[float, float] | None]) -> tuple[float, float] | None:
    """The leftmost and rightmost x of every box, line and line label, before the shift.

    Lines are still symbolic here, but their x values are final: resolving rounds them and
    drops only repeated points and points between two others on a straight run, so a line's
    extreme x values survive (rounded).
    """
    lows: list[float] = []
    highs: list[float] = []
    left, widths = work.left, work.widths
    for p in work.case.people:
        x = left[p.id]
        lows.append(x)
        highs.append(x + widths[p.id])
    paths = [points for _, points, _, _, _ in pending.partner]
    paths += [points for _, points in pending.child]
    paths += [points for _, points in pending.relation]
    first = itemgetter(0)
    for points in paths:
        lows.append(round(min(map(first, points)), 2))
        highs.append(round(max(map(first, points)), 2))
    for at in labelled:
        if at is not None:
            tx, width = at
            bx = round(tx - width / 2, 2)
            lows.append(bx)
            highs.append(bx + round(width, 2))
    if not lows:
        return None
    return min(lows), max(highs)


# --- households ------------------------------------------------------------------------


def _households(work: _Work, layout: GenogramLayout) -> None:
    """Outline each household whose members stand together; otherwise mark each member."""
    by_row: dict[int, list[PersonPlace]] = defaultdict(list)
    for place in layout.people.values():
        by_row[place.row].append(place)
    for places in by_row.values():
        places.sort(key=lambda p: p.box.x)
    order = {p.id: k for places in by_row.values() for k, p in enumerate(places)}
    for index, hh in enumerate(work.case.households):
        members = [m for m in dict.fromkeys(hh.members) if m in layout.people]
        if not members:
            continue
        rows = sorted({layout.people[m].row for m in members})
        together = rows == list(range(rows[0], rows[-1] + 1))
        ranges: dict[int, tuple[int, int]] = {}
        if together:
            for r in rows:
                ks = [order[m] for m in members if layout.people[m].row == r]
                lo, hi = min(ks), max(ks)
                if hi - lo + 1 != len(ks):
                    together = False
                    break
                ranges[r] = (lo, hi)
        if together:
            pad = 5.0 + 2.0 * (index % 2)
            slabs: list[tuple[float, float, float, float]] = []  # (y0, y1, x0, x1)
            for r in rows:
                lo, hi = ranges[r]
                boxes = [by_row[r][k].box for k in range(lo, hi + 1)]
                slabs.append((min(b.y for b in boxes) - pad, max(b.bottom for b in boxes) + pad,
                              min(b.x for b in boxes) - pad, max(b.right for b in boxes) + pad))
            layout.households.append(HouseholdPlace(index, members, _outline(slabs)))
        else:
            names = ", ".join(members)
            layout.warnings.append(
                f"households[{index}]: members ({names}) do not stand together in the "
                "genogram; each is marked instead of outlined")
            marks = [layout.people[m].box.grow(3.0) for m in members]
            layout.households.append(HouseholdPlace(index, members, None, marks))


def _outline(slabs: list[tuple[float, float, float, float]]) -> list[Point]:
    """The outline of stacked row boxes joined across the bands between them."""
    full: list[tuple[float, float, float, float]] = []
    for k, slab in enumerate(slabs):
        if k > 0:
            prev = slabs[k - 1]
            full.append((prev[1], slab[0], min(prev[2], slab[2]), max(prev[3], slab[3])))
        full.append(slab)
    right: list[Point] = []
    left: list[Point] = []
    for y0, y1, x0, x1 in full:
        right += [(x1, y0), (x1, y1)]
        left += [(x0, y0), (x0, y1)]
    points = right + list(reversed(left))
    return [(round(x, 2), round(y, 2)) for x, y in points]
