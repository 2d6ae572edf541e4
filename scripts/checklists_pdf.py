"""Build ``downloads/checklists.pdf``: every checklist on its own A4 page.

The checklist pages (those under ``checklists/`` in the nav, not its index, in
nav order) are printed from the built site through the print pipeline
(``print_pdf``), with the same print styles a browser uses, so the download
and a page printed from the site look alike.

- A checklist that fills more than one A4 page stops the build, naming the
  file: the site promises that each checklist fits on one sheet.
- Links between checklists stay inside the PDF; other links point at the
  live site when ``site_url`` is set and are dropped otherwise, so the PDF
  never links into the folder it was built in.

Run it alone on an already-built site: ``python scripts/checklists_pdf.py [SITE_DIR]``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

import print_pdf
from checklist_items import checklist_sources

ROOT = Path(__file__).resolve().parent.parent
CONFIG_FILE = ROOT / "mkdocs.yml"
PDF_URI = "downloads/checklists.pdf"


def build_pdf(site: Path, pages: list[tuple[str, str, str]], site_name: str, site_url: str | None,
              lang: str = "en", target: Path | None = None, words: dict | None = None) -> Path:
    """Print ``pages`` (source, built file, page URL) from ``site`` into one PDF; return its path.

    ``words``: the edition's title and description ({site} is the site's name), English if not given.
    """
    if not pages:
        raise PluginError("checklists.pdf: no checklist pages under checklists/ in the nav")
    target = target or site / PDF_URI
    printed = []
    for src, dest, url in pages:
        page_file = site / dest
        if not page_file.is_file():
            raise PluginError(f"checklists.pdf: docs/{src} was not built ({page_file} is missing)")
        printed.append(print_pdf.PrintPage(url, page_file.read_text(encoding="utf-8"), page_file))
    head, body = print_pdf.combine(printed, site_url)
    document = print_pdf.render(print_pdf.document_html(head, body, "checklists", lang),
                                printed[0].path.resolve().as_uri(), "checklists.pdf")
    if len(document.pages) != len(pages):
        # A checklist split over pages leaves its section id on each of them.
        for (src, _, _), page in zip(pages, printed, strict=True):
            used = sum(f"{page.key}:" in sheet.anchors for sheet in document.pages)
            if used > 1:
                raise PluginError(f"docs/{src}: fills {used} A4 pages in checklists.pdf; "
                                  "each checklist must fit on one sheet")
        raise PluginError(f"checklists.pdf: {len(document.pages)} pages for {len(pages)} checklists")
    words = words or {"checklists_title": "{site}: checklists",
                      "checklists_description": "Every checklist from {site}, one per page, to print and fill in."}
    print_pdf.write(document, target, title=words["checklists_title"].format(site=site_name), lang=lang,
                    description=words["checklists_description"].format(site=site_name))
    return target


def nav_pages(sources: list[str], use_directory_urls: bool) -> list[tuple[str, str, str]]:
    """(source, built file, URL) of each checklist page."""
    pages = []
    for src in sources:
        file = File(src, src_dir=None, dest_dir="", use_directory_urls=use_directory_urls)
        pages.append((src, file.dest_uri, file.url))
    return pages


def build_for_site(config, checklists, words: dict | None = None) -> Path:
    """The build step: print ``checklists`` (``SiteData.checklists``, in nav order) from the site just built."""
    sources = [checklist.src for checklist in checklists]
    return build_pdf(Path(config["site_dir"]), nav_pages(sources, config["use_directory_urls"]),
                     config["site_name"], config["site_url"], config["theme"]["language"], words=words)


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
        target = build_pdf(site, nav_pages(checklist_sources(config["nav"]), config["use_directory_urls"]),
                           config["site_name"], config["site_url"], config["theme"]["language"], args.output)
    except PluginError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
