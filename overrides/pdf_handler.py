"""The handbook's theme handler for mkdocs-pdf-export-plugin 0.5.10.

The plugin (``pdf-export`` in mkdocs.yml, ``combined: true``) loads this file
from ``theme_handler_path`` in its ``on_nav``, before any page is rendered.
It uses two functions of it:

- ``get_stylesheet()``: CSS added to every page's HTML before WeasyPrint lays
  it out (the print look of the handbook);
- ``modify_html(html, href)``: changes the *website* page, here to add the
  "Download the handbook" link at the top of the article.

Loading this file also corrects the plugin where it goes wrong. Each fix
replaces one function at the place the plugin looks it up, so the rest of the
plugin (page order, collecting pages, ids made ``<page>:<id>``, the download
link) runs unchanged:

1. ``prep.transform_href`` (links in combined mode). The plugin's version only
   recognises a page by a trailing ``.html`` and resolves ``..`` but not the
   page's own folder: from ``guide/a.html``, ``b.html#x`` became ``#b:x``
   instead of ``#guide/b:x``. Ours resolves every relative link against the
   current page's path. A relative link to a file that is not a page (the
   zip, the checklists PDF) has nothing to point at inside the handbook: it
   points at ``site_url`` when that is set and is dropped otherwise.
2. ``Renderer.add_doc``: a page outside the nav raised ``ValueError``, which
   the plugin printed and ignored. Ours logs a warning naming the page, so
   ``--strict`` fails.
3. ``Renderer.write_combined_pdf``: the plugin laid out each page as a
   separate document (so no numbered contents and no total page count, and
   Material's stylesheet parsed once per page: about five times slower),
   printed "not all pages were rendered properly" and wrote the PDF anyway.
   Ours stops with an error naming the missing page, names the page of any
   link to an id the handbook lacks, lays out all pages as one document, and
   sets the PDF's title, author, subject and language. WeasyPrint reads local
   files only: any other address, or a file it cannot read, stops the build
   with an error naming it.

WeasyPrint's own errors (such as "No anchor #... for internal URI
reference") are routed to MkDocs' log by scripts/handbook_hooks.py, which also
checks that this handler is the one the plugin loaded.
"""

from __future__ import annotations

import html
import logging
import posixpath

import weasyprint
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs_pdf_export_plugin import renderer as _renderer
from mkdocs_pdf_export_plugin.preprocessor import prep as _prep
from weasyprint.urls import FatalURLFetchingError, URLFetcher

# scripts/handbook_hooks.py looks for this to know the plugin loaded this file.
HANDBOOK_HANDLER = True

log = logging.getLogger("mkdocs.plugins.handbook")

# Set by scripts/handbook_hooks.py (configure) from mkdocs.yml; defaults for a bare run.
settings = {
    "title": "Going No Contact: the handbook",
    "authors": [],
    "description": None,
    "lang": "en",
    "site_url": None,
    "size_placeholder": "[[HANDBOOK_SIZE]]",
    # What the placeholder says inside the PDF, whose size is not known yet.
    "size_in_pdf": "this file",
}
# Set once the PDF is written: its path. The hook checks it after the build.
written = {"path": None, "pages": 0}

# Where the download link goes on each website page.
ARTICLE_OPEN = '<article class="md-content__inner md-typeset">'
# Only these kinds of address may be read while printing: files of the built
# site, and data: URLs written inside its own stylesheets.
LOCAL_SCHEMES = ("file:", "data:")


# Settings from mkdocs.yml, passed in by scripts/handbook_hooks.py.
def configure(**values) -> None:
    unknown = set(values) - set(settings)
    if unknown:
        raise PluginError(f"pdf_handler.configure: unknown settings {sorted(unknown)}")
    settings.update(values)
    written.update(path=None, pages=0)


STYLESHEET = """
/* Page: 210 x 279 mm fits both A4 (210 x 297) and US Letter (216 x 279),
   so nothing is cut off whichever paper it is printed on. */
@page {
  size: 210mm 279mm;
  margin: 20mm 18mm 18mm;
  @top-left {
    content: string(chapter);
    font: 8.5pt Helvetica, Arial, sans-serif;
    color: #444;
  }
  @top-right {
    content: "Going No Contact";
    font: 8.5pt Helvetica, Arial, sans-serif;
    color: #444;
  }
  @bottom-center {
    content: "Page " counter(page) " of " counter(pages);
    font: 9pt Helvetica, Arial, sans-serif;
  }
}

/* Each page of the site starts a new sheet. */
.pdf-page + .pdf-page {
  break-before: page;
}

/* The page title is the running header. */
.md-typeset h1 {
  string-set: chapter content(text);
}

/* Bookmarks: one per page (its title) and one per main section. */
h1 { bookmark-level: 1; }
h2 { bookmark-level: 2; }
h3, h4, h5, h6 { bookmark-level: none; }

/* Material's screen layout (flex boxes, a centred grid) becomes one plain column. */
html, body, .md-container, .md-main, .md-main__inner, .md-content,
.md-content__inner, .md-grid, .md-typeset__scrollwrap, .md-typeset__table {
  display: block;
  max-width: none;
  height: auto;
  min-height: 0;
  margin: 0;
  padding: 0;
  overflow: visible;
}
.md-content__inner::before { display: none; }

/* No site chrome: exit bar, header, menus, search, footer, buttons, heading links. */
.quick-exit, .md-header, .md-tabs, .md-sidebar, .md-footer, .md-search,
.md-top, .md-skip, .md-source-file, .md-content__button, .md-dialog,
.md-overlay, .md-toggle, [data-md-component="announce"], .headerlink,
.handbook-download, .md-typeset .print-footer {
  display: none !important;
}

/* Reading size and colour. */
body, .md-typeset {
  color: #000;
  background: #fff;
}
.md-typeset {
  font-size: 11.5pt;
  line-height: 1.5;
  orphans: 3;
  widows: 3;
}
.md-typeset h1, .md-typeset h2, .md-typeset h3 {
  color: #000;
  break-after: avoid;
}

/* Long words, addresses and table cells wrap instead of running off the page. */
.md-typeset p, .md-typeset li, .md-typeset td, .md-typeset th, .md-typeset a {
  overflow-wrap: break-word;
}
.md-typeset table:not([class]) {
  display: table;
  width: 100%;
  table-layout: fixed;
  font-size: 0.9em;
  border: 0.75pt solid #999;
  border-collapse: collapse;
}
.md-typeset table:not([class]) th, .md-typeset table:not([class]) td {
  min-width: 0;
  padding: 0.4em 0.6em;
  border: 0.75pt solid #999;
  vertical-align: top;
}
.md-typeset tr, .md-typeset li, .md-typeset .admonition, .md-typeset details {
  break-inside: avoid;
}

/* A link that leaves the site is followed by its address, which paper cannot click. */
.md-typeset a[href^="http"]::after {
  content: " (" attr(href) ")";
  font-size: 0.85em;
  overflow-wrap: anywhere;
}
.md-typeset a, .md-typeset a:visited {
  color: inherit;
  text-decoration: none;
}
.md-typeset abbr {
  border: none;
  text-decoration: none;
}

/* Admonitions: a plain box. Material draws the icons with CSS masks, which
   WeasyPrint does not support: they would print as solid squares. */
.md-typeset .admonition, .md-typeset details {
  display: block;
  margin: 1em 0;
  padding: 0 0.8em;
  border: 0.75pt solid #888 !important;
  border-left: 3pt solid #555 !important;
  border-radius: 0;
  box-shadow: none;
  font-size: 0.95em;
}
.md-typeset .admonition-title, .md-typeset summary {
  margin: 0 -0.8em;
  padding: 0.4em 0.8em !important;
  background: #eee !important;
  font-weight: 700;
}
.md-typeset .admonition-title::before, .md-typeset .admonition-title::after,
.md-typeset summary::before, .md-typeset summary::after {
  display: none;
}

/* Checklists: the empty squares come from the site's print.css, which WeasyPrint applies too. */

/* Cover and contents: hidden on the website (site.css), shown here. */
.pdf-only { display: block; }
.md-typeset .pdf-cover {
  break-after: page;
  padding-top: 25mm;
}
.md-typeset .pdf-cover__title {
  margin: 0 0 0.2em;
  font-size: 30pt;
  font-weight: 700;
  line-height: 1.15;
}
.md-typeset .pdf-cover__subtitle {
  margin: 0 0 1.2em;
  font-size: 16pt;
}
.md-typeset .pdf-cover__purpose {
  margin: 0 0 2em;
  font-size: 13pt;
}
.md-typeset .pdf-cover__help {
  margin: 0 0 2em;
  padding: 0.6em 1em;
  border: 1.5pt solid #000;
}
.md-typeset .pdf-cover__help-title {
  margin: 0.3em 0 0.5em;
  font-size: 13pt;
  font-weight: 700;
}
.md-typeset .pdf-cover__help ul {
  margin: 0 0 0.5em;
  padding: 0;
  list-style: none;
}
.md-typeset .pdf-cover__help li {
  margin: 0 0 0.35em;
  padding: 0;
}
.md-typeset .pdf-cover__meta {
  font-size: 9.5pt;
  color: #333;
}
.md-typeset .pdf-toc {
  break-after: page;
}
.md-typeset .pdf-toc__title {
  margin: 0 0 1em;
  font-size: 20pt;
  font-weight: 700;
}
.md-typeset .pdf-toc ol {
  margin: 0;
  padding: 0;
  list-style: none;
}
.md-typeset .pdf-toc li {
  margin: 0;
  padding: 0;
}
.md-typeset .pdf-toc__section {
  margin: 0.9em 0 0.2em;
  font-weight: 700;
}
.md-typeset .pdf-toc ol ol li {
  margin-left: 1.5em;
}
.md-typeset .pdf-toc__entry {
  margin: 0.2em 0;
}
/* Each entry ends with dots and the page its page starts on. */
.md-typeset .pdf-toc__entry a::after {
  content: leader(". ") target-counter(attr(href url), page);
}
"""


# CSS added to every page of the handbook.
def get_stylesheet() -> str:
    return STYLESHEET


# The website page with a "Download the handbook" link at the top of its article.
def modify_html(html: str, href: str) -> str:
    if ARTICLE_OPEN not in html:
        raise ValueError(f"no {ARTICLE_OPEN} to put the handbook download link in")
    link = (f'<p class="handbook-download"><a href="{href}" download>'
            f'Download the handbook (PDF, {settings["size_placeholder"]})</a></p>')
    return html.replace(ARTICLE_OPEN, ARTICLE_OPEN + link, 1)


# Fix 1: a relative link as it must read in the combined PDF.
def transform_href(href: str, rel_url: str) -> str:
    """``#<page>:<id>`` for a link to a page of the site (``<page>`` being its
    path from the site root without ``.html``, as the plugin's ``transform_id``
    writes ids); the live address, or nothing, for a link to any other file."""
    path, _, fragment = href.partition("#")
    if not path:
        target = rel_url
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(rel_url), path.split("?")[0]))
        if not target.endswith(".html") or target.startswith("../"):
            site_url = settings["site_url"]
            if site_url and not target.startswith("../"):
                return site_url.rstrip("/") + "/" + target + (f"#{fragment}" if fragment else "")
            return ""  # WeasyPrint makes no link from an empty href: the text stays.
    return "#{}:{}".format(target[: -len(".html")], fragment)


# Fix 2: keep a page's HTML for the handbook; a page outside the nav is a warning.
def add_doc(self, content: str, base_url: str, rel_url: str) -> None:
    if rel_url not in self.page_order:
        log.warning(f"handbook PDF: {rel_url} is not in the nav, so the handbook leaves it out")
        return
    self.pages[self.page_order.index(rel_url)] = (content, base_url, rel_url)


# Fix 3: lay out all pages as one document, set the metadata, write the PDF.
def write_combined_pdf(self, output_path: str) -> None:
    """Each nav page goes through the plugin's own preparation (ids made
    ``<page>:<id>``, links rewritten, asset addresses made absolute), then its
    ``<article>`` becomes one ``<section>`` of a single document with the
    first page's ``<head>``: the stylesheets are read once, and CSS can refer
    across pages (``target-counter()`` numbers the contents, ``counter(pages)``
    the footer)."""
    missing = [url for url, page in zip(self.page_order, self.pages) if page is None]
    if missing:
        raise PluginError(f"handbook PDF: these nav pages were not rendered: {', '.join(missing)}")
    head, body, articles = None, None, {}
    for content, base_url, rel_url in self.pages:
        content = content.replace(settings["size_placeholder"], settings["size_in_pdf"])
        soup = _prep.get_combined(BeautifulSoup(content, "html.parser"), base_url, rel_url)
        article = soup.find("article")
        if article is None or soup.head is None:
            raise PluginError(f"handbook PDF: {rel_url} has no <head> or <article>")
        if head is None:
            style = soup.new_tag("style")
            style.string = self.theme.get_stylesheet()
            soup.head.append(style)
            head = soup.head
            body = " ".join(f'{key}="{html.escape(value)}"' for key, value in soup.body.attrs.items()
                            if key != "id" and isinstance(value, str))
        articles[rel_url] = article
    _check_links(articles)
    sections = "".join(f'<section class="pdf-page" id="{html.escape(url[: -len(".html")])}:">{article}</section>'
                       for url, article in articles.items())
    document = _html(string=f'<!doctype html><html lang="{settings["lang"]}">{head}'
                            f'<body {body}>{sections}</body></html>')
    try:
        rendered = document.render()
    except FatalURLFetchingError as exc:  # the cause names the address
        raise PluginError(f"handbook PDF: {exc.__cause__ or exc}") from exc
    rendered.metadata.title = settings["title"]
    rendered.metadata.authors = list(settings["authors"])
    rendered.metadata.description = settings["description"]
    rendered.metadata.lang = settings["lang"]
    rendered.write_pdf(output_path)
    written.update(path=output_path, pages=len(rendered.pages))


def _check_links(articles: dict) -> None:
    """Log each link to an id that is not in the handbook, naming the page it is on.
    (WeasyPrint logs "No anchor" for it too, without the page.)"""
    ids = {element["id"] for article in articles.values() for element in article.find_all(id=True)}
    ids.update(f"{url[: -len('.html')]}:" for url in articles)
    for url, article in articles.items():
        for target in sorted({a["href"][1:] for a in article.find_all("a", href=True)
                              if a["href"].startswith("#")} - ids):
            page, _, anchor = target.partition(":")
            where = f"{page}.html#{anchor}" if anchor else f"{page}.html"
            log.warning(f"handbook PDF: {url} links to {where}, which is not in the handbook (no such page or id)")


# WeasyPrint reads local files only, and a file it cannot read is an error.
class LocalOnlyFetcher(URLFetcher):
    def fetch(self, url, headers=None):
        if not url.startswith(LOCAL_SCHEMES):
            raise ValueError(f"refused to fetch {url}: the handbook may only read files of the built site")
        return super().fetch(url, headers)


def _html(**kwargs) -> weasyprint.HTML:
    return weasyprint.HTML(url_fetcher=LocalOnlyFetcher(fail_on_errors=True), media_type="print", **kwargs)


# Put the fixes where the plugin looks them up. Idempotent: MkDocs' live
# reload loads this file again on every rebuild.
_prep.transform_href = transform_href
_renderer.Renderer.add_doc = add_doc
_renderer.Renderer.write_combined_pdf = write_combined_pdf
