"""The corrections to mkdocs-pdf-export-plugin (scripts/pdf_export_fixes.py) still fit the plugin.

Each test pins what a correction relies on or corrects. If a plugin upgrade
changes it, the test fails, naming the correction to review: it may no longer
be needed, or may need to change.
"""

from __future__ import annotations

import hashlib
import inspect
import warnings
from importlib import metadata

import pytest

import pdf_export_fixes  # noqa: E402

with warnings.catch_warnings():  # correction 1: the plugin's modules warn on import
    warnings.simplefilter("ignore", SyntaxWarning)
    import mkdocs_pdf_export_plugin.renderer  # noqa: F401

from mkdocs_pdf_export_plugin.plugin import PdfExportPlugin  # noqa: E402
from mkdocs_pdf_export_plugin.preprocessor import prep  # noqa: E402
from mkdocs_pdf_export_plugin.renderer import Renderer  # noqa: E402

# SHA-256 of the source of each plugin function a correction replaces or relies
# on, and the correction (0: the take-over itself: on_nav makes the renderer and
# its page order, on_post_page feeds it pages; 2: on_config adds the console log
# handler; 5: on_post_build asks for the combined PDF).
PINNED = """
PdfExportPlugin.on_config      2  825a98666b4f9c85def24eca2ed80c5fc7d849cee4a4d49de90454683c563546
PdfExportPlugin.on_nav         0  92301611b1c11cfde06d220d6ef8ba98d497cd74bfab4e031d26c6b01948c48b
PdfExportPlugin.on_post_page   0  4a79ff313071188c7642cbf3ed8e40dc2d491807362ab5a05f767840c2090c46
PdfExportPlugin.on_post_build  5  c0587d4f67556708dbc8074279fcb732de2cf8c2f6dfe9d26c6018fda265cc67
Renderer.add_doc               3  88fe85d39e249d7d7147c4fbe82f80fdfabed35428748367e922a35737754ab4
Renderer.add_link              4  d65200ff5fdab11dde159f6dfa0d9dcfda574a2df4dd2dd66a88562da53c63bd
Renderer.write_combined_pdf    5  11967f0616009be4e23d2c89a797862d32c5b7ba7327b4349b68a05e7bb2525f
"""
CLASSES = {"PdfExportPlugin": PdfExportPlugin, "Renderer": Renderer}
SOURCES = [line.split() for line in PINNED.strip().splitlines()]


def _digest(function) -> str:
    return hashlib.sha256(inspect.getsource(function).encode("utf-8")).hexdigest()


def test_plugin_is_the_version_the_corrections_were_written_for():
    assert metadata.version("mkdocs-pdf-export-plugin") == pdf_export_fixes.PLUGIN_VERSION


@pytest.mark.parametrize("name, correction, expected", SOURCES, ids=[name for name, _, _ in SOURCES])
def test_plugin_code_the_corrections_rely_on_is_unchanged(name, correction, expected):
    owner, attribute = name.split(".")
    assert _digest(getattr(CLASSES[owner], attribute)) == expected, (
        f"{name} changed in the plugin: review correction {correction} in scripts/pdf_export_fixes.py "
        "(0: the take-over in take_over and corrected_renderer)")


# Correction 3: the plugin's own add_doc still fails on a page outside the nav.
def test_plugin_still_raises_on_a_page_outside_the_nav():
    renderer = Renderer.__new__(Renderer)
    renderer.page_order, renderer.pages = ["index.html"], [None]
    with pytest.raises(ValueError):
        renderer.add_doc("<html></html>", "file:///x", "not-in-nav.html")


# Correction 5: the plugin's link rewriting still ignores the page's own folder.
def test_plugin_still_rewrites_sibling_links_wrongly():
    assert prep.transform_href("b.html#x", "guide/a.html") == "#b:x"  # right would be #guide/b:x


def test_corrected_renderer_keeps_the_plugins_page_order_and_warns_outside_it(caplog):
    base = Renderer.__new__(Renderer)
    base.page_order = ["index.html", "guide/a.html"]
    written = []
    renderer = pdf_export_fixes.corrected_renderer(base, lambda pages, path: written.append((pages, path)))
    renderer.add_doc("<p>a</p>", "file:///a", "guide/a.html")
    renderer.add_doc("<p>x</p>", "file:///x", "elsewhere.html")
    assert "elsewhere.html is not in the nav" in caplog.text
    assert renderer.add_link("<p>page</p>", "x.pdf") == "<p>page</p>"
    with pytest.raises(Exception, match="these nav pages were not rendered: index.html"):
        renderer.write_combined_pdf("/tmp/out.pdf")
    renderer.add_doc("<p>i</p>", "file:///i", "index.html")
    renderer.write_combined_pdf("/tmp/out.pdf")
    assert [url for _, _, url in written[0][0]] == ["index.html", "guide/a.html"]
