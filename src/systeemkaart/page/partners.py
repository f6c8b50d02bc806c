"""The partner picture (seed 000, Bijlage 2) drawn from counts across cases, as SVG.

The social team (SWT) sits in the centre. Every other organisation or context lies on a
ring by the number of cases it shares with the SWT (log scale, :func:`ring_of`): the inner
ring holds those that most often work in the same cases, the outer rim those never in a
case with the SWT. Youth care and child protection lie on the right, schools and the social
basis on the left, the GP and the municipality above, police and the rest below. A circle's
area grows with the number of cases the partner is in. Rings widen until no two boxes
(circle plus label) overlap; every node carries ``data-bbox`` like the other drawings.
Cost O(partners^2) for the overlap check, with at most :data:`MAX_PARTNERS` partners.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from ..text.labels import kind_label
from ..text.measure import fmt, text_width
from ..text.page_words import page_word
from .html import esc

__all__ = ["MAX_PARTNERS", "Placed", "layout_partners", "partner_svg", "ring_of"]

MAX_PARTNERS: Final = 40
FONT: Final = 10.0
R_MIN: Final = 4.0
R_MAX: Final = 20.0
CENTRE_R: Final = 34.0
LABEL_MAX: Final = 150.0

RIGHT: Final = frozenset({"youth_care", "youth_mental_health", "child_protection",
                          "safety_home"})
LEFT: Final = frozenset({"school", "social_basis", "sport", "leisure", "religion",
                         "neighbourhood"})
TOP: Final = frozenset({"gp", "municipality", "compulsory_education"})
# sector: (centre angle, half span) in degrees; SVG angles, 0 = right, 90 = down.
SECTORS: Final = {"right": (0.0, 62.0), "bottom": (90.0, 24.0), "left": (180.0, 62.0),
                  "top": (270.0, 24.0)}
COLOURS: Final = {"right": "#5b8fc9", "left": "#6aa86a", "top": "#b08ad0", "bottom": "#a0a0a0"}


def side(kind: str) -> str:
    """Where a kind of partner sits: ``right``, ``left``, ``top`` or ``bottom``."""
    if kind in RIGHT:
        return "right"
    if kind in LEFT:
        return "left"
    return "top" if kind in TOP else "bottom"


def ring_of(shared: int, most: int) -> int:
    """The ring (1 inner .. 4 outer rim) of a partner sharing ``shared`` cases with the
    SWT when the most any partner shares is ``most``, on a log scale (counts across cases
    span orders of magnitude): ring 1 from ``most ** (2/3)``, ring 2 from ``most ** (1/3)``,
    ring 3 from one case, the outer rim for none.

    >>> [ring_of(n, 1000) for n in (1000, 100, 99, 10, 9, 1, 0)]
    [1, 1, 2, 2, 3, 3, 4]
    """
    if shared <= 0 or most <= 0:
        return 4
    # compare shared ** 3 with most ** 2 (and most) in integers: no rounding at the edges
    if shared ** 3 >= most ** 2:
        return 1
    if shared ** 3 >= most:
        return 2
    return 3


@dataclass(frozen=True, slots=True)
class Placed:
    """One partner on the picture: centre, radius, label, its box and its numbers."""

    name: str
    kind: str
    cases: int
    shared: int
    ring: int
    x: float
    y: float
    r: float
    label: str
    box: tuple[float, float, float, float]


def _label(name: str, cases: int) -> str:
    text = f"{name} ({cases})"
    if text_width(text, FONT) <= LABEL_MAX:
        return text
    while name and text_width(f"{name}… ({cases})", FONT) > LABEL_MAX:
        name = name[:-1]
    return f"{name.rstrip()}… ({cases})"


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]
             ) -> bool:
    return (a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3]
            and b[1] < a[1] + a[3])


def _place(items: list[tuple[str, str, int, int, int]], radii: list[float], biggest: int
           ) -> list[Placed]:
    groups: dict[tuple[int, str], list[tuple[str, str, int, int, int]]] = {}
    for item in items:
        groups.setdefault((item[4], side(item[1])), []).append(item)
    out: list[Placed] = []
    for (ring, where), members in sorted(groups.items()):
        centre, half = SECTORS[where]
        n = len(members)
        for k, (name, kind, cases, shared, _) in enumerate(members):
            frac = (k + 0.5) / n
            angle = math.radians(centre - half + 2 * half * frac)
            radius = radii[ring - 1]
            x, y = radius * math.cos(angle), radius * math.sin(angle)
            r = R_MIN + (R_MAX - R_MIN) * math.sqrt(cases / biggest)
            label = _label(name, cases)
            w = text_width(label, FONT)
            if math.cos(angle) >= -1e-9:
                box = (x - r, min(y - r, y - FONT * 0.7), 2 * r + 4 + w, max(2 * r, FONT * 1.4))
            else:
                box = (x - r - 4 - w, min(y - r, y - FONT * 0.7), 2 * r + 4 + w,
                       max(2 * r, FONT * 1.4))
            out.append(Placed(name, kind, cases, shared, ring, x, y, r, label, box))
    return out


def layout_partners(units: Mapping[tuple[str, str], tuple[int, int]]) -> list[Placed]:
    """Place the partners (``(name, kind) -> (cases, cases shared with the SWT)``, the SWT
    itself left out), at most :data:`MAX_PARTNERS` of them (those in most cases), around the
    origin so that no two boxes overlap and none touches the centre."""
    chosen = sorted(units.items(), key=lambda kv: (-kv[1][0], kv[0]))[:MAX_PARTNERS]
    if not chosen:
        return []
    most = max(shared for _, (_, shared) in chosen)
    biggest = max(cases for _, (cases, _) in chosen)
    items = [(name, kind, cases, shared, ring_of(shared, most))
             for (name, kind), (cases, shared) in chosen]
    gap = LABEL_MAX + 2 * R_MAX + 14
    radii = [CENTRE_R + R_MAX + 40 + gap * i for i in range(4)]
    centre = (-CENTRE_R - 6, -CENTRE_R - 6, 2 * CENTRE_R + 12, 2 * CENTRE_R + 12)
    for _ in range(60):
        placed = _place(items, radii, biggest)
        crowded = {p.ring for p in placed if _overlap(p.box, centre)}
        for i, a in enumerate(placed):
            for b in placed[i + 1:]:
                if _overlap(a.box, b.box):
                    crowded.add(min(a.ring, b.ring))
        if not crowded:
            return placed
        ring = min(crowded)
        grow = radii[ring - 1] * 0.12 + 6
        radii = [r + grow if i >= ring - 1 else r for i, r in enumerate(radii)]
    return placed


def partner_svg(units: Mapping[tuple[str, str], tuple[int, int]], swt_cases: int, lang: str,
                title: str) -> str:
    """The partner picture as an SVG document (see the module docstring)."""
    placed = layout_partners(units)
    xs = [0.0, -CENTRE_R, CENTRE_R] + [v for p in placed for v in (p.box[0], p.box[0] + p.box[2])]
    ys = [0.0, -CENTRE_R, CENTRE_R] + [v for p in placed for v in (p.box[1], p.box[1] + p.box[3])]
    rings = sorted({math.hypot(p.x, p.y) for p in placed})
    ring_r: dict[int, float] = {}
    for p in placed:
        ring_r[p.ring] = max(ring_r.get(p.ring, 0.0), math.hypot(p.x, p.y))
    extent = max([abs(v) for v in xs + ys] + list(rings) + [CENTRE_R]) + 24
    legend_h = 110.0
    width, height = max(2 * extent, 620.0), 2 * extent
    ox, oy = width / 2, extent + 40
    total_h = height + 40 + legend_h
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{fmt(width)}" '
           f'height="{fmt(total_h)}" viewBox="0 0 {fmt(width)} {fmt(total_h)}" '
           f'class="partners" data-kind="partners" font-family="DejaVu Sans, Verdana, Arial, '
           f'sans-serif"><title>{esc(title)}</title>',
           f'<rect x="0" y="0" width="{fmt(width)}" height="{fmt(total_h)}" fill="#ffffff"/>',
           f'<text x="16" y="24" font-size="15" font-weight="bold">{esc(title)}</text>']
    for ring in sorted(ring_r):
        out.append(f'<circle cx="{fmt(ox)}" cy="{fmt(oy)}" r="{fmt(ring_r[ring])}" fill="none" '
                   f'stroke="#d9dde3" stroke-dasharray="4 4" class="ring ring-{ring}"/>')
    out.append(f'<g class="node centre social_team" data-id="swt" data-bbox="'
               f'{fmt(ox - CENTRE_R)} {fmt(oy - CENTRE_R)} {fmt(2 * CENTRE_R)} '
               f'{fmt(2 * CENTRE_R)}"><title>{esc(kind_label("social_team", lang))}: '
               f'{swt_cases}</title><circle cx="{fmt(ox)}" cy="{fmt(oy)}" r="{fmt(CENTRE_R)}" '
               f'fill="#e8a33d" stroke="#9a6412"/><text x="{fmt(ox)}" y="{fmt(oy - 2)}" '
               f'font-size="13" font-weight="bold" text-anchor="middle">'
               f'{esc(page_word("swt", lang))}</text><text x="{fmt(ox)}" y="{fmt(oy + 12)}" '
               f'font-size="10" text-anchor="middle">{swt_cases}</text></g>')
    for i, p in enumerate(placed):
        x, y = ox + p.x, oy + p.y
        bx, by, bw, bh = p.box
        where = side(p.kind)
        right = math.cos(math.atan2(p.y, p.x)) >= -1e-9
        tx = x + p.r + 4 if right else x - p.r - 4
        anchor = "start" if right else "end"
        tip = (f"{p.name} ({kind_label(p.kind, lang)}): {p.cases} "
               f"{page_word('cases', lang).lower()}, {p.shared} "
               f"{page_word('with_swt', lang).lower()}")
        out.append(f'<g class="node partner {esc(p.kind)} ring-{p.ring}" data-id="partner-{i}" '
                   f'data-bbox="{fmt(ox + bx)} {fmt(oy + by)} {fmt(bw)} {fmt(bh)}">'
                   f"<title>{esc(tip)}</title><circle cx=\"{fmt(x)}\" cy=\"{fmt(y)}\" "
                   f'r="{fmt(p.r)}" fill="{COLOURS[where]}" fill-opacity="0.8" stroke="#333" '
                   f'stroke-width="0.6"/><text x="{fmt(tx)}" y="{fmt(y + FONT * 0.35)}" '
                   f'font-size="{fmt(FONT)}" text-anchor="{anchor}">{esc(p.label)}</text></g>')
    out.append(_legend(placed, lang, 16, oy + extent + 14))
    out.append("</svg>")
    return "".join(out)


def _legend(placed: list[Placed], lang: str, x: float, y: float) -> str:
    lines: list[str] = []
    for ring in (1, 2, 3, 4):
        shared = [p.shared for p in placed if p.ring == ring]
        if not shared:
            continue
        if ring == 4:
            lines.append(page_word("ring_zero", lang))
        else:
            lines.append(page_word("ring", lang, r=ring, lo=min(shared), hi=max(shared)))
    swatches = [("right", "youth_care"), ("left", "school"), ("top", "gp"), ("bottom", "police")]
    out = ['<g class="legend">']
    for k, line in enumerate(lines):
        out.append(f'<text x="{fmt(x)}" y="{fmt(y + 12 + 14 * k)}" font-size="10" '
                   f'fill="#444">{esc(line)}</text>')
    sx = x + 330
    for k, (where, example) in enumerate(swatches):
        kinds = sorted({p.kind for p in placed if side(p.kind) == where}) or [example]
        words = ", ".join(kind_label(kd, lang) for kd in kinds[:4])
        out.append(f'<circle cx="{fmt(sx + 6)}" cy="{fmt(y + 8 + 16 * k)}" r="6" '
                   f'fill="{COLOURS[where]}" fill-opacity="0.8" stroke="#333" stroke-width="0.6"/>'
                   f'<text x="{fmt(sx + 18)}" y="{fmt(y + 12 + 16 * k)}" font-size="10" '
                   f'fill="#444">{esc(words)}</text>')
    out.append("</g>")
    return "".join(out)
