"""Load and check the project's YAML data files.

Every list of numbers or terms lives in one file under ``data/``. This module
reads such a file and raises :class:`DataError` naming the file, the entry and
the problem when anything is missing or malformed, so a typo stops the build
instead of reaching a reader.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
# libyaml's safe loader when PyYAML has it (several times faster: every edit
# under `mkdocs serve` reads the data files again), else the pure-Python one.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataError(ValueError):
    """A data file is missing, unreadable or has a malformed entry."""


def load(path: Path) -> Any:
    """Parse a YAML file, naming it in any error."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except FileNotFoundError as exc:
        raise DataError(f"{path}: file not found") from exc
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: not valid YAML: {exc}") from exc


def require(
    path: Path, where: str, entry: Any, fields: dict[str, type | tuple[type, ...]]
) -> None:
    """Check that ``entry`` is a mapping holding every field with the right type."""
    if not isinstance(entry, dict):
        raise DataError(f"{path}: {where}: expected a mapping, got {type(entry).__name__}")
    for name, kind in fields.items():
        value = entry.get(name)
        if value is None or value == "":
            raise DataError(f"{path}: {where}: missing '{name}'")
        if not isinstance(value, kind):
            raise DataError(f"{path}: {where}: '{name}' has the wrong type ({type(value).__name__})")


def reject_unknown(path: Path, where: str, entry: dict, allowed: set[str]) -> None:
    """Refuse keys the renderer would silently ignore (usually a typo)."""
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise DataError(f"{path}: {where}: unknown key(s) {', '.join(unknown)}")


def as_date(path: Path, where: str, value: Any) -> dt.date:
    """Accept a YAML date or an ISO string; anything else is an error."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise DataError(f"{path}: {where}: '{value}' is not a date (YYYY-MM-DD)") from exc


def check_command(load_file: Callable[[], Any], describe: Callable[[Any], Iterable[str]]) -> int:
    """What a data module's command line does: load and check its file, print a summary.

    Returns 1, with the error naming the file, when the file is malformed.
    """
    try:
        data = load_file()
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    for line in describe(data):
        print(line)
    return 0
