# Two commands for a fresh machine:  `make dashboard`  and  `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install dashboard test lint evaluate

$(BIN)/.installed: requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

install: $(BIN)/.installed

dashboard: $(BIN)/.installed
	$(BIN)/framing dashboard

test: $(BIN)/.installed
	$(BIN)/python -m pytest

lint: $(BIN)/.installed
	$(BIN)/ruff check framing dashboards tests benchmarks
	$(BIN)/mypy framing

evaluate: $(BIN)/.installed
	$(BIN)/framing evaluate all
