"""Fixtures shared by the GUI tests: a demo database file, private QSettings, and the
main window on them (shown and active), and `find` for a widget by its object name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tracker.services import Tracker
from ui.main_window import MainWindow


def demo_file(path: Path) -> Path:
    """Create a database at ``path`` holding the demo engagements."""
    service = Tracker.open(path, user="setup")
    service.load_demo()
    service.close()
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A demo database file of the test's own."""
    return demo_file(tmp_path / "tracker.db")


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Settings in an INI file of the test's own (never the user's)."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot: QtBot, db_path: Path, settings: QSettings) -> Iterator[MainWindow]:
    """The main window on the demo database as "alice", shown and active; torn down
    without leaving a job running or a question open."""
    win = MainWindow(Tracker.open(db_path, user="alice"), settings=settings)
    win.show()
    activate(qtbot, win)
    yield win
    if win.job is not None:
        win.job.wait()
    if win.dialog is not None:  # never leave a "Discard changes?" question blocking teardown
        win.dialog.mark_clean()
        win.dialog.reject()
    win.close()
    win.service.close()
    win.deleteLater()


def activate(qtbot: QtBot, widget: QWidget) -> None:
    """Make ``widget``'s window the active one (a window manager would do it on show)."""
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())


W = TypeVar("W", bound=QObject)


def find(parent: QObject, kind: type[W], name: str) -> W:
    """The descendant of ``parent`` of type ``kind`` named ``name`` (it must exist)."""
    found = parent.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name!r}"
    return found
