"""Help-now numbers: the single source is ``data/helplines.yml``.

The "Get help now" page and the handbook cover are rendered from that file.
Each entry must carry the page it was checked against (``source``), what kind
of page that is (``source_kind``) and the date (``checked``). Each helpline
also says when it is open (``hours``), who it is for (``for``) and how to reach
it (``channels``). An entry without them fails the build. Each country has
exactly one line marked ``crisis: true``, for the reader's own crisis (the one
rule the "When it still hurts" page relies on). Hours that send the reader to
"check their website" must say why, in ``source_note``.

Usage: python scripts/helplines.py   (checks the file and prints a summary)
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import strings
from datafiles import DATA_DIR, DataError, as_date, check_command, load, reject_unknown, require

HELPLINES_FILE = DATA_DIR / "helplines.yml"
# emergency: the country's emergency number; helpline: a line you can call;
# directory: a website that lists local services and their own numbers.
KINDS = {"emergency", "helpline", "directory"}
# Who a helpline is for, in the words the page shows.
AUDIENCES = {
    "anyone": "anyone",
    "women": "women",
    "men": "men",
    "young people": "young people",
    "lgbt+": "LGBT+ people",
}
# How a reader can reach it, in the order the page lists them.
CHANNELS = ("call", "text", "chat", "email")
# What kind of page the number was checked on.
SOURCE_KINDS = {
    "own": "the service's own website",
    "official": "a government or police page",
    "other": "another group's page or a news story",
}
ENTRY_KEYS = {"name", "kind", "number", "tel", "channels", "hours", "for", "details", "website",
              "source", "source_kind", "source_note", "checked", "crisis"}
# Hours in these words send the reader elsewhere; the entry must say why.
_VAGUE_HOURS = re.compile(r"\bcheck\b", re.I)
# crisis_note: why a country has no line marked crisis (none confirmed in a source yet).
COUNTRY_KEYS = {"name", "slug", "entries", "note", "crisis_note"}
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
    source_kind: str = "other"
    source_note: str = ""
    channels: tuple[str, ...] = ()
    hours: str = ""
    audience: tuple[str, ...] = ()
    details: str = ""
    website: str = ""
    crisis: bool = False
    # The edition's words for channels and audiences (strings "helplines"); English if empty.
    words: dict = field(default_factory=dict, compare=False, repr=False)

    def _word(self, key: str) -> str:
        return (self.words or english())[key]

    @property
    def how(self) -> str:
        """The channels as words: "Call, text or chat"."""
        words = [self._word(c) for c in self.channels]
        if not words:
            return ""
        text = words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" {self._word('or')} " + words[-1]
        return text[0].upper() + text[1:]

    @property
    def who(self) -> str:
        """Who it is for, as words: "women", "LGBT+ people"."""
        words = [self._word(a) for a in self.audience]
        return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" {self._word('and')} " + words[-1]


@dataclass(frozen=True)
class Country:
    name: str
    slug: str
    entries: tuple[Entry, ...]
    note: str = ""
    # Shown under the country's name: why no line is marked for the reader's own crisis.
    crisis_note: str = ""

    @property
    def emergency(self) -> Entry:
        return next(e for e in self.entries if e.kind == "emergency")


def english() -> dict:
    """The English words of the lists (data/strings.yml), for callers that give none."""
    return strings.load_strings()["helplines"]


def _as_list(path: Path, at: str, item: dict, key: str) -> list[str]:
    value = item.get(key)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise DataError(f"{path}: {at}: missing '{key}' (a list of words)")
    return [v.strip().lower() for v in value]


def _entry(path: Path, where: str, j: int, item: dict, words: dict) -> Entry:
    at = f"{where}, entry #{j}"
    if isinstance(item, dict) and isinstance(item.get("name"), str):
        at += f" ('{item['name']}')"
    require(path, at, item, {"name": str, "kind": str, "source": str, "source_kind": str,
                             "checked": object})
    reject_unknown(path, at, item, ENTRY_KEYS)
    at = f"{where}, '{item['name']}'"
    kind = item["kind"]
    if kind not in KINDS:
        raise DataError(f"{path}: {at}: kind must be one of {sorted(KINDS)}")
    if item["source_kind"] not in SOURCE_KINDS:
        raise DataError(f"{path}: {at}: source_kind must be one of {sorted(SOURCE_KINDS)}")
    for key in ("source", "website"):
        if item.get(key) and not _URL.match(item[key]):
            raise DataError(f"{path}: {at}: {key} must be a web address (http or https)")
    checked = as_date(path, at, item["checked"]).isoformat()

    if kind == "directory":
        require(path, at, item, {"website": str, "hours": str})
        if item.get("number") or item.get("tel"):
            raise DataError(f"{path}: {at}: a directory has a website, not a number")
        number, tel = _host(item["website"]), ""
    else:
        require(path, at, item, {"number": (str, int), "tel": (str, int)})
        number, tel = str(item["number"]), str(item["tel"])
        if not _TEL.match(tel):
            raise DataError(f"{path}: {at}: tel '{tel}' must be digits, optionally after +")

    channels: list[str] = []
    audience: list[str] = []
    crisis = item.get("crisis", False)
    if not isinstance(crisis, bool):
        raise DataError(f"{path}: {at}: 'crisis' must be true or false")
    if crisis and kind != "helpline":
        raise DataError(f"{path}: {at}: only a helpline can be the crisis line")
    if kind == "helpline":
        require(path, at, item, {"hours": str})
    if _VAGUE_HOURS.search(item.get("hours", "")) and not item.get("source_note", "").strip():
        raise DataError(f"{path}: {at}: hours say 'check': say why in 'source_note'")
    if kind in ("helpline", "directory"):
        audience = _as_list(path, at, item, "for")
        unknown = sorted(set(audience) - set(AUDIENCES))
        if unknown:
            raise DataError(f"{path}: {at}: 'for' has {unknown}; use words from {sorted(AUDIENCES)}")
    if kind != "directory":
        channels = _as_list(path, at, item, "channels") if "channels" in item else ["call"]
        unknown = sorted(set(channels) - set(CHANNELS))
        if unknown:
            raise DataError(f"{path}: {at}: channels has {unknown}; use words from {list(CHANNELS)}")
        if "call" not in channels:
            raise DataError(f"{path}: {at}: channels must include 'call' (the number is a phone number)")
        channels = [c for c in CHANNELS if c in channels]
    return Entry(
        name=item["name"], kind=kind, number=number, tel=tel, source=item["source"],
        checked=checked, source_kind=item["source_kind"],
        source_note=item.get("source_note", "").strip(), channels=tuple(channels),
        hours=item.get("hours", ""), audience=tuple(audience),
        details=" ".join(str(item.get("details", "")).split()), website=item.get("website", ""),
        crisis=crisis, words=words,
    )


def load_countries(path: Path = HELPLINES_FILE, words: dict | None = None) -> list[Country]:
    """Read and check the helpline file; raise DataError naming any fault.

    ``words``: the edition's strings "helplines" section (English if not given).
    """
    data = load(path)
    if not isinstance(data, dict) or not isinstance(data.get("countries"), list):
        raise DataError(f"{path}: expected a top-level 'countries:' list")
    countries = []
    for i, raw in enumerate(data["countries"], 1):
        where = f"country #{i}"
        require(path, where, raw, {"name": str, "slug": str, "entries": list})
        reject_unknown(path, where, raw, COUNTRY_KEYS)
        where = f"country '{raw['name']}'"
        entries = [_entry(path, where, j, item, words or {}) for j, item in enumerate(raw["entries"], 1)]
        if sum(e.kind == "emergency" for e in entries) != 1:
            raise DataError(f"{path}: {where}: needs exactly one 'emergency' entry")
        crises = sum(e.crisis for e in entries)
        if crises > 1 or (crises == 0 and not str(raw.get("crisis_note", "")).strip()):
            raise DataError(f"{path}: {where}: needs exactly one helpline with 'crisis: true' "
                            "(or, if none is confirmed yet, a 'crisis_note' saying so)")
        countries.append(Country(raw["name"], raw["slug"], tuple(entries), raw.get("note", ""),
                                 " ".join(str(raw.get("crisis_note", "")).split())))
    if not countries:
        raise DataError(f"{path}: no countries listed")
    return countries


def _host(url: str) -> str:
    return urlsplit(url).netloc.removeprefix("www.")


def _line(entry: Entry, w: dict) -> str:
    """One entry as a Markdown list item: name, how to reach it, who it is for, hours, details."""
    if entry.kind == "directory":
        text = f"**{entry.name}**: [{entry.number}]({entry.website})."
    else:
        how = f"{entry.how}: " if entry.how else ""
        text = f"**{entry.name}**: {how}[{entry.number}](tel:{entry.tel})."
    if entry.audience:
        text += f" {w['for']} {entry.who}."
    if entry.hours:
        text += f" {entry.hours[0].upper()}{entry.hours[1:]}."
    if entry.details:
        text += f" {entry.details}"
    if entry.website and entry.kind != "directory":
        text += f" [{entry.name} {w['website']}]({entry.website})."
    return text


def _source_line(entry: Entry, w: dict) -> str:
    text = (f"{entry.name}: [{_host(entry.source)}]({entry.source}), "
            f"{w['source_' + entry.source_kind]}, {w['on_date']} {entry.checked}.")
    if entry.source_note:
        text += f" {entry.source_note}"
    return text


def sources_claim(countries: list[Country], words: dict | None = None) -> str:
    """The sentence on "Get help now" that says where the numbers were checked, from the data."""
    w = words or english()
    entries = [e for c in countries for e in c.entries]
    counts = {kind: sum(e.source_kind == kind for e in entries) for kind in SOURCE_KINDS}
    total = len(entries)
    if counts["own"] == total:
        return strings.fill(w["all_own"], total=total)
    parts = [strings.fill(w["count_on"], count=n, kind=w["source_" + kind])
             for kind, n in counts.items() if n and kind != "own"]
    rest = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + f" {w['and']} " + parts[-1]
    return strings.fill(w["some_own"], total=total, own=counts["own"], rest=rest)


def sources_summary(countries: list[Country], words: dict | None = None) -> str:
    """The short form of the same claim, used on the About page."""
    w = words or english()
    entries = [e for c in countries for e in c.entries]
    if all(e.source_kind == "own" for e in entries):
        return w["summary_all_own"]
    return w["summary_mixed"]


def render_jump_list(countries: list[Country], words: dict | None = None) -> str:
    """The top of "Get help now": each country's emergency number, and a link to its helplines."""
    w = words or english()
    out = [f"{w['jump_intro']}\n"]
    out.extend(f"- [{c.name}](#{c.slug}): {w['emergency']} [{c.emergency.number}](tel:{c.emergency.tel})"
               for c in countries)
    return "\n".join(out) + "\n"


def render_markdown(countries: list[Country], words: dict | None = None) -> str:
    """The per-country sections of the "Get help now" page."""
    w = words or english()
    out = []
    for country in countries:
        out.append(f"## {country.name} {{#{country.slug}}}\n")
        if country.note:
            out.append(f"{country.note}\n")
        if country.crisis_note:
            out.append(f"{country.crisis_note}\n")
        out.extend(f"- {_line(entry, w)}" for entry in country.entries)
        out.append("")
    return "\n".join(out)


def render_checked(countries: list[Country], words: dict | None = None) -> str:
    """How the numbers were checked: the claim from the data, then each entry's source."""
    w = words or english()
    out = [f"## {w['checked_title']} {{#how-we-checked}}\n"]
    out.append(sources_claim(countries, w))
    if any(e.source_note for c in countries for e in c.entries):
        out.append(w["old_pages"])
    out.append(f"{w['if_not_work']}\n")
    for country in countries:
        out.append(f"**{country.name}**\n")
        out.extend(f"- {_source_line(entry, w)}" for entry in country.entries)
        out.append("")
    return "\n".join(out)


def _summary(countries: list[Country]) -> list[str]:
    lines = [f"{c.name}: {len(c.entries)} entries, emergency {c.emergency.number}" for c in countries]
    return [*lines, sources_claim(countries)]


def main(argv: list[str] | None = None) -> int:
    return check_command(load_countries, _summary)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
