"""The Content-Security-Policy: this site only, inline scripts allowed one by one.

``overrides/main.html`` writes ``<meta http-equiv="Content-Security-Policy"
content="__CSP__">``. A template cannot know the hashes of the inline scripts
Material adds to the finished page, so this step fills the placeholder in the
final HTML, and is the one step that must read it. It also writes header files
for static hosts that can send real headers (``_headers`` for Netlify or
Cloudflare Pages, ``nginx-headers.conf`` for nginx) with the same policy plus
the headers a ``<meta>`` tag cannot set.

The preview (``make serve``) is the one exception. ``mkdocs serve`` adds an
inline live-reload script to every page it serves, different on every
request, so no hash can allow it. With ``LIVE_RELOAD=on`` (set by ``make
serve`` only, with ``DOWNLOADS=off``) the template writes ``PREVIEW_PLACEHOLDER``
instead, and the page's scripts are allowed by ``'unsafe-inline'``. A build
with downloads (every real build) never does: ``overrides/main.html`` asks for
both switches. ``tests/test_preview.py`` checks both sides.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

PLACEHOLDER = "__CSP__"
PREVIEW_PLACEHOLDER = "__CSP_PREVIEW__"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.S)

# 'self' only, for every kind of resource; inline scripts are allowed one by
# one through their hashes.
DIRECTIVES = (
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

# Browser features the site never uses, each turned off for every page: a
# script injected into the page could not use them either. Names Chromium
# knows only (an unknown one is a console error: Chromium on Linux knows
# neither bluetooth nor web-share, so they are left out); Firefox and Safari ignore
# the header today.
FEATURES_OFF = (
    "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media",
    "fullscreen", "gamepad", "geolocation", "gyroscope", "hid", "idle-detection", "local-fonts",
    "magnetometer", "microphone", "midi", "payment", "picture-in-picture", "publickey-credentials-get",
    "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
)

# Headers that only a server can send; the CSP is added to them.
SERVER_HEADERS = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # No other site's window keeps a handle on ours (a page that opened this
    # one cannot see where the reader goes), and no other site may embed or
    # load our files.
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": ", ".join(f"{feature}=()" for feature in FEATURES_OFF),
}


def _script_hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(hashes: set[str]) -> str:
    """The policy allowing only this site, plus the given inline-script hashes."""
    return "; ".join(DIRECTIVES).format(hashes=" ".join(sorted(hashes))).replace("  ", " ")


def preview_policy() -> str:
    """The preview's policy: the same, but inline scripts allowed (MkDocs' live reload). Never in a real build."""
    return "; ".join(DIRECTIVES).format(hashes="'unsafe-inline'")


def page_hashes(html: str) -> set[str]:
    return {_script_hash(body) for body in INLINE_SCRIPT.findall(html)}


def fill(html: str, where: str, seen: set[str]) -> str:
    """``html`` with its policy filled in; its script hashes are added to ``seen``."""
    if PREVIEW_PLACEHOLDER in html:
        return html.replace(PREVIEW_PLACEHOLDER, preview_policy(), 1)
    if PLACEHOLDER not in html:
        raise PluginError(f"{where}: the Content-Security-Policy placeholder is missing")
    hashes = page_hashes(html)
    seen.update(hashes)
    return html.replace(PLACEHOLDER, policy(hashes), 1)


def write_header_files(site: Path, hashes: set[str]) -> None:
    """Header files with the policy for every page's scripts, for hosts that send headers."""
    headers = {"Content-Security-Policy": policy(hashes) + "; frame-ancestors 'none'", **SERVER_HEADERS}
    lines = ["/*"] + [f"  {name}: {value}" for name, value in headers.items()]
    (site / "_headers").write_text("\n".join(lines) + "\n", encoding="utf-8")
    nginx = ["# Include inside the server { } block that serves this site."]
    nginx += [f'add_header {name} "{value}" always;' for name, value in headers.items()]
    (site / "nginx-headers.conf").write_text("\n".join(nginx) + "\n", encoding="utf-8")
