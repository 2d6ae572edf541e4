"""Accessibility: axe-core finds nothing on any page, at desktop and phone size; keyboard basics."""

from __future__ import annotations

import pytest

from conftest import DESKTOP, PHONE, SIZES, axe_report, axe_sweep, html_path, planted_page


@pytest.mark.parametrize("size", SIZES)
def test_axe_finds_no_violations(every_page, nav_pages, size):
    found = {src: facts["axe"] for src, facts in every_page(size).items()}
    assert set(found) == {*nav_pages, "404.md"}
    problems = axe_report(found, lambda src: f"{src} [{size}]")
    assert not problems, "\n".join(problems)


def test_axe_catches_a_planted_fault(browser, server):
    """The sweep is live and names the right page: an unlabelled control and an empty
    link planted in one page are reported there, and the page beside it stays clean."""
    planted, clean = server + "index.html", server + "guide/what-to-expect.html"
    plant_fault = planted_page(planted, "</article>", "<input type=text><a href=index.html></a></article>")
    found = axe_sweep(browser, [planted, clean, server + "about.html"], DESKTOP, prepare=plant_fault)
    assert {"label", "link-name"} <= {v["id"] for v in found[planted]}
    assert found[clean] == [], axe_report({clean: found[clean]}, str)


def test_skip_link_follows_the_quick_exit_and_reaches_content(browser, server):
    """Tab order: Leave this site, What this does, then the skip link; Enter on it moves to the content."""
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(server + "guide/what-to-expect.html")
    stops = []
    for _ in range(3):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.className"))
    assert stops == ["quick-exit__button", "", "md-skip"], stops
    assert page.evaluate("document.activeElement.previousElementSibling.className") == "quick-exit__hint"
    target = page.evaluate("document.activeElement.hash").lstrip("#")
    assert target, "the skip link has no target"
    page.keyboard.press("Enter")
    page.wait_for_function("id => location.hash === '#' + id", arg=target)
    top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", target)
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    # The first heading of the content is just below the sticky bars, not under them or far down.
    assert header <= top <= header + 120, (top, header)
    # The next Tab goes on from there, into the content, not back to the header.
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('article, .md-content')"), \
        page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
    ctx.close()


FOCUS_STATE = """() => {
  const el = document.activeElement;
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const x = r.left + r.width / 2, y = r.top + r.height / 2;
  const inView = r.width > 0 && r.height > 0 && x >= 0 && y >= 0 && x <= innerWidth && y <= innerHeight;
  const hit = inView ? document.elementFromPoint(x, y) : null;
  const label = el.id ? document.querySelector(`label[for="${el.id}"]`) : null;
  return {
    name: el.tagName + '.' + el.className + ' ' + (el.textContent || '').trim().slice(0, 30),
    shown: !((s.outlineStyle === 'none' || s.outlineWidth === '0px') && s.boxShadow === 'none'),
    inView: inView,
    uncovered: !!hit && (hit === el || el.contains(hit) || hit.contains(el) || (label && label.contains(hit))),
    body: el === document.body,
    hit: hit ? hit.tagName + '.' + hit.className : null,
  };
}"""


@pytest.mark.parametrize("size", SIZES)
def test_every_tab_stop_shows_focus_and_is_not_hidden(browser, server, size):
    """WCAG 2.4.7 and 2.4.11: each focused control has a visible ring, is on screen and not under the sticky bars."""
    ctx = browser.new_context(viewport=SIZES[size])
    page = ctx.new_page()
    page.goto(server + "guide/what-to-expect.html")
    problems, seen = [], 0
    for _ in range(150):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state["body"]:
            break
        seen += 1
        if not (state["shown"] and state["inView"] and state["uncovered"]):
            page.wait_for_timeout(400)  # let an overlay or drawer finish its 0.25 s transition
            state = page.evaluate(FOCUS_STATE)
            if not (state["shown"] and state["inView"] and state["uncovered"]):
                problems.append(state)
    ctx.close()
    assert seen > 20, f"only {seen} tab stops found"
    assert not problems, problems


def _tab_to(page, selector: str, limit: int = 15) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} not reached in {limit} tab stops")


def test_keyboard_alone_opens_the_menu_on_a_phone(browser, server):
    """Menu button, Enter: focus moves into the menu, every stop there is in sight, the page
    behind is out of the tab order (the quick exit is not), and Escape closes it."""
    ctx = browser.new_context(viewport=PHONE)
    page = ctx.new_page()
    page.goto(server + "checklists/at-work.html")  # a page whose section opens over the main list
    menu = "button[data-toggle='__drawer']"
    _tab_to(page, menu)
    assert page.get_attribute(menu, "aria-expanded") == "false"
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    assert page.get_attribute(menu, "aria-expanded") == "true"
    problems, places = [], set()
    for _ in range(40):
        state = page.evaluate(FOCUS_STATE)
        if state["body"]:  # past the last stop, focus visits the browser itself
            page.keyboard.press("Tab")
            continue
        place = page.evaluate("""() => document.activeElement.closest('.md-sidebar--primary') ? 'menu'
            : document.activeElement.closest('.quick-exit') ? 'quick exit' : 'page'""")
        places.add(place)
        if not (state["shown"] and state["inView"] and state["uncovered"]):
            page.wait_for_timeout(400)
            state = page.evaluate(FOCUS_STATE)
            if not (state["shown"] and state["inView"] and state["uncovered"]):
                problems.append(state)
        page.keyboard.press("Tab")
    assert not problems, problems
    assert places == {"menu", "quick exit"}, places
    # "Back" from the open section leads to the main list and its first page.
    _tab_to(page, ".md-sidebar--primary label.md-nav__title[for^='__nav_']", limit=40)
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)
    _tab_to(page, ".md-sidebar--primary a.md-nav__link[href='../index.html']", limit=10)
    assert page.evaluate(FOCUS_STATE)["uncovered"]
    page.keyboard.press("Escape")
    page.wait_for_timeout(400)
    assert page.get_attribute(menu, "aria-expanded") == "false"
    assert page.evaluate("s => document.activeElement.matches(s)", menu)
    assert page.url.endswith("checklists/at-work.html"), "a single Escape must not leave the site"
    ctx.close()


def test_closed_menu_links_take_no_focus_on_a_phone(browser, server):
    ctx = browser.new_context(viewport=PHONE)
    page = ctx.new_page()
    page.goto(server + "guide/what-to-expect.html")
    for _ in range(60):
        page.keyboard.press("Tab")
        assert not page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"), \
            "a closed-menu link took focus"
    ctx.close()


def test_keyboard_alone_searches_on_a_phone(browser, server):
    ctx = browser.new_context(viewport=PHONE)
    page = ctx.new_page()
    page.goto(server + "index.html")
    _tab_to(page, "button[data-toggle='__search']")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.matches('.md-search__input')")
    page.keyboard.type("police")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    ctx.close()


def test_pages_reflow_at_320_css_pixels(browser, server, nav_pages):
    """WCAG 1.4.10: at 320 px wide (1280 px at 400 % zoom) nothing needs sideways scrolling."""
    ctx = browser.new_context(viewport={"width": 320, "height": 640})
    page = ctx.new_page()
    wide = {}
    for src in nav_pages:
        page.goto(server + html_path(src))
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            wide[src] = width
    ctx.close()
    assert not wide, wide


@pytest.mark.parametrize("size", SIZES)
def test_header_shows_each_menu_and_search_control_once(browser, server, size):
    """The Menu and Search buttons replace Material's icon labels on a phone; on a desktop
    neither shows (the menu is always open and the search box is in the header)."""
    ctx = browser.new_context(viewport=SIZES[size])
    page = ctx.new_page()
    page.goto(server + "help-now.html")
    for _ in range(2):  # before and after Material's script has started
        shown = page.evaluate("""() => [...document.querySelectorAll(
            '.md-header [data-toggle], .md-header label.md-header__button')]
            .filter(e => e.checkVisibility()).map(e => e.getAttribute('data-toggle') || 'label ' + e.htmlFor)""")
        assert shown == (["__drawer", "__search"] if size == "phone" else []), shown
        page.keyboard.press("/")
        page.keyboard.press("Escape")
        page.wait_for_selector("html.js", state="attached", timeout=10_000)  # Material has started
    ctx.close()
