# Engagement Tracker: every target builds the virtualenv .venv first when it is
# missing or older than pyproject.toml (stamp file .venv/.installed).
#   make venv | make run | make test [ARGS='-k refcount -x'] | make lint

SHELL  := /bin/bash
VENV   := .venv
STAMP  := $(VENV)/.installed
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
ARGS   ?=

.PHONY: venv run test lint

venv: $(STAMP)

$(STAMP): pyproject.toml
	@if ! $(VENV)/bin/python -c 'import sys' 2>/dev/null; then \
		echo "creating $(VENV) with $(PYTHON)"; \
		$(PYTHON) -m venv --clear $(VENV); \
	fi
	$(VENV)/bin/pip install -e '.[test,dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/tracker demo --if-empty
	$(VENV)/bin/tracker gui

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m pytest $(ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports
