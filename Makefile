# Engagement Tracker: every target builds the virtualenv .venv first when it is
# missing or older than pyproject.toml or constraints.txt (stamp file .venv/.installed).
#   make venv | make run | make test [ARGS='-k refcount -x'] | make lint
#   xvfb-run -a env QT_QPA_PLATFORM=xcb make test ARGS=tests/ui   (the GUI tests on X11)
#   make install | make uninstall   (the app for this user: PATH and menu; docs/installing.md)
#   make dist      (a standalone bundle in dist/engagement-tracker/, no Python needed)
#   make dist-check (make dist, then the bundle's smoke test)
#   make lock      (refresh constraints.txt, the exact versions every install uses)
#   make translations (refresh ui/translations/*.ts from the sources, build the .qm)

SHELL  := /bin/bash
VENV   := .venv
STAMP  := $(VENV)/.installed
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
ARGS   ?=
CONSTRAINTS := constraints.txt
DIST_VENV   := build/dist-venv
LOCK_VENV   := build/lock-venv

.PHONY: venv run test lint install uninstall dist dist-check lock translations

venv: $(STAMP)

$(STAMP): pyproject.toml $(CONSTRAINTS)
	@if ! $(VENV)/bin/python -c 'import sys' 2>/dev/null; then \
		echo "creating $(VENV) with $(PYTHON)"; \
		$(PYTHON) -m venv --clear $(VENV); \
	fi
	$(VENV)/bin/pip install -c $(CONSTRAINTS) -e '.[test,dev,team]'
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

# The app for this user, without root: its own virtualenv in
# ~/.local/share/engagement-tracker/venv, `tracker` and `tracker-gui` linked into
# ~/.local/bin, the launcher and icons in ~/.local/share (XDG_DATA_HOME).
install:
	$(PYTHON) deploy/install.py install

uninstall:
	$(PYTHON) deploy/install.py uninstall

# PyInstaller in a virtualenv of its own, so that .venv's test tools stay out of the
# bundle; the bundle is dist/engagement-tracker/ and its archive beside it.
dist:
	@$(DIST_VENV)/bin/python -c 'import sys' 2>/dev/null || $(PYTHON) -m venv --clear $(DIST_VENV)
	$(DIST_VENV)/bin/pip install -q -c $(CONSTRAINTS) '.[team,dist]'
	$(DIST_VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller deploy/tracker.spec
	tar -C dist -czf dist/engagement-tracker-linux-$$(uname -m).tar.gz engagement-tracker
	@du -sh dist/engagement-tracker dist/engagement-tracker-linux-$$(uname -m).tar.gz

# The window's French: pyside6-lupdate gathers every translate() text of ui/ into the
# .ts (new ones unfinished, for Qt Linguist or an editor), lrelease builds the .qm the
# app loads. The .qm is committed, so that an install and the bundle need no Qt tools.
TS := ui/translations/tracker_fr.ts
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate $(sort $(wildcard ui/*.py)) -no-obsolete -locations none \
		-source-language en -target-language fr -ts $(TS)
	$(VENV)/bin/pyside6-lrelease $(TS) -qm $(TS:.ts=.qm)

# The bundle's smoke test (slow, so not in make test): demo, window offscreen, briefing.
dist-check: dist $(STAMP)
	TRACKER_DIST_SMOKE=1 QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m pytest tests/deploy/test_dist_smoke.py

# The newest versions pyproject.toml allows, resolved in a fresh virtualenv and
# written as exact pins (on CI's Python, 3.11: PySide6 6.11.x, see pyproject.toml).
lock:
	rm -rf $(LOCK_VENV)
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/pip install -q '.[test,dev,team,dist]'
	{ echo "# Exact versions for every install (make venv, make install, make dist, CI)."; \
	  echo "# Refresh with: make lock   (resolved on Python $$($(LOCK_VENV)/bin/python -c 'import platform; print(platform.python_version())'))"; \
	  $(LOCK_VENV)/bin/pip freeze --exclude engagement-tracker; } > $(CONSTRAINTS)
	rm -rf $(LOCK_VENV)
