"""View → Saved views, driven as a user would: save what the window shows through the
menu and its dialog, change everything, press Ctrl+1 and find the filters, the order,
the columns and the view back; after a restart too; undo and redo of saving, renaming
and deleting with Ctrl+Z; a view that names a restriction no longer in the catalogue
opens and says in the status bar what it left out; on a team server, a view alice
shares is in bob's menu and opens with his Ctrl+1, her private one is not."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QSignalSpy, QTest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.conftest import server_url
from tests.ui.conftest import action, activate, answer_modal, choose, menu
from tracker.domain.model import Filters
from tracker.domain.saved_views import VIEW_KINDS, ViewBody
from tracker.domain.vocab import Status
from tracker.services import Tracker
from ui.main_window import MainWindow
from ui.saved_views import ManageViewsDialog, SaveViewDialog
from ui.table_model import COLUMNS
from ui.views import ViewKind

VENDOR_COLUMN = next(n for n, c in enumerate(COLUMNS) if c.key == "vendor")
MARKING_COLUMN = next(n for n, c in enumerate(COLUMNS) if c.key == "marking")


def test_the_domain_names_the_views_the_window_has() -> None:
    assert tuple(kind.value for kind in ViewKind) == VIEW_KINDS


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    activate(qtbot, window)
    window.table.setFocus()
    QTest.keyClick(window.table, key, modifiers)


CTRL = Qt.KeyboardModifier.ControlModifier


def save_through_the_dialog(window: MainWindow, name: str, *, shared: bool = False) -> None:
    """View → Saved views → Save current view…, type ``name``, click Save."""

    def answer(dialog: SaveViewDialog) -> None:
        QTest.keyClicks(dialog.name, name)
        if shared:
            QTest.mouseClick(dialog.shared, Qt.MouseButton.LeftButton)
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        QTest.mouseClick(
            box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )

    answer_modal(SaveViewDialog, answer)
    action(window, "saveView").trigger()


def saved_names(window: MainWindow) -> list[str]:
    entries = menu(window, "&View", "&Saved views").actions()
    return [a.text() for a in entries if a.objectName().startswith("openView")]


def test_a_saved_view_comes_back_with_ctrl_1(qtbot: QtBot, window: MainWindow) -> None:
    header = window.table.horizontalHeader()
    choose(qtbot, window.filter_bar.status, Status.AGREED.label, Status.ACTIVE.label)
    header.setSortIndicator(VENDOR_COLUMN, Qt.SortOrder.DescendingOrder)
    header.setSectionHidden(MARKING_COLUMN, True)
    window.views.show_view(ViewKind.OVERVIEW)
    kept = window.filter_bar.filters()
    save_through_the_dialog(window, "Agreed or active")
    assert saved_names(window) == ["Agreed or active"]
    assert "Saved view “Agreed or active”" in window.statusBar().currentMessage()

    action(window, "clearFilters").trigger()
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    header.setSectionHidden(MARKING_COLUMN, False)
    window.views.show_view(ViewKind.TABLE)
    assert window.model.rowCount() == 4

    queried = QSignalSpy(window.model.modelReset)
    press(qtbot, window, Qt.Key.Key_1, CTRL)
    assert queried.count() == 1  # the order and the filters together: one query
    assert window.filter_bar.filters() == kept
    assert header.sortIndicatorSection() == VENDOR_COLUMN
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert header.isSectionHidden(MARKING_COLUMN)
    assert window.views.current() == ViewKind.OVERVIEW
    assert window.model.ids() == window.service.list_ids(
        filters=kept, sort="vendor", descending=True
    )
    assert window.statusBar().currentMessage() == "Opened view “Agreed or active”"


def test_a_bad_name_is_said_in_the_dialog_which_stays_open(
    qtbot: QtBot, window: MainWindow
) -> None:
    seen: list[str] = []

    def answer(dialog: SaveViewDialog) -> None:
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        save = box.button(QDialogButtonBox.StandardButton.Save)
        QTest.mouseClick(save, Qt.MouseButton.LeftButton)
        seen.append(dialog.error.text() if dialog.error.isVisible() else "")
        assert dialog.isVisible()
        QTest.keyClicks(dialog.name, "Fine")
        QTest.mouseClick(save, Qt.MouseButton.LeftButton)

    answer_modal(SaveViewDialog, answer)
    action(window, "saveView").trigger()
    assert seen == ['the saved view "", name: must not be blank']
    assert saved_names(window) == ["Fine"]


def test_a_saved_view_survives_a_restart(
    qtbot: QtBot, window: MainWindow, db_path: Path, settings: QSettings
) -> None:
    choose(qtbot, window.filter_bar.status, Status.ACTIVE.label)
    kept = window.filter_bar.filters()
    save_through_the_dialog(window, "Active")
    action(window, "clearFilters").trigger()
    window.close()

    again = MainWindow(Tracker.open(db_path, user="alice"), settings=settings)
    qtbot.addWidget(again)
    try:
        again.show()
        again.filter_bar.clear()
        assert saved_names(again) == ["Active"]
        press(qtbot, again, Qt.Key.Key_1, CTRL)
        assert again.filter_bar.filters() == kept
        assert again.model.rowCount() == again.service.count(filters=kept)
    finally:
        again.close()
        again.service.close()


def test_saving_renaming_and_deleting_are_undone_with_ctrl_z(
    qtbot: QtBot, window: MainWindow
) -> None:
    save_through_the_dialog(window, "First")
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert saved_names(window) == []
    assert window.service.views() == []
    assert window.statusBar().currentMessage() == "Undone: Save view “First”"
    press(qtbot, window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert saved_names(window) == ["First"]

    def rename(dialog: ManageViewsDialog) -> None:
        dialog.name.clear()
        QTest.keyClicks(dialog.name, "Second")
        QTest.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
        dialog.reject()

    answer_modal(ManageViewsDialog, rename)
    action(window, "manageViews").trigger()
    assert saved_names(window) == ["Second"]
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert saved_names(window) == ["First"]

    def delete(dialog: ManageViewsDialog) -> None:
        QTest.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
        assert dialog.list.count() == 0
        dialog.reject()

    answer_modal(ManageViewsDialog, delete)
    action(window, "manageViews").trigger()
    assert saved_names(window) == []
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert saved_names(window) == ["First"]
    assert window.service.view(name="First").name == "First"


def test_a_view_naming_a_gone_restriction_opens_and_says_what_it_left_out(
    qtbot: QtBot, window: MainWindow
) -> None:
    body = ViewBody(filters=Filters(statuses=(Status.ACTIVE,), restriction="NO-SURV"))
    window.service.save_view(name="Old code", body=body)
    window.saved_views.rebuild()
    press(qtbot, window, Qt.Key.Key_1, CTRL)
    assert window.filter_bar.filters() == Filters(statuses=(Status.ACTIVE,))
    assert window.statusBar().currentMessage() == (
        "Opened view “Old code” — left out restriction NO-SURV (no longer in the catalogue)"
    )


def test_colleagues_shared_views_are_in_the_menu_with_their_owner(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    bob = Tracker.open(db_path, user="bob")
    try:
        bob.save_view(name="Bob's board", body=ViewBody(), shared=True)
        bob.save_view(name="Bob's own", body=ViewBody())
    finally:
        bob.close()
    window.saved_views.rebuild()
    assert saved_names(window) == ["Bob's board  (bob)"]
    keys = [a.shortcut().toString() for a in window.saved_views.view_actions]
    assert keys == ["Ctrl+1"]
    listed: list[int] = []

    def look(dialog: ManageViewsDialog) -> None:  # alice's own views only: none
        listed.append(dialog.list.count())
        assert not dialog.delete_button.isEnabled()
        dialog.reject()

    answer_modal(ManageViewsDialog, look)
    action(window, "manageViews").trigger()
    assert listed == [0]


def test_only_the_first_nine_views_have_keys(qtbot: QtBot, window: MainWindow) -> None:
    for n in range(11):
        window.service.save_view(name=f"View {n:02}", body=ViewBody())
    window.saved_views.rebuild()
    keys = [a.shortcut().toString() for a in window.saved_views.view_actions]
    assert keys == [f"Ctrl+{n}" for n in range(1, 10)] + ["", ""]


needs_server = pytest.mark.skipif(
    server_url() is None, reason="needs a PostgreSQL server: set TRACKER_TEST_DB"
)


@needs_server
def test_a_shared_view_is_seen_by_a_colleague_on_the_team_server(
    qtbot: QtBot, tmp_db_url: str, settings: QSettings, tmp_path: Path
) -> None:
    setup = Tracker.open(tmp_db_url, user="setup")
    setup.load_demo()
    setup.close()
    alice = MainWindow(Tracker.open(tmp_db_url, user="alice"), settings=settings)
    bob_settings = QSettings(str(tmp_path / "bob.ini"), QSettings.Format.IniFormat)
    bob = MainWindow(Tracker.open(tmp_db_url, user="bob"), settings=bob_settings)
    try:
        alice.show()
        activate(qtbot, alice)
        choose(qtbot, alice.filter_bar.status, Status.AGREED.label)
        save_through_the_dialog(alice, "Agreed", shared=True)
        action(alice, "clearFilters").trigger()
        save_through_the_dialog(alice, "Alice's own")
        assert saved_names(alice) == ["Agreed", "Alice's own"]

        bob.show()
        activate(qtbot, bob)
        bob.reload()  # F5: bob's window was open while alice shared it
        assert saved_names(bob) == ["Agreed  (alice)"]  # her private view stays hers
        press(qtbot, bob, Qt.Key.Key_1, CTRL)
        assert bob.filter_bar.filters().statuses == (Status.AGREED,)
        assert bob.model.rowCount() == bob.service.count(filters=Filters(statuses=(Status.AGREED,)))
    finally:
        for window in (alice, bob):
            window.close()
            window.service.close()
