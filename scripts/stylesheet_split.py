"""Split Material's stylesheet by where its rules can apply (a step after the build).

For readers on slow or costly data, a first visit should carry only the CSS
the page can use. Material ships one stylesheet; by the classes each rule
needs, this step writes:

- rules that can apply to the built pages: kept in ``main.*.min.css``;
- rules that can only apply once Material's script has run (their classes
  appear only in the site's JavaScript, e.g. search results): moved to
  ``material-scripted.css``, which ``site.js`` loads with Material's bundle;
- rules needing a class used nowhere, and custom properties (``--md-...``,
  mostly inline SVG icons) nothing refers to: dropped.

Rules without a class are kept. ``tests/test_speed.py`` checks that pages look
the same, pixel for pixel, as with Material's full stylesheet. The source is
always Material's own file, so a repeated build (``mkdocs serve``) splits the
original, not an already split copy. Unreadable CSS raises an error naming
the file.
"""

from __future__ import annotations

import re
from pathlib import Path

import tinycss2
from mkdocs.exceptions import PluginError

# Written here by the split; site.js loads it together with Material's bundle.
SCRIPTED_STYLESHEET = "assets/stylesheets/material-scripted.css"
CLASS_ATTR = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')""")
JS_WORD = re.compile(r"[A-Za-z_][\w-]*")
CLASS_IN_SELECTOR = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
# Pseudo-classes that take selectors (see can_match).
FUNCTIONAL = re.compile(r":(not|is|where|has|matches|-webkit-any|-moz-any)\(")
VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")
CUSTOM_NAME = re.compile(r"--[A-Za-z_][\w-]*")
# At-rules whose blocks hold rules to trim; any other at-rule is kept whole.
NESTING_AT_RULES = {"media", "supports", "layer", "container"}


def page_classes(site: Path) -> set[str]:
    """Every class name in a class attribute of a built page."""
    found: set[str] = set()
    for page in site.rglob("*.html"):
        for match in CLASS_ATTR.finditer(page.read_text(encoding="utf-8")):
            found.update((match.group(1) or match.group(2) or "").split())
    return found


def script_words(site: Path) -> tuple[set[str], tuple[str, ...]]:
    """Words in the site's JavaScript that may be class names its scripts add,
    and the prefixes (words ending in ``-`` or ``_``) they may complete at run time.

    Material's class names all have a hyphen ("md-search-result__item",
    "focus-visible") but one, "js"; plain words ("note", "success") would
    keep rules for features this site does not use.
    """
    words: set[str] = set()
    for script in site.glob("assets/javascripts/**/*.js"):
        words.update(w for w in JS_WORD.findall(script.read_text(encoding="utf-8")) if "-" in w or w == "js")
    prefixes = tuple(sorted(w for w in words if w.endswith(("-", "_")) and len(w) > 3))
    return words, prefixes


class Classes:
    """Which classes the pages use, and which only scripts may add."""

    def __init__(self, on_pages: set[str], in_scripts: set[str], prefixes: tuple[str, ...]):
        self.on_pages = on_pages
        self.in_scripts = in_scripts
        self.prefixes = prefixes

    def where(self, selector: str) -> str:
        """"page", "scripted" or "unused": where a rule with this selector belongs."""
        if can_match(selector, self.on_pages.__contains__):
            return "page"
        if can_match(selector, self.scripted):
            return "scripted"
        return "unused"

    def scripted(self, name: str) -> bool:
        return name in self.on_pages or name in self.in_scripts or name.startswith(self.prefixes)


def _closing(text: str, start: int) -> int:
    """Index of the bracket closing the one opened just before ``start``."""
    depth = 1
    for index in range(start, len(text)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return index
    raise ValueError(f"unbalanced brackets in selector {text!r}")


def can_match(selector: str, known) -> bool:
    """False when the selector needs a class for which ``known(name)`` is false.

    Classes inside ``:not()`` are not needed. For ``:is()``, ``:where()`` and
    ``:has()`` one of the listed selectors must be able to match.
    """
    while match := FUNCTIONAL.search(selector):
        end = _closing(selector, match.end())
        inner = selector[match.end():end]
        if match.group(1) != "not" and not any(can_match(s, known) for s in split_selectors(inner)):
            return False
        selector = selector[:match.start()] + selector[end + 1:]
    return all(known(name) for name in CLASS_IN_SELECTOR.findall(selector))


def split_selectors(prelude: str) -> list[str]:
    """Split a selector list on top-level commas (not those inside brackets)."""
    parts, depth, current = [], 0, []
    for char in prelude:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        if char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    parts.append("".join(current).strip())
    return [p for p in parts if p]


def split_rules(rules, classes: Classes) -> tuple[str, str]:
    """Serialise ``rules`` into (page CSS, scripted CSS), leaving out unused selectors."""
    page, scripted = [], []
    for rule in rules:
        if rule.type == "qualified-rule":
            body = "{" + tinycss2.serialize(rule.content) + "}"
            groups: dict[str, list[str]] = {"page": [], "scripted": [], "unused": []}
            for selector in split_selectors(tinycss2.serialize(rule.prelude)):
                groups[classes.where(selector)].append(selector)
            if groups["page"]:
                page.append(",".join(groups["page"]) + body)
            if groups["scripted"]:
                scripted.append(",".join(groups["scripted"]) + body)
        elif rule.type == "at-rule" and rule.lower_at_keyword in NESTING_AT_RULES and rule.content is not None:
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            inner_page, inner_scripted = split_rules(inner, classes)
            prelude = tinycss2.serialize(rule.prelude).strip()
            if inner_page:
                page.append(f"@{rule.at_keyword} {prelude}{{{inner_page}}}")
            if inner_scripted:
                scripted.append(f"@{rule.at_keyword} {prelude}{{{inner_scripted}}}")
        elif rule.type == "at-rule":
            page.append(rule.serialize())
        elif rule.type == "error":
            raise ValueError(f"unreadable CSS: {rule.message}")
    return "".join(page), "".join(scripted)


def drop_unused_properties(css: str, elsewhere: str) -> tuple[str, str]:
    """Take out custom-property declarations that no ``var()`` in ``css`` or ``elsewhere`` reads.

    ``elsewhere`` is the text of the other stylesheets and scripts; a property
    named there in any form (scripts read some with getPropertyValue) stays.
    Repeats until nothing more goes, as properties refer to one another.
    Returns the remaining CSS and the taken-out declarations, in their rules.
    """
    taken: list[str] = []
    while True:
        used = set(VAR_USE.findall(css)) | set(CUSTOM_NAME.findall(elsewhere))
        rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
        kept, out = _split_properties(rules, used)
        if not out:
            return css, "".join(taken)
        css = kept
        taken.append(out)


def _split_properties(rules, used: set[str]) -> tuple[str, str]:
    kept, taken = [], []
    for rule in rules:
        if rule.type == "qualified-rule" and "--" in tinycss2.serialize(rule.content):
            items = tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
            unused = [item for item in items
                      if item.type == "declaration" and item.name.startswith("--") and item.name not in used]
            stay = [item.serialize() for item in items if item not in unused]
            prelude = tinycss2.serialize(rule.prelude)
            if stay:
                kept.append(prelude + "{" + ";".join(stay) + "}")
            if unused:
                taken.append(prelude + "{" + ";".join(item.serialize() for item in unused) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in NESTING_AT_RULES and rule.content is not None:
            inner_kept, inner_taken = _split_properties(
                tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), used)
            prelude = tinycss2.serialize(rule.prelude).strip()
            if inner_kept:
                kept.append(f"@{rule.at_keyword} {prelude}{{{inner_kept}}}")
            if inner_taken:
                taken.append(f"@{rule.at_keyword} {prelude}{{{inner_taken}}}")
        else:
            kept.append(rule.serialize())
    return "".join(kept), "".join(taken)


def split_stylesheet(source: Path, target: Path, scripted_path: Path, classes: Classes, elsewhere: str) -> None:
    """Split the stylesheet ``source`` into ``target`` (page rules) and ``scripted_path``.

    Custom properties only the scripted rules read move with them (first in
    that file, as they sat before the rules in Material's); properties nothing
    reads are dropped.
    """
    text = source.read_text(encoding="utf-8")
    try:
        rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
        page, scripted = split_rules(rules, classes)
        page, properties = drop_unused_properties(page, elsewhere)
        scripted, _ = drop_unused_properties(properties + scripted, page + elsewhere)
    except ValueError as error:
        raise PluginError(f"{source}: {error}") from error
    target.write_text(page, encoding="utf-8")
    scripted_path.write_text(scripted, encoding="utf-8")


# The last split, by its inputs: `mkdocs serve` rebuilds after an edit that
# rarely changes which classes the pages use, and the split is then the same.
_last: dict[tuple, tuple[str, str]] = {}


def split(site: Path, source: Path, in_site: str) -> None:
    """Split the built site's copy of Material's stylesheet (``in_site``), reading ``source``."""
    target = site / in_site
    if not target.exists():
        raise PluginError(f"{target}: Material's stylesheet was not copied into the site")
    words, prefixes = script_words(site)
    on_pages = page_classes(site)
    others = [p for p in site.glob("assets/stylesheets/*.css") if p != target]
    others += list(site.glob("assets/javascripts/**/*.js"))
    elsewhere = "".join(p.read_text(encoding="utf-8") for p in sorted(others))
    key = (source, source.stat().st_mtime_ns, frozenset(on_pages), frozenset(words), prefixes, hash(elsewhere))
    scripted_path = site / SCRIPTED_STYLESHEET
    if key in _last:
        target.write_text(_last[key][0], encoding="utf-8")
        scripted_path.write_text(_last[key][1], encoding="utf-8")
        return
    split_stylesheet(source, target, scripted_path, Classes(on_pages, words, prefixes), elsewhere)
    _last.clear()
    _last[key] = (target.read_text(encoding="utf-8"), scripted_path.read_text(encoding="utf-8"))
