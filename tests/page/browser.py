"""A headless Chromium driven over the DevTools protocol on a pipe (no extra package).

Chromium's ``--remote-debugging-pipe`` reads commands from file descriptor 3 and writes
replies and events to descriptor 4, one JSON message each, ended by a NUL byte. This module
starts the browser with those two pipes, opens pages, and gathers console errors, failed or
outside requests, and the drawn size of every ``<svg>``. Every wait is bounded.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

__all__ = ["Browser", "PageCheck", "find_chromium"]

_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")


def find_chromium() -> str | None:
    """The path of a Chromium (or Chrome) executable, or ``None``."""
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


class PageCheck:
    """What one page load showed: console errors, requests, svg sizes, a screenshot."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.svg_sizes: list[tuple[str, float, float]] = []
        self.screenshot: bytes = b""


class Browser:
    """One headless Chromium process; use as a context manager."""

    def __init__(self, executable: str, timeout: float = 30.0) -> None:
        self.timeout = timeout
        self._profile = tempfile.TemporaryDirectory(prefix="sk-chromium-")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()
        args = [executable, "--headless", "--no-sandbox", "--disable-gpu",
                "--remote-debugging-pipe", f"--user-data-dir={self._profile.name}",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--mute-audio", "about:blank"]
        # The browser wants its pipes at descriptors 3 and 4: a tiny Python trampoline
        # puts them there and then becomes the browser.
        trampoline = ("import os, sys; os.dup2(int(sys.argv[1]), 3); "
                      "os.dup2(int(sys.argv[2]), 4); os.execv(sys.argv[3], sys.argv[3:])")
        self._proc = subprocess.Popen(
            [sys.executable, "-c", trampoline, str(to_child_r), str(from_child_w), *args],
            pass_fds=(to_child_r, from_child_w), stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self._buf = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []
        self._session = ""

    def __enter__(self) -> Browser:
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self._session = self.call("Target.attachToTarget", targetId=target,
                                  flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable", session=True)
        return self

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(OSError):
            self._send({"id": -1, "method": "Browser.close"})
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait(timeout=10)
        os.close(self._to_child)
        os.close(self._from_child)
        self._profile.cleanup()

    # --- protocol ------------------------------------------------------------------------

    def _send(self, message: dict[str, Any]) -> None:
        os.write(self._to_child, json.dumps(message).encode() + b"\0")

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("Chromium did not answer in time")
            ready, _, _ = select.select([self._from_child], [], [], left)
            if ready:
                chunk = os.read(self._from_child, 1 << 20)
                if not chunk:
                    raise RuntimeError("Chromium closed its pipe")
                self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def call(self, method: str, *, session: bool = False, **params: Any) -> dict[str, Any]:
        """Send one command and wait (bounded) for its reply; events seen meanwhile are kept."""
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = self._session
        self._send(message)
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            if "method" in reply:
                self.events.append(reply)

    def wait_event(self, method: str, timeout: float | None = None) -> dict[str, Any]:
        """Wait (bounded) for the next event ``method``; earlier kept events count."""
        for i, ev in enumerate(self.events):
            if ev["method"] == method:
                return self.events.pop(i)
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            ev = self._read(deadline)
            if ev.get("method") == method:
                return ev
            if "method" in ev:
                self.events.append(ev)

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        reply = self.call("Runtime.evaluate", session=True, expression=expression,
                          returnByValue=True)
        return reply["result"].get("value")

    # --- checks --------------------------------------------------------------------------

    def open(self, url: str, *, width: int = 1280, height: int = 900) -> PageCheck:
        """Load ``url``, wait for it, and gather errors, requests, svg sizes and a full-page
        screenshot."""
        self.events.clear()
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=width,
                  height=height, deviceScaleFactor=1, mobile=False)
        self.call("Page.navigate", session=True, url=url)
        self.wait_event("Page.loadEventFired")
        check = PageCheck()
        sizes = self.evaluate(
            "JSON.stringify([...document.querySelectorAll('svg')].map(s => "
            "{const r = s.getBoundingClientRect(); return [s.getAttribute('class') || '', "
            "r.width, r.height];}))")
        check.svg_sizes = [tuple(x) for x in json.loads(sizes)]
        shot = self.call("Page.captureScreenshot", session=True, format="png",
                         captureBeyondViewport=True)
        check.screenshot = base64.b64decode(shot["data"])
        self.call("Runtime.evaluate", session=True, expression="0")  # flush pending events
        for ev in self.events:
            method, params = ev["method"], ev.get("params", {})
            if method == "Runtime.exceptionThrown":
                check.errors.append(str(params.get("exceptionDetails", {}).get("text")))
            elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
                check.errors.append(json.dumps(params.get("args")))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                check.errors.append(params["entry"].get("text", ""))
            elif method == "Network.requestWillBeSent":
                check.requests.append(params["request"]["url"])
            elif method == "Network.loadingFailed":
                check.errors.append(f"failed: {params.get('errorText')}")
        return check

    def pdf(self) -> bytes:
        """The open page printed to PDF as the print dialog would (A4 from the page's CSS)."""
        reply = self.call("Page.printToPDF", session=True, preferCSSPageSize=True,
                          printBackground=True)
        return base64.b64decode(reply["data"])


def file_url(path: Path) -> str:
    """A ``file://`` URL for a local file."""
    return path.resolve().as_uri()
