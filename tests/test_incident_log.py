"""The incident log: one definition in data/incident-log.yml feeds every form.

The CSV, the spreadsheet, the fillable PDF and the site page must carry exactly
the definition's columns, in order; a change to the definition must show up in
all of them; and the generated files must never be committed.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
from itertools import combinations
from pathlib import Path

import pytest
import yaml

import incident_log  # noqa: E402
from conftest import ROOT, article, failing_build
from datafiles import DataError  # noqa: E402

FORMS = ("incident-log.csv", "incident-log.xlsx", "incident-log.pdf")


@pytest.fixture(scope="module")
def definition():
    return incident_log.load_definition()


@pytest.fixture(scope="module")
def downloads(site_dir) -> Path:
    return site_dir / "downloads"


@pytest.fixture(scope="module")
def pdf(downloads):
    from pypdf import PdfReader

    return PdfReader(downloads / "incident-log.pdf")


def _csv_header(data: bytes) -> list[str]:
    return next(csv.reader(io.StringIO(data.decode("utf-8"))))


def _workbook(data: bytes):
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(data))


def _xlsx_header(book) -> list[str]:
    return [cell.value for cell in book["Log"][1]]


def _pdf_reader(data: bytes):
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(data))


def _row_keys(fields, row: int) -> list[str]:
    """Column keys of one PDF row, in the order the fields appear in the form."""
    prefix = f"row{row:02d}_"
    return [name[len(prefix):] for name in fields if name.startswith(prefix)]


# ---------------------------------------------------------------------------
# The definition itself
# ---------------------------------------------------------------------------

def test_definition_has_the_expected_columns_in_order(definition):
    kinds = [c.kind for c in definition.columns]
    assert kinds[:4] == ["date", "time", "date", "time"], "happened / written down come first"
    type_column = next(c for c in definition.columns if c.key == "type")
    for choice in ("Call", "Text", "Voicemail", "Email", "Social media", "In person",
                   "Through another person", "Gift or item left", "Damage", "Other"):
        assert choice in type_column.choices
    assert len(definition.person) >= 5 and len(definition.guidance) >= 5


# ---------------------------------------------------------------------------
# Every form carries exactly the definition's columns, in order
# ---------------------------------------------------------------------------

def test_forms_are_built_into_the_site(downloads):
    for name in FORMS:
        assert (downloads / name).stat().st_size > 0, f"downloads/{name} missing from the build"


def test_csv_header_matches_definition(downloads, definition):
    assert _csv_header((downloads / "incident-log.csv").read_bytes()) == definition.labels


def test_xlsx_header_matches_definition(downloads, definition):
    book = _workbook((downloads / "incident-log.xlsx").read_bytes())
    assert book.sheetnames[0] == "Log"
    assert _xlsx_header(book) == definition.labels
    log = book["Log"]
    assert log.freeze_panes == "A2", "header row should stay in view"
    assert all(cell.font.bold for cell in log[1])


def test_pdf_fields_match_definition(pdf, definition):
    fields = pdf.get_fields()
    keys = [c.key for c in definition.columns]
    for row in range(1, incident_log.PDF_ROWS + 1):
        assert _row_keys(fields, row) == keys, f"PDF row {row} fields differ from the definition"
    expected = {incident_log.field_name(r, k) for r in range(1, incident_log.PDF_ROWS + 1) for k in keys}
    expected |= {incident_log.person_field_name(p.key) for p in definition.person}
    assert set(fields) == expected
    assert len(fields) == incident_log.PDF_ROWS * len(keys) + len(definition.person)


def test_site_page_lists_every_column_in_order(built_pages, definition):
    page = article(built_pages["incident-log.md"])
    heading = next(h for h in page.find_all("h2") if h.get_text(strip=True).startswith("What to write"))
    table = heading.find_next("table")
    labels = [row.find("td").get_text(" ", strip=True) for row in table.select("tbody tr")]
    assert labels == definition.labels


def test_site_page_shows_example_and_guidance(built_pages, definition):
    text = " ".join(article(built_pages["incident-log.md"]).get_text(" ").split())
    for column in definition.columns:
        if column.example:
            assert column.example in text, f"example for {column.label!r} not on the page"
    for tip in definition.guidance:
        assert tip in text, f"guidance {tip[:30]!r} not on the page"


def test_site_page_links_to_every_form(built_pages, downloads):
    links = {a["href"] for a in article(built_pages["incident-log.md"]).find_all("a", href=True)}
    for name in FORMS:
        assert f"downloads/{name}" in links, f"page does not link to {name}"


# ---------------------------------------------------------------------------
# The PDF: landscape, fillable, readable, nothing overlapping
# ---------------------------------------------------------------------------

MM = 25.4 / 72  # millimetres in a PDF point
A4_LANDSCAPE, LETTER_LANDSCAPE = (297.0, 210.0), (279.4, 215.9)


def test_pdf_is_landscape_and_fits_a4_and_letter(downloads):
    """Measured in the PDF itself: A4 or Letter landscape sheets, and everything drawn on
    them (text and form fields) inside what both papers hold, 6 mm in from each edge."""
    import pdfplumber

    with pdfplumber.open(downloads / "incident-log.pdf") as document:
        for number, page in enumerate(document.pages, 1):
            size = (round(float(page.width) * MM, 1), round(float(page.height) * MM, 1))
            assert size in (A4_LANDSCAPE, LETTER_LANDSCAPE), f"page {number} is {size} mm"
            boxes = [(c["x0"], c["top"], c["x1"], c["bottom"]) for c in page.chars]
            boxes += [(a["x0"], a["top"], a["x1"], a["bottom"]) for a in page.annots]
            assert boxes, f"page {number} is empty"
            width = (max(b[2] for b in boxes) - min(b[0] for b in boxes)) * MM
            height = (max(b[3] for b in boxes) - min(b[1] for b in boxes)) * MM
            fits = min(A4_LANDSCAPE[0], LETTER_LANDSCAPE[0]) - 12, min(A4_LANDSCAPE[1], LETTER_LANDSCAPE[1]) - 12
            assert width <= fits[0] and height <= fits[1], \
                f"page {number}: {width:.0f} x {height:.0f} mm drawn, more than {fits} fits on both papers"


def test_pdf_field_kinds(pdf, definition):
    fields = pdf.get_fields()
    for column in definition.columns:
        field = fields[incident_log.field_name(1, column.key)]
        if column.kind == "choice":
            assert field["/FT"] == "/Ch", column.key
            options = [opt[1] if isinstance(opt, list) else opt for opt in field["/Opt"]]
            assert [o for o in options if o] == list(column.choices), column.key
        else:
            assert field["/FT"] == "/Tx", column.key


def test_pdf_fields_sit_on_the_page_without_overlapping(pdf):
    pages_with_rows = 0
    for number, page in enumerate(pdf.pages, 1):
        box = page.mediabox
        rects = []
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Widget":
                continue
            x0, y0, x1, y1 = (float(v) for v in annot["/Rect"])
            x0, x1, y0, y1 = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
            assert box.left <= x0 and x1 <= box.right and box.bottom <= y0 and y1 <= box.top, \
                f"page {number}: field {annot['/T']} runs off the page"
            assert x1 - x0 > 10 and y1 - y0 > 10, f"page {number}: field {annot['/T']} is too small"
            rects.append((str(annot["/T"]), x0, y0, x1, y1))
        pages_with_rows += any(r[0].startswith("row") for r in rects)
        for (a, *ra), (b, *rb) in combinations(rects, 2):
            overlap_x = min(ra[2], rb[2]) - max(ra[0], rb[0])
            overlap_y = min(ra[3], rb[3]) - max(ra[1], rb[1])
            assert overlap_x <= 1 or overlap_y <= 1, f"page {number}: fields {a} and {b} overlap"
    assert pages_with_rows >= 3, "the log should run over several pages"


def test_pdf_text_has_title_guidance_and_headers(downloads, definition):
    import pdfplumber

    with pdfplumber.open(downloads / "incident-log.pdf") as doc:
        pages = [page.extract_text() or "" for page in doc.pages]
    squash = lambda text: "".join(text.split())  # noqa: E731  (line breaks fall anywhere)
    whole = squash(" ".join(pages))
    assert squash(definition.title) in whole
    for tip in definition.guidance:
        assert squash(tip) in whole, f"guidance {tip[:30]!r} missing from the PDF"
    # The header row repeats on every page of the log.
    log_pages = [text for text in pages[1:] if squash(definition.columns[-1].label) in squash(text)]
    assert len(log_pages) >= 3
    assert squash("About the person") in squash(pages[-1])


def test_pdf_uses_no_network_resources(definition):
    source = incident_log.build_pdf_html(definition, rows=1)
    assert "url(" not in source and "@import" not in source and "http" not in source


# ---------------------------------------------------------------------------
# The spreadsheet: drop-down list, date and time formats, guidance sheet
# ---------------------------------------------------------------------------

def test_xlsx_validation_and_formats(downloads, definition):
    from openpyxl.utils import get_column_letter

    book = _workbook((downloads / "incident-log.xlsx").read_bytes())
    log = book["Log"]
    checks = {str(dv.sqref): dv for dv in log.data_validations.dataValidation}
    last = incident_log.XLSX_ROWS + 1
    for index, column in enumerate(definition.columns, 1):
        letter = get_column_letter(index)
        span = f"{letter}2:{letter}{last}"
        for row in (2, last):
            fmt = log[f"{letter}{row}"].number_format
            if column.kind == "date":
                assert fmt == incident_log.XLSX_DATE_FORMAT, f"{column.key} row {row}: {fmt}"
            elif column.kind == "time":
                assert fmt == incident_log.XLSX_TIME_FORMAT, f"{column.key} row {row}: {fmt}"
        if column.kind == "choice":
            dv = checks.get(span)
            assert dv is not None and dv.type == "list", f"no drop-down on {column.key}"
            assert dv.formula1.strip('"').split(",") == list(column.choices)
        elif column.kind in ("date", "time"):
            assert checks.get(span) is not None and checks[span].type == column.kind, column.key
    type_index = next(i for i, c in enumerate(definition.columns, 1) if c.key == "type")
    assert f"{get_column_letter(type_index)}2:{get_column_letter(type_index)}{last}" in checks


def test_xlsx_guidance_and_person_sheets(downloads, definition):
    book = _workbook((downloads / "incident-log.xlsx").read_bytes())
    guide = [row[0] for row in book["Guidance"].iter_rows(values_only=True)]
    assert guide == [definition.title, *definition.guidance]
    person = [row[0] for row in book["About the person"].iter_rows(min_row=2, values_only=True)]
    assert person == [p.label for p in definition.person]


# ---------------------------------------------------------------------------
# One source: a change to the definition reaches every form
# ---------------------------------------------------------------------------

def test_new_column_reaches_every_form(tmp_path):
    data = yaml.safe_load(incident_log.DEFINITION_FILE.read_text(encoding="utf-8"))
    new = {"key": "injuries", "label": "Injuries or medical visits", "kind": "text",
           "help": "Any injury, and any doctor or hospital visit.", "example": "None."}
    data["columns"].insert(5, new)
    path = tmp_path / "incident-log.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    changed = incident_log.load_definition(path)
    labels = changed.labels
    assert labels[5] == new["label"]

    assert _csv_header(incident_log.build_csv(changed)) == labels
    assert _xlsx_header(_workbook(incident_log.build_xlsx(changed, rows=3))) == labels
    fields = _pdf_reader(incident_log.build_pdf(changed, rows=2)).get_fields()
    assert _row_keys(fields, 1) == _row_keys(fields, 2) == [c.key for c in changed.columns]
    table = incident_log.render_fields_markdown(changed)
    assert [re.match(r"\| \*\*(.+?)\*\* \|", line).group(1)
            for line in table.splitlines()[2:]] == labels
    assert "None." in incident_log.render_example_markdown(changed)


def test_command_line_writes_every_form(tmp_path, downloads):
    assert incident_log.main([str(tmp_path)]) == 0
    for name in FORMS:
        assert (tmp_path / name).stat().st_size > 0
    assert (tmp_path / "incident-log.csv").read_bytes() == (downloads / "incident-log.csv").read_bytes()


# ---------------------------------------------------------------------------
# A malformed definition stops with a message naming the file
# ---------------------------------------------------------------------------

GOOD_COLUMN = "  - key: date\n    label: Date\n    kind: date\n"
TAIL = "person:\n  - key: name\n    label: Name\nguidance:\n  - Write it down.\n"
MALFORMED = {
    "not yaml": ("columns: [\n", "not valid YAML"),
    "no columns key": ("title: Log\n" + TAIL, "missing 'columns'"),
    "missing label": ("title: Log\ncolumns:\n  - key: date\n    kind: date\n" + TAIL, "missing 'label'"),
    "unknown kind": ("title: Log\ncolumns:\n  - key: date\n    label: Date\n    kind: colour\n" + TAIL,
                     "kind 'colour'"),
    "choice without choices": ("title: Log\ncolumns:\n  - key: type\n    label: Type\n    kind: choice\n" + TAIL,
                               "needs a 'choices' list"),
    "key used twice": ("title: Log\ncolumns:\n" + GOOD_COLUMN + GOOD_COLUMN.replace("Date", "Day") + TAIL,
                       "used twice"),
    "typo in a key": ("title: Log\ncolumns:\n" + GOOD_COLUMN + "    lable: x\n" + TAIL, "unknown key(s) lable"),
    "bad field key": ("title: Log\ncolumns:\n  - key: Row Date\n    label: Date\n    kind: date\n" + TAIL,
                      "must be lowercase"),
    "empty guidance": ("title: Log\ncolumns:\n" + GOOD_COLUMN + "person:\n  - key: name\n    label: Name\n"
                       "guidance:\n  - ''\n", "guidance #1"),
}


@pytest.mark.parametrize("fault", MALFORMED, ids=list(MALFORMED))
def test_malformed_definition_names_the_file(tmp_path, fault):
    text, message = MALFORMED[fault]
    path = tmp_path / "incident-log.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as info:
        incident_log.load_definition(path)
    assert str(path) in str(info.value) and message in str(info.value), str(info.value)


def test_missing_definition_names_the_file(tmp_path):
    path = tmp_path / "nowhere.yml"
    with pytest.raises(DataError, match=re.escape(str(path))):
        incident_log.load_definition(path)


def test_malformed_definition_fails_the_build(project_copy, tmp_path):
    project = project_copy()
    target = project / "data" / "incident-log.yml"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("kind: longtext", "kind: essay", 1), encoding="utf-8")
    log = failing_build(project, tmp_path / "site", env={"DOWNLOADS": "off"})
    assert re.search(r"data/incident-log\.yml: .*kind 'essay'", log), log


# ---------------------------------------------------------------------------
# Generated, never committed
# ---------------------------------------------------------------------------

def test_generated_forms_are_not_committed():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    committed = [line for line in tracked.splitlines()
                 if line.startswith(("downloads/", "docs/downloads/", "site/"))
                 or re.search(r"incident-log\.(csv|xlsx|pdf)$", line)]
    assert not committed, f"generated files are tracked by git: {committed}"
