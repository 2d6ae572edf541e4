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
from datafiles import DataError

__all__ = ["DataError", "SiteData", "load"]


@dataclass(frozen=True)
class SiteData:
    countries: list[helplines.Country]
    terms: list[glossary.Term]
    incident_log: incident_log.Definition
    # The checklist pages' own items, in nav order (for the safety-plan page).
    checklists: list[checklist_items.Checklist]


def load(docs_dir: Path, nav: list | None) -> SiteData:
    """Read and check every data file; raise DataError naming the first fault."""
    return SiteData(
        countries=helplines.load_countries(),
        terms=glossary.load_terms(),
        incident_log=incident_log.load_definition(),
        checklists=checklist_items.load(docs_dir, nav),
    )
