"""The handbook: the whole guide as one PDF, with a cover, contents, bookmarks and no broken links."""

from __future__ import annotations

import posixpath
import re

import pytest

import helplines  # noqa: E402
import pdf_audit
import print_pdf  # noqa: E402
from conftest import ROOT, failing_build, html_path, plant

PDF_URI = "downloads/going-no-contact-handbook.pdf"
TITLE = "Going No Contact: the handbook"
SIZE_PLACEHOLDER = "[[HANDBOOK_SIZE]]"
SIZE = re.compile(r"\d+ KB|\d+\.\d MB")
# 210 x 279 mm in points: fits both A4 (210 x 297 mm) and US Letter (216 x 279 mm).
MAX_WIDTH, MAX_HEIGHT = 210 / 25.4 * 72 + 0.5, 279 / 25.4 * 72 + 0.5


@pytest.fixture(scope="module")
def pdf_path(site_dir):
    return site_dir / PDF_URI


@pytest.fixture(scope="module")
def reader(pdf_path):
    from pypdf import PdfReader

    return PdfReader(pdf_path)


@pytest.fixture(scope="module")
def page_texts(reader) -> list[str]:
    return [page.extract_text() or "" for page in reader.pages]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _h1(soup) -> tuple[str, str]:
    h1 = soup.select_one("article h1")
    text = "".join(s for s in h1.find_all(string=True) if not s.find_parent(class_="headerlink"))
    return " ".join(text.split()), h1["id"]


@pytest.fixture(scope="module")
def titles(built_pages) -> dict[str, tuple[str, str]]:
    """Each nav page's H1: its text and id, keyed by Markdown source."""
    return {src: _h1(soup) for src, soup in built_pages.items()}


def _destination(name: str, src: str) -> str:
    """The PDF's name for id ``name`` on page ``src`` (``<page>:<id>``)."""
    return f"{html_path(src)[: -len('.html')]}:{name}"


def _links(reader):
    """(page index, annotation) for every link annotation in the PDF."""
    for index, page in enumerate(reader.pages):
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot.get("/Subtype") == "/Link":
                yield index, annot


def _internal_target(annot):
    if "/Dest" in annot:
        return str(annot["/Dest"])
    action = annot.get("/A")
    if action is not None and action.get("/S") == "/GoTo":
        return str(action["/D"])
    return None


def test_handbook_is_a_pdf(pdf_path, reader, nav_pages):
    assert pdf_path.read_bytes().startswith(b"%PDF")
    assert len(reader.pages) > len(nav_pages)


def test_pages_fit_a4_and_us_letter(reader):
    for n, page in enumerate(reader.pages, 1):
        box = page.mediabox
        assert float(box.width) <= MAX_WIDTH and float(box.height) <= MAX_HEIGHT, f"page {n}: {box}"


def test_no_text_runs_off_the_page(pdf_path):
    for n, page in enumerate(pdf_audit.page_chars(pdf_path), 1):
        outside = [c.text for c in page.chars if c.x0 < 20 or c.x1 > page.width - 20 or c.bottom > page.height - 10]
        assert not outside, f"page {n}: text at the edge of the page: {''.join(outside)[:80]!r}"


def test_metadata(reader, config):
    assert reader.metadata.title == TITLE
    assert reader.metadata.author == config["site_author"]
    assert str(reader.trailer["/Root"]["/Lang"]) == "en"


def test_one_top_level_bookmark_per_nav_page_in_nav_order(reader, nav_pages, titles):
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top == [titles[src][0] for src in nav_pages]


def test_bookmarks_go_two_levels_deep_at_most(reader):
    for item in reader.outline:
        if isinstance(item, list):
            assert not any(isinstance(child, list) for child in item), "a bookmark below h2 level"


def test_every_internal_link_has_a_destination(reader, built_pages):
    from conftest import article

    names = set(reader.named_destinations)
    targets = [(n, _internal_target(a)) for n, a in _links(reader)]
    internal = [(n, t) for n, t in targets if t is not None]
    # Counted again from the pages: every link inside the guide's own articles (glossary terms print as
    # plain words), plus one contents entry a page. A link that wraps is one annotation; a few are
    # dropped (downloads, tools): allow a tenth.
    in_pages = sum(1 for soup in built_pages.values() for a in article(soup).find_all("a", href=True)
                   if not a["href"].startswith(("http", "tel:", "mailto:", "#")) and "downloads/" not in a["href"]
                   and not {"headerlink", "glossary-term"} & set(a.get("class", []))
                   and not a.has_attr("hreflang"))  # the link to the other edition is for the screen
    expected = in_pages + len(built_pages)
    assert len(internal) >= 0.9 * expected, f"{len(internal)} internal links, expected about {expected}"
    broken = sorted({f"page {n + 1}: #{t}" for n, t in internal if t not in names})
    assert not broken, broken


def test_other_links_leave_for_the_web_or_a_phone_only(reader):
    # A relative link (to the zip, a page outside the handbook) would be broken in the PDF.
    for n, annot in _links(reader):
        action = annot.get("/A")
        if action is not None and action.get("/S") == "/URI":
            uri = str(action["/URI"])
            assert uri.startswith(("https://", "http://", "tel:", "mailto:")), f"page {n + 1}: {uri}"


def test_contents_link_to_every_page_title_with_its_page_number(reader, page_texts, nav_pages, titles):
    starts = [n for n, text in enumerate(page_texts) if text.lstrip().startswith("Contents")]
    assert starts, "no page starting with 'Contents'"
    # The contents can run onto more pages: every page from its start up to the first guide page.
    first = _destination(titles[nav_pages[0]][1], nav_pages[0])
    first_page = reader.get_destination_page_number(reader.named_destinations[first])
    contents = list(range(starts[0], max(first_page, starts[0] + 1)))
    linked = {_internal_target(a) for n, a in _links(reader) if n in contents}
    destinations = reader.named_destinations
    text = " ".join(page_texts[n] for n in contents)
    for src in nav_pages:
        title, anchor = titles[src]
        name = _destination(anchor, src)
        assert name in linked, f"contents has no link to {src} ({name})"
        assert name in destinations, f"{name} is not a destination in the PDF"
        number = reader.get_destination_page_number(destinations[name]) + 1
        assert re.search(re.escape(title) + r"[\s.]*" + str(number) + r"\b", text), \
            f"contents: {title!r} should show page {number}"


def test_cover_and_contents_add_no_bookmark(reader, nav_pages):
    first = next(item for item in reader.outline if not isinstance(item, list))
    assert first.title != "Contents"
    assert reader.get_destination_page_number(first) >= 2, "the first bookmark should skip the cover and contents"


def test_every_page_title_is_in_the_text(page_texts, titles):
    text = _squash(" ".join(page_texts))
    missing = [title for title, _ in titles.values() if _squash(title) not in text]
    assert not missing, missing


def test_every_nav_page_starts_a_new_sheet(reader, nav_pages):
    """Each page's bookmark points at the top of a sheet of its own (64 pages today, not run together)."""
    tops = []
    for item in (i for i in reader.outline if not isinstance(i, list)):
        number = reader.get_destination_page_number(item)
        height = float(reader.pages[number].mediabox.height)
        tops.append((item.title, number, float(item.top) / height))
    assert len(tops) == len(nav_pages)
    low = [(title, round(share, 2)) for title, _, share in tops if share < 0.85]
    assert not low, f"page titles not at the top of a sheet (share of the height): {low}"
    numbers = [number for _, number, _ in tops]
    assert numbers == sorted(set(numbers)), "two nav pages start on the same sheet"


def test_checklists_and_incident_log_are_in_the_handbook(reader, page_texts, built_pages, nav_pages, titles):
    """Read from the PDF: each checklist and the incident log is bookmarked and its own words are printed."""
    from conftest import article

    bookmarks = [i.title for i in reader.outline if not isinstance(i, list)]
    text = _squash(" ".join(page_texts))
    wanted = [src for src in nav_pages if src.startswith("checklists/") or src == "incident-log.md"]
    assert len(wanted) >= 10
    for src in wanted:
        assert titles[src][0] in bookmarks, f"{src}: no bookmark"
        items = article(built_pages[src]).select("li")
        assert items, src
        for li in (items[0], items[-1]):
            words = _squash(li.get_text())
            assert words[:60] in text, f"{src}: {li.get_text()[:60]!r} is not printed in the handbook"


def test_cover_is_one_sheet_and_contents_follow(page_texts):
    assert "This file stays on the device" in page_texts[0], "the cover runs onto a second page"
    assert "Contents" in page_texts[1]


def test_cover_shows_every_help_now_number(page_texts):
    cover = _squash(page_texts[0])
    assert "GoingNoContact" in cover
    for country in helplines.load_countries():
        for entry in country.entries:
            assert _squash(entry.number) in cover, f"{country.name}: {entry.name} {entry.number} not on the cover"


def test_build_log_has_no_pdf_errors(build_log):
    for message in ("No anchor", "Error converting", "refused to fetch", "handbook PDF: WeasyPrint",
                    "not in the nav", "conversion errors"):
        assert message not in build_log, build_log


def test_every_page_links_to_the_handbook_with_its_size(site_dir, built_pages):
    for src, soup in built_pages.items():
        link = soup.select_one("article .handbook-download a[download]")
        assert link is not None, f"{src}: no handbook download link"
        target = posixpath.normpath(posixpath.join(posixpath.dirname(html_path(src)), link["href"]))
        assert target == PDF_URI, f"{src}: the link points at {link['href']}"
        assert SIZE.search(link.get_text()), f"{src}: no size in {link.get_text()!r}"


def test_start_page_offers_the_handbook(built_pages):
    link = built_pages["index.md"].select_one(f'article a[href="{PDF_URI}"]:not([download])')
    assert link is not None
    assert SIZE.search(link.parent.get_text())


def test_size_placeholder_is_replaced_everywhere(site_dir):
    left = [p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*")
            if p.suffix in {".html", ".js", ".json"} and SIZE_PLACEHOLDER in p.read_text(encoding="utf-8")]
    assert not left, left


def test_cover_and_contents_are_hidden_on_the_website(built_pages):
    block = built_pages["index.md"].select_one("article .pdf-only")
    assert block is not None and block.select_one(".pdf-cover") and block.select_one(".pdf-toc")
    css = (ROOT / "overrides/assets/stylesheets/site.css").read_text(encoding="utf-8")
    assert re.search(r"\.pdf-only\s*\{\s*display:\s*none;", css)


@pytest.mark.parametrize("href, page, expected", [
    ("b.html#x", "guide/a.html", "#guide/b:x"),
    ("b.html", "guide/a.html", "#guide/b:"),
    ("../checklists/day-one.html#x", "guide/a.html", "#checklists/day-one:x"),
    ("../index.html", "guide/a.html", "#index:"),
    ("#x", "guide/a.html", "#guide/a:x"),
    ("guide/a.html#x", "index.html", "#guide/a:x"),
    ("../downloads/going-no-contact.zip", "guide/a.html", None),
    ("../../outside.html", "guide/a.html", None),
])
def test_links_are_rewritten_against_the_current_page(href, page, expected):
    # None: no link in the PDF (the text stays), as nothing in the handbook is there.
    keys = {"guide/a", "guide/b", "checklists/day-one", "index"}
    assert print_pdf.link_target(href, page, keys, None) == expected




# MkDocs' own link check does not read raw HTML; WeasyPrint's "No anchor" must stop the build.
# The two good links are the kinds the plugin itself got wrong (a sibling page with an id,
# a page in another folder with an id): they must not be reported.
def test_planted_broken_anchor_fails_the_strict_build(project_copy, tmp_path):
    project = project_copy()
    plant(project, "docs/guide/what-to-expect.md", "---\n\n",
           '---\n\n<a href="why-no-contact.html#no-such-id">x</a> '
           '<a href="why-no-contact.html#what-no-contact-is-for">y</a> '
           '<a href="../checklists/day-one.html#close-the-doors">z</a>\n\n')
    log = failing_build(project, tmp_path / "site")
    assert "guide/what-to-expect.html links to guide/why-no-contact.html#no-such-id" in log, log
    assert "No anchor #guide/why-no-contact:no-such-id" in log, log
    assert "what-no-contact-is-for" not in log and "close-the-doors" not in log, log


# Nothing is fetched from the network while the PDF is made: a remote image stops the build.
def test_planted_remote_image_fails_the_build_naming_it(project_copy, tmp_path):
    project = project_copy()
    plant(project, "docs/guide/what-to-expect.md", "---\n\n",
           '---\n\n<img src="https://example.com/x.png" alt="">\n\n')
    log = failing_build(project, tmp_path / "site")
    assert "https://example.com/x.png" in log, log
    assert "refused to fetch" in log, log


# The plugin's settings are checked: without combined mode there is no handbook,
# and the build stops naming mkdocs.yml instead of writing one PDF per page.
def test_plugin_without_combined_mode_fails_the_build_naming_the_file(project_copy, tmp_path):
    project = project_copy()
    plant(project, "mkdocs.yml", "      combined: true\n", "      combined: false\n")
    # Downloads on: with DOWNLOADS=off the plugin is not loaded and nothing checks it.
    log = failing_build(project, tmp_path / "site")
    assert "mkdocs.yml: the 'pdf-export' plugin needs 'combined: true'" in log, log
