"""Edit → Restriction catalogue…, driven as a user would: the list with its counts,
retitle (shown at once in the detail pane, undone through Edit → Undo), describe, a
merge asked first with the number of engagements it rewrites, and a refusal said
inline."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import action, answer_modal, find
from tests.ui.test_change_sets import detail_text
from tests.ui.test_main_window import select_title
from ui.main_window import MainWindow
from ui.restriction_catalogue import RestrictionCatalogueDialog

WEAPONS = "no-fully-autonomous-weapons"
HIGH_STAKES = "no-unsupervised-high-stakes-decisions"

Act = Callable[[RestrictionCatalogueDialog], None]


def in_catalogue(qtbot: QtBot, window: MainWindow, act: Act) -> None:
    """Open the catalogue from the Edit menu's action, do ``act`` in it, close it."""
    done: list[bool] = []

    def run(dialog: RestrictionCatalogueDialog) -> None:
        try:
            act(dialog)
        finally:
            done.append(True)
            dialog.reject()

    answer_modal(RestrictionCatalogueDialog, run)
    action(window, "restrictionCatalogue").trigger()
    assert done == [True]


def rows(dialog: RestrictionCatalogueDialog) -> list[tuple[str, ...]]:
    table = find(dialog, QTableWidget, "catalogueTable")
    return [tuple(table.item(r, c).text() for c in range(4)) for r in range(table.rowCount())]


def choose(dialog: RestrictionCatalogueDialog, code: str) -> None:
    table = find(dialog, QTableWidget, "catalogueTable")
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == code)
    table.selectRow(row)


def click(qtbot: QtBot, dialog: RestrictionCatalogueDialog, name: str) -> None:
    qtbot.mouseClick(find(dialog, QPushButton, name), Qt.MouseButton.LeftButton)


def test_the_list_shows_each_restriction_with_its_count_and_aliases(
    qtbot: QtBot, window: MainWindow
) -> None:
    seen: list[list[tuple[str, ...]]] = []
    in_catalogue(qtbot, window, lambda dialog: seen.append(rows(dialog)))
    assert seen[0] == [
        (WEAPONS, "No fully autonomous weapons systems", "3", ""),
        (
            "no-mass-domestic-surveillance",
            "No mass domestic surveillance",
            "4",
            "no-domestic-mass-surveillance",
        ),
        (HIGH_STAKES, "No automated high-stakes decision-making without human oversight", "2", ""),
    ]


def test_a_retitle_shows_at_once_and_is_undone_from_the_edit_menu(
    qtbot: QtBot, window: MainWindow
) -> None:
    select_title(window, "Anthropic")
    assert "No fully autonomous weapons systems" in detail_text(window)

    def retitle(dialog: RestrictionCatalogueDialog) -> None:
        choose(dialog, WEAPONS)
        title = find(dialog, QLineEdit, "catalogueTitle")
        title.clear()
        qtbot.keyClicks(title, "No lethal autonomy")
        click(qtbot, dialog, "catalogueRetitle")
        assert rows(dialog)[0][1] == "No lethal autonomy"

    in_catalogue(qtbot, window, retitle)
    assert "No lethal autonomy" in detail_text(window)
    assert window.statusBar().currentMessage() == f"Done: Retitle “{WEAPONS}”"
    action(window, "undo").trigger()
    assert "No fully autonomous weapons systems" in detail_text(window)
    assert window.statusBar().currentMessage() == f"Undone: Retitle “{WEAPONS}”"
    action(window, "redo").trigger()
    assert "No lethal autonomy" in detail_text(window)


def test_a_retitle_is_undone_and_redone_once_its_window_is_gone(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The catalogue's window is deleted once closed; its undo steps stay on the
    window's stack and must not reach for it (found by the monkey test, bench.monkey:
    "Internal C++ object (RestrictionCatalogueDialog) already deleted")."""
    select_title(window, "Anthropic")

    def retitle(dialog: RestrictionCatalogueDialog) -> None:
        choose(dialog, WEAPONS)
        title = find(dialog, QLineEdit, "catalogueTitle")
        title.clear()
        qtbot.keyClicks(title, "No lethal autonomy")
        click(qtbot, dialog, "catalogueRetitle")

    in_catalogue(qtbot, window, retitle)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert window.findChild(RestrictionCatalogueDialog) is None
    action(window, "undo").trigger()
    assert "No fully autonomous weapons systems" in detail_text(window)
    assert window.statusBar().currentMessage() == f"Undone: Retitle “{WEAPONS}”"
    action(window, "redo").trigger()
    assert "No lethal autonomy" in detail_text(window)
    assert window.statusBar().currentMessage() == f"Redone: Retitle “{WEAPONS}”"


def test_describe_and_an_empty_title_refused_inline(qtbot: QtBot, window: MainWindow) -> None:
    said: list[str] = []

    def act(dialog: RestrictionCatalogueDialog) -> None:
        choose(dialog, WEAPONS)
        find(dialog, QLineEdit, "catalogueTitle").clear()
        click(qtbot, dialog, "catalogueRetitle")
        said.append(find(dialog, QLabel, "catalogueError").text())
        description = find(dialog, QPlainTextEdit, "catalogueDescription")
        description.setPlainText("Humans decide on force.")
        click(qtbot, dialog, "catalogueDescribe")
        said.append(rows(dialog)[0][1])

    in_catalogue(qtbot, window, act)
    assert said == [
        f'restriction "{WEAPONS}", title: must not be empty',
        "No fully autonomous weapons systems",
    ]
    entry = next(e for e in window.service.catalogue() if e.code == WEAPONS)
    assert entry.description == "Humans decide on force."


def test_a_merge_says_first_what_it_rewrites(qtbot: QtBot, window: MainWindow) -> None:
    asked: list[str] = []

    def yes(box: QMessageBox) -> None:
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    def act(dialog: RestrictionCatalogueDialog) -> None:
        choose(dialog, HIGH_STAKES)
        find(dialog, QComboBox, "catalogueMergeInto").setCurrentText(WEAPONS)
        answer_modal(QMessageBox, yes)
        click(qtbot, dialog, "catalogueMerge")
        asked.append(" | ".join(" ".join(r) for r in rows(dialog)))

    in_catalogue(qtbot, window, act)
    assert "2 engagements get a new version; 2 had both" in asked[0]
    assert "cannot be undone" in asked[0]
    assert HIGH_STAKES not in asked[1].split(" | ")[1]  # gone as a code…
    assert f"{WEAPONS} No fully autonomous weapons systems 3 {HIGH_STAKES}" in asked[1]
    select_title(window, "OpenAI for Government")
    assert "the more restrictive stance" in " ".join(detail_text(window).split())
