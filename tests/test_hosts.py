"""No built file refers to another host, except the links the content means to show."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

import helplines  # noqa: E402
import project_config  # noqa: E402
from conftest import ROOT

URL_ATTRS = ("href", "src", "srcset", "action", "data", "poster", "formaction", "cite", "background")
HOST = re.compile(r"(?:https?:)?//([a-z0-9-]+(?:\.[a-z0-9-]+)+)", re.I)
# In scripts, "//" also starts comments, so only full addresses count there.
ABSOLUTE_URL = re.compile(r"https?://([a-z0-9-]+(?:\.[a-z0-9-]+)+)", re.I)

# Hosts that appear in the text of Material's and lunr's bundled JavaScript but are
# never requested by this site. The browser tests in test_privacy.py prove no request
# leaves, and the Content-Security-Policy would block one if it tried.
INERT_IN_SCRIPTS = {
    "www.w3.org": "XML and SVG namespace names, not requests",
    "rxjs.dev": "licence comment in Material's bundle",
    "www.sitemaps.org": "sitemap XML namespace",
    "github.com": "licence and source comments in vendored code",
    "bit.ly": "links in Material's code comments",
    "api.github.com": "Material's repository facts; only used when repo_url is set, and it is not",
    "unpkg.com": "Material's polyfill loader for browsers without ResizeObserver; blocked by our CSP",
    "clipboardjs.com": "licence comment",
    "fontawesome.com": "licence comment",
    "developer.mozilla.org": "code comment",
    "www.mozilla.org": "licence comment in lunr language files",
    "people.mozilla.org": "code comment in lunr",
    "snowball.tartarus.org": "stemmer credit in lunr language files",
    "tartarus.org": "stemmer credit in lunr",
    "code.google.com": "code comment in lunr language files",
    "lunrjs.com": "licence comment",
    "chasen.org": "code comment in lunr's Japanese tokenizer",
    "docs.python.org": "code comment",
    "en.wikipedia.org": "code comment",
    "msdn.microsoft.com": "code comment",
    "narwhaljs.org": "code comment",
    "underscorejs.org": "code comment",
    "wiki.commonjs.org": "code comment",
    "wiki.ecmascript.org": "code comment",
}


def content_hosts() -> set[str]:
    """Hosts the guide links to on purpose: helplines, their sources, the quick-exit site."""
    hosts = set()
    # Both editions: English (data/, mkdocs.yml) and Spanish (data/es/, mkdocs.es.yml).
    for path in (helplines.HELPLINES_FILE, ROOT / "data" / "es" / "helplines.yml"):
        for country in helplines.load_countries(path):
            for entry in country.entries:
                hosts |= {urlsplit(u).hostname for u in (entry.source, entry.website) if u}
    for config_file in (ROOT / "mkdocs.yml", ROOT / "mkdocs.es.yml"):
        config = project_config.read(config_file)
        hosts.add(urlsplit(config["extra"]["quick_exit"]["url"]).hostname)
    return hosts


def test_html_loads_nothing_from_other_hosts(site_dir):
    allowed_links = content_hosts()
    problems = []
    for page in site_dir.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(True):
            for attr in URL_ATTRS:
                value = element.get(attr)
                if not value:
                    continue
                for host in HOST.findall(value if isinstance(value, str) else " ".join(value)):
                    if element.name == "a" and attr == "href" and host.lower() in allowed_links:
                        continue
                    problems.append(f"{page.relative_to(site_dir)}: <{element.name} {attr}> {host}")
            style = element.get("style") or ""
            if element.name == "style":
                style += element.get_text()
            problems += [f"{page.relative_to(site_dir)}: style url {h}" for h in HOST.findall(style)]
    assert not problems, "\n".join(sorted(set(problems)))


def test_stylesheets_load_nothing_from_other_hosts(site_dir):
    bad = []
    for sheet in site_dir.rglob("*.css"):
        text = sheet.read_text(encoding="utf-8")
        for match in re.finditer(r"url\(\s*['\"]?([^)'\"]+)|@import\s+['\"]([^'\"]+)", text):
            target = match.group(1) or match.group(2)
            if HOST.match(target):
                bad.append(f"{sheet.relative_to(site_dir)}: {target}")
    assert not bad, "\n".join(bad)


def test_other_files_name_no_unexpected_host(site_dir):
    allowed = content_hosts() | set(INERT_IN_SCRIPTS)
    bad = []
    for path in site_dir.rglob("*"):
        if path.suffix not in {".js", ".json", ".xml", ".txt", ".webmanifest", ".map"}:
            continue
        for host in set(ABSOLUTE_URL.findall(path.read_text(encoding="utf-8", errors="ignore"))):
            if host.lower() not in allowed:
                bad.append(f"{path.relative_to(site_dir)}: {host}")
    assert not bad, ("new host in a built file (add a reason to INERT_IN_SCRIPTS only if it is never requested):\n"
                     + "\n".join(sorted(bad)))


def test_external_links_send_no_referrer(site_dir):
    for page in site_dir.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for a in soup.find_all("a", href=HOST):
            assert {"noopener", "noreferrer"} <= set(a.get("rel") or []), f"{page.name}: {a['href']}"
