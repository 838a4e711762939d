# sro-board: `make run` (demo with sample data) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
export FLASK_APP := sro_board

.PHONY: run test lint format clean loadtest faulttest bench bench-follow messages translations

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "sro-board needs Python 3.11 or newer (set PYTHON=python3.11)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.app-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[run]'
	@touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev,run]'
	@touch $@ $(VENV)/.app-installed

run: $(VENV)/.app-installed
	$(BIN)/flask db upgrade
	$(BIN)/flask sample load
	@echo
	@echo "sro-board is running at http://127.0.0.1:$(PORT)/"
	@$(BIN)/flask sample logins
	@echo "Email is printed in this terminal by the mail worker (MAIL_BACKEND=console)."
	@echo "Stop it with Ctrl+C."
	@echo
	$(BIN)/honcho start -f Procfile -p $(PORT)

# The suite on both cores (pytest-xdist), then the browser suite on its own (it skips, saying
# how to install Chromium and Playwright, where they are missing). ARGS='-k csv' narrows a run.
test: $(VENV)/.dev-installed
	$(BIN)/pytest -n auto --dist loadgroup --ignore=tests/e2e $(ARGS)
	$(BIN)/pytest -m e2e tests/e2e $(ARGS)

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(VENV)/.dev-installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

$(VENV)/.load-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[load]'
	@touch $@

# 60 s under gunicorn (2 workers) on SQLite, then on PostgreSQL with Redis; reconciles at the end.
loadtest: $(VENV)/.load-installed
	$(BIN)/python scripts/loadtest.py --db sqlite --seconds $${SECONDS_PER_RUN:-60}
	$(BIN)/python scripts/loadtest.py --db postgres --seconds $${SECONDS_PER_RUN:-60}

# Faults under load (needs root: it stops PostgreSQL and mounts small file systems).
faulttest: $(VENV)/.load-installed
	$(BIN)/python scripts/faulttest.py --db sqlite
	$(BIN)/python scripts/faulttest.py --db postgres

# The benchmark (scripts/bench.py): scale data in scratch databases (SQLite, then PostgreSQL
# database BENCH_PG_DATABASE, by default sro_bench), the app and a Flask hello world under gunicorn -w 2,
# wrk runs interleaved. BENCH_ARGS='--baseline main --json out.json' adds the old code and a file.
bench: $(VENV)/.load-installed
	@command -v wrk >/dev/null || apt-get install -y wrk || (apt-get update && apt-get install -y wrk)
	$(BIN)/python scripts/bench.py --db both $(BENCH_ARGS)

# A chair's approval with 0 and with 10,000 confirmed followers, and the worker's fan-out
# (scripts/bench_follow.py; an SQLite file, or BENCH_FOLLOW_ARGS='--database-url ...').
bench-follow: $(VENV)/.app-installed
	$(BIN)/python scripts/bench_follow.py $(BENCH_FOLLOW_ARGS)

# Translations (README "Languages"). `make messages` extracts every marked string (babel.cfg)
# into messages.pot and merges it into the French catalog (new strings untranslated, none
# fuzzy, obsolete ones dropped); translate them in fr/LC_MESSAGES/messages.po, then
# `make translations` compiles messages.mo. The .mo is committed, not built at install: a fresh
# clone then works with `make run`, `make test`, .ci/run and a plain `pip install .` (setuptools
# ships it as package data, no build step to run); tests/i18n checks it equals a fresh compile
# of the .po, so a forgotten `make translations` fails the suite. --ignore-dirs is given because
# Babel's default also skips directories starting with "_" (templates/_macros).
TRANSLATIONS := sro_board/translations
BABEL_KEYWORDS := -k _l -k lazy_gettext -k lazy_ngettext:1,2
messages: $(VENV)/.app-installed
	$(BIN)/pybabel -q extract -F babel.cfg $(BABEL_KEYWORDS) --ignore-dirs='.* __pycache__ node_modules' \
		--sort-by-file --project sro-board --version $$($(BIN)/python -c 'import importlib.metadata as m; print(m.version("sro-board"))') \
		--copyright-holder "sro-board contributors" -o $(TRANSLATIONS)/messages.pot .
	$(BIN)/pybabel update -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS) -l fr \
		--no-fuzzy-matching --ignore-obsolete
	$(MAKE) translations

translations: $(VENV)/.app-installed
	$(BIN)/pybabel compile -d $(TRANSLATIONS) -l fr --statistics

clean:
	rm -rf $(VENV) instance .pytest_cache .ruff_cache

# The browser suite (tests/e2e): Debian's Chromium (apt-get install chromium) and a Java runtime
# (apt-get install default-jre-headless) must be installed; the Python extras and the pinned npm
# tools (tools/browser) are installed here. CI runs it through .ci/browser.
.PHONY: e2e
$(VENV)/.e2e-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev,e2e]'
	@touch $@

tools/browser/node_modules/.package-lock.json: tools/browser/package-lock.json
	cd tools/browser && npm ci --ignore-scripts --no-audit --no-fund

e2e: $(VENV)/.e2e-installed tools/browser/node_modules/.package-lock.json
	$(BIN)/pytest -m e2e tests/e2e $(ARGS)
