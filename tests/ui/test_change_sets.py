"""The window applies what a save changed: rows refresh in place unless the list's
order or membership may have moved, and multi-engagement steps are one transaction."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import answer_modal, find, open_form
from tests.ui.test_main_window import CTRL, open_editor, press, select_title, titles
from ui.main_window import MainWindow


def count_calls(monkeypatch: pytest.MonkeyPatch, obj: Any, name: str) -> list[int]:
    """Count the calls of ``obj.name`` (still doing what it did)."""
    calls: list[int] = []
    original: Callable[..., Any] = getattr(obj, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(obj, name, counted)
    return calls


def type_into(qtbot: QtBot, line: QLineEdit, text: str) -> None:
    line.setFocus()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClicks(line, text)


def save_form(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: open_form(window) is None)


def detail_text(window: MainWindow) -> str:
    return window.detail.browser().toPlainText()


def test_an_edit_that_moves_nothing_refreshes_its_row_without_a_new_id_query(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    eid = select_title(window, "NATO")
    order = window.model.ids()
    queries = count_calls(monkeypatch, window.service, "list_ids")
    rows = count_calls(monkeypatch, window.service, "rows")

    dialog = open_editor(qtbot, window)
    type_into(qtbot, find(dialog, QLineEdit, "field_next_step"), "Brief the NAC")
    save_form(qtbot, window)

    window.table.viewport().repaint()
    assert queries == []  # sorted by title, no filter: nothing can move
    assert rows, "the changed row was read again for the repaint"
    assert window.model.ids() == order
    assert window.selected_ids() == [eid]
    assert "Brief the NAC" in detail_text(window)
    assert window.service.get(engagement_id=eid).data.next_step == "Brief the NAC"


def test_an_edit_of_the_sorted_column_runs_the_id_query_and_moves_the_row(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    eid = select_title(window, "NATO")
    queries = count_calls(monkeypatch, window.service, "list_ids")

    dialog = open_editor(qtbot, window)
    type_into(qtbot, find(dialog, QLineEdit, "field_title"), "AAA first of all")
    save_form(qtbot, window)

    assert queries == [1]  # the title is the sort order
    assert titles(window)[0] == "AAA first of all"
    assert window.model.id_at(0) == eid and window.selected_ids() == [eid]


def test_an_edit_that_leaves_a_filter_runs_the_id_query(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.filter_bar.search.setText("unclassified")
    window.filter_bar.flush()
    before = window.model.rowCount()
    select_title(window, "NATO")
    queries = count_calls(monkeypatch, window.service, "list_ids")

    dialog = open_editor(qtbot, window)
    type_into(qtbot, find(dialog, QLineEdit, "field_owner"), "Policy desk")
    save_form(qtbot, window)

    assert queries == [1]  # the owner is searched text: membership may have moved
    assert window.model.rowCount() == before


def test_trashing_two_engagements_is_one_transaction_and_one_undo_step(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = count_calls(monkeypatch, window.service, "delete_many")
    singles = count_calls(monkeypatch, window.service, "delete")
    first, second = window.model.id_at(0), window.model.id_at(1)
    viewport = window.table.viewport()
    for row, modifier in ((0, Qt.KeyboardModifier.NoModifier), (1, CTRL)):
        rect = window.table.visualRect(window.model.index(row, 0))
        QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, modifier, rect.center())
    assert window.selected_ids() == [first, second]
    answer_modal(QMessageBox, lambda box: qtbot.keyClick(box, Qt.Key.Key_Return))
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)

    assert calls == [1] and singles == []
    assert window.model.rowCount() == 2 and first not in window.model.ids()
    assert window.undo_stack.count() == 1

    window.undo_stack.undo()
    assert window.model.rowCount() == 4
    assert {first, second} <= set(window.model.ids())
