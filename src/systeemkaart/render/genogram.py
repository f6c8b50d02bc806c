"""Genogram SVG: paints a :class:`~systeemkaart.layout.genogram.GenogramLayout`.

Layers from bottom to top: household outlines, family lines, emotional relations, people
(symbol and label), then the title and a legend of exactly what was drawn. Follows the SVG
conventions of DESIGN.md: ``n-<id>`` person groups with ``data-bbox``, edge groups with
``data-source``/``data-target`` or ``data-parents``/``data-child``, tooltips everywhere.

People and lines are written as text (:func:`~systeemkaart.render.svgdoc.node_markup` and
friends) rather than as an element per shape: a 3,000-person family is painted in about
55 ms, the same bytes the element tree would give. Cost: linear in people and lines.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from ..dates import PartialDate
from ..gcpause import paused_gc
from ..layout import Box, Point
from ..layout.genogram import (
    GenogramLayout,
    GenogramOptions,
    HouseholdPlace,
    PartnershipPlace,
    layout_genogram,
)
from ..model import Case, Person, case_at
from ..text.labels import label
from ..text.measure import text_width
from .crossing_points import CrossingPoints
from .genogram_people import Said, paint_people, people_said
from .styles import (
    CHILD_STYLES,
    HOUSEHOLD,
    MUTED,
    PARTNERSHIP_STYLES,
    RELATION_STYLES,
    TITLE_FONT_SIZE,
    LineStyle,
)
from .svgdoc import (
    Element,
    Legend,
    SampleFn,
    SvgDoc,
    edge_markup,
    line_markup,
    line_sample,
    markup,
    offset_polyline,
    text_markup,
)
from .svgmarkup import _attr, _escape, _num
from .symbols import SymbolSpec, brackets_sample, symbol_sample

__all__ = ["render_genogram", "render_layout"]

_TITLE_H: Final = 44.0
_IMPLIED: Final = LineStyle(colour=MUTED, width=1.2, dash="2 3")
_CONSANGUINE_GAP: Final = 2.2
_WIDOWED_REACH: Final = 22.0
"""How far from the dead partner's drop the widowed cross stands: clear of their symbol."""
_HOUSEHOLD_DASH: Final = "7 4"
_FRAME_DASH: Final = "1 2"
"""The dots of the frame round each member of a household whose members stand apart."""
_TINTS: Final = ("#cfe8e4", "#f3e2c7", "#e1d9ef", "#d9e7c9")
"""Fills that mark the frames of one household whose members stand apart."""


def render_genogram(case: Case, *, lang: str, at: PartialDate,
                    hidden: Mapping[str, int] | None = None) -> str:
    """The genogram of ``case`` as SVG text, labels in ``lang``, ages and statuses at ``at``;
    ``hidden`` counts relatives left out per person (a cut of a larger tree).

    Raises:
        LayoutError: when the genogram cannot be laid out.
    """
    case = case_at(case, at)  # what held at ``at``: the one rule for every drawing
    said: dict[str, Said] = {}
    names: dict[str, str] = {}

    def say() -> None:  # needs no coordinates: done while Graphviz lays out a large drawing
        said.update(people_said(case, lang, at))
        names.update(_names(case))

    with paused_gc():
        layout = layout_genogram(case, GenogramOptions(lang=lang, at=at, top=_TITLE_H,
                                                       hidden=hidden or {}), reduced=True,
                                 meanwhile=say)
        return render_layout(case, layout, lang=lang, at=at, reduced=True, said=said,
                             names=names)


def render_layout(case: Case, layout: GenogramLayout, *, lang: str, at: PartialDate,
                  reduced: bool = False, said: Mapping[str, Said] | None = None,
                  names: Mapping[str, str] | None = None) -> str:
    """Paint an already computed layout (see :func:`render_genogram`); ``reduced``: ``case``
    is ``case_at(case, at)`` already; ``said``: what the people's nodes say, where worked
    out already (see :func:`~.genogram_people.people_said`); ``names``: each person's
    name as lines and tooltips show it, where worked out already (:func:`_names`)."""
    if not reduced:  # the layout's indices refer to the case as it stood at ``at``
        case = case_at(case, at)
    said = said or people_said(case, lang, at)
    legend = Legend(lang=lang)
    names = names or _names(case)
    title = case.case.title or case.case.id
    heading = f"{label('genogram', lang)}: {title}"
    sub = f"{label('as_of', lang)} {at}"
    margin = 20.0
    width = max(layout.width, text_width(heading, TITLE_FONT_SIZE, bold=True) + 2 * margin)
    adopted = _collect_legend(case, layout, legend, lang, said)
    lw, lh = legend.size(max(width - 2 * margin, 360.0))
    width = max(width, lw + 2 * margin)
    height = layout.height + (lh + margin if lh else 0.0)
    doc = SvgDoc(width, height, title=heading, kind="genogram", lang=lang)
    doc.text(doc.root, margin, 24, heading, size=TITLE_FONT_SIZE, anchor="start", bold=True,
             class_="title")
    doc.text(doc.root, margin, 38, sub, size=9.0, anchor="start", fill=MUTED, class_="subtitle")
    if layout.warnings:
        doc.root.sub("desc", "\n".join(layout.warnings), class_="warnings")
    _paint_households(doc, case, layout, lang)
    _paint_partnerships(doc, case, layout, names, lang)
    _paint_children(doc, layout, names, lang)
    _paint_relations(doc, case, layout, names, lang)
    paint_people(doc, case, layout, lang, at, adopted, said)
    if lh:
        legend.paint(doc, margin, layout.height, width - 2 * margin)
    return doc.to_string()


def _names(case: Case) -> dict[str, str]:
    """Each person's name as the lines' tooltips show it, by id."""
    return {p.id: p.label() for p in case.people}


def _collect_legend(case: Case, layout: GenogramLayout, legend: Legend, lang: str,
                    said: Mapping[str, Said]) -> set[str]:
    """Add to ``legend`` exactly what will be drawn; returns ids drawn with brackets.
    ``said``: :data:`~.genogram_people.Said` of every person (deceased, age shown)."""
    adopted = {case.children[c.link].child for c in layout.children
               if c.kind in {"adopted", "foster"}}
    sexes_used = {p.sex for p in case.people if not (p.pregnancy or p.never_lived)}
    for sex in ("male", "female", "other", "unknown"):
        if sex in sexes_used:
            legend.add("symbols", f"sex-{sex}", label(sex, lang), symbol_sample(SymbolSpec(sex)))
    if any(p.pregnancy for p in case.people):
        legend.add("symbols", "pregnancy", label("pregnancy", lang),
                   symbol_sample(SymbolSpec("unknown", pregnancy=True)))
    if any(p.miscarriage for p in case.people):
        legend.add("symbols", "miscarriage", label("miscarriage", lang),
                   symbol_sample(SymbolSpec("unknown", miscarriage=True)))
    if any(p.abortion for p in case.people):
        legend.add("symbols", "abortion", label("abortion", lang),
                   symbol_sample(SymbolSpec("unknown", abortion=True)))
    if any(p.stillbirth for p in case.people):
        legend.add("symbols", "stillbirth", label("stillbirth", lang),
                   symbol_sample(SymbolSpec("unknown", stillbirth=True)))
    for kind in dict.fromkeys(ps.kind for ps in layout.partnerships):  # in order, once
        legend.add("family_lines", f"partnership-{kind}", label(kind, lang),
                   line_sample(_IMPLIED if kind == "implied" else PARTNERSHIP_STYLES[kind]))
    for ended in dict.fromkeys(  # the ends drawn with a mark, in order, once
            ps.ended for ps in layout.partnerships
            if (ps.ended in {"separated", "divorced"} and ps.slashes)
            or (ps.ended == "widowed" and ps.points)):
        if ended == "widowed":
            legend.add("family_lines", "status-widowed", label("widowed", lang),
                       _widowed_sample())
        else:
            legend.add("family_lines", f"status-{ended}", label(ended, lang),
                       _slash_sample(2 if ended == "divorced" else 1))
    if any(ps.consanguineous for ps in layout.partnerships):
        legend.add("family_lines", "consanguineous", label("consanguineous", lang),
                   _double_sample())
    for kind in ("biological", "adopted", "foster", "step"):
        if any(c.kind == kind for c in layout.children):
            legend.add("family_lines", f"child-{kind}", label(kind, lang),
                       line_sample(CHILD_STYLES[kind]))
    if any(c.twin for c in layout.children):
        legend.add("family_lines", "twins", label("twins", lang), _twin_sample(False))
    if layout.twin_bars:
        legend.add("family_lines", "identical-twins", label("identical_twins", lang),
                   _twin_sample(True))
    for kind in RELATION_STYLES:
        if any(r.kind == kind for r in layout.relations):
            legend.add("relationships", f"relation-{kind}", label(kind, lang),
                       line_sample(RELATION_STYLES[kind]))
    if any(said[p.id][0] for p in case.people):
        legend.add("markers", "deceased", label("deceased", lang),
                   symbol_sample(SymbolSpec("male", deceased=True)))
    if any(pid in layout.people for pid in case.case.index):
        legend.add("markers", "index", label("index", lang),
                   symbol_sample(SymbolSpec("male", index=True)))
    if adopted or any(p.adopted or p.foster for p in case.people):
        legend.add("markers", "adopted", f"{label('adopted', lang)} / {label('foster', lang)}",
                   brackets_sample())
    if any(p.sex != "unknown" and not (p.pregnancy or p.never_lived)
           and said[p.id][1] is not None for p in case.people):  # living, age shown
        legend.add("markers", "age", label("age_inside", lang),
                   symbol_sample(SymbolSpec("male", age=42)))
    if any(h.outline is not None for h in layout.households):
        legend.add("markers", "household", label("household", lang), _household_sample)
    apart = [h for h in layout.households if h.outline is None]
    if len({_tint(h.index) for h in apart}) == 1:  # drawn as its frames are: dotted, tinted
        legend.add("markers", "household-apart", label("household_apart", lang),
                   _apart_sample(_tint(apart[0].index)))
    else:  # one entry a household, so that each tint is named
        for k, hh in enumerate(apart):
            legend.add("markers", "household-apart" if k == 0 else f"household-apart-{hh.index}",
                       label("household_apart_named", lang).format(
                           name=_household_name(case, hh, lang)),
                       _apart_sample(_tint(hh.index)))
    return adopted


def _slash_sample(count: int) -> SampleFn:
    def paint(doc: SvgDoc, g: Element, x: float, y: float, w: float, h: float) -> None:
        cy = y + h / 2
        doc.line(g, x + 2, cy, x + w - 2, cy, stroke="#222222", stroke_width=1.6)
        for k in range(count):
            sx = x + w / 2 - 2.5 * (count - 1) + 5 * k
            doc.line(g, sx - 3, cy + 6, sx + 3, cy - 6, stroke="#222222", stroke_width=1.4)
    return paint


def _widowed_mark(x: float, y: float, colour: str) -> str:
    """A small cross standing on the partner line at ``(x, y)``: the partnership ended
    by death."""
    tail = f' stroke="{_attr(colour)}" stroke-width="1.5" class="status-mark widowed"/>'
    return (f'<line x1="{_num(x)}" y1="{_num(y - 9)}" x2="{_num(x)}" y2="{_num(y)}"{tail}'
            f'<line x1="{_num(x - 3)}" y1="{_num(y - 6)}" x2="{_num(x + 3)}" '
            f'y2="{_num(y - 6)}"{tail}')


def _widowed_at(ps: PartnershipPlace, people: Mapping[str, tuple[int, Person]],
                layout: GenogramLayout) -> tuple[float, float]:
    """Where the widowed mark stands: on the partner line, near the partner who died, just
    beside their symbol (the line hangs below the symbols; the dates written above the line
    in the middle stay clear). ``people``: each person and their place in the case, by id."""
    dead = [pid for _, pid in sorted((people[pid][0], pid) for pid in set(ps.partners)
                                     if pid in people and people[pid][1].is_deceased)]
    pts = ps.points[1:3] if len(ps.points) > 3 else [ps.points[0], ps.points[-1]]
    start, end = sorted(pts)
    if dead and dead[0] in layout.people:
        near_left = abs(layout.people[dead[0]].symbol.cx - start[0]) <= \
            abs(layout.people[dead[0]].symbol.cx - end[0])
    else:
        near_left = True
    reach = min(_WIDOWED_REACH, (end[0] - start[0]) / 3)
    return (start[0] + reach if near_left else end[0] - reach), start[1]


def _widowed_sample() -> SampleFn:
    def paint(doc: SvgDoc, g: Element, x: float, y: float, w: float, h: float) -> None:
        cy = y + h / 2 + 4
        doc.line(g, x + 2, cy, x + w - 2, cy, stroke="#222222", stroke_width=1.6)
        g.add_markup(_widowed_mark(x + w / 2, cy, "#222222"))
    return paint


def _double_sample() -> SampleFn:
    def paint(doc: SvgDoc, g: Element, x: float, y: float, w: float, h: float) -> None:
        cy = y + h / 2
        for d in (-_CONSANGUINE_GAP, _CONSANGUINE_GAP):
            doc.line(g, x + 2, cy + d, x + w - 2, cy + d, stroke="#222222", stroke_width=1.3)
    return paint


def _twin_sample(identical: bool) -> SampleFn:
    def paint(doc: SvgDoc, g: Element, x: float, y: float, w: float, h: float) -> None:
        top, bottom, cx = y + 2, y + h - 2, x + w / 2
        doc.polyline(g, [(cx - 10, bottom), (cx, top), (cx + 10, bottom)], stroke="#222222",
                     stroke_width=1.4)
        if identical:
            doc.line(g, cx - 5, (top + bottom) / 2, cx + 5, (top + bottom) / 2,
                     stroke="#222222", stroke_width=1.4)
    return paint


def _household_sample(doc: SvgDoc, g: Element, x: float, y: float, w: float, h: float) -> None:
    """The legend sample of an outlined household: dashed, as the outline is drawn."""
    doc.rect(g, x + 3, y + 2, w - 6, h - 4, rx=4, fill="none", stroke=HOUSEHOLD,
             stroke_width=1.4, stroke_dasharray=_HOUSEHOLD_DASH)


def _apart_sample(tint: str) -> SampleFn:
    """The legend sample of a household whose members stand apart: two frames side by
    side drawn as the drawing draws a member's frame (dotted, in ``tint``), so a reader
    sees that frames of one tint make one household."""
    def paint(doc: SvgDoc, g: Element, x: float, y: float, w: float, h: float) -> None:
        half = (w - 8) / 2
        for left in (x + 2, x + 6 + half):
            _frame(doc, g, Box(left, y + 2, half, h - 4), tint)
    return paint


def _tint(index: int) -> str:
    """The fill of the frames of household ``index`` when its members stand apart."""
    return _TINTS[index % len(_TINTS)]


def _frame(doc: SvgDoc, g: Element, box: Box, tint: str) -> None:
    """One member's frame of a household whose members stand apart, in drawing and
    legend alike."""
    doc.rect(g, box.x, box.y, box.w, box.h, rx=2, fill=tint, fill_opacity="0.35",
             stroke=HOUSEHOLD, stroke_width=1.1, stroke_dasharray=_FRAME_DASH)


def _household_name(case: Case, hh: HouseholdPlace, lang: str) -> str:
    """The household's name as the drawing shows it: as written by its outline or frames,
    else its own, else "Huishouden N"."""
    own = hh.name or case.households[hh.index].name
    return own or f"{label('household', lang)} {hh.index + 1}"


def _paint_households(doc: SvgDoc, case: Case, layout: GenogramLayout, lang: str) -> None:
    if not layout.households:
        return
    layer = doc.group(classes=["households"])
    for hh in layout.households:
        record = case.households[hh.index]
        name = _household_name(case, hh, lang)
        g = doc.group(layer, id=f"h-{record.id}" if record.id else None,
                      classes=["household", "outlined" if hh.outline else "apart"],
                      data={"members": " ".join(hh.members), "index": str(hh.index)},
                      tooltip=name)
        if hh.outline is not None:
            doc.polygon(g, hh.outline, fill="none", stroke=HOUSEHOLD, stroke_width=1.4,
                        stroke_dasharray=_HOUSEHOLD_DASH, stroke_linejoin="round")
        for box in hh.marks:  # one tint for all frames: they read as one household
            _frame(doc, g, box, _tint(hh.index))
        if hh.name_at is not None:
            doc.text(g, hh.name_at[0], hh.name_at[1], name, size=8.0, anchor="start",
                     fill=HOUSEHOLD, class_="household-name")


def _paint_partnerships(doc: SvgDoc, case: Case, layout: GenogramLayout,
                        names: Mapping[str, str], lang: str) -> None:
    """Every partner line in its edge group, written as :func:`edge_markup` around
    :func:`line_markup` would write it (the group's classes and the words once per kind)."""
    layer = doc.group(classes=["partnerships"])
    parts: list[str] = []
    people = {p.id: (i, p) for i, p in enumerate(case.people)}
    heads: dict[tuple[str, str | None, bool], str] = {}
    words: dict[str, str] = {}
    for ps in layout.partnerships:
        a, b = ps.partners
        look = (ps.kind, ps.ended, ps.consanguineous)
        head = heads.get(look)
        if head is None:
            modifiers = [ps.kind]
            if ps.ended:
                modifiers.append(ps.ended)
            if ps.consanguineous:
                modifiers.append("consanguineous")
            head = heads[look] = f' class="{_attr(" ".join(["edge", "partnership", *modifiers]))}"'
        said = words.get(ps.kind)
        if said is None:
            said = words[ps.kind] = label(ps.kind, lang)
        text = [said]
        record = case.partnerships[ps.index] if ps.index is not None else None
        if record is not None and record.start is not None:
            text.append(str(record.start))
        if ps.ended:
            text.append(label(ps.ended, lang) + (f" {record.end}" if record and record.end
                                                 else ""))
        style = _IMPLIED if ps.kind == "implied" else PARTNERSHIP_STYLES[ps.kind]
        content: list[str] = []
        if ps.consanguineous:
            for d in (-_CONSANGUINE_GAP, _CONSANGUINE_GAP):
                content.append(line_markup(offset_polyline(ps.points, d),
                                           LineStyle(style.colour, 1.3, style.dash)))
        else:
            content.append(line_markup(ps.points, style))
        if ps.ended == "widowed" and len(ps.points) >= 2:
            content.append(_widowed_mark(*_widowed_at(ps, people, layout), style.colour))
        for p, q in ps.slashes:  # as markup("line", ...) writes it
            content.append(f'<line x1="{_num(p[0])}" y1="{_num(p[1])}" x2="{_num(q[0])}" '
                           f'y2="{_num(q[1])}" stroke="{_attr(style.colour)}" '
                           'stroke-width="1.5" class="status-mark"/>')
        for line in ps.labels:
            content.append(text_markup(line.x, line.y, line.text, size=line.size, fill=MUTED,
                                       class_="line-label"))
        ident = f'<g id="{_attr(f"e-{record.id}")}"' if record is not None and record.id \
            else "<g"
        tooltip = _escape(f"{names[a]} – {names[b]}: {', '.join(text)}")
        parts.append(f'{ident}{head} data-source="{_attr(a)}" data-target="{_attr(b)}"><title>'
                     f'{tooltip}</title>{"".join(content)}</g>')
    layer.add_markup("".join(parts))


def _paint_children(doc: SvgDoc, layout: GenogramLayout, names: Mapping[str, str],
                    lang: str) -> None:
    """Every child line in its edge group, written as :func:`edge_markup` around
    :func:`line_markup` would write it (the group's classes once per kind)."""
    layer = doc.group(classes=["children"])
    bars = {t.twins[1]: t for t in layout.twin_bars}
    parts: list[str] = []
    couples: dict[tuple[str, ...], tuple[str, str]] = {}  # siblings share their parents
    kinds = {kind: label(kind, lang) for kind in CHILD_STYLES}
    heads = {(kind, twin): '<g class="' + _attr(f"edge child {kind}" + (" twin" if twin else ""))
             + '"' for kind in CHILD_STYLES for twin in (False, True)}
    esc = _escape
    for c in layout.children:
        parents = couples.get(c.parents)
        if parents is None:
            parents = couples[c.parents] = (" & ".join([names[p] for p in c.parents]),
                                            _attr(" ".join(c.parents)))
        content = line_markup(c.points, CHILD_STYLES[c.kind])
        bar = bars.get(c.child)
        if bar is not None:
            (x1, y1), (x2, y2) = bar.points
            content += markup("line", x1=x1, y1=y1, x2=x2, y2=y2, stroke="#222222",
                              stroke_width=1.4, class_="identical")
        tooltip = esc(f"{names[c.child]}: {kinds[c.kind]} ({parents[0]})")
        parts.append(f'{heads[c.kind, bool(c.twin)]} data-parents="{parents[1]}" '
                     f'data-child="{_attr(c.child)}"><title>{tooltip}</title>{content}</g>')
    layer.add_markup("".join(parts))


def _paint_relations(doc: SvgDoc, case: Case, layout: GenogramLayout,
                     names: Mapping[str, str], lang: str) -> None:
    if not layout.relations:
        return
    layer = doc.group(classes=["relations"])
    parts: list[str] = []
    cut = [r.points for r in layout.relations if RELATION_STYLES[r.kind].pattern == "cut"]
    crossing = CrossingPoints([points for _, _, points in layout.edges()], cut) if cut \
        else None
    for r in layout.relations:
        a, b = r.between
        record = case.relations[r.index]
        style = RELATION_STYLES[r.kind]
        avoid: list[Point] = []
        if crossing is not None and style.pattern == "cut":  # marks keep off lines crossing
            avoid = crossing.on(r.points)
        parts.append(edge_markup(
            "relation", line_markup(r.points, style, avoid), modifiers=[r.kind],
            source=a, target=b, tooltip=f"{names[a]} – {names[b]}: {label(r.kind, lang)}"
                                        + (f" ({record.notes})" if record.notes else "")))
    layer.add_markup("".join(parts))
