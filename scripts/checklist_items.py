"""The checklists' items, read from the checklist pages themselves.

The checklist pages under ``docs/checklists/`` are the single source of their
items (``- [ ] text`` lines, grouped under ``##`` headings). Other pages that
offer the same items (the safety-plan page) read them from here, so an item
changed on its checklist changes everywhere.

Usage: python scripts/checklist_items.py   (prints every checklist and item)
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from datafiles import DataError

ROOT = Path(__file__).resolve().parent.parent
DOCS_DIR = ROOT / "docs"
CONFIG_FILE = ROOT / "mkdocs.yml"
SECTION = "checklists/"
SECTION_INDEX = "checklists/index.md"
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
HEADING = re.compile(r"^##\s+(.+?)\s*$")
ITEM = re.compile(r"^[-*]\s+\[[ xX]\]\s+(.+?)\s*$")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


@dataclass(frozen=True)
class Section:
    heading: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Checklist:
    src: str  # e.g. "checklists/day-one.md"
    title: str
    sections: tuple[Section, ...]

    @property
    def slug(self) -> str:
        return Path(self.src).stem


def plain(text: str) -> str:
    """Item text without Markdown links (their words stay)."""
    return LINK.sub(r"\1", text)


def checklist_sources(nav: list | None) -> list[str]:
    """Sources of the checklist pages in nav order (the section's index left out)."""
    found: list[str] = []

    def walk(items):
        for item in items or []:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            elif isinstance(value, str) and value.startswith(SECTION) and value != SECTION_INDEX:
                found.append(value)

    walk(nav)
    return found


def parse(path: Path, src: str) -> Checklist:
    """One checklist page: its title (front matter) and its items under their headings."""
    text = path.read_text(encoding="utf-8")
    meta = FRONT_MATTER.match(text)
    title = (yaml.safe_load(meta.group(1)) or {}).get("title") if meta else None
    if not title:
        raise DataError(f"{path}: front matter has no 'title'")
    sections: list[Section] = []
    heading, items = "", []
    for line in text[meta.end():].splitlines():
        if match := HEADING.match(line):
            if items:
                sections.append(Section(heading, tuple(items)))
            heading, items = match.group(1), []
        elif match := ITEM.match(line):
            items.append(match.group(1))
    if items:
        sections.append(Section(heading, tuple(items)))
    if not sections:
        raise DataError(f"{path}: a checklist page with no '- [ ]' items")
    return Checklist(src, str(title), tuple(sections))


def load(docs_dir: Path = DOCS_DIR, nav: list | None = None) -> list[Checklist]:
    """Every checklist in the nav, in nav order."""
    return [parse(docs_dir / src, src) for src in checklist_sources(nav)]


def main(argv: list[str] | None = None) -> int:
    from mkdocs.config import load_config

    config = load_config(str(CONFIG_FILE))
    try:
        checklists = load(Path(config["docs_dir"]), config["nav"])
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    for checklist in checklists:
        print(f"{checklist.title} ({checklist.src})")
        for section in checklist.sections:
            print(f"  {section.heading}")
            for item in section.items:
                print(f"    - {plain(item)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
