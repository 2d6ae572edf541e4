"""The print pipeline: every PDF the site ships is written here, the same way.

The handbook, the checklists and the incident log all come through
:func:`write`: HTML in, a tagged PDF/UA-1 file out, with the document's
language, title, author and subject set, and WeasyPrint allowed to read local
files only. Site pages are first joined into one document by :func:`combine`,
which gives each page's ids a page prefix and points every link either at a
page inside the document, at the live site (``site_url``), or nowhere.

The print look is one stylesheet, ``overrides/assets/stylesheets/print.css``,
shared with a browser's Print command; rules only for these PDFs there are
scoped to ``html.pdf-document`` (and to ``pdf-handbook``, ``pdf-checklists``
or ``pdf-incident-log``), the classes :func:`document_html` puts on ``<html>``.
"""

from __future__ import annotations

import functools
import html as html_lib
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.exceptions import PluginError

import pdf_tag_fixes

ROOT = Path(__file__).resolve().parent.parent
PRINT_CSS = ROOT / "overrides" / "assets" / "stylesheets" / "print.css"

# The same options for every PDF: tagged (headings, lists, tables, reading
# order for screen readers) and declared PDF/UA-1.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}
# Only these kinds of address may be read while printing: files of the built
# site, and data: URLs written inside its own stylesheets.
LOCAL_SCHEMES = ("file:", "data:")


@dataclass(frozen=True)
class PrintPage:
    """One built page to print: its URL in the site (``guide/a.html``), final HTML and file."""

    url: str
    html: str
    path: Path

    @property
    def key(self) -> str:
        """The page's id prefix in a combined document: its URL without ``.html``."""
        return self.url[: -len(".html")] if self.url.endswith(".html") else self.url


def local_fetcher():
    """A WeasyPrint URL fetcher that reads local files and refuses everything else."""
    from weasyprint.urls import URLFetcher

    class LocalOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not url.startswith(LOCAL_SCHEMES):
                raise ValueError(f"refused to fetch {url}: a PDF may only read files of the built site")
            return super().fetch(url, headers)

    # fail_on_errors: a refused or missing file stops the print instead of being skipped.
    return LocalOnlyFetcher(fail_on_errors=True)


# What joining pages into one document reads and rewrites in each page.
# The page's content with its <article class="md-content__inner md-typeset">, which print.css styles.
ARTICLE = re.compile(r"<article\b[^>]*>.*</article>", re.S)
HEAD = re.compile(r"<head\b[^>]*>.*?</head>", re.S)
ID_ATTR = re.compile(r'(\sid=")([^"]*)(")')
# A whole link (links never nest) and its opening tag's attributes.
LINK = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.S)
# What a link points at inside a combined document, held by something that is not a link:
# the handbook contents' page numbers (overrides/partials/handbook-front.html).
PAGE_OF_ATTR = re.compile(r'(\sdata-page-of=")([^"]*)(")')
ABBR_TAG = re.compile(r"</?abbr\b[^>]*>")
# A glossary term's link (scripts/glossary.py).
GLOSSARY_TERM = 'class="glossary-term"'
PRINT_FOOTER = re.compile(r'<p class="print-footer">(.*?)</p>', re.S)
FRONT_HEADING = re.compile(r'<p\b[^>]*\sdata-pdf-heading="(\d)"[^>]*>(.*?)</p>', re.S)
SRC_ATTR = re.compile(r'(\ssrc=")([^"]*)(")')


def link_target(href: str, page_url: str, keys: set[str], site_url: str | None) -> str | None:
    """Where a link on ``page_url`` points inside a combined document.

    ``#<page>:<id>`` for a page of the document (``<page>`` is the page's URL
    without ``.html``); the live address when ``site_url`` is set, for any
    other file of the site; ``None`` (no link, the text stays) otherwise.
    Links with a scheme (web, phone, email) are kept as they are.
    """
    if urlsplit(href).scheme:
        return href
    path, _, fragment = href.partition("#")
    if not path:
        return f"#{page_url[: -len('.html')]}:{fragment}"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), path.split("?")[0]))
    key = target[: -len(".html")] if target.endswith(".html") else None
    if key in keys:
        return f"#{key}:{fragment}"
    if site_url and not target.startswith("../"):
        return site_url.rstrip("/") + "/" + target + (f"#{fragment}" if fragment else "")
    return None


def _section(page: PrintPage, keys: set[str], site_url: str | None, addresses: bool = False) -> str:
    """The page's ``<article>`` as a ``<section>``: ids prefixed, links and sources resolved.

    A link whose target is not in the document (nor on the live site) becomes
    plain text: a ``<span>`` with the link's classes, so a screen reader meets
    no link that goes nowhere. Glossary terms are plain words (their links and
    ``<abbr>`` marks would only add tab stops and split links in the PDF). With ``addresses``, a link
    to the web is followed by its address in brackets, outside the link, for
    paper.
    """
    match = ARTICLE.search(page.html)
    if not match:
        raise PluginError(f"{page.url}: no <article> to print")
    body = ID_ATTR.sub(lambda m: f"{m.group(1)}{page.key}:{m.group(2)}{m.group(3)}", match.group(0))

    def resolve(href: str) -> str | None:
        return link_target(html_lib.unescape(href), page.url, keys, site_url)

    def link(m: re.Match) -> str:
        attributes, content = m.group(1), ABBR_TAG.sub("", m.group(2))
        href = re.search(r'\shref="([^"]*)"', attributes)
        if GLOSSARY_TERM in attributes:
            # On paper a glossary term is a word like any other (the glossary is at the back).
            return content
        if href is None:
            return f"<span{attributes}>{content}</span>"
        target = resolve(href.group(1))
        rest = attributes[:href.start()] + attributes[href.end():]
        if target is None:
            return f"<span{rest}>{content}</span>"
        out = f'<a{rest} href="{html_lib.escape(target)}">{content}</a>'
        if addresses and target.startswith(("http://", "https://")):
            out += f'<span class="pdf-address"> ({html_lib.escape(target)})</span>'
        return out

    body = LINK.sub(link, body)

    def page_of(m: re.Match) -> str:
        target = resolve(m.group(2))
        return f"{m.group(1)}{html_lib.escape(target or '')}{m.group(3)}"

    body = PAGE_OF_ATTR.sub(page_of, body)
    base = page.path.resolve().as_uri()
    body = SRC_ATTR.sub(lambda m: f"{m.group(1)}{urljoin(base, m.group(2))}{m.group(3)}", body)
    return f'<section class="pdf-page" id="{html_lib.escape(page.key)}:">{body}</section>'


def missing_targets(document: str) -> list[str]:
    """Links to an id the document lacks, each as '<page> links to <target>'."""
    ids = set(re.findall(r'\sid="([^"]*)"', document))
    problems = []
    for section_id, body in re.findall(r'<section class="pdf-page" id="([^"]*)">(.*?)</section>', document, re.S):
        for target in sorted(set(re.findall(r'\shref="#([^"]*)"', body)) - ids):
            page, _, anchor = html_lib.unescape(target).partition(":")
            where = f"{page}.html#{anchor}" if anchor else f"{page}.html"
            problems.append(f"{section_id[:-1]}.html links to {where}, which is not in the PDF (no such page or id)")
    return problems


def combine(pages: list[PrintPage], site_url: str | None, addresses: bool = False) -> tuple[str, str]:
    """The first page's ``<head>`` and the pages' articles as one body, in order.

    ``addresses``: print each web link's address after it (see :func:`_section`).
    """
    if not pages:
        raise PluginError("print_pdf: no pages to print")
    head = HEAD.search(pages[0].html)
    if not head:
        raise PluginError(f"{pages[0].url}: no <head> to print with")
    keys = {page.key for page in pages}
    return head.group(0), "".join(_section(page, keys, site_url, addresses) for page in pages)


def document_html(head: str, body: str, kind: str, lang: str) -> str:
    """A whole HTML document of ``kind`` (handbook, checklists, incident-log) for print.css."""
    return (f'<!DOCTYPE html><html lang="{lang}" class="pdf-document pdf-{kind}">'
            f"{head}<body>{body}</body></html>")


def render(html: str, base_url: str, where: str, forms: bool = False):
    """Lay out ``html`` for print; an address it may not or cannot read stops the build.

    ``forms``: inputs, text areas and selects become PDF form fields (at layout time).
    """
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    try:
        document = HTML(string=html, base_url=base_url, url_fetcher=local_fetcher(), media_type="print").render(
            pdf_forms=forms or None, **PDF_OPTIONS)
    except FatalURLFetchingError as exc:  # the cause names the address
        raise PluginError(f"{where}: {exc.__cause__ or exc}") from exc
    # What the text says, for pdf_tag_fixes to tell a wrap at a space from one inside a word.
    document.source_text = source_text(html)
    # Paragraphs that are headings to a screen reader (data-pdf-heading), in order.
    document.pdf_headings = [(int(level), " ".join(source_text(text).split()))
                             for level, text in FRONT_HEADING.findall(html)]
    document.pdf_continued = continued_levels(document)
    # The line under each checklist saying where the sheet came from: page furniture.
    document.pdf_furniture = {" ".join(source_text(text).split()) for text in PRINT_FOOTER.findall(html)}
    return document


def continued_levels(document) -> list[int]:
    """For each page after the first, how many nested elements (below ``<body>``) go on from the page before.

    A list cut by a page break goes on: its section, the list and so on. WeasyPrint
    tags each page on its own, and pdf_tag_fixes joins what goes on (correction 9).
    """
    from weasyprint.formatting_structure import boxes

    def chain(page, last: bool) -> list:
        found, box = [], page._page_box
        while isinstance(box, boxes.ParentBox) and box.children:
            blocks = [kid for kid in box.children
                      if not isinstance(kid, boxes.LineBox | boxes.InlineLevelBox | boxes.MarginBox)]
            if not blocks:
                break
            box = blocks[-1] if last else blocks[0]
            if box.element_tag not in ("html", "body"):
                found.append((box.element_tag, id(box.element)))
        return found

    levels = []
    for before, page in zip(document.pages, document.pages[1:], strict=False):
        ends, starts, shared = chain(before, True), chain(page, False), 0
        while shared < min(len(ends), len(starts)) and ends[shared] == starts[shared]:
            shared += 1
        levels.append(shared)
    return levels


def source_text(html: str) -> str:
    """The words of ``html``'s body, tags and entities resolved, without styles or scripts."""
    body = re.sub(r"<(head|style|script)\b.*?</\1>", " ", html, flags=re.S)
    # Inline tags join words ("<strong>no</strong> contact"); block ends part them.
    body = re.sub(r"</?(p|li|h\d|td|th|tr|div|section|br|ul|ol|table|nav|article)\b[^>]*>", " ", body)
    return html_lib.unescape(re.sub(r"<[^>]+>", "", body))


@functools.cache
def _link_words(lang: str) -> dict:
    """The edition's words for link descriptions: read once per language per build."""
    import strings

    return strings.load_strings(lang)["pdf_links"]


def write(document, target: Path | None, *, title: str, lang: str, description: str,
          authors: list[str] | None = None) -> bytes | None:
    """Set the metadata and write the laid-out ``document`` to ``target`` (or return the bytes).

    Form fields, if any, were made when :func:`render` laid it out.
    """
    document.metadata.title = title
    document.metadata.lang = lang
    document.metadata.description = description
    document.metadata.authors = list(authors or [])
    # What WeasyPrint writes, corrected where it reads badly to a screen reader (pdf_tag_fixes).
    data = pdf_tag_fixes.correct(document.write_pdf(None, **PDF_OPTIONS), getattr(document, "source_text", None),
                                 getattr(document, "pdf_headings", ()), getattr(document, "pdf_furniture", ()),
                                 getattr(document, "pdf_continued", ()), link_words=_link_words(lang))
    if target is None:
        return data
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return None
