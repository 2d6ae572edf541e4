"""Reading level: every text a reader sees at or below Flesch-Kincaid grade 7, scored offline.

Four routes, each naming the file a hard text comes from: the Markdown pages,
the data files (item by item), the tool templates, and the built pages read
from their HTML (independent of the Markdown route and of the generator, so a
shortcode or template that fills a page is scored as the reader gets it).
"""

from __future__ import annotations

import shutil

import pytest

import readability  # noqa: E402  (a build-time script, not a package)
from conftest import DOCS, ROOT, html_path

PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
DATA_FILES = sorted(readability.DATA_READERS)
TEMPLATES = sorted(p.name for p in readability.TOOLS_DIR.glob("*.html"))
# A sentence an editor would call grade 12 or more.
HARD = ("Notwithstanding considerable organisational complexities, comprehensive documentation "
        "substantially facilitates jurisdictional determinations regarding protective injunctions.")


@pytest.mark.parametrize("src", PAGES)
def test_page_reading_grade(src):
    score = readability.grade((DOCS / src).read_text(encoding="utf-8"))
    if score is not None:
        assert score <= readability.GRADE_LIMIT, f"docs/{src}: grade {score} > {readability.GRADE_LIMIT}"


@pytest.mark.parametrize("src", PAGES)
def test_built_page_reading_grade(site_dir, src):
    """The page as the reader gets it, shortcodes and templates filled in. Every page has prose to score."""
    page = site_dir / html_path(src)
    text = readability.html_text(page.read_text(encoding="utf-8"))
    words = len(text.split())
    assert words >= readability.MIN_WORDS, f"docs/{src}: only {words} words read from the built page"
    score = readability.text_grade(text, readability.MIN_WORDS)
    assert score is not None and score <= readability.GRADE_LIMIT, (
        f"docs/{src} (built): grade {score} > {readability.GRADE_LIMIT}")


def test_glossary_page_is_scored_with_its_definitions(site_dir):
    """The glossary's source is one line and a shortcode: its built page must carry the definitions."""
    import glossary

    text = readability.html_text((site_dir / "glossary.html").read_text(encoding="utf-8"))
    for term in glossary.load_terms():
        assert " ".join(term.definition.split()[:5]) in text, f"{term.term}: definition not scored"
    assert readability.text_grade(text, readability.MIN_WORDS) is not None


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_file_reading_grade(name):
    path = readability.DATA_DIR / name
    texts = readability.data_texts(path)
    assert texts, f"data/{name}: no reader-facing text found"
    over = readability.over_limit([path])
    assert not over, "\n".join(over)


@pytest.mark.parametrize("name", TEMPLATES)
def test_tool_template_reading_grade(name):
    over = readability.over_limit([readability.TOOLS_DIR / name])
    assert not over, "\n".join(over)


def test_planted_hard_glossary_definition_fails_naming_the_file(tmp_path):
    copy = tmp_path / "glossary.yml"
    shutil.copy(ROOT / "data" / "glossary.yml", copy)
    copy.write_text(copy.read_text(encoding="utf-8")
                    + f"  - term: planted\n    definition: {HARD}\n", encoding="utf-8")
    found = readability.over_limit([copy])
    assert len(found) == 1 and "glossary.yml" in found[0] and "planted" in found[0], found
    assert readability.main([str(copy), "--over"]) == 1


def test_planted_hard_sentence_in_a_built_page_fails(tmp_path, site_dir):
    """The HTML route scores text a shortcode put in, not only the Markdown source."""
    site = tmp_path / "site"
    site.mkdir()
    html = (site_dir / "glossary.html").read_text(encoding="utf-8")
    shutil.copy(site_dir / "index.html", site / "index.html")
    assert "</article>" in html
    (site / "glossary.html").write_text(html.replace("</article>", f"<p>{HARD * 12}</p></article>", 1),
                                        encoding="utf-8")
    found = readability.over_limit([site])
    assert any("glossary.html" in line for line in found), found


def test_html_text_reads_the_article_only():
    html = ('<html><nav>Skip menu words</nav><article class="md-content__inner md-typeset">'
            '<h2 id="a">Head<a class="headerlink" href="#a">¶</a></h2><p>You can rest <abbr title="long '
            'definition">now</abbr></p><pre><code>code here</code></pre><script>var x</script>'
            '<ul><li>One</li><li>Two</li></ul></article><footer>Footer</footer></html>')
    text = readability.html_text(html)
    assert text.split("\n") == ["Head.", "You can rest now.", "One.", "Two."]


def test_template_text_drops_jinja():
    text = readability.template_text('{#- note -#}<p>{{ value }} Hello {% if x %}there{% endif %}</p>')
    assert text == "Hello there."


def test_scorer_flags_hard_text():
    easy = "You can stop. You can rest. Help is here. You are not alone. It is not your fault. " * 5
    assert readability.grade((HARD + " ") * 5) > readability.GRADE_LIMIT
    assert readability.grade(easy) <= readability.GRADE_LIMIT
    assert readability.text_grade(HARD) > readability.GRADE_LIMIT


def test_plain_text_drops_markup():
    md = "---\ntitle: T\n---\n\n# Head\n\n- [ ] Tick [this](x.md)\n\n| a | b |\n|---|---|\n\n```\ncode\n```\n"
    text = readability.plain_text(md)
    assert "title" not in text and "code" not in text and "x.md" not in text and "|" not in text
    assert "Head." in text and "Tick this." in text


def test_unknown_data_file_is_refused(tmp_path):
    path = tmp_path / "new.yml"
    path.write_text("a: b\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="new.yml"):
        readability.data_texts(path)
