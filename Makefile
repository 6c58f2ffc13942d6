# Engagement Tracker: every target builds the virtualenv .venv first when it is
# missing or older than pyproject.toml (stamp file .venv/.installed).
#   make venv | make run | make test [ARGS='-k refcount -x'] | make lint
#   xvfb-run -a env QT_QPA_PLATFORM=xcb make test ARGS=tests/ui   (the GUI tests on X11)

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

# Qt's xcb window plugin needs a few X libraries a minimal Debian lacks: install them
# when we can (root with apt-get), otherwise say which ones.
XCB_LIBS := libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1

run: $(STAMP)
	@if [ -n "$$DISPLAY" ] && ! ldconfig -p 2>/dev/null | grep -q libxcb-cursor.so.0; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get install -y -q --no-install-recommends $(XCB_LIBS) \
			|| { apt-get update -q && apt-get install -y -q --no-install-recommends $(XCB_LIBS); }; \
		else \
			echo "Qt needs: sudo apt-get install $(XCB_LIBS)"; \
		fi; \
	fi
	$(VENV)/bin/tracker demo --if-empty
	$(VENV)/bin/tracker gui

# Offscreen unless QT_QPA_PLATFORM says otherwise: CI runs the GUI tests a second time
# under Xvfb with QT_QPA_PLATFORM=xcb, X11's own standard keys (see .ci/run).
test: $(STAMP)
	QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(VENV)/bin/python -m pytest $(ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports
