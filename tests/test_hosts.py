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


# ---------------------------------------------------------------------------
# Header files for hosts that send headers, and the pages served with them
# ---------------------------------------------------------------------------

# What every header file must send, read back from the files (not from scripts/csp.py).
REQUIRED_HEADERS = {
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}
# Features the site never uses; each must be off ("=()") in the Permissions-Policy.
FEATURES_NEVER_USED = {"camera", "microphone", "geolocation", "payment", "usb", "serial", "hid",
                       "midi", "display-capture", "publickey-credentials-get", "xr-spatial-tracking"}


def netlify_headers(site_dir) -> dict[str, str]:
    """``_headers`` as Netlify and Cloudflare Pages read it: one ``/*`` rule, indented ``Name: value`` lines."""
    lines = (site_dir / "_headers").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "/*", lines[0]
    pairs = [line.strip().split(": ", 1) for line in lines[1:] if line.strip()]
    assert all(line.startswith("  ") for line in lines[1:] if line.strip())
    return dict(pairs)


def nginx_headers(site_dir) -> dict[str, str]:
    text = (site_dir / "nginx-headers.conf").read_text(encoding="utf-8")
    return dict(re.findall(r'^add_header (\S+) "([^"]*)" always;$', text, re.M))


def test_every_header_file_sends_the_same_headers(site_dir):
    netlify, nginx = netlify_headers(site_dir), nginx_headers(site_dir)
    assert netlify == nginx
    for name, value in REQUIRED_HEADERS.items():
        assert netlify.get(name) == value, name
    features = dict(item.strip().split("=", 1) for item in netlify["Permissions-Policy"].split(","))
    assert all(value == "()" for value in features.values()), features
    assert FEATURES_NEVER_USED <= features.keys(), FEATURES_NEVER_USED - features.keys()
    assert "frame-ancestors 'none'" in netlify["Content-Security-Policy"]


def test_headers_file_fits_cloudflare_limits(site_dir):
    """Cloudflare Pages: at most 100 rules and 2,000 characters a line."""
    lines = (site_dir / "_headers").read_text(encoding="utf-8").splitlines()
    assert max(len(line) for line in lines) <= 2000
    assert sum(1 for line in lines if line and not line.startswith((" ", "#"))) <= 100


def test_pages_served_with_the_headers_work(browser, site_dir):
    """Served as Netlify would, with _headers: no policy error on any page; search runs; the quick exit leaves."""
    import local_browser
    from conftest import NEUTRAL_SITE, exit_context, html_path

    nav = project_config.nav_sources(project_config.read()["nav"])
    with local_browser.serve(site_dir, headers=netlify_headers(site_dir)) as url:
        ctx = exit_context(browser)
        page = ctx.new_page()
        problems = []
        page.on("console", lambda msg: problems.append(f"{page.url}: {msg.text}")
                if msg.type in {"error", "warning"} else None)
        page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
        for src in nav + ["404.md"]:
            response = page.goto(url + html_path(src))
            assert response.headers.get("cross-origin-opener-policy") == "same-origin"
        page.goto(url + "index.html")
        page.locator("input.md-search__input").click()
        page.locator("input.md-search__input").type("hoovering", delay=20)
        page.wait_for_selector(".md-search-result__item", timeout=10000)
        page.goto(url + "write-your-log.html")
        page.wait_for_load_state("load")
        page.click("[data-quick-exit-link]")
        page.wait_for_url(NEUTRAL_SITE, timeout=5000)
        ctx.close()
    assert problems == [], "\n".join(problems)


def test_each_edition_is_published_at_its_own_address_when_site_url_is_known(tmp_path):
    """SITE_URL set (the English root): each edition's sitemap names its own pages, the Spanish
    ones under es/, and so do the canonical links; each page's hreflang alternates are the full
    addresses of itself and its counterpart (a quick build of both editions, without downloads)."""
    from bs4 import BeautifulSoup

    import build_site
    from conftest import ROOT, html_path

    address = "https://guide.example/no-contact/"
    site = tmp_path / "site"
    failed, log = build_site.build(site, env={"DOWNLOADS": "off", "SITE_URL": address})
    assert not failed, log
    editions = {"": project_config.read(), "es/": project_config.read(ROOT / "mkdocs.es.yml")}
    for folder, config in editions.items():
        pages = [html_path(src) for src in project_config.nav_sources(config["nav"])]
        listed = set(re.findall(r"<loc>([^<]+)</loc>", (site / folder / "sitemap.xml").read_text(encoding="utf-8")))
        assert listed == {address + folder + page for page in pages}, folder
        other = "es/" if not folder else ""
        for page in pages:
            soup = BeautifulSoup((site / folder / page).read_text(encoding="utf-8"), "html.parser")
            assert soup.head.select_one('link[rel="canonical"]')["href"] == address + folder + page
            alternates = {tag["hreflang"]: tag["href"] for tag in soup.head.select('link[rel="alternate"][hreflang]')}
            assert alternates == {config["theme"]["language"]: address + folder + page,
                                  "es" if not folder else "en": address + other + page}, folder + page


def test_github_pages_workflow_runs_the_readme_build():
    import yaml

    from conftest import ROOT

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    runs = [step.get("run", "").strip() for step in steps]
    assert "make build" in runs
    assert "make build" in (ROOT / "README.md").read_text(encoding="utf-8")
    build = next(step for step in steps if step.get("run", "").strip() == "make build")
    assert build["env"]["SITE_URL"].startswith("https://")
    upload = next(step for step in steps if "upload-pages-artifact" in step.get("uses", ""))
    assert upload["with"]["path"] == "site"
