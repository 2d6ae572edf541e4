"""Benchmark the guide against a default Material site built from the same Markdown.

In one run, offline, on this machine:
1. builds the project (site, PDFs, downloads, zip) and a default Material site
   (plain ``theme: material``, search only, same Markdown extensions) several
   times each and reports the median build time;
2. serves both on loopback and loads every page in a fresh headless Chromium
   profile, recording requests, bytes, first-contentful-paint and
   largest-contentful-paint;
3. times search: from typing a query to results shown, for five queries;
4. runs Lighthouse (npm ``lighthouse@12``) on the start page of both sites
   when the ``lighthouse`` command is on PATH;
5. prints one table, project against default with the ratio per figure, and
   writes it to ``build/bench/benchmark.md``.
Everything it writes stays under ``build/bench/``. Usage: ``make bench``.
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
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
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


def build_both(runs: int) -> dict[str, float]:
    DEFAULT_DIR.mkdir(parents=True, exist_ok=True)
    (DEFAULT_DIR / "mkdocs.yml").write_text(DEFAULT_CONFIG.format(docs=ROOT / "docs"), encoding="utf-8")
    project = [timed_build(["--strict", "-d", str(PROJECT_SITE)], ROOT) for _ in range(runs)]
    default = [timed_build(["-d", str(DEFAULT_SITE)], DEFAULT_DIR) for _ in range(runs)]
    return {"project": statistics.median(project), "default": statistics.median(default)}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_port}/"


def page_paths(site: Path, directory_urls: bool) -> list[str]:
    pages = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if rel == "404.html" or rel.startswith("downloads/"):
            continue
        if directory_urls:
            rel = rel.removesuffix("index.html")
        pages.append(rel)
    return pages


def _body_size(request) -> int:
    try:
        response = request.response()
        return len(response.body()) if response else 0
    except Exception:  # the page closed before the body was read (a late beacon or prefetch)
        return 0


def measure_pages(browser, base: str, paths: list[str]) -> list[dict]:
    """First visit to each page: requests, bytes, FCP, LCP. Other hosts are refused."""
    rows = []
    for path in paths:
        ctx = browser.new_context(viewport={"width": 360, "height": 640})
        ctx.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
        page = ctx.new_page()
        sizes: list[int] = []
        page.on("requestfinished", lambda req: sizes.append(_body_size(req)))
        page.goto(base + path, wait_until="networkidle")
        fcp, lcp = page.evaluate(LCP_SCRIPT)
        rows.append({"page": path, "requests": len(sizes), "bytes": sum(sizes), "fcp": fcp, "lcp": lcp})
        ctx.close()
    return rows


def measure_search(browser, base: str, start: str) -> float:
    """Median milliseconds from typing a query to the first result shown."""
    times = []
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    page = ctx.new_page()
    page.goto(base + start, wait_until="networkidle")
    for query in QUERIES:
        field = page.locator("input.md-search__input")
        field.click()
        field.fill("")
        page.wait_for_timeout(200)
        began = time.perf_counter()
        field.type(query)
        page.wait_for_selector(".md-search-result__item", timeout=10000)
        times.append((time.perf_counter() - began) * 1000)
        page.keyboard.press("Escape")
    ctx.close()
    return statistics.median(times)


def lighthouse(url: str) -> dict[str, int] | None:
    """Lighthouse mobile category scores, or None when lighthouse is not installed."""
    command = shutil.which("lighthouse")
    if not command:
        return None
    out = BENCH_DIR / "lighthouse.json"
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run([command, url, "--quiet", "--output=json", f"--output-path={out}",
                    f"--chrome-flags=--headless {' '.join(CHROMIUM_ARGS)}"], env=env, check=True,
                   capture_output=True, timeout=300)
    categories = json.loads(out.read_text(encoding="utf-8"))["categories"]
    return {name: round(data["score"] * 100) for name, data in categories.items()}


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
                           ("lcp", "Largest contentful paint, median (ms)", "{:.0f}")]:
        lines.append(line(name, _median(project_rows, key), _median(default_rows, key), fmt))
    lines.append(line("Bytes per first visit, largest page", max(r["bytes"] for r in project_rows),
                      max(r["bytes"] for r in default_rows), "{:,.0f}"))
    lines.append(line("Search, typing to results, median (ms)", search["project"], search["default"], "{:.0f}"))
    if scores["project"] and scores["default"]:
        for category in scores["project"]:
            lines.append(line(f"Lighthouse {category}", scores["project"][category],
                              scores["default"][category], "{:.0f}"))
    else:
        lines.append("| Lighthouse | not installed | | |")
    lines.append("")
    lines.append(f"Pages measured: {len(project_rows)} (project), {len(default_rows)} (default); "
                 "phone viewport 360x640, cold cache, loopback server, uncompressed.")
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
            project_rows = measure_pages(browser, project_base, page_paths(PROJECT_SITE, False))
            default_rows = measure_pages(browser, default_base, page_paths(DEFAULT_SITE, True))
            search = {"project": measure_search(browser, project_base, "index.html"),
                      "default": measure_search(browser, default_base, "")}
            browser.close()
        scores = {"project": lighthouse(project_base + "index.html"), "default": lighthouse(default_base)}
    finally:
        project_server.shutdown()
        default_server.shutdown()
    table = report(builds, project_rows, default_rows, search, scores)
    per_page = ["", "| Page | Requests | Bytes | FCP (ms) | LCP (ms) |", "| --- | ---: | ---: | ---: | ---: |"]
    per_page += [f"| {r['page']} | {r['requests']} | {r['bytes']:,} | {r['fcp'] or 0:.0f} | {r['lcp'] or 0:.0f} |"
                 for r in project_rows]
    REPORT.write_text(table + "\n" + "\n".join(per_page) + "\n", encoding="utf-8")
    print(table)
    print(f"\nWritten to {REPORT.relative_to(ROOT)} (with per-page figures).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
