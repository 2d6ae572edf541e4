"""The "Leave this site" button: click, Shift x3 and Escape x2 leave; nothing else does."""

from __future__ import annotations

import re

import pytest

from conftest import exit_context

NEUTRAL = "https://www.bbc.co.uk/weather"
NEUTRAL_PATTERN = re.compile(r"^https://www\.bbc\.co\.uk/weather")


@pytest.fixture
def context(browser, server):
    """A fresh browser profile where the neutral site is a local stand-in page."""
    ctx = exit_context(browser, viewport={"width": 1280, "height": 800})
    ctx.route(re.compile(r"^(?!" + re.escape(server) + r"|https://www\.bbc\.co\.uk/).*"),
              lambda route: route.abort())
    yield ctx
    ctx.close()


def _open_two_pages(context, server):
    page = context.new_page()
    page.goto(server + "index.html")
    page.goto(server + "guide/what-to-expect.html")
    page.wait_for_load_state("load")
    return page


def _assert_left(page, server):
    page.wait_for_url(NEUTRAL_PATTERN, timeout=5000)
    page.go_back()
    page.wait_for_load_state("load")
    # Back once lands on the page before, never on the page the reader left.
    assert page.url == server + "index.html"


def test_click_leaves_and_back_does_not_return(context, server):
    page = _open_two_pages(context, server)
    page.click("[data-quick-exit-link]")
    _assert_left(page, server)


def test_shift_three_times_leaves(context, server):
    page = _open_two_pages(context, server)
    for _ in range(3):
        page.keyboard.press("Shift")
    _assert_left(page, server)


def test_escape_twice_leaves(context, server):
    page = _open_two_pages(context, server)
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    _assert_left(page, server)


def test_single_escape_and_typing_in_search_do_not_leave(context, server):
    page = _open_two_pages(context, server)
    page.keyboard.press("Escape")
    page.wait_for_timeout(1300)
    page.keyboard.press("Escape")  # a second press, too late to count as a pair
    page.wait_for_timeout(300)
    assert page.url.endswith("guide/what-to-expect.html")
    search = page.locator("input.md-search__input")
    search.click()
    search.type("Shift Safety")
    for _ in range(3):
        search.press("Shift")
    search.press("Escape")
    page.wait_for_timeout(500)
    assert page.url.endswith("guide/what-to-expect.html")


def test_capital_letters_do_not_count_as_shift_presses(context, server):
    page = _open_two_pages(context, server)
    for key in ("Shift+A", "Shift+B", "Shift+C"):
        page.keyboard.press(key)
    page.wait_for_timeout(500)
    assert page.url.endswith("guide/what-to-expect.html")


def test_leaving_clears_what_the_site_stored(context, server):
    page = _open_two_pages(context, server)
    page.evaluate("localStorage.setItem('/.__palette', 'x'); sessionStorage.setItem('/.__search', 'y')")
    page.click("[data-quick-exit-link]")
    page.wait_for_url(NEUTRAL_PATTERN)
    page.go_back()
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0


def test_page_is_blanked_before_leaving(context, server):
    seen = []
    context.expose_function("reportState", lambda title, text: seen.append((title, text)))
    # Report the page's title and text whenever the page changes, up to the moment it unloads.
    context.add_init_script("""
        new MutationObserver(() => window.reportState(
            document.title, document.body ? document.body.innerText.trim() : ""
        )).observe(document, {subtree: true, childList: true, characterData: true});
    """)
    page = context.new_page()
    page.goto(server + "guide/what-to-expect.html")
    page.wait_for_load_state("load")
    seen.clear()
    page.click("[data-quick-exit-link]")
    page.wait_for_url(NEUTRAL_PATTERN)
    assert ("New Tab", "") in seen, seen[:3]


def test_works_without_javascript(browser, server):
    ctx = browser.new_context(java_script_enabled=False)
    ctx.route(NEUTRAL_PATTERN, lambda route: route.fulfill(status=200, content_type="text/html", body="<p>Weather"))
    page = ctx.new_page()
    page.goto(server + "guide/what-to-expect.html")
    page.click("[data-quick-exit-link]")
    page.wait_for_url(NEUTRAL_PATTERN, timeout=5000)
    ctx.close()


def test_is_the_first_tab_stop_on_every_page(every_page, nav_pages):
    # The first Tab on each page, the "page not found" page too, at both sizes (conftest.page_sweep).
    for size in ("desktop", "phone"):
        pages = every_page(size)
        assert set(pages) == {*nav_pages, "404.md"}
        missed = [src for src, facts in pages.items() if not facts["first_tab"]]
        assert not missed, f"[{size}] the first Tab does not reach the quick exit on: {missed}"


def test_stays_in_view_and_uncovered_on_a_small_phone(browser, server):
    ctx = browser.new_context(viewport={"width": 360, "height": 640})
    page = ctx.new_page()
    page.goto(server + "guide/protect-yourself.html")
    page.mouse.wheel(0, 4000)
    page.wait_for_timeout(300)
    assert page.evaluate("window.scrollY") > 1000
    box = page.locator("[data-quick-exit-link]").bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= 640 and box["x"] + box["width"] <= 360
    covered = page.evaluate(
        "([x, y]) => !document.elementFromPoint(x, y).closest('[data-quick-exit-link]')",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert not covered
    # The open navigation drawer does not cover it either.
    page.click("button.header-toggle[data-toggle='__drawer']")  # the Menu button (overrides/partials/header.html)
    page.wait_for_timeout(400)
    top = page.evaluate(
        "([x, y]) => !!document.elementFromPoint(x, y).closest('[data-quick-exit-link]')",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert top
    ctx.close()


def test_is_not_printed(context, server):
    page = context.new_page()
    page.goto(server + "index.html")
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.quick-exit')).display") == "none"
