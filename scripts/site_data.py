"""Every data file the build uses, read once per build and shared by the steps.

``load()`` is called once, in the pipeline's first step (``on_config``); each
later step receives the :class:`SiteData` it returns. A missing or malformed
file raises :class:`datafiles.DataError` naming the file and the entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import checklist_items
import glossary
import helplines
import incident_log
import languages
import strings
from datafiles import DataError

__all__ = ["DataError", "SiteData", "load"]


@dataclass(frozen=True)
class SiteData:
    countries: list[helplines.Country]
    terms: list[glossary.Term]
    incident_log: incident_log.Definition
    # The checklist pages' own items, in nav order (for the safety-plan page).
    checklists: list[checklist_items.Checklist]
    # The edition's language and its words (data/strings.yml or data/<lang>/strings.yml).
    language: str = languages.DEFAULT
    words: dict = None  # type: ignore[assignment]


def load(docs_dir: Path, nav: list | None, language: str = languages.DEFAULT) -> SiteData:
    """Read and check every data file of one edition; raise DataError naming the first fault.

    English data is in ``data/``; another language's in ``data/<language>/``,
    with the same file names and keys.
    """
    folder = languages.data_dir(language)
    words = strings.load_strings(language)
    return SiteData(
        countries=helplines.load_countries(folder / helplines.HELPLINES_FILE.name, words["helplines"]),
        terms=glossary.load_terms(folder / glossary.GLOSSARY_FILE.name),
        incident_log=incident_log.load_definition(folder / incident_log.DEFINITION_FILE.name),
        checklists=checklist_items.load(docs_dir, nav),
        language=language,
        words=words,
    )
