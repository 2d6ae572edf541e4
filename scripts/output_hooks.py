"""MkDocs hooks that shape the finished site folder.

- Drops the theme's JavaScript source maps: they are only for debugging the
  theme, they double the size of the offline copy, and they name hosts the
  site never contacts.
- Packs the whole built site into ``downloads/going-no-contact.zip`` ("Download
  the whole guide"), to unzip and open on a computer with no internet.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

ZIP_URI = "downloads/going-no-contact.zip"
ZIP_ROOT = "going-no-contact"
ZIP_README = """Going No Contact - the whole guide, for use without internet.

Open the file index.html in this folder with your web browser.
Everything works offline, search included. Nothing is sent anywhere.

This folder stays on your device. If someone else uses this device,
you may want to keep it somewhere private or delete it when you are done.
"""


# Register the zip so Markdown links to it pass the strict link check; it is
# filled in on_post_build, once every other file exists.
def on_files(files, config, **kwargs):
    files.append(File.generated(config, ZIP_URI, content=b""))
    return files


def build_zip(site: Path) -> Path:
    """Write the zip of every file under ``site`` (but itself); return its path."""
    target = site / ZIP_URI
    target.parent.mkdir(parents=True, exist_ok=True)
    members = sorted(p for p in site.rglob("*") if p.is_file() and p != target)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(f"{ZIP_ROOT}/README.txt", ZIP_README)
        for path in members:
            archive.write(path, f"{ZIP_ROOT}/{path.relative_to(site).as_posix()}")
    return target


# Runs after every plugin (Material's offline plugin writes the search index
# at priority -100), so the zip holds the finished site.
@event_priority(-200)
def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    for source_map in site.rglob("*.js.map"):
        source_map.unlink()
    build_zip(site)
