"""The History dialog: every version of the current engagement, "View as it was"
(read-only, the detail pane's document) and "Restore this version" (an ordinary,
undoable save, merged with a colleague's save made meanwhile)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.conftest import action, answer_modal, find, menu
from tests.ui.test_main_window import press, select_title
from tracker.services import Tracker
from ui.conflict_dialog import ConflictDialog
from ui.history_dialog import HistoryDialog, VersionView
from ui.main_window import MainWindow

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def edited_twice(window: MainWindow) -> int:
    """Select the NATO engagement and edit it twice (versions 2 and 3); its id."""
    eid = select_title(window, "NATO")
    service = window.service
    for version, summary in ((1, "Second summary"), (2, "Third summary")):
        service.update(engagement_id=eid, expected_version=version, changes={"summary": summary})
    action(window, "reload").trigger()
    select_title(window, "NATO")
    return eid


def history_dialog(qtbot: QtBot, window: MainWindow) -> HistoryDialog:
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(HistoryDialog)))
    return next(d for d in window.findChildren(HistoryDialog) if d.isVisible())


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_menu_and_shortcut_open_the_versions_newest_first(
    qtbot: QtBot, window: MainWindow
) -> None:
    edited_twice(window)
    assert "history" in [a.objectName() for a in menu(window, "&Edit").actions()]
    press(qtbot, Qt.Key.Key_H, CTRL_SHIFT)
    dialog = history_dialog(qtbot, window)
    lines = [dialog.list.item(n).text() for n in range(dialog.list.count())]
    assert len(lines) == 3
    assert lines[0].startswith("Version 3 ·") and lines[0].endswith("· alice · Edited (current)")
    assert lines[2].startswith("Version 1 ·") and "setup · Imported" in lines[2]
    assert not dialog.restore_button.isEnabled()  # the current version is stored already
    dialog.grab().save("/tmp/asof-history.png")
    dialog.reject()


def test_view_as_it_was_is_read_only_and_shows_that_version(
    qtbot: QtBot, window: MainWindow
) -> None:
    edited_twice(window)
    click(qtbot, find(window.detail, QPushButton, "historyButton"))
    dialog = history_dialog(qtbot, window)
    dialog.list.setCurrentRow(1)
    click(qtbot, dialog.view_button)
    qtbot.waitUntil(lambda: any(v.isVisible() for v in dialog.findChildren(VersionView)))
    view = next(v for v in dialog.findChildren(VersionView) if v.isVisible())
    text = view.browser.toPlainText()
    assert "Second summary" in text and "Third summary" not in text
    assert view.browser.isReadOnly()
    assert "Version 2 as it was" in view.windowTitle()
    view.grab().save("/tmp/asof-version.png")
    view.reject()
    dialog.reject()
    assert "Third summary" in window.detail.plain_text()  # nothing was changed


def test_restore_this_version_is_an_undoable_save(qtbot: QtBot, window: MainWindow) -> None:
    eid = edited_twice(window)
    first = window.service.get(engagement_id=eid)
    press(qtbot, Qt.Key.Key_H, CTRL_SHIFT)
    dialog = history_dialog(qtbot, window)
    dialog.list.setCurrentRow(2)  # version 1, as imported
    click(qtbot, dialog.restore_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    restored = window.service.get(engagement_id=eid)
    assert restored.version == 4
    assert restored.data.summary not in ("Second summary", "Third summary")
    assert restored.data == window.service.versions(engagement_id=eid)[-1].engagement.data
    assert window.statusBar().currentMessage().startswith("Restored version 1 of")
    assert restored.data.summary in window.detail.plain_text()
    window.undo_stack.undo()
    assert window.service.get(engagement_id=eid).data == first.data
    assert window.service.get(engagement_id=eid).version == 5  # undo is a save too
    window.undo_stack.redo()
    assert window.service.get(engagement_id=eid).data == restored.data


def test_restore_merges_with_a_save_made_meanwhile(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    eid = edited_twice(window)
    press(qtbot, Qt.Key.Key_H, CTRL_SHIFT)
    dialog = history_dialog(qtbot, window)
    colleague = Tracker.open(db_path, user="bob")
    try:
        now = colleague.get(engagement_id=eid)
        colleague.update(
            engagement_id=eid, expected_version=now.version, changes={"next_step": "Call NATO"}
        )
    finally:
        colleague.close()
    dialog.list.setCurrentRow(1)  # version 2: only the summary differs
    click(qtbot, dialog.restore_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    merged = window.service.get(engagement_id=eid)
    assert (merged.data.summary, merged.data.next_step) == ("Second summary", "Call NATO")


def test_a_clash_asks_and_cancel_saves_nothing(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    eid = edited_twice(window)
    press(qtbot, Qt.Key.Key_H, CTRL_SHIFT)
    dialog = history_dialog(qtbot, window)
    colleague = Tracker.open(db_path, user="bob")
    try:
        colleague.update(engagement_id=eid, expected_version=3, changes={"summary": "Bob's"})
    finally:
        colleague.close()
    dialog.list.setCurrentRow(1)
    answer_modal(ConflictDialog, lambda conflict: conflict.reject())
    click(qtbot, dialog.restore_button)
    assert dialog.isVisible()  # back to the list: nothing saved
    assert window.service.get(engagement_id=eid).data.summary == "Bob's"
    dialog.reject()
