"""Give every checklist checkbox an accessible name (a build step on each page's HTML).

pymdownx.tasklist (custom_checkbox) renders an item as
``<label class="task-list-control"><input type="checkbox" disabled><span
class="task-list-indicator"></span></label> Item text``: the label holds only
the box, so a screen reader says "checkbox" with no name, and axe reports
"Form elements must have labels". This step moves the item text inside the
label, so the text names the box. The box still draws the same way, because
Material positions it from the list item, not from the label.

The boxes can be ticked on screen: pymdownx.tasklist writes them
``disabled``, which would leave a page that says "tick what you can" with
boxes that cannot be ticked. Nothing is stored: a tick lasts until the page
is left (site.css draws the box; print.css the printed one).

An item with no text, or task-list markup this step no longer recognises,
stops the build with an error naming the page.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

CONTROL = '<label class="task-list-control">'
# The label with the box, then the item's own text: everything up to the end of
# the item, a nested list or the next block. The text may hold links and abbr.
TASK = re.compile(
    r'(<label class="task-list-control">\s*<input[^>]*>\s*<span class="task-list-indicator"></span>)'
    r"</label>"
    r"((?:(?!</li>|</p>|<ul|<ol|<div|<p[\s>]|<label).)*)",
    re.S,
)
TAGS = re.compile(r"<[^>]+>")
# The checkbox's disabled attribute (pymdownx.tasklist writes "disabled" or 'disabled="disabled"').
DISABLED = re.compile(r'\sdisabled(="disabled")?(?=[\s/>])')


def label_checkboxes(html: str, where: str = "page") -> str:
    """``html`` with each task-list item's text moved inside its checkbox label."""

    def wrap(match: re.Match) -> str:
        box, text = match.groups()
        if not TAGS.sub("", text).strip():
            raise PluginError(f"{where}: a checklist item has no text, so its checkbox would have no name")
        body = text.rstrip()
        return f"{DISABLED.sub('', box)}{body}</label>{text[len(body):]}"

    labelled, count = TASK.subn(wrap, html)
    if count != html.count(CONTROL):
        raise PluginError(f"{where}: unexpected task-list markup; checkboxes would have no name "
                          "(has pymdownx.tasklist changed its output?)")
    return labelled
