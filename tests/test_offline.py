"""Offline: the zip of the whole guide opens from disk with no network, and search works."""

from __future__ import annotations

import zipfile

import pytest

from conftest import refuse_other_origins


@pytest.fixture(scope="module")
def unzipped(site_dir, tmp_path_factory):
    archive = site_dir / "downloads" / "going-no-contact.zip"
    assert archive.stat().st_size > 100_000
    dest = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(archive) as zf:
        assert zf.testzip() is None
        zf.extractall(dest)
    return dest / "going-no-contact"


def test_zip_holds_the_site(unzipped, site_dir):
    assert (unzipped / "index.html").exists() and (unzipped / "README.txt").exists()
    # The English zip holds the English edition; the Spanish one (es/) has its own zip.
    built = {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")
             if p.relative_to(site_dir).parts[0] != "es"}
    zipped = {p.relative_to(unzipped).as_posix() for p in unzipped.rglob("*.html")}
    assert built == zipped
    assert not (unzipped / "downloads" / "going-no-contact.zip").exists()
    # Every other download (PDFs, spreadsheet) travels with it.
    for download in (site_dir / "downloads").iterdir():
        if download.name != "going-no-contact.zip":
            assert (unzipped / "downloads" / download.name).exists(), download.name


def test_zip_is_linked_as_download_the_whole_guide(built_pages):
    links = [a for a in built_pages["index.md"].find_all("a") if "going-no-contact.zip" in a.get("href", "")]
    assert links and "Download the whole guide" in links[0].get_text()


def test_opens_from_disk_with_no_network(browser, unzipped):
    ctx = browser.new_context(offline=True)
    outside = refuse_other_origins(ctx, "file://")
    page = ctx.new_page()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto((unzipped / "index.html").as_uri())
    assert "Start here" in page.title()
    page.click("nav.md-nav--primary a[href$='help-now.html']")
    page.wait_for_load_state("load")
    assert page.url.endswith("help-now.html") and "Get help now" in page.title()
    search = page.locator("input.md-search__input")
    search.click()
    search.type("hoovering", delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert page.locator(".md-search-result__item").count() > 0
    ctx.close()
    assert outside == [], outside
    assert errors == [], errors


def test_no_page_in_the_zip_links_to_a_file_the_zip_lacks(unzipped):
    """Checked over the unzipped files themselves, so the start page's "Download the whole guide" counts."""
    import posixpath
    from urllib.parse import unquote, urlsplit

    from bs4 import BeautifulSoup

    missing = []
    # 404.html is for a web server to send for a missing address, so MkDocs writes
    # its links from the site's root; no reader opens it from the zip.
    for page in (p for p in unzipped.rglob("*.html") if p.name != "404.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["a", "link", "script", "img"]):
            ref = tag.get("href") or tag.get("src")
            if not ref or urlsplit(ref).scheme or ref.startswith(("#", "//")):
                continue
            path = unquote(urlsplit(ref).path)
            if not path:
                continue
            where = posixpath.normpath(posixpath.join(page.parent.relative_to(unzipped).as_posix(), path))
            if not (unzipped / where).exists():
                missing.append(f"{page.relative_to(unzipped)}: {ref}")
    assert not missing, missing
    start = " ".join((unzipped / "index.html").read_text(encoding="utf-8").split())
    assert "You are reading the downloaded copy of the whole guide" in start
