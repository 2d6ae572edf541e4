"""What a phone, touch or keyboard reader meets on the pages: the search form, its result
line's contrast, glossary terms, checklist boxes and heading anchors."""

from __future__ import annotations

import re

import pytest

from conftest import DESKTOP, PHONE

PAGES_WITH_TERMS = ["guide/what-to-expect.html", "index.html", "help-someone.html"]


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _rgba(css: str) -> tuple[float, float, float, float]:
    values = [float(v) for v in re.findall(r"[\d.]+", css)]
    return (*values[:3], values[3] if len(values) > 3 else 1.0)


def _over(top: str, bottom: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b, a = _rgba(top)
    return tuple(a * c + (1 - a) * under for c, under in zip((r, g, b), bottom, strict=True))


def contrast(one, two) -> float:
    high, low = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def _open_search(page, words: str) -> None:
    page.keyboard.press("/")
    page.wait_for_function("() => document.querySelector('.md-search__input') === document.activeElement")
    page.keyboard.type(words)
    page.wait_for_function("() => /matching/.test(document.querySelector('.md-search-result__meta').textContent)")


def test_search_form_has_a_submit_that_goes_nowhere(desktop, server):
    desktop.goto(f"{server}/guide/what-to-expect.html")
    form = desktop.locator("form.md-search__form")
    assert form.get_attribute("method") == "dialog"
    assert form.locator("button[type=submit]").count() == 1
    _open_search(desktop, "contact")
    before = desktop.evaluate("[location.href, history.length]")
    # Submitting (the button, or Enter before Material's script takes over) stays on the page.
    desktop.evaluate("document.querySelector('form.md-search__form').requestSubmit()")
    desktop.wait_for_timeout(500)
    after = desktop.evaluate("[location.href, history.length]")
    assert after == before, "submitting the search form navigated"
    assert "?" not in after[0] and "contact" not in after[0], after


def test_search_result_line_is_at_least_4_5_to_1(desktop, server):
    desktop.goto(f"{server}/guide/what-to-expect.html")
    _open_search(desktop, "contact")
    colours = desktop.evaluate("""() => {
        const meta = document.querySelector('.md-search-result__meta');
        const layers = [];
        for (let e = meta; e; e = e.parentElement) layers.push(getComputedStyle(e).backgroundColor);
        return {fg: getComputedStyle(meta).color, layers};
    }""")
    background = (255.0, 255.0, 255.0)
    for layer in reversed(colours["layers"]):
        background = _over(layer, background)
    ratio = contrast(_over(colours["fg"], background), background)
    assert ratio >= 4.5, f"{ratio:.2f}:1"


@pytest.mark.parametrize("url", PAGES_WITH_TERMS)
def test_glossary_terms_lead_to_their_entry_by_keyboard_and_touch(phone, server, url):
    phone.goto(f"{server}/{url}")
    terms = phone.locator("article abbr")
    assert terms.count() > 0
    for n in range(terms.count()):
        link = terms.nth(n).locator("xpath=ancestor::a[1]")
        assert link.count() == 1 and "glossary-term" in link.get_attribute("class"), terms.nth(n).inner_text()
    first = phone.locator("article a.glossary-term").first
    anchor = first.get_attribute("href").split("#")[1]
    first.focus()
    assert phone.evaluate("document.activeElement.classList.contains('glossary-term')")
    first.tap()
    phone.wait_for_url(re.compile(rf"glossary\.html#{anchor}$"))
    assert phone.locator(f"[id='{anchor}']").is_visible()


def test_glossary_terms_are_plain_words_in_the_handbook(site_dir):
    from pypdf import PdfReader

    import glossary

    anchors = {f"glossary:{term.anchor}" for term in glossary.load_terms()}
    reader = PdfReader(site_dir / "downloads/going-no-contact-handbook.pdf")
    to_terms = [str(a.get_object()["/Dest"]) for page in reader.pages for a in page.get("/Annots") or []
                if "/Dest" in a.get_object() and str(a.get_object()["/Dest"]) in anchors]
    assert not to_terms


def test_checklist_boxes_tick_on_screen_are_visible_and_nothing_is_stored(phone, server):
    phone.goto(f"{server}/checklists/day-one.html")
    boxes = phone.locator("article .task-list-control input[type=checkbox]")
    assert boxes.count() > 5
    assert not phone.locator("article .task-list-control input[disabled]").count()
    first = phone.locator("article .task-list-control").first
    first.tap()
    assert boxes.first.is_checked()
    border = phone.evaluate("""getComputedStyle(document.querySelector('article .task-list-indicator'),
                                '::before').borderTopColor""")
    assert contrast(_rgba(border)[:3], (255, 255, 255)) >= 3, border
    first.tap()
    assert not boxes.first.is_checked()
    first.tap()
    assert phone.evaluate("localStorage.length + sessionStorage.length") == 0
    assert phone.evaluate("document.cookie") == ""
    phone.goto(f"{server}/checklists/day-one.html")
    assert not boxes.first.is_checked(), "a tick survived leaving the page"


def test_heading_anchors_never_sit_on_a_line_of_their_own_on_a_phone(phone, server, site_dir):
    pages = sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html"))
    alone = []
    for url in pages:
        phone.goto(f"{server}/{url}")
        # The heading's last character and its ¶ link: on the same line (same top, to a pixel or two).
        alone += phone.evaluate("""(url) => [...document.querySelectorAll('.md-typeset .headerlink')].flatMap(a => {
            const text = a.previousSibling;
            if (!text || text.nodeType !== Node.TEXT_NODE || !text.textContent.trim()) return [];
            const range = document.createRange();
            const end = text.textContent.trimEnd().length;
            range.setStart(text, end - 1);
            range.setEnd(text, end);
            const last = range.getBoundingClientRect(), link = a.getClientRects()[0];
            return Math.abs(last.bottom - link.bottom) > 4 ? [`${url}: ${a.parentElement.textContent.trim()}`] : [];
        })""", url)
    assert not alone, alone
