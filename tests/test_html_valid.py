"""Every built page is valid HTML, by the Nu Html Checker (vnu.jar, installed by `make setup-tools`)."""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import ROOT

VNU = ROOT / "build" / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _materials_own(message: dict) -> bool:
    """Material's base template puts autocomplete="off" on its hidden checkbox toggles
    (#__drawer, #__search) on every page; the project writes none of those lines."""
    return (message["message"].startswith("Attribute “autocomplete” is only allowed when the input type is")
            and 'class="md-toggle"' in message.get("extract", ""))


def test_every_page_is_valid_html(site_dir):
    if not VNU.is_file():
        pytest.fail(f"{VNU} not found: run the README's test command, which installs it (make setup-tools)")
    pages = sorted(str(p) for p in site_dir.rglob("*.html") if "downloads" not in p.parts)
    run = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                         capture_output=True, text=True, timeout=600)
    messages = json.loads(run.stderr or run.stdout)["messages"]
    errors = [f"{m['url'].rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
              for m in messages if not _materials_own(m)]
    assert len(pages) > 20
    assert not errors, "\n".join(errors)
    # The exclusion above still matches what Material writes (two toggles a page).
    assert sum(_materials_own(m) for m in messages) == 2 * len(pages)
