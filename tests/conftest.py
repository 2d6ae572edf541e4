"""Shared fixtures: the site is built once per test session and every test reads that build."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
# The Spanish edition's pages (mkdocs.es.yml), built into es/ beside the English site.
DOCS_ES = ROOT / "docs-es"
ES = "es"


def source_date_epoch() -> str:
    """The README's SOURCE_DATE_EPOCH: the environment's, else the last commit's time, else a fixed one."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    found = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
    return found.stdout.strip() if found.returncode == 0 and found.stdout.strip() else "1764547200"


# Every build in the tests is dated like a release build, so two builds can be compared byte for byte.
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": source_date_epoch()}

# The build-time scripts (helplines, glossary, incident_log, ...) are imported by tests as modules.
# Fixtures here import them when they run: tests/test_build.py copies this file
# on its own to check FAIL_ON_SKIP, where scripts/ is not there to import from.
sys.path.insert(0, str(ROOT / "scripts"))


def plant(root: Path, path: str, old: str, new: str) -> None:
    """Replace ``old`` with ``new`` once in ``root/path`` (a project copy or a built site)."""
    target = root / path
    text = target.read_text(encoding="utf-8")
    assert old in text, f"{path} no longer contains {old!r}: update this test"
    target.write_text(text.replace(old, new, 1), encoding="utf-8")


def refuse_other_origins(context, allowed_prefix: str) -> list[str]:
    """Abort every request whose URL does not start with ``allowed_prefix``; return what was refused
    (``local_browser.refuse_other_hosts``, which the benchmark uses too)."""
    import local_browser

    return local_browser.refuse_other_hosts(context, allowed_prefix)


def open_recording_requests(browser, url: str, viewport: dict):
    """A fresh context and page at ``url``, loaded until the network is quiet, and the list
    every request's address is added to (those made while loading included)."""
    ctx = browser.new_context(viewport=viewport)
    page = ctx.new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(url, wait_until="networkidle")
    return ctx, page, urls


def visit_every_page(browser, base: str, pages: dict[str, str], query: str) -> dict:
    """Load each page (source name: address under ``base``) once, then search for ``query`` on the
    first; what the browser did: requests refused to other hosts, console lines, each page's CSP
    meta, the number of results, storage keys and cookies."""
    ctx = browser.new_context()
    console: list[str] = []
    outside = refuse_other_origins(ctx, base)
    page = ctx.new_page()
    page.on("console", lambda msg: console.append(f"{page.url}: {msg.type}: {msg.text}"))
    policies = {}
    for src, path in pages.items():
        page.goto(base + path, wait_until="load")
        policies[src] = page.evaluate(
            "document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')?.content || ''")
    page.goto(base + next(iter(pages.values())), wait_until="load")
    search = page.locator("input.md-search__input")
    search.click()
    search.type(query, delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    results = page.locator(".md-search-result__item").count()
    storage = page.evaluate("[Object.keys(localStorage), Object.keys(sessionStorage)]")
    cookies = ctx.cookies()
    ctx.close()
    return {"outside": outside, "console": console, "policies": policies, "results": results,
            "storage": storage, "cookies": cookies}


# The two screen sizes every page is checked at.
PHONE = {"width": 360, "height": 640}
DESKTOP = {"width": 1280, "height": 800}
SIZES = {"phone": PHONE, "desktop": DESKTOP}
AT_BOTH_SIZES = pytest.mark.parametrize("size", list(SIZES.values()), ids=list(SIZES))


# axe-core rules switched off, each with its reason. Keep this empty unless a rule is wrong for this site.
DISABLED_RULES: dict[str, str] = {}
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "rules": {rule: {"enabled": False} for rule in DISABLED_RULES},
}


# What a sweep reads in a page once axe has run on it (a few hundred milliseconds
# after the load event, so shifts in the frames after load have happened): axe's
# violations, every layout shift since the page began (the observer's buffered
# entries arrive before the next frame), the web fonts declared, and the
# render-blocking files. test_speed.py::test_layout_shift_check_sees_a_late_shift
# checks a shift in the frame after load is counted.
PAGE_FACTS_SCRIPT = """options => axe.run(document, options).then(result => new Promise(resolve => {
  let shift = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) shift += entry.value;
  }).observe({type: 'layout-shift', buffered: true});
  requestAnimationFrame(() => setTimeout(() => resolve({
    axe: result.violations,
    shift,
    fonts: document.fonts.size,
    blocking: performance.getEntriesByType('resource')
      .filter(entry => entry.renderBlockingStatus === 'blocking').map(entry => entry.name),
  })));
}))"""


def page_sweep(browser, urls: list[str], viewport: dict, prepare=None) -> dict[str, dict]:
    """Each address loaded once, one after another in one context, and what the tests read there.

    For each address: ``axe`` (axe-core's violations, every rule, AXE_OPTIONS),
    ``shift`` (the layout shift total), ``fonts`` (web fonts declared),
    ``font_requests``, ``blocking`` (render-blocking files) and ``first_tab``
    (whether the first Tab lands on the quick exit).

    axe is added to every document the context opens (one script for the
    context, not a copy sent to each page). ``prepare(context)``, if given,
    runs before the first page opens (a test planting a fault routes a page
    there). Other requests are not routed: a route sends every request through
    the test process (about a second a sweep), and test_privacy.py's visit
    already refuses other hosts and fails on any. Checking two pages at once
    was measured no quicker on two cores: axe keeps them busy.
    """
    from axe_playwright_python import sync_playwright as axe_module

    ctx = browser.new_context(viewport=viewport)
    if prepare:
        prepare(ctx)
    ctx.add_init_script(path=str(Path(axe_module.__file__).parent / "axe.min.js"))
    page = ctx.new_page()
    fonts: list[str] = []
    page.on("request", lambda request: fonts.append(request.url) if request.resource_type == "font" else None)
    found: dict[str, dict] = {}
    for url in urls:
        fonts.clear()
        page.goto(url, wait_until="load")
        facts = page.evaluate(PAGE_FACTS_SCRIPT, AXE_OPTIONS)
        page.keyboard.press("Tab")
        facts["first_tab"] = page.evaluate("document.activeElement.hasAttribute('data-quick-exit-link')")
        facts["font_requests"] = list(fonts)
        found[url] = facts
    ctx.close()
    return found


def planted_page(url: str, marker: str, replacement: str):
    """A ``prepare`` for page_sweep: the context serves ``url`` with its first ``marker`` replaced."""
    def prepare(ctx) -> None:
        def serve_planted(route):
            body = route.fetch().text()
            assert marker in body, f"{url} no longer holds {marker!r}: update the test"
            route.fulfill(body=body.replace(marker, replacement, 1), content_type="text/html")
        ctx.route(url, serve_planted)
    return prepare


def axe_sweep(browser, urls: list[str], viewport: dict, prepare=None) -> dict[str, list[dict]]:
    """axe-core's violations on each address (page_sweep, axe only)."""
    return {url: facts["axe"] for url, facts in page_sweep(browser, urls, viewport, prepare).items()}


def axe_report(found: dict[str, list[dict]], name) -> list[str]:
    """One line per violation: ``name(url)``, the rule, its impact, its help and the first few elements."""
    return [f"{name(url)}: {v['id']} ({v['impact']}): {v['help']} -> {[', '.join(n['target']) for n in v['nodes'][:3]]}"
            for url, violations in found.items() for v in violations]


def axe_violations(page) -> list[str]:
    """What axe-core finds wrong on ``page`` as it is now: rule, help and the first few elements."""
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    return [f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes'][:3]]}" for v in found]


# Where the quick exit goes (extra.quick_exit.url); tests answer it with a stand-in page.
NEUTRAL_SITE = re.compile(r"^https://www\.bbc\.co\.uk/weather")


def exit_context(browser, **options):
    """A fresh browser context where the quick exit's neutral site is a local stand-in page."""
    ctx = browser.new_context(**options)
    ctx.route(NEUTRAL_SITE, lambda route: route.fulfill(
        status=200, content_type="text/html", body="<!doctype html><title>Weather</title><p>Weather"))
    return ctx


def record_dialogs(page) -> list[str]:
    """Accept every dialog ``page`` opens (alert, confirm, beforeunload); return the list of their types."""
    seen: list[str] = []

    def accept(dialog) -> None:
        seen.append(dialog.type)
        dialog.accept()

    page.on("dialog", accept)
    return seen


def run_build(project: Path, site_dir: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """Strict build of ``project`` into ``site_dir``; returns the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(site_dir)],
        cwd=project, env={**BUILD_ENV, **(env or {})},
        capture_output=True, text=True, timeout=900,
    )


def failing_build(project: Path, site_dir: Path, env: dict | None = None) -> str:
    """Build ``project`` (with a planted fault); assert the build failed and return its log."""
    result = run_build(project, site_dir, env)
    log = result.stdout + result.stderr
    assert result.returncode != 0, f"the build passed:\n{log}"
    return log


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> subprocess.CompletedProcess:
    """Both editions, as `make build` makes them: English at the root, Spanish in es/."""
    import build_site

    site = tmp_path_factory.mktemp("build") / "site"
    code, log = build_site.build(site, env=BUILD_ENV)
    result = subprocess.CompletedProcess(args=["scripts/build_site.py"], returncode=code, stdout=log, stderr="")
    result.site_dir = site
    if result.returncode != 0:
        pytest.fail(f"strict build failed:\n{result.stdout}", pytrace=False)
    return result


@pytest.fixture(scope="session")
def site_dir(build) -> Path:
    return build.site_dir


@pytest.fixture(scope="session")
def site_dir_es(site_dir) -> Path:
    """The Spanish edition inside the built site."""
    return site_dir / ES


@pytest.fixture(scope="session")
def build_log(build) -> str:
    return build.stdout + build.stderr


@pytest.fixture(scope="session")
def config() -> dict:
    """mkdocs.yml as plain data (``!ENV`` settings at their defaults)."""
    import project_config

    return project_config.read()


@pytest.fixture(scope="session")
def nav_pages(config) -> list[str]:
    """Markdown sources in nav order, e.g. ``guide/what-to-expect.md``."""
    import project_config

    return project_config.nav_sources(config["nav"])


def html_path(src: str) -> str:
    return re.sub(r"\.md$", ".html", src)


@pytest.fixture(scope="session")
def server(site_dir):
    """The built site on a loopback HTTP server; yields its base URL."""
    import local_browser

    with local_browser.serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    import local_browser

    if not Path(local_browser.CHROMIUM).exists():
        pytest.fail(f"{local_browser.CHROMIUM} not found: run the README's test command, which installs it")
    with sync_playwright() as playwright:
        chromium = local_browser.launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def project_copy(tmp_path_factory):
    """A factory for throw-away copies of the project, to plant faults in."""
    def make() -> Path:
        dest = tmp_path_factory.mktemp("project")
        for name in ("mkdocs.yml", "mkdocs.es.yml", "docs", "docs-es", "overrides", "scripts", "data"):
            src = ROOT / name
            if src.is_dir():
                shutil.copytree(src, dest / name)
            else:
                shutil.copy2(src, dest / name)
        return dest
    return make


def pytest_sessionfinish(session, exitstatus):
    """With FAIL_ON_SKIP=1 (set by CI), a skipped test fails the run."""
    if os.environ.get("FAIL_ON_SKIP") != "1":
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped:
        reporter.write_line(f"FAIL_ON_SKIP: {len(skipped)} test(s) skipped; skips are failures here", red=True)
        session.exitstatus = 1


@pytest.fixture(scope="session")
def every_page(browser, server, nav_pages):
    """``every_page(size)``: page_sweep over every English page (the "page not found" page too)
    at ``size`` ("phone" or "desktop"), keyed by Markdown source. Each size is swept once per
    session, by the first test that asks; the axe, layout-shift, render-blocking and first-tab
    tests all read the same visits."""
    swept: dict[str, dict] = {}

    def at(size: str) -> dict[str, dict]:
        if size not in swept:
            urls = {server + html_path(src): src for src in nav_pages + ["404.md"]}
            found = page_sweep(browser, list(urls), SIZES[size])
            assert len(found) == len(urls), (len(found), len(urls))
            swept[size] = {urls[url]: facts for url, facts in found.items()}
        return swept[size]

    return at


@pytest.fixture(scope="session")
def built_pages(site_dir, nav_pages) -> dict:
    """Parsed HTML of every nav page, keyed by its Markdown source."""
    from bs4 import BeautifulSoup

    return {
        src: BeautifulSoup((site_dir / html_path(src)).read_text(encoding="utf-8"), "html.parser")
        for src in nav_pages
    }


@pytest.fixture(scope="session")
def config_es() -> dict:
    """mkdocs.es.yml as plain data (its own keys only: INHERIT is not applied)."""
    import project_config

    return project_config.read(ROOT / "mkdocs.es.yml")


@pytest.fixture(scope="session")
def nav_pages_es(config_es) -> list[str]:
    import project_config

    return project_config.nav_sources(config_es["nav"])


@pytest.fixture(scope="session")
def built_pages_es(site_dir_es, nav_pages_es) -> dict:
    """Parsed HTML of every Spanish nav page, keyed by its Markdown source."""
    from bs4 import BeautifulSoup

    return {
        src: BeautifulSoup((site_dir_es / html_path(src)).read_text(encoding="utf-8"), "html.parser")
        for src in nav_pages_es
    }


def article(soup):
    """The page's own content, without Material's navigation and footer."""
    return soup.select_one("article.md-content__inner")


def heading_text(tag) -> str:
    """A heading's words as a reader sees them, without its permalink sign."""
    return tag.get_text(" ", strip=True).replace("¶", "").strip()
