"""Benchmark the guide against a default Material site built from the same Markdown.

In one run, offline, on this machine:
1. builds the project (site, PDFs, downloads, zip) and a default Material site
   (plain ``theme: material``, search only, same Markdown extensions) several
   times each and reports the median build time; then builds both editions
   (English and Spanish, ``scripts/build_site.py``, as ``make build`` does) and
   reports their time against the English build alone (target: at most 1.3x);
2. runs ``mkdocs serve`` for each (the project as ``make serve`` runs it, with
   ``DOWNLOADS=off``) on copies of the sources, edits a page three times and
   reports the median rebuild (from the server's "Building documentation..."
   line to its "Reloading browsers");
3. serves both on loopback and loads every page in a fresh headless Chromium
   profile, recording requests, bytes, first-contentful-paint and
   largest-contentful-paint, then the paints again on a throttled slow 4G
   connection (what many readers have);
4. times search on a fresh page as a reader meets it: the pointer goes to the
   search box and clicks, the first query is typed at a person's pace
   (``TYPING_MS`` a key), and the time counted is from the last key to the
   results shown (what the reader waits for), each of five queries on fresh
   pages, the figure being the mean of their medians; then the same query typed at
   once, from the click (the cold cost), and five queries in a row;
5. runs Lighthouse (npm ``lighthouse@12``, installed into ``build/tools`` by
   ``make setup-bench``, or found on PATH) on the start page of both sites;
6. prints one table, project against default with the ratio per figure, and
   writes it to ``build/bench/benchmark.md``.
Everything it writes stays under ``build/bench/``; it needs no network.
Usage: ``make bench``; ``--search-only`` builds each site once and times search only.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import build_site
import local_browser
import project_config

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "build" / "bench"
PROJECT_SITE = BENCH_DIR / "project-site"
DEFAULT_DIR = BENCH_DIR / "default"
DEFAULT_SITE = DEFAULT_DIR / "site"
# The default site again, searching this site's index: the same sections, so a query does the same work.
SAME_INDEX_SITE = BENCH_DIR / "default-same-index"
SEARCH_INDEX = Path("search") / "search_index.json"
REPORT = BENCH_DIR / "benchmark.md"
LIGHTHOUSE_LOCAL = ROOT / "build" / "tools" / "node_modules" / ".bin" / "lighthouse"
SERVE_DIR = BENCH_DIR / "serve"
# The page edited to time a live-reload rebuild, and how many times.
EDITED_PAGE = "about.md"
EDITS = 3
BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")
SERVING = re.compile(r"Serving on http")
# A rebuild under `mkdocs serve` runs between these two lines. Its "Documentation built
# in N seconds" cannot be relied on: MkDocs' DuplicateFilter drops any message it has
# logged before, so a rebuild as long as an earlier one (to the hundredth) says nothing.
REBUILDING = re.compile(r"Building documentation\.\.\.")
RELOADED = re.compile(r"Reloading browsers")
PHONE = {"width": 360, "height": 640}
# Lighthouse's mobile network: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up.
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8,
           "uploadThroughput": 750_000 / 8}
QUERIES = ["hoovering", "police", "gifts", "log", "children"]
# A fast typist's pace (about 120 words a minute); most people, and anyone on a phone, are slower.
TYPING_MS = 100
# Fresh pages the first query is timed on, for each of QUERIES: the figure is a few
# milliseconds, so single runs are noise.
FRESH_PAGES = 6
# Resolves with the milliseconds from the next key pressed to the search results changing
# with at least one result shown (Material redraws its list for every query).
ARM_SEARCH_TIMER = """() => {
  const list = document.querySelector('.md-search-result__list');
  window.__searchShown = new Promise(resolve => {
    document.addEventListener('keydown', () => {
      const start = performance.now();
      const done = () => document.querySelectorAll('.md-search-result__item').length > 0;
      const watch = new MutationObserver(() => {
        if (done()) { watch.disconnect(); resolve(performance.now() - start); }
      });
      watch.observe(list, {childList: true, subtree: true});
    }, {once: true, capture: true});
  });
}"""
# The default site: plain Material, search only, and the project's own Markdown
# extensions (read from mkdocs.yml), so the text renders alike.
DEFAULT_CONFIG = """\
site_name: Going No Contact
docs_dir: {docs}
theme:
  name: material
plugins:
  - search
"""
LCP_SCRIPT = """() => new Promise(resolve => {
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  new PerformanceObserver(list => {
    const entries = list.getEntries();
    resolve([fcp ? fcp.startTime : null, entries[entries.length - 1].startTime]);
  }).observe({type: 'largest-contentful-paint', buffered: true});
  setTimeout(() => resolve([fcp ? fcp.startTime : null, null]), 3000);
})"""


def timed_build(args: list[str], cwd: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", *args], cwd=cwd, env=env,
                   check=True, capture_output=True)
    return time.perf_counter() - start


def write_default_config(work_dir: Path, docs: Path) -> None:
    """mkdocs.yml for a default Material site of ``docs``, with the project's Markdown extensions."""
    work_dir.mkdir(parents=True, exist_ok=True)
    extensions = project_config.markdown_extensions_yaml(project_config.read())
    (work_dir / "mkdocs.yml").write_text(DEFAULT_CONFIG.format(docs=docs) + extensions, encoding="utf-8")


def build_default(site_dir: Path, work_dir: Path = DEFAULT_DIR) -> float:
    """Build the default Material site from the project's docs/ into ``site_dir``; return seconds."""
    write_default_config(work_dir, ROOT / "docs")
    return timed_build(["-d", str(site_dir)], work_dir)


def timed_two_editions(site: Path) -> float:
    """Seconds for `make build`'s build: English and Spanish side by side (scripts/build_site.py)."""
    started = time.monotonic()
    code, log = build_site.build(site)
    if code:
        raise RuntimeError(f"the two-edition build failed:\n{log}")
    return time.monotonic() - started


def default_with_project_index() -> Path:
    """A copy of the default site whose search index is the project's (the default's lacks the generated
    glossary, help numbers and plan: its Markdown only names them), so both search the same text."""
    if SAME_INDEX_SITE.exists():
        shutil.rmtree(SAME_INDEX_SITE)
    shutil.copytree(DEFAULT_SITE, SAME_INDEX_SITE)
    shutil.copy2(PROJECT_SITE / SEARCH_INDEX, SAME_INDEX_SITE / SEARCH_INDEX)
    return SAME_INDEX_SITE


def timed_search(browser, project_base: str, default_base: str, same_index_base: str) -> dict:
    """measure_search over the project, the default site, and the default site searching the project's index."""
    return measure_search(browser, {"project": (project_base, "index.html"), "default": (default_base, ""),
                                    "same_index": (same_index_base, "")})


def build_both(runs: int) -> dict[str, float]:
    project = [timed_build(["--strict", "-d", str(PROJECT_SITE)], ROOT) for _ in range(runs)]
    default = [build_default(DEFAULT_SITE) for _ in range(runs)]
    editions = [timed_two_editions(BENCH_DIR / "two-editions-site") for _ in range(runs)]
    return {"project": statistics.median(project), "default": statistics.median(default),
            "editions": statistics.median(editions)}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_rebuilds(work_dir: Path, page: Path, env: dict, edits: int = EDITS) -> list[float]:
    """Seconds each rebuild takes after ``page`` is edited under a running ``mkdocs serve``: from
    the server's "Building documentation..." to its "Reloading browsers", as the lines arrive."""
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{_free_port()}"]
    server = subprocess.Popen(command, cwd=work_dir, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1", **env})
    lines: queue.Queue[tuple[float, str]] = queue.Queue()
    threading.Thread(target=lambda: [lines.put((time.monotonic(), line)) for line in server.stdout],
                     daemon=True).start()
    seen: list[str] = []  # what the server said, for the error when it misses an edit

    def wait_for(pattern: re.Pattern, timeout: float) -> float | None:
        """When the next line matching ``pattern`` arrived (monotonic seconds), or None."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                arrived, line = lines.get(timeout=1)
            except queue.Empty:
                continue
            seen.append(line.rstrip())
            if pattern.search(line):
                return arrived
        return None

    try:
        # The first, full build; then the watcher starts, just before "Serving on".
        if not (wait_for(BUILT, 300) and wait_for(SERVING, 60)):
            raise RuntimeError(f"{work_dir}: mkdocs serve did not start")
        times = []
        for n in range(edits):
            time.sleep(1)
            with page.open("a", encoding="utf-8") as handle:
                handle.write(f"\n\nEdited for the benchmark ({n + 1}).\n")
            began = wait_for(REBUILDING, 30)
            ended = began and wait_for(RELOADED, 120)
            if not ended:
                raise RuntimeError(f"{work_dir}: mkdocs serve did not rebuild after {page} was edited; "
                                   "its last lines:\n" + "\n".join(seen[-12:]))
            times.append(ended - began)
        return times
    finally:
        server.terminate()
        server.wait(timeout=30)


def serve_both() -> dict[str, float]:
    """Median live-reload rebuild after a page edit: the project as `make serve` runs it, and the default site."""
    if SERVE_DIR.exists():
        shutil.rmtree(SERVE_DIR)
    project = SERVE_DIR / "project"
    project.mkdir(parents=True)
    # The Spanish edition's pages too: every English page's language link needs its counterpart.
    for name in ("mkdocs.yml", "mkdocs.es.yml", "docs", "docs-es", "overrides", "scripts", "data"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
    default_docs = SERVE_DIR / "default-docs"
    shutil.copytree(ROOT / "docs", default_docs)
    write_default_config(SERVE_DIR / "default", default_docs)
    ours = serve_rebuilds(project, project / "docs" / EDITED_PAGE, {"DOWNLOADS": "off", "LIVE_RELOAD": "on"})
    theirs = serve_rebuilds(SERVE_DIR / "default", default_docs / EDITED_PAGE, {})
    return {"project": statistics.median(ours), "default": statistics.median(theirs)}


def page_paths(site: Path) -> list[str]:
    """The project's pages (file URLs, as the offline plugin makes them), without 404 and downloads."""
    pages = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if rel == "404.html" or rel.startswith("downloads/"):
            continue
        pages.append(rel)
    return pages


def default_path(project_path: str) -> str:
    """The same page on the default site, which uses directory URLs."""
    stem = project_path.removesuffix(".html")
    return stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"


def _body_size(request) -> int:
    try:
        response = request.response()
        return len(response.body()) if response else 0
    except Exception:  # the page closed before the body was read (a late beacon or prefetch)
        return 0


def first_visit(browser, base: str, path: str, viewport: dict | None = None, slow: bool = False,
                wait_until: str = "networkidle", also_wait_for: str | None = None) -> dict:
    """One page, fresh profile: requests, bytes (uncompressed bodies), FCP and LCP.

    Other hosts are refused. ``slow`` throttles the connection to SLOW_4G.
    ``wait_until="load"`` (the tests) counts what the page loads by its load
    event, when this site's deferred scripts have run; with ``also_wait_for``,
    also the first request whose address holds that text (a default Material
    page fetches its search index after load). The benchmark waits for the
    network to go quiet, which also catches anything a script fetches later.
    """
    ctx = browser.new_context(viewport=viewport or PHONE)
    local_browser.refuse_other_hosts(ctx, base)
    page = ctx.new_page()
    if slow:
        cdp = ctx.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    finished: list = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(base + path, wait_until=wait_until)
    if also_wait_for and not any(also_wait_for in request.url for request in finished):
        page.wait_for_event("requestfinished", predicate=lambda request: also_wait_for in request.url,
                            timeout=15_000)
    fcp, lcp = page.evaluate(LCP_SCRIPT)
    # Bodies are read here, while the page is open, not inside the event handler.
    sizes = [_body_size(request) for request in finished]
    urls = [request.url for request in finished]
    ctx.close()
    return {"page": path, "requests": len(sizes), "bytes": sum(sizes), "fcp": fcp, "lcp": lcp, "urls": urls,
            "files": dict(zip(urls, sizes, strict=True))}


# What the page loaded, from Resource Timing: the page itself and each file, with its
# decoded (uncompressed) size, as the loopback server sends them.
LOADED_SCRIPT = """() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
  .map(entry => [entry.name, entry.decodedBodySize])"""


def cold_visits(browser, base: str, paths: list[str], viewport: dict | None = None) -> list[dict]:
    """Each page by its load event, one after another in one tab with the browser's cache switched
    off, so each loads everything as a first visit would: requests, bytes (decoded bodies) and URLs.

    Quicker than ``first_visit`` (no new profile per page, one call per page for the sizes), for the
    tests; it measures no paint times. Other hosts are refused, and refused requests count nothing.
    Resource Timing does not list the page icon (favicon), which the browser fetches when it gets
    round to it, before or after the load event.
    """
    ctx = browser.new_context(viewport=viewport or PHONE)
    local_browser.refuse_other_hosts(ctx, base)
    page = ctx.new_page()
    cdp = ctx.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    rows = []
    for path in paths:
        page.goto(base + path, wait_until="load")
        loaded = [(url, size) for url, size in page.evaluate(LOADED_SCRIPT) if url.startswith(base)]
        rows.append({"page": path, "requests": len(loaded), "bytes": sum(size for _, size in loaded),
                     "urls": [url for url, _ in loaded], "files": dict(loaded)})
    ctx.close()
    return rows


def measure_pages(browser, base: str, paths: list[str]) -> list[dict]:
    """First visit to each page, at phone size, on loopback and again on a slow 4G connection."""
    rows = []
    for path in paths:
        row = first_visit(browser, base, path)
        slow = first_visit(browser, base, path, slow=True)
        row.update(slow_fcp=slow["fcp"], slow_lcp=slow["lcp"])
        rows.append(row)
    return rows


def first_query(browser, base: str, start: str, query: str) -> float:
    """Milliseconds from the last key of ``query`` to its results, on a fresh page, typed at a reader's pace."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    page = ctx.new_page()
    page.goto(base + start, wait_until="networkidle")
    field = page.locator("input.md-search__input")
    field.click()  # Playwright moves the pointer onto the box, then clicks at once
    field.type(query[:-1], delay=TYPING_MS)
    page.wait_for_timeout(TYPING_MS)
    page.evaluate(ARM_SEARCH_TIMER)
    field.press(query[-1])
    shown = page.evaluate("window.__searchShown")
    ctx.close()
    return shown


def queries_in_a_row(browser, base: str, start: str) -> list[float]:
    """Milliseconds from the click to results for each of QUERIES, one after another on one page, typed at once."""
    times = []
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    page = ctx.new_page()
    page.goto(base + start, wait_until="networkidle")
    for query in QUERIES:
        field = page.locator("input.md-search__input")
        began = time.perf_counter()
        field.click()
        field.fill("")
        field.type(query)
        page.wait_for_selector(".md-search-result__item", timeout=10000)
        times.append((time.perf_counter() - began) * 1000)
        page.keyboard.press("Escape")
        page.wait_for_timeout(200)
    ctx.close()
    return times


def measure_search(browser, bases: dict[str, tuple[str, str]]) -> dict[str, dict[str, float]]:
    """Milliseconds until search results show, for each site in ``bases`` (name: (address, start page)).

    ``first``: the first query on a fresh page typed at ``TYPING_MS`` a key,
    from its last key to the results (the project's search code starts
    loading when the pointer reaches the box): each of QUERIES is timed on
    ``FRESH_PAGES`` fresh pages, and the figure is the mean of the queries'
    medians (``first_by_query``). One median over all the pages would not do:
    some queries take twice as long as others (more results to show), so such
    a median falls in the gap between them and jumps from run to run. The
    sites take turns, page by page, so a busy moment on the machine falls on
    both alike. ``first_at_once``: the first query typed with no pause, from
    the click (the whole cold start). ``median``: QUERIES in a row, typed at
    once, from the click.
    """
    firsts: dict[str, dict[str, list[float]]] = {name: {query: [] for query in QUERIES} for name in bases}
    for _ in range(FRESH_PAGES):
        for query in QUERIES:
            for name, (base, start) in bases.items():
                firsts[name][query].append(first_query(browser, base, start, query))
    result = {}
    for name, (base, start) in bases.items():
        in_a_row = queries_in_a_row(browser, base, start)
        by_query = {query: statistics.median(times) for query, times in firsts[name].items()}
        result[name] = {"first": statistics.fmean(by_query.values()), "first_by_query": by_query,
                        "first_at_once": in_a_row[0], "median": statistics.median(in_a_row),
                        "samples": FRESH_PAGES}
    return result


def search_only() -> int:
    """Build each site once and time search only (a quick check of the search figures)."""
    from playwright.sync_api import sync_playwright

    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    timed_build(["--strict", "-d", str(PROJECT_SITE)], ROOT)
    build_default(DEFAULT_SITE)
    with (local_browser.serve(PROJECT_SITE) as project_base, local_browser.serve(DEFAULT_SITE) as default_base,
          local_browser.serve(default_with_project_index()) as same_index_base):
        with sync_playwright() as playwright:
            browser = local_browser.launch(playwright)
            search = timed_search(browser, project_base, default_base, same_index_base)
            browser.close()
    print("| Figure | Project | Default Material | Ratio |\n| --- | ---: | ---: | ---: |")
    print("\n".join(_search_lines(search)))
    return 0


def lighthouse_command() -> str | None:
    """``lighthouse`` from ``make setup-bench`` (build/tools) or from PATH, if either is there."""
    local = LIGHTHOUSE_LOCAL
    if local.exists():
        return str(local)
    return shutil.which("lighthouse")


def lighthouse(url: str, name: str) -> dict[str, int] | None:
    """Lighthouse mobile category scores, or None when lighthouse is not installed."""
    command = lighthouse_command()
    if not command:
        return None
    out = BENCH_DIR / f"lighthouse-{name}.json"
    env = {**os.environ, "CHROME_PATH": local_browser.CHROMIUM}
    subprocess.run([command, url, "--quiet", "--output=json", f"--output-path={out}",
                    f"--chrome-flags=--headless=new {' '.join(local_browser.CHROMIUM_ARGS)}"], env=env, check=True,
                   capture_output=True, timeout=300)
    categories = json.loads(out.read_text(encoding="utf-8"))["categories"]
    return {data["title"]: round(data["score"] * 100) for data in categories.values()}


def _median(rows: list[dict], key: str) -> float:
    values = [row[key] for row in rows if row[key] is not None]
    return statistics.median(values) if values else float("nan")


def _ratio_line(name, ours, theirs, fmt) -> str:
    ratio = ours / theirs if theirs else float("nan")
    return f"| {name} | {fmt.format(ours)} | {fmt.format(theirs)} | {ratio:.2f} |"


def _search_lines(search) -> list[str]:
    ours, theirs, same = search["project"], search["default"], search["same_index"]
    first = (f"Search, first query on a fresh page: last key to results, typed at {TYPING_MS} ms a key; "
             f"mean of {len(QUERIES)} queries' medians over {ours['samples']} fresh pages each (ms)")
    by_query = [_ratio_line(f"Search, first query \"{query}\" alone, median of {ours['samples']} fresh pages (ms)",
                            ours["first_by_query"][query], theirs["first_by_query"][query], "{:.1f}")
                for query in QUERIES]
    return [
        _ratio_line(first + ", default site with its own index", ours["first"], theirs["first"], "{:.1f}"),
        *by_query,
        _ratio_line(first + ", default site searching this site's index", ours["first"], same["first"], "{:.1f}"),
        _ratio_line("Search, first query typed at once: click to results (ms)", ours["first_at_once"],
                    theirs["first_at_once"], "{:.0f}"),
        _ratio_line("Search, typing to results, median of 5 (ms)", ours["median"], theirs["median"], "{:.0f}"),
    ]


def report(builds, rebuilds, project_rows, default_rows, search, scores) -> str:
    def line(name, ours, theirs, fmt):
        ratio = ours / theirs if theirs else float("nan")
        return f"| {name} | {fmt.format(ours)} | {fmt.format(theirs)} | {ratio:.2f} |"

    lines = ["| Figure | Project | Default Material | Ratio |", "| --- | ---: | ---: | ---: |",
             line("Build time, median (s)", builds["project"], builds["default"], "{:.2f}"),
             line(f"Serve: rebuild after a page edit, median of {EDITS} (s)", rebuilds["project"],
                  rebuilds["default"], "{:.2f}")]
    ratio = builds["editions"] / builds["project"]
    lines.append(f"| Build time, both editions (English and Spanish) against English alone, median (s) "
                 f"| {builds['editions']:.2f} | {builds['project']:.2f} (English) | {ratio:.2f} "
                 f"({'within' if ratio <= 1.3 else 'over'} 1.3) |")
    for key, name, fmt in [("requests", "Requests per first visit, median", "{:.0f}"),
                           ("bytes", "Bytes per first visit, median", "{:,.0f}"),
                           ("fcp", "First contentful paint, median (ms)", "{:.0f}"),
                           ("lcp", "Largest contentful paint, median (ms)", "{:.0f}"),
                           ("slow_fcp", "First contentful paint on slow 4G, median (ms)", "{:.0f}"),
                           ("slow_lcp", "Largest contentful paint on slow 4G, median (ms)", "{:.0f}")]:
        lines.append(line(name, _median(project_rows, key), _median(default_rows, key), fmt))
    lines.append(line("Bytes per first visit, largest page", max(r["bytes"] for r in project_rows),
                      max(r["bytes"] for r in default_rows), "{:,.0f}"))
    lines += _search_lines(search)
    if scores["project"] and scores["default"]:
        for category in scores["project"]:
            lines.append(line(f"Lighthouse {category}, start page, mobile", scores["project"][category],
                              scores["default"][category], "{:.0f}"))
    else:
        lines.append("| Lighthouse | not installed (make setup-bench) | | |")
    lines.append("")
    lines.append(f"Pages measured: {len(project_rows)} (project), {len(default_rows)} (default); "
                 "phone viewport 360x640, cold cache, loopback server, uncompressed; slow 4G is "
                 "Chromium's network throttling at 150 ms round trip and 1.6 Mbit/s. Lighthouse: "
                 "mobile preset, start page.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="builds per site (default 3)")
    parser.add_argument("--search-only", action="store_true", help="build each site once and time search only")
    args = parser.parse_args(argv)
    if args.search_only:
        return search_only()
    from playwright.sync_api import sync_playwright

    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    builds = build_both(args.runs)
    # Shown at once: the build ratio is what the two editions cost, whatever the later steps do.
    print(f"Build, median of {args.runs}: English {builds['project']:.2f} s, both editions "
          f"{builds['editions']:.2f} s (ratio {builds['editions'] / builds['project']:.2f}), "
          f"default Material {builds['default']:.2f} s", flush=True)
    try:
        rebuilds = serve_both()
    except RuntimeError as error:  # a watcher that missed every edit: say so, measure the rest
        print(f"Serve rebuilds not measured: {error}", flush=True)
        rebuilds = {"project": float("nan"), "default": float("nan")}
    with (local_browser.serve(PROJECT_SITE) as project_base, local_browser.serve(DEFAULT_SITE) as default_base,
          local_browser.serve(default_with_project_index()) as same_index_base):
        with sync_playwright() as playwright:
            browser = local_browser.launch(playwright)
            paths = page_paths(PROJECT_SITE)
            project_rows = measure_pages(browser, project_base, paths)
            default_rows = measure_pages(browser, default_base, [default_path(p) for p in paths])
            search = timed_search(browser, project_base, default_base, same_index_base)
            browser.close()
        scores = {"project": lighthouse(project_base + "index.html", "project"),
                  "default": lighthouse(default_base, "default")}
    table = report(builds, rebuilds, project_rows, default_rows, search, scores)
    per_page = ["", "| Page | Requests | Bytes | FCP (ms) | LCP (ms) | Slow 4G FCP (ms) | Slow 4G LCP (ms) |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    per_page += [f"| {r['page']} | {r['requests']} | {r['bytes']:,} | {r['fcp'] or 0:.0f} | {r['lcp'] or 0:.0f} "
                 f"| {r['slow_fcp'] or 0:.0f} | {r['slow_lcp'] or 0:.0f} |" for r in project_rows]
    REPORT.write_text(table + "\n" + "\n".join(per_page) + "\n", encoding="utf-8")
    print(table)
    print(f"\nWritten to {REPORT.relative_to(ROOT)} (with per-page figures).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
