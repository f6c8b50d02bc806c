"""The pages in a real browser: headless Chromium opens the session pages, the overview and
the demo index, and the live view reloads itself on a save.

Checks: no console error and no failed load, no request other than the page itself, every
drawing has a size, a screenshot can be taken, and printing gives A4 pages. Skipped, with
the reason, where no Chromium is installed (CI installs the Debian package ``chromium``).
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import systeemkaart as sk
from systeemkaart.io.yaml_json import load
from systeemkaart.page.live import LiveServer
from systeemkaart.page.overview import Tally, digest
from systeemkaart.page.overview_page import overview_html
from systeemkaart.page.report import build_report, report_html
from tests.page.browser import Browser, PageCheck, file_url, find_chromium

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = find_chromium()

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium found (apt-get install chromium); the browser checks need one")

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM is not None
    with Browser(CHROMIUM) as b:
        yield b


def _check(b: Browser, page: Path, drawings: int) -> PageCheck:
    check = b.open(file_url(page))
    assert check.errors == []
    assert check.requests == [file_url(page)]  # nothing else is fetched
    assert len(check.svg_sizes) == drawings
    for kind, width, height in check.svg_sizes:
        assert width > 100 and height > 100, kind
    assert check.screenshot.startswith(PNG) and len(check.screenshot) > 10_000
    return check


@pytest.mark.parametrize("name", ["mdo-weglopen", "stiefgezin"])
def test_report_in_chromium(browser: Browser, tmp_path: Path, name: str) -> None:
    page = tmp_path / f"{name}.html"
    page.write_text(report_html(sk.load(ROOT / "examples" / f"{name}.yaml")),
                    encoding="utf-8")
    _check(browser, page, 3)
    # tooltips: every drawn person and agent carries its own <title>
    titled = browser.evaluate("document.querySelectorAll('svg g.node > title').length")
    nodes = browser.evaluate("document.querySelectorAll('svg g.node').length")
    assert nodes > 10 and titled == nodes
    (tmp_path / f"{name}.png").write_bytes(browser.open(file_url(page)).screenshot)
    # on paper every drawing fits the printable part of an A4 page (12 mm margins)
    browser.call("Emulation.setEmulatedMedia", session=True, media="print")
    sizes = browser.evaluate(
        "[...document.querySelectorAll('figure.drawing')].map(f => {const r = "
        "f.querySelector('svg').getBoundingClientRect(); return [f.className, r.width, "
        "r.height];})")
    browser.call("Emulation.setEmulatedMedia", session=True, media="")
    mm = 96 / 25.4
    assert len(sizes) == 3
    for cls, width, height in sizes:
        room = (273, 186) if "landscape" in cls else (186, 273)
        assert 0 < width <= room[0] * mm + 1 and 0 < height <= room[1] * mm + 1, cls
    pdf = browser.pdf()
    assert pdf.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert len(boxes) >= 4  # the header page and each drawing on a page of its own
    for w, h in boxes:  # A4 (595 x 842 pt), portrait or landscape
        assert sorted((round(float(w)), round(float(h)))) == [595, 842]


def test_pseudonymised_report_in_chromium(browser: Browser, tmp_path: Path) -> None:
    page = tmp_path / "anoniem.html"
    case = sk.load(ROOT / "examples" / "huisarts-steunfiguren.yaml")
    page.write_text(report_html(case, pseudonymise=True, seed=1), encoding="utf-8")
    _check(browser, page, 3)


def test_overview_in_chromium(browser: Browser, tmp_path: Path) -> None:
    tally = Tally()
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        case = load(path)
        tally.add(digest(case, sk.analyse(case)))
    page = tmp_path / "overzicht.html"
    page.write_text(overview_html(tally), encoding="utf-8")
    _check(browser, page, 1)


def test_demo_index_in_chromium(browser: Browser, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from systeemkaart.cli import main

    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["demo", str(ROOT / "examples"), "--out-dir", str(out)])
    assert result.exit_code == 0
    check = browser.open(file_url(out / "index.html"))
    assert check.errors == [] and check.svg_sizes == []
    links = browser.evaluate("[...document.querySelectorAll('a')].length")
    assert links >= 7


def test_live_view_reloads_in_chromium(browser: Browser, tmp_path: Path) -> None:
    path = tmp_path / "casus.yaml"
    good = (ROOT / "examples" / "hoogbegaafd.yaml").read_text(encoding="utf-8")
    path.write_text(good, encoding="utf-8")
    with LiveServer(str(path), lambda: build_report(load(path)), port=0) as server:
        check = browser.open(server.url)
        assert check.errors == [] and len(check.svg_sizes) == 3
        browser.evaluate("window.__marker = 1")
        old = path.stat().st_mtime
        path.write_text(good.replace("title: Zoon aangemeld", "title: Opnieuw"),
                        encoding="utf-8")
        os.utime(path, (old + 2, old + 2))
        browser.wait_event("Page.loadEventFired", timeout=20)
        deadline = time.monotonic() + 10
        title = ""
        while time.monotonic() < deadline and not title.startswith("Opnieuw"):
            title = browser.evaluate("document.title")
            time.sleep(0.1)
        assert title.startswith("Opnieuw")
        assert browser.evaluate("typeof window.__marker") == "undefined"  # really reloaded

