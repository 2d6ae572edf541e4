"""MkDocs hook: build ``downloads/checklists.pdf``, every checklist on its own A4 page.

The PDF is printed with WeasyPrint from the built checklist pages, with the
same print styles a browser uses (``overrides/assets/stylesheets/print.css``),
so the download and a page printed from the site look alike. The checklists
are the pages under ``checklists/`` in the nav (not its index), in nav order.

- WeasyPrint reads local files only: any other address (a font, an image on
  another host) stops the build with an error naming that address.
- A checklist that fills more than one A4 page stops the build, naming the file:
  the site promises that each checklist fits on one sheet.
- Links: with ``site_url`` set they point at the live site; without it they are
  dropped, so the PDF never links into the folder it was built in.

Run it alone on an already-built site: ``python scripts/checklists_pdf.py [SITE_DIR]``.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
CONFIG_FILE = ROOT / "mkdocs.yml"
PDF_URI = "downloads/checklists.pdf"
SECTION = "checklists/"
SECTION_INDEX = "checklists/index.md"
# Only these kinds of address may be read while printing: files of the built
# site, and data: URLs written inside its own stylesheets.
LOCAL_SCHEMES = ("file:", "data:")

# Added to the site's own styles for the PDF only: A4 portrait, and one
# bookmark per checklist (its title) in the PDF's outline.
PDF_CSS = """
@page { size: A4 portrait; }
h1 { bookmark-level: 1; }
h2, h3, h4, h5, h6 { bookmark-level: none; }
article + article { break-before: page; }
"""

ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.S)
BODY_OPEN = re.compile(r"<body\b[^>]*>")
ANCHOR_HREF = re.compile(r'(<a\b[^>]*?)\shref="([^"]*)"')
# ids, and links to them: prefixed per sheet, so no two sheets share an anchor.
ID_ATTR = re.compile(r'\sid="([^"]*)"')
FRAGMENT_HREF = re.compile(r'\shref="#([^"]*)"')


def checklist_sources(nav) -> list[str]:
    """Markdown sources of the checklists, in nav order, from the ``nav:`` setting."""
    found = []

    def walk(items):
        for item in items or []:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            elif isinstance(value, str) and value.startswith(SECTION) and value != SECTION_INDEX:
                found.append(value)

    walk(nav)
    return found


def _refuse_remote(url: str) -> None:
    if not url.startswith(LOCAL_SCHEMES):
        raise ValueError(f"checklists.pdf: refused to fetch {url}: only files of the built site may be read")


def local_fetcher():
    """A WeasyPrint URL fetcher that reads local files and refuses everything else."""
    from weasyprint.urls import URLFetcher

    class LocalOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            _refuse_remote(url)
            return super().fetch(url, headers)

    # fail_on_errors: a refused or missing file stops the print instead of being skipped.
    return LocalOnlyFetcher(fail_on_errors=True)


def _pdf_links(html: str, page_url: str, site_url: str | None) -> str:
    """Point the page's relative links at ``site_url``, or drop them if it is not set."""

    def fix(match: re.Match) -> str:
        start, href = match.groups()
        if urlsplit(href).scheme or href.startswith("#"):
            return match.group(0)
        return f'{start} href="{urljoin(site_url + page_url, href)}"' if site_url else start

    return ANCHOR_HREF.sub(fix, html)


def _sheet(html: str, n: int, page_url: str, site_url: str | None) -> str:
    """The page's ``<article>`` as sheet ``n``: ids made unique, links fixed."""
    match = ARTICLE.search(html)
    body = _pdf_links(match.group(1), page_url, site_url)
    body = ID_ATTR.sub(lambda m: f' id="sheet-{n}-{m.group(1)}"', body)
    body = FRAGMENT_HREF.sub(lambda m: f' href="#sheet-{n}-{m.group(1)}"', body)
    return f'<article id="sheet-{n}" class="md-content__inner md-typeset">{body}</article>'


def build_pdf(site: Path, pages: list[tuple[str, str, str]], site_name: str, site_url: str | None,
              target: Path | None = None) -> Path:
    """Print ``pages`` (source, built file, page URL) from ``site`` into one PDF; return its path.

    The articles of the built pages go into one document, each starting a new
    page, with the first page's head (and so its stylesheets): WeasyPrint then
    reads Material's large stylesheet once, not once per checklist. The
    checklists all live in one folder, so one base address serves them all.
    """
    from weasyprint import CSS, HTML
    from weasyprint.urls import FatalURLFetchingError

    if not pages:
        raise PluginError(f"checklists.pdf: no checklist pages under {SECTION} in the nav")
    target = target or site / PDF_URI
    sheets, head = [], None
    for n, (src, dest, url) in enumerate(pages):
        page_file = site / dest
        if not page_file.is_file():
            raise PluginError(f"checklists.pdf: docs/{src} was not built ({page_file} is missing)")
        html = page_file.read_text(encoding="utf-8")
        if not ARTICLE.search(html) or not BODY_OPEN.search(html):
            raise PluginError(f"checklists.pdf: no <article> or <body> in {page_file}")
        head = head or html[: BODY_OPEN.search(html).end()]
        sheets.append(_sheet(html, n, url, site_url))
    fetcher = local_fetcher()
    try:
        document = HTML(string=head + "".join(sheets) + "</body></html>",
                        base_url=(site / pages[0][1]).resolve().as_uri(), url_fetcher=fetcher,
                        media_type="print").render(stylesheets=[CSS(string=PDF_CSS, url_fetcher=fetcher)])
    except FatalURLFetchingError as exc:  # the cause names the address
        raise PluginError(f"checklists.pdf: {exc.__cause__ or exc}") from exc
    if len(document.pages) != len(pages):
        # An article split over pages leaves its id on each of them.
        for n, (src, _, _) in enumerate(pages):
            used = sum(f"sheet-{n}" in page.anchors for page in document.pages)
            if used > 1:
                raise PluginError(f"docs/{src}: fills {used} A4 pages in checklists.pdf; "
                                  "each checklist must fit on one sheet")
        raise PluginError(f"checklists.pdf: {len(document.pages)} pages for {len(pages)} checklists")
    document.metadata.title = f"{site_name}: checklists"
    document.metadata.description = f"Every checklist from {site_name}, one per page, to print and fill in."
    target.parent.mkdir(parents=True, exist_ok=True)
    document.write_pdf(target)
    return target


def _pages(config_nav, use_directory_urls: bool) -> list[tuple[str, str, str]]:
    pages = []
    for src in checklist_sources(config_nav):
        file = File(src, src_dir=None, dest_dir="", use_directory_urls=use_directory_urls)
        pages.append((src, file.dest_uri, file.url))
    return pages


# Register the PDF so the Markdown link to it passes the strict link check; it
# is written in on_post_build, once the checklist pages exist.
def on_files(files, config, **kwargs):
    files.append(File.generated(config, PDF_URI, content=b""))
    return files


# Default priority: runs before output_hooks.py zips the site, so the zip holds the PDF.
def on_post_build(config, **kwargs):
    build_pdf(Path(config["site_dir"]), _pages(config["nav"], config["use_directory_urls"]),
              config["site_name"], config["site_url"])


def main(argv=None) -> int:
    """Build the PDF from an already-built site folder, with the settings in mkdocs.yml."""
    from mkdocs.config import load_config

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", nargs="?", type=Path, help="the built site (default: site_dir in mkdocs.yml)")
    parser.add_argument("-o", "--output", type=Path, help=f"where to write the PDF (default: SITE_DIR/{PDF_URI})")
    args = parser.parse_args(argv)
    config = load_config(str(CONFIG_FILE))
    site = args.site_dir or Path(config["site_dir"])
    try:
        target = build_pdf(site, _pages(config["nav"], config["use_directory_urls"]),
                           config["site_name"], config["site_url"], args.output)
    except PluginError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
