"""The whole built site as one zip ("Download the whole guide"), for use with no internet.

The reader unzips it and opens ``index.html``: every page, search included,
works from disk. Built last, once every other file of the site exists.

Reproducible: entries in name order, each dated the build's time
(``build_time``: ``SOURCE_DATE_EPOCH`` when set) with the same permissions,
so two builds of one commit give the same bytes.
"""

from __future__ import annotations

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


def zip_copy_of_start_page(html: str) -> str:
    """The start page as the zip holds it: no link to the zip itself."""
    copy, found = ZIP_ITEM.subn(ZIP_COPY_NOTE, html, count=1)
    if not found:
        raise PluginError(f"docs/index.md: no list item linking to {ZIP_URI}; "
                          "scripts/offline_zip.py replaces it in the zip's copy of the start page")
    return copy


def build_zip(site: Path) -> Path:
    """Write the zip of every file under ``site`` (but itself); return its path."""
    target = site / ZIP_URI
    target.parent.mkdir(parents=True, exist_ok=True)
    members = sorted(p for p in site.rglob("*") if p.is_file() and p != target)
    when = build_time.now()
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr(build_time.zip_entry(f"{ZIP_ROOT}/README.txt", when), ZIP_README, compresslevel=9)
        for path in members:
            entry = build_time.zip_entry(f"{ZIP_ROOT}/{path.relative_to(site).as_posix()}", when)
            content = path.read_bytes()
            if path == site / START_PAGE:
                content = zip_copy_of_start_page(content.decode("utf-8")).encode("utf-8")
            archive.writestr(entry, content, compresslevel=9)
    return target
