"""Genogram layout: where every symbol, label and line of a genogram goes (no SVG here).

:func:`layout_genogram` works in four steps:

1. **Structure** (:mod:`.genogram_blocks`): one row per generation (ranked for the
   shortest child lines, :mod:`.genogram_rank`), *unions* that children hang from (couples
   and single parents), and *blocks* of partners that must stay side by side, ordered by
   the McGoldrick conventions.
2. **Placement** (:mod:`.genogram_dot`): Graphviz ``dot`` orders the blocks in each row and
   gives them x coordinates, knowing from which gap of a block each child hangs. Below
   :data:`~.genogram_dot.LARGE` blocks, second looks (blocks turned, siblings freed from
   eldest-left, our own order by whole-family moves and sweeps, :mod:`.genogram_sweep`)
   are laid out too, and the layout whose family lines cross least is kept; where lines
   still cross, the last looks (stepchildren moved, the order of a plain Graphviz drawing,
   single blocks moved: :mod:`.genogram_local`) are kept when fewer crossing points show.
3. **Family lines**: a partner line hanging below the partners' symbols, the names below it
   (a bracket above the row for a partner who is not a neighbour), one drop from the union,
   a sibling bar, one drop per child, twins from one point.
4. **Routing** (:mod:`.genogram_route`): emotional relations between any two people, and
   child lines that skip a row, run orthogonally through the bands between rows and the
   corridors between boxes, so no line ever crosses a box that is not its own end; once
   rows have coordinates, each relation keeps the route that crosses fewest lines, or a
   straight line where that is clear (:mod:`.genogram_straight`). The orders of step 2 are
   judged by their family lines alone, which the emotional lines never move, so only the
   layout kept is drawn with its emotional lines: there corridors too narrow for them
   widen (:mod:`.genogram_widen`) and they get their last touches (``Work.polish``: routed
   again once the ways not drawn gave back their room, :mod:`.genogram_reroute`; moved
   where they run close beside another line, :func:`~.genogram_part.part_lines`, or
   drawn again beside themselves, :func:`~.genogram_spread.spread_lines`); the ends of
   the emotional lines on one side of a symbol are spread in every drawing, a large one
   too (:mod:`.genogram_ends`).

The lines run through lanes and rows without coordinates until the end; resolving them
(:mod:`.genogram_resolve`) gives every lane and row its y. Finally households are outlined
where their members stand together, and marked one by one where they do not (with a
warning), the outlines and frames bent off the lines running beside them
(:mod:`.genogram_households`).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Collection
from dataclasses import replace
from functools import partial

from ..gcpause import paused_gc
from ..model import Case, case_at
from ..text.labels import label
from ..text.measure import LINE_HEIGHT, text_width
from .genogram_blocks import Structure, Union, build_structure, mirror_blocks
from .genogram_child_ends import reserve_tops
from .genogram_crowded_slot import clearer, crowded_falls
from .genogram_dot import LARGE, dot_source, place_blocks
from .genogram_gaps import label_centre, solo_lines, union_xs
from .genogram_lines import (
    child_lines,
    consanguineous,
    cross_row_partnership,
    crossing_over_dates,
    family_lines,
    partner_drops,
)
from .genogram_local import Placed, last_looks
from .genogram_order import crossing_unions, family_score, turned_blocks
from .genogram_places import (
    DATE_SIZE,
    LABEL_GAP,
    MIN_GAP,
    OUTER_GAP,
    SIDE_PAD,
    SYMBOL,
    SYMBOL_TOP,
    UNION_STEP,
    ChildPlace,
    GenogramLayout,
    GenogramOptions,
    HouseholdPlace,
    PartnershipPlace,
    Pending,
    PersonPlace,
    RelationPlace,
    TextLine,
    TwinBar,
    Work,
    gap_range,
    partnership_ended,
    person_deceased,
    person_text,
)
from .genogram_redecided import kept_or_before
from .genogram_relations import add_relation, drawn_half
from .genogram_resolve import resolve_layout
from .genogram_route import LINE_CLEAR, TEXT_CLEAR, Router, YRef
from .genogram_widen import ROUNDS, full_corridors, improves, widened

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

def layout_genogram(case: Case, options: GenogramOptions | None = None, *,
                    reduced: bool = False,
                    meanwhile: Callable[[], object] | None = None) -> GenogramLayout:
    """Lay out the genogram of ``case`` (every person, partnership, child link, relation)
    as it stood at ``options.at``; ``reduced``: the caller passes ``case_at(case,
    options.at)`` already, so the case is not reduced again (a linear pass saved).

    ``meanwhile`` (called exactly once) is the caller's work that needs no coordinates:
    it runs while Graphviz lays out a large drawing in its child process (see
    :func:`~.genogram_dot.place_blocks`), so the two overlap on a machine of two cores.

    Raises:
        LayoutError: when Graphviz fails.
    """
    with paused_gc():
        options = options or GenogramOptions(lang=case.case.lang, at=case.as_of())
        return _layout(case if reduced else case_at(case, options.at), options, meanwhile)


def _layout(case: Case, options: GenogramOptions,
            meanwhile: Callable[[], object] | None = None) -> GenogramLayout:
    st = build_structure(case)
    person = {p.id: p for p in case.people}
    texts = {p.id: person_text(p, options.lang, options.at) for p in case.people}
    for pid, lines in texts.items():
        count = person[pid].left_out + options.hidden.get(pid, 0)
        if count:
            lines.append((label("not_drawn", options.lang).format(n=count), DATE_SIZE))
    widths: dict[str, float] = {}
    heights: dict[str, float] = {}
    for pid, lines in texts.items():
        w = max([SYMBOL + 2 * SIDE_PAD] + [text_width(t, s) + 6 for t, s in lines])
        widths[pid] = float(math.ceil(w))
    twinned = {p.id for p in case.people if p.twin_of is not None}
    callers = [meanwhile] if meanwhile is not None else []
    # while the orders of the blocks are searched, single parents' lines that cross over
    # in a gap run at one height as they always did (see Work.above_dates): the search
    # takes the path it took, and only the order it keeps is drawn again with them above
    # a couple's dates, each in its own lane (where they hid a crossing by running on
    # top of each other, the drawing shows it)
    search = len(st.blocks) < LARGE
    # the search judges the family lines alone (family_score): the emotional lines move
    # none of them, so they are drawn only in the layout it keeps (see finished), where
    # corridors too narrow for them widen and they get their last touches (Work.polish);
    # a large drawing is not searched, and is drawn with them at once
    large = not search

    def measure_heights(work: Work) -> None:
        """The height of every person's box, as the partner lines below the symbols stand
        in ``work`` (see :func:`partner_drops`)."""
        drops = work.drops
        for pid, lines in texts.items():
            heights[pid] = SYMBOL_TOP + SYMBOL + drops.get(pid, 0.0) + LABEL_GAP + \
                sum(s * LINE_HEIGHT for _, s in lines) + 3

    def placed(free: Collection[str] = (), order: list[list[int]] | None = None,
               relations: bool = True) -> Placed:
        work = Work(case, options, st, person, widths, heights, texts)
        work.above_dates = not search
        partner_drops(work)  # the drops depend on where each partner stands in its block
        work.twinned = twinned
        gaps = _gap_widths(work)
        consanguine: list[set[str]] = []

        def needs_no_coordinates() -> None:  # while Graphviz works in its child process
            measure_heights(work)  # Graphviz places blocks by width only
            consanguine.append(consanguineous(work))
            while callers:  # the caller's own work goes with the first layout
                callers.pop()()

        centres = place_blocks(dot_source(st, widths, gaps, free=free, order=order),
                               len(st.blocks), work.waypoints, meanwhile=needs_no_coordinates)
        _place_people(work, gaps, centres)
        layout = _finish(work, gaps, relations and large, consanguine[0])
        return layout, work, gaps, centres

    def relaid(work: Work, gaps: list[list[float]], centres: list[float],
               waypoints: dict[str, float], spread: frozenset[int] = frozenset()
               ) -> tuple[GenogramLayout, Work]:
        """The blocks of ``work`` at ``centres`` laid out again with every line, the
        emotional ones with their last touches; those in a full corridor counted in
        ``spread`` as far from the others as it allows (see :mod:`.genogram_crowded_slot`)."""
        again = Work(case, options, st, person, widths, heights, texts)
        again.above_dates, again.twinned = work.above_dates, twinned
        again.redecide = work.redecide
        again.waypoints, again.polish = waypoints, True
        partner_drops(again)
        measure_heights(again)
        _place_people(again, gaps, centres)
        assert again.router is not None
        again.router.spread_full = spread
        return _finish(again, gaps), again

    def finished(kept: Placed, last: bool = True) -> GenogramLayout:
        """The layout the search ``kept`` drawn with its emotional lines (see
        :func:`completed`); with ``last``, where its choices of ways kept ways decided
        again, finished without them too and the better kept (see
        :func:`.genogram_redecided.kept_or_before`)."""
        layout, work = completed(kept, last, kept[1].redecide)
        if last:
            layout, work = kept_or_before(layout, work, partial(completed, kept, last))
        return layout

    def completed(kept: Placed, last: bool, redecide: frozenset[str]
                  ) -> tuple[GenogramLayout, Work]:
        """The layout the search ``kept`` drawn with its emotional lines, the ways decided
        again as ``redecide`` allows, and its work state; corridors too
        narrow for them widen (see :mod:`.genogram_widen`), and with ``last`` (the drawing
        made, not one the last looks judge) the lines in corridors still full stand apart
        where that leaves fewer crowded (see :mod:`.genogram_crowded_slot`)."""
        _bare, work, gaps, centres = kept
        layout, work = relaid(replace(work, redecide=redecide), gaps, centres, work.waypoints)
        for _ in range(ROUNDS):
            cuts = full_corridors(work, layout, centres)
            if not cuts:
                break
            waypoints = dict(work.waypoints)
            wider = widened(centres, waypoints, cuts)
            other, again = relaid(work, gaps, wider, waypoints)
            if not improves(other, layout):
                break
            layout, work, centres = other, again, wider
        falls = crowded_falls(layout, work) if last else frozenset()
        if falls:
            spread, again = relaid(work, gaps, centres, dict(work.waypoints), falls)
            if clearer(spread, layout):
                return spread, again
        return layout, work

    def judged(kept: Placed) -> GenogramLayout:
        """The layout ``kept`` drawn for the last looks to judge (see :func:`finished`)."""
        return finished(kept, last=False)

    layout, work, gaps, centres = placed()
    if not search:  # see genogram_order: one more layout would cost too much
        return layout
    score = family_score(layout)
    turned = turned_blocks(work, gaps, centres) if score[0] else []
    if turned:
        mirror_blocks(st, turned)
        other = placed()
        fewer = family_score(other[0])
        if fewer < score:
            (layout, work, gaps, centres), score = other, fewer
        else:
            mirror_blocks(st, turned)
    for ancestors in (False, True):  # eldest left only where that forces no crossing
        if score[0]:
            other = placed(crossing_unions(layout, ancestors=ancestors))
            fewer = family_score(other[0])
            if fewer < score:
                (layout, work, gaps, centres), score = other, fewer
    if score[0]:  # blocks in the order of our own sweeps (see genogram_sweep)
        from .genogram_sweep import sweep_order  # only where lines still cross

        order, swept = sweep_order(st, centres)
        mirror_blocks(st, swept)
        other = placed(order=order)
        fewer = family_score(other[0])
        if fewer < score:
            (layout, work, gaps, centres), score = other, fewer
        else:
            mirror_blocks(st, swept)
    if score[0]:  # the last looks, judged by crossing points (see genogram_local)
        layout, work, gaps, centres = last_looks(case, placed, (layout, work, gaps, centres),
                                                 score, judged)
        score = family_score(layout)
    if not crossing_over_dates(Work(case, options, st, person, widths, heights, texts)):
        return finished((layout, work, gaps, centres))
    search = False
    drawn = placed(order=_drawn_order(st, layout))
    shown = family_score(drawn[0])
    # the crossing points the lines on each other hid, drawn: look again (points, the
    # measure the last looks judge by, of the layout they kept)
    if shown[1] > score[1]:
        return finished(last_looks(case, placed, drawn, shown, judged))
    return finished(drawn)


def _drawn_order(st: Structure, layout: GenogramLayout) -> list[list[int]]:
    """The blocks of each row (top row first) left to right as ``layout`` draws them."""
    rows: dict[int, list[int]] = defaultdict(list)
    for block in st.blocks:
        rows[block.row].append(block.index)
    people = layout.people
    return [sorted(rows[r], key=lambda b: people[st.blocks[b].persons[0]].box.x)
            for r in sorted(rows)]


def _gap_widths(work: Work) -> list[list[float]]:
    """Width of every gap of every block (see :mod:`.genogram_blocks`): at least
    ``MIN_GAP`` between two people, room for the unions hanging from it and their date
    labels."""
    out: list[list[float]] = []
    inner_gap = float(math.ceil(float(MIN_GAP)))
    tables = work.gap_table()
    for block in work.st.blocks:
        table = tables[block.index]
        n = len(block.persons)
        widths = [inner_gap] * (n + 1)
        widths[0] = widths[n] = 0.0
        for k, unions in table.items():
            inner = 0 < k < n
            need = float(MIN_GAP) if inner else 0.0
            need = max(need, len(unions) * UNION_STEP + (10 if inner else OUTER_GAP - 10))
            for u in unions:
                if len(u.members) == 2 and u.span_level < 0 and u.partnerships:
                    room = max(_beside(work, block.persons, k))  # centred: same both sides
                    need = max(need, work.label(u.partnerships[-1])[1] + 4 + 2 * max(room, 2.0))
                    need = _room_beside_lines(work, unions, u, math.ceil(need))
            widths[k] = float(math.ceil(need))
        out.append(widths)
    return out


def _beside(work: Work, persons: list[str], k: int) -> tuple[float, float]:
    """The room kept free in gap ``k`` of a block of ``persons`` beside the box on its left
    and on its right, for emotional lines coming down there (see :func:`_corridors`)."""
    if work.corridor_room is None:
        work.corridor_room = _corridors(work)
    room = work.corridor_room
    n = len(persons)
    left = room.get(persons[k - 1], 2.0) if 0 < k - 1 < n - 1 else 2.0
    right = room.get(persons[k], 2.0) if 0 < k < n - 1 else 2.0
    return left, right


def _corridors(work: Work) -> dict[str, float]:
    """Per person with emotional lines, the room they may take in the corridor between
    the person's box and a couple's dates beside it: a person with partners on both sides
    sends its lines to other rows out of a side into such a gap, down past the dates (lines
    within a row go over the tops). Each line keeps
    :data:`~.genogram_route.LINE_CLEAR` from the next and its drawing
    :data:`~.genogram_route.TEXT_CLEAR` from the dates and the box."""
    room: dict[str, float] = defaultdict(lambda: TEXT_CLEAR)
    rows = work.st.rows
    for rel in work.case.relations:
        a, b = rel.between
        if a not in rows or b not in rows or rows[a] == rows[b]:
            continue
        half = drawn_half(rel.kind)
        for pid in (a, b):
            room[pid] += 2 * half + LINE_CLEAR
    return dict(room)


def _dates_at(work: Work, unions: list[Union], u: Union,
              gap: tuple[float, float]) -> tuple[float, bool]:
    """Where the dates of couple ``u`` stand in ``gap`` (among ``unions`` hanging from it),
    and whether they stand clear there of single parents' lines (see :func:`label_centre`)."""
    texts, width = work.label(u.partnerships[-1])
    blocked = solo_lines(unions, union_xs(gap[0], gap[1], len(unions)), gap, len(texts) > 1,
                         work.st.position, work.above_dates)
    return label_centre(gap[0], gap[1], width, blocked,
                        _beside(work, work.st.blocks[u.block].persons, u.gap))


def _room_beside_lines(work: Work, unions: list[Union], u: Union, need: float) -> float:
    """The width a gap needs so the dates of couple ``u`` stand clear of the lines of single
    parents passing through the same gap."""
    if not any(other.solo for other in unions):
        return need
    wide = need
    while wide < need + 4 * work.label(u.partnerships[-1])[1] + 200:
        if _dates_at(work, unions, u, (0.0, wide))[1]:
            return wide
        wide += 2.0
    return need


def _dates_centre(work: Work, gaps: list[list[float]], u: Union) -> float:
    """Where the dates of couple ``u`` stand: its gap's middle, or beside the line of a
    single parent passing through that gap."""
    unions = work.gap_table()[u.block].get(u.gap, [u])
    return _dates_at(work, unions, u, gap_range(work, gaps, u.block, u.gap))[0]


def _place_people(work: Work, gaps: list[list[float]], centres: list[float]) -> None:
    """Person x positions from block centres; rows sorted left to right."""
    by_row: dict[int, list[str]] = defaultdict(list)
    for block in work.st.blocks:
        total = sum(gaps[block.index], 0.0) + sum((work.widths[p] for p in block.persons), 0.0)
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
                centre = _dates_centre(work, gaps, u)
                half = width / 2
                spans[work.st.blocks[u.block].row].append((centre - half, centre + half))
    for row_spans in spans.values():
        row_spans.sort()
    row_centres = {r: sorted(work.centre[p] for p in ids) for r, ids in by_row.items()}
    work.router = Router(spans, max(by_row, default=0) + 1, centres=row_centres)


def _finish(work: Work, gaps: list[list[float]], relations: bool = True,
            consanguine: set[str] | None = None) -> GenogramLayout:
    """The family lines (and with ``relations`` the emotional ones) of the placed people,
    resolved to coordinates; ``consanguine``: :func:`consanguineous` of ``work`` if known."""
    router = work.router
    assert router is not None
    pending = Pending()
    if consanguine is None:
        consanguine = consanguineous(work)
    union_at: dict[str, tuple[float, YRef, float | None]] = {}
    tables = work.gap_table()
    for block in work.st.blocks:
        table = tables[block.index]
        n = len(block.persons)
        for k in sorted(table):  # the gaps that unions hang from, left to right
            unions = table[k]
            if not unions or not 0 <= k <= n:
                continue
            lo, hi = gap_range(work, gaps, block.index, k)
            xs = union_xs(lo, hi, len(unions))
            solo = any(u.solo for u in unions)
            for u, ux in zip(unions, xs, strict=True):
                dates = (lo, hi)
                if solo and not u.solo and u.partnerships:
                    centre = _dates_at(work, unions, u, (lo, hi))[0]
                    dates = (centre, centre)  # family_lines puts the dates at the middle
                union_at[u.key] = family_lines(work, u, ux, dates, pending, consanguine)
    reserve_tops(work)  # the child lines' ends spread over a top: emotional lines keep off
    router.apart = relations  # a layout drawn: bars keep drops off child lines
    for u in work.st.unions:
        if u.children:
            child_lines(work, u, union_at[u.key], pending)
    for i in work.st.cross_row:
        cross_row_partnership(work, i, pending)
    for i, rel in enumerate(work.case.relations if relations else ()):
        a, b = rel.between
        if a in work.person and b in work.person and a != b:
            add_relation(work, i, pending)
    return resolve_layout(work, pending)
