"""How the form of help looks: a hatch on a timeline bar, a badge on a systemogram line.

The forms (``ambulant``, ``day``, ``crisis``, ``residential``, ``foster``) come from an
involvement's ``form``. A timeline bar keeps its stance colour and gets a white hatch per
form (none for ambulant, sparse upright strokes for day treatment, diagonals for crisis, a
cross-hatch for residential care, a middle line for foster care); a systemogram line gets a
small round badge with the form's letter. Both drawings put the forms they use in their
legend.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from typing import Final

from ..layout import Box, Point
from ..text.labels import label
from ..vocab import HELP_FORM_WEIGHT
from .styles import HATCH, INK, PAPER
from .svgdoc import Element, SampleFn, SvgDoc

__all__ = ["FORM_ORDER", "badge_sample", "bar_sample", "form_badge", "hatch", "heaviest",
           "point_along"]

FORM_ORDER: Final = ("ambulant", "day", "crisis", "residential", "foster")
"""Legend order: lightest first."""
BADGE_R: Final = 6.5


def heaviest(forms: Iterable[str | None]) -> str | None:
    """The heaviest of ``forms`` (``None`` when none is given); ties go to the first."""
    best: str | None = None
    for f in forms:
        if f is not None and (best is None or HELP_FORM_WEIGHT[f] > HELP_FORM_WEIGHT[best]):
            best = f
    return best


def point_along(points: Sequence[Point], share: float) -> Point:
    """The point ``share`` (0..1) of the way along the polyline ``points``."""
    lengths = [math.dist(a, b) for a, b in itertools.pairwise(points)]
    rest = sum(lengths) * share
    for (a, b), n in zip(itertools.pairwise(points), lengths, strict=True):
        if rest <= n and n > 0:
            t = rest / n
            return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        rest -= n
    return points[-1]


def _diagonals(box: Box, step: float, rising: bool) -> list[tuple[float, float, float, float]]:
    """Segments of 45-degree lines ``step`` apart, clipped to ``box``."""
    out = []
    k = box.x - box.h
    while k < box.right:
        x0, x1 = max(k, box.x), min(k + box.h, box.right)
        if x1 > x0:
            if rising:  # from bottom-left to top-right
                out.append((x0, box.bottom - (x0 - k), x1, box.bottom - (x1 - k)))
            else:
                out.append((x0, box.y + (x0 - k), x1, box.y + (x1 - k)))
        k += step
    return out


def hatch(doc: SvgDoc, parent: Element, box: Box, form: str | None) -> None:
    """Paint the hatch of ``form`` inside the bar ``box`` (nothing for ambulant or none)."""
    if form in (None, "ambulant") or box.w < 3:
        return
    g = doc.group(parent, classes=["form-mark", f"form-{form}"])
    attrs = {"stroke": HATCH, "stroke_width": 1.1, "stroke_opacity": 0.9}
    if form == "day":
        x = box.x + 3
        while x < box.right - 1:
            doc.line(g, x, box.y + box.h * 0.35, x, box.bottom - 1, **attrs)
            x += 6
    elif form == "foster":
        doc.line(g, box.x + 1, box.cy, box.right - 1, box.cy, stroke=HATCH, stroke_width=1.6)
    else:
        lines = _diagonals(box, 5.0, True)
        if form == "residential":
            lines += _diagonals(box, 5.0, False)
        for x0, y0, x1, y1 in lines:
            doc.line(g, x0, y0, x1, y1, **attrs)


def form_badge(doc: SvgDoc, parent: Element, x: float, y: float, form: str,
               lang: str) -> None:
    """A round badge with the form's letter, centred at ``(x, y)`` on a line."""
    g = doc.group(parent, classes=["form-badge", f"form-{form}"])
    doc.circle(g, x, y, BADGE_R, fill=PAPER, stroke=INK, stroke_width=1)
    doc.text(g, x, y + 3.2, label(f"form_mark_{form}", lang), size=8.5, bold=True)


def bar_sample(form: str, colour: str) -> SampleFn:
    """A legend sample: a bar in ``colour`` with the hatch of ``form``."""
    def paint(doc: SvgDoc, g: Element, x: float, y: float, w: float, h: float) -> None:
        box = Box(x + 2, y + h / 2 - 5, w - 4, 10)
        doc.rect(g, box.x, box.y, box.w, box.h, rx=2, fill=colour, fill_opacity=0.75)
        hatch(doc, g, box, form)

    return paint


def badge_sample(form: str, lang: str) -> SampleFn:
    """A legend sample: a short line with the badge of ``form``."""
    def paint(doc: SvgDoc, g: Element, x: float, y: float, w: float, h: float) -> None:
        doc.line(g, x + 2, y + h / 2, x + w - 2, y + h / 2, stroke=INK, stroke_width=1.4)
        form_badge(doc, g, x + w / 2, y + h / 2, form, lang)

    return paint
