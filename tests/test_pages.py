"""Every page: title and description, one H1, no skipped heading levels, no empty section."""

from __future__ import annotations

import itertools
import re

import yaml

from conftest import DOCS, article, heading_text


def _front_matter(src: str) -> dict:
    text = (DOCS / src).read_text(encoding="utf-8")
    match = re.match(r"\A---\n(.*?)\n---\n", text, re.S)
    assert match, f"docs/{src}: no front matter"
    return yaml.safe_load(match.group(1))


def test_every_page_has_title_and_description(nav_pages):
    for src in nav_pages:
        meta = _front_matter(src)
        assert str(meta.get("title", "")).strip(), f"docs/{src}: no title"
        description = str(meta.get("description", "")).strip()
        assert 30 <= len(description) <= 200, f"docs/{src}: description should be 30-200 characters"


def test_description_reaches_the_html(built_pages):
    for src, soup in built_pages.items():
        tag = soup.find("meta", attrs={"name": "description"})
        assert tag and tag["content"] == _front_matter(src)["description"], f"docs/{src}: meta description"


def test_exactly_one_h1_matching_the_title(built_pages):
    for src, soup in built_pages.items():
        h1s = article(soup).find_all("h1")
        assert len(h1s) == 1, f"docs/{src}: {len(h1s)} H1 headings"
        heading = heading_text(h1s[0])
        assert heading == _front_matter(src)["title"], f"docs/{src}: H1 {heading!r} differs from title"


def test_no_skipped_heading_levels(built_pages):
    for src, soup in built_pages.items():
        levels = [int(h.name[1]) for h in article(soup).find_all(re.compile(r"^h[1-6]$"))]
        for before, after in itertools.pairwise(levels):
            assert after <= before + 1, f"docs/{src}: heading level jumps from h{before} to h{after}"


def test_no_empty_sections(built_pages):
    heading = re.compile(r"^h[1-6]$")
    for src, soup in built_pages.items():
        for h in article(soup).find_all(heading):
            level = int(h.name[1])
            content = False
            for sibling in h.find_next_siblings():
                if heading.match(sibling.name) and int(sibling.name[1]) <= level + (0 if level > 1 else 1):
                    break
                if heading.match(sibling.name):
                    continue
                if sibling.get_text(strip=True) or sibling.find(["img", "input"]):
                    content = True
                    break
            assert content, f"docs/{src}: heading {h.get_text(strip=True)!r} has no text under it"


def test_language_is_set(built_pages):
    for src, soup in built_pages.items():
        assert soup.html.get("lang") == "en", f"docs/{src}: <html lang> missing"
