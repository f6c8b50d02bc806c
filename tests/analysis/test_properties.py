"""Properties of the analyses on generated cases: brute-force counts, cover, stability."""

from __future__ import annotations

from itertools import combinations

from hypothesis import assume, given
from hypothesis import strategies as st

from systeemkaart.analysis import (
    Analysis,
    analyse,
    analyse_coalitions,
    analyse_core_group,
    analyse_helpers,
    build_index,
)
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
    """Agent types, with contexts that have staff in the case counted as organisations."""
    kinds = case.agent_types()
    staffed = {o.name.casefold() for o in case.organisations if o.professionals and o.name}
    for c in case.contexts:
        if c.name and c.name.casefold() in staffed:
            kinds[c.id] = "organisation"
    return kinds


def _counts(kind: str) -> bool:
    return kind in ("professional", "organisation")


def _is_active(case: Case, inv: Involvement, when: PartialDate) -> bool:
    """Active by the counting rule: undated help is known from the case's date (or its end)."""
    if inv.end is not None and inv.end.latest < when.earliest:
        return False
    if inv.start is not None:
        return inv.start.earliest <= when.latest
    known = case.as_of().earliest
    if inv.end is not None and inv.end.earliest < known:
        known = inv.end.earliest
    return known <= when.latest


def _active(case: Case, when: PartialDate) -> list[Involvement]:
    """Brute force on the case as it stood at ``when`` (agents and targets that existed)."""
    return [inv for inv in case_at(case, when).involvements if _is_active(case, inv, when)]


@given(CASES)
def test_counts_equal_brute_force(case: Case) -> None:
    when = case.as_of()
    kinds = _kinds(case)
    active = _active(case, when)
    pros = {inv.agent for inv in active if _counts(kinds[inv.agent])}
    employer = case.employer()
    by_name = {o.name.casefold(): o.id for o in case.organisations if o.professionals and o.name}
    names = case.names()
    orgs = {employer.get(a, by_name.get(names[a].casefold(), a)) for a in pros}
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
                      if _counts(kinds[inv.agent]) and _is_active(case, inv, month)
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
    assert set(r.targeted) - set(r.unreached) <= covered
    assert set(r.regie) <= set(r.members)
    placed = [*r.members, *(x.agent for x in r.leaving), *(p.agent for p in r.statutory),
              *(p.agent for p in r.circle), *(a for f in r.findings if f.code == "recent_report"
                                              for a in f.members)]
    kinds = _kinds(case)
    pros = {inv.agent for inv in _active(case, case.as_of()) if _counts(kinds[inv.agent])}
    assert pros <= set(placed)  # every professional has a named place


@given(CASES)
def test_every_core_group_member_stands_alongside(case: Case) -> None:
    r = analyse_core_group(case)
    stances: dict[str, set[str]] = {}
    for inv in _active(case, case.as_of()):
        stances.setdefault(inv.agent, set()).add(inv.stance)
    for m in r.members:
        assert "alongside" in stances[m]
        assert "opposite" not in stances[m]


@given(CASES)
def test_statutory_agents_are_never_sent_to_the_background(case: Case) -> None:
    r = analyse_core_group(case)
    ix = build_index(case)
    assert not any(ix.statutory(x.agent) for x in r.leaving)
    assert not any(ix.statutory(m) for m in r.members)
    kinds = {o.id: o.kind for o in case.organisations}
    employer = case.employer()
    for x in r.leaving:
        assert kinds.get(employer.get(x.agent, x.agent)) not in (
            "child_protection", "safety_home", "police")


@given(CASES)
def test_no_coalition_about_people_without_relations(case: Case) -> None:
    related = {pid for r in case.relations for pid in r.between}
    people = {p.id for p in case.people}
    for c in analyse_coalitions(case):
        if c.code == "split_helpers":
            continue  # its members are professionals
        assert {m for m in c.members if m in people} <= related
        for camp in c.groups:
            assert len(camp) >= 2


def _brute_min_size(case: Case) -> int | None:
    """Independent brute force of the core-group rules: smallest group of professionals
    alongside the family (no statutory task, no report in the last year) that holds every
    such regie holder and reaches every person they can reach, by a good entry where one
    exists."""
    kinds = _kinds(case)
    now = case.as_of()
    ix = build_index(case)
    active = [inv for inv in _active(case, now) if _counts(kinds[inv.agent])]
    last = now.latest
    year = PartialDate(last.year - 1, last.month, min(last.day, 28))
    window = (year.latest.toordinal() + 1, last.toordinal())
    reported = set()
    for inv in case.involvements:
        if inv.stance != "opposite":
            continue
        first = inv.start.earliest.toordinal() if inv.start is not None else (
            min(now.earliest, inv.end.earliest) if inv.end is not None else now.earliest
        ).toordinal()
        end = inv.end.latest.toordinal() if inv.end is not None else 10**9
        if first <= window[1] and end >= window[0]:
            reported.add(inv.agent)
    stances: dict[str, set[str]] = {}
    for inv in active:
        stances.setdefault(inv.agent, set()).add(inv.stance)
    agents = [a for a in dict.fromkeys(inv.agent for inv in active)
              if not ix.statutory(a) and a not in reported and "alongside" in stances[a]
              and "opposite" not in stances[a]]
    if len(agents) > 10:
        return None
    deciding = {inv.agent for inv in active if inv.stance != "alongside"}
    reach: dict[str, set[str]] = {a: set() for a in agents}
    good: dict[str, set[str]] = {a: set() for a in agents}
    for inv in active:
        if inv.agent not in reach:
            continue
        reach[inv.agent].update(inv.targets)
        if inv.entry == "good" and inv.agent not in deciding:
            good[inv.agent].update(inv.targets)
    targeted = set().union(*reach.values()) if reach else set()
    holders = {inv.agent for inv in _active(case, now) if inv.regie} & set(agents)
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


@given(CASES)
def test_regie_with_the_family_is_never_regie_bij_niemand(case: Case) -> None:
    a = analyse(case)
    alive = set(a.regie.family)
    assert alive <= set(case.case.regie)
    if alive:
        assert "no_regie" not in a.codes()
        assert "regie_to_assign" not in a.codes()
