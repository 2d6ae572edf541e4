"""The incident log: one definition, every form built from it.

``data/incident-log.yml`` lists the log's columns (in order), the fields of the
"About the person" sheet and the guidance. This module checks that file and
builds each form from it, so the forms can never drift apart:

- ``incident-log.csv``: one header row of column labels;
- ``incident-log.xlsx``: a "Log" sheet with drop-down lists and date and time
  formats, plus "Guidance" and "About the person" sheets;
- ``incident-log.pdf``: a fillable, printable form (A4 landscape, also fits
  US Letter), one PDF form field per cell, from the template
  ``overrides/print/incident-log.html`` through the print pipeline (``print_pdf``);
- the Markdown lists on ``docs/incident-log.md`` (columns, example, guidance).

The site build calls it from ``scripts/downloads.py``; the files are
generated, never committed.

Usage: python scripts/incident_log.py [OUTPUT_FOLDER]   (default: site/downloads)
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import build_time
import html_templates
import print_pdf
from datafiles import DATA_DIR, ROOT, DataError, load, reject_unknown, require

DEFINITION_FILE = DATA_DIR / "incident-log.yml"
DEFAULT_OUTPUT = ROOT / "site" / "downloads"
BASENAME = "incident-log"
FORMS = ("csv", "xlsx", "pdf")

KINDS = {"date", "time", "choice", "text", "longtext"}
PERSON_KINDS = {"text", "longtext"}
TOP_KEYS = {"title", "language", "columns", "person", "guidance", "forms"}
# The forms' own words (sheet names, headings, spreadsheet warnings, the PDF's
# tooltips and intro), in the file's language: every key is required.
FORM_KEYS = ("description", "log_sheet", "guidance_sheet", "person_sheet", "person_title", "details",
             "what_to_write", "not_on_list", "not_on_list_error", "not_date", "not_date_error", "not_time",
             "not_time_error", "pdf_intro", "before_you_start", "each_column", "choices", "entry",
             "person_intro", "column", "example", "example_title", "example_note", "left_blank")
COLUMN_KEYS = {"key", "label", "kind", "help", "width", "choices", "example"}
PERSON_KEYS = {"key", "label", "kind", "help"}
DEFAULT_WIDTH = {"date": 12, "time": 10, "choice": 16, "text": 18, "longtext": 40}
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
# Excel keeps an in-cell drop-down list to 255 characters, commas between.
MAX_LIST_CHARS = 255

# Spreadsheet: rows made ready to type in, and the formats they get.
XLSX_ROWS = 200
XLSX_DATE_FORMAT = "yyyy-mm-dd"
XLSX_TIME_FORMAT = "hh:mm"

# PDF: rows of the log (seven fit on each landscape page) and the printed
# width the columns share; page size, margins and row height are in print.css.
PDF_ROWS = 28
PDF_CONTENT_WIDTH_MM = 261


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str
    help: str = ""
    width: int = 16
    choices: tuple[str, ...] = ()
    example: str = ""


@dataclass(frozen=True)
class PersonField:
    key: str
    label: str
    kind: str = "text"
    help: str = ""


@dataclass(frozen=True)
class Definition:
    title: str
    columns: tuple[Column, ...]
    person: tuple[PersonField, ...]
    guidance: tuple[str, ...]
    path: Path
    # The file's language ("en" unless it says) and the forms' own words (FORM_KEYS).
    language: str = "en"
    forms: dict = None  # type: ignore[assignment]

    @property
    def labels(self) -> list[str]:
        return [column.label for column in self.columns]


# ---------------------------------------------------------------------------
# Loading and checking the definition
# ---------------------------------------------------------------------------

def _clean(text: str) -> str:
    return " ".join(str(text).split())


def _check_key(path: Path, where: str, key: str, seen: set[str]) -> None:
    if not _KEY.match(key):
        raise DataError(f"{path}: {where}: key '{key}' must be lowercase letters, digits or _")
    if key in seen:
        raise DataError(f"{path}: {where}: key '{key}' is used twice")
    seen.add(key)


def _load_column(path: Path, i: int, raw: object, keys: set[str], labels: set[str]) -> Column:
    where = f"column #{i}"
    require(path, where, raw, {"key": str, "label": str, "kind": str})
    reject_unknown(path, where, raw, COLUMN_KEYS)
    where = f"column '{raw['key']}'"
    _check_key(path, where, raw["key"], keys)
    label = _clean(raw["label"])
    if label.lower() in labels:
        raise DataError(f"{path}: {where}: label '{label}' is used twice")
    labels.add(label.lower())
    kind = raw["kind"]
    if kind not in KINDS:
        raise DataError(f"{path}: {where}: kind '{kind}' must be one of {sorted(KINDS)}")
    width = raw.get("width", DEFAULT_WIDTH[kind])
    if not isinstance(width, int) or isinstance(width, bool) or not 4 <= width <= 80:
        raise DataError(f"{path}: {where}: width must be a whole number from 4 to 80")
    choices = raw.get("choices")
    if kind == "choice":
        if (not isinstance(choices, list) or not choices
                or not all(isinstance(c, str) and c.strip() for c in choices)):
            raise DataError(f"{path}: {where}: a choice column needs a 'choices' list of words")
        choices = tuple(_clean(c) for c in choices)
        if any("," in c or '"' in c for c in choices):
            raise DataError(f"{path}: {where}: choices may not contain commas or quote marks")
        if len(set(c.lower() for c in choices)) != len(choices):
            raise DataError(f"{path}: {where}: a choice is listed twice")
        if len(",".join(choices)) > MAX_LIST_CHARS:
            raise DataError(f"{path}: {where}: choices are too long for a spreadsheet list "
                            f"({MAX_LIST_CHARS} characters in all)")
    elif choices is not None:
        raise DataError(f"{path}: {where}: only a 'choice' column can have choices")
    for name in ("help", "example"):
        if name in raw and not isinstance(raw[name], str):
            raise DataError(f"{path}: {where}: '{name}' must be text")
    return Column(key=raw["key"], label=label, kind=kind, help=_clean(raw.get("help", "")),
                  width=width, choices=choices or (), example=_clean(raw.get("example", "")))


def _load_person(path: Path, i: int, raw: object, keys: set[str]) -> PersonField:
    where = f"person field #{i}"
    require(path, where, raw, {"key": str, "label": str})
    reject_unknown(path, where, raw, PERSON_KEYS)
    where = f"person field '{raw['key']}'"
    _check_key(path, where, raw["key"], keys)
    kind = raw.get("kind", "text")
    if kind not in PERSON_KINDS:
        raise DataError(f"{path}: {where}: kind '{kind}' must be one of {sorted(PERSON_KINDS)}")
    if "help" in raw and not isinstance(raw["help"], str):
        raise DataError(f"{path}: {where}: 'help' must be text")
    return PersonField(raw["key"], _clean(raw["label"]), kind, _clean(raw.get("help", "")))


def load_definition(path: Path = DEFINITION_FILE) -> Definition:
    """Read and check the definition; raise DataError naming the file and the fault."""
    data = load(path)
    if not isinstance(data, dict):
        raise DataError(f"{path}: expected 'title:', 'columns:', 'person:' and 'guidance:'")
    require(path, "top level", data, {"title": str, "columns": list, "person": list, "guidance": list})
    reject_unknown(path, "top level", data, TOP_KEYS)
    keys: set[str] = set()
    labels: set[str] = set()
    columns = tuple(_load_column(path, i, raw, keys, labels) for i, raw in enumerate(data["columns"], 1))
    person_keys: set[str] = set()
    person = tuple(_load_person(path, i, raw, person_keys) for i, raw in enumerate(data["person"], 1))
    guidance = []
    for i, tip in enumerate(data["guidance"], 1):
        if not isinstance(tip, str) or not tip.strip():
            raise DataError(f"{path}: guidance #{i}: expected a line of text")
        guidance.append(_clean(tip))
    if not columns:
        raise DataError(f"{path}: no columns listed")
    if not person:
        raise DataError(f"{path}: no person fields listed")
    if not guidance:
        raise DataError(f"{path}: no guidance listed")
    forms = data.get("forms")
    if not isinstance(forms, dict):
        raise DataError(f"{path}: expected 'forms:', the words of the forms ({', '.join(FORM_KEYS)})")
    missing = [key for key in FORM_KEYS if not isinstance(forms.get(key), str) or not forms[key].strip()]
    if missing:
        raise DataError(f"{path}: forms: missing {', '.join(missing)}")
    reject_unknown(path, "forms", forms, set(FORM_KEYS))
    return Definition(_clean(data["title"]), columns, person, tuple(guidance), path,
                      str(data.get("language", "en")), {key: _clean(forms[key]) for key in FORM_KEYS})


# ---------------------------------------------------------------------------
# CSV
# ---------------------------------------------------------------------------

def build_csv(definition: Definition) -> bytes:
    """One header row: the column labels, in order."""
    out = io.StringIO()
    csv.writer(out).writerow(definition.labels)
    return out.getvalue().encode("utf-8")


# ---------------------------------------------------------------------------
# Spreadsheet
# ---------------------------------------------------------------------------

def build_xlsx(definition: Definition, rows: int = XLSX_ROWS) -> bytes:
    """A workbook with the log, the guidance and the "About the person" sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.writer.excel import ExcelWriter

    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    header_fill = PatternFill("solid", fgColor="DCE6EE")
    last = rows + 1

    book = Workbook()
    log = book.active
    words = definition.forms
    log.title = words["log_sheet"]
    log.append(definition.labels)
    log.freeze_panes = "A2"
    log.row_dimensions[1].height = 32
    for index, column in enumerate(definition.columns, 1):
        letter = get_column_letter(index)
        cell = log.cell(row=1, column=index)
        cell.font = bold
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="bottom")
        log.column_dimensions[letter].width = column.width
        number_format = {"date": XLSX_DATE_FORMAT, "time": XLSX_TIME_FORMAT}.get(column.kind)
        for row in range(2, last + 1):
            body = log.cell(row=row, column=index)
            body.alignment = wrap
            if number_format:
                body.number_format = number_format
        span = f"{letter}2:{letter}{last}"
        check = _validation(DataValidation, column, words)
        if check is not None:
            check.add(span)
            log.add_data_validation(check)
    # Print: landscape, one page wide, heading row on every page.
    log.page_setup.orientation = "landscape"
    log.page_setup.fitToWidth = 1
    log.page_setup.fitToHeight = 0
    log.sheet_properties.pageSetUpPr.fitToPage = True
    log.print_title_rows = "1:1"

    guide = book.create_sheet(words["guidance_sheet"])
    guide.column_dimensions["A"].width = 100
    guide.append([definition.title])
    guide["A1"].font = Font(bold=True, size=14)
    for tip in definition.guidance:
        guide.append([tip])
        guide.cell(row=guide.max_row, column=1).alignment = wrap

    person = book.create_sheet(words["person_sheet"])
    person.append([words["person_title"], words["details"], words["what_to_write"]])
    for cell in person[1]:
        cell.font = bold
        cell.fill = header_fill
    person.column_dimensions["A"].width = 30
    person.column_dimensions["B"].width = 50
    person.column_dimensions["C"].width = 50
    for item in definition.person:
        person.append([item.label, None, item.help])
        row = person.max_row
        person.cell(row=row, column=1).font = bold
        for col in (1, 2, 3):
            person.cell(row=row, column=col).alignment = wrap
        person.row_dimensions[row].height = 45 if item.kind == "longtext" else 30

    # Reproducible: openpyxl dates the document and its zip entries "now";
    # both become the build's time (SOURCE_DATE_EPOCH when set).
    when = build_time.now()
    book.properties.created = when.replace(tzinfo=None)
    book.properties.modified = when.replace(tzinfo=None)
    out = io.BytesIO()
    archive = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(book, archive).save()  # what openpyxl's save() does, less its "modified = now"
    return build_time.restamp_zip(out.getvalue(), when)


def _validation(DataValidation, column: Column, words: dict):
    """The input check for one column, or None. Warnings only: the reader may overrule."""
    common = dict(allow_blank=True, showErrorMessage=True, errorStyle="warning",
                  showInputMessage=bool(column.help), promptTitle=column.label[:32],
                  prompt=column.help[:255] or None)
    if column.kind == "choice":
        return DataValidation(type="list", formula1='"' + ",".join(column.choices) + '"',
                              errorTitle=words["not_on_list"], error=words["not_on_list_error"], **common)
    if column.kind == "date":
        return DataValidation(type="date", operator="greaterThan", formula1="DATE(1900,1,1)",
                              errorTitle=words["not_date"], error=words["not_date_error"], **common)
    if column.kind == "time":
        return DataValidation(type="time", operator="between", formula1="0", formula2="0.999988426",
                              errorTitle=words["not_time"], error=words["not_time_error"], **common)
    return None


# ---------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------

def field_name(row: int, key: str) -> str:
    """The PDF form field name of one log cell, e.g. ``row03_where``."""
    return f"row{row:02d}_{key}"


def person_field_name(key: str) -> str:
    return f"person_{key}"


def _widths_mm(definition: Definition) -> list[float]:
    total = sum(column.width for column in definition.columns)
    return [round(PDF_CONTENT_WIDTH_MM * column.width / total, 2) for column in definition.columns]


def build_pdf_html(definition: Definition, rows: int = PDF_ROWS, lang: str | None = None) -> str:
    """The HTML that WeasyPrint turns into the fillable PDF (template: overrides/print/incident-log.html)."""
    choice_key = " ".join(f"{c.label}: {', '.join(c.choices)}." for c in definition.columns if c.choices)
    return html_templates.render("print/incident-log.html",
        definition=definition, rows=rows, lang=lang or definition.language, words=definition.forms,
        width=PDF_CONTENT_WIDTH_MM, widths=_widths_mm(definition),
        choice_key=choice_key,
        field_name=field_name, person_field_name=person_field_name, print_css=print_pdf.PRINT_CSS.as_uri())


def build_pdf(definition: Definition, rows: int = PDF_ROWS) -> bytes:
    """The fillable, printable PDF (every log cell and person field is a form field)."""
    document = print_pdf.render(build_pdf_html(definition, rows), ROOT.as_uri() + "/", str(definition.path),
                                forms=True)
    return print_pdf.write(document, None, title=definition.title, lang=definition.language,
                           description=definition.forms["description"])


def file_names() -> list[str]:
    """The downloadable forms' file names."""
    return [f"{BASENAME}.{ext}" for ext in ("csv", "xlsx", "pdf")]


def build_all(definition: Definition) -> dict[str, bytes]:
    """Every downloadable form, keyed by file name."""
    return {
        f"{BASENAME}.csv": build_csv(definition),
        f"{BASENAME}.xlsx": build_xlsx(definition),
        f"{BASENAME}.pdf": build_pdf(definition),
    }


# ---------------------------------------------------------------------------
# Markdown for docs/incident-log.md
# ---------------------------------------------------------------------------

def _md(text: str) -> str:
    return text.replace("|", "\\|")


def render_fields_markdown(definition: Definition) -> str:
    """A table of the log's columns, in order, with what to write in each."""
    words = definition.forms
    out = [f"| {words['column']} | {words['what_to_write']} |", "| --- | --- |"]
    for column in definition.columns:
        text = column.help or " "
        if column.choices:
            text = f"{text} {words['choices']}: {', '.join(column.choices)}.".strip()
        out.append(f"| **{_md(column.label)}** | {_md(text)} |")
    return "\n".join(out)


def render_example_markdown(definition: Definition) -> str:
    """One made-up entry, filled in, inside a clearly marked box."""
    words = definition.forms
    out = [f'!!! note "{words["example_title"]}"', "",
           f"    {words['example_note']}", "",
           f"    | {words['column']} | {words['example']} |", "    | --- | --- |"]
    for column in definition.columns:
        out.append(f"    | **{_md(column.label)}** | {_md(column.example) or words['left_blank']} |")
    return "\n".join(out)


def render_guidance_markdown(definition: Definition) -> str:
    """The guidance, one tip per bullet."""
    return "\n".join(f"- {tip}" for tip in definition.guidance)


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------

def write_forms(definition: Definition, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in build_all(definition).items():
        target = folder / name
        target.write_bytes(content)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_OUTPUT,
                        help="where to write the forms (default: site/downloads)")
    parser.add_argument("--definition", type=Path, default=DEFINITION_FILE, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        definition = load_definition(args.definition)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    for path in write_forms(definition, args.folder):
        print(f"{path}: {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
