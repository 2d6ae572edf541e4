"""The two private tools' forms, rendered at build time from the data files.

- "Write your log" (``docs/write-your-log.md``): one labelled control per
  column of ``data/incident-log.yml`` (same order, labels, help and choices as
  the PDF, the spreadsheet and the CSV), the entries table, and a JSON block
  that tells ``log-writer.js`` the fields, the CSV header row (made by
  :func:`incident_log.build_csv`) and the saved file's format.
- "My safety plan" (``docs/my-safety-plan.md``): a checkbox for each item of
  each checklist page (read by :mod:`checklist_items`), boxes to type the
  reader's own details, and the help-now numbers of each country
  (``data/helplines.yml``) for the printed sheet.
- The saved file's format, as a table for the format page.

The markup is in the templates ``overrides/tools/*.html``; this module gives
them their data. Pages hold the shortcodes (``<!-- data:log-writer-form -->``
and so on, see ``scripts/shortcodes.py``); nothing is copied into a page by hand.
The page scripts read the JSON block or the form's own markup, so a field
added to the data file appears in the form, the CSV and the saved file with no
other change.
"""

from __future__ import annotations

import json
import re

from markupsafe import Markup

import checklist_items
import html_templates
import incident_log
from site_data import SiteData

# The saved file (documented on docs/log-file-format.md through render_format_table).
# Version 2 is one line of base64 and nothing else: no name, no word, no key in
# the clear says what the file is or where it came from. Its header (version,
# iterations, salt, iv) is bound to the ciphertext as AES-GCM additional data.
FILE_VERSION = 2
# Version 1 files (JSON with this "format" name, no additional data) still open.
V1_FORMAT = "going-no-contact-log"
KDF = "PBKDF2-SHA-256"
# OWASP's 2023 guidance for PBKDF2-HMAC-SHA256. About 0.1 s in headless Chromium
# on the 2-core build machine; an older phone may take a second or two.
ITERATIONS = 600_000
SALT_BYTES = 16
IV_BYTES = 12
TAG_BYTES = 16
# Version 2's header, in order: (name, bytes). What each holds is in the strings
# (section log_format, key NAME_what), so the format page reads in its own language.
V2_HEADER = (("version", 1), ("iterations", 4), ("salt", SALT_BYTES), ("iv", IV_BYTES))
HEADER_BYTES = sum(size for _, size in V2_HEADER)
MIN_PASSPHRASE = 12
# A file name that says nothing about what is inside: "notes-" and the date.
FILE_STEM = "notes"
FILE_EXTENSION = ".txt"

# Plan: a checklist item ending in a run of underscores is a blank to fill in.
BLANK = re.compile(r"\s*:?\s*_{3,}\s*$")

# The plan's own boxes for the reader's details: (key, kind). Their label is
# strings "plan.KEY" and their help "plan.KEY_help" (the three people share "plan.person_help").
PLAN_DETAILS = (
    ("person1", "text"), ("person2", "text"), ("person3", "text"), ("place", "text"),
    ("code", "text"), ("bag", "text"), ("showup", "longtext"),
)


def _json(value: object) -> Markup:
    """Data for a page script, for a ``<script type="application/json">`` block ("</" escaped)."""
    return Markup(json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/"))


# ---------------------------------------------------------------------------
# Write your log
# ---------------------------------------------------------------------------

def field_id(key: str) -> str:
    """The id of the entry form's control for one column, e.g. ``log-field-where``."""
    return f"log-field-{key}"


def render_log_form(data: SiteData) -> str:
    """The entry form: one labelled control per column of the incident log."""
    definition = data.incident_log
    config = {
        "version": FILE_VERSION,
        "v1Format": V1_FORMAT,
        "kdf": KDF,
        "iterations": ITERATIONS,
        "saltBytes": SALT_BYTES,
        "ivBytes": IV_BYTES,
        "tagBytes": TAG_BYTES,
        "headerBytes": HEADER_BYTES,
        "minPassphrase": MIN_PASSPHRASE,
        "fileStem": FILE_STEM,
        "fileExtension": FILE_EXTENSION,
        "csvHeader": incident_log.build_csv(definition).decode("utf-8"),
        "fields": [{"key": c.key, "label": c.label, "kind": c.kind, "width": c.width}
                   for c in definition.columns],
        # Every message the script shows, in the edition's language (data/strings.yml, log_writer).
        "messages": data.words["log_writer"],
    }
    return html_templates.render("tools/log-form.html", columns=definition.columns, config_json=_json(config),
                                 t=data.words)


def render_log_entries(data: SiteData) -> str:
    """The entries table (filled by the script), the file buttons and their panels."""
    definition = data.incident_log
    return html_templates.render("tools/log-entries.html", title=definition.title, columns=definition.columns,
                                 guidance=definition.guidance, min_passphrase=MIN_PASSPHRASE,
                                 t=data.words)


def _format_words(data: SiteData) -> dict:
    """The format page's words with the format's numbers filled in."""
    words = data.words["log_format"]
    # "600,000" in English, "600 000" in Spanish: the thousands separator is a word of the language.
    iterations = f"{ITERATIONS:,}".replace(",", words["thousands"].strip("[]") or " ")
    numbers = {"version": FILE_VERSION, "iterations": iterations, "salt": SALT_BYTES, "iv": IV_BYTES,
               "tag": TAG_BYTES, "v1": V1_FORMAT, "kdf": KDF}
    return {key: text.format(**numbers) for key, text in words.items() if key != "thousands"}


def render_format_table(data: SiteData) -> str:
    """The version 2 file's bytes, with their offsets (Markdown)."""
    w = _format_words(data)
    rows = [f"| {w['bytes']} | {w['name']} | {w['holds']} |", "| --- | --- | --- |"]
    start = 0
    for name, size in V2_HEADER:
        span = f"{start}" if size == 1 else w["span"].replace("[start]", str(start)).replace(
            "[end]", str(start + size - 1))
        rows.append(f"| {span} | `{name}` | {w[name + '_what']} |")
        start += size
    to_end = w["to_end"].replace("[start]", str(start))
    ciphertext = w["ciphertext_what"].replace("[last]", str(start - 1))
    rows.append(f"| {to_end} | `ciphertext` | {ciphertext} |")
    return "\n".join(rows)


def render_format_v1_table(data: SiteData) -> str:
    """The version 1 file's JSON keys (Markdown)."""
    w = _format_words(data)
    return "\n".join([
        f"| {w['key']} | {w['value']} |",
        "| --- | --- |",
        f"| `format` | {w['v1_format']} |",
        "| `version` | `1`. |",
        f"| `kdf` | {w['v1_kdf']} |",
        f"| `iterations` | {w['v1_iterations']} |",
        f"| `salt` | {w['v1_salt']} |",
        f"| `iv` | {w['v1_iv']} |",
        f"| `ciphertext` | {w['v1_ciphertext']} |",
    ])


def render_entry_keys(data: SiteData) -> str:
    """The entry keys inside the lock, with their column labels (Markdown)."""
    w = _format_words(data)
    keys = [f"| {w['entry_key']} | {w['column']} | {w['kind']} |", "| --- | --- | --- |"]
    keys += [f"| `{c.key}` | {c.label.replace('|', '/')} | {c.kind} |" for c in data.incident_log.columns]
    return "\n".join(keys)


# ---------------------------------------------------------------------------
# My safety plan
# ---------------------------------------------------------------------------

def _plan_item(checklist_slug: str, index: int, text: str) -> dict:
    """One checklist item as the plan shows it: a checkbox, or a box to type in for "Friend: ____"."""
    words = checklist_items.plain(text)
    blank = BLANK.search(words)
    return {"id": f"plan-{checklist_slug}-{index}", "blank": bool(blank),
            "label": words[: blank.start()].strip() if blank else words}


def render_plan_details(data: SiteData) -> str:
    """Boxes for the reader's own details (people, place, code word, what they will do)."""
    words = data.words["plan"]
    details = [{"key": key, "label": words[key], "kind": kind,
                "help": words.get(f"{key}_help") or words["person_help"]}
               for key, kind in PLAN_DETAILS]
    return html_templates.render("tools/plan-details.html", details=details, t=data.words)


def render_plan_checklists(data: SiteData) -> str:
    """A checkbox for each checklist item, grouped by checklist and section."""
    checklists = []
    for checklist in data.checklists:
        numbered = iter(range(1, 10_000))
        sections = [{"heading": section.heading,
                     "plan_items": [_plan_item(checklist.slug, next(numbered), item) for item in section.items]}
                    for section in checklist.sections]
        checklists.append({"slug": checklist.slug, "title": checklist.title, "sections": sections})
    return html_templates.render("tools/plan-checklists.html", checklists=checklists, t=data.words)


def render_plan_help(data: SiteData) -> str:
    """The country select (none by default) and each country's help-now numbers."""
    return html_templates.render("tools/plan-help.html", countries=data.countries, t=data.words)
