"""The two editions (English at the root, Spanish in ``es/``): which is which, and the link between them.

Each edition is its own build (``mkdocs.yml``, ``mkdocs.es.yml``); its config
names the other edition in ``extra.other_language`` (its language code, its
name, the words of the link, its ``docs_dir`` and where its site sits relative
to this one). Every page gets a link to the same page in the other edition,
written at build time as a relative link, so it works from a server, from
disk (``file://``) and from the zip. When ``SITE_URL`` gives the published
address, each page also gets ``hreflang`` alternates for the head: full
addresses, as search engines require (they ignore relative ones). SITE_URL
names the English root; an edition in a folder (``extra.site_path``) is
published under it. A page whose counterpart is missing stops the build,
naming both files.

Data files: English in ``data/``, each other language in ``data/<code>/``,
with the same names and keys (:func:`data_dir`).
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError

from datafiles import DATA_DIR

DEFAULT = "en"
OTHER_KEYS = ("code", "name", "label", "docs_dir", "prefix")


def code(config) -> str:
    """The edition's language, from ``theme.language``."""
    return str(config["theme"]["language"])


def data_dir(language: str) -> Path:
    """Where an edition's data files are: ``data/`` for English, ``data/es/`` for Spanish."""
    return DATA_DIR if language == DEFAULT else DATA_DIR / language


def other(config) -> dict:
    """The other edition, as ``extra.other_language`` gives it; an error names what is missing."""
    found = config["extra"].get("other_language") or {}
    missing = [key for key in OTHER_KEYS if not str(found.get(key, "")).strip()]
    if missing:
        raise PluginError(f"{config['config_file_path']}: extra.other_language needs {', '.join(missing)}")
    return found


def edition_address(config) -> None:
    """Set ``site_url`` to this edition's own address: SITE_URL + ``extra.site_path`` ("es/").

    Without it, the Spanish sitemap and canonical links would name the English
    pages. Nothing changes when SITE_URL is not set or the edition is at the root.
    """
    path = config["extra"].get("site_path")
    if path is None:
        return
    if not isinstance(path, str) or not path.endswith("/") or path.startswith("/") or "://" in path:
        raise PluginError(f"{config['config_file_path']}: extra.site_path must be a folder such as 'es/', "
                          f"not {path!r}")
    if config["site_url"]:
        config["site_url"] = urljoin(config["site_url"], path)


def counterpart(page, config) -> dict:
    """The same page in the other edition: its relative URL from ``page`` and its language.

    Raises PluginError when the other edition has no such page.
    """
    edition = other(config)
    root = Path(config["config_file_path"]).parent
    source = root / edition["docs_dir"] / page.file.src_uri
    here = posixpath.dirname(page.file.dest_uri)
    if not source.is_file():
        raise PluginError(f"{Path(config['docs_dir']).name}/{page.file.src_uri}: no counterpart "
                          f"{edition['docs_dir']}/{page.file.src_uri} in the {edition['name']} edition; "
                          "every page needs one (CONTRIBUTING.md, Languages)")
    target = posixpath.normpath(edition["prefix"] + page.file.dest_uri)
    url = posixpath.relpath(target, here or ".")
    # The full address, for hreflang: only when the page's own is known (SITE_URL).
    address = urljoin(page.canonical_url, url) if page.canonical_url else None
    return {"url": url, "address": address, "code": edition["code"],
            "name": edition["name"], "label": edition["label"]}
