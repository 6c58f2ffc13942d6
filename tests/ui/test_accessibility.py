"""Every interactive widget has a name a screen reader can say: the main window (every
view, the Changes dock) and every window and dialog the menus open are walked, and each
button, field, list, table, tab bar and focusable custom widget must give a non-empty
``QAccessible`` name (its own accessible name, its text, or its label buddy's).

The name is read as assistive technology reads it, from the widget's accessible
interface, not from ``accessibleName()`` alone: a button's text or a label's buddy
names a widget just as well.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import action, activate, answer_modal, open_form
from tests.ui.test_import_review import choose_file, edited_file
from tests.ui.test_shortcuts import COMMANDS, a_row
from ui.bulk_edit_dialog import BulkEditDialog
from ui.history_dialog import HistoryDialog, VersionView
from ui.import_review import ImportReviewDialog
from ui.main_window import MainWindow
from ui.saved_views import ManageViewsDialog, SaveViewDialog
from ui.views import ViewKind

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
    QSlider,
    QTabBar,
)


def interactive(widget: QWidget) -> bool:
    """A widget a user acts on: a standard control, or any widget Tab can reach (the
    app's own painted widgets: the timeline, the overview's matrix, …). Not the parts of
    a table a screen reader reaches through the table: its headers are the table's
    header cells, its corner button is none of its accessible children."""
    if isinstance(widget, QHeaderView) and isinstance(widget.parentWidget(), QAbstractItemView):
        return False
    if widget.objectName() == "qt_tableview_cornerbutton":
        return False
    tab = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    return isinstance(widget, INTERACTIVE) or bool(tab)


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader says for ``widget``."""
    face = QAccessible.queryAccessibleInterface(widget)
    return face.text(QAccessible.Text.Name).strip() if face is not None else ""


def describe(widget: QWidget) -> str:
    parents: list[str] = []
    up = widget.parentWidget()
    while up is not None and len(parents) < 3:
        parents.append(up.objectName() or type(up).__name__)
        up = up.parentWidget()
    return f"{type(widget).__name__} {widget.objectName()!r} in {' < '.join(parents)}"


def nameless(root: QWidget) -> list[str]:
    """The interactive widgets shown in ``root`` that have no spoken name."""
    return [
        describe(widget)
        for widget in root.findChildren(QWidget)
        if widget.isVisibleTo(root) and interactive(widget) and not spoken_name(widget)
    ]


def walked_dialog(kind: type[QDialog], found: list[str]) -> Callable[[QDialog], None]:
    """Answer a modal ``kind`` by walking it, then cancelling it."""

    def walk(dialog: QDialog) -> None:
        found.extend(f"{type(dialog).__name__}: {w}" for w in nameless(dialog))
        found.append(f"walked {type(dialog).__name__}")
        dialog.reject()

    return walk


def shown(window: MainWindow, kind: type[QWidget]) -> QWidget:
    widgets = [w for w in window.findChildren(kind) if w.isVisible()]
    assert widgets, f"no {kind.__name__} shown"
    return widgets[0]


def test_the_main_window_names_every_control_in_every_view(
    qtbot: QtBot, window: MainWindow
) -> None:
    action(window, "changes").trigger()
    window.filter_bar.more_button.click()  # the further filters shown too
    assert window.filter_bar.more.isVisible()
    missing: list[str] = []
    for kind in ViewKind:
        window.views.show_view(kind)
        qtbot.wait(50)
        missing += [f"{kind.name}: {w}" for w in nameless(window)]
    window.views.show_view(ViewKind.TABLE)
    action(window, "trash").trigger()  # its banner and the trash's table
    missing += [f"trash: {w}" for w in nameless(window)]
    action(window, "trash").trigger()
    assert missing == [], "\n".join(missing)


def test_every_dialog_the_menus_open_names_every_control(qtbot: QtBot, window: MainWindow) -> None:
    found: list[str] = []
    for name, command in COMMANDS.items():
        # Qt's own file dialog is the platform's on a desktop: not the app's to name
        if command.asks is None or command.asks is QFileDialog:
            continue
        command.before(window)
        answer_modal(command.asks, walked_dialog(command.asks, found))
        action(window, name).trigger()
        command.after(window)

    def walk_and_save(dialog: SaveViewDialog) -> None:
        found.extend(f"SaveViewDialog: {w}" for w in nameless(dialog))
        found.append("walked SaveViewDialog")
        dialog.name.setText("Mine")  # saved, so that Manage views… has one to manage
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        buttons.button(QDialogButtonBox.StandardButton.Save).click()

    answer_modal(SaveViewDialog, walk_and_save)  # View → Saved views → …
    action(window, "saveView").trigger()
    answer_modal(ManageViewsDialog, walked_dialog(ManageViewsDialog, found))
    action(window, "manageViews").trigger()
    walked = [f for f in found if f.startswith("walked ")]
    assert len(walked) >= 9, found
    missing = [f for f in found if not f.startswith("walked ")]
    assert missing == [], "\n".join(missing)


def test_the_form_and_the_windows_it_opens_beside_the_table_name_every_control(
    qtbot: QtBot, window: MainWindow
) -> None:
    missing: list[str] = []
    a_row(window)
    action(window, "edit").trigger()
    form = open_form(window)
    assert form is not None
    qtbot.waitExposed(form)
    missing += [f"form: {w}" for w in nameless(form)]
    form.mark_clean()
    form.reject()
    action(window, "new").trigger()
    form = open_form(window)
    assert form is not None
    missing += [f"new form: {w}" for w in nameless(form)]
    form.mark_clean()
    form.reject()
    for name, kind in (("bulkEdit", BulkEditDialog), ("history", HistoryDialog)):
        activate(qtbot, window)
        a_row(window)
        action(window, name).trigger()
        dialog = shown(window, kind)
        missing += [f"{name}: {w}" for w in nameless(dialog)]
        if isinstance(dialog, HistoryDialog):  # and a version, viewed from it
            dialog.view_chosen()
            version = shown(window, VersionView)
            missing += [f"version: {w}" for w in nameless(version)]
            version.close()
        dialog.close()
    assert QApplication.activeModalWidget() is None
    assert missing == [], "\n".join(missing)


def test_the_import_review_names_every_control(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    found: list[str] = []
    choose_file(edited_file(window, tmp_path))  # File → Import…, a file chosen
    answer_modal(ImportReviewDialog, walked_dialog(ImportReviewDialog, found))
    action(window, "import").trigger()
    qtbot.waitUntil(lambda: bool(found), timeout=10_000)
    assert found == ["walked ImportReviewDialog"]
