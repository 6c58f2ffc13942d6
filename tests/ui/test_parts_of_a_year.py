"""A part of a year typed into the main window's form is kept as written: saved as
``mid-2025`` and shown as "mid-2025" in the detail pane and the table, never "c. 2025"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import activate, find, open_form
from tests.ui.test_main_window import CTRL, open_editor, press, select_title
from ui.main_window import MainWindow
from ui.partial_date_edit import PartialDateEdit
from ui.table_model import COLUMNS


def type_date(qtbot: QtBot, edit: PartialDateEdit, text: str) -> None:
    """Replace what the date field holds by ``text``, typed key by key."""
    line = edit.lineEdit()
    line.setFocus()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClicks(line, text)


def test_typing_mid_2025_saves_and_shows_it_as_written(qtbot: QtBot, window: MainWindow) -> None:
    eid = select_title(window, "NATO")
    dialog = open_editor(qtbot, window)
    started = find(dialog, PartialDateEdit, "field_started")
    follow_up = find(dialog, PartialDateEdit, "field_follow_up")

    type_date(qtbot, started, "mid-2025")
    assert started.hintLabel().text() == "✓ mid-2025 (May–Aug 2025)"
    type_date(qtbot, follow_up, "Late 2026")
    assert follow_up.hintLabel().text() == "✓ late 2026 (Sep–Dec 2026)"
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: open_form(window) is None)

    stored = window.service.get(engagement_id=eid).data
    assert stored.started is not None and stored.started.iso() == "mid-2025"
    assert stored.follow_up is not None and stored.follow_up.iso() == "late-2026"
    shown = window.detail.plain_text()
    assert "mid-2025" in shown
    assert "late 2026" in shown
    assert "c. 2025" not in shown
    row = next(r for r in range(window.model.rowCount()) if window.model.id_at(r) == eid)
    follow_up_column = next(n for n, c in enumerate(COLUMNS) if c.key == "follow_up")
    assert window.model.data(window.model.index(row, follow_up_column)) == "late 2026"

    activate(qtbot, window)
    reopened = open_editor(qtbot, window)
    assert find(reopened, PartialDateEdit, "field_started").text() == "mid-2025"
    assert find(reopened, PartialDateEdit, "field_follow_up").text() == "late 2026"
