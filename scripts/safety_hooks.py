"""MkDocs hooks for reader safety in the built HTML.

- Moves the quick-exit bar to the very start of ``<body>``: Material renders
  its skip link before any template block, and the exit must be the first
  tab stop. Material's skip link moves into the bar, so it stays inside a
  landmark and right after the exit in the tab order.
- Fills the Content-Security-Policy ``<meta>`` with the hashes of the page's
  inline scripts, so no ``'unsafe-inline'`` is needed.
- Adds ``rel="noopener noreferrer"`` to every link that leaves the site.
- Writes ready-made header files for static hosts (``_headers`` for Netlify
  or Cloudflare Pages, ``nginx-headers.conf`` for nginx) with the same policy
  plus the headers a ``<meta>`` tag cannot set.
Each step raises an error naming the page when the markup it expects is gone,
so a theme upgrade cannot silently drop a safety feature.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

CSP_PLACEHOLDER = "__CSP__"
QUICK_EXIT = re.compile(r"<!-- quick-exit -->.*?<!-- /quick-exit -->\s*", re.S)
BODY_OPEN = re.compile(r"<body[^>]*>")
SKIP_LINK = re.compile(r'<div data-md-component="skip">.*?</div>\s*', re.S)
SKIP_MARKER = "<!-- skip-link -->"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.S)
EXTERNAL_LINK = re.compile(r"<a\s([^>]*?)href=\"(https?:|mailto:|tel:)([^\"]*)\"([^>]*)>")
REL_ATTR = re.compile(r"\srel=\"[^\"]*\"")

# 'self' only, for every kind of resource; inline scripts are allowed one by
# one through their hashes.
CSP_DIRECTIVES = (
    "default-src 'self'",
    "script-src 'self' {hashes}",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


# Headers that only a server can send; the CSP is added to them.
SERVER_HEADERS = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}

# Inline-script hashes seen on any page of this build, for the header files.
_hashes: set[str] = set()


def _script_hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def csp(hashes: set[str]) -> str:
    """The policy allowing only this site, plus the given inline-script hashes."""
    return "; ".join(CSP_DIRECTIVES).format(hashes=" ".join(sorted(hashes))).replace("  ", " ")


def page_hashes(html: str) -> set[str]:
    return {_script_hash(body) for body in INLINE_SCRIPT.findall(html)}


def _secure_external(match: re.Match) -> str:
    before, scheme, rest, after = match.groups()
    attrs = REL_ATTR.sub("", f" {before}{after}").strip()
    attrs = f" {attrs}" if attrs else ""
    return f'<a href="{scheme}{rest}" rel="noopener noreferrer"{attrs}>'


def secure_page(output: str, where: str) -> str:
    """Put the exit first, secure outbound links, then hash the final inline scripts."""
    exit_bar = QUICK_EXIT.search(output)
    if not exit_bar:
        raise PluginError(f"{where}: the quick-exit bar is missing from the page")
    output = QUICK_EXIT.sub("", output, count=1)
    skip = SKIP_LINK.search(output)
    if not skip or SKIP_MARKER not in exit_bar.group(0):
        raise PluginError(f"{where}: Material's skip link or the bar's skip-link marker is missing")
    output = SKIP_LINK.sub("", output, count=1)
    bar = exit_bar.group(0).replace(SKIP_MARKER, skip.group(0).strip(), 1)
    body = BODY_OPEN.search(output)
    if not body:
        raise PluginError(f"{where}: no <body> tag found")
    output = output[: body.end()] + bar + output[body.end():]
    output = EXTERNAL_LINK.sub(_secure_external, output)
    if CSP_PLACEHOLDER not in output:
        raise PluginError(f"{where}: the Content-Security-Policy placeholder is missing")
    hashes = page_hashes(output)
    _hashes.update(hashes)
    return output.replace(CSP_PLACEHOLDER, csp(hashes), 1)


def on_post_page(output, page, config, **kwargs):
    return secure_page(output, f"docs/{page.file.src_uri}")


# The "page not found" page is a theme template, not a page: it gets the same treatment.
def on_post_template(output_content, template_name, config, **kwargs):
    if not template_name.endswith(".html"):
        return output_content
    return secure_page(output_content, f"theme template {template_name}")


# Start each build (and each live-reload rebuild) with no hashes collected.
def on_pre_build(config, **kwargs):
    _hashes.clear()


# Header files for hosts that can send real HTTP headers.
def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    policy = csp(_hashes) + "; frame-ancestors 'none'"
    headers = {"Content-Security-Policy": policy, **SERVER_HEADERS}
    lines = ["/*"] + [f"  {name}: {value}" for name, value in headers.items()]
    (site / "_headers").write_text("\n".join(lines) + "\n", encoding="utf-8")
    nginx = ["# Include inside the server { } block that serves this site."]
    nginx += [f'add_header {name} "{value}" always;' for name, value in headers.items()]
    (site / "nginx-headers.conf").write_text("\n".join(nginx) + "\n", encoding="utf-8")
