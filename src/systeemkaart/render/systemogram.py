"""Paint a systemogram layout as SVG: who helps whom, in which stance, and who holds regie.

Lines run from each agent to each person it targets: the stance is the line style (helper
alongside: solid green; decider over: double orange; reporter opposite: dashed red), the
weight says how often and how good the entry is, and a gold badge marks regie. A note says
when nobody (or more than one) holds regie; a badge counts professionals and organisations.
The legend shows exactly the symbols and lines used. Layout comes from
:mod:`systeemkaart.layout.systemogram`; this module only paints.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from typing import Final

from ..dates import PartialDate
from ..gcpause import paused_gc
from ..layout.ring_geometry import Box
from ..layout.systemogram import (
    AgentPlace,
    LinkPlace,
    PersonPlace,
    SystemogramLayout,
    TextLine,
    layout_systemogram,
)
from ..layout.systemogram_names import NAME_SIZE
from ..model import Case, case_at, deceased_at
from ..text.labels import label
from ..text.measure import LINE_HEIGHT, fmt, text_width
from .forms import FORM_ORDER, badge_sample, form_badge, heaviest, point_along
from .regie_spot import BADGE_RADIUS, badge_spot
from .styles import (
    CARD_STROKE,
    CONTEXT_FILL,
    CONTEXT_STROKE,
    DECEASED,
    FILLS,
    FONT_SIZE,
    HOUSEHOLD,
    INDEX,
    INK,
    MUTED,
    ORG_FILLS,
    REGIE_GOLD,
    RELATION_STYLES,
    STANCE_COLOURS,
    STRENGTH_STYLES,
    SUPPORTER_FILL,
    SUPPORTER_STROKE,
    TITLE_FONT_SIZE,
    LineStyle,
)
from .svgdoc import Element, Legend, SampleFn, SvgDoc, line_sample, paint_line

__all__ = ["agent_tooltip", "kept_professionals", "person_shape", "render_systemogram",
           "stance_style", "systemogram_svg"]

MARGIN: Final = 24.0
SYMBOL = 28.0


def stance_style(stance: str, width: float) -> LineStyle:
    """The line of an involvement in ``stance`` with stroke ``width`` (arrow at the person)."""
    colour = STANCE_COLOURS.get(stance, INK)
    if stance == "over":
        return LineStyle(colour=colour, width=max(0.9, width * 0.6), pattern="double",
                         arrow=True)
    if stance == "opposite":
        return LineStyle(colour=colour, width=width, dash="7 4", arrow=True)
    return LineStyle(colour=colour, width=width, arrow=True)


def _support_style(strength: str) -> LineStyle:
    base = STRENGTH_STYLES.get(strength, STRENGTH_STYLES["normal"])
    colour = base.colour if strength == "stressful" else SUPPORTER_STROKE
    return LineStyle(colour=colour, width=base.width, dash=base.dash, pattern=base.pattern)


MEMBERSHIP_STYLE: Final = LineStyle(colour=CONTEXT_STROKE, width=1.2, dash="2 3")


def agent_tooltip(case: Case, agent_id: str, lang: str) -> str:
    """A readable tooltip for an agent: name, role or kind, and organisation."""
    names = case.names()
    employer = case.employer()
    for org in case.organisations:
        if org.id == agent_id:
            return f"{names[agent_id]} ({label(org.kind, lang)})" if org.kind != "other" \
                else names[agent_id]
        for pro in org.professionals:
            if pro.id == agent_id:
                role = f", {pro.role}" if pro.role else ""
                return f"{names[agent_id]}{role} ({names[employer[agent_id]]})"
    for s in case.network:
        if s.id == agent_id:
            rel = f", {s.relation}" if s.relation else ""
            return f"{names[agent_id]}{rel} ({label('supporter', lang).lower()})"
    for c in case.contexts:
        if c.id == agent_id:
            return f"{names[agent_id]} ({label(c.kind, lang).lower()})"
    return names.get(agent_id, agent_id)


def _link_tooltip(case: Case, link: LinkPlace, lang: str) -> str:
    names = case.names()
    head = f"{', '.join(names.get(a, a) for a in link.agents)} → {names.get(link.target)}"
    if link.kind == "support":
        return f"{head}: {label('supporter', lang).lower()}, {label(link.strength or '', lang)}"
    if link.kind == "membership":
        return f"{head}: {label('membership', lang).lower()}"
    if link.kind == "relation":
        a, b = (names.get(x, x) for x in link.agents)
        return f"{a} – {b}: {label(link.relation or '', lang).lower()}"
    bits = [label(link.stance or "alongside", lang).lower()]
    if link.regie:
        bits.append(label("regie", lang).lower())
    for i in link.involvements:
        inv = case.involvements[i]
        period = []
        if inv.start is not None:
            period.append(f"{inv.start}")
        period.append("–")
        if inv.end is not None:
            period.append(f"{inv.end}")
        if inv.start is not None or inv.end is not None:
            bits.append("".join(period))
        if inv.intensity:
            bits.append(inv.intensity)
        if inv.entry:
            bits.append(f"entry {inv.entry}" if lang == "en" else f"ingang {inv.entry}")
    return f"{head}: {', '.join(dict.fromkeys(bits))}"


# --- person symbols --------------------------------------------------------------------


def person_shape(doc: SvgDoc, g: Element, x: float, y: float, sex: str, *, size: float = SYMBOL,
                 deceased: bool = False, index: bool = False) -> None:
    """A genogram symbol centred at ``(x, y)``: square male, circle female, diamond otherwise."""
    half = size / 2
    fill = FILLS.get(sex, FILLS["unknown"])

    def outline(pad: float, **attrs: object) -> None:
        h = half + pad
        if sex == "male":
            doc.rect(g, x - h, y - h, 2 * h, 2 * h, **attrs)
        elif sex == "female":
            doc.circle(g, x, y, h, **attrs)
        else:
            doc.polygon(g, [(x, y - h), (x + h, y), (x, y + h), (x - h, y)], **attrs)

    outline(0.0, fill=fill, stroke=INDEX if index else INK, stroke_width=1.4)
    if index:
        outline(-3.5, fill="none", stroke=INDEX, stroke_width=1.4)
    if deceased:
        k = half * 0.62
        for sx in (-1, 1):
            doc.line(g, x - k, y - k * sx, x + k, y + k * sx, stroke=DECEASED,
                     stroke_width=1.6)


def _text_block(doc: SvgDoc, g: Element, box: Box, top: float, lines: Sequence[TextLine],
                *, anchor: str = "middle", left: float = 0.0, fill: str | None = None,
                halo: bool = False) -> None:
    """Lines of text from ``top`` down; ``halo`` paints a white outline under each glyph so
    that text stays readable where lines pass behind it."""
    halo_attrs: dict[str, object] = (
        {"stroke": "#ffffff", "stroke_width": 3, "stroke_linejoin": "round",
         "paint_order": "stroke"} if halo else {})
    y = top
    for line in lines:
        size, bold, text = line.size, line.bold, line.text
        y += size * LINE_HEIGHT
        x = box.cx if anchor == "middle" else box.x + left
        doc.text(g, x, y - size * 0.28, text, size=size, bold=bold, anchor=anchor,
                 fill=fill if size < FONT_SIZE else None, **halo_attrs)


# --- the drawing -----------------------------------------------------------------------


def _bbox(box: Box, dx: float, dy: float) -> tuple[float, float, float, float]:
    return box.x + dx, box.y + dy, box.w, box.h


def _badge(doc: SvgDoc, g: Element, box: Box) -> None:
    _badge_at(doc, g, box.right - 10, box.y + min(box.h / 2, 11))


def _badge_at(doc: SvgDoc, g: Element, cx: float, cy: float) -> None:
    doc.circle(g, cx, cy, BADGE_RADIUS, fill=REGIE_GOLD, stroke=INK, stroke_width=0.8,
               class_="regie-badge")
    doc.text(g, cx, cy + 3, "R", size=8.5, bold=True)


def _agent_fill(case: Case, agent: AgentPlace) -> str:
    if agent.type == "organisation":
        kinds = {o.id: o.kind for o in case.organisations}
        return ORG_FILLS.get(kinds.get(agent.id, "other"), ORG_FILLS["other"])
    return "#ffffff"


def _paint_agent(doc: SvgDoc, parent: Element, case: Case, agent: AgentPlace, lang: str,
                 dx: float, dy: float) -> None:
    box = agent.box.moved(dx, dy)
    modifiers = []
    if agent.members:
        modifiers.append("collapsed")
    if agent.regie:
        modifiers.append("regie")
    data = {"members": " ".join(agent.members)} if agent.members else None
    tip = agent_tooltip(case, agent.id, lang)
    if agent.members:
        names = case.names()
        tip += ": " + ", ".join(names.get(m, m) for m in agent.members)
    g = doc.node(agent.id, agent.type, _bbox(agent.box, dx, dy), modifiers=modifiers,
                 tooltip=tip, parent=parent, data=data)
    if agent.type == "supporter":
        doc.rect(g, box.x, box.y, box.w, box.h, rx=min(box.h / 2, 12), fill=SUPPORTER_FILL,
                 stroke=SUPPORTER_STROKE, stroke_width=1.2)
    elif agent.type == "context":
        doc.rect(g, box.x, box.y, box.w, box.h, rx=2, fill=CONTEXT_FILL, stroke=CONTEXT_STROKE,
                 stroke_width=1.2)
    else:
        doc.rect(g, box.x, box.y, box.w, box.h, fill=_agent_fill(case, agent), stroke="none")
    left = 7.0
    anchor = "start" if agent.card is not None else "middle"
    shift = -9.0 if agent.regie and anchor == "middle" else 0.0
    _text_block(doc, g, box.moved(shift, 0), box.y + 4, agent.lines, anchor=anchor, left=left,
                fill=MUTED)
    if agent.regie:
        _badge(doc, g, box)


def _paint_person(doc: SvgDoc, parent: Element, case: Case, place: PersonPlace, dx: float,
                  dy: float, at: PartialDate, lang: str, lay: SystemogramLayout) -> None:
    pid = place.id
    person = case.person(pid)
    box = place.box
    modifiers: list[str] = [person.sex]
    dead = deceased_at(person, at)
    if dead:
        modifiers.append("deceased")
    if pid in case.case.index:
        modifiers.append("index")
    if pid in lay.unreached:
        modifiers.append("unreached")
    tip = person.label()
    age = person.age_at(at)
    if person.born is not None:
        tip += f", {label('born', lang)} {person.born}"
    if dead and person.died is not None:
        tip += f", {label('died', lang)} {person.died}"
    elif age is not None:
        tip += f" ({age} {label('years_short', lang)})"
    g = doc.node(pid, "person", _bbox(box, dx, dy), modifiers=modifiers, tooltip=tip,
                 parent=parent)
    x, y = place.x + dx, place.y + dy
    person_shape(doc, g, x, y, person.sex, deceased=dead,
                 index=pid in case.case.index)
    if pid in _family_regie(case):  # the family member holds regie: the same badge
        boxes = [p.box for p in lay.people.values() if p.id != pid]
        boxes += [a.box for a in lay.agents.values()]
        cx, cy = badge_spot(place.x, place.y, box, [link.points for link in lay.links], boxes)
        _badge_at(doc, g, cx + dx, cy + dy)
    moved = box.moved(dx, dy)
    _text_block(doc, g, moved, y + SYMBOL / 2 + 2, place.lines, fill=MUTED, halo=True)


def _legend(case: Case, lay: SystemogramLayout, lang: str) -> Legend:
    legend = Legend(lang=lang, groups=("symbols", "helpers", "lines", "relationships", "forms",
                                         "markers"))
    index = set(case.case.index)
    for pid in lay.people:
        p = case.person(pid)
        legend.add("symbols", f"sex-{p.sex}", label(p.sex, lang), _symbol_sample(p.sex))
    if any(deceased_at(case.person(pid), lay.at) for pid in lay.people):
        legend.add("symbols", "deceased", label("deceased", lang),
                   _symbol_sample("unknown", deceased=True))
    shown_index = [pid for pid in lay.people if pid in index]
    if shown_index:
        legend.add("symbols", "index", label("index", lang),
                   _symbol_sample(case.person(shown_index[0]).sex, index=True))
    if lay.households:
        legend.add("symbols", "household", label("household", lang), _household_sample)
    types = [a.type for a in lay.agents.values()]
    for kind in ("supporter", "context", "organisation", "professional"):
        if kind in types:
            legend.add("helpers", kind, label(kind, lang), _agent_sample(kind))
    if any(a.members for a in lay.agents.values()):
        legend.add("helpers", "collapsed", label("collapsed", lang), _agent_sample("collapsed"))
    for stance in ("alongside", "over", "opposite"):
        if any(lk.kind == "involvement" and lk.stance == stance for lk in lay.links):
            legend.add("lines", f"stance-{stance}", label(stance, lang),
                       line_sample(stance_style(stance, 1.8)))
    for strength in ("strong", "normal", "weak", "stressful"):
        if any(lk.kind == "support" and lk.strength == strength for lk in lay.links):
            legend.add("lines", f"strength-{strength}",
                       f"{label('supporter', lang)}: {label(strength, lang).lower()}",
                       line_sample(_support_style(strength)))
    for kind, style in RELATION_STYLES.items():
        if any(lk.kind == "relation" and lk.relation == kind for lk in lay.links):
            legend.add("relationships", f"relation-{kind}", label(kind, lang),
                       line_sample(style))
    if any(lk.kind == "membership" for lk in lay.links):
        legend.add("lines", "membership", label("membership", lang), line_sample(MEMBERSHIP_STYLE))
    if len({lk.width for lk in lay.links if lk.kind == "involvement"}) > 1:
        legend.add("lines", "weight", label("weight", lang), _weight_sample)
    forms = {_link_form(case, lk) for lk in lay.links}
    for form in FORM_ORDER:
        if form in forms:
            legend.add("forms", f"form-{form}", label(f"form_{form}", lang),
                       badge_sample(form, lang))
    if lay.regie or any(pid in _family_regie(case) for pid in lay.people):
        legend.add("markers", "regie", label("regie", lang), _regie_sample)
    return legend


def _symbol_sample(sex: str, *, deceased: bool = False, index: bool = False) -> SampleFn:
    def paint(doc: SvgDoc, g: Element, x: float, y: float, w: float, h: float) -> None:
        person_shape(doc, g, x + w / 2, y + h / 2, sex, size=h - 4, deceased=deceased,
                     index=index)

    return paint


def _household_sample(doc: SvgDoc, g: Element, x: float, y: float, w: float, h: float) -> None:
    doc.rect(g, x + 2, y + 2, w - 4, h - 4, rx=7, fill="none", stroke=HOUSEHOLD,
             stroke_width=1.2, stroke_dasharray="5 3")


def _agent_sample(kind: str) -> SampleFn:
    def paint(doc: SvgDoc, g: Element, x: float, y: float, w: float, h: float) -> None:
        if kind == "supporter":
            doc.rect(g, x + 2, y + 2, w - 4, h - 4, rx=(h - 4) / 2, fill=SUPPORTER_FILL,
                     stroke=SUPPORTER_STROKE, stroke_width=1.2)
        elif kind == "context":
            doc.rect(g, x + 2, y + 2, w - 4, h - 4, rx=2, fill=CONTEXT_FILL,
                     stroke=CONTEXT_STROKE, stroke_width=1.2)
        elif kind == "professional":
            doc.rect(g, x + 2, y + 2, w - 4, h - 4, fill="#ffffff", stroke=CARD_STROKE,
                     stroke_width=1.0)
        else:
            doc.rect(g, x + 2, y + 2, w - 4, h - 4, fill=ORG_FILLS["youth_care"],
                     stroke=CARD_STROKE, stroke_width=1.0)
            if kind == "collapsed":
                doc.text(g, x + w / 2, y + h / 2 + 3, "3", size=8.5, bold=True)

    return paint


def _weight_sample(doc: SvgDoc, g: Element, x: float, y: float, w: float, h: float) -> None:
    doc.line(g, x + 2, y + h * 0.3, x + w - 2, y + h * 0.3, stroke=INK, stroke_width=1.0)
    doc.line(g, x + 2, y + h * 0.7, x + w - 2, y + h * 0.7, stroke=INK, stroke_width=3.4)


def _family_regie(case: Case) -> set[str]:
    """The living people of the family who hold regie themselves (``case.regie``)."""
    return {pid for pid in case.case.regie if not case.person(pid).is_deceased}


def _regie_sample(doc: SvgDoc, g: Element, x: float, y: float, w: float, h: float) -> None:
    _badge(doc, g, Box(x + w / 2 - 2, y + h / 2 - 11, 12, 22))


def _header(case: Case, lay: SystemogramLayout, lang: str) -> list[tuple[str, float, bool, str]]:
    """Header lines: (text, size, bold, class)."""
    title = case.case.title or case.case.id
    sub = f"{label('systemogram', lang)} · {label('as_of', lang)} {lay.at}"
    count = (f"{lay.professionals} {label('professionals', lang)}, "
             f"{lay.organisations} {label('organisations', lang)}")
    lines = [(title, TITLE_FONT_SIZE, True, "title"), (sub, FONT_SIZE, False, "subtitle"),
             (count, FONT_SIZE, True, "count-badge")]
    if (not lay.regie and not _family_regie(case)
            and any(lk.kind == "involvement" for lk in lay.links)):
        lines.append((label("no_regie", lang), FONT_SIZE, True, "no-regie"))
    elif len(lay.regie) > 1:
        names = case.names()
        who = ", ".join(names.get(a, a) for a in lay.regie)
        lines.append((f"{label('multi_regie', lang)}: {who}", FONT_SIZE, True, "multi-regie"))
    return lines


def kept_professionals(case: Case, at: PartialDate) -> list[str]:
    """Who keeps an own row when an organisation collapses: the members of the suggested
    core group (:mod:`systeemkaart.analysis.coregroup`) and whom it suggests for regie. A
    drawing that folds away the people the analysis asks to the table would mislead; the
    regie holders as written are kept by the layout itself."""
    from ..analysis.coregroup import analyse_core_group

    group = analyse_core_group(case, at)
    extra = [group.suggested_regie] if group.suggested_regie else []
    return list(dict.fromkeys([*group.members, *extra]))


def render_systemogram(case: Case, *, lang: str, at: PartialDate) -> str:
    """The systemogram of ``case`` at ``at`` as SVG text (labels in ``lang``).

    A collapsed organisation keeps own rows for the suggested core group
    (:func:`kept_professionals`), so every drawing of the case (``draw``, the session page,
    ``--since``) shows the same people.

    Raises:
        LayoutError: when the drawing cannot be laid out.
    """
    return systemogram_svg(case, lang=lang, at=at,
                           keep=kept_professionals(case_at(case, at), at))


def systemogram_svg(case: Case, *, lang: str, at: PartialDate, keep: Collection[str]) -> str:
    """The systemogram as :func:`render_systemogram` draws it, with the professionals who
    keep their own row in a collapsed organisation given as ``keep``.

    Raises:
        LayoutError: when the drawing cannot be laid out.
    """
    with paused_gc():  # as the layout: many short-lived objects, no cycles
        return _svg(case, lang, at, keep)


def _svg(case: Case, lang: str, at: PartialDate, keep: Collection[str]) -> str:
    """:func:`systemogram_svg`, with the collector paused."""
    case = case_at(case, at)  # what held at ``at``: the one rule for every drawing
    lay = layout_systemogram(case, at, lang=lang, keep=keep)
    header = _header(case, lay, lang)
    head_h = sum(size * LINE_HEIGHT for _, size, _, _ in header) + 10 + 8 * (len(header) > 3)
    head_w = max(text_width(t, s, bold=b) + (16 if c in ("no-regie", "multi-regie") else 0)
                 for t, s, b, c in header)
    legend = _legend(case, lay, lang)
    content_w = max(lay.bounds.w, 1.0)
    lw, lh = legend.size(max(content_w, 420.0))
    width = math.ceil(max(content_w, head_w, lw) + 2 * MARGIN + 1)
    # whole-unit offsets keep the two-decimal boxes of the layout exact in the file
    dx = round(MARGIN + (width - 2 * MARGIN - lay.bounds.w) / 2 - lay.bounds.x)
    dy = round(MARGIN + head_h + 12 - lay.bounds.y)
    height = dy + lay.bounds.bottom + (16 + lh if lh else 0) + MARGIN
    doc = SvgDoc(width, height, title=case.case.title or case.case.id, kind="systemogram",
                 lang=lang)
    doc.root.attrs["data-at"] = str(lay.at)
    doc.root.attrs["data-crossings"] = str(lay.crossings)
    _paint_header(doc, header)
    for hh in lay.households:
        f = hh.frame.moved(dx, dy)
        g = doc.group(classes=["household"], data={"members": " ".join(hh.members)},
                      tooltip=hh.name or label("household", lang))
        doc.rect(g, f.x, f.y, f.w, f.h, rx=9, fill="none", stroke=HOUSEHOLD, stroke_width=1.2,
                 stroke_dasharray="5 3")
        if hh.name and hh.name_box is not None:
            n = hh.name_box.moved(dx, dy)
            doc.text(g, n.x, round(n.y + NAME_SIZE * 0.8, 2), hh.name, size=NAME_SIZE,
                     anchor="start", fill=HOUSEHOLD, class_="household-name")
    edges = doc.group(classes=["edges"])
    for link in lay.links:
        _paint_link(doc, edges, case, link, lang, dx, dy)
    nodes = doc.group(classes=["nodes"])
    for card in lay.cards:
        f = card.frame.moved(dx, dy)
        doc.rect(nodes, f.x, f.y, f.w, f.h, fill="#ffffff", stroke="none", class_="card-back")
    for agent in lay.agents.values():
        _paint_agent(doc, nodes, case, agent, lang, dx, dy)
    for card in lay.cards:
        f = card.frame.moved(dx, dy)
        doc.rect(nodes, f.x, f.y, f.w, f.h, fill="none", stroke=CARD_STROKE, stroke_width=1.0,
                 rx=2, class_="card", data_card=card.id)
        for agent in lay.agents.values():
            if agent.card == card.id and agent.type == "professional":
                b = agent.box.moved(dx, dy)
                doc.line(nodes, b.x, b.y, b.right, b.y, stroke="#d5dae0", stroke_width=0.8)
    for place in lay.people.values():
        _paint_person(doc, nodes, case, place, dx, dy, lay.at, lang, lay)
    if lh:
        legend.paint(doc, (width - lw) / 2, dy + lay.bounds.bottom + 16, max(content_w, 420.0))
    return doc.to_string()


def _paint_header(doc: SvgDoc, header: Sequence[tuple[str, float, bool, str]]) -> None:
    y = MARGIN
    for text, size, bold, cls in header:
        y += size * LINE_HEIGHT
        g = doc.group(classes=[cls])
        if cls in ("no-regie", "multi-regie"):
            w = text_width(text, size, bold=bold) + 16
            doc.rect(g, MARGIN, y - size * 1.1, w, size * 1.5, rx=3, fill="#fdecea",
                     stroke="#c62828", stroke_width=1.0)
            doc.text(g, MARGIN + 8, y - size * 0.1, text, size=size, bold=bold,
                     anchor="start", fill="#b71c1c")
            y += 6
        else:
            doc.text(g, MARGIN, y - size * 0.25, text, size=size, bold=bold, anchor="start")


def _paint_link(doc: SvgDoc, parent: Element, case: Case, link: LinkPlace, lang: str,
                dx: float, dy: float) -> None:
    modifiers: list[str] = []
    form = _link_form(case, link)
    if link.kind == "involvement":
        modifiers.append(f"stance-{link.stance}")
        if link.regie:
            modifiers.append("regie")
        if form is not None:
            modifiers.append(f"form-{form}")
        style = stance_style(link.stance or "alongside", link.width)
    elif link.kind == "support":
        modifiers.append(f"strength-{link.strength}")
        style = _support_style(link.strength or "normal")
    elif link.kind == "relation":
        modifiers.append(link.relation or "")
        style = RELATION_STYLES[link.relation or "distant"]
    else:
        style = MEMBERSHIP_STYLE
    data = {"agents": " ".join(link.agents), "width": fmt(link.width)}
    if link.involvements:
        data["involvements"] = " ".join(str(i) for i in link.involvements)
    g = doc.edge(link.kind, tooltip=_link_tooltip(case, link, lang), modifiers=modifiers,
                 source=link.source, target=link.target, parent=parent, data=data)
    pts = [(x + dx, y + dy) for x, y in link.points]
    if len(pts) >= 2 and math.dist(pts[-2], pts[-1]) > 1e-6:
        paint_line(doc, g, pts, style)
        if form is not None:
            # the badge sits a third along the line, on the agent's side, away from the
            # crowd around the people
            form_badge(doc, g, *point_along(pts, 1 / 3), form, lang)


def _link_form(case: Case, link: LinkPlace) -> str | None:
    """The heaviest form of help among the involvements a line stands for."""
    if link.kind != "involvement":
        return None
    return heaviest(case.involvements[i].form for i in link.involvements)
