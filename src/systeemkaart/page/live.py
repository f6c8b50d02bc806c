"""The live view for the screen in the room: the session page, redrawn on every save.

A watcher thread polls the case file (modification time and size, every 0.25 s) and
rebuilds the page when it changes; a small HTTP server on 127.0.0.1 serves the page and a
server-sent-events stream (``/events``) that tells the browser to reload. An invalid save
shows its messages above the last good drawings. Built on the standard library's
:class:`http.server.ThreadingHTTPServer` in a thread: one local viewer needs no framework,
and server-sent events are a few lines of plain HTTP.
"""

from __future__ import annotations

import contextlib
import http.server
import os
import threading
from collections.abc import Callable
from typing import Final

from ..exceptions import SysteemkaartError
from ..text.page_words import page_word
from .html import CSP, esc
from .report import ReportPage

__all__ = ["HOST", "LiveServer"]

HOST: Final = "127.0.0.1"
POLL: Final = 0.25
PING: Final = 10.0
LIVE_CSP: Final = CSP.replace("default-src 'none';",
                              "default-src 'none'; script-src 'unsafe-inline'; "
                              "connect-src 'self';")

_SCRIPT: Final = """<script>
(function () {
  var source = new EventSource("/events?v=%d");
  source.onmessage = function () { source.close(); location.reload(); };
})();
</script>
"""


class LiveServer:
    """Serve the page built by ``build`` on 127.0.0.1 and rebuild it when ``case_file``
    changes. ``port`` 0 lets the system choose; :attr:`url` says where it listens.

    ``build`` returns a :class:`ReportPage` or raises :class:`SysteemkaartError`;
    ``hide_problems`` shows only how many problems there are (pseudonymised pages), since
    messages may quote names or ids from the file.
    """

    def __init__(self, case_file: str, build: Callable[[], ReportPage], *, port: int = 0,
                 hide_problems: bool = False,
                 on_change: Callable[[list[str]], None] | None = None) -> None:
        self.case_file = case_file
        self._build = build
        self._hide = hide_problems
        self._on_change = on_change
        self._cond = threading.Condition()
        self._stop = threading.Event()
        self.version = 0
        self._page: ReportPage | None = None
        self._problems: list[str] = []
        self._stamp: tuple[float, int] | None = None
        self.refresh()
        self._httpd = http.server.ThreadingHTTPServer((HOST, port), _handler(self))
        self._httpd.daemon_threads = True
        self.port = int(self._httpd.server_address[1])
        self.url = f"http://{HOST}:{self.port}/"
        self._threads = [threading.Thread(target=self._httpd.serve_forever,
                                          kwargs={"poll_interval": 0.2}, daemon=True),
                         threading.Thread(target=self._watch, daemon=True)]

    # --- state ---------------------------------------------------------------------------

    def _file_stamp(self) -> tuple[float, int] | None:
        try:
            st = os.stat(self.case_file)
        except OSError:
            return None
        return (st.st_mtime, st.st_size)

    def refresh(self) -> None:
        """Rebuild the page now; on failure keep the last good page and show the problems."""
        self._stamp = self._file_stamp()
        try:
            page, problems = self._build(), []
        except SysteemkaartError as err:
            page, problems = None, err.lines()
        with self._cond:
            if page is not None:
                self._page = page
            self._problems = problems
            self.version += 1
            self._cond.notify_all()
        if self._on_change is not None:
            self._on_change(problems)

    def _watch(self) -> None:
        while not self._stop.wait(POLL):
            stamp = self._file_stamp()
            if stamp is not None and stamp != self._stamp:
                self.refresh()

    def html(self) -> str:
        """The page as it is now: the last good page, the problems above it, the script."""
        with self._cond:
            page, problems, version = self._page, list(self._problems), self.version
        lang = page.lang if page is not None else "nl"
        banner = ""
        if problems:
            key = "problems" if page is not None else "problems_first"
            shown = (page_word("problems_hidden", lang, n=len(problems)) if self._hide
                     else "\n".join(problems))
            banner = (f'<div class="problems" role="alert"><strong>{esc(page_word(key, lang))}'
                      f"</strong><pre>{esc(shown)}</pre></div>")
        banner = f'<p class="live no-print">{esc(page_word("live", lang))}</p>' + banner
        head = _SCRIPT % version
        if page is None:
            page = ReportPage(title=os.path.basename(self.case_file) if not self._hide
                              else "systeemkaart", lang=lang, body="")
        cls = "live-top stuck" if problems else "live-top"
        return page.html(banner=f'<div class="{cls}">{banner}</div>', head=head, csp=LIVE_CSP)

    def wait_change(self, seen: int, timeout: float) -> int:
        """Block until the version differs from ``seen`` (or ``timeout`` or stop); the
        version now."""
        with self._cond:
            self._cond.wait_for(lambda: self.version != seen or self._stop.is_set(), timeout)
            return self.version

    @property
    def stopping(self) -> bool:
        """True once :meth:`close` was called."""
        return self._stop.is_set()

    # --- life ----------------------------------------------------------------------------

    def start(self) -> LiveServer:
        """Start serving and watching in background threads."""
        for t in self._threads:
            t.start()
        return self

    def close(self) -> None:
        """Stop watching and serving; open event streams end within a second."""
        self._stop.set()
        with self._cond:
            self._cond.notify_all()
        self._httpd.shutdown()
        self._httpd.server_close()
        for t in self._threads:
            if t.is_alive():
                t.join(timeout=5)

    def __enter__(self) -> LiveServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


def _handler(live: LiveServer) -> type[http.server.BaseHTTPRequestHandler]:
    allowed_hosts = {f"{HOST}:{{port}}", "localhost:{port}"}

    class Handler(http.server.BaseHTTPRequestHandler):
        server_version = "systeemkaart"
        sys_version = ""

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the terminal shows saves and problems, not every request."""

        def _host_ok(self) -> bool:
            # Refuse other host names (DNS rebinding): only this machine's own address.
            host = self.headers.get("Host", "")
            return host in {h.format(port=live.port) for h in allowed_hosts}

        def do_GET(self) -> None:
            if not self._host_ok():
                self.send_error(403, "wrong host")
                return
            path, _, query = self.path.partition("?")
            if path == "/":
                self._page()
            elif path == "/events":
                self._events(query)
            else:
                self.send_error(404)

        def _page(self) -> None:
            data = live.html().encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Security-Policy", LIVE_CSP)
            self.end_headers()
            self.wfile.write(data)

        def _events(self, query: str) -> None:
            seen = -1
            for part in query.split("&"):
                key, _, value = part.partition("=")
                if key == "v" and value.isdigit():
                    seen = int(value)
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            with contextlib.suppress(OSError):
                self.wfile.write(b"retry: 1000\n\n")
                self.wfile.flush()
                while not live.stopping:
                    now = live.wait_change(seen, PING)
                    if live.stopping:
                        break
                    if now != seen:
                        self.wfile.write(f"data: {now}\n\n".encode())
                        seen = now
                    else:
                        self.wfile.write(b": ping\n\n")
                    self.wfile.flush()

    return Handler
