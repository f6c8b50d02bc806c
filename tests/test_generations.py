"""Generation numbers: partners share a row, children below parents, and a tree whose
partnerships loop back into its own line of descent still gets rows, in linear time."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from hypothesis import assume, given

from systeemkaart.generations import generations
from systeemkaart.model import Case
from tests.strategies import families


def _case(people: list[str], children: list[tuple[str, list[str]]],
          partners: list[tuple[str, str]]) -> Case:
    data: dict[str, Any] = {
        "case": {"id": "x"},
        "people": [{"id": p} for p in people],
        "children": [{"child": c, "parents": ps} for c, ps in children],
        "partnerships": [{"partners": list(ab)} for ab in partners],
    }
    return Case.model_validate(data)


def _relaxed(case: Case) -> dict[str, int] | None:
    """The rules applied until nothing changes (None when they never settle)."""
    gen = {p.id: 0 for p in case.people}
    links = [(par, c.child, 1) for c in case.children for par in c.parents]
    links += [(a, b, 0) for ps in case.partnerships for a, b in (ps.partners,
                                                                 ps.partners[::-1])]
    for _ in range(len(gen) + 2):
        changed = False
        for a, b, w in links:
            if gen[b] < gen[a] + w:
                gen[b] = gen[a] + w
                changed = True
        if not changed:
            return gen
    return None


def _skips(case: Case, gen: dict[str, int]) -> int:
    """Rows skipped by child lines, in total (a line to a child two rows down skips one)."""
    return sum(gen[link.child] - max(gen[p] for p in link.parents) - 1
               for link in case.children if link.parents)


@given(families(max_generations=5))
def test_the_same_rows_as_the_rules_applied_until_settled_where_nothing_skips(
        case: Case) -> None:
    expected = _relaxed(case)
    assume(expected is not None)
    assume(_skips(case, expected) == 0)
    assert generations(case) == expected


@given(families(max_generations=5))
def test_child_lines_skip_no_more_rows_than_with_the_rules_alone(case: Case) -> None:
    expected = _relaxed(case)
    assume(expected is not None)
    assert _skips(case, generations(case)) <= _skips(case, expected)


def test_a_family_that_married_in_stands_just_above_its_children() -> None:
    # Three generations of one line; the youngest marries a woman whose parents are the
    # only other people recorded on her side. Her parents stand just above her, not on
    # the top row.
    case = _case(["g", "p", "s", "w", "wf", "wm", "k"],
                 [("p", ["g"]), ("s", ["p"]), ("w", ["wf", "wm"]), ("k", ["s", "w"])],
                 [("s", "w"), ("wf", "wm")])
    gen = generations(case)
    assert gen == {"g": 0, "p": 1, "s": 2, "w": 2, "wf": 1, "wm": 1, "k": 3}
    assert _relaxed(case) == {**gen, "wf": 0, "wm": 0}


def test_a_line_with_other_children_keeps_its_row() -> None:
    # The wife's parents also have a daughter who stays single: they keep the top row, next
    # to that daughter, rather than leaving her line to skip a row.
    case = _case(["g", "p", "s", "w", "wf", "x", "k"],
                 [("p", ["g"]), ("s", ["p"]), ("w", ["wf"]), ("x", ["wf"]), ("k", ["s", "w"])],
                 [("s", "w")])
    gen = generations(case)
    assert gen["wf"] == 0 and gen["x"] == 1 and gen["w"] == 2


@given(families(max_generations=5))
def test_partners_share_a_row_and_children_stand_below(case: Case) -> None:
    gen = generations(case)
    for ps in case.partnerships:
        a, b = ps.partners
        assert gen[a] == gen[b]
    if _relaxed(case) is not None:
        for link in case.children:
            assert all(gen[link.child] > gen[p] for p in link.parents)
    assert min(gen.values(), default=0) == 0


def test_a_partnership_into_ones_own_line_of_descent_ends() -> None:
    # a -> b -> c -> d, and d partners a: no numbering meets every rule; the loop shares a
    # row, what hangs below it stands below.
    case = _case(["a", "b", "c", "d", "e", "top"],
                 [("b", ["a"]), ("c", ["b"]), ("d", ["c"]), ("e", ["d"]), ("a", ["top"])],
                 [("a", "d")])
    gen = generations(case)
    assert _relaxed(case) is None
    assert gen == {"top": 0, "a": 1, "b": 1, "c": 1, "d": 1, "e": 2}


def test_a_long_line_of_descent_needs_no_recursion() -> None:
    n = 20_000
    people = [f"p{i}" for i in range(n)]
    case = _case(people, [(people[i + 1], [people[i]]) for i in range(n - 1)],
                 [(people[-1], people[0])])
    gen = generations(case)
    assert set(gen.values()) == {0}
    ladder = _case(people, [(people[i + 1], [people[i]]) for i in range(n - 1)], [])
    assert generations(ladder)[people[-1]] == n - 1


def test_rows_do_not_depend_on_the_order_of_the_file() -> None:
    people = ["a", "b", "c", "d", "e"]
    children = [("c", ["a", "b"]), ("e", ["c", "d"])]
    partners = [("a", "b"), ("c", "d")]
    first = generations(_case(people, children, partners))
    second = generations(_case(people[::-1], children[::-1], partners[::-1]))
    assert first == second == {"a": 0, "b": 0, "c": 1, "d": 1, "e": 2}
    by_row: dict[int, list[str]] = defaultdict(list)
    for pid, row in first.items():
        by_row[row].append(pid)
    assert sorted(by_row) == [0, 1, 2]
