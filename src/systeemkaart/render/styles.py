"""Colours, font sizes and line styles shared by every drawing (genogram, systemogram).

Styles are plain data: :class:`LineStyle` says how a line looks (colour, width, dashes, a
pattern such as a zigzag or parallel lines, an arrowhead); the painter in
:mod:`systeemkaart.render.svgdoc` turns a polyline and a style into SVG. Keeping them here
means both drawings and their legends speak the same visual language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

__all__ = [
    "AT_LINE",
    "CARD_STROKE",
    "CHILD_STYLES",
    "CONTEXT_FILL",
    "CONTEXT_STROKE",
    "DECEASED",
    "FILLS",
    "FONT_SIZE",
    "GRID",
    "HATCH",
    "HOUSEHOLD",
    "INDEX",
    "INK",
    "MUTED",
    "NEW_FILL",
    "NEW_LINE",
    "ORG_FILLS",
    "ORG_LINE",
    "PAPER",
    "PARTNERSHIP_STYLES",
    "PRO_FILL",
    "PRO_LINE",
    "REGIE_GOLD",
    "RELATION_STYLES",
    "SMALL_FONT_SIZE",
    "STANCE_COLOURS",
    "STRENGTH_STYLES",
    "SUPPORTER_FILL",
    "SUPPORTER_STROKE",
    "TITLE_FONT_SIZE",
    "LineStyle",
    "Pattern",
]

Pattern = Literal["plain", "double", "triple", "zigzag", "double_zigzag", "cut"]
"""How a line is drawn along its path.

``plain`` one line; ``double``/``triple`` parallel lines; ``zigzag`` a triangle wave;
``double_zigzag`` two parallel lines with a zigzag over them (close-hostile); ``cut`` a line
interrupted by two short bars (cut off).
"""

INK: Final = "#222222"
"""Default stroke and text colour."""
MUTED: Final = "#6b7280"
"""Secondary text (dates, notes) and quiet lines."""
PAPER: Final = "#ffffff"
"""Background."""
INDEX: Final = "#1f5fa8"
"""The index person's double outline."""
DECEASED: Final = "#b3261e"
"""The deceased cross."""
HOUSEHOLD: Final = "#2f8f83"
"""Household outlines."""

FILLS: Final[dict[str, str]] = {
    "male": "#dbe8f6",
    "female": "#fbe1ea",
    "other": "#ebe3f5",
    "unknown": "#eeeeee",
}
"""Soft symbol fills by sex (also usable for node types in other drawings)."""

FONT_SIZE: Final = 11.0
"""Names and main labels, in user units."""
SMALL_FONT_SIZE: Final = 9.0
"""Dates, ages, line labels."""
TITLE_FONT_SIZE: Final = 15.0
"""The drawing's visible title."""


@dataclass(frozen=True)
class LineStyle:
    """How a line looks.

    Attributes:
        colour: stroke colour.
        width: stroke width in user units.
        dash: SVG ``stroke-dasharray`` value, or ``None`` for a solid line.
        pattern: see :data:`Pattern`.
        arrow: draw an arrowhead at the end of the path (directed lines).
    """

    colour: str = INK
    width: float = 1.4
    dash: str | None = None
    pattern: Pattern = "plain"
    arrow: bool = False


PARTNERSHIP_STYLES: Final[dict[str, LineStyle]] = {
    "married": LineStyle(width=1.6),
    "cohabiting": LineStyle(width=1.6, dash="7 4"),
    "engaged": LineStyle(width=1.6, dash="12 3 2 3"),
    "dating": LineStyle(width=1.4, dash="3 3"),
    "affair": LineStyle(colour="#8d3b72", width=1.4, dash="1.5 3"),
}
"""Partnership lines by kind (status is drawn as slashes, not as a style)."""

CHILD_STYLES: Final[dict[str, LineStyle]] = {
    "biological": LineStyle(width=1.4),
    "adopted": LineStyle(width=1.4, dash="6 3"),
    "foster": LineStyle(width=1.4, dash="1.5 3"),
    "step": LineStyle(colour=MUTED, width=1.2, dash="8 3 2 3"),
}
"""Parent-child lines by kind of link (McGoldrick: adopted dashed, foster dotted)."""

RELATION_STYLES: Final[dict[str, LineStyle]] = {
    "close": LineStyle(colour="#2e7d32", width=1.2, pattern="double"),
    "fused": LineStyle(colour="#1b5e20", width=1.2, pattern="triple"),
    "distant": LineStyle(colour=MUTED, width=1.4, dash="2 4"),
    "conflict": LineStyle(colour="#d84315", width=1.4, pattern="zigzag"),
    "hostile": LineStyle(colour="#b71c1c", width=2.2, pattern="zigzag"),
    "close_hostile": LineStyle(colour="#6a1b9a", width=1.2, pattern="double_zigzag"),
    "cutoff": LineStyle(colour="#37474f", width=1.4, pattern="cut"),
    "abuse": LineStyle(colour="#b71c1c", width=1.4, pattern="zigzag", arrow=True),
    "neglect": LineStyle(colour="#e65100", width=1.4, dash="5 3", arrow=True),
    "caregiving": LineStyle(colour="#1565c0", width=1.4, arrow=True),
}
"""Emotional relation lines (McGoldrick, Gerson & Petry), one per relation kind."""

STRENGTH_STYLES: Final[dict[str, LineStyle]] = {
    "strong": LineStyle(width=3.0),
    "normal": LineStyle(width=1.5),
    "weak": LineStyle(width=1.3, dash="5 4"),
    "stressful": LineStyle(colour="#c62828", width=1.4, pattern="zigzag"),
}
"""Ecomap line strengths (Hartman): strong thick, weak dashed, stressful zigzag."""

STANCE_COLOURS: Final[dict[str, str]] = {
    "alongside": "#2e7d32",
    "over": "#b26a00",
    "opposite": "#c62828",
}
"""An agent's stance towards the family: helper alongside, decider over, reporter opposite."""


# systemogram drawing
REGIE_GOLD: Final = "#e0a800"
CONTEXT_FILL: Final = "#fff4d6"
CONTEXT_STROKE: Final = "#b8921c"
SUPPORTER_FILL: Final = "#e4f2e2"
SUPPORTER_STROKE: Final = "#4f8a4a"
CARD_STROKE: Final = "#7a8794"
ORG_FILLS: Final[dict[str, str]] = {
    "social_team": "#e7e1f5",
    "youth_care": "#dde9f7",
    "youth_mental_health": "#dde9f7",
    "child_protection": "#f6dede",
    "safety_home": "#f6dede",
    "police": "#f6dede",
    "gp": "#e0f0ee",
    "school": "#fdf0d5",
    "social_basis": "#e4f2e2",
    "municipality": "#eceff1",
    "compulsory_education": "#f6dede",
    "other": "#eceff1",
}

# timeline drawing
GRID: Final = "#e3e6ea"
PRO_FILL: Final = "#f3c9a8"
PRO_LINE: Final = "#c0561b"
ORG_LINE: Final = "#4a5a6a"
AT_LINE: Final = "#1f5fa8"

# changes drawing
NEW_FILL: Final = "#fff1a8"
NEW_LINE: Final = "#e0a800"

# forms drawing
HATCH: Final = "#ffffff"
