"""The flows that must never fail, in all three engines: Chromium, Firefox ESR and WebKitGTK.

Readers in danger are often on an iPhone (WebKit) or on Firefox. Each flow is
written once, as a reader would do it (buttons, keys, the file chooser), and
run in each engine (tests/browser_engines.py): the quick exit, Write your log,
My safety plan's print, search, and the offline copy opened from disk.

The quick exit's neutral site is replaced by a local stand-in page in a copy
of the built site, so no engine ever reaches the internet.
"""

from __future__ import annotations

import shutil
import zipfile

import pytest

import browser_engines
import incident_log
import local_browser
import project_config

ENGINES = ["chromium", "firefox", "webkit"]
STAND_IN = "left-the-site.html"
# Words that can only come from the test's entry; plain ASCII, so every driver types it alike.
MARKER = "zebra lantern on the porch"
PASSPHRASE = "a long walk by the river at dawn"
WRONG = "a long walk by the river at dusk"

# What each engine can do where engines differ, as measured on Debian 12's
# packages (Chromium, Firefox ESR 153, WebKitGTK 2.50). A change in an engine
# fails test_engine_capabilities_are_as_recorded, naming it.
CAPABILITIES = {
    "chromium": {"crypto_over_http": True, "crypto_from_file": True, "print_to_pdf": True},
    "firefox": {"crypto_over_http": True, "crypto_from_file": True, "print_to_pdf": True},
    "webkit": {"crypto_over_http": True, "crypto_from_file": True, "print_to_pdf": False},
}
CRYPTO = "!!(window.isSecureContext && window.crypto && window.crypto.subtle)"


@pytest.fixture(scope="session")
def engine_site(site_dir, tmp_path_factory):
    """The built pages, with the quick exit going to a local stand-in page instead of the neutral site."""
    neutral = project_config.read()["extra"]["quick_exit"]["url"]
    copy = tmp_path_factory.mktemp("engine-site") / "site"
    shutil.copytree(site_dir, copy, ignore=shutil.ignore_patterns("downloads"))
    for page in copy.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if neutral in text:
            page.write_text(text.replace(neutral, "/" + STAND_IN), encoding="utf-8")
    (copy / STAND_IN).write_text("<!doctype html><title>Weather</title><p>Weather today", encoding="utf-8")
    return copy


@pytest.fixture(scope="session")
def engine_server(engine_site):
    with local_browser.serve(engine_site) as url:
        yield url


@pytest.fixture(scope="session")
def offline_copy(site_dir, tmp_path_factory):
    """The offline zip, unpacked as a reader would; yields the file:// address of its folder."""
    target = tmp_path_factory.mktemp("engine-offline")
    with zipfile.ZipFile(site_dir / "downloads" / "going-no-contact.zip") as archive:
        archive.extractall(target)
    return (target / "going-no-contact").as_uri() + "/"


@pytest.fixture(scope="session", params=ENGINES)
def engine(request, tmp_path_factory):
    """One browser process per engine for the whole session."""
    downloads = tmp_path_factory.mktemp(f"downloads-{request.param}")
    if request.param == "chromium":
        driver = browser_engines.Chromium(request.getfixturevalue("browser"), downloads)
    elif request.param == "firefox":
        driver = browser_engines.Firefox(downloads)
    else:
        driver = browser_engines.WebKit(downloads)
    yield driver
    driver.quit()


@pytest.fixture
def reader(engine):
    """The engine with a fresh page for each test."""
    engine.fresh()
    return engine


# ---------------------------------------------------------------------------
# The quick exit
# ---------------------------------------------------------------------------

def _two_pages(reader, base):
    reader.goto(base + "index.html")
    reader.goto(base + "guide/what-to-expect.html")


def _assert_left(reader, base):
    reader.wait(f"location.pathname === '/{STAND_IN}'", timeout=10, what="the quick exit")
    # Back once lands on the page before, never on the page the reader left.
    reader.back()
    reader.wait(f"location.href === {base + 'index.html'!r} && document.readyState === 'complete'",
                what="Back to land on the page before the one left")


def test_quick_exit_click(reader, engine_server):
    _two_pages(reader, engine_server)
    reader.click("[data-quick-exit-link]")
    _assert_left(reader, engine_server)


def test_quick_exit_shift_three_times(reader, engine_server):
    _two_pages(reader, engine_server)
    for _ in range(3):
        reader.press("Shift")
    _assert_left(reader, engine_server)


def test_quick_exit_escape_twice(reader, engine_server):
    _two_pages(reader, engine_server)
    reader.press("Escape")
    reader.press("Escape")
    _assert_left(reader, engine_server)


def test_quick_exit_escape_twice_from_a_text_box(reader, engine_server):
    """Escape twice leaves from anywhere, even while typing in the log or in the search box."""
    reader.goto(engine_server + "index.html")
    reader.goto(engine_server + "write-your-log.html")
    reader.fill(_long_text_label(), "I was writing")
    reader.press("Escape")
    reader.press("Escape")
    _assert_left(reader, engine_server)
    reader.fresh()  # puppeteer's Firefox waits forever for a load after Back from the cache
    reader.goto(engine_server + "guide/what-to-expect.html")
    reader.click("input.md-search__input")
    reader.type("hoover")
    reader.press("Escape")
    reader.press("Escape")
    reader.wait(f"location.pathname === '/{STAND_IN}'", timeout=10, what="the quick exit from the search box")


# ---------------------------------------------------------------------------
# Write your log
# ---------------------------------------------------------------------------

def _long_text_label() -> str:
    """The label of the log's first long-text box ("What happened"), from data/incident-log.yml."""
    columns = incident_log.load_definition().columns
    return next(c.label for c in columns if c.kind == "longtext")


def _text_label() -> str:
    columns = incident_log.load_definition().columns
    return next(c.label for c in columns if c.kind == "text")


IN_A_TABLE = ("[].slice.call(document.querySelectorAll('article table'))"
              ".some(function (t) { return t.innerText.indexOf(%r) !== -1; })")
AN_ALERT = ("[].slice.call(document.querySelectorAll('[role=alert]'))"
            ".map(function (a) { return a.getClientRects().length ? a.innerText.trim() : ''; }).join(' ').trim()")


def log_flow(reader, page_url, tmp_path):
    """Add, save, reload, open with the wrong then the right passphrase, CSV: as a reader does it."""
    reader.goto(page_url)
    reader.fill(_text_label(), "The car park at work")
    reader.fill(_long_text_label(), f"Flowers on my car. A {MARKER}.")
    reader.press_button("Add entry")
    reader.wait(IN_A_TABLE % MARKER, what="the entry in the table")

    reader.press_button("Save to a file")
    reader.fill("Passphrase", PASSPHRASE)
    reader.fill("Repeat passphrase", PASSPHRASE)
    saved = reader.download(lambda: reader.press_button("Save file"))
    kept = tmp_path / f"{reader.name}-{saved.name}"
    shutil.copy(saved, kept)
    assert MARKER.encode() not in kept.read_bytes(), "the saved file is readable"

    # Reload: the page forgot everything.
    reader.goto(page_url)
    assert not reader.js(IN_A_TABLE % MARKER)

    # A wrong passphrase: an alert, nothing shown.
    reader.press_button("Open a saved file")
    reader.upload(reader.find("label", "Saved log file"), kept)
    reader.fill("Passphrase", WRONG)
    reader.press_button("Open file")
    alert = reader.wait(AN_ALERT, timeout=30, what="an alert for the wrong passphrase")
    assert "passphrase" in alert.lower(), alert
    assert not reader.js(IN_A_TABLE % MARKER)

    # The right one: the entry is back.
    reader.fill("Passphrase", PASSPHRASE)
    reader.press_button("Open file")
    reader.wait(IN_A_TABLE % MARKER, timeout=30, what="the entry from the file")

    csv = reader.download(lambda: reader.press_button("Download CSV"))
    assert MARKER in csv.read_text(encoding="utf-8-sig"), csv


def test_engine_capabilities_are_as_recorded(reader, engine_server, offline_copy):
    found = {}
    reader.goto(engine_server + "index.html")
    found["crypto_over_http"] = reader.js(CRYPTO)
    reader.goto(offline_copy + "index.html")
    found["crypto_from_file"] = reader.js(CRYPTO)
    found["print_to_pdf"] = reader.can_print_to_pdf
    assert found == CAPABILITIES[reader.name]


def test_write_your_log_on_a_server(reader, engine_server, tmp_path):
    log_flow(reader, engine_server + "write-your-log.html", tmp_path)


def test_write_your_log_from_the_offline_copy(reader, offline_copy, tmp_path):
    if not CAPABILITIES[reader.name]["crypto_from_file"]:
        # The page says so and offers what works: writing, CSV and print.
        reader.goto(offline_copy + "write-your-log.html")
        assert "cannot lock a file" in reader.text("article")
        return
    log_flow(reader, offline_copy + "write-your-log.html", tmp_path)


# ---------------------------------------------------------------------------
# My safety plan: print
# ---------------------------------------------------------------------------

PLAN_ITEMS = ("[].slice.call(document.querySelectorAll('article input[type=checkbox]'))"
              ".filter(function (box) { return box.labels.length; }).slice(0, 2)"
              ".map(function (box) { return box.labels[0].textContent.trim(); })")
# The browser's print dialog would stop an automated browser: count the calls instead.
COUNT_PRINTS = ("(function () { window.__prints = 0;"
                " window.print = function () { window.__prints += 1; }; return 1; })()")


def test_safety_plan_prints_only_what_was_picked(reader, engine_server):
    reader.goto(engine_server + "my-safety-plan.html")
    picked, left = reader.js(PLAN_ITEMS)
    reader.click(reader.find("checkbox", picked))
    assert reader.js(f"document.querySelector({reader.find('checkbox', picked)!r}).control.checked")
    reader.js(COUNT_PRINTS)
    reader.press_button("Print my plan")
    assert reader.js("window.__prints") == 1
    if CAPABILITIES[reader.name]["print_to_pdf"]:
        printed = " ".join(reader.pdf_text().split())
        assert " ".join(picked.split()) in printed, printed[:500]
        assert " ".join(left.split()) not in printed


# ---------------------------------------------------------------------------
# Search, on a server and from the offline copy
# ---------------------------------------------------------------------------

def _search(reader, base):
    reader.goto(base + "index.html")
    reader.click("input.md-search__input")
    reader.type("hoovering")
    reader.wait("document.querySelectorAll('.md-search-result__item').length > 0", timeout=20,
                what="search results")
    assert "hoover" in reader.text(".md-search-result").lower()


def test_search_on_a_server(reader, engine_server):
    _search(reader, engine_server)


def test_search_from_the_offline_copy(reader, offline_copy):
    _search(reader, offline_copy)
