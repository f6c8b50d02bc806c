"""Properties of the analyses on generated cases: brute-force counts, cover, stability."""

from __future__ import annotations

from itertools import combinations

from hypothesis import assume, given
from hypothesis import strategies as st

from systeemkaart.analysis import Analysis, analyse, analyse_core_group, analyse_helpers
from systeemkaart.dates import PartialDate
from systeemkaart.model import (
    Case,
    Involvement,
    Organisation,
    Professional,
    Supporter,
    case_at,
)

from ..strategies import cases

CASES = cases(max_agents=14, max_generations=3)


def _kinds(case: Case) -> dict[str, str]:
    return case.agent_types()


def _active(case: Case, when: PartialDate) -> list[Involvement]:
    """Brute force on the case as it stood at ``when`` (agents and targets that existed)."""
    return [inv for inv in case_at(case, when).involvements if inv.active_at(when)]


@given(CASES)
def test_counts_equal_brute_force(case: Case) -> None:
    when = case.as_of()
    kinds = _kinds(case)
    active = _active(case, when)
    pros = {inv.agent for inv in active if kinds[inv.agent] != "supporter"}
    employer = case.employer()
    orgs = {employer.get(a, a) for a in pros if kinds[a] in ("professional", "organisation")}
    informal = {inv.agent for inv in active if kinds[inv.agent] == "supporter"}
    informal |= {s.id for s in case_at(case, when).network if s.supports}
    r = analyse_helpers(case)
    assert r.professionals == len(pros) == len(r.agents)
    assert set(r.agents) == pros
    assert r.organisations == len(orgs)
    assert r.informal == len(informal)
    assert sum(r.by_kind.values()) == r.professionals
    for pid, load in r.per_person.items():
        around = {inv.agent for inv in active if pid in inv.targets and inv.agent in pros}
        assert load.professionals == len(around)


@given(CASES)
def test_history_equals_month_by_month_count(case: Case) -> None:
    r = analyse_helpers(case)
    kinds = _kinds(case)
    for span in r.history[:6]:
        for text in {span.start, span.end}:
            month = PartialDate.parse(text)
            agents = {inv.agent for inv in case_at(case, month).involvements
                      if kinds[inv.agent] != "supporter" and inv.active_at(month)
                      and (inv.start is None or inv.start.earliest <= case.as_of().latest)}
            assert len(agents) == span.count
    assert r.peak.count == max((s.count for s in r.history), default=0)


@given(CASES)
def test_core_group_covers_everyone_and_is_never_bigger(case: Case) -> None:
    r = analyse_core_group(case)
    assert r.size == len(r.members) <= r.current_size
    reach: dict[str, set[str]] = {}
    for inv in _active(case, case.as_of()):
        reach.setdefault(inv.agent, set()).update(inv.targets)
    covered = set().union(*(reach[m] for m in r.members)) if r.members else set()
    assert set(r.targeted) <= covered
    assert set(r.regie) <= set(r.members)
    assert len(r.leaving) == r.current_size - r.size


def _brute_min_size(case: Case) -> int | None:
    """Independent brute force of the core-group rules: smallest group of professionals
    that holds every regie holder and reaches every targeted person, by a good entry where
    one exists."""
    kinds = _kinds(case)
    active = [inv for inv in _active(case, case.as_of()) if kinds[inv.agent] != "supporter"]
    agents = list(dict.fromkeys(inv.agent for inv in active))
    if len(agents) > 10:
        return None
    deciding = {inv.agent for inv in active if inv.stance != "alongside"}
    reach = {a: set() for a in agents}
    good = {a: set() for a in agents}
    for inv in active:
        reach[inv.agent].update(inv.targets)
        if inv.entry == "good" and inv.agent not in deciding:
            good[inv.agent].update(inv.targets)
    targeted = set().union(*reach.values()) if reach else set()
    holders = {inv.agent for inv in _active(case, case.as_of()) if inv.regie} & set(agents)
    for k in range(len(agents) + 1):
        for combo in combinations(agents, k):
            if not holders <= set(combo):
                continue
            ok = True
            for p in targeted:
                if any(p in good[a] for a in agents):
                    ok = any(p in good[a] for a in combo)
                else:
                    ok = any(p in reach[a] for a in combo)
                if not ok:
                    break
            if ok:
                return k
    return None


@given(CASES)
def test_exact_core_group_size_equals_brute_force(case: Case) -> None:
    expected = _brute_min_size(case)
    if expected is not None:
        r = analyse_core_group(case)
        assert r.exact
        assert r.size == expected


@st.composite
def case_and_new_agent(draw):  # type: ignore[no-untyped-def]
    case = draw(CASES)
    people = [p.id for p in case.people]
    targets = draw(st.lists(st.sampled_from(people), min_size=1, max_size=4, unique=True)) \
        if people else []
    kind = draw(st.sampled_from(("professional", "organisation", "supporter", "existing")))
    return case, kind, targets


@given(case_and_new_agent())
def test_adding_an_agent_changes_each_count_by_at_most_one(drawn) -> None:  # type: ignore[no-untyped-def]
    case, kind, targets = drawn
    assume(targets)
    assume(kind != "existing" or case.organisations)
    data = case.model_copy(deep=True)
    new = "zz-new-agent"
    if kind == "professional":
        data.organisations.append(Organisation(id="zz-org", kind="youth_care",
                                               professionals=[Professional(id=new)]))
    elif kind == "organisation":
        data.organisations.append(Organisation(id=new, kind="gp"))
    elif kind == "supporter":
        data.network.append(Supporter(id=new, supports=targets))
    else:
        org = data.organisations[0]
        org.professionals = [*org.professionals, Professional(id=new)]
    data.involvements.append(Involvement(agent=new, targets=targets))
    before, after = analyse_helpers(case), analyse_helpers(data)
    for field in ("professionals", "organisations", "informal"):
        assert 0 <= getattr(after, field) - getattr(before, field) <= 1
    for pid in before.per_person:
        assert 0 <= after.per_person[pid].professionals - before.per_person[pid].professionals \
            <= 1


@given(CASES)
def test_json_round_trip_and_determinism(case: Case) -> None:
    a = analyse(case)
    text = a.model_dump_json()
    assert Analysis.model_validate_json(text) == a
    assert analyse(case).model_dump_json() == text
