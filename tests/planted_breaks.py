"""The record of planted breaks: the behaviours that matter most, and the test that fails when each breaks.

Run with ``make check-breaks`` (about ten minutes; not part of ``make test``). For
each row it copies the project to a temporary folder, makes the one-line change
(the "plant"), runs the named tests there against a fresh build, and checks
that the test named in the row fails. A row whose ``old`` text is gone from its
file is reported as stale: the code moved, so the row must be updated.
CONTRIBUTING.md ("Planted breaks") lists the same rows in words.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("mkdocs.yml", "mkdocs.es.yml", "pyproject.toml", "docs", "docs-es", "overrides", "scripts", "data", "tests")


@dataclass(frozen=True)
class Break:
    behaviour: str
    path: str
    old: str
    new: str
    test_file: str
    # A test's name (only that test runs), or text that must appear in a FAILED or
    # ERROR line of the whole file's run (a parameter id, a build error).
    caught_by: str
    # Text the run's output must also hold, where the failing line alone does not name the break.
    names: str = ""
    # Caught by the build itself (every test errors with its message), not by one failing test.
    by_the_build: bool = False

    def target(self) -> str:
        if self.caught_by.startswith("test_"):
            return f"{self.test_file}::{self.caught_by}"
        return self.test_file


BREAKS = (
    Break("Quick exit on every page", "overrides/main.html",
          '{% include "partials/quick-exit.html" %}', "",
          "tests/test_quick_exit.py", "test_is_the_first_tab_stop_on_every_page"),
    Break("Escape twice leaves from a text box", "overrides/assets/javascripts/quick-exit.js",
          'if (event.key === "Escape") {', 'if (event.key === "Escape" && !takesText(event.target)) {',
          "tests/test_under_pressure.py", "test_escape_twice_leaves_from_a_text_box_with_unsaved_entries"),
    Break("Shift presses far apart do not leave", "overrides/assets/javascripts/quick-exit.js",
          "      shiftCount = 0;\n    }, SHIFT_WINDOW_MS);", "    }, SHIFT_WINDOW_MS);",
          "tests/test_under_pressure.py", "test_shift_in_a_text_box_and_slow_presses_do_not_leave"),
    Break("Nothing stored in the browser", "overrides/assets/javascripts/log-writer.js",
          "entries.push({ values: values, order: nextOrder++ });\n    fillForm(null);",
          "entries.push({ values: values, order: nextOrder++ });\n    window.localStorage.setItem('e', '1');\n"
          "    fillForm(null);",
          "tests/test_log_writer.py", "test_save_reload_open_on_a_server"),
    Break("No search words in history", "mkdocs.yml",
          "    - navigation.indexes\n", "    - navigation.indexes\n    - search.highlight\n",
          "tests/test_under_pressure.py", "test_a_search_leaves_no_words_in_the_address_or_history"),
    Break("CSP in every page: no unsafe-inline", "scripts/csp.py",
          "\"script-src 'self' {hashes}\"", "\"script-src 'self' 'unsafe-inline' {hashes}\"",
          "tests/test_privacy.py", "test_csp_meta_allows_only_this_site"),
    Break("CSP in the header files", "scripts/csp.py",
          '"Content-Security-Policy": policy(hashes) + "; frame-ancestors \'none\'"',
          '"Content-Security-Policy": "default-src \'self\'; script-src * \'unsafe-inline\'; frame-ancestors \'none\'"',
          "tests/test_privacy.py", "test_header_files_send_the_pages_own_strict_policy"),
    Break("A fresh salt and IV for each save", "overrides/assets/javascripts/log-writer.js",
          "var iv = window.crypto.getRandomValues(new Uint8Array(config.ivBytes));",
          "var iv = new Uint8Array(config.ivBytes);",
          "tests/test_log_writer.py", "test_each_save_has_a_fresh_salt_and_iv"),
    Break("Every help line has a source", "scripts/helplines.py",
          '{"name": str, "kind": str, "source": str,', '{"name": str, "kind": str,',
          "tests/test_helplines.py", "missing 'source'"),
    Break("My safety plan offers every checklist item", "scripts/tool_forms.py",
          "for section in checklist.sections]", "for section in checklist.sections[:-1]]",
          "tests/test_safety_plan.py", "test_every_checklist_item_is_offered_once"),
    Break("Each handbook page starts a new sheet", "overrides/assets/stylesheets/print.css",
          "/* One section per site page, each starting a new sheet. */",
          "/* One section per site page, each starting a new sheet. */\n"
          ".pdf-handbook .pdf-page + .pdf-page { break-before: auto !important; }",
          "tests/test_handbook.py", "test_every_nav_page_starts_a_new_sheet"),
    Break("Incident log on A4 or Letter", "overrides/assets/stylesheets/print.css",
          "@page incident-log {\n  size: A4 landscape;", "@page incident-log {\n  size: A3 landscape;",
          "tests/test_incident_log.py", "test_pdf_is_landscape_and_fits_a4_and_letter"),
    Break("Reading grade 7 in the data files", "data/glossary.yml",
          "  - term: supply\n    definition: ",
          "  - term: supply\n    definition: Notwithstanding considerable interpersonal complexity, "
          "psychological manipulation characteristically necessitates comprehensive institutional intervention. ",
          "tests/test_readability.py", "glossary"),
    Break("One checklist per sheet", "overrides/assets/stylesheets/print.css",
          "/* One section per site page, each starting a new sheet. */",
          "/* One section per site page, each starting a new sheet. */\n"
          ".pdf-checklists .pdf-page + .pdf-page { break-before: auto !important; }",
          "tests/test_checklists.py::test_checklists_pdf_has_each_checklist_on_its_own_page",
          "in checklists.pdf", by_the_build=True),
)


def _copy_project(dest: Path) -> None:
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / name)


def run(item: Break) -> tuple[str, str]:
    """('caught' | 'MISSED' | 'STALE', detail) for one planted break."""
    original = (ROOT / item.path).read_text(encoding="utf-8")
    if item.old not in original:
        return "STALE", f"{item.path} no longer contains {item.old[:50]!r}"
    with tempfile.TemporaryDirectory(prefix="planted-") as work:
        copy = Path(work)
        _copy_project(copy)
        (copy / item.path).write_text(original.replace(item.old, item.new, 1), encoding="utf-8")
        command = [sys.executable, "-m", "pytest", item.target(), "-q", "-p", "no:cacheprovider", "-rfE",
                   "--timeout=600"]
        done = subprocess.run(command, cwd=copy, capture_output=True, text=True, timeout=1800,
                              env={**os.environ, "FAIL_ON_SKIP": "1"})
    report = done.stdout + done.stderr
    # A build that fails for another reason (a copy missing a file) errors every test: that is not a catch.
    kinds = ("FAILED", "ERROR") if item.by_the_build else ("FAILED",)
    failed = [line for line in report.splitlines() if line.startswith(kinds)]
    if done.returncode != 0 and any(item.caught_by in line for line in failed) and item.names in report:
        first = next((line for line in failed if item.caught_by in line), failed[0] if failed else "")
        return "caught", f"{len(failed)} failed or errored; {first[:160]}"
    return "MISSED", f"exit {done.returncode}; failures: {failed[:3]}"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    chosen = [b for b in BREAKS if not args or any(a.lower() in b.behaviour.lower() for a in args)]
    results = []
    for item in chosen:
        start = time.monotonic()
        verdict, detail = run(item)
        results.append(verdict)
        print(f"{verdict:6} {time.monotonic() - start:5.0f}s  {item.behaviour}: {detail}", flush=True)
    missed = sum(v != "caught" for v in results)
    print(f"{len(results) - missed} of {len(results)} planted breaks caught")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
