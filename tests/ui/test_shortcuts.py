"""Every command of the menus reached as a user reaches it: by each of its keys, typed
where the keyboard focus is, and through the menu bar by mnemonics (Alt+E, then the
entry's letter). No two commands share a key, and a menu opened by a click on its title
shows each entry's key whole.

The keys are this platform's: under offscreen Redo is also Ctrl+Y, under X11 (the CI's
Xvfb pass) X11's Redo is Ctrl+Shift+Z itself, which once made the key ambiguous and dead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QSignalSpy, QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QMenu,
    QMessageBox,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import action, activate, answer_modal, open_form
from ui.briefing_dialog import BriefingDialog
from ui.briefing_history import BriefingHistoryDialog
from ui.bulk_edit_dialog import BulkEditDialog
from ui.connection_dialog import ConnectionDialog
from ui.export_dialog import ExportDialog
from ui.history_dialog import HistoryDialog
from ui.main_window import MainWindow
from ui.organisations import OrganisationsDialog
from ui.preferences_dialog import PreferencesDialog
from ui.restriction_catalogue import RestrictionCatalogueDialog
from ui.views import ViewKind

Step = Callable[[MainWindow], None]


def nothing(_window: MainWindow) -> None:
    """Nothing to prepare or to put back."""


def first_row(window: MainWindow) -> None:
    """Select the first row alone. (Not with selectRow, which toggles the row when Ctrl
    seems held: QTest's release of Ctrl still carries Ctrl among its modifiers.)"""
    rows = QItemSelectionModel.SelectionFlag.ClearAndSelect
    rows |= QItemSelectionModel.SelectionFlag.Rows
    window.table.selectionModel().setCurrentIndex(window.model.index(0, 0), rows)


def a_row(window: MainWindow) -> None:
    """The engagements (not the trash) shown, the first one selected."""
    assert not window.showing_trash()
    first_row(window)


def something_to_undo(window: MainWindow) -> None:
    if not window.undo_stack.canUndo():
        a_row(window)
        action(window, "delete").trigger()


def something_to_redo(window: MainWindow) -> None:
    if not window.undo_stack.canRedo():
        something_to_undo(window)
        action(window, "undo").trigger()


def one_in_the_trash(window: MainWindow) -> None:
    a_row(window)
    action(window, "delete").trigger()
    action(window, "trash").trigger()
    first_row(window)


def out_of_the_trash(window: MainWindow) -> None:
    assert window.showing_trash()
    action(window, "trash").trigger()


def history_closed(window: MainWindow) -> None:
    shown = [d for d in window.findChildren(HistoryDialog) if d.isVisible()]
    assert shown, "no History dialog opened"
    for dialog in shown:
        dialog.reject()


def bulk_edit_closed(window: MainWindow) -> None:
    shown = [d for d in window.findChildren(BulkEditDialog) if d.isVisible()]
    assert shown, "no Edit selected dialog opened"
    for dialog in shown:
        dialog.reject()


def in_the_search_box(window: MainWindow) -> None:
    assert window.filter_bar.search.hasFocus()


def linked_shown(window: MainWindow) -> None:
    """Only the first engagement's links shown; then every engagement again."""
    assert window.filter_bar.filters().linked_to is not None
    window.filter_bar.clear()


def undone(window: MainWindow) -> None:
    action(window, "undo").trigger()


def form_closed(window: MainWindow) -> None:
    form = open_form(window)
    assert form is not None, "no form opened"
    form.mark_clean()
    form.reject()


def changes_shown(window: MainWindow) -> None:
    assert window.changes_dock.isVisible(), "View → Changes left the Changes view hidden"
    action(window, "changes").trigger()
    assert not window.changes_dock.isVisible()


def table_shown(window: MainWindow) -> None:
    assert window.views.current() == ViewKind.TABLE


def restrictions_shown(window: MainWindow) -> None:
    assert window.views.current() == ViewKind.RESTRICTIONS
    window.views.show_view(ViewKind.TABLE)


def timeline_shown(window: MainWindow) -> None:
    assert window.views.current() == ViewKind.TIMELINE
    window.views.show_view(ViewKind.TABLE)


def overview_shown(window: MainWindow) -> None:
    assert window.views.current() == ViewKind.OVERVIEW
    window.views.show_view(ViewKind.TABLE)


def shown_again(window: MainWindow) -> None:
    assert not window.isVisible(), "Quit left the window open"
    window.show()


@dataclass(frozen=True)
class Command:
    """How a test runs one command: what makes it possible (``before``), the modal dialog
    it opens (``asks``, answered with Cancel) and what puts things back (``after``)."""

    before: Step = nothing
    asks: type[QDialog] | None = None
    after: Step = nothing


# Every command of the menus, by its action's name (a test checks none is missing).
COMMANDS: dict[str, Command] = {
    "new": Command(after=form_closed),
    "newDatabase": Command(asks=QFileDialog),
    "openDatabase": Command(asks=ConnectionDialog),
    "import": Command(asks=QFileDialog),
    "export": Command(asks=ExportDialog),
    "briefing": Command(asks=BriefingDialog),
    "briefingHistory": Command(asks=BriefingHistoryDialog),
    "demo": Command(),
    "quit": Command(after=shown_again),
    "undo": Command(before=something_to_undo),
    "redo": Command(before=something_to_redo),
    "edit": Command(before=a_row, after=form_closed),
    "bulkEdit": Command(before=a_row, after=bulk_edit_closed),
    "delete": Command(before=a_row, after=undone),
    "restore": Command(before=one_in_the_trash, after=out_of_the_trash),
    "history": Command(before=a_row, after=history_closed),
    "restrictionCatalogue": Command(asks=RestrictionCatalogueDialog),
    "organisations": Command(asks=OrganisationsDialog),
    "find": Command(after=in_the_search_box),
    "clearFilters": Command(),
    "showLinked": Command(before=a_row, after=linked_shown),
    "reload": Command(),
    "trash": Command(after=out_of_the_trash),
    "changes": Command(after=changes_shown),
    "viewTable": Command(after=table_shown),
    "viewRestrictions": Command(after=restrictions_shown),
    "viewTimeline": Command(after=timeline_shown),
    "viewOverview": Command(after=overview_shown),
    "preferences": Command(asks=PreferencesDialog),
    "about": Command(asks=QMessageBox),
}


def menu_entries(window: MainWindow) -> list[QAction]:
    """The entries of the menu bar's menus, in order (submenus, not their entries)."""
    entries: list[QAction] = []
    for top in window.menuBar().actions():
        shown = top.menu()
        assert isinstance(shown, QMenu)
        entries += [a for a in shown.actions() if not a.isSeparator()]
    return entries


def run(qtbot: QtBot, window: MainWindow, name: str, press: Callable[[], object], how: str) -> None:
    """Make command ``name`` possible, ``press`` what runs it (``how``, to say so) with
    the table focused in the active window, check that its action ran exactly once; then
    put things back."""
    command = COMMANDS[name]
    command.before(window)
    activate(qtbot, window)
    window.table.setFocus()
    answered: list[QDialog] = []

    def cancel(dialog: QDialog) -> None:
        answered.append(dialog)
        dialog.reject()

    if command.asks is not None:
        answer_modal(command.asks, cancel)
    ran = QSignalSpy(action(window, name).triggered)
    press()
    assert ran.count() == 1, f"{how}: {name} ran {ran.count()} times"
    if command.asks is not None:
        assert answered, f"{how}: {name} did not ask with a {command.asks.__name__}"
    command.after(window)


def type_keys(keys: QKeySequence) -> None:
    """Press ``keys`` where the keyboard focus is, as a user would.

    Not with QTest.keySequence: it warns (keyToAscii) of keys that type no text, such
    as the Redo and Find keys some keyboards have; here such keys type none.
    """
    target = QApplication.focusWidget()
    assert target is not None
    for n in range(keys.count()):
        key, modifiers = keys[n].key(), keys[n].keyboardModifiers()
        text = chr(key) if key < 0x100 else ""  # Latin-1 keys are their upper-case letter
        if not modifiers & Qt.KeyboardModifier.ShiftModifier:
            text = text.lower()
        QTest.sendKeyEvent(QTest.KeyAction.Click, target, key, text, modifiers)


def test_every_command_of_the_menus_is_in_the_table_of_commands(window: MainWindow) -> None:
    names = {entry.objectName() for entry in menu_entries(window) if entry.menu() is None}
    assert names == set(COMMANDS)


def test_every_key_of_every_command_runs_it(qtbot: QtBot, window: MainWindow) -> None:
    pressed: list[str] = []
    for entry in menu_entries(window):
        for keys in entry.shortcuts():
            run(qtbot, window, entry.objectName(), partial(type_keys, keys), keys.toString())
            pressed.append(keys.toString())
    # the keys typed are the platform's; the ones every platform has are among them
    for common in ("Ctrl+Z", "Ctrl+Shift+Z", "F2", "Del", "Ctrl+Shift+R", "Ctrl+T", "F5"):
        assert common in pressed


def mnemonic_key(text: str) -> QKeySequence:
    keys = QKeySequence.mnemonic(text)
    assert not keys.isEmpty(), f"{text!r} has no mnemonic"
    return keys


def open_menu(window: MainWindow, title: str) -> QMenu:
    """Alt + the menu's letter, typed where the focus is: the menu that pops up."""
    type_keys(mnemonic_key(title))
    popup = QApplication.activePopupWidget()
    assert isinstance(popup, QMenu), f"{title!r}: no menu popped up"
    assert popup.title() == title
    return popup


def click_menu(window: MainWindow, top: QAction) -> QMenu:
    """Click the menu's title in the menu bar: the menu that pops up."""
    bar = window.menuBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(top).center())
    popup = QApplication.activePopupWidget()
    assert isinstance(popup, QMenu), f"{top.text()!r}: no menu popped up"
    assert popup is top.menu()
    return popup


def choose_entry(popup: QMenu, entry: QAction) -> None:
    """Type the entry's letter (no Alt) in the open menu."""
    QTest.keyClick(popup, mnemonic_key(entry.text())[0].key())


def by_letters(window: MainWindow, title: str, entry: QAction) -> Callable[[], None]:
    """Open the menu ``title`` by its letter, then run ``entry`` by its own."""
    return lambda: choose_entry(open_menu(window, title), entry)


def close_menus(window: MainWindow) -> None:
    while (popup := QApplication.activePopupWidget()) is not None:
        popup.close()
    window.table.setFocus()


def test_every_menu_entry_runs_when_reached_by_its_letters(
    qtbot: QtBot, window: MainWindow
) -> None:
    commands: list[str] = []
    for top in window.menuBar().actions():
        title = top.text()
        shown = top.menu()
        assert isinstance(shown, QMenu)
        for entry in [a for a in shown.actions() if not a.isSeparator()]:
            submenu = entry.menu()
            if submenu is None:
                how = f"{title} → {entry.text()}"
                run(qtbot, window, entry.objectName(), by_letters(window, title, entry), how)
                commands.append(entry.objectName())
                continue
            activate(qtbot, window)
            window.table.setFocus()
            choose_entry(open_menu(window, title), entry)
            assert QApplication.activePopupWidget() is submenu, f"{entry.text()!r} did not open"
            assert submenu.actions(), f"{entry.text()!r} is empty"
            close_menus(window)
    assert sorted(commands) == sorted(COMMANDS)  # each command once, in one menu


def test_menus_show_one_whole_key_per_entry(qtbot: QtBot, window: MainWindow) -> None:
    something_to_undo(window)  # Undo shows what it undoes: its longest text
    checked: list[str] = []
    for top in window.menuBar().actions():
        activate(qtbot, window)
        window.table.setFocus()
        popup = click_menu(window, top)
        metrics = popup.fontMetrics()
        assert popup.screen().availableGeometry().contains(popup.geometry())
        assert popup.width() >= popup.sizeHint().width(), f"{top.text()!r} is cut short"
        for entry in popup.actions():
            keys = entry.shortcut()
            if entry.isSeparator() or keys.isEmpty():
                continue
            assert keys.count() == 1, f"{entry.text()!r} shows a chord: {keys.toString()}"
            text = keys.toString(QKeySequence.SequenceFormat.NativeText)
            label = entry.text().replace("&", "")
            needed = metrics.horizontalAdvance(label) + metrics.horizontalAdvance(text)
            assert popup.actionGeometry(entry).width() > needed, f"{entry.text()!r}: {text}"
            checked.append(entry.objectName())
        close_menus(window)
    assert "undo" in checked and "redo" in checked


def test_no_two_commands_share_a_key(window: MainWindow) -> None:
    """Two commands on one key make Qt ignore the key ("Ambiguous shortcut overload"):
    every key of every action, shortcut and mnemonic of the window has one owner."""
    owners: dict[str, list[str]] = {}

    def own(owner: str, bindings: list[QKeySequence]) -> None:
        for keys in bindings:
            if not keys.isEmpty():
                owners.setdefault(keys.toString(), []).append(owner)

    for found in window.findChildren(QAction):
        own(found.objectName() or found.text(), found.shortcuts())
    for shortcut in window.findChildren(QShortcut):
        own(shortcut.objectName(), shortcut.keys())
    for top in window.menuBar().actions():
        own(f"menu {top.text()}", [QKeySequence.mnemonic(top.text())])
    for button in window.findChildren(QAbstractButton):
        own(f"button {button.text()}", [QKeySequence.mnemonic(button.text())])
    assert {keys: names for keys, names in owners.items() if len(names) > 1} == {}
    assert "Ctrl+Shift+Z" in owners and "Ctrl+T" in owners


def test_redo_answers_ctrl_shift_z_and_each_of_the_platforms_redo_keys(
    window: MainWindow,
) -> None:
    keys = [k.toString() for k in action(window, "redo").shortcuts()]
    assert keys[0] == "Ctrl+Shift+Z"  # the one the menu shows, on every platform
    platform = [k.toString() for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)]
    assert sorted(keys) == sorted({"Ctrl+Shift+Z", *platform})
