"""Drop the blank lines and indentation Material's templates leave in each page.

About a fifth of a page's HTML is template white space; a reader on costly
data pays for every byte. Jinja's own trimming cannot reach Material's
templates without copying them, so this step works on the final HTML, outside
``<script>``, ``<pre>`` and ``<textarea>``, where white space can matter.
"""

from __future__ import annotations

import re

# Where white space matters: left exactly as it is.
PROTECTED = re.compile(r"(<(script|pre|textarea)\b.*?</\2>)", re.S | re.I)
LINE_INDENT = re.compile(r"\n[ \t]+")
BLANK_LINES = re.compile(r"\n{2,}")


def collapse(html: str) -> str:
    """Drop indentation and blank lines outside script, pre and textarea elements."""
    parts = PROTECTED.split(html)
    # split() with two groups yields: text, whole match, tag name, text, ...
    out = []
    for index in range(0, len(parts), 3):
        out.append(BLANK_LINES.sub("\n", LINE_INDENT.sub("\n", parts[index])))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)
