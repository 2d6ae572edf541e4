"""A second checker: pa11y (HTML_CodeSniffer and axe runners) on every built page, at phone and desktop size.

One pa11y-ci run checks every page at both sizes in one browser, against the
session's build served on loopback (the ``server`` fixture), with Debian's
Chromium. pa11y-ci 4.1.1 is installed into build/tools by ``make setup-tools``
(``PUPPETEER_SKIP_DOWNLOAD=1``: it uses /usr/bin/chromium, downloads no browser).
Zero errors allowed; notices and warnings are not counted (pa11y's default level).
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest

import local_browser
from conftest import DESKTOP, PHONE, ROOT

PA11Y_CI = ROOT / "build" / "tools" / "node_modules" / ".bin" / "pa11y-ci"
# Rules switched off, each with its reason. Keep this empty unless a rule is wrong for this site.
IGNORED: dict[str, str] = {}
SIZES = {
    "phone": {**PHONE, "isMobile": True, "hasTouch": True},
    "desktop": DESKTOP,
}


@pytest.fixture(scope="module")
def results(site_dir, server, tmp_path_factory) -> dict:
    if not PA11Y_CI.exists():
        pytest.fail(f"{PA11Y_CI} not found: run the README's test command, which installs it")
    pages = sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html"))
    assert len(pages) > 20
    config = {
        "defaults": {
            # pa11y-ci checks one address at a time by default and spends most of that time
            # waiting for the page's network to go quiet, not computing: four at a time
            # keeps the two cores busy (measured: 176 s one at a time).
            "concurrency": 4,
            "runners": ["htmlcs", "axe"],
            "standard": "WCAG2AA",
            "timeout": 120_000,
            "ignore": sorted(IGNORED),
            "chromeLaunchConfig": {"executablePath": local_browser.CHROMIUM, "args": ["--no-sandbox"]},
        },
        # The size goes into the address's fragment, so each check has its own key in the report.
        "urls": [{"url": f"{server}/{page}#{name}", "viewport": viewport}
                 for page in pages for name, viewport in SIZES.items()],
    }
    path = tmp_path_factory.mktemp("pa11y") / "pa11y-ci.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    run = subprocess.run([str(PA11Y_CI), "--config", str(path), "--json"], capture_output=True, text=True,
                         timeout=900, env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"})
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"pa11y-ci gave no report (exit {run.returncode}):\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}")
    assert report["total"] == len(config["urls"]), report
    return report


def test_pa11y_finds_no_errors(results):
    found = [f"{url.split('/', 3)[-1]}: {issue.get('runner')} {issue['code']}: {issue['message'][:160]} "
             f"({issue.get('selector', '')})"
             for url, issues in results["results"].items() for issue in issues if "message" in issue]
    assert not found, "\n".join(found[:40])
    assert results["errors"] == 0 and results["passes"] == results["total"]
