# Handhold's two commands:  `make run`  and  `make test`.
# Both create a virtual environment in .venv with Python 3.10+ and install what they need.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/handhold
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-sqlite test-postgres lint chromium gettext node postgres redis screenshots

## Install Handhold and run it on http://127.0.0.1:8000 (data in ./data/).
run: $(VENV)/.installed-run
	$(BIN)/handhold serve --host $(HOST) --port $(PORT)

## Install the test dependencies and run the whole suite: lint, SQLite, PostgreSQL, browsers.
test: $(VENV)/.installed-test chromium gettext node postgres redis lint test-sqlite test-postgres

test-sqlite: $(VENV)/.installed-test postgres redis
	@echo "== tests on SQLite =="
	$(BIN)/pytest

# The `training` tests touch no database, and the `own_sqlite` ones (the bench) make a SQLite
# database of their own whatever DATABASE_URL says, so they run once, with the SQLite suite.
test-postgres: $(VENV)/.installed-test postgres redis
	@echo "== tests on PostgreSQL ($(POSTGRES_URL)) =="
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest -m "not training and not own_sqlite"

## Render every page, at every stage, at phone and desktop width into ./screenshots/.
screenshots: $(VENV)/.installed-test chromium
	$(BIN)/pytest -q tests/browser/test_every_page.py --screenshots screenshots
	@echo "Screenshots are in screenshots/phone and screenshots/desktop."

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed-run

# The browser tests drive Debian's Chromium; Playwright cannot download its own here.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

# Private matching's interop tests run the browser's code under Node; @noble/curves 2 needs
# Node 20.19 or newer (Debian 12's own nodejs is 18: install a newer one from nodejs.org).
node:
	@node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a==20&&b>=19)?0:1)' 2>/dev/null || { \
		echo "The tests need Node.js 20.19 or newer on the PATH (found: $$(node --version 2>/dev/null || echo none))."; exit 1; }

# The translation tests run `makemessages`, which calls GNU gettext's xgettext and msgmerge.
# Running Handhold needs none of it: the compiled catalogues (.mo) are committed.
gettext:
	@command -v xgettext >/dev/null 2>&1 || { \
		echo "Installing GNU gettext for the translation tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext; }

# The PostgreSQL half of the suite needs a server on 127.0.0.1:5432 that trusts local users.
postgres:
	@pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null || { \
		echo "Starting PostgreSQL..."; \
		pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start; \
		for i in 1 2 3 4 5 6 7 8 9 10; do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done; }
	@pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL is not answering on 127.0.0.1:5432"; exit 1; }

# The two-server test (tests/test_two_servers.py) shares its counters through Redis on
# 127.0.0.1:6379, in both runs of the suite. Started here, keeping nothing on disk, if stopped.
redis:
	@redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || { \
		echo "Starting Redis..."; \
		redis-server --bind 127.0.0.1 --port 6379 --save "" --appendonly no --daemonize yes; \
		for i in 1 2 3 4 5; do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 1; done; }
	@redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || { echo "Redis is not answering on 127.0.0.1:6379"; exit 1; }
