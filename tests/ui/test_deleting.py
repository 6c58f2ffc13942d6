"""What the user sees is what Delete acts on: after a save exactly the saved engagement
is selected, and deleting more than one engagement asks first, naming them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from tests.ui.conftest import activate, find, open_form
from tests.ui.test_main_window import CTRL, press, select_title
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
