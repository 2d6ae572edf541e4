"""Glossary: one data file feeds the glossary page and the hover definitions on every page."""

from __future__ import annotations

import glossary  # noqa: E402
from conftest import article

REQUIRED = {"hoovering", "supply", "flying monkeys", "smear campaign", "gray rock", "protective order"}


def test_required_terms_defined():
    terms = {t.term for t in glossary.load_terms()}
    assert REQUIRED <= terms, REQUIRED - terms


def test_protective_order_lists_its_other_names():
    term = next(t for t in glossary.load_terms() if t.term == "protective order")
    assert "restraining order" in term.also


def test_glossary_page_lists_every_term(built_pages):
    page = article(built_pages["glossary.md"])
    for term in glossary.load_terms():
        assert page.find(id=term.anchor), f"glossary page has no entry for {term.term}"


def test_terms_explain_themselves_on_other_pages(built_pages):
    definitions = {t.definition for t in glossary.load_terms()}
    pages_with_abbr = 0
    for src, soup in built_pages.items():
        abbrs = article(soup).find_all("abbr")
        for abbr in abbrs:
            assert abbr.get("title") in definitions, f"docs/{src}: <abbr> {abbr.text!r} has no glossary title"
        pages_with_abbr += bool(abbrs)
    # Hoovering is explained where the guide introduces it.
    expect = article(built_pages["guide/what-to-expect.md"])
    assert any(a.text.lower().startswith("hoover") for a in expect.find_all("abbr"))
    assert pages_with_abbr >= 8
