"""Material behind one seam: overridden partials match the Material they were made
from, and a different Material version stops the build naming what to review."""

from __future__ import annotations

import re

import pytest
from mkdocs.exceptions import PluginError

import material_seam  # noqa: E402
from conftest import ROOT, failing_build, plant

OVERRIDES = ROOT / "overrides"
# The project's own partials (not copies of Material's).
OWN_PARTIALS = {"partials/quick-exit.html", "partials/handbook-front.html", "partials/handbook-link.html",
                "partials/language-link.html"}
LEADING_COMMENT = re.compile(r"\A\{#-.*?-#\}\n(\{% macro .*?\{%- endmacro %\}\n)?", re.S)
# What the project adds to each overridden partial (see OVERRIDDEN_PARTIALS).
ADDITIONS = {
    "partials/header.html": re.compile(r'[ \t]*\{\{ toggle_button\(.*?\) \}\}\n'),
    "partials/search.html": re.compile(r"""(?<=role="dialog") aria-label="\{\{ lang\.t\('search'\) \}\}\""""
                                       r'|(?<=name="search") method="dialog"'
                                       r"""|[ \t]*<button type="submit" class="md-search__submit" tabindex="-1">"""
                                       r"""\{\{ lang\.t\('search\.placeholder'\) \}\}</button>\n"""),
    "partials/toc.html": re.compile(r'\{% if not \(page\.is_index and "navigation\.indexes" in features\) %\}'
                                    r"(?= for=)|(?<=for=\"__toc\")\{% endif %\}"),
}


@pytest.mark.parametrize("name", sorted(material_seam.OVERRIDDEN_PARTIALS))
def test_material_partial_is_the_one_the_override_was_made_from(name):
    digest = material_seam.partial_digest(name)
    assert digest == material_seam.OVERRIDDEN_PARTIALS[name], (
        f"Material's {name} has changed since overrides/{name} was copied from it: compare the two, "
        f"carry the project's change over, then record the new digest ({digest}) in scripts/material_seam.py")


@pytest.mark.parametrize("name", sorted(material_seam.OVERRIDDEN_PARTIALS))
def test_override_is_materials_partial_plus_the_documented_change(name):
    ours = (OVERRIDES / name).read_text(encoding="utf-8")
    theirs = (material_seam.material_templates() / name).read_text(encoding="utf-8")
    assert ADDITIONS[name].search(ours), f"overrides/{name} lacks the change it exists for"
    stripped = ADDITIONS[name].sub("", LEADING_COMMENT.sub("", ours))
    assert stripped == LEADING_COMMENT.sub("", theirs), f"overrides/{name} differs from Material's beyond its change"


def test_every_partial_that_shadows_materials_is_listed():
    shadowing = {path.relative_to(OVERRIDES).as_posix() for path in (OVERRIDES / "partials").rglob("*.html")
                 if (material_seam.material_templates() / path.relative_to(OVERRIDES)).exists()}
    assert shadowing == set(material_seam.OVERRIDDEN_PARTIALS)
    own = {path.relative_to(OVERRIDES).as_posix() for path in (OVERRIDES / "partials").rglob("*.html")} - shadowing
    assert own == OWN_PARTIALS


def test_installed_material_is_the_version_the_seam_was_written_for():
    material_seam.check_version()


def test_another_material_version_stops_with_what_to_review():
    with pytest.raises(PluginError, match=r"scripts/material_seam\.py: written for mkdocs-material 9\.8\.1, "
                                          r"but 9\.9\.0 is installed\. Review .*site\.js.*partials"):
        material_seam.check_version("9.9.0")


# The same through a real build: the seam claims another version than the one installed.
def test_build_stops_on_a_different_material_version(project_copy, tmp_path):
    project = project_copy()
    plant(project, "scripts/material_seam.py", 'MATERIAL_VERSION = "9.8.1"', 'MATERIAL_VERSION = "9.7.0"')
    log = failing_build(project, tmp_path / "site", env={"DOWNLOADS": "off"})
    assert "scripts/material_seam.py: written for mkdocs-material 9.7.0, but 9.8.1 is installed" in log, log
