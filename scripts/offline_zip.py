"""The whole built site as one zip ("Download the whole guide"), for use with no internet.

The reader unzips it and opens ``index.html``: every page, search included,
works from disk. Built last, once every other file of the site exists.

Reproducible: entries in name order, each dated the build's time
(``build_time``: ``SOURCE_DATE_EPOCH`` when set) with the same permissions,
so two builds of one commit give the same bytes.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import build_time

ZIP_URI = "downloads/going-no-contact.zip"
ZIP_ROOT = "going-no-contact"
ZIP_README = """Going No Contact - the whole guide, for use without internet.

Open the file index.html in this folder with your web browser.
Everything works offline, search included. Nothing is sent anywhere.

This folder stays on your device. If someone else uses this device,
you may want to keep it somewhere private or delete it when you are done.
"""


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
            archive.writestr(entry, path.read_bytes(), compresslevel=9)
    return target
