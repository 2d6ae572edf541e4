"""MkDocs hooks that shape the finished site folder.

- Drops the theme's JavaScript source maps: they are only for debugging the
  theme, they double the download of the offline copy, and they name hosts
  the site never contacts.
"""

from __future__ import annotations

from pathlib import Path


# Remove debugging-only files once every page has been written.
def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    for source_map in site.rglob("*.js.map"):
        source_map.unlink()
