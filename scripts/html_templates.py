"""The project's Jinja templates that are not site pages.

The tools' forms (``overrides/tools/``) are rendered while pages are still
Markdown, before MkDocs sets up the theme's templates, and the incident log's
print sheet (``overrides/print/``) is not a page at all. Both are rendered
here, from the same ``overrides/`` folder as the theme's templates, with
autoescaping on and any missing value an error.
"""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = ROOT / "overrides"


@functools.cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(OVERRIDES), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render(name: str, **context) -> str:
    """Template ``name`` (a path under overrides/) filled in, without blank lines.

    A blank line would end a raw HTML block in the Markdown a tool's form is
    put into.
    """
    text = environment().get_template(name).render(**context)
    return "\n".join(line for line in text.splitlines() if line.strip())
