"""Edit → Edit selected… as a user drives it: select rows, open the dialog, check what
to set, Apply; the table shows it, Ctrl+Z restores it in one step; a refused value is
said in the dialog; an engagement a colleague changed meanwhile is left out by name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import action, activate, find
from tests.ui.test_deleting import select_rows
from tests.ui.test_main_window import CTRL, press, status
from tracker.domain.vocab import Status
from tracker.services import Tracker
from ui.bulk_edit_dialog import BulkEditDialog
from ui.main_window import MainWindow
from ui.table_model import COLUMNS

SHIFT = Qt.KeyboardModifier.ShiftModifier


def open_dialog(qtbot: QtBot, window: MainWindow) -> BulkEditDialog:
    activate(qtbot, window)
    window.table.setFocus()
    press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), BulkEditDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, BulkEditDialog)
    return dialog


def check(qtbot: QtBot, dialog: BulkEditDialog, key: str) -> None:
    """Click the checkbox of row ``key`` on its box, as a user would."""
    box = find(dialog, QCheckBox, f"bulk_{key}")
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()


def choose_status(qtbot: QtBot, dialog: BulkEditDialog, status_word: Status) -> None:
    check(qtbot, dialog, "status")
    box = find(dialog, QComboBox, "bulk_status_value")
    assert box.isEnabled()
    box.setCurrentIndex(box.findData(status_word.value))


def shown_statuses(window: MainWindow, rows: range) -> list[str]:
    column = next(n for n, c in enumerate(COLUMNS) if c.header == "Status")
    return [str(window.model.index(row, column).data()) for row in rows]


def apply(qtbot: QtBot, dialog: BulkEditDialog) -> None:
    qtbot.mouseClick(find(dialog, QPushButton, "bulkEditApply"), Qt.MouseButton.LeftButton)


def test_set_a_status_on_the_selection_then_undo(qtbot: QtBot, window: MainWindow) -> None:
    rows = range(3)
    ids = select_rows(window, rows)
    before = shown_statuses(window, rows)
    stored = {eid: window.service.get(engagement_id=eid) for eid in ids}
    dialog = open_dialog(qtbot, window)
    assert "Change 3 engagements" in find(dialog, QLabel, "bulkEditCount").text()
    apply_button = find(dialog, QPushButton, "bulkEditApply")
    assert not apply_button.isEnabled()  # nothing checked yet
    choose_status(qtbot, dialog, Status.ENDED)
    assert apply_button.isEnabled()
    apply(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    assert all(window.service.get(engagement_id=eid).data.status is Status.ENDED for eid in ids)
    qtbot.waitUntil(lambda: set(shown_statuses(window, range(3))) == {Status.ENDED.label})
    assert "Changed 3 engagements" in status(window)
    assert window.undo_stack.count() == 1
    assert window.undo_stack.undoText() == "Bulk edit 3 engagements"

    activate(qtbot, window)
    window.table.setFocus()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    for eid in ids:
        restored = window.service.get(engagement_id=eid)
        assert restored.data.status is stored[eid].data.status
        assert restored.data.status_history == stored[eid].data.status_history
        assert restored.version == stored[eid].version + 2
    qtbot.waitUntil(lambda: shown_statuses(window, rows) == before)
    assert status(window).startswith("Undone: Bulk edit 3 engagements")
    action(window, "redo").trigger()
    assert all(window.service.get(engagement_id=eid).data.status is Status.ENDED for eid in ids)


def test_a_refused_value_is_said_in_the_dialog(qtbot: QtBot, window: MainWindow) -> None:
    ids = select_rows(window, range(2))
    versions = {eid: window.service.get(engagement_id=eid).version for eid in ids}
    dialog = open_dialog(qtbot, window)
    check(qtbot, dialog, "follow_up")
    qtbot.keyClicks(find(dialog, QLineEdit, "bulk_follow_up_value"), "31 feb")
    apply(qtbot, dialog)
    assert dialog.isVisible()
    error = dialog.error_line.text()
    assert "follow_up" in error and "31 feb" in error
    assert {eid: window.service.get(engagement_id=eid).version for eid in ids} == versions
    assert window.undo_stack.count() == 0
    dialog.reject()


def test_an_engagement_a_colleague_changed_is_left_out_by_name(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    ids = select_rows(window, range(2))
    dialog = open_dialog(qtbot, window)
    colleague = Tracker.open(db_path, user="bob")
    try:
        theirs = colleague.get(engagement_id=ids[1])
        colleague.update(
            engagement_id=ids[1], expected_version=theirs.version, changes={"owner": "Bob"}
        )
    finally:
        colleague.close()
    check(qtbot, dialog, "owner")
    qtbot.keyClicks(find(dialog, QLineEdit, "bulk_owner_value"), "Desk B")
    apply(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.service.get(engagement_id=ids[0]).data.owner == "Desk B"
    assert window.service.get(engagement_id=ids[1]).data.owner == "Bob"
    said = status(window)
    assert "Changed 1 engagement" in said and "left out" in said
    assert theirs.data.title[:20] in said
