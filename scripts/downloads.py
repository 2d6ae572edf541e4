"""The downloads: files a reader can keep, print or hand on.

| File                                  | Made by                      | When                        |
| ------------------------------------- | ---------------------------- | --------------------------- |
| downloads/incident-log.pdf/.xlsx/.csv | ``incident_log.build_all``   | with the site's files       |
| downloads/going-no-contact-handbook.pdf | ``handbook`` (pdf-export)  | after every page is built   |
| downloads/checklists.pdf              | ``checklists_pdf.build_pdf`` | after every page is built   |
| downloads/going-no-contact.zip        | ``offline_zip.build_zip``    | last of all                 |

Every download is registered with MkDocs' files before pages are read, so a
Markdown link to one is checked by the strict build like any other link.

``DOWNLOADS=off`` in the environment (``make serve`` sets it) builds none of
them: each is then a short text file saying so, the handbook's size reads
"not built in this preview", and the build log says it on every rebuild.
``mkdocs serve`` sends each file with the type its name suggests (Python's
``mimetypes``), so a note named ``.pdf`` would go out as a PDF and download;
in the preview the downloads' file types are text instead, and each link opens
its note in the browser (``tests/test_preview.py`` checks this against the
real ``mkdocs serve``; the change is to the one preview process only). The
switch is read by MkDocs itself (``extra.downloads`` and the pdf-export
plugin's ``enabled``, both ``!ENV [DOWNLOADS, true]`` in mkdocs.yml).
"""

from __future__ import annotations

import logging
import mimetypes
from pathlib import PurePosixPath

from mkdocs.structure.files import File

import checklists_pdf
import handbook
import incident_log
import offline_zip

FOLDER = "downloads"
# Written after the pages are built; registered now with no content.
BUILT_LATER = (handbook.PDF_URI, checklists_pdf.PDF_URI, offline_zip.ZIP_URI)
NOT_BUILT = "not built in this preview"
PREVIEW_TEXT = (b"This download is not built in the preview (DOWNLOADS=off, as make serve sets it).\n"
                b"Run `make build` to build every download into site/downloads/.\n")

log = logging.getLogger("mkdocs.plugins.downloads")


def enabled(config) -> bool:
    return bool(config.extra.get("downloads", True))


def register(files, config, data) -> None:
    """Add every download to the site's files: built now, built later, or a preview note."""
    forms = incident_log.build_all(data.incident_log) if enabled(config) \
        else dict.fromkeys(incident_log.file_names(), PREVIEW_TEXT)
    for name, content in forms.items():
        files.append(File.generated(config, f"{FOLDER}/{name}", content=content))
    for uri in BUILT_LATER:
        files.append(File.generated(config, uri, content=b"" if enabled(config) else PREVIEW_TEXT))
    if not enabled(config):
        for suffix in {PurePosixPath(f.src_uri).suffix for f in files if f.src_uri.startswith(f"{FOLDER}/")}:
            mimetypes.add_type("text/plain", suffix)
        log.info("DOWNLOADS=off: the PDFs, forms and zip are not built in this preview "
                 "(their links open a note); run `make build` to build them")
