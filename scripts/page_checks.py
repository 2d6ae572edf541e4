"""Checks every page must pass before it is built; each error names the page.

- front matter with a ``title`` and a ``description`` (templates and search
  use them, and a page without them is easy to lose);
- a ``# Title`` heading first, which the handbook's contents list.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

REQUIRED_META = ("title", "description")


def front_matter(page) -> None:
    for key in REQUIRED_META:
        if not str(page.meta.get(key, "")).strip():
            raise PluginError(f"docs/{page.file.src_uri}: front matter has no '{key}'")


def title_heading(page) -> None:
    items = page.toc.items
    if not items or items[0].level != 1:
        raise PluginError(f"docs/{page.file.src_uri}: no '# Title' heading first on the page")
