"""The live view: serves on 127.0.0.1 only, tells the browser to reload on every save, keeps
the last good drawings when a save is invalid, and stops cleanly on Ctrl-C. Every request
and wait here is bounded in time."""

from __future__ import annotations

import http.client
import os
import signal
import sys
import time
from pathlib import Path

import pytest

from systeemkaart.io.yaml_json import load
from systeemkaart.page.live import HOST, LiveServer
from systeemkaart.page.report import build_report
from tests.processes import end_session, start_interruptible

ROOT = Path(__file__).resolve().parents[2]
GOOD = (ROOT / "examples" / "hoogbegaafd.yaml").read_text(encoding="utf-8")
TIMEOUT = 15.0


def _case(tmp_path: Path) -> Path:
    path = tmp_path / "casus.yaml"
    path.write_text(GOOD, encoding="utf-8")
    return path


def _save(path: Path, text: str) -> None:
    """Save like an editor, and make sure the stamp moves even within one clock tick."""
    old = path.stat().st_mtime
    path.write_text(text, encoding="utf-8")
    os.utime(path, (old + 2, old + 2))


def _get(server: LiveServer, path: str = "/", host: str | None = None) -> tuple[int, str]:
    conn = http.client.HTTPConnection(HOST, server.port, timeout=TIMEOUT)
    try:
        conn.request("GET", path, headers={"Host": host or f"{HOST}:{server.port}"})
        resp = conn.getresponse()
        return resp.status, resp.read().decode("utf-8")
    finally:
        conn.close()


def _next_event(server: LiveServer, seen: int) -> str:
    """Open the event stream at version ``seen`` and return the first data line."""
    conn = http.client.HTTPConnection(HOST, server.port, timeout=TIMEOUT)
    try:
        conn.request("GET", f"/events?v={seen}", headers={"Host": f"{HOST}:{server.port}"})
        resp = conn.getresponse()
        assert resp.status == 200
        assert resp.getheader("Content-Type") == "text/event-stream"
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            line = resp.fp.readline().decode()
            if line.startswith("data: "):
                return line[6:].strip()
        raise AssertionError("no event in time")
    finally:
        conn.close()


def _serve(path: Path) -> LiveServer:
    return LiveServer(str(path), lambda: build_report(load(path)), port=0)


def test_serves_the_page_on_localhost_only(tmp_path: Path) -> None:
    with _serve(_case(tmp_path)) as server:
        assert server.url.startswith("http://127.0.0.1:")
        status, page = _get(server)
        assert status == 200
        assert page.count("<svg") == 3 and "EventSource" in page
        assert _get(server, "/nothing")[0] == 404
        # another host name (DNS rebinding) is refused
        assert _get(server, "/", host=f"evil.example:{server.port}")[0] == 403


def test_a_save_sends_an_event_and_the_page_follows(tmp_path: Path) -> None:
    path = _case(tmp_path)
    with _serve(path) as server:
        seen = server.version
        _save(path, GOOD.replace("title: Zoon aangemeld", "title: Veranderd"))
        assert int(_next_event(server, seen)) > seen
        assert "Veranderd" in _get(server)[1]


def test_an_invalid_save_shows_its_messages_and_keeps_the_drawings(tmp_path: Path) -> None:
    path = _case(tmp_path)
    with _serve(path) as server:
        seen = server.version
        _save(path, GOOD.replace("sex: female", "sex: vrouwelijk", 1))
        assert int(_next_event(server, seen)) > seen
        page = _get(server)[1]
        assert 'class="problems"' in page
        assert "casus.yaml" in page and "vrouwelijk" in page
        assert page.count("<svg") == 3  # the last good drawings stay
        seen = server.version
        _save(path, GOOD)
        _next_event(server, seen)
        assert 'class="problems"' not in _get(server)[1]


def test_an_invalid_first_load_shows_only_messages(tmp_path: Path) -> None:
    path = tmp_path / "kapot.yaml"
    path.write_text("schema: systeemkaart/1\ncase: {id: x\n", encoding="utf-8")
    with _serve(path) as server:
        page = _get(server)[1]
        assert 'class="problems"' in page and "<svg" not in page


def test_pseudonymised_live_page_hides_the_messages(tmp_path: Path) -> None:
    path = _case(tmp_path)
    path.write_text(GOOD.replace("sex: female", "sex: vrouwelijk", 1), encoding="utf-8")
    server = LiveServer(str(path), lambda: build_report(load(path), pseudonymise=True),
                        port=0, hide_problems=True)
    with server:
        page = _get(server)[1]
        assert 'class="problems"' in page and "vrouwelijk" not in page
        assert "casus.yaml" not in page


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX")
def test_command_serves_and_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    path = _case(tmp_path)
    proc = start_interruptible([sys.executable, "-m", "systeemkaart.cli", "report", str(path),
                                "--serve", "--port", "0"])
    try:
        line = ""
        deadline = time.monotonic() + 60
        while "serving" not in line and time.monotonic() < deadline:
            line = proc.stdout.readline() if proc.stdout else ""
        assert line.startswith("serving http://127.0.0.1:"), line
        port = int(line.split("127.0.0.1:")[1].split("/")[0])
        conn = http.client.HTTPConnection(HOST, port, timeout=TIMEOUT)
        conn.request("GET", "/")
        assert conn.getresponse().status == 200
        conn.close()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=TIMEOUT)
    finally:
        if proc.returncode is None:
            end_session(proc)
    assert proc.returncode == 0, err
    assert "stopped" in out and "Traceback" not in err
