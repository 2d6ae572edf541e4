"""Every PDF the site ships, audited as a blind reader meets it (tests/pdf_audit.py, pikepdf and pdfplumber).

Link descriptions a person would say, one Link element per link, no empty or
untagged content, header cells with their scope, and text that reads as
printed: the cover's help numbers unbroken and paragraphs word for word as on
the website.
"""

from __future__ import annotations

import re

import pytest

import helplines
import pdf_audit
from conftest import article

HANDBOOK = "downloads/going-no-contact-handbook.pdf"
PDFS = [HANDBOOK, "downloads/checklists.pdf", "downloads/incident-log.pdf"]
# The Spanish edition's PDFs (es/), audited by the same rules: the generic checks run over both.
PDFS_ES = [f"es/{uri}" for uri in PDFS]
BOTH = PDFS + PDFS_ES
# Paragraphs a reader meets in the handbook, by page; each must read in the PDF as on the site.
SAMPLES = [("guide/what-to-expect.md", 0), ("guide/plan-for-your-safety.md", 1), ("help-someone.md", 0)]


@pytest.fixture(scope="module")
def audits(site_dir) -> dict:
    return {uri: pdf_audit.audit(site_dir / uri) for uri in BOTH}


def _problems(audits, uri, *names) -> dict:
    found = audits[uri]["problems"]
    return {name: found[name][:5] for name in names if found.get(name)}


@pytest.mark.parametrize("uri", BOTH)
def test_no_link_is_described_by_its_target_or_an_id(audits, uri):
    assert not _problems(audits, uri, "description is the target or an id")


def test_spanish_handbook_links_are_described_in_spanish(audits):
    """A Spanish reader hears "página", "Llamar al", "Sitio web": the words come from data/es/strings.yml."""
    said = pdf_audit.descriptions(audits["es/" + HANDBOOK])
    assert len(said) > 100
    assert re.fullmatch(r".+, página \d+", said[0]), said[:5]
    assert any(s.startswith("Llamar al ") for s in said), said
    english = [s for s in said if re.search(r", page \d+$|^Call |\bwebsite$", s)]
    assert not english, english[:5]


def test_handbook_links_say_where_they_go(audits):
    said = pdf_audit.descriptions(audits[HANDBOOK])
    assert len(said) > 100
    assert "Plan for your safety, page " + said[5].rsplit(" ", 1)[-1] == said[5], said[:8]
    assert "Call 0808 2000 247" in said
    assert any(re.fullmatch(r"National Domestic Abuse Helpline .*website", s) for s in said), said


@pytest.mark.parametrize("uri", BOTH)
def test_one_link_one_link_element(audits, uri):
    assert not _problems(audits, uri, "Link without annotation", "Link inside a Link",
                         "annotation not in the structure tree", "duplicate annotation", "zero-area annotation")


def test_contents_has_one_link_per_entry_without_dots_in_it(audits, nav_pages):
    result = audits[HANDBOOK]
    contents = pdf_audit.contents_pages(result["texts"], result["pdf"])
    assert contents and contents[0] == 1, contents
    assert not _problems(audits, HANDBOOK, "more than one annotation per contents entry")
    on_contents = [a for n, a in pdf_audit.links(result["pdf"]) if n in contents]
    assert len(on_contents) == len(nav_pages)
    # The link's words are the page's title: no leader dots, no page number.
    words = [pdf_audit.text_of(e, result["texts"]).strip() for e in result["elements"]
             if e.tag == "/Link" and e.page in contents]
    assert len(words) == len(nav_pages)
    assert not [w for w in words if ". ." in w or w[-1:].isdigit()], words
    assert ". . ." not in pdf_audit.page_text(result, contents[0])


@pytest.mark.parametrize("uri", BOTH)
def test_all_text_is_tagged_or_an_artifact(audits, uri):
    assert not _problems(audits, uri, "text outside the tree and not an artifact")


@pytest.mark.parametrize("uri", BOTH)
def test_header_cells_have_scope_and_lists_their_numbering(audits, uri):
    assert not _problems(audits, uri, "TH without /Scope", "numbered list without /ListNumbering")


@pytest.mark.parametrize("uri", BOTH)
def test_no_empty_structure_elements(audits, uri):
    assert not _problems(audits, uri, "empty structure element")


def test_cover_reads_every_help_number_unbroken(audits):
    cover = " ".join(pdf_audit.page_text(audits[HANDBOOK], 0).split())
    for country in helplines.load_countries():
        for entry in country.entries:
            assert f" {entry.number}" in cover, f"{country.name}: {entry.name} {entry.number} not read as one number"


def _words(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.mark.parametrize("src, index", SAMPLES)
def test_paragraphs_read_as_on_the_website(audits, built_pages, src, index):
    paragraphs = [p for p in article(built_pages[src]).find_all("p", recursive=True)
                  if len(p.get_text()) > 80 and not p.find("a", href=re.compile("^https?:"))]
    expected = _words(paragraphs[index].get_text())
    result = audits[HANDBOOK]
    text = _words(" ".join(pdf_audit.page_text(result, n) for n in range(len(result["pdf"].pages))))
    assert expected in text, expected


def test_cover_numbers_never_break_across_lines(site_dir):
    import pdfplumber

    with pdfplumber.open(site_dir / HANDBOOK) as pdf:
        lines = (pdf.pages[0].extract_text() or "").splitlines()
    for country in helplines.load_countries():
        for entry in country.entries:
            assert any(entry.number in line for line in lines), f"{entry.number} is split over two lines"


def test_incident_log_header_and_entries_at_9pt_each_word_inside_its_cell(site_dir):
    import pdfplumber

    with pdfplumber.open(site_dir / "downloads/incident-log.pdf") as pdf:
        page = pdf.pages[1]
        fields = sorted((a for a in page.annots if a.get("data", {}).get("Subtype").name == "Widget"),
                        key=lambda a: (round(a["top"]), a["x0"]))
        top_row = [a for a in fields if round(a["top"]) == round(fields[0]["top"])]
        assert len(top_row) == len(pdf_audit_columns())
        header = [c for c in page.chars if c["bottom"] <= top_row[0]["top"] + 0.5 and c["top"] > 20]
        assert header and min(c["size"] for c in header) >= 9 - 0.01
        # A field fills its cell but for the padding: the border is halfway between two fields.
        gap = (top_row[1]["x0"] - top_row[0]["x1"]) / 2
        borders = [a["x1"] + gap for a in top_row]
        for char in header:
            if char["text"].isspace():
                continue
            column = next(n for n, a in enumerate(top_row) if a["x0"] - gap <= char["x0"] < borders[n])
            assert char["x1"] <= borders[column] - 0.3, \
                f"{char['text']!r} in column {column + 1} runs into the border at x={borders[column]:.1f}"
    fields = pikepdf_fields(site_dir / "downloads/incident-log.pdf")
    assert fields and all(size >= 9 for size in fields), sorted(set(fields))


def pdf_audit_columns():
    import incident_log

    return incident_log.load_definition().columns


def pikepdf_fields(path) -> list[float]:
    """The font size each form field's text is set in (its /DA)."""
    import pikepdf

    sizes = []
    with pikepdf.open(path) as pdf:
        for field in pdf.Root.AcroForm.Fields:
            match = re.search(r"([\d.]+)\s+Tf", str(field.get("/DA", "")))
            if match:
                sizes.append(float(match.group(1)))
    return sizes


def test_cover_title_and_contents_are_headings_and_levels_never_skip(audits):
    result = audits[HANDBOOK]
    role_map = result["pdf"].Root.StructTreeRoot.get("/RoleMap", {})
    headings = []
    for element in result["elements"]:
        tag = str(role_map.get(element.tag, element.tag))
        if re.fullmatch(r"/H[1-6]", tag):
            headings.append((int(tag[2]), " ".join(pdf_audit.text_of(element, result["texts"]).split())))
    assert headings[:3] == [(1, "Going No Contact"), (2, "Get help now"), (1, "Contents")], headings[:4]
    for (before, _), (level, text) in zip(headings, headings[1:], strict=False):
        assert level <= before + 1, f"{text!r}: a heading of level {level} after level {before}"


def test_checklists_footer_line_is_page_furniture(audits, site_dir):
    import pdfplumber

    result = audits["downloads/checklists.pdf"]
    with pdfplumber.open(site_dir / "downloads/checklists.pdf") as pdf:
        printed = pdf.pages[0].extract_text() or ""
    assert "checklists/day-one.html" in printed, "the sheet no longer says where it came from"
    read = " ".join(pdf_audit.page_text(result, n) for n in range(len(result["pdf"].pages)))
    assert "checklists/" not in read, "the footer line is read as body text"


def test_a_page_break_cuts_no_section_or_list_in_two(audits, nav_pages):
    result = audits[HANDBOOK]
    top = [e for e in result["elements"] if e.parent is not None and e.parent.tag == "/Document"]
    # One section per site page, however many sheets it fills (WeasyPrint makes one per sheet).
    assert len(top) == len(nav_pages), [e.tag for e in top]
    across = [e for e in result["elements"]
              if e.tag == "/L" and len({k.page for k in e.kids if isinstance(k, pdf_audit.Element)}) > 1]
    assert across, "no list goes on over a page break: is each list still cut in two?"
