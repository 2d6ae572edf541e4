"""The whole built site as one zip ("Download the whole guide"), for use with no internet.

The reader unzips it and opens ``index.html``: every page, search included,
works from disk. Built last, once every other file of the site exists.

Reproducible: entries in name order, each dated the build's time
(``build_time``: ``SOURCE_DATE_EPOCH`` when set) with the same permissions,
so two builds of one commit give the same bytes.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

from mkdocs.exceptions import PluginError

import build_time

ZIP_URI = "downloads/going-no-contact.zip"
ZIP_ROOT = "going-no-contact"
ZIP_README = """Going No Contact - the whole guide, for use without internet.

Open the file index.html in this folder with your web browser.
Everything works offline, search included. Nothing is sent anywhere.

This folder stays on your device. If someone else uses this device,
you may want to keep it somewhere private or delete it when you are done.
"""


# The start page's "Download the whole guide" item links to the zip, which the
# zip cannot hold: its copy of the start page says instead where the reader is.
START_PAGE = "index.html"
ZIP_ITEM = re.compile(r'<li><a href="' + re.escape(ZIP_URI) + r'">.*?</li>', re.S)
ZIP_COPY_NOTE = ("<li>You are reading the downloaded copy of the whole guide. It works with no internet. "
                 "To pass it on, share the zip file you downloaded.</li>")


def zip_copy_of_start_page(html: str, copy_note: str = ZIP_COPY_NOTE) -> str:
    """The start page as the zip holds it: no link to the zip itself."""
    copy, found = ZIP_ITEM.subn(copy_note, html, count=1)
    if not found:
        raise PluginError(f"docs/index.md: no list item linking to {ZIP_URI}; "
                          "scripts/offline_zip.py replaces it in the zip's copy of the start page")
    return copy


# Each edition's zip holds that edition only: the link to the same page in the
# other language (partials/language-link.html) is left out of the zip's copy of
# a page when its target is not in the zip. The hreflang alternates in the head
# (written only when SITE_URL is set) are full addresses on the live site: the
# zip's copy never carries them, since Material's bundle reads the sitemap of
# each alternate it finds, which would be a request to that host from disk.
_LANG_LINK = re.compile(r'<div class="lang-link"><a href="([^"]+)"[^>]*>.*?</a></div>', re.S)
_ALTERNATE = re.compile(r'<link rel="alternate" hreflang="[^"]+" href="([^"]+)">')


def without_links_outside(html: str, page: str, inside: set[str]) -> str:
    """``html`` (the page at ``page`` in the zip) without language links to files not in ``inside``,
    and without hreflang alternates."""
    def target(match: re.Match) -> str:
        return posixpath.normpath(posixpath.join(posixpath.dirname(page), match.group(1).split("#")[0]))

    html = _LANG_LINK.sub(lambda m: m.group(0) if target(m) in inside else "", html)
    return _ALTERNATE.sub("", html)


def build_zip(site: Path, readme: str = ZIP_README, copy_note: str = ZIP_COPY_NOTE) -> Path:
    """Write the zip of every file under ``site`` (but itself); return its path.

    ``readme`` and ``copy_note``: the edition's words (strings "zip"), English if not given.
    """
    target = site / ZIP_URI
    target.parent.mkdir(parents=True, exist_ok=True)
    members = sorted(p for p in site.rglob("*") if p.is_file() and p != target)
    inside = {p.relative_to(site).as_posix() for p in members}
    when = build_time.now()
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr(build_time.zip_entry(f"{ZIP_ROOT}/README.txt", when), readme, compresslevel=9)
        for path in members:
            relative = path.relative_to(site).as_posix()
            entry = build_time.zip_entry(f"{ZIP_ROOT}/{relative}", when)
            if path.suffix != ".html":
                archive.writestr(entry, path.read_bytes(), compresslevel=9)
                continue
            html = without_links_outside(path.read_text(encoding="utf-8"), relative, inside)
            if path == site / START_PAGE:
                html = zip_copy_of_start_page(html, copy_note)
            archive.writestr(entry, html.encode("utf-8"), compresslevel=9)
    return target
