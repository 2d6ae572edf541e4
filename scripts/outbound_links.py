"""Links that leave the site tell the other site nothing (a build step on each page's HTML).

Every link to another site, a phone number or an email address in a page's
content gets ``rel="noopener noreferrer"``: the other site learns neither
which page the reader came from nor gets a handle on this tab. (The site's
templates write the attribute themselves; the referrer is also switched off
for the whole site by ``<meta name="referrer">`` and the header files.)
"""

from __future__ import annotations

import re

EXTERNAL_LINK = re.compile(r"<a\s([^>]*?)href=\"(https?:|mailto:|tel:)([^\"]*)\"([^>]*)>")
REL_ATTR = re.compile(r"\srel=\"[^\"]*\"")


def _secure(match: re.Match) -> str:
    before, scheme, rest, after = match.groups()
    attrs = REL_ATTR.sub("", f" {before}{after}").strip()
    attrs = f" {attrs}" if attrs else ""
    return f'<a href="{scheme}{rest}" rel="noopener noreferrer"{attrs}>'


def add_rel(html: str) -> str:
    """``html`` with ``rel="noopener noreferrer"`` on every link that leaves the site."""
    return EXTERNAL_LINK.sub(_secure, html)
