"""MkDocs hooks: fill data shortcodes, add glossary hovers, check front matter.

Pages stay plain Markdown. Where a page needs a list kept in ``data/`` it holds
a shortcode such as ``<!-- data:helplines -->``; this hook swaps it for the
rendered list. An unknown shortcode, a page without a title or description,
or a malformed data file stops the build with a message naming the file.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

import glossary
import shortcodes
import site_data
from datafiles import DataError

ROOT = Path(__file__).resolve().parent.parent
SHORTCODE = re.compile(r"<!--\s*data:([a-z-]+)\s*-->")
HEADING = re.compile(r"<(h[1-6])\b[^>]*>.*?</\1>", re.S)
ABBR = re.compile(r"<abbr\b[^>]*>(.*?)</abbr>", re.S)
REQUIRED_META = ("title", "description")
GLOSSARY_PAGE = "glossary.md"

# Data loaded once per build in on_config.
_data: dict[str, object] = {}


# Load and check every data file before any page is read.
def on_config(config, **kwargs):
    try:
        _data["site"] = site_data.load(Path(config.docs_dir), config.nav)
    except DataError as exc:
        raise PluginError(str(exc)) from exc
    _data["abbreviations"] = glossary.abbreviations(_data["site"].terms)
    return config


# Check front matter, expand shortcodes, and append the glossary abbreviations.
def on_page_markdown(markdown, page, config, files, **kwargs):
    source = page.file.src_uri
    for key in REQUIRED_META:
        if not str(page.meta.get(key, "")).strip():
            raise PluginError(f"docs/{source}: front matter has no '{key}'")
    try:
        markdown = shortcodes.expand(markdown, _data["site"], f"docs/{source}")
    except shortcodes.UnknownShortcode as exc:
        raise PluginError(exc.args[0]) from exc
    if source == GLOSSARY_PAGE:
        return markdown  # the page itself spells every term out
    return f"{markdown}\n\n{_data['abbreviations']}\n"


# Headings stay plain: a dotted glossary underline in a title reads as a link.
def on_page_content(html, page, config, files, **kwargs):
    return HEADING.sub(lambda m: ABBR.sub(r"\1", m.group(0)), html)
