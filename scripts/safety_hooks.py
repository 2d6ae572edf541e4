"""MkDocs hooks for reader safety in the built HTML.

- Moves the quick-exit bar to the very start of ``<body>``: Material renders
  its skip link before any template block, and the exit must be the first
  tab stop.
- Fills the Content-Security-Policy ``<meta>`` with the hashes of the page's
  inline scripts, so no ``'unsafe-inline'`` is needed.
- Adds ``rel="noopener noreferrer"`` to every link that leaves the site.
Each step raises an error naming the page when the markup it expects is gone,
so a theme upgrade cannot silently drop a safety feature.
"""

from __future__ import annotations

import base64
import hashlib
import re

from mkdocs.exceptions import PluginError

CSP_PLACEHOLDER = "__CSP__"
QUICK_EXIT = re.compile(r"<!-- quick-exit -->.*?<!-- /quick-exit -->\s*", re.S)
BODY_OPEN = re.compile(r"<body[^>]*>")
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.S)
EXTERNAL_LINK = re.compile(r"<a\s([^>]*?)href=\"(https?:|mailto:|tel:)([^\"]*)\"([^>]*)>")
REL_ATTR = re.compile(r"\srel=\"[^\"]*\"")

# 'self' only. Inline styles stay allowed because Material positions a few
# elements with style attributes; styles cannot send data anywhere.
CSP_DIRECTIVES = (
    "default-src 'self'",
    "script-src 'self' {hashes}",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def _script_hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def csp(html: str) -> str:
    """The policy for one page: its own inline scripts allowed by hash."""
    hashes = sorted({_script_hash(body) for body in INLINE_SCRIPT.findall(html)})
    return "; ".join(CSP_DIRECTIVES).format(hashes=" ".join(hashes)).replace("  ", " ")


def _secure_external(match: re.Match) -> str:
    before, scheme, rest, after = match.groups()
    attrs = REL_ATTR.sub("", f" {before}{after}").strip()
    attrs = f" {attrs}" if attrs else ""
    return f'<a href="{scheme}{rest}" rel="noopener noreferrer"{attrs}>'


# Put the exit first, secure outbound links, then hash the final inline scripts.
def on_post_page(output, page, config, **kwargs):
    where = f"docs/{page.file.src_uri}"
    exit_bar = QUICK_EXIT.search(output)
    if not exit_bar:
        raise PluginError(f"{where}: the quick-exit bar is missing from the page")
    output = QUICK_EXIT.sub("", output, count=1)
    body = BODY_OPEN.search(output)
    if not body:
        raise PluginError(f"{where}: no <body> tag found")
    output = output[: body.end()] + exit_bar.group(0) + output[body.end():]
    output = EXTERNAL_LINK.sub(_secure_external, output)
    if CSP_PLACEHOLDER not in output:
        raise PluginError(f"{where}: the Content-Security-Policy placeholder is missing")
    return output.replace(CSP_PLACEHOLDER, csp(output), 1)
