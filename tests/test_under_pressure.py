"""The ten seconds after someone walks in: on a phone, in every state of the tool
pages, the quick exit stays on screen and its keys work where the reader types;
search leaves no words behind; messages show where the reader is looking."""

from __future__ import annotations

import re

import pytest

from conftest import NEUTRAL_SITE, exit_context, record_dialogs
from test_log_writer import ENTRY, PASSPHRASE, add_entry, open_file, save_file

# A phone held upright, as readers use it: touch, mobile layout viewport.
PHONE_TOUCH = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True,
               "device_scale_factor": 2}

# Is the page wider than the screen, and is the quick exit on screen?
STATE = """() => {
  const exit = document.querySelector('[data-quick-exit-link]').getBoundingClientRect();
  return {
    scrollWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
    exit: [exit.left, exit.top, exit.right, exit.bottom],
  };
}"""


def assert_exit_in_reach(page, state: str) -> None:
    """No sideways scroll; Leave this site on screen at the top and after scrolling to the bottom."""
    for where in ("top", "bottom"):
        page.evaluate("y => window.scrollTo(0, y)", 0 if where == "top" else 10**6)
        page.wait_for_timeout(50)
        seen = page.evaluate(STATE)
        assert seen["scrollWidth"] <= seen["width"] <= 360, f"{state}: page is {seen['scrollWidth']} px wide"
        left, top, right, bottom = seen["exit"]
        assert left >= 0 and top >= 0 and right <= seen["width"] and bottom <= 740 and bottom > top, \
            f"{state}, scrolled to the {where}: quick exit at {seen['exit']}"


@pytest.fixture
def phone(browser, server):
    ctx = exit_context(browser, accept_downloads=True, **PHONE_TOUCH)
    yield ctx
    ctx.close()


def test_write_your_log_keeps_the_exit_in_reach_in_every_state(phone, server, tmp_path):
    page = phone.new_page()
    page.goto(server + "write-your-log.html")
    assert_exit_in_reach(page, "on load")
    for n in (1, 2, 3):
        add_entry(page, {**ENTRY, "date": f"2026-11-2{n}"})
        assert_exit_in_reach(page, f"{n} entries")
    page.get_by_role("button", name="Edit entry 2, 2026-11-22 17:40").tap()
    assert_exit_in_reach(page, "editing")
    page.get_by_role("button", name="Save changes", exact=True).tap()
    page.get_by_role("button", name="Remove entry 1, 2026-11-23 17:40").tap()
    assert_exit_in_reach(page, "removed")
    page.get_by_role("button", name="Undo remove", exact=True).tap()
    for panel in ("Save to a file", "Open a saved file", "Clear everything"):
        page.get_by_role("button", name=panel, exact=True).tap()
        assert_exit_in_reach(page, f"{panel} panel open")
    page.get_by_role("button", name="No, keep it", exact=True).tap()
    _, saved = save_file(page, tmp_path)
    page.get_by_role("button", name="Clear everything", exact=True).tap()
    page.get_by_role("button", name="Yes, clear everything", exact=True).tap()
    open_file(page, saved, PASSPHRASE)
    assert page.locator("#log-table tbody tr").count() == 3
    assert_exit_in_reach(page, "file opened")
    page.screenshot(path=str(tmp_path / "log-phone.png"), full_page=False)


def test_messages_show_where_the_reader_is(phone, server, tmp_path):
    page = phone.new_page()
    page.goto(server + "write-your-log.html")
    for n in (1, 2, 3):
        add_entry(page, {**ENTRY, "date": f"2026-11-2{n}"})
    # Too short: the alert is on screen, not cut off under the bottom edge.
    page.get_by_role("button", name="Save to a file", exact=True).tap()
    panel = page.locator("#log-save-panel")
    panel.get_by_label("Passphrase", exact=True).fill("short")
    panel.get_by_role("button", name="Save file", exact=True).tap()
    alert = panel.locator("[role=alert]")
    assert "too short" in alert.inner_text()
    assert_on_screen(page, alert, "the too-short alert")
    panel.get_by_role("button", name="Cancel", exact=True).tap()
    # Opened: the result is on screen and has focus.
    _, saved = save_file(page, tmp_path)
    page.get_by_role("button", name="Clear everything", exact=True).tap()
    page.get_by_role("button", name="Yes, clear everything", exact=True).tap()
    open_file(page, saved, PASSPHRASE)
    status = page.locator("#log-status")
    assert "3 entries added" in status.inner_text()
    assert page.evaluate("document.activeElement.id") == "log-status"
    assert_on_screen(page, status, "the message after Open file")


def assert_on_screen(page, locator, what: str) -> None:
    box = locator.bounding_box()
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert box and box["y"] >= header - 1 and box["y"] + box["height"] <= 741, f"{what} is off screen: {box}"


def test_my_safety_plan_keeps_the_exit_in_reach_in_every_state(phone, server):
    page = phone.new_page()
    page.goto(server + "my-safety-plan.html")
    assert_exit_in_reach(page, "on load")
    boxes = page.locator(".plan-item input[type=checkbox]")
    for n in range(0, boxes.count(), 7):
        boxes.nth(n).tap()
    assert_exit_in_reach(page, "boxes ticked")
    page.locator(".plan-item--blank input").first.fill("Sam, 07700 900123")
    page.locator("#plan-showup").fill("Stay inside, lock the door, call the police.")
    assert_exit_in_reach(page, "boxes typed in")
    page.locator("#plan-country").select_option(index=1)
    assert_exit_in_reach(page, "a country picked")


# ---------------------------------------------------------------------------
# The keys where readers type
# ---------------------------------------------------------------------------

def _left(page, dialogs) -> None:
    page.wait_for_url(NEUTRAL_SITE, timeout=5000)
    assert dialogs == []


def test_escape_twice_leaves_from_a_text_box_with_unsaved_entries(browser, server):
    ctx = exit_context(browser)
    page = ctx.new_page()
    dialogs = record_dialogs(page)
    page.goto(server + "write-your-log.html")
    add_entry(page, ENTRY)
    page.locator("#log-field-what").fill("half written, not added")
    page.locator("#log-field-what").press("Escape")
    page.locator("#log-field-what").press("Escape")
    _left(page, dialogs)
    ctx.close()


def test_shift_three_times_leaves_with_a_box_ticked(browser, server):
    ctx = exit_context(browser)
    page = ctx.new_page()
    dialogs = record_dialogs(page)
    page.goto(server + "my-safety-plan.html")
    box = page.locator(".plan-item input[type=checkbox]").first
    box.check()
    assert page.evaluate("document.activeElement.type") == "checkbox"
    for _ in range(3):
        page.keyboard.press("Shift")
    _left(page, dialogs)
    ctx.close()


def test_shift_three_times_leaves_from_the_country_list(browser, server):
    ctx = exit_context(browser)
    page = ctx.new_page()
    page.goto(server + "my-safety-plan.html")
    page.locator("#plan-country").focus()
    for _ in range(3):
        page.keyboard.press("Shift")
    _left(page, [])
    ctx.close()


def test_escape_twice_leaves_from_the_search_box(browser, server):
    ctx = exit_context(browser, viewport={"width": 1280, "height": 800})
    page = ctx.new_page()
    page.goto(server + "guide/what-to-expect.html")
    search = page.locator("input.md-search__input")
    search.click()
    search.type("hoover")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    _left(page, [])
    ctx.close()


def test_shift_in_a_text_box_and_slow_presses_do_not_leave(browser, server):
    ctx = exit_context(browser)
    page = ctx.new_page()
    page.clock.install()
    page.goto(server + "write-your-log.html")
    box = page.locator("#log-field-where")
    for _ in range(3):
        box.press("Shift")
    # Three presses outside a box, each longer apart than the shortcut allows.
    page.locator("h1").click()
    for _ in range(3):
        page.keyboard.press("Shift")
        page.clock.run_for(2500)
    # Two Escapes with another key between them are not a pair.
    page.keyboard.press("Escape")
    page.keyboard.press("a")
    page.keyboard.press("Escape")
    page.clock.run_for(3_600_000)  # an hour
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url.endswith("write-your-log.html")
    # The same keys in quick succession do leave: the check above could fail.
    for _ in range(3):
        page.keyboard.press("Shift")
    _left(page, [])
    ctx.close()


def test_the_hint_and_the_quick_exit_page_say_how_the_keys_work(built_pages):
    hint = " ".join(built_pages["index.md"].select_one(".quick-exit__keys").get_text().split())
    assert "Esc twice" in hint and "Shift 3 times when not typing" in hint
    page = " ".join(built_pages["safety/quick-exit.md"].get_text(" ").split())
    assert "even while you are typing in a box or in search" in page
    assert "except while you are typing in a box" in page
    assert "Ticking a box or picking from a list does not stop it" in page


# ---------------------------------------------------------------------------
# Search leaves no words behind
# ---------------------------------------------------------------------------

def test_a_search_leaves_no_words_in_the_address_or_history(browser, server):
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    page = ctx.new_page()
    seen: list[str] = []
    page.on("framenavigated", lambda frame: seen.append(frame.url) if frame == page.main_frame else None)
    page.goto(server + "index.html")
    search = page.locator("input.md-search__input")
    search.click()
    search.type("restraining")
    result = page.locator(".md-search-result__item a").first
    result.wait_for(timeout=10_000)
    result.click()
    page.wait_for_load_state("load")
    assert page.url != server + "index.html"
    history = [page.url]
    while page.go_back() is not None:
        history.append(page.url)
    words = re.compile(r"restrain|[?&](h|q|query)=", re.I)
    assert history[-1] == server + "index.html"
    assert not [url for url in seen + history if words.search(url.replace(server, ""))], seen + history
    assert not words.search(page.title())
    ctx.close()


# ---------------------------------------------------------------------------
# The first screen on a phone
# ---------------------------------------------------------------------------

def _first_screen_links(page) -> list[tuple[str, str]]:
    """(href, text) of every link wholly inside the first 740 px of the page, below the header."""
    return [tuple(pair) for pair in page.evaluate("""() => [...document.querySelectorAll('article a[href]')]
        .filter(a => { const r = a.getBoundingClientRect(); return r.height > 0 && r.bottom <= 740; })
        .map(a => [a.getAttribute('href'), a.textContent.trim()])""")]


def test_get_help_now_starts_with_every_country_and_its_emergency_number(phone, server):
    import yaml

    from conftest import ROOT

    countries = yaml.safe_load((ROOT / "data" / "helplines.yml").read_text(encoding="utf-8"))["countries"]
    page = phone.new_page()
    page.goto(server + "help-now.html")
    links = _first_screen_links(page)
    for country in countries:
        emergency = next(e for e in country["entries"] if e["kind"] == "emergency")
        assert (f"#{country['slug']}", country["name"]) in links, (country["name"], links)
        assert (f"tel:{emergency['tel']}", str(emergency["number"])) in links, (country["name"], links)
    headings = [h.replace("¶", "").strip() for h in page.locator("article h2").all_inner_texts()]
    assert headings.index("If your country is not listed") < headings.index("How we checked these")


def test_the_start_pages_first_phone_screen_shows_the_way_to_help(phone, server):
    page = phone.new_page()
    page.goto(server + "index.html")
    links = _first_screen_links(page)
    assert ("help-now.html", "Get help now") in links, links
    assert not [href for href, _ in links if "downloads/" in href], links


@pytest.mark.parametrize("tool", ["write-your-log.html", "my-safety-plan.html"])
def test_a_printed_tool_sheet_does_not_name_the_site(browser, server, tool):
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(server + tool)
    if tool == "write-your-log.html":
        add_entry(page, ENTRY)
    else:
        page.locator(".plan-item input[type=checkbox]").first.check()
    page.emulate_media(media="print")
    printed = page.locator("body").inner_text()
    assert "Going No Contact" not in printed and tool not in printed, tool
    ctx.close()
