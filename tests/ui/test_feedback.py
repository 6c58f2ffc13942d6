"""Every change says in the status bar what it did, and the next one replaces it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import action, activate, answer_modal, find, open_form
from tests.ui.test_deleting import create_engagement, press_delete, select_rows
from tests.ui.test_main_window import CTRL, open_editor, press, select_title, status
from tracker.services import Tracker
from ui.main_window import MainWindow

NATO = "NATO exploratory talks with OpenAI on unclassified IT"


def test_undo_and_redo_of_a_two_engagement_delete_say_so(qtbot: QtBot, window: MainWindow) -> None:
    select_rows(window, range(2))
    answer_modal(QMessageBox, lambda box: qtbot.keyClick(box, Qt.Key.Key_Return))
    press_delete(qtbot, window)
    assert status(window) == "Moved 2 engagements to the trash — Ctrl+Z to undo"

    activate(qtbot, window)  # back from the question, as a window manager would
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert window.service.count() == 4
    assert status(window) == "Undone: Delete 2 engagements"
    action(window, "redo").trigger()
    assert window.service.count() == 2
    assert status(window) == "Redone: Delete 2 engagements"


def test_saving_an_edit_says_saved_and_undo_names_it(qtbot: QtBot, window: MainWindow) -> None:
    select_title(window, "NATO")
    dialog = open_editor(qtbot, window)
    owner = find(dialog, QLineEdit, "field_owner")
    owner.selectAll()
    qtbot.keyClicks(owner, "Policy desk")
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: open_form(window) is None)
    assert status(window) == f"Saved “{NATO}”"

    action(window, "undo").trigger()
    assert status(window) == f"Undone: Edit “{NATO}”"
    action(window, "redo").trigger()
    assert status(window) == f"Redone: Edit “{NATO}”"


def test_saving_a_new_engagement_says_saved(qtbot: QtBot, window: MainWindow) -> None:
    create_engagement(qtbot, window, "Ministry talks with Mistral AI")
    assert status(window) == "Saved “Ministry talks with Mistral AI”"
    action(window, "undo").trigger()
    assert status(window) == "Undone: New “Ministry talks with Mistral AI”"


def test_restoring_says_what_came_back(qtbot: QtBot, window: MainWindow) -> None:
    select_title(window, "NATO")
    press_delete(qtbot, window)
    action(window, "trash").trigger()
    select_title(window, "NATO")
    press(qtbot, Qt.Key.Key_R, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.model.rowCount() == 0
    assert status(window) == f"Restored “{NATO}”"
    action(window, "undo").trigger()
    assert status(window) == f"Undone: Restore “{NATO}”"


def test_a_refused_undo_says_why_and_leaves_no_stale_message(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    eid = select_title(window, "NATO")
    dialog = open_editor(qtbot, window)
    owner = find(dialog, QLineEdit, "field_owner")
    owner.selectAll()
    qtbot.keyClicks(owner, "Policy desk")
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: open_form(window) is None)
    assert status(window) == f"Saved “{NATO}”"
    colleague = Tracker.open(db_path, user="bob")
    current = colleague.get(engagement_id=eid)
    colleague.update(engagement_id=eid, expected_version=current.version, changes={"owner": "Bob"})
    colleague.close()

    told: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        told.append(box.text())
        box.accept()

    answer_modal(QMessageBox, read_and_close)
    action(window, "undo").trigger()
    assert len(told) == 1
    assert told[0].startswith(f"Cannot undo edit “{NATO}”: bob has since changed Owner (at ")
    assert status(window) == ""
    assert window.service.get(engagement_id=eid).data.owner == "Bob"


def test_a_long_title_is_shortened_in_step_texts() -> None:
    from ui.commands import QUOTED_TITLE_LIMIT, quoted

    long_title = "Talks " * 40
    text = quoted(long_title)
    assert len(text) == QUOTED_TITLE_LIMIT + 2 and text.endswith("…”")
    assert quoted("NATO pilot") == "“NATO pilot”"
