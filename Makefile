# Two everyday commands: `make serve` (preview with live reload) and `make test`.
# Both install what they need first, so they work on a fresh Debian machine.

SHELL := /bin/bash
# uv from PATH, or the copy `make setup` installs with pip.
UV ?= $(shell command -v uv 2>/dev/null || echo python3 -m uv)
# uv must use the machine's Python, never download one (there is no network for that).
export UV_PYTHON_DOWNLOADS := never
export NO_MKDOCS_2_WARNING := 1
# Debian packages the tests and PDF checks use (Java runs the Nu Html Checker).
SYSTEM_PACKAGES := chromium poppler-utils fonts-dejavu-core fonts-liberation2 openjdk-17-jre-headless

# The Nu Html Checker for tests/test_html_valid.py, from npm; --ignore-scripts:
# its install script would fetch a Java runtime, which is installed above.
VNU := vnu-jar@26.9.27

# Lighthouse for `make bench`: 12.x runs on Node 20 (13 needs Node 22).
LIGHTHOUSE := lighthouse@12.8.2
TOOLS := build/tools

.PHONY: serve test lint build setup setup-python setup-system setup-tools setup-bench bench clean

# The edition `make serve` previews: LANG_EDITION=es for the Spanish one (mkdocs.es.yml).
LANG_EDITION ?= en
SERVE_CONFIG := $(if $(filter es,$(LANG_EDITION)),mkdocs.es.yml,mkdocs.yml)

serve: setup-python ## Preview at http://127.0.0.1:8000 with live reload (downloads not built: make build); LANG_EDITION=es previews Spanish
	DOWNLOADS=off $(UV) run mkdocs serve -f $(SERVE_CONFIG) -a 127.0.0.1:8000

test: setup lint ## Lint, then build the site once and run every test against it
	$(UV) run pytest

lint: setup-python ## ruff over the build scripts and tests (settings in pyproject.toml)
	$(UV) run ruff check scripts overrides tests

build: setup-python ## Build both editions (English at the root, Spanish in es/), PDFs and downloads into site/
	$(UV) run python scripts/build_site.py

bench: setup setup-bench ## Compare build time, page weight, paint times, search and Lighthouse with a default Material site
	$(UV) run python scripts/benchmark.py

setup: setup-python setup-system setup-tools

setup-python:
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || \
		python3 -m pip install --quiet --user uv || \
		python3 -m pip install --quiet --user --break-system-packages uv
	$(UV) sync --frozen --all-groups

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

# Installs Lighthouse into build/tools (not committed); the benchmark itself needs no network.
setup-bench:
	@test -x $(TOOLS)/node_modules/.bin/lighthouse || \
		npm install --silent --no-audit --no-fund --prefix $(TOOLS) $(LIGHTHOUSE)

clean:
	rm -rf site build .pytest_cache
