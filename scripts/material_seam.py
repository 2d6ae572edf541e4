"""Everything the build knows about Material for MkDocs' internals, in one place.

The site leans on a few things Material does not promise to keep: the hashed
names of its bundle and stylesheet, the partials the project overrides, and
the version all of this was checked against. The browser side of the same
seam is the "Material seam" section at the top of
``overrides/assets/javascripts/site.js`` and of
``overrides/assets/stylesheets/site.css``.

When Material is upgraded, the build stops (``check_version``) until someone
has reviewed those places and the overridden partials, then updated
``MATERIAL_VERSION`` and ``OVERRIDDEN_PARTIALS`` here.
"""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES_DIR = ROOT / "overrides"

# The Material release this seam was written and checked against.
MATERIAL_VERSION = "9.8.1"

# Material's files whose names carry a hash that changes with each release.
BUNDLE_GLOB = "assets/javascripts/bundle.*.min.js"
STYLESHEET_GLOB = "assets/stylesheets/main.*.min.css"
# Only used with theme.palette, which this site does not set.
PALETTE_GLOB = "assets/stylesheets/palette.*"
SOURCE_MAP_GLOB = "**/*.js.map"

# The partials the project overrides, each with the SHA-256 of Material's own
# copy (of MATERIAL_VERSION) it was made from. tests/test_material_seam.py
# compares them with the installed Material.
OVERRIDDEN_PARTIALS = {
    # + a real Menu and Search button beside each icon label (a label cannot take focus).
    "partials/header.html": "8cf3fb15bcf969ff596649616fd99366b3c31c08d57a86d05308efc16d8fa75f",
    # + no label pointing at a missing "__toc" checkbox on a section's index page (HTML error).
    "partials/toc.html": "fde48f583563364b0e0e6865a5ab1e7060ec1826161f69f5cbee653e621b0f84",
    # + an accessible name on the search dialog (axe: aria-dialog-name); a submit button
    #   that goes nowhere (method="dialog"), for HTML_CodeSniffer's H32.2.
    "partials/search.html": "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
}

REVIEW = ("scripts/material_seam.py, the 'Material seam' sections of overrides/assets/javascripts/site.js "
          "and overrides/assets/stylesheets/site.css, and overrides/partials/ (header.html, search.html, toc.html)")


def installed_version() -> str:
    return metadata.version("mkdocs-material")


def check_version(installed: str | None = None) -> None:
    """Stop the build when Material is not the release the seam was checked against."""
    installed = installed or installed_version()
    if installed != MATERIAL_VERSION:
        raise PluginError(
            f"scripts/material_seam.py: written for mkdocs-material {MATERIAL_VERSION}, "
            f"but {installed} is installed. Review {REVIEW}, then set MATERIAL_VERSION.")


def material_templates() -> Path:
    import material

    return Path(material.__file__).parent / "templates"


def partial_digest(name: str, templates: Path | None = None) -> str:
    """SHA-256 of Material's own copy of partial ``name``."""
    return hashlib.sha256(((templates or material_templates()) / name).read_bytes()).hexdigest()


def find_theme_file(theme_dirs: list[str], pattern: str) -> tuple[Path, str]:
    """Material's file matching ``pattern``: its path, and its path inside the site."""
    for folder in theme_dirs:
        found = sorted(Path(folder).glob(pattern))
        if len(found) == 1:
            return found[0], found[0].relative_to(folder).as_posix()
        if len(found) > 1:
            raise PluginError(f"{folder}: more than one {pattern}: {[p.name for p in found]}")
    raise PluginError(f"No {pattern} in the theme folders {theme_dirs}; review {REVIEW}")


def bundle_url(config) -> str:
    """Where Material's JavaScript bundle lands in the site (site.js loads it on demand)."""
    return find_theme_file(config["theme"].dirs, BUNDLE_GLOB)[1]


def stylesheet(config) -> tuple[Path, str]:
    """Material's stylesheet as shipped, and its path inside the site."""
    return find_theme_file(config["theme"].dirs, STYLESHEET_GLOB)


def unused_theme_files(site: Path, config) -> list[Path]:
    """Files Material copies that nothing on this site loads: source maps (they also
    name hosts the site never contacts) and, without ``theme.palette``, the palette sheet."""
    unused = list(site.glob(SOURCE_MAP_GLOB)) + list(site.glob(STYLESHEET_GLOB + ".map"))
    if not config["theme"].get("palette"):
        unused += site.glob(PALETTE_GLOB)
    return unused
