"""The trash says it is the trash, and an empty list says why it is empty."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import action, find
from tests.ui.test_deleting import press_delete
from tests.ui.test_main_window import CTRL, press, select_title
from tracker.domain.vocab import Status
from ui.main_window import MainWindow


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def placeholder(window: MainWindow) -> str | None:
    """What the empty table says, if anything."""
    shown = find(window.table, QWidget, "tablePlaceholder")
    return find(shown, QLabel, "placeholderMessage").text() if shown.isVisible() else None


def test_the_trash_says_so_and_leads_back(qtbot: QtBot, window: MainWindow) -> None:
    select_title(window, "NATO")
    press_delete(qtbot, window)
    banner = find(window, QWidget, "trashBanner")
    assert not banner.isVisible()

    press(qtbot, Qt.Key.Key_T, CTRL)
    assert window.windowTitle() == "tracker.db — Trash — Engagement Tracker"
    assert banner.isVisible()
    texts = " ".join(label.text() for label in banner.findChildren(QLabel))
    assert "Trash:" in texts and "engagements moved here can be restored" in texts
    assert window.filter_bar.count_label.text() == "1 in the trash"

    click(qtbot, find(banner, QPushButton, "backToEngagements"))
    assert not action(window, "trash").isChecked()
    assert not banner.isVisible()
    assert window.windowTitle() == "tracker.db — Engagement Tracker"
    assert window.filter_bar.count_label.text() == "3 of 3 engagements"


def test_an_empty_trash_says_it_is_empty(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, Qt.Key.Key_T, CTRL)
    assert window.model.rowCount() == 0
    assert placeholder(window) == "The trash is empty"
    assert window.filter_bar.count_label.text() == "0 in the trash"


def test_filters_that_leave_nothing_say_so_and_the_link_clears_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert placeholder(window) is None
    window.filter_bar.status._actions[Status.PAUSED].trigger()
    press(qtbot, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(window.filter_bar.search, "openai")
    qtbot.waitUntil(lambda: window.model.filters.search == "openai")
    assert window.model.rowCount() == 0
    assert placeholder(window) == "No engagements match"

    click(qtbot, find(window.table, QPushButton, "placeholderLink"))
    assert window.filter_bar.filters().is_empty()
    assert window.model.rowCount() == 4
    assert placeholder(window) is None


def test_in_the_trash_filters_that_leave_nothing_say_so_too(
    qtbot: QtBot, window: MainWindow
) -> None:
    select_title(window, "NATO")
    press_delete(qtbot, window)
    press(qtbot, Qt.Key.Key_T, CTRL)
    window.filter_bar.status._actions[Status.AGREED].trigger()
    assert window.filter_bar.count_label.text() == "0 of 1 in the trash"
    assert placeholder(window) == "No engagements match"
    click(qtbot, find(window.table, QPushButton, "placeholderLink"))
    assert window.filter_bar.count_label.text() == "1 in the trash"
    assert action(window, "trash").isChecked()
