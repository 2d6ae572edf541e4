"""The words of the templates, the tools and the generated lists, per language.

``data/strings.yml`` holds the English, ``data/es/strings.yml`` the Spanish,
with the same sections and keys (a build of either edition stops when one
lacks a key the other has, naming the file and key). Templates reach them as
``t.SECTION.KEY``; ``log-writer.js`` gets its messages from the JSON block of
its form; the Python renderers take the section they need.
"""

from __future__ import annotations

import sys
from pathlib import Path

import languages
from datafiles import DataError, check_command, load

FILE_NAME = "strings.yml"


def path_for(language: str) -> Path:
    return languages.data_dir(language) / FILE_NAME


def _read(path: Path) -> dict[str, dict[str, str]]:
    data = load(path)
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise DataError(f"{path}: expected sections, each a mapping of keys to words")
    for section, words in data.items():
        for key, value in words.items():
            if not isinstance(value, str) or not value.strip():
                raise DataError(f"{path}: {section}.{key}: expected words")
    # A block of several lines (a README) keeps its lines; anything else is one line.
    return {section: {k: v if "\n" in v else " ".join(v.split()) for k, v in words.items()}
            for section, words in data.items()}


def keys(table: dict[str, dict[str, str]]) -> set[str]:
    return {f"{section}.{key}" for section, words in table.items() for key in words}


def load_strings(language: str = languages.DEFAULT) -> dict[str, dict[str, str]]:
    """The words for ``language``, checked against English: the same keys, no more, no fewer."""
    english_path = path_for(languages.DEFAULT)
    english = _read(english_path)
    if language == languages.DEFAULT:
        return english
    path = path_for(language)
    table = _read(path)
    check_same_keys(english, english_path, table, path)
    return table


def check_same_keys(english: dict, english_path: Path, table: dict, path: Path) -> None:
    """Raise DataError naming ``path`` and the key when ``table`` lacks a key of ``english``, or adds one."""
    missing, extra = sorted(keys(english) - keys(table)), sorted(keys(table) - keys(english))
    if missing:
        raise DataError(f"{path}: missing {', '.join(missing)} (in {english_path})")
    if extra:
        raise DataError(f"{path}: {', '.join(extra)} not in {english_path}")


def fill(text: str, **values) -> str:
    """``text`` with its ``{name}`` places filled in."""
    return text.format(**values)


def main(argv: list[str] | None = None) -> int:
    lang = (argv or sys.argv[1:] or [languages.DEFAULT])[0]
    return check_command(lambda: load_strings(lang), lambda table: sorted(keys(table)))


if __name__ == "__main__":
    sys.exit(main())
