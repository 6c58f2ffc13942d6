"""Fixtures shared by the GUI tests: a demo database file, private QSettings, and the
main window on them (shown and active); and ways to reach what a user reaches: a widget
by its object name, the window's actions, its open form, the modal dialogs it asks
with, and the drop-down menus of its buttons."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from tracker.services import Tracker
from ui.engagement_form import EngagementDialog
from ui.main_window import MainWindow

W = TypeVar("W", bound=QWidget)

# The window in English whatever the machine's language or the user's setting (an app
# made by ui.app.make_application, in a subprocess, reads it); tests/ui/test_french.py
# switches to French itself.
os.environ["TRACKER_LANG"] = "en"


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
    form = open_form(win)
    if form is not None:  # never leave a "Discard changes?" question blocking teardown
        form.mark_clean()
        form.reject()
    win.close()  # closing waits for any job still running
    win.service.close()
    win.deleteLater()


def activate(qtbot: QtBot, widget: QWidget) -> None:
    """Make ``widget``'s window the active one (a window manager would do it on show)."""
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())


Q = TypeVar("Q", bound=QObject)


def find(parent: QObject, kind: type[Q], name: str) -> Q:
    """The descendant of ``parent`` of type ``kind`` named ``name`` (it must exist)."""
    found = parent.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name!r}"
    return found


def action(window: QWidget, name: str) -> QAction:
    """The window's action named ``name``: the one its menus and shortcuts trigger."""
    found = window.findChild(QAction, name)
    assert found is not None, f"no action {name!r}"
    return found


def menu(window: QMainWindow, *path: str) -> QMenu:
    """The menu reached through the menu bar by the entries' texts: ("&File", "Open &recent")."""
    entries = window.menuBar().actions()
    found: QMenu | None = None
    for text in path:
        found = next(
            (m for a in entries if a.text() == text and isinstance(m := a.menu(), QMenu)), None
        )
        assert found is not None, f"no menu {text!r}"
        entries = found.actions()
    assert found is not None
    return found


def open_form(window: QWidget) -> EngagementDialog | None:
    """The engagement form the window shows, if any."""
    shown = [form for form in window.findChildren(EngagementDialog) if form.isVisible()]
    assert len(shown) <= 1
    return shown[0] if shown else None


def answer_modal(kind: type[W], act: Callable[[W], object], *, within_ms: int = 10_000) -> None:
    """Once a modal dialog of ``kind`` opens, answer it with ``act``, as a user would.

    A modal dialog runs its own event loop; this polls from that loop (every 20 ms, for
    at most ``within_ms``), so call it before the step that opens the dialog.
    """
    tries = within_ms // 20

    def poll(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            act(dialog)
        elif left > 0:
            QTimer.singleShot(20, lambda: poll(left - 1))

    QTimer.singleShot(0, lambda: poll(tries))


def shown_text(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What Qt shows of ``text`` (a tooltip's, or a label's of ``text_format``): the text
    itself when it is drawn plain, else the text of its markup as Qt reads it (an image
    in it reads as U+FFFC). The markup is parsed, never laid out: nothing it names is
    loaded."""
    plain = text_format == Qt.TextFormat.PlainText or (
        text_format == Qt.TextFormat.AutoText and not QtGui.Qt.mightBeRichText(text)
    )
    if plain:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def choose(qtbot: QtBot, button: QToolButton, *entries: str) -> None:
    """Click ``button`` and, in the menu it pops up, click each of ``entries`` (by their
    text), then close the menu with Esc, as a user picks filters."""
    popup = button.menu()
    assert popup is not None, f"the button {button.text()!r} has no menu"
    clicked: list[str] = []

    def pick() -> None:
        # The button's menu runs its own event loop: this runs inside it, and always
        # closes the menu, so that a missing entry fails the test instead of hanging it.
        try:
            assert QApplication.activePopupWidget() is popup, "another popup opened"
            for text in entries:
                entry = next((a for a in popup.actions() if a.text() == text), None)
                if entry is not None:
                    rect = popup.actionGeometry(entry)
                    qtbot.mouseClick(popup, Qt.MouseButton.LeftButton, pos=rect.center())
                    clicked.append(text)
        finally:
            qtbot.keyClick(popup, Qt.Key.Key_Escape)

    def shown() -> None:
        QTimer.singleShot(0, pick)

    popup.aboutToShow.connect(shown)
    try:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not popup.isVisible())
    finally:
        popup.aboutToShow.disconnect(shown)
    assert clicked == list(entries), f"{button.text()!r} offered only {clicked} of {entries}"
