"""One entry point for every drawing: genogram, systemogram and timeline, as SVG text.

Each kind lives in its own layout and render modules; this module only dispatches, so the
CLI and other tools need one call.
"""

from __future__ import annotations

from collections.abc import Mapping
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
         at: PartialDate | None = None, hidden: Mapping[str, int] | None = None) -> str:
    """Draw ``case`` as an SVG document of the given ``kind``.

    ``lang`` overrides ``case.case.lang``; ``at`` overrides ``case.case.as_of`` (the date the
    drawing shows).

    Raises:
        LayoutError: when the kind is unknown or the drawing cannot be laid out.
    """
    if kind not in _RENDERERS:
        raise LayoutError(f"unknown drawing kind {kind!r}; allowed: {', '.join(KINDS)}")
    module, func = _RENDERERS[kind]
    render = getattr(import_module(module), func)
    extra = {"hidden": hidden} if hidden else {}  # a cut of a larger tree (genogram only)
    svg: str = render(case, lang=lang or case.case.lang, at=at or case.as_of(), **extra)
    return svg
