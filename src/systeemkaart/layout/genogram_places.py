"""Genogram layout data: the places of people and lines a renderer paints, the options, and
the state the layout steps share (:class:`Work`).

Sizes are in user units (1 unit = 1 px at 100 %); a person's symbol is ``SYMBOL`` wide.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Final

from ..dates import PartialDate
from ..model import Case, Person, deceased_at, partnership_ended_at
from ..text.labels import label
from ..text.measure import text_width, wrap
from . import Box, Point
from .genogram_blocks import Structure, Union
from .genogram_gaps import gap_side
from .genogram_route import Hold, RefPoint, Router, YRef

__all__ = [
    "DATE_SIZE", "LINE_LABEL_SIZE", "MID", "NAME_SIZE", "PARTNER_DROP", "PARTNER_STEP",
    "SYMBOL", "SYMBOL_TOP",
    "AxisSegment", "ChildPlace", "GenogramLayout", "GenogramOptions", "HouseholdPlace",
    "PartnershipPlace", "Pending", "PersonPlace", "RelationPlace", "Taken", "TextLine", "TwinBar",
    "Work",
    "axis_segments", "cx",
    "gap_range", "partnership_ended", "person_deceased", "row_ref",
]

SYMBOL: Final = 34.0
"""Side of a person's symbol (square, circle, diamond) in user units."""
SYMBOL_TOP: Final = 6.0
"""Space between a row's top (= a box's top) and the symbol."""
MID: Final = SYMBOL_TOP + SYMBOL / 2
SMALL: Final = {"miscarriage": 0.4, "abortion": 0.45, "stillbirth": 0.55}
"""Size of the small symbols, as a share of ``SYMBOL`` (a miscarriage: the dot's diameter)."""
MAX_NAME_LINES: Final = 3
"""A name longer than this many lines is cut short with an ellipsis."""
NAME_SIZE: Final = 11.0
DATE_SIZE: Final = 9.0
LINE_LABEL_SIZE: Final = 8.0
SIDE_PAD: Final = 7.0
LABEL_GAP: Final = 4.0
NAME_WIDTH: Final = 120.0
MIN_GAP: Final = 30
UNION_STEP: Final = 10
OUTER_GAP: Final = 16
MIN_BAND: Final = 46.0
LABEL_LIFT: Final = 5.5
PARTNER_DROP: Final = 12.0
"""How far below the bottom of the symbols a partner line runs (the McGoldrick bracket:
a short line down from each partner, the partner line between, children hanging from it);
the names of the partners stand below it."""
PARTNER_STEP: Final = 10.0
"""Distance between two partner lines of one couple (married twice): a slash (9 high) on
one stays off the other."""


@dataclass(frozen=True)
class GenogramOptions:
    """How to lay out: label language, the date drawn (ages, statuses), margins."""

    lang: str = "nl"
    at: PartialDate | None = None
    top: float = 0.0
    """Space kept free above the genogram (for a title)."""
    margin: float = 20.0
    hidden: Mapping[str, int] = field(default_factory=dict)
    """Per person, how many direct relatives are left out of the drawing (see
    :func:`~systeemkaart.layout.genogram_around.around`); added to the person's own
    ``left_out`` (relatives left out of the file) and written under their name."""


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

    def symbol_centre(self) -> Point:
        """The centre of the symbol."""
        return (self.symbol.cx, self.symbol.cy)


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
    when its members do not stand together (painted in one tint, so they read as one)."""

    index: int
    members: list[str]
    outline: list[Point] | None
    marks: list[Box] = field(default_factory=list)
    name_at: Point | None = None
    """Where the household's name is written (left end of its baseline)."""
    name: str = ""
    """The household's name as written (its own, or "Huishouden 2")."""
    name_box: Box | None = None
    """The box the written name takes (clear of people, lines, labels and frames)."""


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


def small_kind(p: Person) -> str | None:
    """``miscarriage``, ``abortion`` or ``stillbirth`` when ``p`` is drawn small, else
    ``None``."""
    for kind in ("miscarriage", "abortion", "stillbirth"):
        if getattr(p, kind):
            return kind
    return None


def top_depth(p: Person, d: float = 0.0) -> float:
    """How far below the top of the symbol square the drawn outline starts at ``d`` from
    its centre line: a child line ends there, touching the symbol (a miscarriage's dot
    and a triangle only at the centre; the mirror of :func:`bottom_depth`)."""
    kind = small_kind(p)
    if kind is not None:
        return SYMBOL / 2 * (1 - SMALL[kind])
    if p.pregnancy:
        return SYMBOL * 0.1
    return SYMBOL - bottom_depth(p, d)


def bottom_depth(p: Person, d: float) -> float:
    """How far below the top of the symbol square the drawn outline ends at ``d`` from its
    centre line: a partner line leaves the symbol there, touching it."""
    r = SYMBOL / 2
    kind = small_kind(p)
    if kind is not None:
        return r + r * SMALL[kind]
    if p.pregnancy:
        return r + SYMBOL * 0.4
    d = min(abs(d), r)
    if p.sex == "female":
        return r + math.sqrt(r * r - d * d)
    if p.sex == "other":
        return SYMBOL - d
    return SYMBOL


def name_lines(name: str) -> list[str]:
    """``name`` wrapped to the name width, at most ``MAX_NAME_LINES`` lines; a word wider
    than the width is broken, and what does not fit ends in an ellipsis."""
    lines: list[str] = []
    for line in wrap(name, NAME_SIZE, NAME_WIDTH):
        while text_width(line, NAME_SIZE) > NAME_WIDTH and len(line) > 1:
            cut = len(line)
            while cut > 1 and text_width(line[:cut], NAME_SIZE) > NAME_WIDTH:
                cut -= max(1, (cut - 1) // 8)
            lines.append(line[:cut])
            line = line[cut:]
        lines.append(line)
    if len(lines) <= MAX_NAME_LINES:
        return lines
    last = lines[MAX_NAME_LINES - 1]
    while last and text_width(last + "…", NAME_SIZE) > NAME_WIDTH:
        last = last[:-1]
    return [*lines[:MAX_NAME_LINES - 1], last.rstrip() + "…"]


def person_text(p: Person, lang: str, at: PartialDate | None) -> list[tuple[str, float]]:
    kind = "pregnancy" if p.pregnancy else small_kind(p)
    name = p.name or (label(kind, lang) if kind is not None else p.id)
    lines = [(t, NAME_SIZE) for t in name_lines(name)]
    dead = person_deceased(p, at)
    born, died = p.born, p.died if dead else None
    if p.pregnancy or p.never_lived:
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


def partnership_text(case: Case, index: int, lang: str,
                      at: PartialDate | None) -> list[str]:
    ps = case.partnerships[index]
    out: list[str] = []
    if ps.start is not None:
        out.append(f"{label(ps.kind + '_short', lang)} {ps.start.year}")
    ended = partnership_ended(case, index, at)
    if ended is not None and ps.end is not None:
        out.append(f"{label(ended + '_short', lang)} {ps.end.year}")
    return out


def lines_width(lines: list[str], size: float) -> float:
    return max((text_width(t, size) for t in lines), default=0.0)



@dataclass
class Work:
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
    waypoints: dict[str, float] = field(default_factory=dict)
    """Where ``dot`` lets lines that skip rows cross them (see
    :func:`~.genogram_dot.waypoint`)."""
    top_ports: dict[str, dict[float, float]] = field(default_factory=lambda: defaultdict(dict))
    """Per person, the offsets from the centre where lines already leave the top, each with
    half the width of what that line draws."""
    side_uses: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    side_lines: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    """Per person and side (keyed as :attr:`side_uses`), the heights below the middle where
    a single parent's line already leaves that side."""
    labels: dict[int, tuple[list[str], float]] = field(default_factory=dict)
    centre: dict[str, float] = field(default_factory=dict)
    """Centre x of each person's box (see :func:`_cx`)."""
    twinned: set[str] = field(default_factory=set)
    """People with a ``twin_of``."""
    spread_ends: set[str] = field(default_factory=set)
    """Children into whom several child lines arrive, their ends spread over the top (see
    :func:`~.genogram_child_ends.reserve_tops`)."""
    gap_map: list[dict[int, list[Union]]] = field(default_factory=list)
    above_dates: bool = True
    """Single parents' lines that cross over in a gap leave above a couple's dates there,
    each at its own height (see :func:`~.genogram_gaps.crossed_over`); ``False`` while the
    orders of the blocks are searched (see :func:`~.genogram.layout_genogram`)."""
    polish: bool = False
    """The last touches to the emotional lines are made: routed again once the ways not
    drawn gave back their room (:mod:`.genogram_reroute`) and parted where they run close
    beside another line (:func:`~.genogram_part.part_lines`). Only on the layout the
    search keeps: they move no family line, so no order is judged otherwise by them."""
    drops: dict[str, float] = field(default_factory=dict)
    """Per person with a partner line below the symbol, how far below the symbol that
    line runs (the lowest, when a couple has several): the name stands below it."""
    line_sides: dict[str, set[int]] = field(default_factory=dict)
    """Per person, the sides (-1 left, +1 right) where a partner line hangs from them."""
    redecide: frozenset[str] = frozenset({"beside", "room"})
    """Which of the ways decided again the choice of ways may keep (see
    :func:`~.genogram_choice.choose_ways`): ``"beside"``, a way not beside another pair's
    line; ``"room"``, a side or top without room for its lines. Without one, the ways
    chosen before it stand (see :mod:`.genogram_redecided`)."""
    redecided: set[str] = field(default_factory=set)
    """Which of :attr:`redecide` the choices of ways of this layout kept."""
    redecided_lines: set[int] = field(default_factory=set)
    """The relations (indexes into ``case.relations``) whose ways those kept changed."""
    corridor_room: dict[str, float] | None = None
    """Per person with partners on both sides, the room its emotional lines to other rows
    may take beside its box in a gap with a couple's dates (made once, see
    ``genogram._corridors``)."""

    def label(self, index: int) -> tuple[list[str], float]:
        """The date lines written on partnership ``index``'s line, and their width."""
        got = self.labels.get(index)
        if got is None:
            text = partnership_text(self.case, index, self.options.lang, self.options.at)
            got = (text, lines_width(text, LINE_LABEL_SIZE))
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
                for k, unions in table.items():
                    if len(unions) > 1 and any(u.solo for u in unions):
                        unions.sort(key=partial(gap_side, b, gap=k, position=self.st.position))
                self.gap_map.append(dict(table))
        return self.gap_map

    def gap_unions(self, block: int, gap: int) -> list[Union]:
        """The unions hanging from gap ``gap`` of block ``block`` (as
        :meth:`Block.gap_unions`)."""
        return self.gap_table()[block].get(gap, [])


def cx(work: Work, pid: str) -> float:
    return work.centre[pid]


def gap_range(work: Work, gaps: list[list[float]], block: int, k: int) -> tuple[float, float]:
    persons = work.st.blocks[block].persons
    if k < len(persons):
        right = work.left[persons[k]]
        return right - gaps[block][k], right
    last = persons[-1]
    left = work.left[last] + work.widths[last]
    return left, left + gaps[block][k]


def row_ref(ref_row: int, dy: float) -> YRef:
    return ("row", ref_row, dy)


@dataclass
class Taken:
    """What one way of a relation took while it was built: its vertical lines in the
    router's corridors and bands, and its ports on the tops of symbols (person, key in
    :attr:`Work.top_ports`, half width noted there). A way not drawn gives them back."""

    holds: list[Hold] = field(default_factory=list)
    ports: list[tuple[str, float, float]] = field(default_factory=list)


@dataclass
class Pending:
    """Symbolic geometry collected before lanes are assigned."""

    partner: list[tuple[PartnershipPlace, list[RefPoint], RefPoint, list[tuple[str, float]],
                        RefPoint | None]] = field(default_factory=list)
    child: list[tuple[ChildPlace, list[RefPoint]]] = field(default_factory=list)
    twin: list[tuple[tuple[str, str], list[RefPoint], list[RefPoint]]] = \
        field(default_factory=list)
    relation: list[tuple[RelationPlace, list[RefPoint]]] = field(default_factory=list)
    relation_routes: list[list[list[RefPoint]]] = field(default_factory=list)
    """Per relation, the routes it may take (the one in ``relation`` first)."""
    relation_taken: list[list[Taken]] = field(default_factory=list)
    """Per relation, what each of its routes took (same order as ``relation_routes``)."""
    relation_kept: list[int] = field(default_factory=list)
    """Per relation, once the ways are chosen: the route that holds room (the one drawn,
    or the one kept to fall back on where a straight line is drawn); the others gave
    back what they took."""
    side_before: dict[str, int] | None = None
    """The side ports given out (:attr:`Work.side_uses`) before the first relation was
    routed: the relations are routed again from there (:mod:`.genogram_reroute`)."""


AxisSegment = tuple[float, float, float, int, str]
"""An axis-parallel piece of a drawn line: (fixed coordinate, from, to, line number, kind)."""


def axis_segments(layout: GenogramLayout) -> tuple[list[AxisSegment], list[AxisSegment]]:
    """Horizontal and vertical segments of every drawn line, numbered by line (as
    :meth:`GenogramLayout.edges` yields them): what a line can run along."""
    horizontal: list[AxisSegment] = []
    vertical: list[AxisSegment] = []
    for n, (kind, _ends, points) in enumerate(layout.edges()):
        for (x1, y1), (x2, y2) in itertools.pairwise(points):
            if y1 == y2 and x1 != x2:
                horizontal.append((y1, min(x1, x2), max(x1, x2), n, kind))
            elif x1 == x2 and y1 != y2:
                vertical.append((x1, min(y1, y2), max(y1, y2), n, kind))
    return horizontal, vertical
