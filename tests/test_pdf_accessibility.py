"""Every PDF the site ships works with a screen reader: tagged, PDF/UA-1, with
language, title, outline, and a structure tree that follows the document.

The structure tree is read with pypdf; the text of each element comes from the
marked content on the page (pdfplumber gives each character its MCID), so a
heading's text is what a screen reader would announce for it.
"""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

import incident_log
from conftest import article

# One reading of the marked text for every PDF test (pdfplumber), shared with the audit.
from pdf_audit import marked_text

PDFS = {
    "downloads/going-no-contact-handbook.pdf": "Going No Contact: the handbook",
    "downloads/checklists.pdf": "Going No Contact: checklists",
    "downloads/incident-log.pdf": "Incident log",
}


def _kids(element) -> list:
    kids = element.get("/K")
    if kids is None:
        return []
    return [k.get_object() if hasattr(k, "get_object") else k for k in (kids if isinstance(kids, list) else [kids])]


def structure(reader: PdfReader) -> list[tuple[str, dict, int | None]]:
    """Every structure element, depth first (reading order): its type, itself and its page index."""
    pages = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages)}
    found = []

    def walk(element, page):
        if "/Pg" in element:
            page = pages.get(element.raw_get("/Pg").idnum, page)
        found.append((str(element["/S"]), element, page))
        for kid in _kids(element):
            if isinstance(kid, dict) and "/S" in kid:
                walk(kid, page)

    for top in _kids(reader.trailer["/Root"]["/StructTreeRoot"].get_object()):
        walk(top, None)
    return found


def element_text(element, page: int | None, texts: dict, pages: dict) -> str:
    """All the text inside ``element``, in order."""
    out = []
    for kid in _kids(element):
        if isinstance(kid, int):
            out.append(texts.get((page, kid), ""))
        elif isinstance(kid, dict) and "/S" in kid:
            kid_page = pages.get(kid.raw_get("/Pg").idnum, page) if "/Pg" in kid else page
            out.append(element_text(kid, kid_page, texts, pages))
        elif isinstance(kid, dict) and "/MCID" in kid:
            out.append(texts.get((page, int(kid["/MCID"])), ""))
    return " ".join(" ".join(out).split())


@pytest.fixture(scope="module")
def readers(site_dir) -> dict[str, PdfReader]:
    return {uri: PdfReader(site_dir / uri) for uri in PDFS}


def _headings(site_dir, reader, uri, level: str) -> list[str]:
    pages = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages)}
    texts = marked_text(site_dir / uri)
    return [element_text(element, page, texts, pages) for tag, element, page in structure(reader) if tag == level]


def _title(soup) -> str:
    h1 = article(soup).find("h1")
    return " ".join("".join(s for s in h1.find_all(string=True) if not s.find_parent(class_="headerlink")).split())


@pytest.mark.parametrize("uri", PDFS)
def test_tagged_pdf_ua_with_language_title_and_outline(readers, uri):
    reader = readers[uri]
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"].value, f"{uri}: not tagged"
    assert "/StructTreeRoot" in root, f"{uri}: no structure tree"
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r'pdfuaid:part(="1"|>1<)', xmp), f"{uri}: no PDF/UA-1 identifier in the XMP metadata"
    assert str(root["/Lang"]) == "en", uri
    assert reader.metadata.title == PDFS[uri]
    assert root["/ViewerPreferences"]["/DisplayDocTitle"].value, f"{uri}: the window shows the file name"
    assert reader.outline, f"{uri}: no bookmarks"


@pytest.mark.parametrize("uri", PDFS)
def test_every_link_and_form_field_is_in_the_structure_tree(readers, uri):
    reader = readers[uri]
    tags = [tag for tag, _, _ in structure(reader)]
    links = sum(1 for page in reader.pages for a in page.get("/Annots") or []
                if a.get_object().get("/Subtype") == "/Link")
    widgets = sum(1 for page in reader.pages for a in page.get("/Annots") or []
                  if a.get_object().get("/Subtype") == "/Widget")
    if links:
        assert "/Link" in tags, f"{uri}: {links} links, none in the structure tree"
    assert tags.count("/Form") == widgets, f"{uri}: {widgets} form fields, {tags.count('/Form')} tagged"
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") == "/Link":
                assert str(annot.get("/Contents", "")).strip(), f"{uri}: a link with no description"


def test_handbook_headings_follow_the_nav(site_dir, readers, nav_pages, built_pages):
    uri = "downloads/going-no-contact-handbook.pdf"
    h1 = _headings(site_dir, readers[uri], uri, "/H1")
    assert h1 == [_title(built_pages[src]) for src in nav_pages]
    assert len(_headings(site_dir, readers[uri], uri, "/H2")) > len(nav_pages)


def test_handbook_lists_and_tables_are_marked_up(readers):
    tags = [tag for tag, _, _ in structure(readers["downloads/going-no-contact-handbook.pdf"])]
    assert tags.count("/L") > 50 and tags.count("/LI") > tags.count("/L")
    tables = [element for tag, element, _ in structure(readers["downloads/going-no-contact-handbook.pdf"])
              if tag == "/Table"]
    assert tables, "the handbook has tables (help numbers, the incident log's columns)"
    for table in tables:
        inside = []

        def walk(element, into=inside):
            for kid in _kids(element):
                if isinstance(kid, dict) and "/S" in kid:
                    into.append(str(kid["/S"]))
                    walk(kid, into)

        walk(table)
        assert "/TH" in inside, "a table without header cells"


def test_checklists_pdf_has_one_h1_per_checklist_and_items_as_lists(site_dir, readers, built_pages):
    uri = "downloads/checklists.pdf"
    checklists = [src for src in built_pages if src.startswith("checklists/") and src != "checklists/index.md"]
    assert _headings(site_dir, readers[uri], uri, "/H1") == [_title(built_pages[src]) for src in checklists]
    tags = [tag for tag, _, _ in structure(readers[uri])]
    assert tags.count("/LI") >= 9 * 3


def test_incident_log_fields_name_their_column_and_row(readers):
    definition = incident_log.load_definition()
    fields = readers["downloads/incident-log.pdf"].get_fields()
    expected = {incident_log.field_name(row, column.key): f"Entry {row}: {column.label}"
                for row in range(1, incident_log.PDF_ROWS + 1) for column in definition.columns}
    expected |= {incident_log.person_field_name(item.key): f"About the person: {item.label}"
                 for item in definition.person}
    assert {name: str(field.get("/TU")) for name, field in fields.items()} == expected


def test_incident_log_columns_are_header_cells(site_dir, readers):
    uri = "downloads/incident-log.pdf"
    headers = _headings(site_dir, readers[uri], uri, "/TH")
    labels = [column.label for column in incident_log.load_definition().columns]
    # The log's header row repeats on each of its pages; every label is a header cell.
    for label in labels:
        assert any(" ".join(label.split()) == h for h in headers), f"no header cell for {label!r}"
