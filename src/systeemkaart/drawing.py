"""One entry point for every drawing: genogram, systemogram and timeline, as SVG text.

Each kind lives in its own layout and render modules; this module only dispatches, so the
CLI and other tools need one call.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from importlib import import_module
from typing import Final

from .dates import PartialDate
from .exceptions import LayoutError
from .model import Case

__all__ = ["KINDS", "draw"]

# kind -> (module, function); each function takes (case, *, lang, at) and returns SVG text.
_RENDERERS: Final[dict[str, tuple[str, str]]] = {
    "genogram": ("systeemkaart.render.genogram", "render_genogram"),
    "systemogram": ("systeemkaart.render.systemogram", "render_systemogram"),
    "timeline": ("systeemkaart.render.timeline", "render_timeline"),
}
KINDS: Final = tuple(_RENDERERS)


def draw(case: Case, kind: str = "genogram", *, lang: str | None = None,
         at: PartialDate | None = None, since: PartialDate | None = None,
         first: PartialDate | None = None, last: PartialDate | None = None,
         hidden: Mapping[str, int] | None = None) -> str:
    """Draw ``case`` as an SVG document of the given ``kind``.

    ``lang`` overrides ``case.case.lang``; ``at`` overrides ``case.case.as_of`` (the date the
    drawing shows). ``since`` marks what is new since that date and fades what ended since
    (:mod:`systeemkaart.render.changes`). ``first``/``last`` set the timeline's axis.
    ``hidden`` counts, per person, the relatives a cut of a larger tree left out (genogram).

    Raises:
        LayoutError: when the kind is unknown or the drawing cannot be laid out.
    """
    if kind not in _RENDERERS:
        raise LayoutError(f"unknown drawing kind {kind!r}; allowed: {', '.join(KINDS)}")
    module, func = _RENDERERS[kind]
    render = getattr(import_module(module), func)
    if kind == "timeline" and (first is not None or last is not None):
        render = partial(render, first=first, last=last)
    if hidden and kind == "genogram":
        render = partial(render, hidden=hidden)
    when = at or case.as_of()
    lang = lang or case.case.lang
    if since is not None:
        from .render.changes import mark_since

        return mark_since(case, kind, render, lang=lang, at=when, since=since)
    svg: str = render(case, lang=lang, at=when)
    return svg
