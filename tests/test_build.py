"""The strict build passes, and a planted fault stops it with a message naming the file."""

from __future__ import annotations

import re

import pytest

from conftest import failing_build, plant


def test_strict_build_has_no_warnings(build_log):
    assert "WARNING" not in build_log, build_log
    assert "ERROR" not in build_log, build_log


def test_every_docs_page_is_in_the_nav(nav_pages):
    from conftest import DOCS

    on_disk = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")}
    assert on_disk == set(nav_pages), f"not in nav: {on_disk - set(nav_pages)}; missing: {set(nav_pages) - on_disk}"


FAULTS = {
    "broken link": ("docs/guide/what-to-expect.md", "---\n\n", "---\n\n[gone](no-such-page.md)\n\n",
                    r"what-to-expect\.md.*no-such-page\.md"),
    "broken anchor": ("docs/guide/what-to-expect.md", "---\n\n", "---\n\n[gone](why-no-contact.md#no-such-heading)\n\n",
                      r"what-to-expect\.md.*no-such-heading"),
    "page outside nav": ("mkdocs.yml", "  - Glossary: glossary.md\n", "", r"glossary\.md"),
    "no description": ("docs/about.md", "\ndescription:", "\nsummary:",
                       r"docs/about\.md: front matter has no 'description'"),
    "unknown shortcode": ("docs/glossary.md", "<!-- data:glossary -->", "<!-- data:glosary -->",
                          r"docs/glossary\.md: unknown shortcode 'data:glosary'"),
    "malformed helpline file": ("data/helplines.yml", "source:", "sauce:", r"data/helplines\.yml: .*"),
    "malformed glossary file": ("data/glossary.yml", "definition:", "definiton:", r"data/glossary\.yml: .*"),
}


@pytest.mark.parametrize("fault", FAULTS, ids=list(FAULTS))
def test_planted_fault_fails_the_build_and_names_the_file(fault, project_copy, tmp_path):
    path, old, new, message = FAULTS[fault]
    project = project_copy()
    plant(project, path, old, new)
    log = failing_build(project, tmp_path / "site", env={"DOWNLOADS": "off"})
    assert re.search(message, log), f"{fault}: message does not name the file\n{log}"


def test_ci_setting_turns_a_skip_into_a_failure(tmp_path):
    """.ci/run sets FAIL_ON_SKIP=1: a skipped test must fail the run."""
    import os
    import shutil
    import subprocess
    import sys

    from conftest import ROOT

    shutil.copy2(ROOT / "tests" / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_skips.py").write_text("import pytest\n\ndef test_x():\n    pytest.skip('demo')\n")
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
                         env={**os.environ, "FAIL_ON_SKIP": "1"}, capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 1, run.stdout
    assert "FAIL_ON_SKIP" in run.stdout
    assert "FAIL_ON_SKIP=1" in (ROOT / ".ci" / "run").read_text()
