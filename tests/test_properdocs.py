"""An exit from Material's end of life: ProperDocs (MkDocs 1.6's continuation) builds this project unchanged.

The test builds the project with ``python -m properdocs`` (pinned in the test
group; ``mkdocs`` stays installed because Material needs it, so the module
must be named) and compares every page with the session's MkDocs build. The
one expected difference is the generator line; the downloads differ only
because they carry it (the PDFs' metadata, the zip's pages).
"""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import BUILD_ENV, ROOT

GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_same_pages(site_dir, tmp_path):
    out = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", str(out)],
        cwd=ROOT, env=BUILD_ENV, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ProperDocs" in GENERATOR.search((out / "index.html").read_text(encoding="utf-8")).group(0)

    # The English edition: mkdocs.yml builds the root, the Spanish edition (es/) is another config.
    ours = {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()
            and not p.relative_to(site_dir).as_posix().startswith("es/")}
    theirs = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert ours == theirs, sorted(ours ^ theirs)
    pages = sorted(name for name in ours if name.endswith(".html"))
    assert len(pages) > 20
    differ = []
    for name in sorted(ours):
        if name.startswith("downloads/"):
            continue
        a, b = (site_dir / name).read_bytes(), (out / name).read_bytes()
        if name.endswith(".html"):
            a, b = (GENERATOR.sub("", x.decode("utf-8")) for x in (a, b))
        if a != b:
            differ.append(name)
    assert differ == [], f"ProperDocs builds these differently from MkDocs: {differ}"
