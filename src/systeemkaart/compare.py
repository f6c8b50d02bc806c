"""What changed between two moments of a case, or between two versions of it.

Lesson 5 (*Verandering*) asks a session to look at what the help did over time instead of
repeating it. :func:`compare` sets two states side by side: one case at two dates
(``systeemkaart compare CASE --from DATE --to DATE``), or two versions of a case from two
sessions, each at its own ``as_of`` (``systeemkaart compare OLD NEW``). A state is the case as
it stood at its date (:func:`systeemkaart.model.case_at`) plus its analysis, so a change here
is exactly what the drawings and the analysis at the two dates show differently.

Records are matched by what identifies them in a file: ids for people, contexts, supporters
and households with an id; the two partners for a partnership; the two ends and the kind for a
relation; agent, targets and start for an involvement. Identical inputs give an empty
:class:`Comparison`. Cost: two analyses plus O(size of the cases).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from pydantic import BaseModel, ConfigDict, Field

from .model import Case, case_at, deceased_at, no_items, partnership_ended_at
from .text.labels import label
from .text.words import say
from .vocab import DIRECTED_RELATIONS

if TYPE_CHECKING:
    from .analysis import Analysis
    from .dates import PartialDate

__all__ = ["SECTIONS", "Comparison", "Item", "Section", "compare", "render_comparison"]

SECTIONS: Final = ("people", "partnerships", "relations", "households", "contexts",
                   "supporters", "involvements")
FORMATS: Final = ("text", "markdown", "json")


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Item(_Out):
    """One record that appeared, went or changed: its key (ids) and a readable text."""

    key: str
    text: str


class Section(_Out):
    """The changes of one kind of record."""

    name: str
    added: list[Item] = Field(default_factory=no_items)
    removed: list[Item] = Field(default_factory=no_items)
    changed: list[Item] = Field(default_factory=no_items)

    def empty(self) -> bool:
        """True when nothing of this kind changed."""
        return not (self.added or self.removed or self.changed)


class ThenNow(_Out):
    """A list of ids then and now (regie, professionals, core group)."""

    then: list[str]
    now: list[str]

    def empty(self) -> bool:
        """True when both lists hold the same ids."""
        return sorted(self.then) == sorted(self.now)


class FindingItem(_Out):
    """A finding of the analysis (its code, ids and sentence)."""

    code: str
    members: list[str]
    why: str


class Comparison(_Out):
    """Everything that differs between two states of a case."""

    old: str
    new: str
    old_at: str
    new_at: str
    lang: str
    sections: list[Section]
    regie: ThenNow
    professionals: ThenNow
    core_group: ThenNow
    findings_appeared: list[FindingItem]
    findings_gone: list[FindingItem]
    findings_changed: list[FindingItem]

    def empty(self) -> bool:
        """True when nothing changed: no record, no regie, no professional, no finding."""
        return (all(s.empty() for s in self.sections) and self.regie.empty()
                and self.professionals.empty() and self.core_group.empty()
                and not self.findings_appeared and not self.findings_gone
                and not self.findings_changed)


@dataclass(frozen=True, slots=True)
class _State:
    """The facts of one case at one date, keyed so two states can be matched."""

    people: dict[str, str]
    deceased: set[str]
    partnerships: dict[str, str]
    relations: dict[str, str]
    households: dict[str, list[str]]
    contexts: dict[str, list[str]]
    supporters: dict[str, list[str]]
    involvements: dict[str, str]


def _state(case: Case, at: PartialDate) -> _State:
    now = case_at(case, at)
    people = {p.id: p.label() for p in now.people}
    deceased = {p.id for p in now.people if deceased_at(p, at)}
    partnerships = {}
    for ps in now.partnerships:
        key = "+".join(sorted(ps.partners))
        partnerships[key] = partnership_ended_at(ps, at) or "together"
    relations: dict[str, str] = {}
    for r in now.relations:
        ends = list(r.between) if r.kind in DIRECTED_RELATIONS else sorted(r.between)
        relations[f"{ends[0]}~{ends[1]}:{r.kind}"] = r.kind
    households = {}
    for k, h in enumerate(case.households):
        members = [m for m in h.members_at(at, case.partnerships) if m in people]
        if members:
            households[h.id or h.name or f"households[{k}]"] = members
    contexts = {c.id: [m for m in c.members_at(at) if m in people]
                for c in case.contexts if c.holds_at(at)}
    supporters = {s.id: list(s.supports) for s in now.network}
    involvements = {}
    for inv in now.involvements:
        if inv.active_at(at):
            key = f"{inv.agent}->{'+'.join(sorted(inv.targets))}@{inv.start or ''}"
            involvements[key] = f"{inv.stance}{' regie' if inv.regie else ''}" \
                f"{' ' + inv.form if inv.form else ''}"
    return _State(people, deceased, partnerships, relations, households, contexts,
                  supporters, involvements)


def _names(ids: Iterable[str], names: Mapping[str, str]) -> str:
    return ", ".join(names.get(i, i) for i in ids)


def _findings(a: Analysis) -> dict[str, FindingItem]:
    items = [(f.code, f.members, f.why) for f in (*a.helpers.findings, *a.regie.findings,
                                                  *a.core_group.findings, *a.escalation)]
    items += [(f.code, f.members, f.why) for f in a.coalitions]
    items += [(f.code, f.members, f.why) for f in a.patterns]
    out: dict[str, FindingItem] = {}
    for code, members, why in items:
        out[f"{code}:{'+'.join(sorted(members))}"] = FindingItem(
            code=code, members=list(members), why=why)
    return out


def _diff_keys(old: Mapping[str, object], new: Mapping[str, object]) -> tuple[list[str], list[str]]:
    return [k for k in new if k not in old], [k for k in old if k not in new]


def _sections(o: _State, n: _State, names: Mapping[str, str], lang: str) -> list[Section]:
    out: list[Section] = []
    # people
    add, rem = _diff_keys(o.people, n.people)
    died = [p for p in n.people if p in n.deceased and p in o.people and p not in o.deceased]
    out.append(Section(name="people",
                       added=[Item(key=p, text=n.people[p]) for p in add],
                       removed=[Item(key=p, text=o.people[p]) for p in rem],
                       changed=[Item(key=p, text=f"{n.people[p]}: {label('deceased', lang)}")
                                for p in died]))
    # partnerships
    add, rem = _diff_keys(o.partnerships, n.partnerships)
    moved = [k for k in n.partnerships if k in o.partnerships
             and n.partnerships[k] != o.partnerships[k]]

    def couple(key: str) -> str:
        return _names(key.split("+"), names)

    out.append(Section(name="partnerships",
                       added=[Item(key=k, text=couple(k)) for k in add],
                       removed=[Item(key=k, text=couple(k)) for k in rem],
                       changed=[Item(key=k, text=f"{couple(k)}: {label(o.partnerships[k], lang)}"
                                     f" → {label(n.partnerships[k], lang)}") for k in moved]))
    # relations

    def relation(key: str) -> str:
        ends, kind = key.split(":")
        return f"{_names(ends.split('~'), names)} ({label(kind, lang)})"

    add, rem = _diff_keys(o.relations, n.relations)
    out.append(Section(name="relations",
                       added=[Item(key=k, text=relation(k)) for k in add],
                       removed=[Item(key=k, text=relation(k)) for k in rem]))
    # households, contexts, supporters: the groups and who joined or left them
    for name, old, new in (("households", o.households, n.households),
                           ("contexts", o.contexts, n.contexts),
                           ("supporters", o.supporters, n.supporters)):
        add, rem = _diff_keys(old, new)
        changed = []
        for k in new:
            if k in old and old[k] != new[k]:
                joined = [m for m in new[k] if m not in old[k]]
                left = [m for m in old[k] if m not in new[k]]
                bits = [f"+{names.get(m, m)}" for m in joined]
                bits += [f"−{names.get(m, m)}" for m in left]
                changed.append(Item(key=k, text=f"{names.get(k, k)}: {' '.join(bits)}"))
        out.append(Section(
            name=name,
            added=[Item(key=k, text=f"{names.get(k, k)} ({_names(new[k], names)})")
                   for k in add],
            removed=[Item(key=k, text=f"{names.get(k, k)} ({_names(old[k], names)})")
                     for k in rem],
            changed=changed))
    # involvements: started and ended

    def involvement(key: str) -> str:
        agent, rest = key.split("->", 1)
        targets, start = rest.split("@", 1)
        since = f" ({start})" if start else ""
        return f"{names.get(agent, agent)} → {_names(targets.split('+'), names)}{since}"

    add, rem = _diff_keys(o.involvements, n.involvements)
    moved = [k for k in n.involvements if k in o.involvements
             and n.involvements[k] != o.involvements[k]]
    out.append(Section(name="involvements",
                       added=[Item(key=k, text=involvement(k)) for k in add],
                       removed=[Item(key=k, text=involvement(k)) for k in rem],
                       changed=[Item(key=k, text=f"{involvement(k)}: {o.involvements[k]} → "
                                     f"{n.involvements[k]}") for k in moved]))
    return out


def compare(old: Case, new: Case, old_at: PartialDate | None = None,
            new_at: PartialDate | None = None, *, lang: str | None = None) -> Comparison:
    """What differs between ``old`` at ``old_at`` and ``new`` at ``new_at``.

    Each date defaults to its case's ``as_of``; pass one case twice with two dates to see a
    case change over time. ``lang`` (default: the new case's) words the texts.
    """
    from .analysis import analyse

    t0 = old_at if old_at is not None else old.as_of()
    t1 = new_at if new_at is not None else new.as_of()
    lang = lang or new.case.lang
    names = {**old.names(), **new.names()}
    for h in new.households:
        if h.id and h.name:
            names.setdefault(h.id, h.name)
    a0 = analyse(old, t0, lang=lang)
    a1 = analyse(new, t1, lang=lang)
    appeared, gone, changed = _match_findings(_findings(a0), _findings(a1))
    return Comparison(
        old=old.case.id, new=new.case.id, old_at=str(t0), new_at=str(t1), lang=lang,
        sections=_sections(_state(old, t0), _state(new, t1), names, lang),
        regie=ThenNow(then=a0.regie.holders, now=a1.regie.holders),
        professionals=ThenNow(then=a0.helpers.agents, now=a1.helpers.agents),
        core_group=ThenNow(then=a0.core_group.members, now=a1.core_group.members),
        findings_appeared=appeared, findings_gone=gone, findings_changed=changed,
    )


def _match_findings(f0: dict[str, FindingItem], f1: dict[str, FindingItem]
                    ) -> tuple[list[FindingItem], list[FindingItem], list[FindingItem]]:
    """(appeared, gone, changed): a finding about the same ids whose sentence changed, or one
    with the same code about other ids while the old one went, counts as changed (it is the
    same concern, e.g. regie still missing with one more professional)."""
    changed = [f for k, f in f1.items() if k in f0 and f0[k].why != f.why]
    new = [f for k, f in f1.items() if k not in f0]
    old = [f for k, f in f0.items() if k not in f1]
    appeared = []
    for f in new:
        twin = next((g for g in old if g.code == f.code), None)
        if twin is None:
            appeared.append(f)
        else:
            old.remove(twin)
            changed.append(f)
    return appeared, old, changed


def render_comparison(c: Comparison, fmt: str, names: Mapping[str, str] | None = None) -> str:
    """The comparison as ``text``, ``markdown`` or ``json`` (ids kept in JSON)."""
    if fmt == "json":
        return c.model_dump_json(indent=2) + "\n"
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (allowed: {', '.join(FORMATS)})")
    md = fmt == "markdown"
    names = names or {}
    lang = c.lang
    out: list[str] = []
    top = say(lang, "cmp_title", old=c.old, old_at=c.old_at, new=c.new, new_at=c.new_at)
    out.append(f"# {top}" if md else top)
    if c.empty():
        out.append(("" if not md else "\n") + say(lang, "cmp_none"))
        return "\n".join(out) + "\n"

    def head(key: str) -> None:
        out.append("")
        out.append(f"## {say(lang, key)}" if md else say(lang, key))
        if md:
            out.append("")

    mark = {"added": "+", "removed": "−", "changed": "~"}
    for s in c.sections:
        if s.empty():
            continue
        head(f"cmp_{s.name}")
        for what in ("added", "removed", "changed"):
            for item in getattr(s, what):
                word = say(lang, f"cmp_{what}")
                out.append(f"- {word}: {item.text}" if md else f"  {mark[what]} {item.text}")

    def ids(xs: list[str]) -> str:
        return ", ".join(names.get(x, x) for x in xs) or say(lang, "nobody")

    for key, pair in (("cmp_regie", c.regie), ("cmp_professionals", c.professionals),
                      ("cmp_core", c.core_group)):
        if not pair.empty():
            head(key)
            bullet = "- " if md else "  "
            out.append(f"{bullet}{say(lang, 'cmp_then')} ({len(pair.then)}): {ids(pair.then)}")
            out.append(f"{bullet}{say(lang, 'cmp_now')} ({len(pair.now)}): {ids(pair.now)}")
    if c.findings_appeared or c.findings_gone:
        head("cmp_findings")
        for sign, items in (("+", c.findings_appeared), ("−", c.findings_gone),
                            ("~", c.findings_changed)):
            for f in items:
                out.append(f"- {sign} **{f.code}**: {f.why}" if md
                           else f"  {sign} [{f.code}] {f.why}")
    return "\n".join(out) + "\n"
