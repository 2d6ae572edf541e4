"""The build's one time: ``SOURCE_DATE_EPOCH`` when set, so two builds of one commit are identical.

The README's build sets ``SOURCE_DATE_EPOCH`` to the last commit's time
(``git log -1 --format=%ct``). The offline zip's entry times and the
spreadsheet's document and entry times come from here. The same variable
dates the handbook's cover (``scripts/pipeline.py``), the sitemap (MkDocs)
and the PDFs (WeasyPrint).

Without it, the time is now: a build is then dated when it was made, as before.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile

VARIABLE = "SOURCE_DATE_EPOCH"
# A zip entry cannot be older than 1980-01-01 (its date format starts there).
ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
# Entry permissions: a plain file, readable by all (no umask of the build machine).
FILE_MODE = 0o100644


def now() -> dt.datetime:
    """The build's time, in UTC: ``SOURCE_DATE_EPOCH``, or the clock when it is not set."""
    value = os.environ.get(VARIABLE, "").strip()
    if not value:
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
    try:
        return dt.datetime.fromtimestamp(int(value), dt.UTC)
    except ValueError as exc:
        raise ValueError(f"{VARIABLE}={value!r}: not a number of seconds (use `git log -1 --format=%ct`)") from exc


def zip_entry(name: str, when: dt.datetime | None = None) -> zipfile.ZipInfo:
    """A zip entry named ``name``, dated the build's time, compressed, with fixed permissions."""
    when = max(when or now(), ZIP_EPOCH)
    info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = FILE_MODE << 16
    info.create_system = 3  # Unix, whatever machine builds it
    return info


def restamp_zip(data: bytes, when: dt.datetime | None = None) -> bytes:
    """``data`` (a zip, such as an xlsx file) rewritten with every entry dated the build's time."""
    when = when or now()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(zip_entry(item.filename, when), source.read(item), compresslevel=9)
    return out.getvalue()
