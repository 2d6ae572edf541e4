"""Shortcodes: a page holds ``<!-- data:NAME -->`` where a list kept in ``data/`` goes.

Pages stay plain Markdown; the lists they show (helplines, glossary, the
incident log's fields, ...) are rendered here from the data read once per
build (:mod:`site_data`). To add one: write a renderer that takes the
:class:`site_data.SiteData` and returns Markdown (or HTML, which Markdown
passes through), and add it to ``RENDERERS``. An unknown name stops the build,
naming the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import glossary
import helplines
import incident_log
import tool_forms
from site_data import SiteData

SHORTCODE = re.compile(r"<!--\s*data:([a-z-]+)\s*-->")

RENDERERS: dict[str, Callable[[SiteData], str]] = {
    "helplines-jump": lambda data: helplines.render_jump_list(data.countries, data.words["helplines"]),
    "helplines": lambda data: helplines.render_markdown(data.countries, data.words["helplines"]),
    "helplines-checked": lambda data: helplines.render_checked(data.countries, data.words["helplines"]),
    "helplines-sources": lambda data: helplines.sources_summary(data.countries, data.words["helplines"]),
    "glossary": lambda data: glossary.render_markdown(data.terms, data.words["glossary"]["also"]),
    "incident-log-fields": lambda data: incident_log.render_fields_markdown(data.incident_log),
    "incident-log-example": lambda data: incident_log.render_example_markdown(data.incident_log),
    "incident-log-guidance": lambda data: incident_log.render_guidance_markdown(data.incident_log),
    "log-writer-form": lambda data: tool_forms.render_log_form(data),
    "log-writer-entries": lambda data: tool_forms.render_log_entries(data),
    "log-file-format": lambda data: tool_forms.render_format_table(data),
    "log-file-format-v1": lambda data: tool_forms.render_format_v1_table(data),
    "log-file-entry-keys": lambda data: tool_forms.render_entry_keys(data),
    "safety-plan-details": lambda data: tool_forms.render_plan_details(data),
    "safety-plan-checklists": lambda data: tool_forms.render_plan_checklists(data),
    "safety-plan-help": lambda data: tool_forms.render_plan_help(data),
}


class UnknownShortcode(KeyError):
    """A page names a shortcode that has no renderer."""


def expand(markdown: str, data: SiteData, where: str) -> str:
    """``markdown`` with every shortcode replaced by its rendered list."""

    def render(match: re.Match) -> str:
        name = match.group(1)
        if name not in RENDERERS:
            raise UnknownShortcode(f"{where}: unknown shortcode 'data:{name}' "
                                   f"(known: {', '.join(sorted(RENDERERS))})")
        return RENDERERS[name](data)

    return SHORTCODE.sub(render, markdown)
