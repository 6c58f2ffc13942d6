"""What the user sees is what Delete acts on: after a save exactly the saved engagement
is selected, and deleting more than one engagement asks first, naming them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import action, activate, answer_modal, find, open_form
from tests.ui.test_main_window import CTRL, press, select_title, status
from ui.main_window import MainWindow


def create_engagement(qtbot: QtBot, window: MainWindow, title: str) -> int:
    """Ctrl+N, type a title, vendor and counterpart, Ctrl+S: the new engagement's id."""
    before = set(window.service.list_ids())
    press(qtbot, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: open_form(window) is not None)
    dialog = open_form(window)
    assert dialog is not None
    activate(qtbot, dialog)
    qtbot.keyClicks(find(dialog, QLineEdit, "field_title"), title)
    for field, name in (("vendor", "Mistral AI"), ("counterpart", "French Ministry")):
        names = find(dialog, QComboBox, f"field_{field}").lineEdit()
        assert names is not None
        qtbot.keyClicks(names, name)
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: open_form(window) is None)
    (made,) = set(window.service.list_ids()) - before
    return made


def test_after_saving_a_new_engagement_only_it_is_selected(
    qtbot: QtBot, window: MainWindow
) -> None:
    select_title(window, "NATO")
    made = create_engagement(qtbot, window, "Ministry talks with Mistral AI")

    assert window.selected_ids() == [made]
    assert window.current_id() == made
    assert window.detail.plain_text().startswith("Ministry talks with Mistral AI")
    activate(qtbot, window)
    press(qtbot, Qt.Key.Key_Delete)
    assert window.service.count() == 4  # only the new one went to the trash
    assert made not in window.model.ids()


def select_rows(window: MainWindow, rows: range) -> list[int]:
    """Click the first of ``rows``, Ctrl+click the others: their ids, in table order."""
    viewport = window.table.viewport()
    for n, row in enumerate(rows):
        rect = window.table.visualRect(window.model.index(row, 0))
        modifier = CTRL if n else Qt.KeyboardModifier.NoModifier
        QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, modifier, rect.center())
    chosen = [window.model.id_at(row) for row in rows]
    assert window.selected_ids() == chosen
    return chosen


def answer_with(qtbot: QtBot, key: Qt.Key, *, within_ms: int = 10_000) -> list[tuple[str, str]]:
    """Answer the message box the next step opens (within ``within_ms``) by typing
    ``key``; what it asked, as its text and informative text, once answered."""
    asked: list[tuple[str, str]] = []

    def answer(box: QMessageBox) -> None:
        asked.append((box.text(), box.informativeText()))
        qtbot.keyClick(box, key)

    answer_modal(QMessageBox, answer, within_ms=within_ms)
    return asked


def press_delete(qtbot: QtBot, window: MainWindow) -> None:
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)


def test_deleting_two_asks_naming_both_and_enter_confirms(qtbot: QtBot, window: MainWindow) -> None:
    chosen = select_rows(window, range(2))
    names = [row.title for row in window.service.rows(ids=chosen)]
    asked = answer_with(qtbot, Qt.Key.Key_Return)
    press_delete(qtbot, window)

    ((text, details),) = asked
    assert text == "Move 2 engagements to the trash?"
    assert all(f"• {name}" in details for name in names)
    assert window.service.count() == 2
    assert not set(chosen) & set(window.model.ids())
    assert status(window) == "Moved 2 engagements to the trash — Ctrl+Z to undo"


def test_escape_leaves_the_engagements_where_they_were(qtbot: QtBot, window: MainWindow) -> None:
    chosen = select_rows(window, range(1, 4))
    asked = answer_with(qtbot, Qt.Key.Key_Escape)
    press_delete(qtbot, window)

    assert [text for text, _ in asked] == ["Move 3 engagements to the trash?"]
    assert window.service.count() == 4
    assert window.selected_ids() == chosen
    assert window.undo_stack.count() == 0


def test_a_long_list_is_named_in_part_and_counted(qtbot: QtBot, window: MainWindow) -> None:
    long = "Exploratory talks " + "on a very long list of subjects " * 4
    for n in range(10):
        window.service.create(
            data={"title": f"{n:02} {long}", "vendor": "V", "counterpart": "C", "status": "paused"}
        )
    action(window, "reload").trigger()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_A, CTRL)
    assert len(window.selected_ids()) == 14
    asked = answer_with(qtbot, Qt.Key.Key_Return)
    press_delete(qtbot, window)

    ((text, details),) = asked
    assert text == "Move 14 engagements to the trash?"
    named = [line for line in details.splitlines() if line.startswith("• ")]
    assert len(named) == 8
    assert "… and 6 more" in details
    assert all(len(line) <= 82 for line in named)  # long titles cut short…
    assert any(line.endswith("…") for line in named)  # …and marked so
    assert window.service.count() == 0


def test_deleting_one_acts_at_once_and_says_what_went(qtbot: QtBot, window: MainWindow) -> None:
    select_title(window, "NATO")
    asked = answer_with(qtbot, Qt.Key.Key_Return, within_ms=200)
    press_delete(qtbot, window)

    assert window.service.count() == 3
    qtbot.wait(300)  # a question would have been answered by now
    assert asked == []
    assert status(window) == (
        "Moved “NATO exploratory talks with OpenAI on unclassified IT” to the trash"
        " — Ctrl+Z to undo"
    )
