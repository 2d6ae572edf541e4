"""The corrections to WeasyPrint's tagged PDFs (scripts/pdf_tag_fixes.py) are still needed, and work.

A small document is printed by WeasyPrint alone. For each numbered
correction, one test checks WeasyPrint still makes the mistake (when it
fails, WeasyPrint has changed: review the correction, it may be dropped) and
one checks the corrected file. The text is read by pdfplumber, not by the
correction's own decoder (tests/pdf_audit.py).
"""

from __future__ import annotations

import io
from importlib import metadata

import pikepdf
import pytest

import pdf_audit
import pdf_tag_fixes
import print_pdf

SAMPLE = """<!DOCTYPE html><html lang="en"><head><style>
@page { size: 110mm 160mm; margin: 15mm; @top-right { content: "Running header"; } }
body { font: 11pt "DejaVu Sans", sans-serif; }
.narrow { width: 40mm; }
</style></head><body>
<h1 id="top">Plan for your safety</h1>
<p class="narrow">Read <a href="#top">the part about your <abbr title="a plan">safety</abbr> plans</a>
and take a week to think about it when you feel ready.</p>
<p><a href="tel:+18007997233">1-800-799-7233</a> or <a href="https://www.refuge.org.uk/">Refuge</a>.</p>
<table><thead><tr><th scope="col">Column</th></tr></thead><tbody><tr><td>cell</td></tr></tbody></table>
<table><tbody><tr><th scope="row">Row</th><td>cell</td></tr></tbody></table>
<ol><li>one</li><li>two</li></ol>
<p>An empty box <span></span>here.</p>
</body></html>"""


def _weasyprint_pdf() -> bytes:
    from weasyprint import HTML

    return HTML(string=SAMPLE).write_pdf(**print_pdf.PDF_OPTIONS)


@pytest.fixture(scope="module")
def raw(tmp_path_factory):
    path = tmp_path_factory.mktemp("tags") / "raw.pdf"
    path.write_bytes(_weasyprint_pdf())
    return pdf_audit.audit(path)


@pytest.fixture(scope="module")
def corrected(tmp_path_factory):
    path = tmp_path_factory.mktemp("tags") / "corrected.pdf"
    path.write_bytes(pdf_tag_fixes.correct(_weasyprint_pdf(), print_pdf.source_text(SAMPLE)))
    return pdf_audit.audit(path)


def _words(result) -> str:
    return " ".join(pdf_audit.page_text(result, 0).split())


def test_weasyprint_is_the_version_the_corrections_were_written_for():
    assert metadata.version("weasyprint") == "70.0", "review every correction in scripts/pdf_tag_fixes.py"


# Correction 1.
def test_weasyprint_still_describes_links_by_their_target(raw):
    assert sorted(set(pdf_audit.descriptions(raw))) == ["https://www.refuge.org.uk/", "tel:+18007997233", "top"]


def test_links_are_described_by_their_words_and_destination(corrected):
    assert sorted(set(pdf_audit.descriptions(corrected))) == [
        "Call 1-800-799-7233", "Refuge website", "the part about your safety plans, page 1"]


# Correction 2.
def test_weasyprint_still_splits_a_link_that_wraps_or_holds_an_abbr(raw):
    links = [e for e in raw["elements"] if e.tag == "/Link"]
    assert len(links) > 3, "WeasyPrint now makes one Link element per link"
    assert raw["counts"].get("Link inside a Link") or len(
        {str(pdf_audit.annotation_target(a)) for _, a in pdf_audit.links(raw["pdf"])}) < len(links)


def test_each_link_is_one_link_element(corrected):
    links = [e for e in corrected["elements"] if e.tag == "/Link"]
    assert len(links) == 3
    for problem in ("Link inside a Link", "Link without annotation", "duplicate annotation", "zero-area annotation"):
        assert corrected["counts"].get(problem, 0) == 0, corrected["problems"][problem]


# Correction 3.
def test_weasyprint_still_leaves_running_headers_out_of_the_tree(raw):
    assert raw["counts"].get("text outside the tree and not an artifact"), "running headers are tagged now"


def test_running_headers_are_artifacts(corrected):
    assert not corrected["counts"].get("text outside the tree and not an artifact")
    data = corrected["pdf"].pages[0].obj.Contents.read_bytes()
    assert b"/Artifact <</Type /Pagination>> BDC" in data


# Correction 4.
def test_weasyprint_still_drops_the_space_at_a_line_wrap(raw):
    words = _words(raw)
    assert "take a week to think about it when you feel ready" not in words, words


def test_a_line_wrap_reads_as_a_word_break(corrected):
    words = _words(corrected)
    assert "the part about your safety plans and take a week to think about it when you feel ready." in words, words


# Correction 5.
def test_weasyprint_still_writes_header_cells_without_scope(raw):
    assert raw["counts"].get("TH without /Scope") == 2
    assert raw["counts"].get("numbered list without /ListNumbering") == 1
    assert "/IDTree" not in raw["pdf"].Root.StructTreeRoot


def test_header_cells_have_scope_and_ids_and_lists_numbering(corrected):
    scopes = [str(e.obj.A.Scope) for e in corrected["elements"] if e.tag == "/TH"]
    assert scopes == ["/Column", "/Row"]
    ids = pikepdf.NameTree(corrected["pdf"].Root.StructTreeRoot.IDTree)
    assert len(ids) == 2
    assert not corrected["counts"].get("numbered list without /ListNumbering")


# Correction 6.
def test_weasyprint_still_writes_empty_structure_elements(raw):
    assert raw["counts"].get("empty structure element")


def test_no_empty_structure_elements(corrected):
    assert not corrected["counts"].get("empty structure element"), corrected["problems"]["empty structure element"]


def test_a_pdf_without_tags_is_left_alone():
    from weasyprint import HTML

    data = HTML(string="<p>plain</p>").write_pdf()
    assert pdf_tag_fixes.correct(data) == data
    assert pikepdf.open(io.BytesIO(data))


# Correction 9.
LONG_LIST = ('<!DOCTYPE html><html lang="en"><body><section><h1>List</h1><ul>'
             + "".join(f"<li>Item {n}: {'a few words ' * 12}</li>" for n in range(40))
             + "</ul></section></body></html>")


def _lists(path) -> list:
    return [e for e in pdf_audit.audit(path)["elements"] if e.tag == "/L"]


def test_weasyprint_still_tags_each_sheet_on_its_own(tmp_path):
    from weasyprint import HTML

    path = tmp_path / "raw.pdf"
    path.write_bytes(HTML(string=LONG_LIST).write_pdf(**print_pdf.PDF_OPTIONS))
    assert len(_lists(path)) > 1, "WeasyPrint now keeps a list cut by a page break whole"


def test_a_list_cut_by_a_page_break_is_one_list(tmp_path):
    document = print_pdf.render(LONG_LIST, tmp_path.as_uri() + "/", "test")
    assert len(document.pages) > 1 and all(levels >= 2 for levels in document.pdf_continued)
    path = tmp_path / "corrected.pdf"
    print_pdf.write(document, path, title="List", lang="en", description="A long list.")
    lists = _lists(path)
    assert len(lists) == 1 and len([k for k in lists[0].kids if isinstance(k, pdf_audit.Element)]) == 40
