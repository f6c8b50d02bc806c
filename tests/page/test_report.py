"""The session page: everything of the case is on it, nothing reaches the network, and the
pseudonymised page is built from the pseudonymised copy alone."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings

import systeemkaart as sk
from systeemkaart.analysis import analyse
from systeemkaart.analysis.report import to_markdown
from systeemkaart.cli import main
from systeemkaart.dates import PartialDate
from systeemkaart.model import Case
from systeemkaart.page.html import embed_svg, markdown_report
from systeemkaart.page.report import report_html
from systeemkaart.text.labels import KIND_LABELS, LABELS
from tests.strategies import case_data

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))

# Anything that would make a browser fetch: attributes naming a URL with a scheme or a
# protocol-relative one, CSS url() and @import, and elements that load by nature.
_FETCH = re.compile(
    r"""(?:\b(?:src|href|xlink:href|action|poster|data|srcset|background)\s*=\s*["']?\s*"""
    r"""(?:[a-z][a-z0-9+.-]*:|//))|url\(\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|//)|@import"""
    r"""|<(?:link|iframe|object|embed|base|img|script)\b""",
    re.I,
)


def fetches(page: str) -> list[str]:
    """Every spot in ``page`` that would make a browser request something."""
    return [m.group(0) for m in _FETCH.finditer(page)]


def test_fetch_pattern_catches_what_it_should() -> None:
    for bad in ('<img src="https://x/y.png">', "<link rel=stylesheet href=//cdn/x.css>",
                "a{background:url(http://x)}", "@import 'x.css';", "<script>1</script>",
                '<image xlink:href="file:///etc/passwd"/>'):
        assert fetches(bad), bad
    assert fetches('<svg xmlns="http://www.w3.org/2000/svg"><a href="#genogram">') == []


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_event_hypothesis_and_analysis_line_is_on_the_page(path: Path) -> None:
    case = sk.load(path)
    page = report_html(case)
    text = html.unescape(re.sub(r'<a href="#[^"]*">|</a>', "", page))
    assert fetches(page) == []
    assert text.count("<svg") == 3  # genogram, systemogram, timeline
    assert case.case.title is None or f"<title>{case.case.title}</title>" in text
    assert str(case.as_of()) in text
    names = case.names()
    for ev in case.events:
        assert ev.title in text
        row = re.search(rf"<td>{re.escape(str(ev.date))}</td><td>{re.escape(ev.title)}", text)
        assert row, ev.title
    for h in case.hypotheses:
        about = ", ".join(names.get(i, i) for i in h.about)
        assert f"{h.text} <span class=\"about\">(over: {about})" in text
    report = to_markdown(analyse(case), names)
    for line in report.splitlines()[1:]:
        words = line.removeprefix("## ").removeprefix("- ")
        words = re.sub(r"^\*\*([a-z_]+)\*\*: ", "", words)
        assert words in text, words


def test_ids_are_unique_across_the_drawings() -> None:
    page = report_html(sk.load(ROOT / "examples" / "mdo-weglopen.yaml"))
    ids = re.findall(r'(?<![\w-])id="([^"]*)"', page)
    assert len(ids) == len(set(ids)) > 20
    assert "genogram-n-daan" in ids and "systemogram-n-daan" in ids


def test_embed_svg_prefixes_ids_references_and_scopes_styles() -> None:
    svg = ('<?xml version="1.0"?><svg width="10" height="20"><style>text{fill:red}'
           'g.a, .b{x:1}</style><defs><marker id="m"/></defs><path marker-end="url(#m)" '
           'data-id="keep"/><use href="#m"/></svg>')
    body, w, h = embed_svg(svg, "k")
    assert (w, h) == (10, 20)
    assert body.startswith("<svg")
    assert 'id="k-m"' in body and "url(#k-m)" in body and 'href="#k-m"' in body
    assert 'data-id="keep"' in body
    assert "#k text{fill:red}#k g.a,#k .b{x:1}" in body
    typed, _, _ = embed_svg('<svg width="1" height="1"><style type="text/css">@media print{'
                            'text{x:1}}</style></svg>', "q")
    assert '<style type="text/css">@scope (#q) {@media print{text{x:1}}}</style>' in typed


def test_markdown_report_escapes_and_keeps_the_words() -> None:
    md = "# T\n\n## Regie\n\n- regie: <Anna>\n- **no_regie**: a & b\n"
    out = markdown_report(md)
    assert "<h3>Regie</h3>" in out
    assert "<li>regie: &lt;Anna&gt;</li>" in out
    assert '<li class="finding"><code>no_regie</code> a &amp; b</li>' in out


def test_language_and_date() -> None:
    case = sk.load(ROOT / "examples" / "stiefgezin.yaml")
    en = report_html(case, lang="en")
    assert 'lang="en"' in en and ">Events</h2>" in en and ">Hypotheses</h2>" in en
    assert html.escape(to_markdown(analyse(case, lang="en"), case.names()).splitlines()[3]
                       .removeprefix("- ")) in en
    earlier = report_html(case, at=PartialDate(2015))
    assert "stand per 2015" in earlier and 'data-at="2015"' in earlier


def test_empty_parts_say_so_instead_of_drawing() -> None:
    case = Case.model_validate({"schema": "systeemkaart/1", "case": {"id": "leeg",
                                                                     "as_of": 2023}})
    page = report_html(case)
    assert "<svg" not in page
    assert page.count("Niets te tekenen") == 3
    assert "Geen gebeurtenissen" in page and "Geen hypothesen" in page


# --- pseudonymised page ------------------------------------------------------------------

_TEXT_KEYS = {"name", "title", "notes", "role", "occupation", "text", "relation", "intensity"}
_REF_KEYS = {"id", "index", "partners", "parents", "child", "between", "members", "supports",
             "targets", "agent", "people", "about", "twin_of", "member", "regie", "person",
             "organisation", "from", "to"}
_DATE_KEYS = {"born", "died", "start", "end", "as_of", "date"}


def relabelled(data: dict[str, Any]) -> dict[str, Any]:
    """The same case with every free text, every id and every month and day replaced:
    what a pseudonymised page must not depend on."""
    ids: dict[str, str] = {}
    counter = [0]

    def new_text() -> str:
        counter[0] += 1
        return f"Zq{counter[0]}"

    def walk(value: Any, key: str = "") -> Any:
        if isinstance(value, dict):
            return {k: walk(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, key) for v in value]
        if isinstance(value, str) and key in _TEXT_KEYS:
            return new_text() if value else value  # whether a text is given may show
        if isinstance(value, str) and key in _REF_KEYS:
            return ids.setdefault(value, f"q{len(ids)}")
        if key in _DATE_KEYS and value is not None:
            return int(str(value)[:4])
        return value

    out: dict[str, Any] = walk(data)
    return out


@settings(max_examples=12)
@given(case_data(max_agents=12, max_generations=3))
def test_pseudonymised_page_depends_on_no_name_text_id_or_exact_date(
        data: dict[str, Any]) -> None:
    original = Case.model_validate(data)
    other = Case.model_validate(relabelled(data))
    page = report_html(original, pseudonymise=True, seed=5)
    assert page == report_html(other, pseudonymise=True, seed=5)
    assert fetches(page) == []


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_pseudonymised_examples_show_no_name_or_text(path: Path) -> None:
    case = sk.load(path)
    page = html.unescape(report_html(case, pseudonymise=True, seed=2))
    secrets = {p.name for p in case.people} | {h.text for h in case.hypotheses}
    secrets |= {e.title for e in case.events} | {o.name for o in case.organisations}
    secrets |= {case.case.title, path.stem}
    # a name that is also a word of the drawings ("Jeugd-GGZ", "Zwangerschap") is no leak
    words = {w for table in (LABELS, KIND_LABELS) for entry in table.values()
             for w in entry.values()}
    leaked = [s for s in secrets if s and len(s) > 3 and s not in words and s in page]
    assert leaked == []
    assert "Gepseudonimiseerd" in page or "Pseudonymised" in page


def test_pseudonymised_at_date_is_shifted_like_the_rest() -> None:
    case = sk.load(ROOT / "examples" / "mdo-weglopen.yaml")
    page = report_html(case, pseudonymise=True, seed=3, at=PartialDate(2021, 6))
    assert "2021-06" not in page
    shifted = sk.load(ROOT / "examples" / "mdo-weglopen.yaml")
    from systeemkaart.io.pseudonymise import pseudonymise

    copy = pseudonymise(shifted, seed=3)
    years = copy.case.as_of.year - 2023 if copy.case.as_of else 0
    assert f"stand per {2021 + years}<" in page


# --- command -----------------------------------------------------------------------------


def test_report_command_writes_one_page(tmp_path: Path) -> None:
    out = tmp_path / "casus.html"
    result = CliRunner().invoke(main, ["report", str(ROOT / "examples" / "hoogbegaafd.yaml"),
                                       "-o", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_report_command_bad_case_exit_2_and_no_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: systeemkaart/1\ncase: {id: x}\npeople:\n  - {id: a, sex: manly}\n",
                   encoding="utf-8")
    out = tmp_path / "bad.html"
    result = CliRunner().invoke(main, ["report", str(bad), "-o", str(out)])
    assert result.exit_code == 2
    assert "bad.yaml" in result.output and "Traceback" not in result.output
    assert not out.exists()


def test_report_command_never_overwrites_the_case(tmp_path: Path) -> None:
    case = tmp_path / "c.yaml"
    case.write_text((ROOT / "examples" / "hoogbegaafd.yaml").read_text(encoding="utf-8"),
                    encoding="utf-8")
    before = case.read_bytes()
    result = CliRunner().invoke(main, ["report", str(case), "-o", str(case)])
    assert result.exit_code == 2
    assert case.read_bytes() == before
    result = CliRunner().invoke(main, ["report", str(case)])
    assert result.exit_code == 0 and (tmp_path / "c.html").exists()


def test_pseudonymised_page_speaks_the_asked_language() -> None:
    case = sk.load(ROOT / "examples" / "veiligheid-broertje.yaml")
    page = report_html(case, pseudonymise=True, seed=4, lang="en")
    assert "Person 1" in page and "Persoon" not in page
    assert "Pseudonymised case" in page


def test_names_link_to_their_symbol_in_a_drawing() -> None:
    page = report_html(sk.load(ROOT / "examples" / "mdo-weglopen.yaml"))
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', page)
    ids = set(re.findall(r'(?<![\w-])id="([^"]*)"', page))
    drawn = [(target, name) for target, name in links if "-n-" in target]
    assert ("genogram-n-daan", "Daan") in drawn  # a person: in the genogram
    assert any(t.startswith("systemogram-n-") for t, _ in drawn)  # an agent: systemogram
    for target, _ in links:
        assert target in ids, target


def test_since_marks_what_changed_as_draw_does() -> None:
    case = sk.load(ROOT / "examples" / "terug-naar-huis.yaml")
    page = report_html(case, since=PartialDate(2021))
    assert "veranderingen sinds 2021" in page
    assert re.search(r'class="(node|edge|period)[^"]* new\b', page)
    assert "id=\"systemogram-new-glow\"" in page or "url(#new-glow)" not in page
    assert "veranderingen sinds" not in report_html(case)


def test_pseudonymised_since_moves_with_the_other_dates() -> None:
    case = sk.load(ROOT / "examples" / "terug-naar-huis.yaml")
    page = report_html(case, since=PartialDate(2021), pseudonymise=True, seed=3)
    found = re.search(r"stand per (\d{4}) · veranderingen sinds (\d{4})", page)
    assert found, "as_of and since shown"
    as_of, since = int(found.group(1)), int(found.group(2))
    assert as_of - since == (case.as_of().year - 2021)
    assert since != 2021
