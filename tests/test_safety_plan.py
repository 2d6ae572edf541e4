"""My safety plan: items from the checklist pages, the reader's details, a print of only what was picked."""

from __future__ import annotations

import io
import re

import pytest

import checklist_items
import helplines
from conftest import (
    AT_BOTH_SIZES,
    DOCS,
    NEUTRAL_SITE,
    ROOT,
    article,
    axe_violations,
    exit_context,
    heading_text,
    html_path,
    record_dialogs,
    refuse_other_origins,
)

PAGE = "my-safety-plan.html"
NAME = "Priya at number nine"


@pytest.fixture(scope="module")
def checklists(config):
    return checklist_items.load(DOCS, config["nav"])


@pytest.fixture
def page(browser, server):
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    outside = refuse_other_origins(ctx, server)
    page = ctx.new_page()
    page.goto(server + PAGE)
    yield page
    ctx.close()
    assert outside == [], outside


def _built_checklists(built_pages, nav_pages) -> list[tuple[str, str, list[tuple[str, bool]]]]:
    """(source, title, [(label, is_blank)]) of each checklist, read from the built checklist pages
    themselves, not from the parser that builds the plan: a parser that drops items fails here."""
    out = []
    for src in nav_pages:
        if not src.startswith("checklists/") or src == "checklists/index.md":
            continue
        content = article(built_pages[src])
        title = heading_text(content.h1)
        items = []
        for li in content.select("li.task-list-item"):
            text = " ".join(li.get_text().split())
            blank = re.search(r"\s*:?\s*_{3,}\s*$", text)
            items.append((text[: blank.start()].strip() if blank else text, bool(blank)))
        assert items, f"docs/{src}: no checklist items found in the built page"
        out.append((src, title, items))
    return out


def test_every_checklist_item_is_offered_once(page, built_pages, nav_pages):
    built = _built_checklists(built_pages, nav_pages)
    expected = [item for _, _, items in built for item in items]
    shown = page.evaluate("""() => [...document.querySelectorAll('.plan-item')].map(li => [
        li.querySelector('label').textContent.replace(/\\s+/g, ' ').trim(), !!li.querySelector('input[type=text]')])""")
    assert [tuple(x) for x in shown] == expected
    # Today's guide has 9 checklists of 77 items: a plan that loses a whole checklist or section fails above.
    assert len(built) >= 9 and len(expected) >= 70
    titles = page.locator(".plan-group h3").all_inner_texts()
    assert titles == [title for _, title, _ in built]


def _searchable(text: str) -> str:
    """Search index text as a reader's words: tags dropped, spaces squeezed."""
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


def test_search_finds_each_item_on_its_checklist_not_again_in_the_plan(site_dir, built_pages, nav_pages):
    """Each checklist item is in the search index once, on its own checklist page; the plan's copies
    of the items, and its help numbers (hidden until a country is picked), are not."""
    import json

    docs = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    plan = [doc for doc in docs if doc["location"].split("#")[0] == PAGE]
    soup = built_pages["my-safety-plan.md"]
    # The page's own title and headings (its Markdown), and none of the plan's checklist headings.
    headings = [heading_text(h) for h in article(soup).select("h1, h2")]
    assert [doc["title"] for doc in plan] == headings
    plan_text = _searchable(" ".join(doc["text"] for doc in plan))
    hidden = [" ".join(li.get_text().split()) for li in soup.select(".plan-help li")]
    assert hidden and not [entry for entry in hidden if entry in plan_text], "help numbers in the plan's search text"
    for home, _, items in _built_checklists(built_pages, nav_pages):
        text = _searchable(" ".join(doc["text"] for doc in docs if doc["location"].split("#")[0] == html_path(home)))
        for label, _ in items:
            assert label in text, f"{home}: {label!r} not in its search text"
            assert label not in plan_text, f"{label!r} is in the plan's search text too"


def test_print_shows_only_what_was_picked_and_typed(page, checklists):
    from pypdf import PdfReader

    ticks = [page.locator(".plan-item input[type=checkbox]").nth(i) for i in (0, 7)]
    picked = [t.evaluate("el => el.labels[0].textContent") for t in ticks]
    for tick in ticks:
        tick.check()
    page.get_by_label("Safe person 1", exact=True).fill(NAME)
    country = helplines.load_countries()[0]
    page.get_by_label("Help numbers to print", exact=True).select_option(country.slug)
    assert page.locator(f".plan-help[data-country='{country.slug}']").is_visible()
    page.emulate_media(media="print")
    shown = page.evaluate("""() => [...document.querySelectorAll('.plan-item')]
        .filter(li => li.checkVisibility()).map(li => li.textContent.trim())""")
    assert shown == [f"{p}" for p in picked], shown
    details = page.evaluate("""() => [...document.querySelectorAll('.plan-detail')]
        .filter(d => d.checkVisibility()).map(d => d.querySelector('label').textContent)""")
    assert details == ["Safe person 1"], details
    assert page.get_by_label("Safe person 1", exact=True).is_visible()
    groups = page.evaluate("""() => [...document.querySelectorAll('.plan-group')]
        .filter(g => g.checkVisibility()).length""")
    assert groups == 1  # both items come from the first checklist
    for hidden in (".admonition", "#plan-print", "#plan-country", ".quick-exit", ".md-sidebar"):
        assert page.locator(hidden).first.is_hidden(), hidden
    assert page.locator(f".plan-help[data-country='{country.slug}']").is_visible()
    unpicked = page.locator(".plan-item").nth(1).inner_text()
    for paper in ("A4", "Letter"):
        pdf = PdfReader(io.BytesIO(page.pdf(format=paper)))
        assert 1 <= len(pdf.pages) <= 2, f"{paper}: {len(pdf.pages)} pages"
        text = " ".join(p.extract_text() for p in pdf.pages)
        flat = " ".join(text.split())
        for item in picked + [NAME, country.emergency.number]:
            assert " ".join(item.split()) in flat, (paper, item)
        assert " ".join(unpicked.split()) not in flat


def test_print_with_every_item_ticked_still_fits_two_sides(page):
    """The worst case for length: every checklist item ticked."""
    from pypdf import PdfReader

    page.evaluate("document.querySelectorAll('.plan-item input[type=checkbox]').forEach(b => b.checked = true)")
    page.emulate_media(media="print")
    for paper in ("A4", "Letter"):
        pages = len(PdfReader(io.BytesIO(page.pdf(format=paper))).pages)
        assert 1 <= pages <= 2, f"{paper}: {pages} pages"


def test_quick_exit_leaves_at_once_after_typing(browser, server):
    ctx = exit_context(browser)
    page = ctx.new_page()
    dialogs = record_dialogs(page)
    page.goto(server + "index.html")
    page.goto(server + PAGE)
    page.get_by_label("Safe person 1", exact=True).fill(NAME)
    page.locator(".plan-item input[type=checkbox]").first.check()
    page.click("[data-quick-exit-link]")
    page.wait_for_url(NEUTRAL_SITE, timeout=3000)
    page.go_back()
    assert page.url == server + "index.html"
    assert dialogs == []
    ctx.close()


def test_nothing_is_stored(page):
    page.get_by_label("Safe person 1", exact=True).fill(NAME)
    page.locator(".plan-item input[type=checkbox]").first.check()
    state = page.evaluate("""async () => [Object.keys(localStorage).length, Object.keys(sessionStorage).length,
        (await indexedDB.databases()).length, (await navigator.serviceWorker.getRegistrations()).length,
        (await caches.keys()).length]""")
    assert state == [0, 0, 0, 0, 0]
    assert page.context.cookies() == []


@AT_BOTH_SIZES
def test_axe_finds_nothing(browser, server, size):
    ctx = browser.new_context(viewport=size)
    page = ctx.new_page()
    page.goto(server + PAGE)
    page.get_by_label("Help numbers to print", exact=True).select_option(index=1)
    page.locator(".plan-item input[type=checkbox]").first.check()
    violations = axe_violations(page)
    ctx.close()
    assert not violations, "\n".join(violations)


def test_the_script_has_no_unload_prompt_or_storage():
    code = (ROOT / "overrides" / "assets" / "javascripts" / "safety-plan.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", code, flags=re.S)
    for word in ("beforeunload", "localStorage", "sessionStorage", "indexedDB", "cookie", "innerHTML"):
        assert word not in code, word
