# Each target creates or reuses .venv and installs what it needs (again when pyproject changes).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

CODE := bot coaching handlers models render scheduler services

.PHONY: run chat test test-sqlite lint format coverage sample-chart backup bench

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(INSTALLED)

run: $(INSTALLED)  ## the bot (the terminal chat when no token is set)
	$(BIN)/python -m bot

chat: $(INSTALLED)  ## the terminal chat, always
	$(BIN)/python -m bot --chat

test: $(INSTALLED)  ## every test, offline, on SQLite and on a PostgreSQL server it starts itself
	$(BIN)/python -m pytest

test-sqlite: $(INSTALLED)  ## the same tests on SQLite only (about half the time)
	RUNLIFT_TEST_BACKENDS=sqlite $(BIN)/python -m pytest

lint: $(INSTALLED)  ## ruff, and vulture for dead code (allow-list: vulture_allowlist.py)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/vulture $(CODE) vulture_allowlist.py --min-confidence 60

sample-chart: $(INSTALLED)  ## a sample /progress chart (made-up data) in sample-chart.png
	$(BIN)/python -m bench.charts --sample sample-chart.png

bench: $(INSTALLED)  ## every benchmark, one table, also in bench/results.md (never in CI; ~12 min)
	$(BIN)/python -m bench.suite

coverage: $(INSTALLED)  ## the tests with line coverage (SQLAlchemy's greenlets counted)
	$(BIN)/python -m coverage run -m pytest
	$(BIN)/python -m coverage report

backup: $(INSTALLED)  ## a consistent copy of the live SQLite database, in backups/
	$(BIN)/python -m bot.backup

format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
