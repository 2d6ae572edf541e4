"""The two private tools' HTML, rendered at build time from the data files.

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

Pages hold the shortcodes (``<!-- data:log-writer-form -->`` and so on, see
``scripts/shortcodes.py``); nothing here is copied into a page by hand.
The page scripts read the JSON block or the form's own markup, so a field
added to the data file appears in the form, the CSV and the saved file with no
other change.
"""

from __future__ import annotations

import html
import json
import re

import checklist_items
import incident_log
from site_data import SiteData

# The saved file (documented on docs/log-file-format.md through render_format_table).
FILE_FORMAT = "going-no-contact-log"
FILE_VERSION = 1
KDF = "PBKDF2-SHA-256"
# OWASP's 2023 guidance for PBKDF2-HMAC-SHA256. About 0.1 s in headless Chromium
# on the 2-core build machine; an older phone may take a second or two.
ITERATIONS = 600_000
SALT_BYTES = 16
IV_BYTES = 12
MIN_PASSPHRASE = 12
# A file name that says nothing about what is inside: "notes-" and the date.
FILE_STEM = "notes"

# Plan: a checklist item ending in a run of underscores is a blank to fill in.
BLANK = re.compile(r"\s*:?\s*_{3,}\s*$")

# The plan's own boxes for the reader's details: (key, label, help, kind).
PLAN_DETAILS = (
    ("person1", "Safe person 1", "A name, and how you can reach them.", "text"),
    ("person2", "Safe person 2", "A name, and how you can reach them.", "text"),
    ("person3", "Safe person 3", "A name, and how you can reach them.", "text"),
    ("place", "A safe place I can go", "A friend's home, a family member's home or a shelter.", "text"),
    ("code", "My code word, and who knows it", "A word or short text that means \"I need help now\".", "text"),
    ("bag", "Where my bag and copies of papers are", "For example, with a friend you trust.", "text"),
    ("showup", "What I will do if they show up",
     "For example: stay inside, lock the door, call the police.", "longtext"),
)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _json_block(element_id: str, value: object) -> str:
    """Data for a page script. Not executed, so the CSP allows it; "</" is escaped."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/json" id="{element_id}">{text}</script>'


# ---------------------------------------------------------------------------
# Write your log
# ---------------------------------------------------------------------------

def field_id(key: str) -> str:
    """The id of the entry form's control for one column, e.g. ``log-field-where``."""
    return f"log-field-{key}"


def _control(column: incident_log.Column) -> str:
    cid = field_id(column.key)
    described = f' aria-describedby="{cid}-help"' if column.help else ""
    common = f'id="{cid}" data-key="{_e(column.key)}" autocomplete="off"{described}'
    if column.kind in ("date", "time"):
        return f'<input type="{column.kind}" {common}>'
    if column.kind == "choice":
        options = '<option value="">(none picked)</option>' + "".join(
            f'<option value="{_e(c)}">{_e(c)}</option>' for c in column.choices)
        return f"<select {common}>{options}</select>"
    if column.kind == "longtext":
        return f'<textarea rows="5" {common}></textarea>'
    return f'<input type="text" {common}>'


def render_log_form(data: SiteData) -> str:
    """The entry form: one labelled control per column of the incident log."""
    definition = data.incident_log
    config = {
        "format": FILE_FORMAT,
        "version": FILE_VERSION,
        "kdf": KDF,
        "iterations": ITERATIONS,
        "saltBytes": SALT_BYTES,
        "ivBytes": IV_BYTES,
        "minPassphrase": MIN_PASSPHRASE,
        "fileStem": FILE_STEM,
        "csvHeader": incident_log.build_csv(definition).decode("utf-8"),
        "fields": [{"key": c.key, "label": c.label, "kind": c.kind, "width": c.width}
                   for c in definition.columns],
    }
    parts = ['<div class="tool log-form-area">', _json_block("log-config", config),
             '<noscript><p class="tool-note">This tool needs JavaScript, which is off in this browser. '
             'You can still use the forms on the incident log page.</p></noscript>',
             '<p class="tool-note tool-note--warn" id="log-no-crypto" hidden>This browser cannot lock '
             'a file when the guide is opened this way. You can still write entries, download a CSV '
             'file or print. To save a locked file, open the guide in an up-to-date browser, from its '
             'web address.</p>',
             '<fieldset class="tool-fieldset" id="log-form">',
             '<legend id="log-form-legend">New entry</legend>']
    for column in definition.columns:
        cid = field_id(column.key)
        help_text = f'<p class="tool-help" id="{cid}-help">{_e(column.help)}</p>' if column.help else ""
        parts.append(f'<div class="tool-field tool-field--{column.kind}">'
                     f'<label for="{cid}">{_e(column.label)}</label>{help_text}{_control(column)}</div>')
    parts.append('<div class="tool-buttons">'
                 '<button type="button" class="tool-button tool-button--main" id="log-add">Add entry</button>'
                 '<button type="button" class="tool-button" id="log-cancel-edit" hidden>Cancel changes</button>'
                 "</div>"
                 '<div class="tool-alert" id="log-form-alert" role="alert"></div>'
                 "</fieldset></div>")
    return "".join(parts)


def render_log_entries(data: SiteData) -> str:
    """The entries table (filled by the script), the file buttons and their panels."""
    definition = data.incident_log
    heads = "".join(f'<th scope="col" data-width="{c.width}">{_e(c.label)}</th>' for c in definition.columns)
    guidance = "".join(f"<li>{_e(tip)}</li>" for tip in definition.guidance)
    return "".join([
        '<div class="tool log-entries log-print">',
        '<div class="tool-status-row"><p class="tool-status" id="log-status" role="status"></p>',
        '<button type="button" class="tool-button" id="log-undo" hidden>Undo remove</button></div>',
        '<p id="log-empty" class="tool-empty">No entries yet. Entries you add show here, newest first.</p>',
        '<div class="log-table-wrap" id="log-table-wrap" role="region" aria-labelledby="log-caption" '
        'tabindex="0" hidden>',
        '<table class="log-table" id="log-table">',
        f'<caption id="log-caption">{_e(definition.title)}</caption>',
        f'<thead><tr>{heads}<th scope="col" class="log-table__actions">Change</th></tr></thead>',
        "<tbody></tbody></table></div>",
        # Printed under the table only (shown by log-print.css): the tips the PDF form carries.
        '<div class="log-print-caution" hidden><p><strong>Before you share or keep this log</strong></p>',
        f"<ul>{guidance}</ul></div>",
        '<div class="tool-buttons tool-actions" id="log-actions">',
        '<button type="button" class="tool-button tool-button--main" id="log-save-open">Save to a file</button>',
        '<button type="button" class="tool-button" id="log-open-open">Open a saved file</button>',
        '<button type="button" class="tool-button" id="log-csv">Download CSV</button>',
        '<button type="button" class="tool-button" id="log-print">Print</button>',
        '<button type="button" class="tool-button tool-button--danger" id="log-clear-open">'
        "Clear everything</button></div>",
        '<div class="tool-alert" id="log-alert" role="alert"></div>',
        # Save: a passphrase twice.
        '<div class="tool-panel" id="log-save-panel" role="group" aria-labelledby="log-save-title" hidden>',
        '<p class="tool-panel__title" id="log-save-title">Save to a file</p>',
        f'<p class="tool-help" id="log-pass-help">Use at least {MIN_PASSPHRASE} characters. A short '
        "sentence that only you know works well. No one can open the file without it, not even you. "
        "If the browser offers to remember it, you can say no.</p>",
        '<div class="tool-field"><label for="log-pass1">Passphrase</label>',
        '<input type="password" id="log-pass1" autocomplete="off" aria-describedby="log-pass-help"></div>',
        '<div class="tool-field"><label for="log-pass2">Repeat passphrase</label>',
        '<input type="password" id="log-pass2" autocomplete="off"></div>',
        '<div class="tool-buttons"><button type="button" class="tool-button tool-button--main" '
        'id="log-save">Save file</button>',
        '<button type="button" class="tool-button" id="log-save-cancel">Cancel</button></div>',
        '<div class="tool-alert" id="log-save-alert" role="alert"></div></div>',
        # Open: the file and its passphrase.
        '<div class="tool-panel" id="log-open-panel" role="group" aria-labelledby="log-open-title" hidden>',
        '<p class="tool-panel__title" id="log-open-title">Open a saved file</p>',
        '<p class="tool-help" id="log-open-help">Entries from the file are added to the ones on this '
        "page. Nothing on the page is removed.</p>",
        '<div class="tool-field"><label for="log-file">Saved log file</label>',
        '<input type="file" id="log-file" accept=".json,application/json" aria-describedby="log-open-help">'
        "</div>",
        '<div class="tool-field"><label for="log-open-pass">Passphrase</label>',
        '<input type="password" id="log-open-pass" autocomplete="off"></div>',
        '<div class="tool-buttons"><button type="button" class="tool-button tool-button--main" '
        'id="log-open">Open file</button>',
        '<button type="button" class="tool-button" id="log-open-cancel">Cancel</button></div>',
        '<div class="tool-alert" id="log-open-alert" role="alert"></div></div>',
        # Clear: asked on the page, never in a browser dialog that would hold up the quick exit.
        '<div class="tool-panel" id="log-clear-panel" role="group" aria-labelledby="log-clear-title" hidden>',
        '<p class="tool-panel__title" id="log-clear-title">Clear everything?</p>',
        "<p>This removes every entry, and what is in the form, from this page. "
        "A file you saved is not changed.</p>",
        '<div class="tool-buttons"><button type="button" class="tool-button tool-button--danger" '
        'id="log-clear">Yes, clear everything</button>',
        '<button type="button" class="tool-button" id="log-clear-cancel">No, keep it</button></div></div>',
        "</div>",
    ])


def render_format_table(data: SiteData) -> str:
    """The saved file's keys, and the entry keys with their column labels (Markdown)."""
    rows = [
        "| Key | Value |",
        "| --- | --- |",
        f'| `format` | Always `"{FILE_FORMAT}"`. |',
        f"| `version` | `{FILE_VERSION}`, a whole number. A later version of the page may write a higher one. |",
        f'| `kdf` | `"{KDF}"`: PBKDF2 with HMAC-SHA-256. |',
        f"| `iterations` | PBKDF2 iterations, a whole number. This page writes {ITERATIONS:,}. |",
        f"| `salt` | {SALT_BYTES} random bytes, new for each save, in base64. |",
        f"| `iv` | {IV_BYTES} random bytes (the AES-GCM nonce), new for each save, in base64. |",
        "| `ciphertext` | AES-256-GCM output, in base64: the encrypted text followed by the "
        "16-byte tag. No additional data. |",
    ]
    keys = ["", "| Entry key | Column | Kind |", "| --- | --- | --- |"]
    keys += [f"| `{c.key}` | {c.label.replace('|', '/')} | {c.kind} |" for c in data.incident_log.columns]
    return "\n".join(rows + keys)


# ---------------------------------------------------------------------------
# My safety plan
# ---------------------------------------------------------------------------

def _plan_item(checklist_slug: str, index: int, text: str) -> str:
    words = checklist_items.plain(text)
    item_id = f"plan-{checklist_slug}-{index}"
    blank = BLANK.search(words)
    if blank:
        # "Friend: ______": a box to type in, printed only when filled.
        label = words[: blank.start()].strip()
        return (f'<li class="plan-item plan-item--blank"><label for="{item_id}">{_e(label)}</label>'
                f'<input type="text" id="{item_id}" autocomplete="off" placeholder=" "></li>')
    return (f'<li class="plan-item"><input type="checkbox" id="{item_id}">'
            f'<label for="{item_id}">{_e(words)}</label></li>')


def render_plan_details(data: SiteData) -> str:
    """Boxes for the reader's own details (people, place, code word, what they will do)."""
    parts = ['<div class="tool plan-details plan-print">',
             '<noscript><p class="tool-note">With JavaScript off, the Print my plan button and the help '
             "numbers do not work. Your browser's own Print command still prints what you picked.</p>"
             "</noscript>"]
    for key, label, help_text, kind in PLAN_DETAILS:
        pid = f"plan-{key}"
        attrs = f'id="{pid}" autocomplete="off" placeholder=" " aria-describedby="{pid}-help"'
        control = (f'<textarea rows="4" {attrs}></textarea>' if kind == "longtext"
                   else f'<input type="text" {attrs}>')
        parts.append(f'<div class="tool-field plan-detail"><label for="{pid}">{_e(label)}</label>'
                     f'<p class="tool-help" id="{pid}-help">{_e(help_text)}</p>{control}</div>')
    parts.append("</div>")
    return "".join(parts)


def render_plan_checklists(data: SiteData) -> str:
    """A checkbox for each checklist item, grouped by checklist and section."""
    parts = ['<div class="tool plan-lists plan-print">']
    for checklist in data.checklists:
        slug = checklist.slug
        parts.append(f'<section class="plan-group" aria-labelledby="plan-{slug}-title">'
                     f'<h3 id="plan-{slug}-title">{_e(checklist.title)}</h3>')
        index = 0
        for s, section in enumerate(checklist.sections, 1):
            heading_id = f"plan-{slug}-s{s}"
            title = (f'<p class="plan-section__title" id="{heading_id}">{_e(section.heading)}</p>'
                     if section.heading else "")
            labelled = f' aria-labelledby="{heading_id}"' if section.heading else ""
            parts.append(f'<div class="plan-section" role="group"{labelled}>{title}<ul class="plan-items">')
            for item in section.items:
                index += 1
                parts.append(_plan_item(slug, index, item))
            parts.append("</ul></div>")
        parts.append("</section>")
    parts.append("</div>")
    return "".join(parts)


def render_plan_help(data: SiteData) -> str:
    """The country select (none by default) and each country's help-now numbers."""
    options = '<option value="">None</option>' + "".join(
        f'<option value="{_e(c.slug)}">{_e(c.name)}</option>' for c in data.countries)
    parts = ['<div class="tool plan-help-area plan-print">',
             '<div class="tool-field plan-country"><label for="plan-country">Help numbers to print</label>',
             '<p class="tool-help" id="plan-country-help">Pick your country to add its help numbers '
             "to your plan.</p>",
             f'<select id="plan-country" autocomplete="off" aria-describedby="plan-country-help">{options}'
             "</select></div>"]
    for country in data.countries:
        lines = []
        for entry in country.entries:
            hours = f" ({_e(entry.hours)})" if entry.hours else ""
            lines.append(f"<li><strong>{_e(entry.name)}</strong>: {_e(entry.number)}{hours}</li>")
        parts.append(f'<div class="plan-help" data-country="{_e(country.slug)}" hidden>'
                     f'<p class="plan-help__title">Help numbers: {_e(country.name)}</p>'
                     f'<ul>{"".join(lines)}</ul></div>')
    parts.append('<div class="tool-buttons"><button type="button" class="tool-button tool-button--main" '
                 'id="plan-print">Print my plan</button></div></div>')
    return "".join(parts)
