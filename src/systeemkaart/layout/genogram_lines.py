"""Genogram family lines: partner lines, the drop from each union, sibling bars, one line per
child, twins from one point, and partnerships across rows.

Lines are built with symbolic y values (see :mod:`.genogram_route`); lanes get their
heights once every line is known.
"""

from __future__ import annotations

import itertools
from collections import defaultdict

from .genogram_blocks import Union
from .genogram_dot import waypoint
from .genogram_gaps import ABOVE_DATES, crossed_over
from .genogram_places import (
    LINE_LABEL_SIZE,
    MID,
    PARTNER_DROP,
    PARTNER_STEP,
    SYMBOL,
    SYMBOL_TOP,
    ChildPlace,
    PartnershipPlace,
    Pending,
    Work,
    bottom_depth,
    cx,
    partnership_ended,
    row_ref,
    top_depth,
)
from .genogram_relations import relation_path
from .genogram_route import FAMILY_HALF, RefPoint, YRef

__all__ = ["child_lines", "consanguineous", "cross_row_partnership", "crossing_over_dates",
           "family_lines", "partner_drops", "twin_groups"]


def family_lines(work: Work, u: Union, ux: float, gap: tuple[float, float],
                  pending: Pending, consanguine: set[str]) -> tuple[float, YRef, float | None]:
    """The partner line of a union (if any); returns its union point and the side x where a
    single parent's line starts."""
    block = work.st.blocks[u.block]
    row = block.row
    pos = work.st.position
    if u.solo:
        pid = u.members[0]
        i = pos[pid]
        outer = u.gap in (0, len(block.persons))
        dy = 0.0 if outer else SYMBOL * 0.3
        if not outer and work.above_dates:
            unions = work.gap_unions(u.block, u.gap)
            if crossed_over(unions, pos):
                dy = ABOVE_DATES[0 if u.gap > i else 1]
        y = row_ref(row, MID + dy)
        sign = 1.0 if u.gap > i else -1.0
        side = cx(work, pid) + sign * SYMBOL / 2
        work.side_lines[f"{pid}{sign}"].append(dy)
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
            y = row_ref(row, SYMBOL_TOP + SYMBOL + PARTNER_DROP + PARTNER_STEP * n_line)
            xl = _port_x(work, left, 1)
            xr = _port_x(work, right, -1)
            points: list[RefPoint] = [_bottom(work, left, xl), (xl, y), (xr, y),
                                      _bottom(work, right, xr)]
            anchor: RefPoint = (ux, y)
            top = row_ref(row, SYMBOL_TOP + SYMBOL + PARTNER_DROP)  # years above every line
            text_at: RefPoint | None = ((gap[0] + gap[1]) / 2, top) if texts else None
        else:
            router = work.router
            assert router is not None
            lane = router.lane(row, cx(work, left), cx(work, right), 2)
            reach = SYMBOL * min(0.25 + 0.09 * u.span_level, 0.45)  # nested brackets apart
            xl = cx(work, left) + reach
            xr = cx(work, right) - reach
            # the bracket leaves the tops at ports: emotional lines keep clear of them
            work.top_ports[left][reach] = FAMILY_HALF
            work.top_ports[right][-reach] = FAMILY_HALF
            points = [(xl, row_ref(row, SYMBOL_TOP)), (xl, lane), (xr, lane),
                      (xr, row_ref(row, SYMBOL_TOP))]
            anchor = (ux, lane)
            text_at = ((xl + xr) / 2, lane) if texts else None
        lines = [(t, LINE_LABEL_SIZE) for t in texts]
        pending.partner.append((place, points, anchor, lines, text_at))
    return ux, pending.partner[-1][2][1], None


def crossing_over_dates(work: Work) -> bool:
    """True when single parents' lines cross over in a gap of a block between two people
    (see :func:`~.genogram_gaps.crossed_over`): the gaps whose lines leave above a couple's
    dates, each at its own height, with :attr:`Work.above_dates` (whatever the dates: at
    one height the two lines would run on top of each other and hide where they cross)."""
    tables = work.gap_table()
    position = work.st.position
    return any(0 < k < len(block.persons) and crossed_over(unions, position)
               for block in work.st.blocks for k, unions in tables[block.index].items())


def partner_drops(work: Work) -> None:
    """Note, per person, how far below the symbol their partner lines run and on which
    sides they hang (:attr:`Work.drops`, :attr:`Work.line_sides`): the name goes below the
    lowest line, and a person with partners on both sides gets one line per side."""
    pos = work.st.position
    for u in work.st.unions:
        if u.solo:
            continue
        left, right = sorted(u.members, key=lambda m: pos[m])
        if pos[right] > pos[left] + 1:
            continue  # a bracket above the row
        depth = PARTNER_DROP + PARTNER_STEP * (max(len(u.partnerships), 1) - 1)
        for pid, side in ((left, 1), (right, -1)):
            work.drops[pid] = max(work.drops.get(pid, 0.0), depth)
            work.line_sides.setdefault(pid, set()).add(side)


def _port_x(work: Work, pid: str, side: int) -> float:
    """Where the partner line on ``side`` leaves the bottom of ``pid``'s symbol: the centre,
    or off it towards the partner when lines hang on both sides (two brackets, not one line
    running on through the person)."""
    both = len(work.line_sides.get(pid, ())) > 1
    return cx(work, pid) + (side * SYMBOL * 0.3 if both else 0.0)


def _bottom(work: Work, pid: str, x: float) -> RefPoint:
    """The point of ``pid``'s outline straight above ``x`` on its bottom."""
    depth = bottom_depth(work.person[pid], x - cx(work, pid))
    return (x, row_ref(work.st.rows[pid], SYMBOL_TOP + depth))


def child_lines(work: Work, u: Union, at: tuple[float, YRef, float | None],
                 pending: Pending) -> None:
    """Drop, sibling bar and one line per child of union ``u``; twins from one point."""
    router = work.router
    assert router is not None
    ux, uy, side = at
    row = work.st.blocks[u.block].row
    router.occupy(row, ux)
    rows = work.st.rows
    centre = work.centre
    twin_x: dict[str, float] = {}
    groups = twin_groups(work, u)
    below = row + 1
    for group in groups:
        if len(group) > 1 and all(rows[c] == below for c in group):
            order = sorted(work.row_order[c] for c in group)
            if order[-1] - order[0] == len(group) - 1:  # twins standing side by side
                tx = round(sum(centre[c] for c in group) / len(group), 1)
                for c in group:
                    twin_x[c] = tx
    kids = [c for c, _, _ in u.children if rows[c] == below]
    xs = [ux] + [twin_x.get(c, centre[c]) for c in kids]
    bar = router.lane(below, min(xs), max(xs), 0, ups=xs[:1],
                      downs=[centre[c] for c in kids if c not in twin_x],
                      slants=[(twin_x[c], centre[c]) for c in kids if c in twin_x],
                      stays=[centre[c] for c in kids
                             if c not in twin_x and c not in work.spread_ends])
    start: list[RefPoint] = [(side, uy)] if side is not None else []
    start += [(ux, uy), (ux, bar)]
    for child, kind, link in u.children:
        crow = rows[child]
        child_x = centre[child]
        top: YRef = ("row", crow, SYMBOL_TOP + top_depth(work.person[child]))
        if crow == below:
            path = [*start, (twin_x.get(child, child_x), bar), (child_x, top)]
        elif crow > below:
            via = {r: work.waypoints[w] for r in range(below, crow)
                   if (w := waypoint(u.key, link, r)) in work.waypoints}
            path = [*start, *router.through(ux, below, crow, child_x, 1, bar, via)[1:],
                    (child_x, top)]
        else:
            path = [*start, *relation_path(work, u.members[0], child)]
        place = ChildPlace(link, u.members, child, kind, [], child in twin_x)
        pending.child.append((place, path))
    for group in groups:
        if len(group) < 2 or group[0] not in twin_x:
            continue
        for a, b in itertools.pairwise(group):
            if work.person[a].identical or work.person[b].identical:
                tx = twin_x[a]
                ya = row_ref(row + 1, SYMBOL_TOP + top_depth(work.person[a]))
                yb = row_ref(row + 1, SYMBOL_TOP + top_depth(work.person[b]))
                pa: list[RefPoint] = [(tx, bar), (cx(work, a), ya)]
                pb: list[RefPoint] = [(tx, bar), (cx(work, b), yb)]
                pending.twin.append(((a, b), pa, pb))


def twin_groups(work: Work, u: Union) -> list[list[str]]:
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


def cross_row_partnership(work: Work, index: int, pending: Pending) -> None:
    """A partnership whose partners stand on different rows: routed like a relation."""
    a, b = work.case.partnerships[index].partners
    place = PartnershipPlace(index, (a, b), work.case.partnerships[index].kind,
                             partnership_ended(work.case, index, work.options.at), [], (0, 0),
                             [], [], None)
    path = relation_path(work, a, b)
    pending.partner.append((place, path, path[len(path) // 2], [], None))



def consanguineous(work: Work) -> set[str]:
    """Keys of two-person unions whose partners share an ancestor (or descend one from the
    other). Ancestor sets are memoised as bit sets (one bit per person, a Python int), so
    merging a parent's ancestors is one machine-level OR: O(people x parents) operations on
    ints of people/64 words, even in trees of eighty generations."""
    bit = {pid: 1 << i for i, pid in enumerate(work.person)}
    parents: dict[str, list[str]] = defaultdict(list)
    for link in work.case.children:
        if link.kind in {"biological", "adopted"}:
            parents[link.child].extend(p for p in link.parents if p in work.person)
    memo: dict[str, int] = {}

    def ancestors(pid: str) -> int:
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
            acc = 0
            for p in parents.get(cur, []):
                acc |= bit[p] | memo.get(p, 0)
            memo[cur] = acc
            stack.pop()
        return memo[pid]

    out: set[str] = set()
    for u in work.st.unions:
        if len(u.members) == 2 and u.partnerships:
            a, b = u.members
            aa, ab = ancestors(a), ancestors(b)
            if aa & ab or bit.get(a, 0) & ab or bit.get(b, 0) & aa:
                out.add(u.key)
    return out
