"""Edit → Organisations… driven as a user would: opened by its shortcut, the list with
engagement counts, an edit, and a merge that says how many engagements it re-points
before doing it, then Edit → Undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.conftest import action, answer_modal, find
from tracker.domain.model import Filters
from ui.main_window import MainWindow
from ui.organisations import OrganisationsDialog

DOD = "U.S. Department of Defense"
AGENCIES = "U.S. federal agencies"


def open_dialog(qtbot: QtBot, window: MainWindow, act: object) -> None:
    """Press Ctrl+Shift+O; ``act`` runs with the dialog open (it must close it)."""
    answer_modal(OrganisationsDialog, act)  # type: ignore[arg-type]
    qtbot.keyClick(
        window,
        Qt.Key.Key_O,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )


def rows(dialog: OrganisationsDialog) -> dict[str, list[str]]:
    table = dialog.table
    return {
        table.item(r, 0).text(): [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    }


def choose(dialog: OrganisationsDialog, name: str) -> None:
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == name)
    dialog.table.selectRow(row)


def test_the_list_shows_counts_and_an_edit_is_saved(qtbot: QtBot, window: MainWindow) -> None:
    seen: dict[str, list[str]] = {}

    def act(dialog: OrganisationsDialog) -> None:
        seen.update(rows(dialog))
        choose(dialog, "NATO")
        find(dialog, QLineEdit, "orgCountry").setText("be")
        find(dialog, QLineEdit, "orgAlias").setText("Alliance")
        find(dialog, QPushButton, "orgSave").click()
        seen["after"] = rows(dialog)["NATO"]
        dialog.reject()

    open_dialog(qtbot, window, act)
    qtbot.waitUntil(lambda: "after" in seen)
    assert seen[DOD][5] == "Pentagon, DoD, Department of War"
    assert seen[DOD][6] == "2"
    assert seen["Chief Digital and AI Office"][4] == DOD
    assert seen["after"][2] == "BE"
    assert "Alliance" in seen["after"][5]
    assert window.service.count(filters=Filters(search="allian")) == 1


def test_merge_says_the_count_first_and_is_undone(qtbot: QtBot, window: MainWindow) -> None:
    asked: list[str] = []
    done: list[dict[str, list[str]]] = []

    def confirm(box: QMessageBox) -> None:
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    def act(dialog: OrganisationsDialog) -> None:
        choose(dialog, AGENCIES)
        find(dialog, QComboBox, "mergeInto").setCurrentText(DOD)
        answer_modal(QMessageBox, confirm)
        find(dialog, QPushButton, "orgMerge").click()
        done.append(rows(dialog))
        dialog.reject()

    before = window.service.count(filters=Filters(counterpart=DOD))
    open_dialog(qtbot, window, act)
    qtbot.waitUntil(lambda: bool(done))
    assert asked and asked[0].startswith("1 engagement will be re-pointed")
    assert AGENCIES not in done[0]
    assert done[0][DOD][6] == "3"
    assert window.service.count(filters=Filters(counterpart=DOD)) == before + 1
    # the merged name is an alias of the DoD now: a search for it finds all three
    assert window.service.count(filters=Filters(search="federal agencies")) == 3
    undo = action(window, "undo")
    assert undo.text().startswith("&Undo Merge")
    undo.trigger()
    assert window.service.count(filters=Filters(counterpart=DOD)) == before
    assert window.service.organisation(name=AGENCIES).engagements == 1
    assert AGENCIES not in window.service.organisation(name=DOD).aliases
    assert window.statusBar().currentMessage().startswith("Undone: Merge")
    assert QApplication.activeModalWidget() is None
