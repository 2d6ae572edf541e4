"""Benchmark the guide against a default Material site built from the same Markdown.

In one run, offline, on this machine:
1. builds the project (site, PDFs, downloads, zip) and a default Material site
   (plain ``theme: material``, search only, same Markdown extensions) several
   times each and reports the median build time;
2. serves both on loopback and loads every page in a fresh headless Chromium
   profile, recording requests, bytes, first-contentful-paint and
   largest-contentful-paint, then the paints again on a throttled slow 4G
   connection (what many readers have);
3. times search: from typing a query to results shown, for five queries;
4. runs Lighthouse (npm ``lighthouse@12``, installed into ``build/tools`` by
   ``make setup-bench``, or found on PATH) on the start page of both sites;
5. prints one table, project against default with the ratio per figure, and
   writes it to ``build/bench/benchmark.md``.
Everything it writes stays under ``build/bench/``; it needs no network.
Usage: ``make bench``.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "build" / "bench"
PROJECT_SITE = BENCH_DIR / "project-site"
DEFAULT_DIR = BENCH_DIR / "default"
DEFAULT_SITE = DEFAULT_DIR / "site"
REPORT = BENCH_DIR / "benchmark.md"
LIGHTHOUSE_LOCAL = ROOT / "build" / "tools" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
PHONE = {"width": 360, "height": 640}
# Lighthouse's mobile network: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up.
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8,
           "uploadThroughput": 750_000 / 8}
QUERIES = ["hoovering", "police", "gifts", "log", "children"]
# The default site gets the same Markdown extensions, so the text renders alike.
DEFAULT_CONFIG = """\
site_name: Going No Contact
docs_dir: {docs}
theme:
  name: material
plugins:
  - search
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.tasklist:
      custom_checkbox: true
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


def build_default(site_dir: Path, work_dir: Path = DEFAULT_DIR) -> float:
    """Build the default Material site from the project's docs/ into ``site_dir``; return seconds."""
    work_dir.mkdir(parents=True, exist_ok=True)
    (work_dir / "mkdocs.yml").write_text(DEFAULT_CONFIG.format(docs=ROOT / "docs"), encoding="utf-8")
    return timed_build(["-d", str(site_dir)], work_dir)


def build_both(runs: int) -> dict[str, float]:
    project = [timed_build(["--strict", "-d", str(PROJECT_SITE)], ROOT) for _ in range(runs)]
    default = [build_default(DEFAULT_SITE) for _ in range(runs)]
    return {"project": statistics.median(project), "default": statistics.median(default)}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_port}/"


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


def first_visit(browser, base: str, path: str, viewport: dict | None = None, slow: bool = False) -> dict:
    """One page, fresh profile: requests, bytes (uncompressed bodies), FCP and LCP.

    Other hosts are refused. ``slow`` throttles the connection to SLOW_4G.
    """
    ctx = browser.new_context(viewport=viewport or PHONE)
    ctx.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
    page = ctx.new_page()
    if slow:
        cdp = ctx.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    sizes: list[int] = []
    urls: list[str] = []
    page.on("requestfinished", lambda req: (sizes.append(_body_size(req)), urls.append(req.url)))
    page.goto(base + path, wait_until="networkidle")
    fcp, lcp = page.evaluate(LCP_SCRIPT)
    ctx.close()
    return {"page": path, "requests": len(sizes), "bytes": sum(sizes), "fcp": fcp, "lcp": lcp, "urls": urls}


def measure_pages(browser, base: str, paths: list[str]) -> list[dict]:
    """First visit to each page, at phone size, on loopback and again on a slow 4G connection."""
    rows = []
    for path in paths:
        row = first_visit(browser, base, path)
        slow = first_visit(browser, base, path, slow=True)
        row.update(slow_fcp=slow["fcp"], slow_lcp=slow["lcp"])
        rows.append(row)
    return rows


def measure_search(browser, base: str, start: str) -> dict[str, float]:
    """Milliseconds from typing a query to the first result shown, on a fresh page.

    ``first`` is the first query, which on the project site includes loading
    Material's bundle and the search index; ``median`` is over all five.
    """
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
    return {"first": times[0], "median": statistics.median(times)}


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
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run([command, url, "--quiet", "--output=json", f"--output-path={out}",
                    f"--chrome-flags=--headless=new {' '.join(CHROMIUM_ARGS)}"], env=env, check=True,
                   capture_output=True, timeout=300)
    categories = json.loads(out.read_text(encoding="utf-8"))["categories"]
    return {data["title"]: round(data["score"] * 100) for data in categories.values()}


def _median(rows: list[dict], key: str) -> float:
    values = [row[key] for row in rows if row[key] is not None]
    return statistics.median(values) if values else float("nan")


def report(builds, project_rows, default_rows, search, scores) -> str:
    def line(name, ours, theirs, fmt):
        ratio = ours / theirs if theirs else float("nan")
        return f"| {name} | {fmt.format(ours)} | {fmt.format(theirs)} | {ratio:.2f} |"

    lines = ["| Figure | Project | Default Material | Ratio |", "| --- | ---: | ---: | ---: |",
             line("Build time, median (s)", builds["project"], builds["default"], "{:.2f}")]
    for key, name, fmt in [("requests", "Requests per first visit, median", "{:.0f}"),
                           ("bytes", "Bytes per first visit, median", "{:,.0f}"),
                           ("fcp", "First contentful paint, median (ms)", "{:.0f}"),
                           ("lcp", "Largest contentful paint, median (ms)", "{:.0f}"),
                           ("slow_fcp", "First contentful paint on slow 4G, median (ms)", "{:.0f}"),
                           ("slow_lcp", "Largest contentful paint on slow 4G, median (ms)", "{:.0f}")]:
        lines.append(line(name, _median(project_rows, key), _median(default_rows, key), fmt))
    lines.append(line("Bytes per first visit, largest page", max(r["bytes"] for r in project_rows),
                      max(r["bytes"] for r in default_rows), "{:,.0f}"))
    lines.append(line("Search, first query on a fresh page (ms)", search["project"]["first"],
                      search["default"]["first"], "{:.0f}"))
    lines.append(line("Search, typing to results, median of 5 (ms)", search["project"]["median"],
                      search["default"]["median"], "{:.0f}"))
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
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    builds = build_both(args.runs)
    project_server, project_base = serve(PROJECT_SITE)
    default_server, default_base = serve(DEFAULT_SITE)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            paths = page_paths(PROJECT_SITE)
            project_rows = measure_pages(browser, project_base, paths)
            default_rows = measure_pages(browser, default_base, [default_path(p) for p in paths])
            search = {"project": measure_search(browser, project_base, "index.html"),
                      "default": measure_search(browser, default_base, "")}
            browser.close()
        scores = {"project": lighthouse(project_base + "index.html", "project"),
                  "default": lighthouse(default_base, "default")}
    finally:
        project_server.shutdown()
        default_server.shutdown()
    table = report(builds, project_rows, default_rows, search, scores)
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
