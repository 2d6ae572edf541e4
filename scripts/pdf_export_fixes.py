"""What the project corrects in mkdocs-pdf-export-plugin 0.5.10, all in one place.

The plugin (``pdf-export`` in mkdocs.yml, ``combined: true``) stays the
handbook's entry point: it collects every nav page's final HTML in nav order
and asks for the combined PDF once the build is done. Where it goes wrong,
this module corrects it. Each correction is numbered here and checked by
``tests/test_pdf_export_fixes.py``, which fails if a plugin upgrade changes
the behaviour being corrected (so the correction can be reviewed or dropped).

1. Import noise: the plugin's modules compare with ``is 0``, a
   ``SyntaxWarning`` on every build. They are imported once, quietly.
2. Logging: the plugin adds a handler that prints WeasyPrint's messages to the
   console, where ``--strict`` never sees them. It is removed, and WeasyPrint's
   errors go to MkDocs' log as warnings (so ``--strict`` fails on them).
3. ``Renderer.add_doc``: a page outside the nav raised ``ValueError``, which
   the plugin printed and ignored. Here it is a warning naming the page.
4. ``Renderer.add_link`` (via the theme handler) edits every website page to
   add a download link. The link is in the site's template instead, so the
   pages are left as they are.
5. ``Renderer.write_combined_pdf`` printed each page as its own document (no
   numbered contents, Material's stylesheet parsed once per page), printed
   "not all pages were rendered properly" and wrote the PDF anyway, and
   rewrote links wrongly (``prep.transform_href`` only knew a page by a
   trailing ``.html`` and ignored the page's own folder). Here the whole
   handbook goes through the site's print pipeline (``print_pdf``) as one
   document, and a missing page stops the build, naming it.

The corrected renderer is put in place by :func:`take_over`, called by the
pipeline right after the plugin's own ``on_nav`` made its renderer.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable

from mkdocs.exceptions import PluginError

PLUGIN = "pdf-export"
PLUGIN_VERSION = "0.5.10"

log = logging.getLogger("mkdocs.plugins.handbook")


def plugin_of(config):
    """The pdf-export plugin's instance, or None when it is switched off (``enabled: false``)."""
    return config.plugins.get(PLUGIN)


# Correction 1. (Nothing to import when the plugin is switched off, as in a quick preview.)
def import_quietly(config) -> None:
    if plugin_of(config) is None:
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        import mkdocs_pdf_export_plugin.renderer  # noqa: F401


class _ToMkDocsLog(logging.Handler):
    """Passes WeasyPrint's messages on to MkDocs' log as warnings."""

    def emit(self, record: logging.LogRecord) -> None:
        log.warning(f"PDF: WeasyPrint: {record.getMessage()}")


# Correction 2. Errors only: WeasyPrint's warnings are about Material's screen
# CSS it does not support (masks, media queries), not about the PDFs. Every PDF
# of the site is printed with WeasyPrint, so this holds for all of them.
def route_weasyprint_log(config) -> None:
    if plugin_of(config) is None:
        return
    from weasyprint.logger import LOGGER

    for existing in list(LOGGER.handlers):
        if isinstance(existing, (logging.StreamHandler, _ToMkDocsLog)):
            LOGGER.removeHandler(existing)
    LOGGER.addHandler(_ToMkDocsLog(level=logging.ERROR))
    LOGGER.propagate = False


def corrected_renderer(base, write: Callable[[list[tuple[str, str, str]], str], None]):
    """An instance of the plugin's ``Renderer`` with corrections 3 to 5, taking over
    ``base``'s page order. ``write(pages, output_path)`` prints the handbook."""
    from mkdocs_pdf_export_plugin.renderer import Renderer

    class CorrectedRenderer(Renderer):
        def __init__(self):
            # Not Renderer.__init__: it would load a theme handler this site does not use.
            self.combined = True
            self.page_order = list(base.page_order)
            self.pages = [None] * len(self.page_order)
            self.pgnum = 0
            self.theme = None

        # Correction 3.
        def add_doc(self, content: str, base_url: str, rel_url: str) -> None:
            if rel_url not in self.page_order:
                log.warning(f"handbook PDF: {rel_url} is not in the nav, so the handbook leaves it out")
                return
            self.pages[self.page_order.index(rel_url)] = (content, base_url, rel_url)

        # Correction 4.
        def add_link(self, content: str, filename: str) -> str:
            return content

        # Correction 5.
        def write_combined_pdf(self, output_path: str) -> None:
            missing = [url for url, page in zip(self.page_order, self.pages, strict=True) if page is None]
            if missing:
                raise PluginError(f"handbook PDF: these nav pages were not rendered: {', '.join(missing)}")
            write(self.pages, output_path)

    return CorrectedRenderer()


def check_settings(config) -> None:
    """The settings the handbook needs, or an error naming mkdocs.yml."""
    plugin = plugin_of(config)
    if plugin is None:
        return
    if not plugin.config.get("combined"):
        raise PluginError(f"mkdocs.yml: the '{PLUGIN}' plugin needs 'combined: true'")
    if plugin.config.get("theme_handler_path"):
        raise PluginError(f"mkdocs.yml: the '{PLUGIN}' plugin needs no 'theme_handler_path': "
                          "scripts/pdf_export_fixes.py prints the handbook")


def take_over(config, write) -> None:
    """Put the corrected renderer in place of the one the plugin's ``on_nav`` made."""
    plugin = plugin_of(config)
    if plugin is None:
        return
    if plugin.renderer is None:
        raise PluginError(f"the '{PLUGIN}' plugin made no renderer in on_nav; has the plugin changed?")
    plugin.renderer = corrected_renderer(plugin.renderer, write)
