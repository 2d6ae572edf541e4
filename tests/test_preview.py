"""The preview (`make serve`): it reloads after an edit, its download links open their note; real builds stay strict.

The preview test runs the real ``mkdocs serve`` on a copy of the project with
the switches the Makefile's ``serve`` target sets, and edits a page in the copy.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from bs4 import BeautifulSoup

from conftest import BUILD_ENV, ROOT

# What the Makefile's serve target sets (checked below, so the two cannot drift apart).
SERVE_SWITCHES = {"DOWNLOADS": "off", "LIVE_RELOAD": "on"}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def preview(project_copy):
    """``mkdocs serve`` on a project copy; yields (base URL, copy)."""
    copy = project_copy()
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=copy, env={**BUILD_ENV, **SERVE_SWITCHES},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(url + "index.html", timeout=5).read()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail("mkdocs serve did not start")
            time.sleep(0.5)
    try:
        yield url, copy
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_makefile_serves_with_these_switches():
    recipe = re.search(r"^serve:.*?(?=^\S)", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M | re.S).group(0)
    for name, value in SERVE_SWITCHES.items():
        assert f"{name}={value}" in recipe, f"the serve target no longer sets {name}={value}"


def test_preview_download_notes_are_text(preview):
    url, _ = preview
    for name in ("incident-log.pdf", "incident-log.xlsx", "going-no-contact.zip", "going-no-contact-handbook.pdf"):
        with urllib.request.urlopen(url + "downloads/" + name, timeout=10) as response:
            assert response.headers["Content-Type"].startswith("text/plain"), (name, response.headers["Content-Type"])
            assert b"not built in the preview" in response.read(), name


def test_preview_reloads_after_an_edit_and_opens_download_notes(preview, browser):
    url, copy = preview
    ctx = browser.new_context()
    page = ctx.new_page()
    refused = []
    page.on("console", lambda msg: refused.append(msg.text) if "Content Security Policy" in msg.text else None)
    downloads = []
    page.on("download", lambda download: downloads.append(download.url))
    page.goto(url + "index.html")
    policy = page.evaluate("document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content")
    assert "'unsafe-inline'" in policy and "sha256-" not in policy, policy
    # MkDocs' reload script is waiting for a change: an edit reloads the page by itself.
    time.sleep(1)
    marker = "A line added to check that the preview reloads."
    index = copy / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
    page.get_by_text(marker).wait_for(timeout=60000)
    assert refused == [], refused
    # The handbook link opens its note in the browser, not a download.
    page.locator(".handbook-download a").click()
    page.wait_for_url(re.compile(r"going-no-contact-handbook\.pdf$"))
    page.get_by_text("not built in the preview").wait_for(timeout=10000)
    assert downloads == []
    ctx.close()


def test_real_build_pages_carry_the_strict_policy(site_dir):
    """Every HTML file of the session build (a real build, downloads on): hashes, never 'unsafe-inline'.

    tests/test_reproducible.py builds again with LIVE_RELOAD=on and finds every
    file identical: the switch alone never loosens a real build.
    """
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        meta = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find(
            "meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta is not None, path
        policy = meta["content"]
        assert "unsafe" not in policy and "__CSP" not in policy, f"{path.relative_to(site_dir)}: {policy}"
        assert re.search(r"script-src 'self' 'sha256-", policy), f"{path.relative_to(site_dir)}: {policy}"
