"""Checklists: task lists with named checkboxes, one printed sheet each, and checklists.pdf.

Printing uses Chromium's own print to PDF (A4 and US Letter), the way a
reader's browser prints; checklists.pdf is read back with pypdf.
"""

from __future__ import annotations

import io
import re
import shutil

import pytest
from mkdocs.exceptions import PluginError  # noqa: E402
from pypdf import PdfReader

import checklist_labels  # noqa: E402
import checklists_pdf  # noqa: E402
import print_pdf  # noqa: E402
import project_config  # noqa: E402
from conftest import article, heading_text, html_path, plant

_CONFIG = project_config.read()
# The checklist pages, in nav order: the same list the PDF hook uses.
CHECKLISTS = checklists_pdf.checklist_sources(_CONFIG["nav"])
SITE_NAME = _CONFIG["site_name"]
PAPER = ("A4", "Letter")
# Site chrome that must not print: the exit bar, header, menu, table of contents, search, footer.
CHROME = {
    "quick exit": ".quick-exit",
    "header": ".md-header",
    "navigation": ".md-sidebar--primary",
    "table of contents": ".md-sidebar--secondary",
    "search": ".md-search",
    "footer": ".md-footer",
}


def test_the_checklists_page_lists_every_checklist_in_the_nav(built_pages):
    """The nav and the checklists page are two sources; they must name the same checklists, in order."""
    import posixpath

    links = [posixpath.normpath(posixpath.join("checklists", a["href"]))
             for a in article(built_pages["checklists/index.md"]).find_all("a", href=True)]
    listed = [link.removesuffix(".html") + ".md" for link in links if link.removesuffix(".html") + ".md" in CHECKLISTS]
    assert list(dict.fromkeys(listed)) == CHECKLISTS
    assert len(CHECKLISTS) >= 9  # today's count, as a floor


def _title(soup) -> str:
    return heading_text(article(soup).find("h1"))


@pytest.mark.parametrize("src", CHECKLISTS)
def test_checklist_is_a_task_list(src, built_pages):
    items = article(built_pages[src]).find_all("li")
    assert items, f"docs/{src}: no list items"
    for li in items:
        assert "task-list-item" in (li.get("class") or []), \
            f"docs/{src}: not a checkbox item: {li.get_text(strip=True)!r}"
        assert li.find("input", attrs={"type": "checkbox"}), f"docs/{src}: item without a checkbox"


# --- Accessibility: every checkbox is named by its item text -----------------

@pytest.fixture(scope="module")
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("src", CHECKLISTS)
def test_every_checkbox_has_its_item_text_as_name(src, page, server):
    from playwright.sync_api import expect

    page.emulate_media(media="screen")
    page.goto(server + html_path(src))
    boxes = page.get_by_role("checkbox")
    items = page.locator("article li.task-list-item")
    assert boxes.count() == items.count() > 0
    for i in range(items.count()):
        text = " ".join(items.nth(i).inner_text().split())
        expect(boxes.nth(i)).to_have_accessible_name(text)


def test_axe_finds_no_unlabelled_checkbox(page, server):
    from axe_playwright_python.sync_playwright import Axe

    page.emulate_media(media="screen")
    page.goto(server + html_path(CHECKLISTS[0]))
    result = Axe().run(page, options={"runOnly": ["label"]})
    assert result.response["violations"] == [], result.generate_report()


def test_item_without_text_stops_the_build():
    item = ('<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled/>'
            '<span class="task-list-indicator"></span></label> </li>')
    with pytest.raises(PluginError, match="docs/x.md: a checklist item has no text"):
        checklist_labels.label_checkboxes(item, "docs/x.md")


# --- Printing from the browser ----------------------------------------------

def _print_pages(page, paper: str) -> PdfReader:
    return PdfReader(io.BytesIO(page.pdf(format=paper)))


def _title_on(page) -> str:
    return " ".join(page.locator("article h1").inner_text().replace("¶", "").split())


def _display(page, selector: str, pseudo: str | None = None) -> dict:
    return page.locator(selector).first.evaluate(
        "(el, pseudo) => { const s = getComputedStyle(el, pseudo); return {display: s.display, "
        "color: s.color, fontSize: parseFloat(s.fontSize), border: s.borderTopStyle, "
        "width: parseFloat(s.borderTopWidth), mask: s.maskImage || s.webkitMaskImage}; }", pseudo)


@pytest.mark.parametrize("src", CHECKLISTS)
def test_checklist_prints_on_one_sheet_without_site_chrome(src, page, server):
    page.goto(server + html_path(src))
    # On screen the "where this came from" line is hidden.
    page.emulate_media(media="screen")
    assert _display(page, ".print-footer")["display"] == "none"

    page.emulate_media(media="print")
    for name, selector in CHROME.items():
        assert page.locator(selector).count(), f"{src}: no {name} ({selector}) on the page: update this test"
        assert _display(page, selector)["display"] == "none", f"{src}: the {name} prints"
    assert not page.locator(".headerlink").first.is_visible(), f"{src}: the ¶ links print"

    address = f"{SITE_NAME} · {html_path(src)}"
    footer = page.locator(".print-footer")
    assert footer.is_visible() and " ".join(footer.inner_text().split()) == address

    body = _display(page, "article p")
    assert body["color"] == "rgb(0, 0, 0)", f"{src}: body text is {body['color']} on paper"
    assert 14.6 <= body["fontSize"] <= 16.0, f"{src}: body text is {body['fontSize']}px, not 11-12 pt"
    box = _display(page, ".task-list-indicator", "::before")
    assert box["border"] == "solid" and box["width"] >= 1 and box["mask"] == "none", f"{src}: checkbox {box}"
    # A link to an address no test has opened: Chromium shares visited links across the
    # session's contexts, and styles a visited one from its own rules.
    link_colour = page.evaluate("""() => { const a = document.createElement('a');
        a.href = 'never-opened-' + Math.random() + '.html'; a.textContent = 'x';
        document.querySelector('article li, article p').appendChild(a);
        const colour = getComputedStyle(a).color; a.remove(); return colour; }""")
    assert link_colour == "rgb(0, 0, 0)", f"{src}: links are coloured on paper ({link_colour})"

    title = _title_on(page)
    for paper in PAPER:
        printed = _print_pages(page, paper)
        assert len(printed.pages) == 1, f"{src}: prints on {len(printed.pages)} {paper} pages"
        text = " ".join(printed.pages[0].extract_text().split())
        assert title in text and address in text, f"{src}: {paper} sheet lacks its title or address"
        for chrome_text in ("Leave this site", "Table of contents", "¶", "Previous", "Search"):
            assert chrome_text not in text, f"{src}: {chrome_text!r} printed on {paper}"


def test_sheet_count_catches_a_checklist_that_is_too_long(page, server):
    """The one-sheet check can fail: the same page with its items copied four times prints on more."""
    page.goto(server + html_path(CHECKLISTS[0]))
    page.evaluate("() => document.querySelectorAll('article ul.task-list').forEach("
                  "ul => ul.innerHTML = ul.innerHTML.repeat(4))")
    page.emulate_media(media="print")
    for paper in PAPER:
        assert len(_print_pages(page, paper).pages) > 1


# --- checklists.pdf -----------------------------------------------------------

def test_checklists_pdf_has_each_checklist_on_its_own_page(site_dir, built_pages):
    pdf = site_dir / checklists_pdf.PDF_URI
    assert pdf.is_file() and pdf.stat().st_size > 0, f"{pdf} missing or empty"
    reader = PdfReader(pdf)
    assert len(reader.pages) == len(CHECKLISTS)
    titles = [_title(built_pages[src]) for src in CHECKLISTS]
    for number, (src, title, sheet) in enumerate(zip(CHECKLISTS, titles, reader.pages, strict=True), start=1):
        text = " ".join(sheet.extract_text().split())
        assert text.startswith(title), f"page {number} should start with {title!r}: {text[:80]!r}"
        assert f"{SITE_NAME} · {html_path(src)}" in text, f"page {number}: no address line"
        others = [t for t in titles if t != title and t in text]
        assert not others, f"page {number} also holds {others}"
    assert [item.title for item in reader.outline] == titles
    # No link into the folder the PDF was built in.
    for sheet in reader.pages:
        for annot in sheet.get("/Annots") or []:
            uri = str(annot.get_object().get("/A", {}).get("/URI", ""))
            assert not uri.startswith("file:"), uri


def test_checklists_index_links_to_the_pdf(built_pages):
    links = [a["href"] for a in article(built_pages["checklists/index.md"]).find_all("a", href=True)]
    assert "../downloads/checklists.pdf" in links


def test_pdf_script_rebuilds_from_a_built_site(site_dir, tmp_path):
    target = tmp_path / "checklists.pdf"
    assert checklists_pdf.main([str(site_dir), "-o", str(target)]) == 0
    assert len(PdfReader(target).pages) == len(CHECKLISTS)


def _site_copy(site_dir, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    return copy




def test_pdf_build_fails_when_a_checklist_overflows_its_sheet(site_dir, tmp_path):
    site = _site_copy(site_dir, tmp_path)
    src = CHECKLISTS[1]
    plant(site, html_path(src), '<ul class="task-list">', '<ul class="task-list">' + "<li>More to do</li>" * 60)
    pages = checklists_pdf.nav_pages(CHECKLISTS, _CONFIG["use_directory_urls"])
    with pytest.raises(PluginError, match=rf"docs/{re.escape(src)}: fills \d+ A4 pages"):
        checklists_pdf.build_pdf(site, pages, SITE_NAME, None, target=tmp_path / "out.pdf")


def test_pdf_build_refuses_the_network(site_dir, tmp_path):
    site = _site_copy(site_dir, tmp_path)
    remote = "https://example.invalid/tracker.png"
    plant(site, html_path(CHECKLISTS[0]), "</h1>", f'</h1><img src="{remote}" alt="">')
    pages = checklists_pdf.nav_pages(CHECKLISTS, _CONFIG["use_directory_urls"])
    with pytest.raises(PluginError, match=re.escape(remote)):
        checklists_pdf.build_pdf(site, pages, SITE_NAME, None, target=tmp_path / "out.pdf")
    with pytest.raises(ValueError, match=re.escape(remote)):
        print_pdf.local_fetcher()(remote)
