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


def test_every_internal_link_and_anchor_resolves(site_dir):
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
    assert checked > 100, f"only {checked} links found: is the build empty?"
    assert not broken, "broken links:\n" + "\n".join(broken)


def test_link_checker_catches_a_broken_raw_html_link(site_dir, tmp_path):
    """The checker itself must fail on raw HTML links that MkDocs does not see."""
    page = tmp_path / "page.html"
    page.write_text('<p><a href="missing.html">x</a> <a href="#nowhere">y</a></p>', encoding="utf-8")
    found = [url for url, _ in _internal_targets(page)]
    assert found == ["missing.html", "#nowhere"]
    assert not (tmp_path / "missing.html").exists()
    assert "nowhere" not in _ids(page, {})
