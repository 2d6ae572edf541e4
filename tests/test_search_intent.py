"""Search starts loading on intent (pointer over the search box, focus, a key in it); reading alone loads nothing."""

from __future__ import annotations

from conftest import DESKTOP, open_recording_requests


def _material_requests(urls: list[str]) -> list[str]:
    return [u for u in urls if "bundle." in u or "search_index" in u]


def test_reading_scrolling_and_pointing_load_no_search_code(browser, server):
    ctx, page, urls = open_recording_requests(browser, server + "guide/what-to-expect.html", DESKTOP)
    page.hover("article h1")
    page.hover("[data-quick-exit-link]")
    page.mouse.wheel(0, 3000)
    page.hover("article p >> nth=3")
    page.keyboard.press("Tab")  # the quick exit, the first tab stop
    page.wait_for_timeout(500)
    assert _material_requests(urls) == [], urls
    ctx.close()


def test_pointer_over_the_search_box_starts_loading(browser, server):
    ctx, page, urls = open_recording_requests(browser, server + "guide/what-to-expect.html", DESKTOP)
    assert _material_requests(urls) == []
    page.hover("input.md-search__input")
    page.wait_for_function("document.documentElement.classList.contains('js')", timeout=10_000)
    assert any("bundle." in u for u in urls), urls
    assert not page.evaluate("document.activeElement.matches('.md-search__input')"), "hover alone must not open search"
    ctx.close()
