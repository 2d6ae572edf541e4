"""Glossary terms: the single source is ``data/glossary.yml``.

The glossary page is rendered from it, and on every other page each term is
a link to its glossary entry holding ``<abbr title="definition">``: the
definition shows on hover, and a touch or keyboard reader follows the link to
read it. Terms inside a link are left plain (a link cannot hold another).
In the PDFs the term is plain text (scripts/print_pdf.py). Headings are left plain: a dotted underline in a title reads
as a link. This is done by :class:`GlossaryExtension`, a Markdown extension
the build adds in its first step, so terms are never added and then removed.

Usage: python scripts/glossary.py   (checks the file and prints the terms)
"""

from __future__ import annotations

import posixpath
import sys
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path

from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrTreeprocessor
from markdown.util import AtomicString

from datafiles import DATA_DIR, DataError, check_command, load, reject_unknown, require

GLOSSARY_FILE = DATA_DIR / "glossary.yml"
# The glossary page's source: MkDocs turns a link to it into the page's URL, and checks the anchor.
GLOSSARY_PAGE = "glossary.md"
# The class of a term's link; print_pdf.py and site.css know it.
TERM_CLASS = "glossary-term"
TERM_KEYS = {"term", "definition", "also"}
# The abbr extension cannot hold these characters inside a definition.
FORBIDDEN = set('[]"')


@dataclass(frozen=True)
class Term:
    term: str
    definition: str
    also: tuple[str, ...] = ()

    @property
    def anchor(self) -> str:
        return self.term.lower().replace(" ", "-")


def load_terms(path: Path = GLOSSARY_FILE) -> list[Term]:
    """Read and check the glossary; raise DataError naming any fault."""
    data = load(path)
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise DataError(f"{path}: expected a top-level 'terms:' list")
    terms, seen = [], set()
    for i, raw in enumerate(data["terms"], 1):
        require(path, f"term #{i}", raw, {"term": str, "definition": str})
        reject_unknown(path, f"term '{raw['term']}'", raw, TERM_KEYS)
        also = raw.get("also") or []
        if not isinstance(also, list) or not all(isinstance(a, str) for a in also):
            raise DataError(f"{path}: term '{raw['term']}': 'also' must be a list of words")
        if FORBIDDEN & set(raw["definition"]):
            raise DataError(f"{path}: term '{raw['term']}': definition may not contain [ ] or \"")
        for word in [raw["term"], *also]:
            if word.lower() in seen:
                raise DataError(f"{path}: term '{word}' is listed twice")
            seen.add(word.lower())
        terms.append(Term(raw["term"], " ".join(raw["definition"].split()), tuple(also)))
    return terms


def definitions(terms: list[Term]) -> dict[str, str]:
    """Every form of every term (as written, and with a capital), and its definition."""
    return {form: term.definition for form, term in forms(terms).items()}


def forms(terms: list[Term]) -> dict[str, Term]:
    """Every form of every term (as written, and with a capital), and the term."""
    found = {}
    for term in terms:
        for word in (term.term, *term.also):
            for form in (word, word[:1].upper() + word[1:]):
                found[form] = term
    return found


def _atomic(element) -> None:
    """Leave the text inside ``element`` alone (its tail stays open to terms)."""
    if element.text:
        element.text = AtomicString(element.text)
    for child in element:
        _atomic(child)
        if child.tail:
            child.tail = AtomicString(child.tail)


HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class _TermsOutsideHeadings(AbbrTreeprocessor):
    """Python-Markdown's abbreviation step, skipping headings and switched off per page."""

    def __init__(self, md, extension: GlossaryExtension):
        super().__init__(md, extension.terms)
        self.extension = extension

    def iter_element(self, el, parent=None):
        # A heading is a block: its tail is only the line break after it.
        if el.tag in HEADINGS:
            return
        if el.tag == "a":
            _atomic(el)
        super().iter_element(el, parent)

    def create_element(self, title: str, text: str, tail: str):
        """``<a class="glossary-term" href="…glossary.html#term"><abbr title="…">text</abbr></a>``."""
        term = self.extension.forms[text]
        href = posixpath.relpath(GLOSSARY_PAGE, posixpath.dirname(self.extension.page_src) or ".")
        link = etree.Element("a", {"class": TERM_CLASS, "href": f"{href}#{term.anchor}"})
        abbr = etree.SubElement(link, "abbr", {"title": title})
        abbr.text = AtomicString(text)
        link.tail = tail
        return link

    def run(self, root):
        if self.extension.enabled:
            return super().run(root)
        return None


class GlossaryExtension(Extension):
    """Marks glossary terms as links to the glossary holding ``<abbr>``, in page text, never in headings.

    ``enabled`` and ``page_src`` are set per page by the build: the glossary
    page itself spells every term out and gets no hovers.
    """

    def __init__(self, terms: list[Term]):
        super().__init__()
        self.terms = definitions(terms)
        self.forms = forms(terms)
        self.enabled = True
        # The page being rendered (its Markdown source), for the links to the glossary.
        self.page_src = "index.md"

    def extendMarkdown(self, md):
        # Priority 7: where Python-Markdown's own abbreviations run, before the table of contents.
        md.treeprocessors.register(_TermsOutsideHeadings(md, self), "glossary", 7)


def render_markdown(terms: list[Term], also: str = "Also called or written: {words}.") -> str:
    """The glossary page body: one short section per term, A to Z."""
    out = []
    for term in sorted(terms, key=lambda t: t.term.lower()):
        out.append(f"## {term.term[:1].upper() + term.term[1:]} {{#{term.anchor}}}\n")
        out.append(term.definition)
        if term.also:
            out.append("\n" + also.format(words=", ".join(term.also)))
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    return check_command(load_terms, lambda terms: (f"{term.term}: {term.definition}" for term in terms))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
