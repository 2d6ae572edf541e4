"""Help-now numbers: the single source is ``data/helplines.yml``.

The "Get help now" page and the handbook cover are rendered from that file.
Each entry must carry the page it was checked against (``source``) and the
date (``checked``); an entry without them fails the build.

Usage: python scripts/helplines.py   (checks the file and prints a summary)
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from urllib.parse import urlsplit
from pathlib import Path

from datafiles import DATA_DIR, DataError, as_date, load, reject_unknown, require

HELPLINES_FILE = DATA_DIR / "helplines.yml"
KINDS = {"emergency", "helpline"}
ENTRY_KEYS = {"name", "kind", "number", "tel", "how", "hours", "details", "website", "source", "checked"}
COUNTRY_KEYS = {"name", "slug", "entries", "note"}
_TEL = re.compile(r"^\+?[0-9]{2,15}$")
_URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")


@dataclass(frozen=True)
class Entry:
    name: str
    kind: str
    number: str
    tel: str
    source: str
    checked: str
    how: str = ""
    hours: str = ""
    details: str = ""
    website: str = ""


@dataclass(frozen=True)
class Country:
    name: str
    slug: str
    entries: tuple[Entry, ...]
    note: str = ""

    @property
    def emergency(self) -> Entry:
        return next(e for e in self.entries if e.kind == "emergency")


def load_countries(path: Path = HELPLINES_FILE) -> list[Country]:
    """Read and check the helpline file; raise DataError naming any fault."""
    data = load(path)
    if not isinstance(data, dict) or not isinstance(data.get("countries"), list):
        raise DataError(f"{path}: expected a top-level 'countries:' list")
    countries = []
    for i, raw in enumerate(data["countries"], 1):
        where = f"country #{i}"
        require(path, where, raw, {"name": str, "slug": str, "entries": list})
        reject_unknown(path, where, raw, COUNTRY_KEYS)
        where = f"country '{raw['name']}'"
        entries = []
        for j, item in enumerate(raw["entries"], 1):
            at = f"{where}, entry #{j}"
            require(path, at, item, {"name": str, "kind": str, "number": (str, int),
                                     "tel": (str, int), "source": str, "checked": object})
            reject_unknown(path, at, item, ENTRY_KEYS)
            at = f"{where}, '{item['name']}'"
            if item["kind"] not in KINDS:
                raise DataError(f"{path}: {at}: kind must be one of {sorted(KINDS)}")
            tel = str(item["tel"])
            if not _TEL.match(tel):
                raise DataError(f"{path}: {at}: tel '{tel}' must be digits, optionally after +")
            for key in ("source", "website"):
                if item.get(key) and not _URL.match(item[key]):
                    raise DataError(f"{path}: {at}: {key} must be a web address (http or https)")
            checked = as_date(path, at, item["checked"]).isoformat()
            entries.append(Entry(
                name=item["name"], kind=item["kind"], number=str(item["number"]), tel=tel,
                source=item["source"], checked=checked, how=item.get("how", ""),
                hours=item.get("hours", ""), details=item.get("details", ""),
                website=item.get("website", ""),
            ))
        if sum(e.kind == "emergency" for e in entries) != 1:
            raise DataError(f"{path}: {where}: needs exactly one 'emergency' entry")
        countries.append(Country(raw["name"], raw["slug"], tuple(entries), raw.get("note", "")))
    if not countries:
        raise DataError(f"{path}: no countries listed")
    return countries


def _line(entry: Entry) -> str:
    how = f"{entry.how}: " if entry.how else ""
    text = f"**{entry.name}**: {how}[{entry.number}](tel:{entry.tel})"
    if entry.hours:
        text += f", {entry.hours}"
    text += "."
    if entry.details:
        text += f" {entry.details}"
    if entry.website:
        text += f" [{entry.name} website]({entry.website})."
    return text


def _host(url: str) -> str:
    return urlsplit(url).netloc.removeprefix("www.")


def render_markdown(countries: list[Country]) -> str:
    """The per-country sections of the "Get help now" page."""
    out = []
    for country in countries:
        out.append(f"## {country.name} {{#{country.slug}}}\n")
        if country.note:
            out.append(f"{country.note}\n")
        out.extend(f"- {_line(entry)}" for entry in country.entries)
        sources = ", ".join(f"[{_host(e.source)}]({e.source})" for e in country.entries)
        latest = max(e.checked for e in country.entries)
        out.append(f"\n<small>Numbers checked on {latest}. Where we checked them: "
                   f"{sources}.</small>\n")
    return "\n".join(out)


def render_summary(countries: list[Country]) -> str:
    """One line per country with every number, for the handbook cover."""
    return "\n".join(
        f"- **{c.name}**: " + "; ".join(f"{e.name} {e.number}" for e in c.entries)
        for c in countries
    )


def main(argv: list[str] | None = None) -> int:
    try:
        countries = load_countries()
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    for country in countries:
        print(f"{country.name}: {len(country.entries)} entries, emergency {country.emergency.number}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
