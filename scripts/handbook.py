"""The handbook: the whole guide as one PDF (``downloads/going-no-contact-handbook.pdf``).

The ``pdf-export`` plugin collects every nav page's final HTML in nav order;
``pdf_export_fixes`` hands the pages to :func:`write`, which prints them as
one document through the site's print pipeline (``print_pdf``). The cover
and the numbered contents are the template ``overrides/partials/handbook-front.html``,
shown only in print, at the top of the start page.

The PDF is written after every page is built, so its size cannot be in the
pages when they render: they hold ``[[HANDBOOK_SIZE]]`` (the download link in
``overrides/main.html``, and anywhere a page's Markdown names it), which
:func:`fill_size` replaces once the PDF exists. Inside the PDF itself it reads
"you are reading it".
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

import print_pdf

PDF_URI = "downloads/going-no-contact-handbook.pdf"
TITLE = "Going No Contact: the handbook"
PURPOSE = "A calm, plain-language guide to going no contact with an abusive ex-partner, and to staying safe."
SIZE_PLACEHOLDER = "[[HANDBOOK_SIZE]]"
# What the placeholder reads as inside the handbook itself.
SIZE_IN_PDF = "you are reading it"
# Built files that may hold the placeholder: the pages and the search index.
SIZE_FILES = ("**/*.html", "search/*.js", "search/*.json")

log = logging.getLogger("mkdocs.plugins.handbook")


def human_size(size: int) -> str:
    """A file size as a reader sees it: '850 KB', '1.2 MB'."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1_000_000:.1f} MB"


class Handbook:
    """Prints the handbook for one build and remembers what it wrote."""

    def __init__(self, config, title: str = TITLE, purpose: str = PURPOSE):
        self.config = config
        # The edition's own words (data/strings.yml, handbook section) for the PDF's metadata.
        self.title, self.purpose = title, purpose
        self.written: Path | None = None
        self.pages = 0

    def write(self, rendered: list[tuple[str, str, str]], output_path: str) -> None:
        """Print the plugin's pages, (final HTML, base URL, page URL) in nav order, to ``output_path``."""
        site = Path(self.config.site_dir)
        pages = [print_pdf.PrintPage(url, content.replace(SIZE_PLACEHOLDER, SIZE_IN_PDF), site / url)
                 for content, _, url in rendered]
        head, body = print_pdf.combine(pages, self.config.site_url, addresses=True)
        document = print_pdf.document_html(head, body, "handbook", self.config.theme["language"])
        problems = print_pdf.missing_targets(document)
        for problem in problems:
            log.warning(f"handbook PDF: {problem}")
        laid_out = print_pdf.render(document, pages[0].path.resolve().as_uri(), "handbook PDF")
        print_pdf.write(laid_out, Path(output_path), title=self.title, lang=self.config.theme["language"],
                        description=self.purpose,
                        authors=[self.config.site_author] if self.config.site_author else [])
        self.written, self.pages = Path(output_path), len(laid_out.pages)

    def check_written(self) -> str:
        """The size of the PDF just written, or an error if it was not."""
        target = Path(self.config.site_dir) / PDF_URI
        if self.written is None or self.written.resolve() != target.resolve() \
                or not target.read_bytes().startswith(b"%PDF"):
            raise PluginError(f"handbook PDF: {target} was not written by scripts/handbook.py")
        size = human_size(target.stat().st_size)
        log.info(f"handbook PDF: {self.pages} pages, {size}")
        return size


def fill_size(site: Path, size: str) -> None:
    """Put the handbook's size (or why there is none) where the pages hold the placeholder."""
    for pattern in SIZE_FILES:
        for path in site.glob(pattern):
            text = path.read_text(encoding="utf-8")
            if SIZE_PLACEHOLDER in text:
                path.write_text(text.replace(SIZE_PLACEHOLDER, size), encoding="utf-8")
