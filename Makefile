# Two commands for a fresh machine:  `make dashboard`  and  `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install compile dashboard test lint evaluate

$(BIN)/.installed: requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m framing._compile build --if-possible
	touch $@

install: $(BIN)/.installed

# The engine's hot modules compiled with mypyc (faster, same output; framing/_native.py). make install builds them
# when a C compiler and Python's headers are present; after editing an engine module the package runs as pure Python
# until this is run again (FRAMING_PURE_PYTHON=1 make install skips it).
compile: $(BIN)/.installed
	$(BIN)/python -m framing._compile build

dashboard: $(BIN)/.installed
	$(BIN)/framing dashboard

# The browser tests need Debian's Chromium: installed when missing and this user may install packages; otherwise
# they are left out with one line saying why. CI sets FRAMING_REQUIRE_BROWSER=1, so there a missing browser fails.
test: $(BIN)/.installed
	@if sh tests/browser/ensure_chromium.sh; then \
		$(BIN)/python -m pytest; \
	elif [ "$${FRAMING_REQUIRE_BROWSER:-0}" = 1 ]; then \
		echo "make test: FRAMING_REQUIRE_BROWSER=1 and no Chromium: failing"; exit 1; \
	else \
		FRAMING_SKIP_BROWSER_REASON=no-chromium $(BIN)/python -m pytest; \
	fi

lint: $(BIN)/.installed
	$(BIN)/ruff check framing dashboards tests benchmarks
	$(BIN)/mypy framing

evaluate: $(BIN)/.installed
	$(BIN)/framing evaluate all
