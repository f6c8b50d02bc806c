"""The analysis as text for people, JSON for tools and markdown for session notes.

Text and markdown speak the analysis's language (``nl`` or ``en``), show names and read as
hypotheses for the session (finding codes stay in JSON); JSON keeps ids and is
deterministic (fixed key order, no floats beyond the core group's ratio, which is
rounded), so the same case gives the same bytes on every run.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from ..text.labels import kind_label
from ..text.words import count, say
from . import Analysis

__all__ = ["FORMATS", "render", "summary_row", "to_json", "to_markdown", "to_text"]

FORMATS: Final = ("text", "json", "markdown")


def to_json(analysis: Analysis, *, compact: bool = False, extra: Mapping[str, Any] | None = None
            ) -> str:
    """The analysis as JSON: indented, or one line when ``compact`` (batch mode).

    ``extra`` keys (such as ``file``) come first. Serialised by pydantic's compiled
    serializer (fields in declaration order), so it is fast and byte-stable.
    """
    body = analysis.model_dump_json(indent=None if compact else 2)
    if extra:
        import json  # only batches add keys: a single report needs no JSON module

        colon, sep = (":", ",") if compact else (": ", ",\n  ")
        head = sep.join(f"{json.dumps(k, ensure_ascii=False)}{colon}"
                        f"{json.dumps(v, ensure_ascii=False)}" for k, v in extra.items())
        body = ("{" if compact else "{\n  ") + head + "," + body[1:]
    return body if compact else body + "\n"


def _lines(a: Analysis, names: Mapping[str, str], md: bool) -> list[str]:
    lang = a.lang

    def n(i: str) -> str:
        return names.get(i, i)

    def ns(ids: list[str]) -> str:
        return ", ".join(n(i) for i in ids) or say(lang, "nobody")

    bullet = "- " if md else "  "
    flag = "- {why}" if md else "  * {why}"
    out: list[str] = []

    def head(key: str) -> None:
        out.append("")
        out.append(f"## {say(lang, key)}" if md else say(lang, key))
        if md:
            out.append("")

    def findings(items: list[Any]) -> None:
        for f in items:
            out.append(flag.format(why=f.why))

    title = f"{a.case}" + (f" - {a.title}" if a.title else "")
    top = f"{say(lang, 'title')}: {title} ({say(lang, 'as_of')} {a.as_of})"
    out.append(f"# {top}" if md else top)
    out.append("")
    out.append(say(lang, "hypotheses_note"))
    h = a.helpers
    head("h_helpers")
    out.append(bullet + say(lang, "counts", p=count(lang, h.professionals, "professional"),
                            o=count(lang, h.organisations, "organisation"),
                            i=count(lang, h.informal, "supporter")))
    if h.by_kind:
        kinds = ", ".join(f"{kind_label(k, lang)} {v}" for k, v in h.by_kind.items())
        out.append(f"{bullet}{say(lang, 'by_kind')}: {kinds}")
    if h.per_person:
        loads = "; ".join(
            f"{n(p)} {count(lang, v.professionals, 'professional')}"
            + (f", {count(lang, v.informal, 'supporter_short')}" if v.informal else "")
            for p, v in h.per_person.items())
        out.append(f"{bullet}{say(lang, 'per_person')}: {loads}")
    if h.contexts:
        out.append(f"{bullet}{say(lang, 'contexts')}: {ns(h.contexts)}")
    if h.peak.first is not None:
        out.append(bullet + say(lang, "peak", n=h.peak.count, first=h.peak.first,
                                months=count(lang, h.peak.months, "month")))
    if h.additions_per_year:
        adds = ", ".join(f"{y} {c}" for y, c in h.additions_per_year.items())
        out.append(f"{bullet}{say(lang, 'additions')}: {adds}")
    findings(h.findings)
    head("h_regie")
    if a.regie.family:
        out.append(bullet + say(lang, "family_holders", who=ns(a.regie.family)))
    out.append(bullet + say(lang, "holders", who=ns(a.regie.holders)))
    findings(a.regie.findings)
    head("h_coalitions")
    if not a.coalitions:
        out.append(bullet + say(lang, "none_found"))
    findings(a.coalitions)
    head("h_patterns")
    if not a.patterns:
        out.append(bullet + say(lang, "none_found"))
    findings(a.patterns)
    cg = a.core_group
    head("h_core")
    out.append(bullet + say(lang, "core_size", now=count(lang, cg.current_size, "professional"),
                            who=ns(cg.members)))
    inner = "  " if not md else ""
    for m in cg.reasons:
        out.append(f"{bullet}{inner}{n(m.agent)}: {m.why}")
    if cg.statutory:
        out.append(f"{bullet}{say(lang, 'statutory_kept')}: "
                   f"{ns([p.agent for p in cg.statutory])}")
        for place in cg.statutory:
            if place.why == say(lang, "statutory_regie"):
                out.append(f"{bullet}{inner}{n(place.agent)}: {place.why}")
    if cg.circle:
        out.append(f"{bullet}{say(lang, 'circle_kept')}: {ns([c.agent for c in cg.circle])}")
    if cg.supporters:
        out.append(f"{bullet}{say(lang, 'supporter_kept')}: {ns(cg.supporters)}")
    if cg.leaving:
        out.append(f"{bullet}{say(lang, 'leaving')}: {ns([x.agent for x in cg.leaving])}")
    if cg.unreached:
        out.append(f"{bullet}{say(lang, 'unreached')}: {ns(cg.unreached)}")
    if not cg.exact:
        out.append(bullet + say(lang, "greedy_note", ratio=f"{cg.ratio:.2f}"))
    findings(cg.findings)
    if a.escalation:
        head("h_escalation")
        findings(a.escalation)
    return out


def to_text(analysis: Analysis, names: Mapping[str, str] | None = None) -> str:
    """A plain-text report for people, in the analysis's language."""
    return "\n".join(_lines(analysis, names or {}, md=False)) + "\n"


def to_markdown(analysis: Analysis, names: Mapping[str, str] | None = None) -> str:
    """A markdown report for session notes, in the analysis's language."""
    return "\n".join(_lines(analysis, names or {}, md=True)) + "\n"


def render(analysis: Analysis, fmt: str, names: Mapping[str, str] | None = None) -> str:
    """The report in ``fmt`` (``text``, ``json`` or ``markdown``)."""
    if fmt == "json":
        return to_json(analysis)
    if fmt == "markdown":
        return to_markdown(analysis, names)
    if fmt == "text":
        return to_text(analysis, names)
    raise ValueError(f"unknown format {fmt!r} (allowed: {', '.join(FORMATS)})")


def summary_row(analysis: Analysis) -> dict[str, Any]:
    """The few numbers of one case for a batch summary table."""
    return {
        "case": analysis.case,
        "professionals": analysis.helpers.professionals,
        "informal": analysis.helpers.informal,
        "regie": len(analysis.regie.holders),
        "core": analysis.core_group.size,
        "now": analysis.core_group.current_size,
        "codes": analysis.codes(),
    }
