"""Speed budgets: page weight against a default Material build of the same
Markdown, HTML size, render-blocking requests, layout shift, search on demand,
and the split stylesheet (scripts/stylesheet_split.py) looking exactly like Material's."""

from __future__ import annotations

from pathlib import Path

import material
import pytest
from mkdocs.exceptions import PluginError

import benchmark
import local_browser
import material_seam
import stylesheet_split
from conftest import DESKTOP, PHONE, html_path, open_recording_requests, page_sweep, planted_page

HTML_BUDGET = 60_000  # bytes, per content page
WEIGHT_RATIO = 0.5  # a first visit costs at most half of the default site's
# Material's own, untrimmed stylesheet, as installed.
MATERIAL_CSS = next((Path(material.__file__).parent / "templates").glob(material_seam.STYLESHEET_GLOB), None)

@pytest.fixture(scope="module")
def default_server(tmp_path_factory):
    """The same docs/ built as a plain Material site (theme: material, search only): its folder, and
    its address on loopback."""
    work = tmp_path_factory.mktemp("default-material")
    benchmark.build_default(work / "site", work)
    with local_browser.serve(work / "site") as base:
        yield work / "site", base


def _is_icon(url: str) -> bool:
    """The page icon: the same file on both sites, fetched whenever the browser gets round to it
    (before or after the load event), so it is left out on both sides."""
    return url.rsplit("/", 1)[-1].startswith("favicon.")


def _default_html(default_site: Path, path: str) -> Path:
    """The default site's HTML file for the project page ``path`` (it uses directory URLs)."""
    return default_site / (benchmark.default_path(path) + "index.html")


def test_first_visit_weighs_at_most_half_of_default_material(browser, server, default_server, nav_pages):
    """Every page's first visit, in a fresh profile, against the same page of the default site.

    A default Material page costs its own HTML plus the same shared files on
    every page (stylesheet, bundle, search worker, search index). Those are
    measured in the browser on three different pages, which must agree to the
    byte, and added to each page's HTML size. This site's pages
    are all loaded, since they differ (the tools carry their own scripts), one
    after another with the cache off (benchmark.cold_visits).
    """
    default_site, base = default_server
    shared: dict[str, int] = {}
    for src in ("index.md", "guide/what-to-expect.md", "write-your-log.md"):
        path = html_path(src)
        theirs = benchmark.first_visit(browser, base, benchmark.default_path(path), wait_until="load",
                                       also_wait_for="search_index")
        own = base + benchmark.default_path(path)
        assert theirs["files"][own] == _default_html(default_site, path).stat().st_size, theirs["files"]
        files = {url: size for url, size in theirs["files"].items() if url != own and not _is_icon(url)}
        # The same files, to the byte, whichever page loads them.
        assert not shared or files == shared, (src, files, shared)
        shared = files
    assert any("search_index" in url for url in shared) and any("bundle." in url for url in shared), shared
    shared_bytes = sum(shared.values())
    # This site by its load event: it fetches nothing later unless search is used
    # (test_search_loads_material_only_when_used), so waiting for a quiet network
    # only costs time. The default site fetches its search index after load, which
    # is part of what its first visit costs: the shared files above include it.
    ours = benchmark.cold_visits(browser, server, [html_path(src) for src in nav_pages])
    # The quick way of loading every page agrees with a fresh profile's first visit, to the byte.
    fresh = benchmark.first_visit(browser, server, html_path(nav_pages[0]), wait_until="load")
    fresh_files = {url: size for url, size in fresh["files"].items() if not _is_icon(url)}
    assert ours[0]["files"] == fresh_files, (ours[0], fresh)
    heavy, loaded_search = [], []
    for src, row in zip(nav_pages, ours, strict=True):
        theirs = shared_bytes + _default_html(default_site, html_path(src)).stat().st_size
        if row["bytes"] > WEIGHT_RATIO * theirs:
            heavy.append(f"{src}: {row['bytes']:,} B against {theirs:,} B")
        loaded_search += [url for url in row["urls"] if "bundle." in url or "search_index" in url]
    assert not heavy, "pages over half the default weight:\n" + "\n".join(heavy)
    assert not loaded_search, f"Material's bundle or search index loaded before search was used: {loaded_search}"


def test_content_pages_stay_under_60_kb_of_html(site_dir, nav_pages):
    sizes = {src: (site_dir / html_path(src)).stat().st_size for src in nav_pages}
    over = {src: size for src, size in sizes.items() if size >= HTML_BUDGET}
    assert not over, over


def test_only_the_sites_own_css_blocks_rendering(every_page, server):
    problems = []
    for size in ("phone", "desktop"):
        for src, facts in every_page(size).items():
            blocking = facts["blocking"]
            # Chromium reports the status; the CSS must show up as blocking, or the check sees nothing.
            assert any(name.endswith(".css") for name in blocking), f"{src}: no blocking CSS reported"
            problems += [f"{src} [{size}]: {name}" for name in blocking
                         if not (name.startswith(server) and name.endswith(".css"))]
    assert not problems, problems


def test_head_has_no_blocking_script(built_pages):
    for src, soup in built_pages.items():
        for tag in soup.head.find_all("script", src=True):
            assert tag.has_attr("defer") or tag.has_attr("async"), f"{src}: blocking script {tag['src']}"


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_no_layout_shift_and_no_web_fonts(every_page, size):
    # Read in the same visits as axe (conftest.page_sweep), after axe has run on the page.
    pages = every_page(size)
    shifted = {src: facts["shift"] for src, facts in pages.items() if facts["shift"] > 0}
    assert not shifted, shifted
    declared = [src for src, facts in pages.items() if facts["fonts"]]
    assert not declared, f"web fonts declared on: {declared}"
    fonts = [url for facts in pages.values() for url in facts["font_requests"]]
    assert not fonts, fonts


# A block pushed in above the text in the frame after load, on one page only.
LATE_SHIFT = """addEventListener('load', () => requestAnimationFrame(() => {
  const block = document.createElement('div');
  block.style.height = '200px';
  document.querySelector('article').prepend(block);
}));"""


def test_layout_shift_check_sees_a_late_shift(browser, server):
    """The sweep's check is live: a shift in the frame after load is counted, on its own page."""
    shifting, steady = server + "guide/what-to-expect.html", server + "guide/why-no-contact.html"
    plant = planted_page(shifting, "</head>", '<script src="late-shift.js"></script></head>')

    def plant_shift(ctx):
        plant(ctx)
        ctx.route("**/late-shift.js", lambda route: route.fulfill(body=LATE_SHIFT, content_type="text/javascript"))

    found = page_sweep(browser, [shifting, steady], PHONE, prepare=plant_shift)
    assert found[shifting]["shift"] > 0.01, found[shifting]["shift"]
    assert found[steady]["shift"] == 0, found[steady]["shift"]


def test_search_loads_material_only_when_used(browser, server):
    ctx, page, urls = open_recording_requests(browser, server + "guide/why-no-contact.html", DESKTOP)
    assert not [u for u in urls if "bundle." in u or "search" in u.rsplit("/", 1)[-1]], urls
    page.keyboard.press("/")  # Material's shortcut, handled by site.js until the bundle runs
    assert page.evaluate("document.activeElement.matches('.md-search__input')")
    page.keyboard.type("hoovering")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert any("bundle." in u for u in urls) and any("search_index" in u for u in urls)
    assert any(u.endswith(stylesheet_split.SCRIPTED_STYLESHEET) for u in urls)
    ctx.close()


def _screenshots(browser, server, paths, viewport, full_css: bool, actions=None) -> dict[str, bytes]:
    ctx = browser.new_context(viewport=viewport)
    if full_css:
        ctx.route("**/assets/stylesheets/main.*.min.css",
                  lambda route: route.fulfill(path=str(MATERIAL_CSS), content_type="text/css"))
    page = ctx.new_page()
    shots = {}
    for path in paths:
        page.goto(server + path, wait_until="load")
        if actions:
            actions(page)
        shots[path] = page.screenshot(full_page=True, animations="disabled", caret="hide")
    ctx.close()
    return shots


def _open_search(page):
    page.keyboard.press("/")
    page.keyboard.type("contact")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    # The results' stylesheet, which site.js adds when search is used, has loaded.
    page.wait_for_function("name => [...document.styleSheets].some(sheet => sheet.href?.endsWith(name))",
                           arg=stylesheet_split.SCRIPTED_STYLESHEET)
    # Material's 0.25 s transitions (the screenshot fast-forwards CSS ones; on a phone the
    # scripts still move things in the first frames: measured steady from 150 ms).
    page.wait_for_timeout(300)


def _open_menu(page):
    page.click("button.header-toggle[data-toggle='__drawer']")
    page.wait_for_timeout(400)


def _style_hooks(html: str) -> set[str]:
    """What a stylesheet can select on a page: each tag, tag.class, Material's data-md attributes,
    and each of those under its parent's (for rules such as ``.md-typeset ul > li``)."""
    from bs4 import BeautifulSoup

    def own(element) -> set[str]:
        names = {element.name, *(f"{element.name}.{cls}" for cls in element.get("class", []))}
        return names | {f"[{attr}={element[attr]}]" for attr in element.attrs if attr.startswith("data-md")}

    hooks = set()
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        mine = own(element)
        hooks |= mine
        if element.parent is not None and element.parent.name != "[document]":
            hooks |= {f"{up}>{name}" for up in own(element.parent) for name in mine}
    return hooks


@pytest.fixture(scope="module")
def pages_covering_every_style_hook(site_dir, nav_pages) -> list[str]:
    """The fewest pages that between them hold every tag, class and data-md attribute any page has.

    Two pages with the same hooks are styled by the same rules, so one screenshot says what two
    would: comparing these pages compares every rule the split could have dropped.
    """
    paths = [html_path(src) for src in nav_pages] + ["404.html"]
    hooks = {path: _style_hooks((site_dir / path).read_text(encoding="utf-8")) for path in paths}
    left, chosen = set().union(*hooks.values()), []
    while left:
        best = max(paths, key=lambda path: len(hooks[path] & left))
        chosen.append(best)
        left -= hooks[best]
    assert len(chosen) >= 3, chosen
    return chosen


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_split_stylesheet_looks_exactly_like_materials(browser, server, pages_covering_every_style_hook, viewport):
    assert MATERIAL_CSS and MATERIAL_CSS.exists(), "Material's own stylesheet not found in .venv"
    paths = pages_covering_every_style_hook
    cases = [(paths, None), (["guide/what-to-expect.html"], _open_search)]
    if viewport is PHONE:
        cases.append((["checklists/at-work.html"], _open_menu))
    differ = []
    for case_paths, action in cases:
        trimmed = _screenshots(browser, server, case_paths, viewport, False, action)
        full = _screenshots(browser, server, case_paths, viewport, True, action)
        changed = [path for path in case_paths if trimmed[path] != full[path]]
        if changed:
            # A busy machine can catch one capture mid-paint: a real difference shows twice.
            trimmed = _screenshots(browser, server, changed, viewport, False, action)
            full = _screenshots(browser, server, changed, viewport, True, action)
            name = action.__name__ if action else "page"
            differ += [f"{path} ({name})" for path in changed if trimmed[path] != full[path]]
    assert not differ, differ


def test_the_comparison_sees_one_changed_rule(browser, server):
    """The comparison can fail: with one more rule in Material's stylesheet, a page looks different."""
    css = MATERIAL_CSS.read_text(encoding="utf-8")
    shots = []
    def serve_stylesheet(body):
        return lambda route: route.fulfill(body=body, content_type="text/css")

    for extra in ("", ".md-typeset p{word-spacing:1px}"):
        ctx = browser.new_context(viewport=PHONE)
        ctx.route("**/assets/stylesheets/main.*.min.css", serve_stylesheet(css + extra))
        page = ctx.new_page()
        page.goto(server + "guide/what-to-expect.html", wait_until="load")
        shots.append(page.screenshot(full_page=True, animations="disabled", caret="hide"))
        ctx.close()
    assert shots[0] != shots[1]


def test_the_split_keeps_what_the_pages_and_scripts_use():
    classes = stylesheet_split.Classes({"md-typeset", "admonition", "note"}, {"md-search-result__item", "js"},
                                  ("md-search-result__",))
    assert classes.where(".md-typeset .admonition.note") == "page"
    assert classes.where(".md-typeset .admonition.tip") == "unused"
    assert classes.where(".md-typeset :is(.tip,.note)>p") == "page"
    assert classes.where(".md-typeset :is(.tip,.bug)>p") == "unused"
    assert classes.where(".md-typeset:not(.tip)") == "page"
    assert classes.where("body") == "page"
    assert classes.where(".js .md-typeset") == "scripted"
    assert classes.where(".md-search-result__meta") == "scripted"
    css = ":root{--used:red;--unused:blue;--only-scripted:green}.md-typeset{color:var(--used)}"
    page, taken = stylesheet_split.drop_unused_properties(css, "")
    assert "--used" in page and "--unused" not in page and "--only-scripted" in taken


def test_a_missing_material_bundle_fails_the_build_naming_the_folder(tmp_path):
    with pytest.raises(PluginError, match=str(tmp_path)):
        material_seam.find_theme_file([str(tmp_path)], material_seam.BUNDLE_GLOB)
