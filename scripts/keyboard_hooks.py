"""MkDocs hook that gives Material's menu and search icons real buttons.

Material opens its menu drawer and its search box with hidden checkboxes
(``#__drawer``, ``#__search``) toggled by icon labels in the header. Labels
cannot take focus, so at narrow widths (a phone, or a desktop zoomed to
400 %) a keyboard could not open the menu or search at all.

This hook adds a ``<button>`` (named "Menu" or "Search", with
``aria-expanded``) beside each label. ``site.css`` shows the buttons and
hides the labels when the site's script runs (``site-js`` on ``<html>``);
``site.js`` makes each button toggle its checkbox. With scripts off, the
labels stay, and work by mouse or touch as in Material.
A page without the expected label fails the build, naming the page.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

BUTTONS = {
    "__drawer": "Menu",
    "__search": "Search",
}


def add_button(html: str, toggle_id: str, name: str, where: str) -> str:
    """Add a button after the header label for ``toggle_id``, with the label's icon."""
    pattern = re.compile(
        r'(<label class="md-header__button md-icon" for="' + re.escape(toggle_id) + r'">(.*?)</label>)',
        re.S,
    )

    def with_button(match: re.Match) -> str:
        return (
            f'{match.group(1)}\n<button type="button" class="md-header__button md-icon header-toggle" '
            f'data-toggle="{toggle_id}" aria-label="{name}" aria-expanded="false">{match.group(2)}</button>'
        )

    html, count = pattern.subn(with_button, html)
    if count != 1:
        raise PluginError(f'{where}: expected one header <label for="{toggle_id}">, found {count}')
    return html


def add_buttons(html: str, where: str) -> str:
    for toggle_id, name in BUTTONS.items():
        html = add_button(html, toggle_id, name, where)
    return html


def on_post_page(output, page, config, **kwargs):
    return add_buttons(output, f"docs/{page.file.src_uri}")


# The "page not found" page is a theme template, not a page.
def on_post_template(output_content, template_name, config, **kwargs):
    if not template_name.endswith(".html"):
        return output_content
    return add_buttons(output_content, f"theme template {template_name}")
