"""Write your log: entries kept in the page, saved as a locked file, opened again.

The saved file is opened here with Python's ``cryptography`` package from the
format on docs/log-file-format.md, independently of the page's script.
"""

from __future__ import annotations

import base64
import io
import json
import re
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


def decrypt(raw: bytes, passphrase: str) -> dict:
    """The documented way to open a saved file (docs/log-file-format.md)."""
    saved = json.loads(raw.decode("utf-8"))
    assert saved["format"] == "going-no-contact-log" and saved["version"] == 1
    assert saved["kdf"] == "PBKDF2-SHA-256"
    salt, iv, data = (base64.b64decode(saved[k], validate=True) for k in ("salt", "iv", "ciphertext"))
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    key = PBKDF2HMAC(hashes.SHA256(), 32, salt, saved["iterations"]).derive(secret)
    return json.loads(AESGCM(key).decrypt(iv, data, None).decode("utf-8"))


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
    assert re.fullmatch(r"notes-\d{4}-\d{2}-\d{2}\.json", name), name
    for word in ("log", "abuse", "incident"):
        assert word not in name
    for text in (MARKER, "Flowers", "car park", "2026-11-20"):
        assert text.encode() not in raw
    # Exactly the documented keys, with the documented sizes.
    file = json.loads(raw)
    assert list(file) == ["format", "version", "kdf", "iterations", "salt", "iv", "ciphertext"]
    assert file["iterations"] >= 600_000 and file["iterations"] == tool_forms.ITERATIONS
    assert len(base64.b64decode(file["salt"])) == 16 and len(base64.b64decode(file["iv"])) == 12

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
    bad = {
        "truncated.json": (raw[: len(raw) // 2], "damaged or not complete"),
        "other.json": (json.dumps({"format": "something-else", "version": 1}).encode(), "not a file saved"),
        "newer.json": (json.dumps({**file, "version": 2}).encode(), "newer version"),
        "changed.json": (json.dumps({**file, "ciphertext": base64.b64encode(
            bytes([base64.b64decode(file["ciphertext"])[0] ^ 1]) + base64.b64decode(file["ciphertext"])[1:]
        ).decode()}).encode(), "passphrase may be wrong"),
    }
    for filename, (content, message) in bad.items():
        path = tmp_path / filename
        path.write_bytes(content)
        open_file(page, path, PASSPHRASE)
        assert message in open_alert(page), (filename, open_alert(page))
        assert "Nothing on this page has changed" in open_alert(page)
        assert MARKER in table_text(page), filename
        assert page.locator("#log-table tbody tr").count() == 1, filename
    page.get_by_role("button", name="Cancel", exact=True).click()
    assert dialogs == []
    assert_nothing_stored(page, context)


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
