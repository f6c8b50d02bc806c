"""The last looks at a genogram whose family lines still cross, judged by the crossing
points a reader sees (then the crossing pairs of segments).

After Graphviz's order, blocks turned, siblings freed and our own sweeps (judged by
crossing pairs, a finer guide on the way), :func:`last_looks` tries in turn: stepchildren
moved to their best place (:mod:`.genogram_stepchild`); the order of a plain Graphviz
drawing, free and with partners held on one row (:mod:`.genogram_plain`), the latter also
with each two neighbours of a block it arranged swapped; on a small drawing, in each block
of partners whose lines cross, each two neighbours swapped, and (up to
:data:`ARRANGE_PEOPLE` people) every other order of its people that puts no stranger between
two partners (:func:`~.genogram_blocks.arrangements`, Graphviz ordering the rows anew; of
:data:`ARRANGE_MORE`, a few: see :func:`_arrangements_tried`), and the :data:`RUNNERS_UP`
that crossed least of those the other way round (one of each mirror pair is tried, and
Graphviz orders the rows otherwise for its mirror image); a
step-parent's line leaving on their other side (:func:`~.genogram_blocks.turn_solo_lines`);
and, on a small drawing, single blocks moved along their row
(:func:`~.genogram_search.improve_order`); last, up to :data:`RUNNERS_UP` other orders
of a block of partners with fewer single parents' lines through a couple's gap than the
order kept, each with single blocks moved for it (:func:`_near_arrangements`). Each is kept
only when fewer lines cross.

Single blocks are moved along their row and, where lines still cross on a small family,
every order of the rows concerned is searched at once with every subset of the flips (see
:mod:`.genogram_search`).

Cost: one layout for each of the first three looks; one per two neighbours swapped and
per order of a block of partners (14 at most for five people, and :data:`RUNNERS_UP`
more turned round); for the moves, one layout of the
family lines alone per move tried, at most :data:`LOCAL_BUDGET`, and only below
:data:`LOCAL_BLOCKS` blocks; for the search, at most :data:`SEARCH_BUDGET` layouts or
those the model ranks first (see :func:`~.genogram_search.search_orders`), only up to
:data:`SEARCH_BLOCKS` blocks; for the other orders of a block, at most :data:`NEAR_BUDGET`
layouts each (and as many again for each partner bracket's drop moved).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from functools import partial
from typing import Final, NamedTuple, Protocol

from ..model import Case
from .genogram_blocks import (
    Block,
    Structure,
    Union,
    arrange_block,
    arrangements,
    mirror_blocks,
    splits_partners,
    turn_solo_lines,
)
from .genogram_order import crossing_unions, family_score
from .genogram_places import GenogramLayout, Work
from .genogram_plain import one_row_order, partner_blocks, plain_order
from .genogram_search import improve_order, line_guide, search_orders
from .genogram_stepchild import stepchild_order
from .genogram_widen import line_crossings

__all__ = ["ARRANGE_MORE", "ARRANGE_ORDERS", "ARRANGE_PEOPLE", "LOCAL_BLOCKS", "LOCAL_BUDGET",
           "SEARCH_BLOCKS", "SEARCH_BUDGET", "Place", "Placed", "last_looks"]

LOCAL_BLOCKS: Final = 60
"""Up to this many blocks, single blocks are moved along their row (one layout a move)."""
LOCAL_BUDGET: Final = 40
"""Layouts at most that the moves of single blocks try."""

ARRANGE_PEOPLE: Final = 5
"""Blocks of partners up to this many people are tried in every order that keeps couples
together (14 orders at most, one layout each)."""
ARRANGE_MORE: Final = 6
"""Blocks of partners of more than :data:`ARRANGE_PEOPLE` and up to this many people are
tried so too where no more than :data:`ARRANGE_ORDERS` orders keep couples together (a
parent of three unions, one of the later partners with a partner of their own: 12 orders;
counting them takes 720 permutations, about 5 ms)."""
ARRANGE_ORDERS: Final = 14
"""Orders at most that a block of partners above :data:`ARRANGE_PEOPLE` people is tried in
(those with no more brackets, or those with no single parent's line through a couple's
gap where its own order has one)."""

SEARCH_BUDGET: Final = 256
"""Layouts at most for trying every order of the rows with crossing lines at once."""
SEARCH_BLOCKS: Final = 20
"""Up to this many blocks (a small family, about 2 ms a layout) that search is tried."""
RUNNERS_UP: Final = 2
"""Other orders of a block of partners tried again at most, with single blocks moved along
their rows, where lines still cross at the end: those with fewer single parents' lines
through a couple's gap than the order kept (see :func:`_near_arrangements`); and as many
of those that crossed least tried the other way round, right after them."""
NEAR_BUDGET: Final = 10
"""Layouts at most that the moves of single blocks try for each of those orders (and again
for each drop of a partner bracket moved)."""

Placed = tuple[GenogramLayout, Work, list[list[float]], list[float]]
"""A layout, its work state, gap widths and block centres."""


class Place(Protocol):
    """Lays the blocks out (in the rows ``order`` when given) with their family lines; the
    emotional lines are left out of every layout tried (only the layout kept is drawn with
    them), and ``relations`` False says so where only the family lines are wanted."""

    def __call__(self, free: Collection[str] = (), order: list[list[int]] | None = None,
                 relations: bool = True) -> Placed: ...


def last_looks(case: Case, placed: Place, start: Placed, score: tuple[int, int],
               drawn: Callable[[Placed], GenogramLayout] | None = None) -> Placed:
    """The layout with fewest crossing points among ``start`` (scored ``score`` by
    :func:`~.genogram_order.family_score`) and the last looks of the module docstring,
    with its work state, gap widths and block centres. ``drawn`` draws a layout tried with
    its emotional lines, where a look must see them (see :func:`_keeps_yardstick`)."""
    layout, work, gaps, centres = start
    st = work.st
    best = _points_first(score)

    last = best  # the score of the last layout judged

    def better(other: Placed, allowed: Callable[[], bool] | None = None) -> bool:
        nonlocal layout, work, gaps, centres, best, last
        fewer = last = _points_first(family_score(other[0]))
        if fewer < best and (allowed is None or allowed()):
            (layout, work, gaps, centres), best = other, fewer
            return True
        return False

    def evaluate(rows: list[list[int]]) -> tuple[int, int]:
        # the family lines alone: the emotional ones do not move them
        return _points_first(family_score(placed(order=rows, relations=False)[0]))

    moved = stepchild_order(work, gaps, centres)
    if moved is not None:  # children of several parent sets where drawn lines cross least
        better(placed(order=moved))
    if best[0]:  # the order of a plain Graphviz drawing
        order, turned = plain_order(case, st, work.widths, work.heights, centres)
        mirror_blocks(st, turned)
        if not better(placed(order=order)):
            mirror_blocks(st, turned)
    held = one_row_order(case, st, work.widths, work.heights, centres) if best[0] else None
    if held is not None:  # and of one with partners on one row, people inside blocks as there
        order, turned, arranged = held
        undo = [arrange_block(st, b, persons) for b, persons in arranged.items()]
        mirror_blocks(st, turned)
        kept = better(placed(order=order))
        for b in arranged if len(st.blocks) <= SEARCH_BLOCKS else ():  # neighbours swapped
            kept = _swaps(st, st.blocks[b], lambda: better(placed(order=order)),
                          lambda: bool(best[0])) or kept
        if not kept:
            mirror_blocks(st, turned)
            for back in reversed(undo):
                back()
    if best[0] and len(st.blocks) <= SEARCH_BLOCKS:  # two neighbours swapped, as they stand
        for block in partner_blocks(st, crossing_unions(layout)):
            _swaps(st, block, lambda: better(placed(order=_rows(st, centres))),
                   lambda: bool(best[0]))
    near: list[Near] = []
    if best[0] and len(st.blocks) <= SEARCH_BLOCKS:  # every other order of a block of partners
        groups = crossing_unions(layout, ancestors=True)
        for block in partner_blocks(st, crossing_unions(layout)):
            for persons in _arrangements_tried(st, block, work.above_dates):
                if not best[0]:
                    break
                back = arrange_block(st, block.index, persons)
                other = placed(groups)
                if not better(other):
                    near.append(Near(_through_couples(block), last, len(near),
                                     block.index, persons, other))
                    back()
        # the best of them the other way round: one of each mirror pair is tried, and
        # Graphviz orders the rows anew for a block turned (family 492 of 600 of
        # bench_stepfamilies: p1 p12 p2 p6 p7 crossed 5 times, p7 p6 p2 p12 p1 crosses 3)
        for x in sorted(near, key=lambda x: (x.score, x.seq))[:RUNNERS_UP]:
            if not best[0]:
                break
            back = arrange_block(st, x.block, x.persons[::-1])
            other = placed(groups)
            if better(other, partial(_keeps_yardstick, case, drawn, other)):
                break
            back()
    if best[0]:  # step-parents' lines from their other side
        groups = crossing_unions(layout)
        if turn_solo_lines(st, groups) and not better(placed(order=_rows(st, centres))):
            turn_solo_lines(st, groups)
    if best[0] and len(st.blocks) <= LOCAL_BLOCKS:  # single blocks moved along their row
        here = _rows(st, centres)
        movable = _crossing_blocks(st, layout)
        flips = _solo_flips(st, crossing_unions(layout)) + _block_flips(st, movable)
        found = improve_order(here, movable, evaluate(here), evaluate, LOCAL_BUDGET, flips)
        if found is not None and not better(placed(order=found.rows)):
            for k in reversed(found.flipped):
                flips[k]()
        if best[0] and len(st.blocks) <= SEARCH_BLOCKS:  # all at once, where few
            here = _rows(st, centres)
            movable = _crossing_blocks(st, layout)
            flips = _solo_flips(st, crossing_unions(layout)) + _block_flips(st, movable)
            found = search_orders(here, movable, evaluate(here), evaluate, SEARCH_BUDGET,
                                  flips, partial(line_guide, st))
            if found is not None and not better(placed(order=found.rows)):
                for k in reversed(found.flipped):
                    flips[k]()
    if best[0] and near:  # other orders of a block of partners, single blocks moved for them
        _near_arrangements(st, near, evaluate, better, placed)
    return layout, work, gaps, centres


def _keeps_yardstick(case: Case, drawn: Callable[[Placed], GenogramLayout] | None,
                     other: Placed) -> bool:
    """True when ``other``, drawn with its emotional lines, crosses no more than with each
    of them drawn straight between its symbols (or has none). A block of partners turned
    round may send them longer ways, and the orders' score leaves them out: three crowd
    bench families, 24 crossings against 34 straight, crossed 32 against 30 turned."""
    if not case.relations or drawn is None:
        return True
    shown = drawn(other)
    return line_crossings(shown, False) <= line_crossings(shown, True)


def _arrangements_tried(st: Structure, block: Block, shown: bool) -> list[list[str]]:
    """The other orders of ``block``'s people that the last looks lay out (see
    :func:`~.genogram_blocks.arrangements`): all of them up to :data:`ARRANGE_PEOPLE`
    people; up to :data:`ARRANGE_MORE` those with no more partner brackets than the order
    it has, where they are no more than :data:`ARRANGE_ORDERS`, on the drawing as it is
    shown (``shown``: single parents' lines that cross over in a gap drawn apart, see
    :attr:`~.genogram_places.Work.above_dates`); else, where a single parent's line of the
    block leaves through a couple's gap, those where none does (:func:`_through_couples`),
    where they are no more than :data:`ARRANGE_ORDERS`; none above :data:`ARRANGE_MORE`.
    On the drawing as searched (those lines at one height), the orders with no more
    brackets follow those where no line leaves through a couple's gap: judged so, the
    search may take another way than on the drawing as shown, and the order of fewest
    crossings can lie on either (family 191 of 600, 24 people: 6 crossings, as many as
    plain ``dot``, with the first alone; 5 with both). Families whose lines cross over
    are drawn as shown at the end and looked at again where more crossings show (see
    :func:`~.genogram.layout_genogram`).

    A parent's later partner with an earlier partner of their own may need to stand at the
    far end, beyond the parent's first partner (their own couple's children then hang
    apart from the half-siblings'): families 186 and 187 of
    ``bench/bench_stepfamilies.py``, six people in the block, cross 7 times in its own
    order and 5 in that one, where plain ``dot`` crosses 6. Judged while the orders are
    searched, where two such lines still run on top of each other and hide a crossing,
    more of them end in orders that look better there than drawn (families 60-64: three
    brackets, a couple's drop in line with a step-child's lines). A step-parent between
    two of their own partners crosses one of their partner lines on the way down, which no
    order of the blocks takes away; beside someone who is no partner of theirs (a partner's
    partner under a bracket) they need not: family 415 of 600, a block of six with 12
    orders, crosses 4 times in its own order and 2 with the step-parent beside the earlier
    partner of their third partner (plain ``dot`` 1, with their second partner a row
    higher)."""
    n = len(block.persons)
    if n <= ARRANGE_PEOPLE:
        return arrangements(block)
    if n > ARRANGE_MORE:
        return []
    orders = arrangements(block)
    most = _brackets(block, block.persons)
    fewer = [o for o in orders if _brackets(block, o) <= most]
    if shown and len(fewer) <= ARRANGE_ORDERS:
        return fewer
    clear = [o for o in orders if not _through_couples_as(st, block, o)] \
        if _through_couples(block) else []
    clear = clear if len(clear) <= ARRANGE_ORDERS else []
    if shown or len(fewer) > ARRANGE_ORDERS:
        return clear
    return clear + [o for o in fewer if o not in clear]


def _through_couples_as(st: Structure, block: Block, persons: list[str]) -> int:
    """:func:`_through_couples` of ``block`` with its people in the order ``persons`` (its
    unions' gaps given anew); the block is put back as it was."""
    back = arrange_block(st, block.index, persons)
    through = _through_couples(block)
    back()
    return through


def _brackets(block: Block, persons: list[str]) -> int:
    """The couples of ``block`` that are no neighbours with its people in the order
    ``persons``: each joined by a bracket above the row."""
    at = {pid: k for k, pid in enumerate(persons)}
    return sum(1 for u in block.unions if not u.solo
               and abs(at[u.members[0]] - at[u.members[1]]) > 1)


class Near(NamedTuple):
    """An order of a block of partners tried and not kept."""

    through: int
    """Single parents' lines through a couple's gap (see :func:`_through_couples`)."""
    score: tuple[int, int]
    """Crossing points, then pairs, as Graphviz ordered the rows for it."""
    seq: int
    block: int
    persons: list[str]
    placed: Placed


def _near_arrangements(st: Structure, near: list[Near],
                       evaluate: Callable[[list[list[int]]], tuple[int, int]],
                       better: Callable[[Placed], bool], placed: Place) -> None:
    """The orders of a block of partners in ``near`` with fewer single parents' lines
    through a couple's gap than the order that block has now, fewest first (then by their
    score), :data:`RUNNERS_UP` at most, each put in place again with single blocks moved
    along their rows (:func:`~.genogram_search.improve_order` from the order Graphviz gave
    them), then with each partner bracket's drop moved (:func:`_drop_flips`) and single
    blocks moved again from there; the first that ``better`` says crosses less is kept.

    Such a line must cross the couple's partner line on its way down, which no order of
    the rows takes away; Graphviz orders the rows anew for each order of a block's people,
    and there a block moved along its row may take away what crossed. So an order with
    fewer such lines can end below the one kept, which crossed least before the blocks
    moved (a step-parent at one end, beside a later partner, with the step-children's
    block moved beside the couple's: blended families of the bench)."""
    now = {b: _through_couples(st.blocks[b]) for b in {x.block for x in near}}
    tried = sorted(x for x in near if x.through < now[x.block])
    for x in tried[:RUNNERS_UP]:
        back = arrange_block(st, x.block, x.persons)
        layout, _, _, centres = x.placed
        here, movable = _rows(st, centres), _crossing_blocks(st, layout)
        found = improve_order(here, movable, x.score, evaluate, NEAR_BUDGET)
        if found is not None and better(placed(order=found.rows)):
            return
        rows, score = (found.rows, found.score) if found is not None else (here, x.score)
        for flip in _drop_flips(st.blocks[x.block]):  # and from there with a drop moved
            flip()
            found = improve_order(rows, movable, score, evaluate, NEAR_BUDGET)
            if found is not None and better(placed(order=found.rows)):
                return
            flip()
        back()


def _drop_flips(block: Block) -> list[Callable[[], None]]:
    """For each partner bracket of ``block`` whose span holds more than one gap between
    two people who are not partners, a flip that moves its drop from the gap it has to
    the leftmost such gap (and back when called again): where a bracket's drop stands
    sets the widths of the gaps, so where the lines below it run."""
    couples = {frozenset(u.members) for u in block.unions if not u.solo}

    def flip(u: Union, gaps: tuple[int, int]) -> None:
        u.gap = gaps[1] if u.gap == gaps[0] else gaps[0]

    out: list[Callable[[], None]] = []
    for u in block.unions:
        if u.solo:
            continue
        i, j = sorted(block.persons.index(m) for m in u.members)
        free = [k for k in range(i + 1, j + 1)
                if frozenset(block.persons[k - 1:k + 1]) not in couples]
        if len(free) > 1 and u.gap in free and u.gap != free[0]:
            out.append(partial(flip, u, (u.gap, free[0])))
    return out


def _through_couples(block: Block) -> int:
    """The single parents' lines of ``block`` that leave through the gap between two
    partners (each crosses their partner line on its way down)."""
    couples = {frozenset(u.members) for u in block.unions if not u.solo}
    return sum(1 for u in block.unions if u.solo and 0 < u.gap < len(block.persons)
               and frozenset(block.persons[u.gap - 1:u.gap + 1]) in couples)


def _swaps(st: Structure, block: Block, better: Callable[[], bool],
           crossing: Callable[[], bool]) -> bool:
    """Each two neighbours of ``block`` swapped in turn (its unions' gaps given anew; never
    so that a stranger stands between two partners, see
    :func:`~.genogram_blocks.splits_partners`), kept
    where ``better`` (lays the structure out and keeps it when fewer lines cross) says so,
    while ``crossing``; whether any was kept. One layout per pair of neighbours: where a
    step-parent stands between two of their own partner lines, swapping them with the
    partner on one side lets the step line leave between two people who are no couple (the
    bracket of an earlier partner then spans them both)."""
    kept = False
    for k in range(len(block.persons) - 1):
        if not crossing():
            break
        persons = list(block.persons)
        persons[k:k + 2] = persons[k + 1], persons[k]
        if splits_partners(block, persons):
            continue
        undo = arrange_block(st, block.index, persons)
        if better():
            kept = True
        else:
            undo()
    return kept


def _rows(st: Structure, centres: list[float]) -> list[list[int]]:
    """The blocks of each row (top row first) left to right as ``centres`` places them."""
    rows: dict[int, list[int]] = defaultdict(list)
    for block in st.blocks:
        rows[block.row].append(block.index)
    return [sorted(rows[r], key=centres.__getitem__) for r in sorted(rows)]


def _solo_flips(st: Structure, groups: set[str]) -> list[Callable[[], None]]:
    """For each single parent named in ``groups`` (as ``u:<id>``) standing between two
    people of their block, a flip that moves their line to the gap on their other side
    (and back when called again), one line at a time (see
    :func:`~.genogram_blocks.turn_solo_lines`, which moves them all at once)."""
    def flip(u: Union) -> None:
        i = st.position[u.members[0]]  # where they stand now (a block may have turned)
        u.gap = i + 1 if u.gap == i else i

    return [partial(flip, u) for u in st.unions
            if u.solo and "u:" + u.members[0] in groups
            and 0 < st.position[u.members[0]] < len(st.blocks[u.block].persons) - 1]


def _block_flips(st: Structure, blocks: Iterable[int]) -> list[Callable[[], None]]:
    """For each of ``blocks`` with two or more people, a flip that turns it round as in a
    mirror (and back when called again): people right to left, every union's line in the
    gap it had, counted from the other end, so partners stay side by side, twins together
    and a step-parent's line between the same two people."""

    def flip(block: Block) -> None:
        block.persons.reverse()
        n = len(block.persons)
        for k, pid in enumerate(block.persons):
            st.position[pid] = k
        for u in block.unions:
            u.gap = n - u.gap

    return [partial(flip, st.blocks[b]) for b in dict.fromkeys(blocks)
            if len(st.blocks[b].persons) > 1]


def _crossing_blocks(st: Structure, layout: GenogramLayout) -> list[int]:
    """The blocks of the members and children of every union with a line that crosses
    another union's line."""
    groups = crossing_unions(layout)
    out: list[int] = []
    for u in st.unions:
        if "u:" + "|".join(sorted(u.members)) in groups:
            out.append(u.block)
            out.extend(st.block_of[child] for child, _, _ in u.children)
    return out


def _points_first(score: tuple[int, int]) -> tuple[int, int]:
    """Crossing pairs and points (as :func:`~.genogram_order.family_score` gives them)
    turned round: points first."""
    return score[1], score[0]
