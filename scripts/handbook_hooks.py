"""MkDocs hooks for the handbook: the whole guide as one PDF.

The PDF itself is made by the ``pdf-export`` plugin (mkdocs-pdf-export-plugin,
WeasyPrint, ``combined: true``) with our theme handler,
``overrides/pdf_handler.py``, which also corrects the plugin's link rewriting
and error handling (see its docstring). These hooks do the rest:

- check the plugin's settings, load the handler from the path given in
  mkdocs.yml (relative to mkdocs.yml, not to the folder MkDocs runs in), and
  stop the build if the plugin did not use it;
- send WeasyPrint's errors (a missing anchor, a file it cannot read) to
  MkDocs' log as warnings, so ``--strict`` fails on them;
- put the cover (title, purpose, the help-now numbers from
  ``data/helplines.yml``, the build date) and the table of contents at the top
  of the start page, in a block shown only in the PDF;
- once the PDF is written, put its size into every page's download link, in
  place of ``[[HANDBOOK_SIZE]]`` (also usable in a page's Markdown).

``HANDBOOK=off`` in the environment skips the PDF, for quick test builds.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import os
import posixpath
import warnings
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

import helplines

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "pdf-export"
TITLE = "Going No Contact: the handbook"
PURPOSE = "A calm, plain-language guide to going no contact with an abusive ex-partner, and to staying safe."
SIZE_PLACEHOLDER = "[[HANDBOOK_SIZE]]"
# What the placeholder reads as inside the handbook itself.
SIZE_IN_PDF = "you are reading it"
# Built files that may hold the placeholder: the pages and the search index.
SIZE_FILES = ("*.html", "search/*.js", "search/*.json")

log = logging.getLogger("mkdocs.plugins.handbook")

# The PDF's path in the site, from the plugin's combined_output_path (on_config).
_state: dict[str, object] = {}


class _ToMkDocsLog(logging.Handler):
    """Passes WeasyPrint's messages on to MkDocs' log as warnings."""

    def emit(self, record: logging.LogRecord) -> None:
        log.warning(f"handbook PDF: WeasyPrint: {record.getMessage()}")


# The pdf-export plugin's instance, or an error saying it is missing.
def _plugin(config):
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        raise PluginError(f"mkdocs.yml: the '{PLUGIN}' plugin is not listed under plugins:")
    return plugin


# Check the plugin's settings, point it at our handler, route WeasyPrint's log.
@event_priority(-50)
def on_config(config, **kwargs):
    plugin = _plugin(config)
    if not plugin.config.get("combined"):
        raise PluginError(f"mkdocs.yml: the '{PLUGIN}' plugin needs 'combined: true'")
    _state["pdf_uri"] = plugin.config["combined_output_path"]
    if os.environ.get("HANDBOOK") == "off":
        plugin.enabled = False
        log.info("HANDBOOK=off: the handbook PDF is not built")
    handler = plugin.config.get("theme_handler_path")
    if not handler:
        raise PluginError(f"mkdocs.yml: the '{PLUGIN}' plugin needs 'theme_handler_path'")
    path = (Path(config.config_file_path).parent / handler).resolve()
    if not path.is_file():
        raise PluginError(f"mkdocs.yml: theme_handler_path: {path} not found")
    plugin.config["theme_handler_path"] = str(path)
    _state["handler"] = path
    # The plugin's modules compare with "is 0" (a SyntaxWarning on every
    # build); import them once, quietly, before the plugin does.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        import mkdocs_pdf_export_plugin.renderer  # noqa: F401
    from weasyprint.logger import LOGGER
    # The plugin adds a handler that prints to the console and is then ignored.
    for existing in list(LOGGER.handlers):
        if isinstance(existing, (logging.StreamHandler, _ToMkDocsLog)):
            LOGGER.removeHandler(existing)
    # Errors only: WeasyPrint's warnings are about Material's screen CSS it
    # does not support (masks, media queries), not about the handbook.
    forward = _ToMkDocsLog(level=logging.ERROR)
    LOGGER.addHandler(forward)
    LOGGER.propagate = False
    return config


# Register the PDF so Markdown links to it pass the strict link check; the
# plugin writes it in on_post_build.
def on_files(files, config, **kwargs):
    files.append(File.generated(config, _state["pdf_uri"], content=b""))
    return files


# After the plugin has loaded its handler: check it is ours and pass it the settings.
@event_priority(-50)
def on_nav(nav, config, files, **kwargs):
    plugin = _plugin(config)
    if plugin.enabled:
        handler = _handler(plugin)
        handler.configure(title=TITLE, authors=[config.site_author] if config.site_author else [],
                          description=PURPOSE, lang=config.theme["language"], site_url=config.site_url,
                          size_placeholder=SIZE_PLACEHOLDER, size_in_pdf=SIZE_IN_PDF)
    return nav


# The handler module the plugin loaded, if it is ours; else an error naming both.
def _handler(plugin):
    theme = getattr(plugin.renderer, "theme", None)
    if not getattr(theme, "HANDBOOK_HANDLER", False):
        raise PluginError(f"the '{PLUGIN}' plugin did not load {_state['handler']} "
                          f"(it uses {getattr(theme, '__file__', theme)})")
    return theme


# Start page only: the cover and contents go first. on_page_context, not
# on_page_content: by now every page's H1 is known (for the contents), and
# the search plugin (priority 0) has indexed the page without them.
@event_priority(-50)
def on_page_context(context, page, config, nav, **kwargs):
    if page.is_homepage:
        page.content = front_matter_html(config, nav, page) + page.content
    return context


def _built_on() -> dt.date:
    """Today, or SOURCE_DATE_EPOCH's date for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def _h1(page) -> tuple[str, str]:
    """The page's title heading: its text and id."""
    items = page.toc.items
    if not items or items[0].level != 1:
        raise PluginError(f"docs/{page.file.src_uri}: no '# Title' heading for the handbook's contents")
    return items[0].title, items[0].id


def _contents(items, start_dir: str) -> str:
    """The nav as nested lists: each page's H1, linked; each section's name."""
    out = []
    for item in items:
        if item.is_page:
            title, anchor_id = _h1(item)
            href = posixpath.relpath(item.file.url, start_dir or ".")
            out.append(f'<li class="pdf-toc__entry"><a href="{html.escape(href)}#{anchor_id}">'
                       f'{html.escape(title)}</a></li>')
        elif item.is_section:
            out.append(f'<li><p class="pdf-toc__section">{html.escape(item.title)}</p>'
                       f"{_contents(item.children, start_dir)}</li>")
    return f"<ol>{''.join(out)}</ol>"


def help_numbers_html(countries) -> str:
    """One line per country: the emergency number first and in bold, then each helpline."""
    lines = []
    for country in countries:
        others = "".join(f"; {html.escape(e.name)} <strong>{html.escape(e.number)}</strong>"
                         for e in country.entries if e.kind != "emergency")
        lines.append(f"<li><strong>{html.escape(country.name)}</strong>: emergency "
                     f"<strong>{html.escape(country.emergency.number)}</strong>{others}</li>")
    return f"<ul>{''.join(lines)}</ul>"


def front_matter_html(config, nav, page) -> str:
    """The cover and the table of contents, shown only in the PDF (class pdf-only)."""
    numbers = help_numbers_html(helplines.load_countries())
    built = _built_on()
    author = html.escape(config.site_author or "")
    notice = html.escape(config.copyright or "")
    return f"""<div class="pdf-only">
<section class="pdf-cover">
<p class="pdf-cover__title">{html.escape(config.site_name)}</p>
<p class="pdf-cover__subtitle">The handbook</p>
<p class="pdf-cover__purpose">{html.escape(PURPOSE)}</p>
<div class="pdf-cover__help">
<p class="pdf-cover__help-title">Get help now</p>
<p>If you are in danger right now, call your local emergency number.</p>
{numbers}
</div>
<p class="pdf-cover__meta">Built on {built.day} {built:%B %Y} by {author}. {notice}</p>
<p class="pdf-cover__meta">This file stays on the device you save it to.
If someone else uses it, keep the file somewhere private.</p>
</section>
<nav class="pdf-toc" aria-label="Contents">
<p class="pdf-toc__title">Contents</p>
{_contents(nav.items, posixpath.dirname(page.file.url))}
</nav>
</div>
"""


def human_size(size: int) -> str:
    """A file size as a reader sees it: '850 KB', '1.2 MB'."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1_000_000:.1f} MB"


# After the plugin's on_post_build (priority 0) has written the PDF and before
# output_hooks.py (-200) zips the site: check the PDF, put its size in the links.
@event_priority(-150)
def on_post_build(config, **kwargs):
    site = Path(config.site_dir)
    plugin = _plugin(config)
    target = site / _state["pdf_uri"]
    if plugin.enabled:
        if plugin.num_errors:
            raise PluginError(f"handbook PDF: {plugin.num_errors} page(s) failed to convert (see above)")
        written = _handler(plugin).written
        if not written["path"] or Path(written["path"]).resolve() != target.resolve() \
                or not target.read_bytes().startswith(b"%PDF"):
            raise PluginError(f"handbook PDF: {target} was not written by {_state['handler']}")
        size = human_size(target.stat().st_size)
        log.info(f"handbook PDF: {written['pages']} pages, {size}")
    else:
        size = "not built"
    for pattern in SIZE_FILES:
        for path in site.glob(f"**/{pattern}" if pattern == "*.html" else pattern):
            text = path.read_text(encoding="utf-8")
            if SIZE_PLACEHOLDER in text:
                path.write_text(text.replace(SIZE_PLACEHOLDER, size), encoding="utf-8")
