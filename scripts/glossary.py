"""Glossary terms: the single source is ``data/glossary.yml``.

The glossary page is rendered from it, and every page gets the terms as
Markdown abbreviations so they explain themselves on hover (and to screen
readers through ``<abbr title>``).

Usage: python scripts/glossary.py   (checks the file and prints the terms)
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from datafiles import DATA_DIR, DataError, load, reject_unknown, require

GLOSSARY_FILE = DATA_DIR / "glossary.yml"
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


def abbreviations(terms: list[Term]) -> str:
    """Markdown abbreviation definitions for every form of every term."""
    lines = []
    for term in terms:
        for word in (term.term, *term.also):
            for form in {word, word[:1].upper() + word[1:]}:
                lines.append(f"*[{form}]: {term.definition}")
    return "\n".join(sorted(lines))


def render_markdown(terms: list[Term]) -> str:
    """The glossary page body: one short section per term, A to Z."""
    out = []
    for term in sorted(terms, key=lambda t: t.term.lower()):
        out.append(f"## {term.term[:1].upper() + term.term[1:]} {{#{term.anchor}}}\n")
        out.append(term.definition)
        if term.also:
            out.append(f"\nAlso called or written: {', '.join(term.also)}.")
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    try:
        terms = load_terms()
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    for term in terms:
        print(f"{term.term}: {term.definition}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
