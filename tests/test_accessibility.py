"""Accessibility: axe-core finds nothing on any page, at desktop and phone size; keyboard basics."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import html_path

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 360, "height": 640}}

# Rules switched off, each with its reason. Keep this empty unless a rule is wrong for this site.
DISABLED_RULES: dict[str, str] = {}

AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "rules": {rule: {"enabled": False} for rule in DISABLED_RULES},
}


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("size", VIEWPORTS)
def test_axe_finds_no_violations(browser, server, nav_pages, axe, size):
    ctx = browser.new_context(viewport=VIEWPORTS[size])
    page = ctx.new_page()
    found = []
    for src in nav_pages + ["404.md"]:
        page.goto(server + html_path(src))
        page.wait_for_load_state("load")
        result = axe.run(page, options=AXE_OPTIONS)
        for violation in result.response["violations"]:
            targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
            found.append(f"{src} [{size}]: {violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
    ctx.close()
    assert not found, "\n".join(found)


def test_axe_catches_a_planted_fault(browser, server, axe):
    """The audit is live: an unlabelled control and an empty link are reported."""
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(server + "index.html")
    page.evaluate("""() => { const main = document.querySelector('article');
        main.insertAdjacentHTML('beforeend', '<input type=text><a href=index.html></a>'); }""")
    ids = {v["id"] for v in axe.run(page, options=AXE_OPTIONS).response["violations"]}
    ctx.close()
    assert {"label", "link-name"} <= ids


def test_skip_link_is_second_tab_stop_and_reaches_content(browser, server):
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(server + "guide/what-to-expect.html")
    stops = []
    for _ in range(4):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.className + '|' + document.activeElement.textContent.trim()"))
    ctx.close()
    assert any("md-skip" in stop for stop in stops), stops


def test_focus_is_visible_on_every_control(browser, server):
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(server + "guide/what-to-expect.html")
    missing = []
    for _ in range(25):
        page.keyboard.press("Tab")
        style = page.evaluate("""() => { const el = document.activeElement; const s = getComputedStyle(el);
            return [el.tagName + '.' + el.className, s.outlineStyle, s.outlineWidth, s.boxShadow]; }""")
        name, outline, width, shadow = style
        if (outline == "none" or width == "0px") and shadow == "none":
            missing.append(name)
    ctx.close()
    assert not missing, missing
