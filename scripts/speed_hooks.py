"""MkDocs hooks that keep each page light for readers on slow or costly data.

- Gives the templates the address of Material's JavaScript bundle
  (``material_bundle``), so ``overrides/main.html`` can hand it to
  ``site.js`` instead of loading it with every page. The bundle's
  file name carries a hash that changes with each Material release; it is
  looked up, not copied.
- Trims Material's stylesheet after the build: a rule is dropped when one of
  the classes it needs appears neither in any built page nor in any of the
  site's JavaScript (where Material builds its search results and menus).
  Everything else, including every rule without a class, is kept as it is.
  ``tests/test_speed.py`` checks that pages look the same, pixel for pixel,
  with the full and the trimmed stylesheet.
Each step raises an error naming the file when what it expects is missing.
"""

from __future__ import annotations

import re
from pathlib import Path

import tinycss2
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

BUNDLE_GLOB = "assets/javascripts/bundle.*.min.js"
STYLESHEET_GLOB = "assets/stylesheets/main.*.min.css"
CLASS_ATTR = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')""")
JS_WORD = re.compile(r"[A-Za-z_][\w-]*")
CLASS_IN_SELECTOR = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
# Classes inside :not(...) need not be present for the rule to apply.
NEGATION = re.compile(r":not\((?:[^()]|\([^()]*\))*\)")
# Selectors that may match in ways a class list cannot tell: always kept.
OPAQUE = re.compile(r":(?:is|where|has|matches)\(")
# At-rules whose blocks hold rules to trim; any other at-rule is kept whole.
NESTING_AT_RULES = {"media", "supports", "layer", "container"}


def find_bundle(theme_dirs: list[str]) -> str:
    """The site-relative path of Material's bundle, from the theme's folders."""
    for folder in theme_dirs:
        found = sorted(Path(folder).glob(BUNDLE_GLOB))
        if len(found) == 1:
            return found[0].relative_to(folder).as_posix()
        if len(found) > 1:
            raise PluginError(f"{folder}: more than one {BUNDLE_GLOB}: {[p.name for p in found]}")
    raise PluginError(f"No {BUNDLE_GLOB} in the theme folders {theme_dirs}; has Material changed?")


def on_env(env, config, files, **kwargs):
    env.globals["material_bundle"] = find_bundle(config["theme"].dirs)
    return env


def used_classes(site: Path) -> tuple[set[str], tuple[str, ...]]:
    """Class names used by the built pages and words in the site's JavaScript.

    Returns the set of known names and the prefixes (JS words ending in ``-``
    or ``_``) that scripts may complete at run time.
    """
    known: set[str] = set()
    for page in site.rglob("*.html"):
        for match in CLASS_ATTR.finditer(page.read_text(encoding="utf-8")):
            known.update((match.group(1) or match.group(2) or "").split())
    words: set[str] = set()
    for script in site.glob("assets/javascripts/**/*.js"):
        words.update(JS_WORD.findall(script.read_text(encoding="utf-8")))
    prefixes = tuple(sorted(w for w in words if w.endswith(("-", "_")) and len(w) > 3))
    return known | words, prefixes


def selector_can_match(selector: str, known: set[str], prefixes: tuple[str, ...]) -> bool:
    """False only when the selector needs a class that nothing on the site uses."""
    if OPAQUE.search(selector):
        return True
    for name in CLASS_IN_SELECTOR.findall(NEGATION.sub("", selector)):
        if name not in known and not name.startswith(prefixes):
            return False
    return True


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


def trim_rules(rules, known: set[str], prefixes: tuple[str, ...]) -> str:
    """Serialise ``rules``, leaving out selectors (and rules) that cannot match."""
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = split_selectors(tinycss2.serialize(rule.prelude))
            kept = [s for s in selectors if selector_can_match(s, known, prefixes)]
            if kept:
                out.append(",".join(kept) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in NESTING_AT_RULES and rule.content is not None:
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            body = trim_rules(inner, known, prefixes)
            if body:
                prelude = tinycss2.serialize(rule.prelude).strip()
                out.append(f"@{rule.at_keyword} {prelude}{{{body}}}")
        elif rule.type == "at-rule":
            out.append(rule.serialize())
        elif rule.type == "error":
            raise ValueError(f"unreadable CSS: {rule.message}")
    return "".join(out)


def trim_stylesheet(path: Path, known: set[str], prefixes: tuple[str, ...]) -> tuple[int, int]:
    """Trim the stylesheet at ``path`` in place; return its size before and after."""
    text = path.read_text(encoding="utf-8")
    try:
        rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
        trimmed = trim_rules(rules, known, prefixes)
    except ValueError as error:
        raise PluginError(f"{path}: {error}") from error
    path.write_text(trimmed, encoding="utf-8")
    return len(text.encode("utf-8")), len(trimmed.encode("utf-8"))


# After the PDF plugin and the offline plugin (-100), before the zip (-200),
# so the offline copy carries the trimmed stylesheet too.
@event_priority(-150)
def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    sheets = sorted(site.glob(STYLESHEET_GLOB))
    if len(sheets) != 1:
        raise PluginError(f"{site}: expected one {STYLESHEET_GLOB}, found {[p.name for p in sheets]}")
    known, prefixes = used_classes(site)
    trim_stylesheet(sheets[0], known, prefixes)
    # Its source map describes the untrimmed file; nothing loads it.
    for source_map in site.glob(STYLESHEET_GLOB + ".map"):
        source_map.unlink()
