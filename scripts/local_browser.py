"""Headless Chromium and a loopback web server, as the tests and the benchmark use them.

Debian's Chromium (``/usr/bin/chromium``) with Playwright: ``playwright
install`` cannot download browsers here. The server serves a folder on
127.0.0.1 only, on a free port, and says nothing.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def launch(playwright):
    """A headless Chromium browser (Debian's)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def refuse_other_hosts(context, allowed_prefix: str) -> list[str]:
    """Abort every request in ``context`` whose URL does not start with ``allowed_prefix``;
    return the list the refused addresses are added to.

    The route's pattern matches only the other addresses, and the browser side checks it, so
    the site's own requests never wait on this process (a ``**/*`` route costs about a second
    over 34 pages)."""
    refused: list[str] = []

    def refuse(route):
        refused.append(route.request.url)
        route.abort()

    context.route(re.compile("^(?!" + re.escape(allowed_prefix) + ")"), refuse)
    return refused


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extra_headers: tuple[tuple[str, str], ...] = ()

    def end_headers(self):
        for name, value in self.extra_headers:
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path, headers: dict[str, str] | None = None) -> Iterator[str]:
    """Serve ``folder`` on loopback for the duration; yields its base URL (ending in /).

    ``headers`` are sent with every response, as a host sends those of ``_headers``.
    """
    handler_class = type("_Handler", (_QuietHandler,), {"extra_headers": tuple((headers or {}).items())})
    handler = functools.partial(handler_class, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
