"""The limits in the desktop app (issue 19, point 4): an over-long field in the form is
refused inline, at the field, and nothing is saved; a refused import says the one line
and writes nothing; a summary at the limit shows in the detail pane as many short
blocks (one block of a megabyte froze the pane)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from tests.ui.conftest import action, activate, answer_modal, find, open_form
from tests.ui.test_main_window import CTRL, choose_file, press, select_title
from tracker.domain import limits
from tracker.domain.presenter import PIECE
from ui.main_window import MainWindow
from ui.message_line import MessageLine


def test_an_over_long_summary_is_refused_at_the_field(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: open_form(window) is not None)
    dialog = open_form(window)
    assert dialog is not None
    activate(qtbot, dialog)
    qtbot.keyClicks(find(dialog, QLineEdit, "field_title"), "Pilot")
    for field in ("vendor", "counterpart"):
        names = find(dialog, QComboBox, f"field_{field}").lineEdit()
        assert names is not None
        qtbot.keyClicks(names, "Mistral AI")
    summary = find(dialog, QPlainTextEdit, "field_summary")
    summary.setPlainText("s" * (limits.TEXT + 1))
    press(qtbot, Qt.Key.Key_S, CTRL)
    error = find(dialog, MessageLine, "error_summary")
    qtbot.waitUntil(error.isVisible)
    assert error.text() == "is 1,000,001 characters long; at most 1,000,000 are allowed"
    assert open_form(window) is dialog, "the form stays open with the entries"
    assert window.service.count() == 4
    summary.setPlainText("s" * limits.TEXT)
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: open_form(window) is None)
    assert window.service.count() == 5


def test_a_refused_import_says_the_line_and_writes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    big = tmp_path / "big.json"
    engagement = {"title": "Big", "vendor": "V", "counterpart": "C", "status": "agreed"}
    engagement["summary"] = "s" * (limits.TEXT + 1)
    big.write_text(json.dumps({"format": "engagement-tracker/1", "engagements": [engagement]}))
    messages: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        messages.append(box.text())
        box.accept()

    choose_file(big)
    answer_modal(QMessageBox, read_and_close)
    action(window, "import").trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert messages == [
        'engagement #1 "Big", summary: is 1,000,001 characters long; at most 1,000,000 are allowed'
    ]
    assert window.service.count() == 4


def test_a_summary_at_the_limit_is_shown_in_short_blocks(qtbot: QtBot, window: MainWindow) -> None:
    words = "The agreement covers network, data and hosting. " * 25_000
    window.service.create(
        data={
            "title": "Long read",
            "vendor": "V",
            "counterpart": "C",
            "status": "agreed",
            "summary": words[: limits.TEXT],
            "concerns": [{"kind": "legal", "text": words[: limits.TEXT // 2]}],
        }
    )
    window.model.reload()
    select_title(window, "Long read")
    document = window.detail.browser().document()
    qtbot.waitUntil(lambda: "Long read" in document.toPlainText())
    longest = max(len(document.findBlockByNumber(n).text()) for n in range(document.blockCount()))
    assert longest <= PIECE + 20
    assert document.blockCount() > (limits.TEXT + limits.TEXT // 2) // PIECE
    shown = "".join(document.toPlainText().split())
    assert "".join(words[: limits.TEXT].split()) in shown
