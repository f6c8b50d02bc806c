"""HTML building blocks shared by the pages: escaping, inline SVG, the style sheet, the shell.

Every page is one self-contained file: inline CSS and SVG, local fonts only, no script
(the live view adds one small inline script), and a Content-Security-Policy that forbids the
browser any request, so a page can never reach the network even if a drawing asked it to.
"""

from __future__ import annotations

import html
import re
from typing import Final

__all__ = ["CSP", "STYLE", "document", "embed_svg", "esc", "figure", "markdown_report",
           "print_size"]

CSP: Final = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
              "base-uri 'none'; form-action 'none'")
"""No request of any kind: styles and images only from the page itself."""

# A4: 210 x 297 mm; 12 mm margins; room left for the caption line.
_PORTRAIT_MM: Final = (186.0, 258.0)
_LANDSCAPE_MM: Final = (273.0, 171.0)
_HEADER_MM: Final = 34.0

STYLE: Final = """
:root{--ink:#222;--muted:#6b7280;--line:#d9dde3;--accent:#1f5fa8;--warn:#b42318;
--bg-soft:#f6f7f9}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:#fff;
font:15px/1.45 "DejaVu Sans",Verdana,Arial,sans-serif}
header,main,footer{max-width:1180px;margin:0 auto;padding:0 20px}
header{padding-top:18px;border-bottom:1px solid var(--line)}
h1{font-size:1.55em;margin:.2em 0}
h2{font-size:1.2em;margin:1.6em 0 .5em;border-bottom:1px solid var(--line);
padding-bottom:.2em}
h3{font-size:1em;margin:1.1em 0 .3em}
.meta{color:var(--muted);margin:.2em 0 .8em}
.note{color:var(--muted);font-size:.9em}
.pseudo{background:#eef6ee;border:1px solid #9cc59c;padding:6px 10px;border-radius:4px}
nav ul{list-style:none;padding:0;margin:.4em 0 1em;display:flex;flex-wrap:wrap;gap:4px 16px}
nav a{color:var(--accent)}
figure.drawing{margin:1.2em 0;padding:0}
figure.drawing figcaption{font-weight:bold;margin-bottom:.3em}
.svg-box{overflow:auto;border:1px solid var(--line);border-radius:4px;background:#fff}
.svg-box svg{display:block;width:100%;height:auto;margin:0 auto}
table{border-collapse:collapse;margin:.4em 0 1em}
th,td{border-bottom:1px solid var(--line);padding:4px 10px 4px 0;text-align:left;
vertical-align:top}
th{font-weight:bold}
td.num,th.num{text-align:right;padding-right:14px;font-variant-numeric:tabular-nums}
ol.hypotheses li{margin:.3em 0}
ul.examples{padding-left:1.2em}
ul.examples li{margin:.8em 0}
.about{color:var(--muted);font-size:.9em}
.about a,.events a{color:inherit}
svg g.node{scroll-margin:120px}
svg g.node:target{outline:3px solid #e8a33d;outline-offset:2px}
ul.analysis{padding-left:1.2em}
li.finding{list-style:none;margin-left:-1.2em;border-left:3px solid #e8a33d;
padding-left:8px;margin-top:3px}
code{font-size:.85em;background:var(--bg-soft);padding:0 3px;border-radius:3px}
.bar{display:inline-block;height:.8em;background:#8fb3d9;vertical-align:middle}
.problems{background:#fdecea;border:2px solid var(--warn);padding:8px 12px;margin:12px 0;
border-radius:4px}
.problems pre{white-space:pre-wrap;margin:.3em 0 0;font-size:.9em}
.live-top{max-width:1180px;margin:0 auto;padding:6px 20px 0}
.live-top.stuck{position:sticky;top:0;z-index:2;background:#fff}
.live{color:var(--muted);font-size:.85em;margin:0;text-align:right}
footer{color:var(--muted);font-size:.8em;border-top:1px solid var(--line);margin-top:2em;
padding-top:6px;padding-bottom:20px}
@page{size:A4 portrait;margin:12mm}
@page landscape{size:A4 landscape;margin:12mm}
@media print{
body{font-size:10pt}
h2{margin-top:1em}
ul.analysis li,ol.hypotheses li{margin:.1em 0}
header,main,footer{max-width:none;padding:0}
nav,.live,.no-print{display:none}
figure.drawing{break-before:page;break-inside:avoid;margin:0}
figure.drawing.first{break-before:auto}
figure.drawing.landscape{page:landscape;break-before:page}
.svg-box{border:none;overflow:visible}
.svg-box svg{width:var(--print-w);height:var(--print-h);max-width:none}
h2{break-after:avoid}
tr,li{break-inside:avoid}
section.after-drawings{break-before:page}
a{color:inherit;text-decoration:none}
}
"""


def esc(text: object) -> str:
    """Escape text for HTML element content and double-quoted attributes."""
    return html.escape(str(text), quote=True)


_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>\s*")
_ID = re.compile(r'(?<![\w-])id="([^"]*)"')
_REF = re.compile(r'(url\(#|href="#)([^)"]*)')
_STYLE = re.compile(r"<style([^>]*)>(.*?)</style>", re.S)
_SIZE = re.compile(r'<svg\b[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"')


def _scope_css(css: str, scope: str) -> str:
    """Prefix every selector of plain ``sel{...}`` rules with ``scope``; inline SVG styles
    would otherwise apply to the whole page and to the other drawings. A sheet with at-rules
    is wrapped in ``@scope`` instead."""
    if "@" in css:
        return f"@scope ({scope}) {{{css}}}"
    out = []
    for rule in css.split("}"):
        if "{" not in rule:
            continue
        selectors, body = rule.split("{", 1)
        scoped = ",".join(f"{scope} {s.strip()}" for s in selectors.split(",") if s.strip())
        out.append(f"{scoped}{{{body}}}")
    return "".join(out)


def embed_svg(svg: str, prefix: str) -> tuple[str, float, float]:
    """An SVG document made fit to sit inline in a page beside other drawings.

    Drops the XML declaration, prefixes every ``id`` and every ``#`` reference with
    ``prefix-`` (two drawings both have ``n-<person>``), scopes its style sheet to the
    figure ``#prefix``, and returns the markup with its width and height in user units.
    """
    body = _XML_DECL.sub("", svg, count=1)
    body = _ID.sub(lambda m: f'id="{prefix}-{m.group(1)}"', body)
    body = _REF.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", body)
    body = _STYLE.sub(
        lambda m: f"<style{m.group(1)}>{_scope_css(m.group(2), '#' + prefix)}</style>", body)
    size = _SIZE.search(body)
    width, height = (float(size.group(1)), float(size.group(2))) if size else (800.0, 600.0)
    return body, width, height


def print_size(width: float, height: float, *, below_header: bool = False
               ) -> tuple[bool, str]:
    """Whether a drawing prints on a landscape page, and the CSS variables that scale it to
    fill that A4 page without cutting anything off (aspect ratio kept). ``below_header``:
    a portrait drawing shares the first page with the page's header."""
    landscape = width > height * 1.15
    room_w, room_h = _LANDSCAPE_MM if landscape else _PORTRAIT_MM
    if below_header and not landscape:
        room_h -= _HEADER_MM
    scale = min(room_w / width, room_h / height)
    return landscape, f"--print-w:{width * scale:.1f}mm;--print-h:{height * scale:.1f}mm"


def figure(anchor: str, caption: str, svg: str, *, first: bool = False) -> str:
    """One drawing as a figure: caption, the inline SVG up to 1.5 times its own size on
    screen, and on paper a page of its own (``first``: below the header), scaled to fit."""
    body, width, height = embed_svg(svg, anchor)
    landscape, size = print_size(width, height, below_header=first)
    cls = "drawing" + (" landscape" if landscape else "") + (" first" if first else "")
    return (f'<figure class="{cls}" id="{esc(anchor)}"><figcaption>{esc(caption)}</figcaption>'
            f'<div class="svg-box" style="max-width:{width * 1.5 + 2:.0f}px;{size}">{body}'
            f"</div></figure>")


_FINDING = re.compile(r"^- \*\*([a-z0-9_]+)\*\*: (.*)$")


def markdown_report(markdown: str) -> str:
    """The markdown analysis report (:func:`systeemkaart.analysis.report.to_markdown`) as
    HTML, word for word: headings, bullet lines and findings; everything else escaped.

    The top heading is dropped (the page has its own title).
    """
    out: list[str] = []
    in_list = False
    for line in markdown.splitlines():
        if line.startswith("# "):
            continue
        if line.startswith("## "):
            if in_list:
                out.append("</ul>")
                in_list = False
            out.append(f"<h3>{esc(line[3:])}</h3>")
            continue
        if not line.strip():
            continue
        if not in_list:
            out.append('<ul class="analysis">')
            in_list = True
        found = _FINDING.match(line)
        if found:
            out.append(f'<li class="finding"><code>{esc(found.group(1))}</code> '
                       f"{esc(found.group(2))}</li>")
        else:
            out.append(f"<li>{esc(line[2:] if line.startswith('- ') else line)}</li>")
    if in_list:
        out.append("</ul>")
    return "\n".join(out)


def document(title: str, lang: str, body: str, *, head: str = "", csp: str = CSP) -> str:
    """A whole HTML page: doctype, language, character set, the no-network policy, title,
    the style sheet and ``body``."""
    return (f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{esc(csp)}">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="systeemkaart">\n'
            f"<title>{esc(title)}</title>\n<style>{STYLE}</style>\n{head}</head>\n"
            f"<body>\n{body}\n</body>\n</html>\n")
