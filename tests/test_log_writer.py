"""Write your log: entries kept in the page, saved as a locked file, opened again.

The saved file is opened here with Python's ``cryptography`` package from the
format on docs/log-file-format.md, independently of the page's script, by the
page's own Python example and by scripts/read_log_file.py.
"""

from __future__ import annotations

import base64
import io
import json
import os
import re
import struct
import subprocess
import sys
import unicodedata
import zipfile

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

import incident_log
import local_browser
import tool_forms
from conftest import (
    AT_BOTH_SIZES,
    NEUTRAL_SITE,
    ROOT,
    axe_violations,
    exit_context,
    html_path,
    plant,
    record_dialogs,
    refuse_other_origins,
    run_build,
)

PAGE = "write-your-log.html"
PASSPHRASE = "a long walk by the river, über den Fluss"
WRONG = "a long walk by the river, uber den Fluss"
# Words that can only come from the test's entry.
MARKER = "zebra lantern on the porch"
ENTRY = {
    "date": "2026-11-20",
    "time": "17:40",
    "where": "The car park at work",
    "type": "Gift or item left",
    "what": f'Flowers on my car. The card said "I will never give up on us." A {MARKER}.',
    "children": "No",
}
TIMINGS: dict[str, list[int]] = {"save": [], "open": []}

# Each kind of browser storage; one the page's origin cannot have (service
# workers and caches on file://) counts as empty.
STORAGE = """async () => {
  const count = async (f) => { try { return await f(); } catch (error) { return 0; } };
  return {
    local: Object.keys(localStorage).length,
    session: Object.keys(sessionStorage).length,
    idb: await count(async () => (await indexedDB.databases()).length),
    workers: await count(async () => (await navigator.serviceWorker.getRegistrations()).length),
    caches: await count(async () => (await caches.keys()).length),
  };
}"""


# The version 2 layout as docs/log-file-format.md states it, written out here by hand.
HEADER = 33  # 1 version + 4 iterations + 16 salt + 12 iv
# Words that would say what the file is, and every entry key (case-insensitive).
TELLING_WORDS = ("going", "contact", "log", "notes", "entries", "format", "version", "salt")
BASE64_RUN = re.compile(rb"[A-Za-z0-9+/]{16,}={0,2}")


def key_for(passphrase: str, salt: bytes, iterations: int) -> bytes:
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return PBKDF2HMAC(hashes.SHA256(), 32, salt, iterations).derive(secret)


def decrypt(raw: bytes, passphrase: str) -> dict:
    """The documented way to open a version 2 file (docs/log-file-format.md)."""
    data = base64.b64decode(b"".join(raw.split()), validate=True)
    header, sealed = data[:HEADER], data[HEADER:]
    version, iterations, salt, iv = struct.unpack(">BI16s12s", header)
    assert version == 2
    return json.loads(AESGCM(key_for(passphrase, salt, iterations)).decrypt(iv, sealed, header).decode("utf-8"))


def write_v1(entries: list[dict], passphrase: str) -> bytes:
    """A version 1 file, made as the format page's version 1 section says."""
    salt, iv = os.urandom(16), os.urandom(12)
    plain = json.dumps({"entries": entries}).encode("utf-8")
    sealed = AESGCM(key_for(passphrase, salt, 600_000)).encrypt(iv, plain, None)
    b64 = lambda b: base64.b64encode(b).decode("ascii")  # noqa: E731
    return json.dumps({"format": "going-no-contact-log", "version": 1, "kdf": "PBKDF2-SHA-256",
                       "iterations": 600_000, "salt": b64(salt), "iv": b64(iv), "ciphertext": b64(sealed)},
                      indent=2).encode("utf-8")


# ---------------------------------------------------------------------------
# Helpers that act like a reader
# ---------------------------------------------------------------------------

def add_entry(page, values: dict) -> None:
    for key, value in values.items():
        control = page.locator(f"#log-field-{key}")
        if control.evaluate("el => el.tagName") == "SELECT":
            control.select_option(value)
        else:
            control.fill(value)
    page.get_by_role("button", name="Add entry", exact=True).click()


def table_text(page) -> str:
    return page.locator("#log-table tbody").inner_text()


def save_file(page, tmp_path, passphrase: str = PASSPHRASE):
    page.get_by_role("button", name="Save to a file", exact=True).click()
    panel = page.locator("#log-save-panel")
    panel.get_by_label("Passphrase", exact=True).fill(passphrase)
    panel.get_by_label("Repeat passphrase", exact=True).fill(passphrase)
    with page.expect_download() as info:
        panel.get_by_role("button", name="Save file", exact=True).click()
    download = info.value
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    page.wait_for_function("document.getElementById('log-save-panel').hidden")
    TIMINGS["save"].append(int(page.get_attribute("#log-status", "data-ms")))
    return download.suggested_filename, target


def open_file(page, path, passphrase: str) -> None:
    page.get_by_role("button", name="Open a saved file", exact=True).click()
    panel = page.locator("#log-open-panel")
    panel.get_by_label("Saved log file", exact=True).set_input_files(str(path))
    panel.get_by_label("Passphrase", exact=True).fill(passphrase)
    panel.get_by_role("button", name="Open file", exact=True).click()
    # Done when the panel closes (opened) or an alert shows (refused).
    page.wait_for_function("""() => document.getElementById('log-open-panel').hidden
        || document.getElementById('log-open-alert').textContent.trim() !== ''""", timeout=20_000)


def open_alert(page) -> str:
    return page.locator("#log-open-alert").inner_text().strip()


def assert_nothing_stored(page, context) -> None:
    assert page.evaluate(STORAGE) == {"local": 0, "session": 0, "idb": 0, "workers": 0, "caches": 0}
    assert context.cookies() == []


def full_flow(page, context, tmp_path) -> None:
    """The issue's flow: add, save, reload, wrong passphrase, right one, bad files."""
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    add_entry(page, ENTRY)
    assert MARKER in table_text(page)
    assert "1 entry" in page.locator("#log-status").inner_text()

    # A short passphrase and two different ones are refused, with an alert.
    page.get_by_role("button", name="Save to a file", exact=True).click()
    panel = page.locator("#log-save-panel")
    panel.get_by_label("Passphrase", exact=True).fill("short")
    panel.get_by_label("Repeat passphrase", exact=True).fill("short")
    panel.get_by_role("button", name="Save file", exact=True).click()
    assert "too short" in page.locator("#log-save-panel [role=alert]").inner_text()
    panel.get_by_label("Passphrase", exact=True).fill(PASSPHRASE)
    panel.get_by_label("Repeat passphrase", exact=True).fill(PASSPHRASE + "x")
    panel.get_by_role("button", name="Save file", exact=True).click()
    assert "not the same" in page.locator("#log-save-panel [role=alert]").inner_text()
    panel.get_by_role("button", name="Cancel", exact=True).click()

    name, saved = save_file(page, tmp_path)
    raw = saved.read_bytes()
    # A neutral name, and nothing readable inside.
    assert re.fullmatch(r"notes-\d{4}-\d{2}-\d{2}\.txt", name), name
    for word in ("log", "abuse", "incident"):
        assert word not in name
    assert_says_nothing(raw)
    # The documented header: version 2, the page's iterations, a salt and iv.
    data = base64.b64decode(raw.strip(), validate=True)
    version, iterations, salt, iv = struct.unpack(">BI16s12s", data[:HEADER])
    assert version == 2 and iterations == tool_forms.ITERATIONS >= 600_000
    assert len(data) > HEADER + 16

    # Opened by Python's cryptography package, from the documented format.
    plain = decrypt(raw, PASSPHRASE)
    assert list(plain) == ["entries"] and len(plain["entries"]) == 1
    entry = plain["entries"][0]
    assert [c.key for c in incident_log.load_definition().columns] == list(entry)
    assert MARKER in entry["what"] and entry["date"] == "2026-11-20" and entry["time"] == "17:40"

    # Reload: the page forgot everything.
    page.reload()
    assert page.locator("#log-table-wrap").is_hidden()
    assert table_text(page).strip() == ""

    # A wrong passphrase: an alert, nothing shown.
    open_file(page, saved, WRONG)
    assert "passphrase may be wrong" in open_alert(page)
    assert MARKER not in page.locator("article").inner_text()

    # The right one: the entry is back.
    open_file(page, saved, PASSPHRASE)
    assert MARKER in table_text(page)
    TIMINGS["open"].append(int(page.get_attribute("#log-status", "data-ms")))
    assert "1 entry added" in page.locator("#log-status").inner_text()

    # Damaged, other and newer files: each an alert, and the entry stays.
    newer = base64.b64encode(bytes([3]) + data[1:]) + b"\n"
    changed = base64.b64encode(data[:-1] + bytes([data[-1] ^ 1])) + b"\n"
    bad = {
        "truncated.txt": (raw[: len(raw) // 2], DAMAGED),
        "other.json": (json.dumps({"format": "something-else", "version": 1}).encode(), NOT_A_LOG),
        "newer.txt": (newer, "newer version"),
        "changed.txt": (changed, "passphrase may be wrong"),
    }
    assert_refused(page, tmp_path, bad, rows=1)
    page.get_by_role("button", name="Cancel", exact=True).click()
    assert dialogs == []
    assert_nothing_stored(page, context)


NOT_A_LOG = "This file is not a saved log"
DAMAGED = "damaged or not complete"


def assert_says_nothing(raw: bytes) -> None:
    """Outside its base64, a saved file holds no word that says what it is, and no entry key."""
    assert re.fullmatch(rb"[A-Za-z0-9+/]+={0,2}\n", raw), raw[:80]
    plain = BASE64_RUN.sub(b"", raw).decode("ascii").lower()
    for word in (*TELLING_WORDS, *(c.key for c in incident_log.load_definition().columns)):
        assert word.lower() not in plain, word
    for text in (MARKER, "Flowers", "car park", "2026-11-20"):
        assert text.encode() not in raw


def assert_refused(page, folder, files: dict, rows: int) -> None:
    """Each file is refused with its message; the entries on the page stay as they were."""
    before = table_text(page)
    for filename, (content, message) in files.items():
        path = folder / filename
        path.write_bytes(content)
        open_file(page, path, PASSPHRASE)
        alert = open_alert(page)
        assert message in alert, (filename, alert)
        assert "Nothing on this page has changed" in alert, filename
        assert page.locator("#log-table tbody tr").count() == rows, filename
        assert table_text(page) == before, filename


# ---------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------

@pytest.fixture
def context(browser, server):
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    ctx.outside = refuse_other_origins(ctx, server)
    yield ctx
    ctx.close()
    assert ctx.outside == [], ctx.outside


def test_form_has_one_labelled_control_per_field(browser, server):
    definition = incident_log.load_definition()
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(server + PAGE)
    kinds = {"date": "date", "time": "time", "text": "text"}
    for column in definition.columns:
        control = page.get_by_label(column.label, exact=True)
        assert control.count() == 1, column.label
        tag, type_, described = control.evaluate(
            "el => [el.tagName.toLowerCase(), el.type, el.getAttribute('aria-describedby')]")
        if column.kind == "choice":
            assert tag == "select"
            options = control.locator("option").all_inner_texts()[1:]
            assert options == list(column.choices)
        elif column.kind == "longtext":
            assert tag == "textarea"
        else:
            assert tag == "input" and type_ == kinds[column.kind]
        if column.help:
            assert page.locator(f"#{described}").inner_text() == column.help
    # The buttons the issue names, each once.
    for name in ("Add entry", "Save to a file", "Open a saved file", "Download CSV", "Print", "Clear everything"):
        assert page.get_by_role("button", name=name, exact=True).count() == 1, name
    ctx.close()


def test_save_reload_open_on_a_server(context, server, tmp_path):
    page = context.new_page()
    console = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.goto(server + PAGE)
    full_flow(page, context, tmp_path)
    assert console == [], console
    print(f"\niterations {tool_forms.ITERATIONS}: save ms {TIMINGS['save']}, open ms {TIMINGS['open']}")


def test_same_flow_from_the_offline_zip(browser, site_dir, tmp_path):
    dest = tmp_path / "unzipped"
    with zipfile.ZipFile(site_dir / "downloads" / "going-no-contact.zip") as zf:
        zf.extractall(dest)
    ctx = browser.new_context(offline=True, accept_downloads=True)
    outside = refuse_other_origins(ctx, "file://")
    page = ctx.new_page()
    page.goto((dest / "going-no-contact" / PAGE).as_uri())
    assert page.evaluate("isSecureContext && !!crypto.subtle")
    assert page.locator("#log-no-crypto").is_hidden()
    files = tmp_path / "files"
    files.mkdir()
    full_flow(page, ctx, files)
    ctx.close()
    assert outside == [], outside


def test_edit_remove_undo_and_newest_first(context, server):
    page = context.new_page()
    page.goto(server + PAGE)
    add_entry(page, {"date": "2026-11-01", "what": "older thing"})
    add_entry(page, {"date": "2026-11-09", "what": "newer thing"})
    rows = page.locator("#log-table tbody tr")
    assert "newer thing" in rows.nth(0).inner_text() and "older thing" in rows.nth(1).inner_text()
    # Edit the second row: its button names the entry.
    page.get_by_role("button", name="Edit entry 2, 2026-11-01").click()
    assert page.locator("#log-field-what").input_value() == "older thing"
    page.locator("#log-field-what").fill("older thing, corrected")
    page.get_by_role("button", name="Save changes", exact=True).click()
    assert "older thing, corrected" in rows.nth(1).inner_text() and rows.count() == 2
    assert page.evaluate("document.activeElement.textContent").startswith("Edit")
    page.get_by_role("button", name="Remove entry 1, 2026-11-09").click()
    assert rows.count() == 1
    page.get_by_role("button", name="Undo remove", exact=True).click()
    assert rows.count() == 2
    # Clear everything asks first, on the page.
    page.get_by_role("button", name="Clear everything", exact=True).click()
    page.get_by_role("button", name="No, keep it", exact=True).click()
    assert rows.count() == 2
    page.get_by_role("button", name="Clear everything", exact=True).click()
    page.get_by_role("button", name="Yes, clear everything", exact=True).click()
    assert rows.count() == 0 and page.locator("#log-empty").is_visible()


def test_csv_has_the_forms_header_and_the_entry(context, server, site_dir):
    page = context.new_page()
    page.goto(server + PAGE)
    add_entry(page, ENTRY)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download CSV", exact=True).click()
    assert re.fullmatch(r"notes-\d{4}-\d{2}-\d{2}\.csv", info.value.suggested_filename)
    text = open(info.value.path(), encoding="utf-8-sig", newline="").read()
    header = (site_dir / "downloads" / "incident-log.csv").read_bytes().decode("utf-8")
    assert text.startswith(header)
    import csv
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == incident_log.load_definition().labels
    assert len(rows) == 2 and MARKER in rows[1][rows[0].index("What happened")]


def test_print_shows_only_the_table_and_the_caution(context, server, tmp_path):
    from pypdf import PdfReader

    page = context.new_page()
    page.goto(server + PAGE)
    add_entry(page, ENTRY)
    page.emulate_media(media="print")
    assert page.locator("#log-table").is_visible()
    assert MARKER in page.locator("#log-table").inner_text()
    assert page.locator(".log-print-caution").is_visible()
    for hidden in ("#log-form", "#log-actions", ".log-table__actions >> nth=0", ".quick-exit", "h1"):
        assert page.locator(hidden).is_hidden(), hidden
    for paper in ("A4", "Letter"):
        pdf = PdfReader(io.BytesIO(page.pdf(format=paper, prefer_css_page_size=True)))
        box = pdf.pages[0].mediabox
        assert box.width > box.height, f"{paper}: not landscape"
        text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
        assert MARKER in text and "court" in text
        assert len(pdf.pages) == 1, paper


@pytest.mark.parametrize("how", ["click", "shift"])
def test_quick_exit_leaves_at_once_with_unsaved_entries(browser, server, how):
    ctx = exit_context(browser)
    page = ctx.new_page()
    dialogs = record_dialogs(page)
    page.goto(server + "index.html")
    page.goto(server + PAGE)
    add_entry(page, ENTRY)
    page.locator("#log-field-where").fill("typed, not added")
    page.get_by_role("button", name="Add entry", exact=True).focus()
    if how == "click":
        page.click("[data-quick-exit-link]")
    else:
        for _ in range(3):
            page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL_SITE, timeout=3000)
    assert dialogs == [], how
    page.go_back()
    assert page.url == server + "index.html", how
    ctx.close()


def test_a_field_added_to_the_data_file_reaches_form_csv_and_file(browser, project_copy, tmp_path):
    project = project_copy()
    plant(project, "data/incident-log.yml", "\nperson:\n",
          "\n  - key: weather\n    label: Weather that day\n    kind: text\n"
          "    help: Sun, rain or snow.\n\nperson:\n")
    site = tmp_path / "site"
    result = run_build(project, site, env={"DOWNLOADS": "off"})
    assert result.returncode == 0, result.stdout + result.stderr
    definition = incident_log.load_definition(project / "data" / "incident-log.yml")
    with local_browser.serve(site) as base:
        ctx = browser.new_context(accept_downloads=True)
        page = ctx.new_page()
        page.goto(base + PAGE)
        control = page.get_by_label("Weather that day", exact=True)
        assert control.count() == 1
        add_entry(page, {"what": MARKER, "weather": "Heavy rain"})
        with page.expect_download() as info:
            page.get_by_role("button", name="Download CSV", exact=True).click()
        header = open(info.value.path(), encoding="utf-8-sig").readline()
        assert header == incident_log.build_csv(definition).decode("utf-8").rstrip("\r\n") + "\n"
        assert header.rstrip().endswith("Weather that day")
        _, saved = save_file(page, tmp_path)
        entry = decrypt(saved.read_bytes(), PASSPHRASE)["entries"][0]
        assert entry["weather"] == "Heavy rain" and list(entry)[-1] == "weather"
        ctx.close()


@AT_BOTH_SIZES
def test_axe_finds_nothing_with_entries_and_panels_open(browser, server, size):
    ctx = browser.new_context(viewport=size)
    page = ctx.new_page()
    page.goto(server + PAGE)
    found = []
    add_entry(page, ENTRY)
    for state in ("entries", "save panel", "open panel"):
        if state == "save panel":
            page.get_by_role("button", name="Save to a file", exact=True).click()
            page.locator("#log-save-panel").get_by_role("button", name="Save file", exact=True).click()
        elif state == "open panel":
            page.get_by_role("button", name="Open a saved file", exact=True).click()
            page.locator("#log-open-panel").get_by_role("button", name="Open file", exact=True).click()
        found += [f"{state}: {violation}" for violation in axe_violations(page)]
    ctx.close()
    assert not found, "\n".join(found)


def test_tool_files_load_only_on_their_own_pages(site_dir, nav_pages):
    own = {"write-your-log.md": ("log-writer.js", "log-print.css", "tools.css"),
           "my-safety-plan.md": ("safety-plan.js", "tools.css"),
           "log-file-format.md": ("tools.css",)}
    for src in nav_pages:
        text = (site_dir / html_path(src)).read_text(encoding="utf-8")
        for name in ("log-writer.js", "safety-plan.js", "tools.css", "log-print.css"):
            assert (name in text) == (name in own.get(src, ())), f"{src}: {name}"


def test_no_beforeunload_or_browser_storage_in_the_scripts():
    for name in ("log-writer.js", "safety-plan.js"):
        code = (ROOT / "overrides" / "assets" / "javascripts" / name).read_text(encoding="utf-8")
        code = re.sub(r"/\*.*?\*/|//[^\n]*", "", code, flags=re.S)  # comments may name what is not done
        for word in ("beforeunload", "localStorage", "sessionStorage", "indexedDB", "document.cookie",
                     "serviceWorker", "caches.", "confirm(", "alert(", "eval(", "innerHTML"):
            assert word not in code, f"{name}: {word}"


# ---------------------------------------------------------------------------
# The saved file, version 2 (and version 1 files still open)
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def two_saves(browser, server, tmp_path_factory):
    """The same entry saved twice from the page: the two files' bytes."""
    folder = tmp_path_factory.mktemp("saves")
    ctx = browser.new_context(accept_downloads=True)
    page = ctx.new_page()
    page.goto(server + PAGE)
    add_entry(page, ENTRY)
    raws = [save_file(page, folder / str(n))[1].read_bytes() for n in (1, 2)]
    ctx.close()
    return raws


def test_each_save_has_a_fresh_salt_and_iv(two_saves):
    first, second = (base64.b64decode(raw)[:HEADER] for raw in two_saves)
    assert first[5:21] != second[5:21], "the same salt twice"
    assert first[21:33] != second[21:33], "the same iv (AES-GCM nonce) twice"
    for header in (first, second):
        assert header[5:21] != bytes(16) and header[21:33] != bytes(12), "an all-zero salt or iv"
    for raw in two_saves:
        assert MARKER in decrypt(raw, PASSPHRASE)["entries"][0]["what"]


def test_any_changed_byte_stops_the_file_opening(browser, server, two_saves, tmp_path):
    data = base64.b64decode(two_saves[0])
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(server + PAGE)
    add_entry(page, {"what": "kept while files are refused"})
    # Every header byte (not secret, but bound as additional data) and three ciphertext bytes.
    positions = [*range(HEADER), HEADER, (HEADER + len(data)) // 2, len(data) - 1]
    refusals = ("passphrase may be wrong", DAMAGED, NOT_A_LOG, "newer version")
    for at in positions:
        changed = bytearray(data)
        changed[at] ^= 0x01 if at else 0x04  # byte 0: 2 -> 6, a version this page does not know
        (tmp_path / f"b{at}.txt").write_bytes(base64.b64encode(bytes(changed)) + b"\n")
        open_file(page, tmp_path / f"b{at}.txt", PASSPHRASE)
        alert = open_alert(page)
        assert any(word in alert for word in refusals), (at, alert)
        assert page.locator("#log-table tbody tr").count() == 1, at
        page.locator("#log-open-cancel").click()
    ctx.close()


def test_other_files_are_told_apart_from_damaged_ones(browser, server, site_dir, tmp_path):
    from PIL import Image

    image = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(image, format="PNG")
    ctx = browser.new_context(accept_downloads=True)
    page = ctx.new_page()
    page.goto(server + PAGE)
    add_entry(page, ENTRY)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download CSV", exact=True).click()
    own_csv = open(info.value.path(), "rb").read()
    assert_refused(page, tmp_path, {
        "photo.png": (image.getvalue(), NOT_A_LOG),
        "empty.txt": (b"", NOT_A_LOG),
        "notes.csv": (own_csv, NOT_A_LOG),
        "blank-form.csv": ((site_dir / "downloads" / "incident-log.csv").read_bytes(), NOT_A_LOG),
        "letter.txt": (b"Dear Sam, see you on Friday.\n", NOT_A_LOG),
    }, rows=1)
    ctx.close()


def test_a_version_1_file_still_opens(browser, server, tmp_path):
    path = tmp_path / "notes-2026-11-20.json"
    path.write_bytes(write_v1([{**{c.key: "" for c in incident_log.load_definition().columns}, **ENTRY}], PASSPHRASE))
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(server + PAGE)
    open_file(page, path, PASSPHRASE)
    assert MARKER in table_text(page)
    assert "1 entry added" in page.locator("#log-status").inner_text()
    # The same file opened again adds nothing, and the message says so in the singular.
    open_file(page, path, PASSPHRASE)
    assert "0 entries added to this page (1 was here already)" in page.locator("#log-status").inner_text()
    ctx.close()


def _format_page_example(site_dir) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((site_dir / "log-file-format.html").read_text(encoding="utf-8"), "html.parser")
    blocks = [pre.get_text() for pre in soup.select("article pre")]
    return next(code for code in blocks if "def open_log" in code)


def test_the_format_pages_own_python_example_opens_a_saved_file(site_dir, two_saves, tmp_path):
    path = tmp_path / "saved.txt"
    path.write_bytes(two_saves[0])
    scope: dict = {}
    exec(compile(_format_page_example(site_dir), "log-file-format.html", "exec"), scope)  # noqa: S102
    entries = scope["open_log"](str(path), PASSPHRASE)
    assert len(entries) == 1 and MARKER in entries[0]["what"]


def test_the_format_page_lists_the_header_as_the_page_writes_it(built_pages):
    text = built_pages["log-file-format.md"].get_text(" ")
    for row in ("0 version", "1 to 4 iterations", "5 to 20 salt", "21 to 32 iv", "33 to the end ciphertext"):
        assert row in " ".join(text.split()), row
    assert "Bytes 0 to 32 are its additional data" in " ".join(text.split())


@pytest.mark.parametrize("version", [2, 1])
def test_the_stand_alone_reader_prints_the_entries_as_csv(two_saves, tmp_path, version):
    import csv

    path = tmp_path / "saved"
    path.write_bytes(two_saves[0] if version == 2 else write_v1([ENTRY], PASSPHRASE))
    reader = [sys.executable, str(ROOT / "scripts" / "read_log_file.py"), str(path)]
    done = subprocess.run(reader, input=PASSPHRASE + "\n", capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert len(rows) == 1 and MARKER in rows[0]["what"] and rows[0]["date"] == "2026-11-20"
    wrong = subprocess.run(reader, input=WRONG + "\n", capture_output=True, text=True, timeout=60)
    assert wrong.returncode == 1 and "passphrase is wrong" in wrong.stderr and wrong.stdout == ""
