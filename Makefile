# Two entry points for a fresh machine (see README):
#   make site   install Dossier into .venv and build the site into build/site/
#   make test   install Dossier with its test tools (Chromium, axe-core) and run every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test check serve bench install install-test browser axe clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'

# Debian's Chromium drives the browser tests (Playwright cannot download browsers here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# axe-core, the accessibility checker the browser tests inject into each page
# (tests/test_a11y.py), from the npm registry into .cache/axe/ (not committed).
AXE_VERSION := 4.14.1
AXE := .cache/axe/node_modules/axe-core/axe.min.js

axe: $(AXE)

$(AXE):
	@command -v npm >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq npm >/dev/null; }
	npm install --silent --no-save --no-audit --no-fund --prefix .cache/axe axe-core@$(AXE_VERSION)

site: install
	$(BIN)/dossier build

check: install
	$(BIN)/dossier check

serve: install
	$(BIN)/dossier serve

# Lint and types first (ruff, mypy --strict on dossier/: settings in pyproject.toml), then every test.
test: install-test browser axe
	$(BIN)/ruff check dossier tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

# About 50 minutes: synthetic corpora of 10 to 5,000 articles, each built by Dossier and MkDocs.
bench: install
	$(BIN)/python benchmarks/run.py --json benchmarks/results.json
	$(BIN)/python benchmarks/table.py benchmarks/results.json

clean:
	rm -rf build
