"""Reading level: every page at or below Flesch-Kincaid grade 7, scored offline."""

from __future__ import annotations

import pytest

import readability  # noqa: E402  (a build-time script, not a package)
from conftest import DOCS

PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))


@pytest.mark.parametrize("src", PAGES)
def test_page_reading_grade(src):
    score = readability.grade((DOCS / src).read_text(encoding="utf-8"))
    if score is None:
        # Too little prose to score (a list of links or a data shortcode): fine, but say so.
        words = len(readability.plain_text((DOCS / src).read_text(encoding="utf-8")).split())
        assert words < readability.MIN_WORDS
        return
    assert score <= readability.GRADE_LIMIT, f"docs/{src}: grade {score} > {readability.GRADE_LIMIT}"


def test_scorer_flags_hard_text():
    hard = ("Notwithstanding considerable organisational complexities, comprehensive documentation "
            "substantially facilitates jurisdictional determinations regarding protective injunctions. ") * 5
    easy = "You can stop. You can rest. Help is here. You are not alone. It is not your fault. " * 5
    assert readability.grade(hard) > readability.GRADE_LIMIT
    assert readability.grade(easy) <= readability.GRADE_LIMIT


def test_plain_text_drops_markup():
    md = "---\ntitle: T\n---\n\n# Head\n\n- [ ] Tick [this](x.md)\n\n| a | b |\n|---|---|\n\n```\ncode\n```\n"
    text = readability.plain_text(md)
    assert "title" not in text and "code" not in text and "x.md" not in text and "|" not in text
    assert "Head." in text and "Tick this." in text
