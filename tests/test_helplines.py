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
            assert entry.number.strip() and entry.tel.strip(), where
            assert entry.source.startswith(("https://", "http://")), where
            checked = dt.date.fromisoformat(entry.checked)
            assert checked <= today, f"{where}: checked in the future"


def test_every_number_is_on_the_help_page(countries, built_pages):
    page = built_pages["help-now.md"]
    links = {a["href"] for a in page.select("a[href^='tel:']")}
    for country in countries:
        assert page.find(id=country.slug), f"no section for {country.name}"
        for entry in country.entries:
            assert f"tel:{entry.tel}" in links, f"{country.name} / {entry.name} not linked"
            assert entry.number in page.get_text(), entry.number


def test_no_phone_numbers_outside_the_data_file():
    """Numbers live in one place: pages never hard-code a helpline number."""
    import re

    from conftest import DOCS

    pattern = re.compile(r"\b(?:\d[\s-]?){7,}\b")
    for page in DOCS.rglob("*.md"):
        found = pattern.findall(page.read_text(encoding="utf-8"))
        assert not found, f"{page}: phone-like number {found}; put numbers in data/helplines.yml"


@pytest.mark.parametrize("bad, message", [
    ("countries: []\n", "no countries"),
    ("countries:\n  - name: X\n    slug: x\n    entries:\n      - name: A\n        kind: emergency\n"
     "        number: '1'\n        tel: '1'\n        source: https://a.example/\n", "missing 'checked'"),
    ("countries:\n  - name: X\n    slug: x\n    entries:\n      - name: A\n        kind: emergency\n"
     "        number: '12'\n        tel: '12'\n        source: https://a.example/\n        checked: soon\n", "not a date"),
    ("countries:\n  - name: X\n    slug: x\n    entries:\n      - name: A\n        kind: helpline\n"
     "        number: '12'\n        tel: '12'\n        source: https://a.example/\n        checked: 2026-01-01\n",
     "exactly one 'emergency'"),
    ("countries: [\n", "not valid YAML"),
])
def test_malformed_file_names_the_file_and_problem(tmp_path, bad, message):
    path = tmp_path / "helplines.yml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(DataError) as info:
        helplines.load_countries(path)
    assert str(path) in str(info.value) and message in str(info.value)
