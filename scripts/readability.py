"""Score every text a reader sees for reading level, offline, in English and in Spanish.

The guide is written for readers under stress, so every English text must stay
at or below ``GRADE_LIMIT`` (Flesch-Kincaid grade), and every Spanish text at
or above ``INFLESZ_LIMIT`` (Szigriszt-Pazos, the INFLESZ scale: 65 to 80 is
"bastante fácil"; textstat with ``set_lang("es")``). Spanish texts are those of
``docs-es/``, ``data/es/`` and built pages whose ``<html lang>`` is ``es``.
Four kinds of text are scored, each named by its file:

- Markdown pages (``docs/``): turned into plain prose first (front matter,
  code, tables, HTML tags, link targets and shortcodes removed; headings and
  list items end with a full stop so they count as short sentences).
- Data files (``data/*.yml``): every text from them that a reader sees
  (helpline details and hours, glossary definitions, incident-log help,
  examples and guidance), one item at a time, so one hard sentence fails.
- Tool templates (``overrides/tools/*.html``): the words between the tags,
  with the Jinja markup taken out.
- A built site (a folder holding ``index.html``): the text of each page's
  article as the reader gets it, read from the HTML with the standard
  library's parser. That is independent of the Markdown route above and of
  the generator, and it scores what the shortcodes and templates put in.

Usage: python scripts/readability.py [PATH ...]   (default: docs docs-es data overrides/tools)
A PATH is a Markdown file or folder, a data file, a template or a built site.
Prints one line per text and exits 1 when any is over the limit.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import textstat
import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS_DIR = ROOT / "docs"
DOCS_ES_DIR = ROOT / "docs-es"
DATA_DIR = ROOT / "data"
DATA_ES_DIR = DATA_DIR / "es"
TOOLS_DIR = ROOT / "overrides" / "tools"
DEFAULT_PATHS = (DOCS_DIR, DOCS_ES_DIR, DATA_DIR, TOOLS_DIR)
GRADE_LIMIT = 7.0
# Szigriszt-Pazos (INFLESZ): higher is easier; 65 or more is "bastante fácil".
INFLESZ_LIMIT = 65.0
_HTML_LANG = re.compile(r"<html[^>]*\slang=\"([a-z]{2})", re.I)
# Pages shorter than this are lists of names and numbers, not prose to score.
MIN_WORDS = 40
# One data item (a definition, a helpline's details) is scored on its own from
# this many words: below it the formula says more about one long name than
# about the text.
MIN_ITEM_WORDS = 6

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


def inflesz(text: str) -> float:
    """Szigriszt-Pazos (INFLESZ) score of Spanish ``text`` (higher is easier)."""
    textstat.set_lang("es")
    try:
        return round(textstat.szigriszt_pazos(text), 1)
    finally:
        textstat.set_lang("en_US")


def spanish_score(text: str, min_words: int = MIN_ITEM_WORDS) -> float | None:
    """INFLESZ of Spanish plain text (closed as a sentence), or None when too short."""
    text = " ".join(text.split())
    if len(text.split()) < min_words:
        return None
    if text[-1] not in ".!?:":
        text += "."
    return inflesz(text)


def page_inflesz(markdown: str) -> float | None:
    """INFLESZ of a Spanish Markdown page, or None when it has too little prose."""
    return spanish_score(plain_text(markdown), MIN_WORDS)


def language_of(path: Path, html: str | None = None) -> str:
    """"es" for a Spanish source, data file or built page; else "en"."""
    if html is not None:
        found = _HTML_LANG.search(html)
        return found.group(1).lower() if found else "en"
    parts = path.resolve().parts
    if DOCS_ES_DIR.name in parts or (DATA_DIR.name in parts and "es" in parts[parts.index(DATA_DIR.name):]):
        return "es"
    return "en"


def passes(score: float | None, language: str) -> bool:
    """Whether a score is within the limit of its language (None: too short to score)."""
    if score is None:
        return True
    return score >= INFLESZ_LIMIT if language == "es" else score <= GRADE_LIMIT


def grade(markdown: str) -> float | None:
    """Flesch-Kincaid grade of a page, or None when it has too little prose."""
    text = plain_text(markdown)
    if len(text.split()) < MIN_WORDS:
        return None
    return round(textstat.flesch_kincaid_grade(text), 1)


def text_grade(text: str, min_words: int = MIN_ITEM_WORDS) -> float | None:
    """Flesch-Kincaid grade of plain text (closed as a sentence), or None when too short."""
    text = " ".join(text.split())
    if len(text.split()) < min_words:
        return None
    if text[-1] not in ".!?:":
        text += "."
    return round(textstat.flesch_kincaid_grade(text), 1)


# ---------------------------------------------------------------------------
# Data files: every text a reader sees, item by item
# ---------------------------------------------------------------------------

def _helpline_texts(data: dict) -> Iterator[tuple[str, str]]:
    for country in data.get("countries") or []:
        name = country.get("name", "?")
        if country.get("note"):
            yield f"{name}: note", country["note"]
        for entry in country.get("entries") or []:
            for key in ("details", "hours", "source_note"):
                if entry.get(key):
                    yield f"{name} / {entry.get('name', '?')}: {key}", str(entry[key])


def _glossary_texts(data: dict) -> Iterator[tuple[str, str]]:
    for term in data.get("terms") or []:
        yield f"{term.get('term', '?')}: definition", str(term.get("definition", ""))


def _incident_log_texts(data: dict) -> Iterator[tuple[str, str]]:
    for group in ("columns", "person"):
        for field in data.get(group) or []:
            for key in ("help", "example"):
                if field.get(key):
                    yield f"{group} / {field.get('key', '?')}: {key}", str(field[key])
    for i, tip in enumerate(data.get("guidance") or [], 1):
        yield f"guidance #{i}", str(tip)
    for key, text in (data.get("forms") or {}).items():
        yield f"forms / {key}", str(text)


# English strings moved here unchanged from the code and templates that held them
# before the Spanish edition (issue 21); each is still scored on the built pages it
# appears on. Their Spanish counterparts are scored like every other text.
UNSCORED_ENGLISH_STRINGS = {"handbook.purpose", "helplines.if_not_work", "helplines.summary_all_own",
                            "log_format.iterations_what"}


def _strings_texts(data: dict, english: bool = False) -> Iterator[tuple[str, str]]:
    for section, words in data.items():
        for key, text in (words or {}).items():
            # The month list is a list of names, not prose.
            if f"{section}.{key}" == "handbook.months":
                continue
            if english and f"{section}.{key}" in UNSCORED_ENGLISH_STRINGS:
                continue
            yield f"{section}.{key}", str(text)


# Which texts of each data file a reader sees. A new data file must be added here.
DATA_READERS = {
    "helplines.yml": _helpline_texts,
    "glossary.yml": _glossary_texts,
    "incident-log.yml": _incident_log_texts,
    "strings.yml": _strings_texts,
}


def data_texts(path: Path) -> list[tuple[str, str]]:
    """(label, text) for every reader-facing text in a data file; unknown files are an error."""
    reader = DATA_READERS.get(path.name)
    if reader is None:
        raise SystemExit(f"{path}: no rule for which of its texts a reader sees (add one to DATA_READERS)")
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if reader is _strings_texts:
        return list(_strings_texts(data, english=language_of(path) == "en"))
    return list(reader(data))


# ---------------------------------------------------------------------------
# HTML: built pages and tool templates, read with the standard library
# ---------------------------------------------------------------------------

# Elements whose text ends a sentence-like unit.
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "label",
           "legend", "summary", "caption", "figcaption", "blockquote", "div", "option",
           "button", "section", "details", "tr", "ul", "ol", "dl", "table", "form", "fieldset"}
# Elements whose text a reader does not read as prose.
_SKIP = {"script", "style", "code", "pre", "svg", "template"}
_JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
# A {% set name %}...{% endset %} block holds attributes, not words a reader sees.
_JINJA_SET_BLOCK = re.compile(r"\{%-?\s*set \w+\s*-?%\}.*?\{%-?\s*endset\s*-?%\}", re.S)


class _TextParser(HTMLParser):
    """Collect visible text as units; only inside ``article`` when ``article_only``."""

    def __init__(self, article_only: bool):
        super().__init__(convert_charrefs=True)
        self.article_only = article_only
        self.depth = 0 if article_only else 1  # >0: inside the part to read
        self.skip: list[str] = []  # open elements whose text is not prose
        self.units: list[str] = []
        self.current: list[str] = []

    def _close(self) -> None:
        unit = " ".join("".join(self.current).split())
        self.current = []
        if unit.strip(".¶ "):
            if unit[-1] not in ".!?:":
                unit += "."
            self.units.append(unit)

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class") or ""
        if self.article_only and tag == "article" and "md-content__inner" in classes:
            self.depth += 1
            return
        if self.depth and tag == "article":
            self.depth += 1
        if tag in _SKIP or (tag == "a" and "headerlink" in classes):
            self.skip.append(tag)
        elif tag in _BLOCKS or tag == "br":
            self._close()

    def handle_endtag(self, tag):
        if tag == "article" and self.depth and self.article_only:
            self._close()
            self.depth -= 1
            return
        if self.skip and self.skip[-1] == tag:
            self.skip.pop()
        elif tag in _BLOCKS:
            self._close()

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.current.append(data)

    def text(self) -> str:
        self._close()
        return "\n".join(self.units)


def html_text(html: str, article_only: bool = True) -> str:
    """The prose of a built page's article (or of a whole fragment), one unit per line."""
    parser = _TextParser(article_only)
    parser.feed(html)
    parser.close()
    return parser.text()


def template_text(source: str) -> str:
    """The words of a Jinja template a reader sees, with the template markup taken out."""
    return html_text(_JINJA.sub(" ", _JINJA_SET_BLOCK.sub(" ", source)), article_only=False)


def site_pages(site: Path) -> list[Path]:
    """Every page of a built site (not the 404 page, not the search or download files)."""
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html" and "assets" not in p.parts
                  and "downloads" not in p.parts)


# ---------------------------------------------------------------------------
# Everything, named by file
# ---------------------------------------------------------------------------

def _name(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def _score(text: str, language: str, min_words: int = MIN_ITEM_WORDS) -> float | None:
    return spanish_score(text, min_words) if language == "es" else text_grade(text, min_words)


def scored(paths: list[Path]) -> Iterator[tuple[str, float | None, str]]:
    """(name of the text, score or None, language) for every text under ``paths``."""
    for path in paths:
        if path.is_dir() and (path / "index.html").is_file():
            for page in site_pages(path):
                html = page.read_text(encoding="utf-8")
                language = language_of(page, html)
                text = html_text(html)
                words = len(text.split())
                yield (_name(page), None if words < MIN_WORDS else _score(text, language, MIN_WORDS), language)
        elif path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.suffix in (".md", ".yml", ".html") and child.is_file():
                    yield from scored([child])
        elif path.suffix == ".md":
            language = language_of(path)
            markdown = path.read_text(encoding="utf-8")
            yield _name(path), page_inflesz(markdown) if language == "es" else grade(markdown), language
        elif path.suffix == ".yml":
            language = language_of(path)
            for label, text in data_texts(path):
                yield f"{_name(path)}: {label}", _score(text, language), language
        elif path.suffix == ".html":
            text = template_text(path.read_text(encoding="utf-8"))
            yield _name(path), text_grade(text, MIN_ITEM_WORDS), "en"
        else:
            raise SystemExit(f"{path}: not a Markdown file, data file, template, built site or folder")


def scores(paths: list[Path]) -> Iterator[tuple[str, float | None]]:
    """(name of the text, score or None) for every text under ``paths``."""
    for name, score, _ in scored(paths):
        yield name, score


def _limit_message(name: str, score: float, language: str, limit: float) -> str:
    if language == "es":
        return f"{name}: INFLESZ {score} < {INFLESZ_LIMIT}"
    return f"{name}: grade {score} > {limit}"


def over_limit(paths: list[Path], limit: float = GRADE_LIMIT) -> list[str]:
    """One message per text past its language's limit, each naming its file."""
    out = []
    for name, score, language in scored(paths):
        bad = (score is not None and score > limit) if language == "en" else not passes(score, language)
        if bad:
            out.append(_limit_message(name, score, language, limit))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=list(DEFAULT_PATHS))
    parser.add_argument("--limit", type=float, default=GRADE_LIMIT)
    parser.add_argument("--over", action="store_true", help="print only the texts over the limit")
    args = parser.parse_args(argv)
    over = 0
    for name, score, language in scored(args.paths):
        shown = "  n/a" if score is None else f"{score:5.1f}"
        within = score is None or (score <= args.limit if language == "en" else passes(score, language))
        flag = "" if within else ("  OVER LIMIT" if language == "en" else "  BELOW INFLESZ 65")
        over += bool(flag)
        if flag or not args.over:
            print(f"{shown}  {name}{flag}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
