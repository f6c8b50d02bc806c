"""Genogram structure before geometry: rows, unions (where children hang) and partner blocks.

A *union* is what children hang from: a couple (a partnership, or two parents named
together without one) or a single parent. A *block* is a group of people on one row joined
by unions of two: a couple, or a person with successive partners. Graphviz places whole
blocks, so partners can never be split by a stranger; inside a block the order is ours:
partners in date order beside the person they share, the man left in a heterosexual couple,
unless that puts someone between two partners who is a partner of neither (a partner with
an earlier partner of their own then stands at an end of the row of partners).
Each union gets a *gap* of the block (the space between two people, or at either end) from
which its children drop.

Everything here is linear in the size of the case, apart from sorting.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ..generations import generations
from ..model import Case, Partnership, Person
from .genogram_rank import balanced_rows

__all__ = ["Block", "Structure", "Union", "arrange_block", "arrangements", "build_structure",
           "mirror_blocks", "splits_partners", "turn_solo_lines"]


@dataclass(slots=True)
class Union:
    """Children hang from here: two partners, or one parent alone.

    ``partnerships`` are indexes into ``case.partnerships`` for this pair (usually one);
    ``children`` holds ``(child id, link kind, index into case.children)`` in birth order.
    ``implied`` marks two parents named together without any partnership in the file.
    """

    key: str
    members: tuple[str, ...]
    partnerships: list[int] = field(default_factory=list)
    children: list[tuple[str, str, int]] = field(default_factory=list)
    implied: bool = False
    block: int = -1
    gap: int = -1
    span_level: int = -1

    @property
    def solo(self) -> bool:
        """True for a single parent."""
        return len(self.members) == 1


@dataclass(slots=True)
class Block:
    """People of one row kept side by side, left to right, with the unions between them."""

    index: int
    row: int
    persons: list[str]
    unions: list[Union] = field(default_factory=list)

    def gap_unions(self, gap: int) -> list[Union]:
        """The unions that hang from gap ``gap`` (0 = left end, ``len(persons)`` = right end)."""
        return [u for u in self.unions if u.gap == gap]


@dataclass
class Structure:
    """Rows, unions and blocks of a case, plus lookups the layout needs."""

    rows: dict[str, int]
    unions: list[Union]
    blocks: list[Block]
    block_of: dict[str, int]
    position: dict[str, int]
    cross_row: list[int]
    """Partnerships whose partners ended up on different rows (drawn as routed lines)."""


def _date_key(case: Case, index: int) -> tuple[int, str, int]:
    ps = case.partnerships[index]
    when = ps.start or ps.end
    return (0, str(when), index) if when is not None else (1, "", index)


def _birth_key(person: dict[str, Person], pid: str,
               order: dict[str, int]) -> tuple[int, str, int]:
    born = person[pid].born if pid in person else None
    return (0, str(born), order.get(pid, 0)) if born is not None else (1, "", order.get(pid, 0))


def _with_coparents(case: Case) -> Case:
    """The case plus a partnership for every two parents named together without one, so
    that co-parents share a row (a donor, an unknown father)."""
    pairs = {frozenset(ps.partners) for ps in case.partnerships}
    extra: list[Partnership] = []
    for link in case.children:
        parents = list(dict.fromkeys(link.parents))
        if len(parents) == 2 and frozenset(parents) not in pairs:
            pairs.add(frozenset(parents))
            extra.append(Partnership(partners=parents))
    if not extra:
        return case
    return case.model_copy(update={"partnerships": [*case.partnerships, *extra]})


def build_structure(case: Case) -> Structure:
    """Rows (generations), unions and blocks for ``case``.

    People without any family link go to the row of the (first) index person, else row 0.
    """
    order = {p.id: i for i, p in enumerate(case.people)}
    person = {p.id: p for p in case.people}
    full = _with_coparents(case)
    rows = balanced_rows(full, generations(full))
    linked: set[str] = set()
    for ps in case.partnerships:
        linked.update(ps.partners)
    for link in case.children:
        linked.update(link.parents)
        linked.add(link.child)
    home = next((rows[i] for i in case.case.index if i in rows), 0)
    for p in case.people:
        if p.id not in linked:
            rows[p.id] = home

    unions: list[Union] = []
    by_pair: dict[tuple[str, ...], Union] = {}
    cross_row: list[int] = []
    for i, ps in enumerate(case.partnerships):
        a, b = ps.partners
        if a not in person or b not in person or a == b:
            continue
        if rows[a] != rows[b]:
            cross_row.append(i)
            continue
        pair = tuple(sorted((a, b)))
        if pair in by_pair:
            by_pair[pair].partnerships.append(i)
            continue
        u = Union(f"u{len(unions)}", pair, [i])
        by_pair[pair] = u
        unions.append(u)
    for i, link in enumerate(case.children):
        if link.child not in person:
            continue
        parents = [p for p in dict.fromkeys(link.parents) if p in person and p != link.child]
        groups: list[tuple[str, ...]]
        if len(parents) == 2 and rows[parents[0]] == rows[parents[1]]:
            groups = [tuple(sorted(parents))]
        else:
            groups = [(p,) for p in parents]
        for pair in groups:
            found = by_pair.get(pair)
            if found is None:
                found = Union(f"u{len(unions)}", pair, implied=len(pair) == 2)
                by_pair[pair] = found
                unions.append(found)
            if not found.children or all(c != link.child for c, _, _ in found.children):
                found.children.append((link.child, link.kind, i))
    for u in unions:
        if len(u.children) > 1:
            u.children.sort(key=lambda c: (*_birth_key(person, c[0], order), c[2]))
            _group_twins(u, person)

    blocks = _blocks(case, rows, unions, order, person, _twin_sets(unions, person, rows))
    block_of = {pid: block.index for block in blocks for pid in block.persons}
    position = {pid: k for block in blocks for k, pid in enumerate(block.persons)}
    for u in unions:
        u.block = block_of[u.members[0]]
        blocks[u.block].unions.append(u)
    for block in blocks:
        _assign_gaps(block, position)
    return Structure(rows, unions, blocks, block_of, position, cross_row)


def _group_twins(u: Union, person: dict[str, Person]) -> None:
    """Keep twins next to each other in the birth order of their siblings."""
    ids = [c[0] for c in u.children]
    if all(person[c].twin_of is None for c in ids):
        return  # nobody to move
    present = set(ids)
    placed: list[tuple[str, str, int]] = []
    done: set[str] = set()
    by_id = {c[0]: c for c in u.children}
    for cid in ids:
        if cid in done:
            continue
        placed.append(by_id[cid])
        done.add(cid)
        twin = person[cid].twin_of
        partners = [t for t in ids if t not in done and (t == twin or person[t].twin_of == cid)]
        for t in partners:
            if t in present:
                placed.append(by_id[t])
                done.add(t)
    u.children[:] = placed


def _twin_sets(unions: list[Union], person: dict[str, Person],
               rows: dict[str, int]) -> list[list[str]]:
    """Twins (linked by ``twin_of``) among the children of one union and on one row, each
    group in birth order: they must stand side by side whatever their partners."""
    out: list[list[str]] = []
    for u in unions:
        ids = [c for c, _, _ in u.children]
        if len(ids) < 2 or all(person[c].twin_of is None for c in ids):
            continue
        present = set(ids)
        seen: set[str] = set()
        for c in ids:  # u.children is already grouped by _group_twins
            if c in seen:
                continue
            group = [c]
            seen.add(c)
            for d in ids:
                if d not in seen and any(person[d].twin_of == g or person[g].twin_of == d
                                         for g in group):
                    group.append(d)
                    seen.add(d)
            group = [g for g in group if g in present and rows[g] == rows[c]]
            if len(group) > 1:
                out.append(group)
    return out


def _join_twins(lines: list[list[str]], twins: list[list[str]]) -> list[list[str]]:
    """Merge the blocks of twins into one, twins adjacent and their partners outside.

    The first twin's block is turned so that the twin stands at its right end, the next
    twin's so that they stand at its left end (a middle triplet must stand alone). A twin
    with partners on both sides is moved to the end of their block first (a later partner
    is then joined by a bracket above the row).
    """
    where = {pid: k for k, line in enumerate(lines) for pid in line}
    merged: dict[int, list[str]] = {}
    alias: dict[int, int] = {}

    def to_end(line: list[str], pid: str, right: bool) -> list[str]:
        if line[0] == pid or line[-1] == pid:
            return line
        rest = [p for p in line if p != pid]
        return [*rest, pid] if right else [pid, *rest]

    def root(k: int) -> int:
        while k in alias:
            k = alias[k]
        return k

    for group in twins:
        ks = [root(where[t]) for t in group]
        if len(set(ks)) != len(ks):
            continue
        line = to_end(list(merged.get(ks[0], lines[ks[0]])), group[0], True)
        if line[-1] != group[0]:
            if line[0] != group[0]:
                continue
            line.reverse()
        ok = True
        for m, (t, k) in enumerate(zip(group[1:], ks[1:], strict=True)):
            part = to_end(list(merged.get(k, lines[k])), t, False)
            last = m == len(group) - 2
            if part[0] != t:
                part.reverse()
            if part[0] != t or (not last and len(part) > 1):
                ok = False
                break
            line += part
        if not ok:
            continue
        merged[ks[0]] = line
        for k in ks[1:]:
            alias[k] = ks[0]
            merged.pop(k, None)
    return [merged.get(k, line) for k, line in enumerate(lines) if k not in alias]


def _blocks(case: Case, rows: dict[str, int], unions: list[Union],
            order: dict[str, int], person: dict[str, Person],
            twins: list[list[str]]) -> list[Block]:
    """Connected groups of people joined by two-person unions, each ordered left to right;
    twins' groups are joined into one block (see :func:`_join_twins`)."""
    adj: dict[str, list[tuple[str, Union]]] = defaultdict(list)
    for u in unions:
        if len(u.members) == 2:
            a, b = u.members
            adj[a].append((b, u))
            adj[b].append((a, u))
    seen: set[str] = set()
    lines: list[list[str]] = []
    for p in case.people:
        if p.id in seen:
            continue
        comp: list[str] = []
        stack = [p.id]
        seen.add(p.id)
        while stack:
            cur = stack.pop()
            comp.append(cur)
            for other, _ in adj[cur]:
                if other not in seen:
                    seen.add(other)
                    stack.append(other)
        comp.sort(key=order.__getitem__)
        lines.append(_order_block(case, comp, adj, order, person))
    if twins:
        lines = _join_twins(lines, twins)
    return [Block(k, rows[line[0]], line) for k, line in enumerate(lines)]


def _union_key(case: Case, u: Union) -> tuple[int, str, int]:
    if u.partnerships:
        return _date_key(case, u.partnerships[0])
    return (2, "", int(u.key[1:]))


def _couple(a: str, b: str, order: dict[str, int], person: dict[str, Person]) -> list[str]:
    """Two partners left to right: the man left in a man-woman couple, else the elder."""
    sa, sb = person[a].sex, person[b].sex
    if {sa, sb} == {"male", "female"}:
        return [a, b] if sa == "male" else [b, a]
    ka = _birth_key(person, a, order)
    kb = _birth_key(person, b, order)
    return [a, b] if ka <= kb else [b, a]


def _order_block(case: Case, comp: list[str], adj: dict[str, list[tuple[str, Union]]],
                 order: dict[str, int], person: dict[str, Person]) -> list[str]:
    """Left-to-right order inside a block (see the module docstring)."""
    if len(comp) == 1:
        return comp
    if len(comp) == 2:
        return _couple(comp[0], comp[1], order, person)
    members = set(comp)
    degree = {pid: len({o for o, _ in adj[pid] if o in members}) for pid in comp}
    edges = sum(degree.values()) // 2
    if max(degree.values()) <= 2 and edges == len(comp) - 1:
        ends = [pid for pid in comp if degree[pid] == 1]
        path = [ends[0]]
        prev = ""
        while len(path) < len(comp):
            cur = path[-1]
            nxt = sorted({o for o, _ in adj[cur] if o != prev and o in members},
                         key=order.__getitem__)[0]
            prev = cur
            path.append(nxt)
        first = next(u for o, u in adj[path[0]] if o == path[1])
        last = next(u for o, u in adj[path[-1]] if o == path[-2])
        if _union_key(case, last) < _union_key(case, first):
            path.reverse()
        return path
    hub = max(comp, key=lambda pid: (degree[pid], -order[pid]))
    partners: dict[str, Union] = {}
    for o, u in adj[hub]:
        if o not in partners or _union_key(case, u) < _union_key(case, partners[o]):
            partners[o] = u
    ranked = sorted(partners, key=lambda o: _union_key(case, partners[o]))
    dated = _fill([ranked[0], hub, *ranked[1:]], hub, adj, order, members)
    if not _stranger_between(dated, adj):
        return dated
    # a partner of the hub with partners of their own stands beside them: at an end of
    # the hub's partners, or they would stand between the hub and a later partner; one
    # of the later partners (the latest first) goes to the hub's left, the rest keep their
    # dates on the right with those who have partners of their own last (of the blended
    # families of bench_stepfamilies.py none crosses more than with the date order)
    for left in ranked[:0:-1]:
        right = sorted((o for o in ranked if o != left),
                       key=lambda o: (degree[o] > 1, _union_key(case, partners[o])))
        line = _fill([left, hub, *right], hub, adj, order, members)
        if not _stranger_between(line, adj):
            return line
    return dated


def _fill(line: list[str], hub: str, adj: dict[str, list[tuple[str, Union]]],
          order: dict[str, int], members: set[str]) -> list[str]:
    """``line`` (the hub and their partners) with every other person of the block put
    beside the partner who reaches them first: outside that partner, away from the hub."""
    placed = set(line)
    queue = list(line)
    while queue:
        cur = queue.pop(0)
        for o, _ in sorted(adj[cur], key=lambda t: order[t[0]]):
            if o in placed or o not in members:
                continue
            at = line.index(cur)
            if at >= line.index(hub):
                line.insert(at + 1, o)
            else:
                line.insert(at, o)
            placed.add(o)
            queue.append(o)
    return line


def _stranger_between(line: list[str], adj: dict[str, list[tuple[str, Union]]]) -> bool:
    """:func:`splits_partners` of ``line`` before the block exists (its partners taken
    from ``adj``)."""
    return _splits(line, {pid: {o for o, _ in adj[pid]} for pid in line})


def _splits(persons: list[str], partners: Mapping[str, set[str]]) -> bool:
    """True when someone in ``persons`` stands between two partners (``partners``: each
    person's partners) and is a partner of neither."""
    at = {pid: k for k, pid in enumerate(persons)}
    for a in persons:
        for b in partners.get(a, ()):
            if b in at and at[a] < at[b] and any(
                    p not in partners[a] and p not in partners[b]
                    for p in persons[at[a] + 1:at[b]]):
                return True
    return False


def _assign_gaps(block: Block, position: dict[str, int]) -> None:
    """Give each union of the block its gap, and a lane level to partnerships that span."""
    n = len(block.persons)
    spans: list[tuple[int, int, Union]] = []
    couples = {frozenset(u.members) for u in block.unions if len(u.members) == 2}
    at: dict[str, list[float]] = defaultdict(list)  # child -> where their couples stand
    for u in block.unions:
        if not u.solo:
            for child, _, _ in u.children:
                at[child].append((position[u.members[0]] + position[u.members[1]]) / 2)
    for u in block.unions:
        if u.solo:
            i = position[u.members[0]]
            u.gap = n if i == n - 1 else 0 if i == 0 else i + 1
            # a step parent standing between partners: the line to a child of one of
            # the block's couples leaves on that couple's side, not round the others'
            pull = [x for child, _, _ in u.children for x in at.get(child, ())]
            if pull and 0 < i < n - 1:
                u.gap = i if sum(pull) / len(pull) < i else i + 1
            # the gap of one of their own partner lines is crossed on the way down: the
            # line leaves on the other side where no partner line of theirs hangs there
            own = [k for k in (i, i + 1) if 0 < k < n
                   and frozenset(block.persons[k - 1:k + 1]) in couples]
            if len(own) == 1 and u.gap == own[0] and 0 < i < n - 1:
                u.gap = 2 * i + 1 - u.gap
            continue
        i, j = position[u.members[0]], position[u.members[1]]
        if j < i:
            i, j = j, i
        u.gap = j
        if j > i + 1:
            spans.append((j - i, i, u))
            # the drop from a bracket above the row must not cut a partner line in the
            # row: the rightmost gap it spans between two people who are not partners
            u.gap = next((k for k in range(j, i, -1)
                          if frozenset(block.persons[k - 1:k + 1]) not in couples), j)
    levels: list[list[tuple[int, int]]] = []  # the outer bracket first: its legs outside
    for length, i, u in sorted(spans, key=lambda t: (-t[0], t[1])):
        j = i + length
        level = 0
        while level < len(levels) and any(not (j <= a or b <= i) for a, b in levels[level]):
            level += 1
        if level == len(levels):
            levels.append([])
        levels[level].append((i, j))
        u.span_level = level


def mirror_blocks(structure: Structure, indices: list[int]) -> None:
    """Turn blocks ``indices`` of ``structure`` round (people right to left), with new gaps
    for their unions: partners stay side by side and twins together."""
    for b in indices:
        block = structure.blocks[b]
        block.persons.reverse()
        for k, pid in enumerate(block.persons):
            structure.position[pid] = k
        for u in block.unions:
            u.gap = u.span_level = -1
        _assign_gaps(block, structure.position)


def splits_partners(block: Block, persons: list[str]) -> bool:
    """True when, with the people of ``block`` in the order ``persons``, someone stands
    between two partners who is a partner of neither of them (a stranger between a couple,
    which a genogram never draws; a person's other partner under a bracket is no stranger)."""
    partners: dict[str, set[str]] = defaultdict(set)
    for u in block.unions:
        if not u.solo:
            a, b = u.members
            partners[a].add(b)
            partners[b].add(a)
    return _splits(persons, partners)


def arrangements(block: Block) -> list[list[str]]:
    """Every order of the people of ``block`` that puts no stranger between two partners
    (see :func:`splits_partners`), one of each two that are each other's mirror image,
    other than the block's own order and its mirror image: where else a person's partners
    may stand (an earlier partner beyond a later one, joined by a bracket). Factorial in
    the block's size: for small blocks only (5 people: 120 orders, 14 kept at most)."""
    now = (tuple(block.persons), tuple(reversed(block.persons)))
    return [list(order) for order in itertools.permutations(block.persons)
            if order < order[::-1] and order not in now
            and not splits_partners(block, list(order))]


def arrange_block(structure: Structure, index: int, persons: list[str]) -> Callable[[], None]:
    """Put the people of block ``index`` in the order ``persons`` (the same people), with
    new gaps for its unions (a partner who is no longer a neighbour is joined by a bracket
    above the row), and return what puts the block back exactly as it was."""
    block = structure.blocks[index]
    was = list(block.persons)
    gaps = [(u, u.gap, u.span_level) for u in block.unions]
    block.persons[:] = persons
    for k, pid in enumerate(persons):
        structure.position[pid] = k
    for u in block.unions:
        u.gap = u.span_level = -1
    _assign_gaps(block, structure.position)

    def undo() -> None:
        block.persons[:] = was
        for k, pid in enumerate(was):
            structure.position[pid] = k
        for u, gap, level in gaps:
            u.gap, u.span_level = gap, level

    return undo


def turn_solo_lines(structure: Structure, groups: set[str]) -> list[Union]:
    """Move the line of each single parent named in ``groups`` (as ``u:<id>``) who stands
    between two people of their block to the gap on the other side of them, and return
    the unions moved (calling this again with the same groups moves them back).

    A step-parent's line leaves on the side of the couple whose child it goes to (see
    :func:`_assign_gaps`); where that side is the gap of their own partner line, the line
    must cross that partner line on its way down, and the other side may cross less."""
    moved: list[Union] = []
    for u in structure.unions:
        if not u.solo or "u:" + u.members[0] not in groups:
            continue
        i = structure.position[u.members[0]]
        if 0 < i < len(structure.blocks[u.block].persons) - 1:
            u.gap = i + 1 if u.gap == i else i
            moved.append(u)
    return moved
