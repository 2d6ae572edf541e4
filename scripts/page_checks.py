"""Checks every page must pass before it is built; each error names the page.

- front matter with a ``title`` and a ``description`` (templates and search
  use them, and a page without them is easy to lose);
- a ``# Title`` heading first, which the handbook's contents list.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

REQUIRED_META = ("title", "description")


def where(page) -> str:
    """The page's source as a reader of the error finds it: docs/x.md, or docs-es/x.md."""
    folder = Path(page.file.src_dir).name if page.file.src_dir else "docs"
    return f"{folder}/{page.file.src_uri}"


def front_matter(page) -> None:
    for key in REQUIRED_META:
        if not str(page.meta.get(key, "")).strip():
            raise PluginError(f"{where(page)}: front matter has no '{key}'")


def title_heading(page) -> None:
    items = page.toc.items
    if not items or items[0].level != 1:
        raise PluginError(f"{where(page)}: no '# Title' heading first on the page")
