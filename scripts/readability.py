"""Score every guide page's reading level (Flesch-Kincaid grade), offline.

The guide is written for readers under stress, so every page must stay at or
below ``GRADE_LIMIT``. Markdown is turned into plain prose first: front matter,
code, tables, HTML tags, link targets and shortcodes are removed, and headings
and list items end with a full stop so they count as short sentences.

Usage: python scripts/readability.py [FILE_OR_FOLDER ...]   (default: docs)
Prints one line per page and exits 1 when any page is over the limit.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import textstat

ROOT = Path(__file__).resolve().parent.parent
DOCS_DIR = ROOT / "docs"
GRADE_LIMIT = 7.0
# Pages shorter than this are lists of names and numbers, not prose to score.
MIN_WORDS = 40

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"<[^>]+>")
_ABBR_DEF = re.compile(r"^\*\[[^\]]+\]:.*$", re.M)
_ATTR_LIST = re.compile(r"\{[:#.][^}]*\}")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_ADMONITION = re.compile(r'^(!!!|\?\?\?\+?)\s*\w+(?:\s+"([^"]*)")?\s*$', re.M)
_TASK = re.compile(r"^\s*[-*+]\s+\[[ xX]\]\s+", re.M)
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+", re.M)
_HEADING = re.compile(r"^#{1,6}\s+", re.M)
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$", re.M)
_INLINE_CODE = re.compile(r"`[^`]*`")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|==|\^\^|~~)")


def plain_text(markdown: str) -> str:
    """Return the prose of a Markdown page, one sentence-like unit per line."""
    text = _FRONT_MATTER.sub("", markdown)
    text = _FENCE.sub("", text)
    text = _HTML_COMMENT.sub("", text)
    text = _ABBR_DEF.sub("", text)
    text = _TABLE_ROW.sub("", text)
    text = _ADMONITION.sub(lambda m: (m.group(2) or "") + ".", text)
    text = _TAG.sub("", text)
    text = _ATTR_LIST.sub("", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _INLINE_CODE.sub("", text)
    text = _EMPHASIS.sub("", text)
    lines = []
    for raw in text.splitlines():
        is_unit = bool(_HEADING.match(raw) or _BULLET.match(raw) or _TASK.match(raw))
        line = _TASK.sub("", raw)
        line = _HEADING.sub("", line)
        line = _BULLET.sub("", line).strip()
        if not line:
            lines.append("")
            continue
        # A heading or list item is a unit of its own: close it as a sentence.
        if is_unit and line[-1] not in ".!?:":
            line += "."
        lines.append(line)
    # Paragraph breaks end sentences too.
    paragraphs = re.split(r"\n\s*\n", "\n".join(lines))
    out = []
    for para in paragraphs:
        para = " ".join(para.split())
        if para and para[-1] not in ".!?:":
            para += "."
        if para.strip("."):
            out.append(para)
    return "\n".join(out)


def grade(markdown: str) -> float | None:
    """Flesch-Kincaid grade of a page, or None when it has too little prose."""
    text = plain_text(markdown)
    if len(text.split()) < MIN_WORDS:
        return None
    return round(textstat.flesch_kincaid_grade(text), 1)


def pages(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.rglob("*.md")))
        elif path.suffix == ".md":
            found.append(path)
        else:
            raise SystemExit(f"{path}: not a Markdown file or folder")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[DOCS_DIR])
    parser.add_argument("--limit", type=float, default=GRADE_LIMIT)
    args = parser.parse_args(argv)
    over = 0
    for page in pages(args.paths):
        score = grade(page.read_text(encoding="utf-8"))
        shown = "  n/a" if score is None else f"{score:5.1f}"
        flag = "" if score is None or score <= args.limit else "  OVER LIMIT"
        over += bool(flag)
        try:
            name = page.resolve().relative_to(ROOT)
        except ValueError:
            name = page
        print(f"{shown}  {name}{flag}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
