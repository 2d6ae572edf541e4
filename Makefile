# Everyday commands: `make serve` (preview with live reload), `make build` and
# `make test`. Each installs what it needs first, so they work on a fresh
# Debian machine; `make help` lists every target.

SHELL := /bin/bash
# uv from PATH, or the copy `make setup` installs with pip.
UV ?= $(shell command -v uv 2>/dev/null || echo python3 -m uv)
# uv must use the machine's Python, never download one (there is no network for that).
export UV_PYTHON_DOWNLOADS := never
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: every date a built file carries is the last commit's
# time, so two builds of one commit are byte-identical (scripts/build_time.py).
# Set SOURCE_DATE_EPOCH yourself to override; outside a git clone it is unset
# and files are dated when they are built.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif
# The seed-overlap checker is shared between projects, beside this folder, not in it.
SEED_TOOL ?= ../shared/tools/seed_overlap.py
# Debian packages the tests and PDF checks use (Java runs the Nu Html Checker;
# Firefox ESR and WebKitGTK, under a virtual X server, are the other two engines).
SYSTEM_PACKAGES := chromium poppler-utils fonts-dejavu-core fonts-liberation2 openjdk-17-jre-headless \
	firefox-esr webkit2gtk-driver xvfb

# The Nu Html Checker for tests/test_html_valid.py, from npm; --ignore-scripts:
# its install script would fetch a Java runtime, which is installed above.
VNU := vnu-jar@26.9.27

# Lighthouse for `make bench`: 12.x runs on Node 20 (13 needs Node 22).
LIGHTHOUSE := lighthouse@12.8.2
# Drives Debian's Firefox ESR over WebDriver BiDi for tests/test_engines.py;
# PUPPETEER_SKIP_DOWNLOAD: no browser download, Debian's is used; 24.x runs on Node 20.
PUPPETEER := puppeteer-core@24.43.1
TOOLS := build/tools

.PHONY: help serve test lint build readability seed-check check-data check-breaks setup setup-python setup-system \
	setup-tools setup-bench bench bench-search clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 16

# The edition `make serve` previews: LANG_EDITION=es for the Spanish one (mkdocs.es.yml).
LANG_EDITION ?= en
SERVE_CONFIG := $(if $(filter es,$(LANG_EDITION)),mkdocs.es.yml,mkdocs.yml)

# Stopped with Ctrl-C or a plain `kill` (SIGTERM, as editors and timeouts send),
# the preview ends quietly: 130 and 143 are those two signals, not failures.
serve: setup-python ## Preview at http://127.0.0.1:8000 with live reload (no downloads: make build); LANG_EDITION=es: Spanish
	@echo "Preview on http://127.0.0.1:8000 (Ctrl-C stops it)"
	@trap 'exit 0' INT TERM; \
	DOWNLOADS=off LIVE_RELOAD=on $(UV) run mkdocs serve -f $(SERVE_CONFIG) -a 127.0.0.1:8000 || \
		{ status=$$?; [ $$status -eq 130 ] || [ $$status -eq 143 ] || exit $$status; }

test: setup lint ## Lint, then build the site once and run every test against it
	$(UV) run pytest

lint: setup-python ## ruff over the build scripts and tests (settings in pyproject.toml)
	$(UV) run ruff check scripts overrides tests

build: setup-python ## Build both editions (English at the root, Spanish in es/) with every download into site/ (SITE_URL=https://... for the sitemap)
	$(UV) run python scripts/build_site.py

check-breaks: setup ## Plant each break in tests/planted_breaks.py in a copy and check its test fails (about 5 min)
	$(UV) run python tests/planted_breaks.py

readability: setup-python ## Reading grade of every page, data file and tool template (limit 7; OVER=1: only those over)
	$(UV) run python scripts/readability.py $(if $(OVER),--over)

seed-check: ## Our own words: prints nothing when no sentence is copied from the source article
	@if [ -f $(SEED_TOOL) ]; then python3 $(SEED_TOOL) docs overrides scripts; \
	else echo "seed-check: $(SEED_TOOL) not found (it sits beside this folder, not in it; set SEED_TOOL=path)" >&2; exit 1; fi

check-data: setup-python ## Check data/helplines.yml and list the checklists' items as My safety plan gets them
	$(UV) run python scripts/helplines.py
	$(UV) run python scripts/checklist_items.py

bench: setup setup-bench ## Compare build time, page weight, paint times, search and Lighthouse with a default Material site
	$(UV) run python scripts/benchmark.py

bench-search: setup ## Search timings only (one build of each site): quicker than make bench
	$(UV) run python scripts/benchmark.py --search-only

setup: setup-python setup-system setup-tools

setup-python:
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || \
		python3 -m pip install --quiet --user uv || \
		python3 -m pip install --quiet --user --break-system-packages uv
	# Compiled once here: with PYTHONDONTWRITEBYTECODE set (as on many CI machines) Python would
	# otherwise compile every module again in every build and test process (about 1.3 s a build).
	$(UV) sync --frozen --all-groups --compile-bytecode

setup-system:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages: $$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

setup-tools:
	@test -f $(TOOLS)/node_modules/vnu-jar/build/dist/vnu.jar || \
		npm install --silent --no-audit --no-fund --ignore-scripts --prefix $(TOOLS) $(VNU)
	@test -f $(TOOLS)/node_modules/puppeteer-core/package.json || \
		PUPPETEER_SKIP_DOWNLOAD=1 npm install --silent --no-audit --no-fund --prefix $(TOOLS) $(PUPPETEER)

# Installs Lighthouse into build/tools (not committed); the benchmark itself needs no network.
setup-bench:
	@test -x $(TOOLS)/node_modules/.bin/lighthouse || \
		npm install --silent --no-audit --no-fund --prefix $(TOOLS) $(LIGHTHOUSE)

clean:
	rm -rf site build .pytest_cache

# --- pa11y (tests/test_pa11y.py): a second accessibility checker, HTML_CodeSniffer
# and axe, on every built page. PUPPETEER_SKIP_DOWNLOAD: it drives Debian's Chromium
# (/usr/bin/chromium) and downloads no browser of its own. pa11y-ci 4.x runs on Node 20.
PA11Y := pa11y-ci@4.1.1
.PHONY: setup-pa11y
setup: setup-pa11y
setup-pa11y:
	@test -x $(TOOLS)/node_modules/.bin/pa11y-ci || \
		PUPPETEER_SKIP_DOWNLOAD=1 npm install --silent --no-audit --no-fund --prefix $(TOOLS) $(PA11Y)
