"""Every internal link and anchor in the built HTML resolves, raw HTML links included."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}


def _internal_targets(html_file: Path):
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    for tag, attr in LINK_ATTRS.items():
        for element in soup.find_all(tag):
            url = element.get(attr)
            if not url:
                continue
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                continue  # leaves the site: checked by test_hosts.py
            yield url, parts


def _ids(html_file: Path, cache: dict) -> set[str]:
    if html_file not in cache:
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        cache[html_file] = {el["id"] for el in soup.find_all(id=True)} | {
            el["name"] for el in soup.find_all("a", attrs={"name": True})}
    return cache[html_file]


def broken_links(site_dir: Path) -> tuple[int, list[str]]:
    """(links checked, broken ones) over every HTML file under ``site_dir``."""
    cache: dict = {}
    broken = []
    checked = 0
    for html_file in sorted(site_dir.rglob("*.html")):
        for url, parts in _internal_targets(html_file):
            if parts.path.startswith("/"):
                # Only 404.html links from the server root, where it is served for any path.
                assert html_file.name == "404.html", f"{html_file}: root-relative link {url}"
                target = site_dir / unquote(parts.path).lstrip("/")
            else:
                target = (html_file.parent / unquote(parts.path)).resolve() if parts.path else html_file
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.exists():
                broken.append(f"{html_file.relative_to(site_dir)}: {url} (no such file)")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _ids(target, cache):
                broken.append(f"{html_file.relative_to(site_dir)}: {url} (no such anchor)")
    return checked, broken


def test_every_internal_link_and_anchor_resolves(site_dir, nav_pages):
    checked, broken = broken_links(site_dir)
    # Every page links to at least the nav's other pages: far more links than pages.
    assert checked > 20 * len(nav_pages), f"only {checked} links found: is the build empty?"
    assert not broken, "broken links:\n" + "\n".join(broken)


def test_link_checker_catches_a_broken_raw_html_link(tmp_path):
    """The checker itself fails on raw HTML links that MkDocs does not see, and passes good ones."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "other.html").write_text('<h2 id="here">x</h2>', encoding="utf-8")
    (tmp_path / "sub" / "page.html").write_text(
        '<p><a href="../missing.html">x</a> <a href="#nowhere">y</a> <a href="../other.html#gone">z</a>'
        ' <a href="../other.html#here">ok</a> <a href="https://example.org/">out</a> <img src="../other.html"></p>',
        encoding="utf-8")
    checked, broken = broken_links(tmp_path)
    assert checked == 5
    assert broken == ["sub/page.html: ../missing.html (no such file)", "sub/page.html: #nowhere (no such anchor)",
                      "sub/page.html: ../other.html#gone (no such anchor)"]
