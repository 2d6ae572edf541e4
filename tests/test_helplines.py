"""The help-now numbers: one data file, every entry sourced and dated, shown on the site."""

from __future__ import annotations

import datetime as dt

import pytest

import helplines  # noqa: E402
from datafiles import DataError  # noqa: E402

REQUIRED_COUNTRIES = {"United States", "United Kingdom", "Canada", "Australia", "Ireland", "New Zealand"}


@pytest.fixture(scope="module")
def countries():
    return helplines.load_countries()


def test_required_countries_present(countries):
    assert REQUIRED_COUNTRIES <= {c.name for c in countries}


def test_every_entry_has_number_source_and_date(countries):
    today = dt.date.today()
    for country in countries:
        for entry in country.entries:
            where = f"{country.name} / {entry.name}"
            assert entry.number.strip(), where
            if entry.kind == "directory":
                assert entry.website.startswith("https://"), where
            else:
                assert entry.tel.strip(), where
            assert entry.source.startswith(("https://", "http://")), where
            assert entry.source_kind in helplines.SOURCE_KINDS, where
            checked = dt.date.fromisoformat(entry.checked)
            assert checked <= today, f"{where}: checked in the future"


def _raw_entries():
    import yaml

    data = yaml.safe_load(helplines.HELPLINES_FILE.read_text(encoding="utf-8"))
    return [(c["name"], e) for c in data["countries"] for e in c["entries"]]


def test_every_helpline_says_when_it_is_open_who_it_is_for_and_how_to_reach_it(countries):
    """Read from the file itself, so a default in the loader cannot hide a missing field."""
    raw = _raw_entries()
    assert any(e["kind"] == "helpline" for _, e in raw)
    for country, item in raw:
        where = f"{country} / {item['name']}"
        if item["kind"] in ("helpline", "directory"):
            assert str(item.get("hours", "")).strip(), f"{where}: no hours"
            assert item.get("for"), f"{where}: no audience ('for')"
        if item["kind"] == "helpline":
            assert item.get("channels"), f"{where}: no channels"
    for country in countries:
        for entry in country.entries:
            if entry.kind == "helpline":
                assert entry.audience and set(entry.audience) <= set(helplines.AUDIENCES), entry.name
                assert entry.channels and set(entry.channels) <= set(helplines.CHANNELS), entry.name


def test_every_number_is_on_the_help_page(countries, built_pages):
    page = built_pages["help-now.md"]
    links = {a["href"] for a in page.select("a[href]")}
    text = " ".join(page.get_text().split())
    for country in countries:
        assert page.find(id=country.slug), f"no section for {country.name}"
        for entry in country.entries:
            target = entry.website if entry.kind == "directory" else f"tel:{entry.tel}"
            assert target in links, f"{country.name} / {entry.name} not linked"
            assert entry.number in text, entry.number
            if entry.hours:
                assert " ".join(entry.hours.split())[1:] in text, f"{entry.name}: hours not shown"
            if entry.kind != "emergency":
                assert f"For {entry.who}." in text, f"{entry.name}: audience not shown"
            assert entry.source in links, f"{entry.name}: source not linked"


def test_site_claim_about_sources_matches_the_data(built_pages):
    """What the pages say about where numbers were checked, read off the pages and counted
    again here from the data file (not by the function that wrote the sentence)."""
    import re

    from conftest import article

    raw = _raw_entries()
    counts = {kind: sum(e["source_kind"] == kind for _, e in raw) for kind in ("own", "official", "other")}
    help_text = " ".join(article(built_pages["help-now.md"]).get_text().split())
    about_text = " ".join(article(built_pages["about.md"]).get_text().split())
    if counts["own"] == len(raw):
        assert f"We checked all {len(raw)} numbers and links on this page on the service's own website." in help_text
        assert "We checked every number on the service's own website." in about_text
        return
    said = re.search(r"Of the (\d+) numbers and links on this page, we checked (\d+) on the service's own "
                     r"website\. We checked ([^.]+)\.", help_text)
    assert said, "Get help now does not say how the numbers were checked"
    assert (int(said.group(1)), int(said.group(2))) == (len(raw), counts["own"]), said.group(0)
    phrases = {"official": "a government or police page", "other": "another group's page or a news story"}
    for kind, phrase in phrases.items():
        if counts[kind]:
            assert f"{counts[kind]} on {phrase}" in said.group(3), (kind, said.group(0))
        else:
            assert phrase not in said.group(3), (kind, said.group(0))
    assert "We checked some numbers on the service's own website, and some on other pages." in about_text
    for src, soup in built_pages.items():
        text = " ".join(article(soup).get_text().split()).lower()
        for wrong in ("each service's own page", "that service's own page", "every number on the service's own"):
            assert wrong not in text, f"docs/{src} claims {wrong!r}, but {len(raw) - counts['own']} entries are not"


def test_no_phone_numbers_outside_the_data_file():
    """Numbers live in one place: pages never hard-code a helpline number."""
    import re

    from conftest import DOCS

    pattern = re.compile(r"\b(?:\d[\s-]?){7,}\b")
    for page in DOCS.rglob("*.md"):
        found = pattern.findall(page.read_text(encoding="utf-8"))
        assert not found, f"{page}: phone-like number {found}; put numbers in data/helplines.yml"


def _find(countries, country, name_part):
    entries = next(c for c in countries if c.name == country).entries
    found = [e for e in entries if name_part.lower() in e.name.lower()]
    assert len(found) == 1, f"{country}: expected one entry named like {name_part!r}, found {len(found)}"
    return found[0]


def test_men_have_a_line_in_the_uk_and_ireland(countries):
    for country in ("United Kingdom", "Ireland"):
        entries = next(c for c in countries if c.name == country).entries
        assert any("men" in e.audience for e in entries), f"{country}: no helpline for men"


def test_the_us_lists_an_lgbt_line(countries):
    entries = next(c for c in countries if c.name == "United States").entries
    assert any("lgbt+" in e.audience for e in entries)


def test_one_crisis_line_per_country_by_one_rule(countries):
    """The "When it still hurts" page promises one crisis line, open to anyone, in every country listed."""
    for country in countries:
        crisis = [e for e in country.entries if e.crisis]
        assert len(crisis) == 1, country.name
        assert crisis[0].kind == "helpline" and crisis[0].audience == ("anyone",), country.name
        assert "24 hours" in crisis[0].hours, f"{country.name}: crisis line not open day and night"


# Lines whose hours the research of 2026-12 found (helplines-2026-12.md): never "check their website".
HOURS_FOUND = [("Australia", "1800RESPECT"), ("United Kingdom", "Stalking"), ("Ireland", "Men's Aid helpline")]


@pytest.mark.parametrize("country, name", HOURS_FOUND)
def test_no_line_says_check_where_hours_were_found(countries, country, name):
    entry = _find(countries, country, name)
    assert "check" not in entry.hours.lower(), f"{name}: {entry.hours!r}"


def test_1800respect_is_open_around_the_clock(countries):
    assert _find(countries, "Australia", "1800RESPECT").hours == "24 hours a day, 7 days a week"


def test_every_check_their_website_says_why(countries):
    for country in countries:
        for entry in country.entries:
            if "check" in entry.hours.lower():
                assert entry.source_note, f"{entry.name}: hours say check, but no note says why"


def test_silent_call_cautions(countries):
    uk = _find(countries, "United Kingdom", "Emergency")
    assert "does not tell the police where you are" in uk.details
    au = _find(countries, "Australia", "Emergency")
    assert "billed" in au.details and "press 55" in au.details


def test_every_details_text_within_the_reading_grade(countries):
    import readability

    for country in countries:
        for entry in country.entries:
            for text in (entry.details, entry.hours, entry.source_note):
                score = readability.text_grade(text)
                assert score is None or score <= readability.GRADE_LIMIT, f"{entry.name}: grade {score}: {text!r}"


def test_sources_not_from_a_services_own_page_say_so(countries, built_pages):
    """Where a number came from another page, the help page names the kind of page it was."""
    text = " ".join(built_pages["help-now.md"].get_text().split())
    for country in countries:
        for entry in country.entries:
            if entry.source_kind != "own":
                line = f"{entry.name}: "
                assert line in text and helplines.SOURCE_KINDS[entry.source_kind] in text, entry.name


# A file with an emergency entry and one helpline; {extra} holds the helpline's own fields.
_ONE_LINE = ("countries:\n  - name: X\n    slug: x\n    entries:\n"
             "      - name: E\n        kind: emergency\n        number: '12'\n        tel: '12'\n"
             "        source: https://a.example/\n        source_kind: official\n        checked: 2026-01-01\n"
             "      - name: Line\n        kind: helpline\n        number: '34'\n        tel: '34'\n"
             "        source: https://b.example/\n        source_kind: own\n        checked: 2026-01-01\n"
             "{extra}")


@pytest.mark.parametrize("bad, message", [
    ("countries: []\n", "no countries"),
    ("countries:\n  - name: X\n    slug: x\n    entries:\n      - name: A\n        kind: emergency\n"
     "        number: '1'\n        tel: '1'\n        source: https://a.example/\n        source_kind: own\n",
     "missing 'checked'"),
    ("countries:\n  - name: X\n    slug: x\n    entries:\n      - name: A\n        kind: emergency\n"
     "        number: '12'\n        tel: '12'\n        source: https://a.example/\n        source_kind: own\n"
     "        checked: soon\n", "not a date"),
    ("countries:\n  - name: X\n    slug: x\n    entries:\n      - name: A\n        kind: helpline\n"
     "        number: '12'\n        tel: '12'\n        source: https://a.example/\n        source_kind: own\n"
     "        checked: 2026-01-01\n        hours: all day\n        for: [anyone]\n        channels: [call]\n",
     "exactly one 'emergency'"),
    (_ONE_LINE.format(extra="        for: [anyone]\n        channels: [call]\n"), "missing 'hours'"),
    (_ONE_LINE.format(extra="        hours: all day\n        channels: [call]\n"), "missing 'for'"),
    (_ONE_LINE.format(extra="        hours: all day\n        for: [everyone]\n        channels: [call]\n"),
     "'for' has ['everyone']"),
    (_ONE_LINE.format(extra="        hours: all day\n        for: [men]\n        channels: [call, fax]\n"),
     "channels has ['fax']"),
    (_ONE_LINE.format(extra="        hours: all day\n        for: [men]\n        channels: [call]\n")
     .replace("source_kind: own", "source_kind: blog"), "source_kind must be one of"),
    ("countries: [\n", "not valid YAML"),
    # A line whose source was deleted (not renamed): the entry must still be named, never a bare KeyError.
    (_ONE_LINE.format(extra="        hours: all day\n        for: [men]\n        channels: [call]\n")
     .replace("        source: https://b.example/\n", ""), "'Line'"),
    (_ONE_LINE.format(extra="        hours: all day\n        for: [men]\n        channels: [call]\n")
     .replace("        source: https://b.example/\n", ""), "missing 'source'"),
    (_ONE_LINE.format(extra="        hours: all day\n        for: [men]\n        channels: [call]\n")
     .replace("        source_kind: own\n", ""), "missing 'source_kind'"),
    (_ONE_LINE.format(extra="        hours: all day\n        for: [men]\n        channels: [call]\n"),
     "exactly one helpline with 'crisis: true'"),
    (_ONE_LINE.format(extra="        hours: check their website\n        for: [men]\n        channels: [call]\n"
                            "        crisis: true\n"), "say why in 'source_note'"),
    (_ONE_LINE.format(extra="        hours: all day\n        for: [men]\n        channels: [call]\n"
                            "        crisis: yes please\n"), "'crisis' must be true or false"),
])
def test_malformed_file_names_the_file_and_problem(tmp_path, bad, message):
    path = tmp_path / "helplines.yml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(DataError) as info:
        helplines.load_countries(path)
    assert str(path) in str(info.value) and message in str(info.value)
