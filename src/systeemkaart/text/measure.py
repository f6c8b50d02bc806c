"""Text measurement from real font metrics, so that label boxes are true and never overlap.

The SVG names DejaVu Sans first; widths come from that font's advance widths (see
``_metrics.py``). Characters outside the table count a full em, or as wide as ``M`` where
that is wider (bold): a Chinese, Japanese or Korean character, drawn from a fallback font,
is one em wide, so a box is never too small.
"""

from __future__ import annotations

from typing import Final

from ._metrics import BOLD, FONT_FAMILY, REGULAR

__all__ = ["FONT_FAMILY", "LINE_HEIGHT", "fmt", "text_width", "wrap"]

LINE_HEIGHT: Final = 1.25
"""Line height as a multiple of the font size."""

_FALLBACK: Final = 1000


_REGULAR_CHARS: Final = {chr(k): v for k, v in REGULAR.items()}
_BOLD_CHARS: Final = {chr(k): v for k, v in BOLD.items()}
"""The tables keyed by character, so a width needs no ``ord`` per character."""


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width of ``text`` set in DejaVu Sans at ``size`` user units (no kerning)."""
    try:
        units = sum(map((_BOLD_CHARS if bold else _REGULAR_CHARS).__getitem__, text))
    except KeyError:  # a character outside the table: a full em, at least as wide as M
        table = BOLD if bold else REGULAR
        fallback = max(table.get(ord("M"), _FALLBACK), _FALLBACK)
        units = sum(table.get(ord(ch), fallback) for ch in text)
    return units * size / 1000.0


def wrap(text: str, size: float, max_width: float, *, bold: bool = False) -> list[str]:
    """Break ``text`` at spaces into lines no wider than ``max_width`` (a long word stays whole)."""
    words = text.split()
    if not words:
        return [""]
    whole = " ".join(words)
    if text_width(whole, size, bold=bold) <= max_width:
        return [whole]  # every shorter line fits too: one line, as the loop below would give
    lines: list[str] = []
    current = words[0]
    for word in words[1:]:
        trial = f"{current} {word}"
        if text_width(trial, size, bold=bold) <= max_width:
            current = trial
        else:
            lines.append(current)
            current = word
    lines.append(current)
    return lines


def fmt(value: float) -> str:
    """Fixed number formatting for SVG output: at most two decimals, no trailing zeros.

    >>> fmt(1.0), fmt(2.345), fmt(-0.001)
    ('1', '2.35', '0')
    """
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text
