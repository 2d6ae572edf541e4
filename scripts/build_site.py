"""Build both editions into one site: English at the root, Spanish in ``es/``.

The two builds run side by side (each is its own MkDocs build: ``mkdocs.yml``
and ``mkdocs.es.yml``, with their own handbook, checklists PDF, incident-log
forms, search index and zip). English builds straight into the site folder
(its ``--clean`` empties it); Spanish builds into a folder beside it and is
moved into ``es/`` once both are done, so neither build can delete the other.

Usage: python scripts/build_site.py [--site SITE_DIR] [--only en|es]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_DIR = ROOT / "site"
# Edition: (config file, folder inside the site).
EDITIONS = {"en": ("mkdocs.yml", ""), "es": ("mkdocs.es.yml", "es")}


def _command(config: str, target: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(ROOT / config),
            "-d", str(target)]


def build(site: Path, only: str | None = None, env: dict | None = None) -> tuple[int, str]:
    """Build the editions into ``site``; return (exit code, the builds' logs)."""
    site = site.resolve()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    editions = [only] if only else list(EDITIONS)
    staging = site.parent / f".{site.name}-es-building"
    targets = {code: (site if not EDITIONS[code][1] else staging) for code in editions}
    if only == "es":
        targets["es"] = staging
    running = {code: subprocess.Popen(_command(EDITIONS[code][0], targets[code]), cwd=ROOT, env=env,
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
               for code in editions}
    logs, failed = [], 0
    for code, process in running.items():
        out, _ = process.communicate()
        logs.append(f"--- {code} ({EDITIONS[code][0]}) ---\n{out}")
        failed = failed or process.returncode
    if not failed and "es" in targets:
        final = site / EDITIONS["es"][1]
        if final.exists():
            shutil.rmtree(final)
        site.mkdir(parents=True, exist_ok=True)
        shutil.move(str(staging), str(final))
    return failed, "\n".join(logs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=SITE_DIR, help="where to write the site (default: site/)")
    parser.add_argument("--only", choices=sorted(EDITIONS), help="build one edition only")
    args = parser.parse_args(argv)
    started = time.monotonic()
    code, log = build(args.site, args.only)
    print(log)
    print(f"{'failed' if code else 'built'} in {time.monotonic() - started:.1f} s: {args.site}")
    return code


if __name__ == "__main__":
    sys.exit(main())
