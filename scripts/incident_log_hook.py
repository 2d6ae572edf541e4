"""MkDocs hook: build the incident-log downloads from ``data/incident-log.yml``.

The fillable PDF, the spreadsheet and the CSV file are made fresh on every
build and added to the site as generated files under ``downloads/``. Because
MkDocs knows about them, Markdown links such as
``[PDF](downloads/incident-log.pdf)`` are checked by the strict build like any
other link. Nothing is written to ``docs/`` and nothing is committed.
A malformed definition stops the build with a message naming the file.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

import incident_log
from datafiles import DataError

DOWNLOADS = "downloads"


# Add the generated forms to the site's files before any page is rendered.
def on_files(files, config, **kwargs):
    try:
        definition = incident_log.load_definition()
    except DataError as exc:
        raise PluginError(str(exc)) from exc
    for name, content in incident_log.build_all(definition).items():
        files.append(File.generated(config, f"{DOWNLOADS}/{name}", content=content))
    return files
