"""The build, step by step: the project's only MkDocs hook (``hooks:`` in mkdocs.yml).

Read this file first. ``STEPS`` below is the order of the build: MkDocs calls
the ``on_*`` functions of this file at its events, in the order listed, and
each runs its steps in the order written there (``tests/test_pipeline.py``
checks that the code and the list agree). Each step is a small function in a
module named for what it does. Data files are read once, in the first event,
and handed to the steps that need them.

A page's life, from Markdown to the built file:

1. Before any page: Material's version is checked against the one the site's
   Material seam was written for; the edition's language is read
   (``theme.language``: English from mkdocs.yml, Spanish from mkdocs.es.yml);
   every data file of that language is read and checked; the
   glossary becomes a Markdown extension (terms marked in text, never in
   headings); every download is registered, so links to them are checked.
2. Markdown: the front matter is checked, the page's counterpart in the
   other edition is found (a missing one stops the build), then each ``<!-- data:NAME -->``
   shortcode is replaced by its list from ``data/``.
3. Markdown becomes HTML (MkDocs, with the extensions in mkdocs.yml and the
   glossary); the page must start with its ``# Title``; each checklist box is
   given its item's text as its name; outside links get
   ``rel="noopener noreferrer"``.
4. Templates (``overrides/``) wrap the content: the quick exit first in
   ``<body>``, the header's Menu and Search buttons, the handbook link, and on
   the start page the handbook's cover and contents (print only).
5. The final HTML gets its Content-Security-Policy (the hashes of its inline
   scripts, which no template can know) and loses template white space. This
   runs before the pdf-export plugin collects the page, so the handbook prints
   exactly what readers get.
6. After every page: the handbook is checked and its size written into the
   pages; the checklists PDF is printed; Material's stylesheet is split;
   files nothing loads are removed; header files are written; last, the whole
   site is zipped for offline use.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import checklist_labels
import checklists_pdf
import csp
import downloads
import glossary
import handbook
import languages
import material_seam
import offline_zip
import outbound_links
import page_checks
import pdf_export_fixes
import shortcodes
import site_data
import stylesheet_split
import whitespace

# The build's steps, by event, in the order they run. tests/test_pipeline.py
# checks each on_* function below calls exactly these, in this order.
STEPS = {
    "on_config": ("material_seam.check_version", "languages.edition_address", "languages.code", "site_data.load",
                  "glossary.GlossaryExtension",
                  "pdf_export_fixes.check_settings", "pdf_export_fixes.import_quietly",
                  "pdf_export_fixes.route_weasyprint_log"),
    "on_files": ("downloads.register",),
    "on_nav": ("handbook.Handbook", "pdf_export_fixes.take_over"),
    "on_page_markdown": ("page_checks.front_matter", "languages.counterpart", "shortcodes.expand"),
    "on_page_content": ("page_checks.title_heading", "checklist_labels.label_checkboxes",
                        "outbound_links.add_rel"),
    "on_env": ("material_seam.bundle_url",),
    "on_post_template": ("csp.fill", "whitespace.collapse"),
    "on_post_page": ("csp.fill", "whitespace.collapse"),
    "on_post_build": ("downloads.enabled", "handbook.fill_size", "checklists_pdf.build_for_site",
                      "material_seam.stylesheet", "stylesheet_split.split",
                      "material_seam.unused_theme_files", "csp.write_header_files",
                      "offline_zip.build_zip"),
}


class _Build:
    """What one build shares between its steps: the data, read once, and what steps collect."""

    def __init__(self, data: site_data.SiteData, glossary_terms: glossary.GlossaryExtension):
        self.data = data
        self.glossary = glossary_terms
        self.script_hashes: set[str] = set()
        self.handbook: handbook.Handbook | None = None


_build: _Build | None = None


def _current() -> _Build:
    if _build is None:
        raise PluginError("scripts/pipeline.py: a build step ran before on_config")
    return _build


def _source(page) -> str:
    """The page's source for error messages: docs/x.md, or docs-es/x.md in the Spanish build."""
    return f"{Path(page.file.src_dir).name}/{page.file.src_uri}" if page.file.src_dir else f"docs/{page.file.src_uri}"


def _built_on() -> dt.date:
    """Today, or SOURCE_DATE_EPOCH's date for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


# After the plugins' own on_config (the pdf-export plugin adds a log handler there).
@event_priority(-50)
def on_config(config, **kwargs):
    global _build
    material_seam.check_version()
    languages.edition_address(config)
    language = languages.code(config)
    try:
        data = site_data.load(Path(config.docs_dir), config.nav, language)
    except site_data.DataError as exc:
        raise PluginError(str(exc)) from exc
    terms = glossary.GlossaryExtension(data.terms)
    config.markdown_extensions.append(terms)
    pdf_export_fixes.check_settings(config)
    pdf_export_fixes.import_quietly(config)
    pdf_export_fixes.route_weasyprint_log(config)
    _build = _Build(data, terms)
    return config


def on_files(files, config, **kwargs):
    downloads.register(files, config, _current().data)
    return files


# After the pdf-export plugin's on_nav, which makes the renderer this replaces.
@event_priority(-50)
def on_nav(nav, config, files, **kwargs):
    build = _current()
    words = build.data.words["handbook"]
    build.handbook = handbook.Handbook(config, title=words["title"], purpose=words["purpose"])
    pdf_export_fixes.take_over(config, build.handbook.write)
    return nav


def on_page_markdown(markdown, page, config, files, **kwargs):
    build = _current()
    page_checks.front_matter(page)
    # The same page in the other edition (the language link and hreflang in main.html).
    page.meta["other_language"] = languages.counterpart(page, config)
    where = _source(page)
    try:
        markdown = shortcodes.expand(markdown, build.data, where)
    except shortcodes.UnknownShortcode as exc:
        raise PluginError(exc.args[0]) from exc
    # The glossary page spells every term out: no hovers there.
    build.glossary.enabled = page.file.src_uri != "glossary.md"
    build.glossary.page_src = page.file.src_uri
    return markdown


def on_page_content(html, page, config, files, **kwargs):
    page_checks.title_heading(page)
    html = checklist_labels.label_checkboxes(html, _source(page))
    return outbound_links.add_rel(html)


# Values the templates use (overrides/main.html and partials/handbook-front.html).
def on_env(env, config, files, **kwargs):
    build = _current()
    env.globals["material_bundle"] = material_seam.bundle_url(config)
    env.globals["helplines"] = build.data.countries
    env.globals["built_on"] = _built_on()
    env.globals["handbook_purpose"] = build.data.words["handbook"]["purpose"]
    # The edition's words: {{ t.section.key }} (data/strings.yml, data/es/strings.yml).
    env.globals["t"] = build.data.words
    return env


# The "page not found" page is a theme template, not a page: the same final steps.
def on_post_template(output_content, template_name, config, **kwargs):
    if not template_name.endswith(".html"):
        return output_content
    html = csp.fill(output_content, f"theme template {template_name}", _current().script_hashes)
    return whitespace.collapse(html)


# Before the pdf-export plugin (priority 0) collects the page for the handbook.
@event_priority(50)
def on_post_page(output, page, config, **kwargs):
    html = csp.fill(output, _source(page), _current().script_hashes)
    return whitespace.collapse(html)


# Last: after the pdf-export plugin (0) has written the handbook and the
# offline plugin (-100) the search index.
@event_priority(-200)
def on_post_build(config, **kwargs):
    build = _current()
    site = Path(config.site_dir)
    built = downloads.enabled(config)
    handbook.fill_size(site, build.handbook.check_written() if built else downloads.NOT_BUILT)
    if built:
        checklists_pdf.build_for_site(config, build.data.checklists, build.data.words["handbook"])
    source, in_site = material_seam.stylesheet(config)
    stylesheet_split.split(site, source, in_site)
    for path in material_seam.unused_theme_files(site, config):
        path.unlink()
    csp.write_header_files(site, build.script_hashes)
    if built:
        words = build.data.words["zip"]
        offline_zip.build_zip(site, readme=words["readme"] + "\n", copy_note=f"<li>{words['copy_note']}</li>")
