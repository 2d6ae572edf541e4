"""Two builds of one commit with one SOURCE_DATE_EPOCH are byte-identical, the zip and the spreadsheet included.

The session build (tests/conftest.py) already sets SOURCE_DATE_EPOCH; this
builds once more with the same value and compares every file. That second
build also sets LIVE_RELOAD=on, the preview's switch: a build with downloads
must ignore it (tests/test_preview.py checks the preview side).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import zipfile

from conftest import BUILD_ENV


def _digests(site) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def _epoch() -> dt.datetime:
    return dt.datetime.fromtimestamp(int(BUILD_ENV["SOURCE_DATE_EPOCH"]), dt.UTC)


def test_a_second_build_is_byte_identical(site_dir, tmp_path):
    import build_site

    again = tmp_path / "site"
    code, log = build_site.build(again, env={**BUILD_ENV, "LIVE_RELOAD": "on"})  # both editions, as make build
    assert code == 0, log
    first, second = _digests(site_dir), _digests(again)
    assert first.keys() == second.keys(), sorted(first.keys() ^ second.keys())
    differ = [name for name in first if first[name] != second[name]]
    assert not differ, f"files that differ between two builds with one SOURCE_DATE_EPOCH: {differ}"
    # The check above must cover the files that used to differ.
    assert {"downloads/going-no-contact.zip", "downloads/incident-log.xlsx"} <= first.keys()


def test_zip_entries_carry_the_source_date(site_dir):
    """Read back with zipfile (not our writer): every entry is dated SOURCE_DATE_EPOCH, mode 644."""
    *day, second = _epoch().timetuple()[:6]
    expected = (*day, second - second % 2)  # a zip keeps seconds in steps of two
    for name in ("going-no-contact.zip", "incident-log.xlsx"):
        with zipfile.ZipFile(site_dir / "downloads" / name) as archive:
            entries = archive.infolist()
            assert entries, name
            assert {e.date_time for e in entries} == {expected}, name
            assert {e.external_attr >> 16 for e in entries} == {0o100644}, name


def test_spreadsheet_document_times_are_the_source_date(site_dir):
    stamp = _epoch().strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(io.BytesIO((site_dir / "downloads" / "incident-log.xlsx").read_bytes())) as book:
        core = book.read("docProps/core.xml").decode("utf-8")
    times = re.findall(r"<dcterms:(created|modified)[^>]*>([^<]+)<", core)
    assert sorted(times) == [("created", stamp), ("modified", stamp)], core
