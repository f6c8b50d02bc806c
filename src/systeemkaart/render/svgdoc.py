"""Shared SVG building blocks in one place: the document and its markup
(:mod:`.svgmarkup`), styled lines (:mod:`.svglines`) and the legend (:mod:`.legend`).

Every drawing (genogram, systemogram, timeline) writes its SVG through
:class:`~.svgmarkup.SvgDoc`, so that all follow the same conventions (see DESIGN.md).
"""

from __future__ import annotations

from .legend import Legend, LegendEntry, SampleFn, line_sample
from .svglines import arrow_head, line_markup, offset_polyline, paint_line, zigzag_points
from .svgmarkup import (
    LEGEND_FONT_SIZE,
    Element,
    SvgDoc,
    edge_markup,
    group_markup,
    markup,
    node_markup,
    points_attr,
    text_markup,
)

__all__ = [
    "LEGEND_FONT_SIZE",
    "Element",
    "Legend",
    "LegendEntry",
    "SampleFn",
    "SvgDoc",
    "arrow_head",
    "edge_markup",
    "group_markup",
    "line_markup",
    "line_sample",
    "markup",
    "node_markup",
    "offset_polyline",
    "paint_line",
    "points_attr",
    "text_markup",
    "zigzag_points",
]
