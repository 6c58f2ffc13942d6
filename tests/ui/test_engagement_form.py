"""Tests of the engagement form (ui.engagement_form) and the partial-date field.

The form is filled the way a person fills it (typing with qtbot.keyClicks, clicking
buttons, pressing keys) and read back with ``data()``, which validates exactly as the
service does.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, QRegularExpression, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolTip,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import find, shown_text
from tracker.domain.dates import DateParseError, PartialDate, Precision
from tracker.domain.demo import RED_LINES, demo_document
from tracker.domain.errors import ValidationError
from tracker.domain.fields import CHILD_KINDS, CHILDREN_BY_KEY, FLAT_FIELDS
from tracker.domain.interchange import data_from_json
from tracker.domain.markings import DEFAULT_MARKINGS
from tracker.domain.model import EngagementData, ScopeLimit
from tracker.domain.vocab import Confidence, Region, ScopeKind, Stance, Status
from ui import engagement_form
from ui.child_table import ChildTable
from ui.engagement_form import EngagementDialog
from ui.form_layout import CHILD_LAYOUT, FORM_LAYOUT, SAVE_MNEMONIC, fields_in, with_mnemonic
from ui.partial_date_edit import ERROR_COLOUR, ERROR_COLOUR_DARK, PartialDateEdit

VENDORS = ["Anthropic", "Google", "Microsoft", "Mistral AI", "OpenAI"]
COUNTERPARTS = ["NATO", "U.S. Department of Defense", "U.S. federal agencies"]
CATALOGUE = sorted(RED_LINES.items())

DialogFactory = Callable[..., EngagementDialog]
CTRL = Qt.KeyboardModifier.ControlModifier
NO_KEYS = Qt.KeyboardModifier.NoModifier


def demo_data() -> list[EngagementData]:
    """The four demo engagements, parsed as the service parses them."""
    return [
        data_from_json(
            obj,
            label="demo",
            allowed_markings=DEFAULT_MARKINGS,
            default_marking="UNCLASSIFIED",
        )
        for obj in demo_document()["engagements"]
    ]


@pytest.fixture
def make_dialog(qtbot: QtBot) -> Iterator[DialogFactory]:
    """Build a shown dialog with the demo names and catalogue.

    The fixture closes the dialogs itself (not through qtbot.addWidget, whose teardown
    runs first): each is marked clean before closing, so that closing it does not open
    the modal "Discard changes?" question.
    """
    made: list[EngagementDialog] = []

    def make(
        data: EngagementData | None = None, catalogue: list[tuple[str, str]] = CATALOGUE
    ) -> EngagementDialog:
        dialog = EngagementDialog(
            markings=DEFAULT_MARKINGS,
            default_marking="UNCLASSIFIED",
            vendors=VENDORS,
            counterparts=COUNTERPARTS,
            catalogue=catalogue,
            data=data,
        )
        made.append(dialog)
        dialog.show()
        dialog.activateWindow()  # before waiting: shortcuts need the active window
        qtbot.waitExposed(dialog)
        return dialog

    yield make
    for dialog in made:
        dialog.mark_clean()
        dialog.close()
        dialog.deleteLater()


def widget(dialog: EngagementDialog, field: str) -> QWidget:
    """The input of a flat field."""
    return find(dialog, QWidget, f"field_{field}")


def line(dialog: EngagementDialog, field: str) -> QLineEdit:
    """The line edit a flat field is typed into."""
    found = widget(dialog, field)
    if isinstance(found, PartialDateEdit):
        return found.lineEdit()
    if isinstance(found, QComboBox):
        edit = found.lineEdit()
        assert edit is not None
        return edit
    assert isinstance(found, QLineEdit)
    return found


def combo(dialog: EngagementDialog, field: str) -> QComboBox:
    return find(dialog, QComboBox, f"field_{field}")


def error_of(dialog: EngagementDialog, field: str) -> QLabel:
    """The label of a field's or child list's inline error."""
    return find(dialog, QLabel, f"error_{field}")


def child(dialog: EngagementDialog, key: str) -> ChildTable:
    return find(dialog, ChildTable, f"children_{key}")


def tabs(dialog: EngagementDialog) -> QTabWidget:
    return find(dialog, QTabWidget, "child_tabs")


def column(table: ChildTable, key: str) -> int:
    """The column of a child table holding ``key``, in the order of tracker.domain.fields."""
    kind = CHILDREN_BY_KEY[table.objectName().removeprefix("children_")]
    return [c.key for c in kind.columns].index(key)


def cell_text(table: ChildTable, row: int, key: str) -> str:
    """The text a cell shows (a vocabulary cell shows its label)."""
    return cell(table.table, row, column(table, key)).text()


def set_cell(table: ChildTable, row: int, key: str, value: str) -> None:
    """Type ``value`` into a cell through the cell's editor, as a person would; in a
    pick-list cell, pick the item of that word or label."""
    view = table.table
    view.commit_pending_edit()
    c = column(table, key)
    view.setCurrentCell(row, c)
    view.editItem(cell(view, row, c))
    editor = view.indexWidget(view.currentIndex())
    if isinstance(editor, QComboBox) and not editor.isEditable():
        found = editor.findData(value)
        if found < 0:
            found = editor.findText(value)
        assert found >= 0, f"{value!r} is not offered in the {key} column"
        editor.setCurrentIndex(found)
    elif isinstance(editor, QComboBox):
        editor.setEditText(value)
    else:
        assert isinstance(editor, QLineEdit)
        editor.setText(value)
    view.commit_pending_edit()


def fill_required(qtbot: QtBot, dialog: EngagementDialog) -> None:
    qtbot.keyClicks(line(dialog, "title"), "Ministry pilot")
    qtbot.keyClicks(line(dialog, "vendor"), "Mistral AI")
    qtbot.keyClicks(line(dialog, "counterpart"), "French Ministry of Armed Forces")


def cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None
    return item


def validation_error(dialog: EngagementDialog) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        dialog.data()
    return info.value


def press_on(qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier = NO_KEYS) -> None:
    """Type a key where the keyboard focus is."""
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, modifiers)


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Replace what a line edit holds by typing, as a person would."""
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def type_in_cell(qtbot: QtBot, table: ChildTable, row: int, key: str, text: str) -> None:
    """Click a cell, type ``text`` over it and press Enter."""
    view = table.table
    rect = view.visualRect(view.model().index(row, column(table, key)))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClicks(view, text[0])  # any key starts editing the current cell ...
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and view.isAncestorOf(editor)
    qtbot.keyClicks(editor, text[1:])  # ... in the cell's editor
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits it a moment later
    qtbot.waitUntil(lambda: cell_text(table, row, key) == text, timeout=1000)


# --------------------------------------------------------------------------- new / typed


def test_new_engagement_typed_in(qtbot: QtBot, make_dialog: DialogFactory) -> None:
    dialog = make_dialog()
    assert dialog.windowTitle() == "New engagement"
    assert not dialog.is_dirty()

    fill_required(qtbot, dialog)
    qtbot.keyClicks(combo(dialog, "region"), "Europe")
    combo(dialog, "status").setCurrentIndex(combo(dialog, "status").findData("negotiating"))
    qtbot.keyClicks(combo(dialog, "confidence"), "Rep")
    combo(dialog, "marking").setCurrentText("PUBLIC")
    summary = widget(dialog, "summary")
    assert isinstance(summary, QPlainTextEdit)
    qtbot.keyClicks(summary, "A pilot of Mistral models.")
    qtbot.keyClicks(line(dialog, "started"), "Q3 2025")
    qtbot.keyClicks(line(dialog, "follow_up"), "mid-2026")
    qtbot.keyClicks(line(dialog, "next_step"), "Ask for the tender")
    qtbot.keyClicks(line(dialog, "owner"), "Europe desk")
    qtbot.keyClicks(line(dialog, "tags"), "defence, europe ,, pilot, defence")
    assert dialog.is_dirty()

    data = dialog.data()
    assert data == EngagementData(
        title="Ministry pilot",
        vendor="Mistral AI",
        counterpart="French Ministry of Armed Forces",
        status=Status.NEGOTIATING,
        region=Region.EUROPE,
        confidence=Confidence.REPORTED,
        marking="PUBLIC",
        summary="A pilot of Mistral models.",
        started=PartialDate(2025, Precision.QUARTER, quarter=3),
        follow_up=PartialDate(2026, Precision.THIRD, third=2),
        next_step="Ask for the tender",
        owner="Europe desk",
        tags=("defence", "europe", "pilot"),
    )


def test_new_engagement_defaults(make_dialog: DialogFactory) -> None:
    dialog = make_dialog()
    assert combo(dialog, "marking").currentText() == "UNCLASSIFIED"
    assert combo(dialog, "status").currentData() == "exploratory"
    assert combo(dialog, "region").currentText() == "—"
    assert combo(dialog, "confidence").currentText() == "—"
    assert line(dialog, "vendor").text() == ""
    assert dialog.minimumWidth() >= 800 and dialog.minimumHeight() >= 600


def test_vendor_combo_completes_from_the_given_names(make_dialog: DialogFactory) -> None:
    dialog = make_dialog()
    vendor = combo(dialog, "vendor")
    assert vendor.isEditable()
    assert [vendor.itemText(i) for i in range(vendor.count())] == VENDORS
    completer = vendor.completer()
    assert completer is not None
    completer.setCompletionPrefix("mistr")
    assert completer.currentCompletion() == "Mistral AI"


# --------------------------------------------------------------------------- the field list

INPUT_TYPES: dict[str, type[QWidget]] = {
    "text": QLineEdit,
    "multiline": QPlainTextEdit,
    "name": QComboBox,
    "vocab": QComboBox,
    "marking": QComboBox,
    "date": PartialDateEdit,
    "tags": QLineEdit,
}


def placeholder(found: QWidget) -> str:
    if isinstance(found, QComboBox):
        edit = found.lineEdit()
        return edit.placeholderText() if edit is not None else ""
    if isinstance(found, PartialDateEdit):
        return found.lineEdit().placeholderText()
    assert isinstance(found, QLineEdit | QPlainTextEdit)
    return found.placeholderText()


def test_the_form_is_built_from_the_field_list(make_dialog: DialogFactory) -> None:
    dialog = make_dialog()
    labels = {label.buddy(): label.text() for label in dialog.findChildren(QLabel)}
    for field in FLAT_FIELDS:
        found = widget(dialog, field.key)
        assert isinstance(found, INPUT_TYPES[field.kind]), field.key
        assert labels[found].replace("&", "") == field.label
        if field.hint:
            assert placeholder(found) == field.hint
        if field.kind == "vocab":
            assert field.vocab is not None
            choice = combo(dialog, field.key)
            words = [""] if field.optional_word else []
            words += [str(member.value) for member in field.vocab]
            assert [choice.itemData(i) for i in range(choice.count())] == words, field.key
    for kind in CHILD_KINDS:
        view = child(dialog, kind.key).table
        headers = [view.horizontalHeaderItem(c) for c in range(view.columnCount())]
        assert [h.text() if h else None for h in headers] == [c.label for c in kind.columns]
    clarifications = child(dialog, "clarifications").table
    dates = [clarifications.horizontalHeaderItem(c) for c in (1, 4)]
    assert [h.text() if h else None for h in dates] == ["Originally on", "Clarified on"]


def test_every_field_has_one_place_and_its_own_mnemonic() -> None:
    assert list(FORM_LAYOUT) == [f.key for f in FLAT_FIELDS]
    assert list(CHILD_LAYOUT) == [c.key for c in CHILD_KINDS]
    for kind in CHILD_KINDS:
        assert set(CHILD_LAYOUT[kind.key].widths) <= kind.keys, kind.key
    letters = [
        *(place.mnemonic for place in FORM_LAYOUT.values()),
        *(place.mnemonic for place in CHILD_LAYOUT.values()),
        SAVE_MNEMONIC,
    ]
    assert len(letters) == len(set(letters)), "a mnemonic letter is used twice"
    for field in FLAT_FIELDS:
        assert FORM_LAYOUT[field.key].mnemonic in field.label.lower(), field.key
    for kind in CHILD_KINDS:
        assert CHILD_LAYOUT[kind.key].mnemonic in kind.label.lower(), kind.key
    assert with_mnemonic("Follow-up", "L") == "Fo&llow-up"


# --------------------------------------------------------------------------- round trip


@pytest.mark.parametrize("index", range(4))
def test_set_data_then_data_round_trips_demo(make_dialog: DialogFactory, index: int) -> None:
    original = demo_data()[index]
    dialog = make_dialog(original)
    assert dialog.windowTitle() == f"Edit — {original.title}"
    assert not dialog.is_dirty()
    assert dialog.data() == original


def test_set_data_on_an_open_form_replaces_everything(make_dialog: DialogFactory) -> None:
    first, second = demo_data()[:2]
    dialog = make_dialog(first)
    dialog.set_data(second)
    assert dialog.data() == second
    assert child(dialog, "scope_limits").table.rowCount() == len(second.scope_limits)
    assert not dialog.is_dirty()


def test_children_show_labels_not_codes(make_dialog: DialogFactory) -> None:
    dialog = make_dialog(demo_data()[0])
    concerns = child(dialog, "concerns")
    assert cell_text(concerns, 0, "kind") == "Data sovereignty"
    assert cell_text(concerns, 0, "severity") == "High"
    assert cell_text(child(dialog, "status_history"), 0, "on") == "Mar 2026"
    tab_widget = tabs(dialog)
    assert [tab_widget.tabText(i) for i in range(tab_widget.count())] == [
        "Sco&pe limits (1)",
        "R&estrictions (1)",
        "Clar&ifications (1)",
        "Stat&us timeline (1)",
        "Sour&ces (1)",
        "Co&ncerns (3)",
        "Lin&ks (1)",
    ]


# --------------------------------------------------------------------------- dates


def test_typing_a_quarter_shows_what_was_understood(
    qtbot: QtBot, make_dialog: DialogFactory
) -> None:
    dialog = make_dialog()
    started = widget(dialog, "started")
    assert isinstance(started, PartialDateEdit)
    qtbot.keyClicks(started.lineEdit(), "Q3 2025")
    hint = started.hintLabel()
    assert "Q3 2025" in hint.text()
    assert hint.isVisible()
    assert hint.property("error") is False
    assert started.value() == PartialDate(2025, Precision.QUARTER, quarter=3)


def test_typing_soonish_shows_the_error_and_data_refuses(
    qtbot: QtBot, make_dialog: DialogFactory
) -> None:
    dialog = make_dialog()
    fill_required(qtbot, dialog)
    started = widget(dialog, "started")
    assert isinstance(started, PartialDateEdit)
    qtbot.keyClicks(started.lineEdit(), "soonish")
    assert started.hintLabel().text() == 'cannot understand the date "soonish"'
    assert started.hintLabel().property("error") is True
    assert ERROR_COLOUR in started.hintLabel().styleSheet()

    error = validation_error(dialog)
    assert error.field == "started"
    label = started.hintLabel()
    assert label.isVisible()
    assert "soonish" in label.text()
    assert started.lineEdit().property("invalid") is True

    # Editing the field clears the error state.
    started.lineEdit().clear()
    qtbot.keyClicks(started.lineEdit(), "Feb 2026")
    assert started.lineEdit().property("invalid") is False
    assert dialog.data().started == PartialDate(2026, Precision.MONTH, month=2)


def test_partial_date_edit_value_and_set_value(qtbot: QtBot) -> None:
    edit = PartialDateEdit()
    qtbot.addWidget(edit)
    assert edit.value() is None
    approx = PartialDate(2025, Precision.YEAR, approximate=True)
    edit.setValue(approx)
    assert edit.text() == "c. 2025"
    assert edit.value() == approx
    edit.setValue(None)
    assert edit.text() == ""
    assert edit.value() is None
    edit.setText("   ")
    assert edit.value() is None
    edit.setText("31 Feb 2026")
    with pytest.raises(DateParseError):
        edit.value()
    assert edit.hintLabel().property("error") is True


@pytest.mark.parametrize(
    ("typed", "hint", "expected"),
    [
        ("mid-2025", "✓ mid-2025 (May–Aug 2025)", PartialDate(2025, Precision.THIRD, third=2)),
        ("Early 2026", "✓ early 2026 (Jan–Apr 2026)", PartialDate(2026, Precision.THIRD, third=1)),
        ("late 2025", "✓ late 2025 (Sep–Dec 2025)", PartialDate(2025, Precision.THIRD, third=3)),
        (
            "first half of 2025",
            "✓ H1 2025 (Jan–Jun 2025)",
            PartialDate(2025, Precision.HALF, half=1),
        ),
        (
            "c. 2025 H2",
            "✓ c. H2 2025 (Jul–Dec 2025)",
            PartialDate(2025, Precision.HALF, half=2, approximate=True),
        ),
    ],
)
def test_typing_a_part_of_a_year_keeps_it_and_says_which_months(
    qtbot: QtBot, make_dialog: DialogFactory, typed: str, hint: str, expected: PartialDate
) -> None:
    dialog = make_dialog()
    fill_required(qtbot, dialog)
    started = widget(dialog, "started")
    assert isinstance(started, PartialDateEdit)
    qtbot.keyClicks(started.lineEdit(), typed)
    assert started.hintLabel().text() == hint
    assert started.hintLabel().property("error") is False
    assert dialog.data().started == expected


def test_a_part_of_a_year_is_shown_for_editing_as_its_label(make_dialog: DialogFactory) -> None:
    data = dataclasses.replace(
        demo_data()[0], started=PartialDate(2025, Precision.THIRD, third=2, approximate=True)
    )
    dialog = make_dialog(data)
    started = widget(dialog, "started")
    assert isinstance(started, PartialDateEdit)
    assert started.text() == "c. mid-2025"
    assert dialog.data() == data


def test_a_part_of_a_year_in_a_child_table_says_which_months(make_dialog: DialogFactory) -> None:
    dialog = make_dialog(demo_data()[1])
    history = child(dialog, "status_history")
    set_cell(history, 1, "on", "Late 2025")
    assert shown_text(cell(history.table, 1, column(history, "on")).toolTip()) == (
        "Understood as late 2025 (Sep–Dec 2025)"
    )
    assert dialog.data().status_history[1].on == PartialDate(2025, Precision.THIRD, third=3)


def test_bad_date_in_a_child_table_names_the_cell(make_dialog: DialogFactory) -> None:
    dialog = make_dialog(demo_data()[1])
    history = child(dialog, "status_history")
    set_cell(history, 1, "on", "the other day")
    error = validation_error(dialog)
    assert error.field == "status_history[1].on"
    assert tabs(dialog).currentWidget() is history
    assert error_of(dialog, "status_history").isVisible()
    assert error_of(dialog, "status_history").text().startswith("Row 2, On:")
    assert history.table.currentRow() == 1
    assert history.table.currentColumn() == 1


def test_a_child_error_names_its_column_by_the_header(
    qtbot: QtBot, make_dialog: DialogFactory
) -> None:
    """Of two date columns ("Originally on", "Clarified on") the error says which."""
    dialog = make_dialog(demo_data()[0])  # it has a clarification
    qtbot.waitUntil(dialog.isActiveWindow, timeout=1000)
    press_on(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # Clar&ifications
    clarifications = child(dialog, "clarifications")
    dates = [c for c in CHILDREN_BY_KEY["clarifications"].columns if c.kind == "date"]
    assert [c.label for c in dates] == ["Originally on", "Clarified on"]
    type_in_cell(qtbot, clarifications, 0, dates[1].key, "soonish")
    press_on(qtbot, Qt.Key.Key_S, CTRL)
    message = error_of(dialog, "clarifications")
    assert message.isVisible()
    assert message.text() == 'Row 1, Clarified on: cannot understand the date "soonish"'
    header = clarifications.table.horizontalHeaderItem(clarifications.table.currentColumn())
    assert header is not None and header.text() == "Clarified on"


# --------------------------------------------------------------------------- errors


def test_missing_title_is_shown_inline_on_title(qtbot: QtBot, make_dialog: DialogFactory) -> None:
    dialog = make_dialog()
    title = line(dialog, "title")
    cell = title.parentWidget()
    assert cell is not None
    height = cell.height()
    qtbot.keyClicks(line(dialog, "vendor"), "OpenAI")
    qtbot.keyClicks(line(dialog, "counterpart"), "NATO")
    error = validation_error(dialog)
    assert error.field == "title"
    label = error_of(dialog, "title")
    assert label is not None
    assert label.isVisible()
    assert label.text() == "must not be empty"
    assert line(dialog, "title").property("invalid") is True
    assert line(dialog, "title").hasFocus() or dialog.focusWidget() is line(dialog, "title")

    qtbot.keyClicks(line(dialog, "title"), "T")
    assert not label.isVisible()
    assert line(dialog, "title").property("invalid") is False
    # The message's line stays, empty, so that nothing below it moves.
    qtbot.wait(20)
    assert cell.height() == height > title.height()


def where_everything_is(qtbot: QtBot, dialog: EngagementDialog) -> dict[str, QRect]:
    """Where each input, field label and button of the form is (in the dialog's
    coordinates) once the layout has taken in what just changed; of the child tables,
    the one shown."""
    qtbot.wait(20)  # let the posted layout requests run
    table = tabs(dialog).currentWidget()
    assert isinstance(table, ChildTable)
    shown: list[QWidget] = [
        *dialog.findChildren(QWidget, QRegularExpression("^field_")),
        *(label for label in dialog.findChildren(QLabel) if label.buddy() is not None),
        tabs(dialog).tabBar(),
        table.table,
        *table.buttons(),
        find(dialog, QPushButton, "save_button"),
        find(dialog, QPushButton, "cancel_button"),
    ]

    def name(w: QWidget) -> str:
        if isinstance(w, (QLabel, QPushButton)):
            return f"{type(w).__name__} {w.text()}"
        return w.objectName() or type(w).__name__

    return {name(w): QRect(w.mapTo(dialog, QPoint(0, 0)), w.size()) for w in shown}


def test_errors_appearing_and_clearing_move_nothing(
    qtbot: QtBot, make_dialog: DialogFactory
) -> None:
    """The next click must land where the user aims: no error line moves the form."""
    dialog = make_dialog(demo_data()[0])  # it has a clarification
    qtbot.waitUntil(dialog.isActiveWindow, timeout=1000)
    press_on(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # Clar&ifications
    clarifications = child(dialog, "clarifications")
    assert tabs(dialog).currentWidget() is clarifications
    before = where_everything_is(qtbot, dialog)

    # A field's own error (under the title), shown on save and gone on typing.
    retype(qtbot, line(dialog, "title"), "")
    press_on(qtbot, Qt.Key.Key_S, CTRL)
    assert error_of(dialog, "title").isVisible()
    assert where_everything_is(qtbot, dialog) == before
    qtbot.keyClicks(line(dialog, "title"), "NATO talks")
    assert not error_of(dialog, "title").isVisible()
    assert where_everything_is(qtbot, dialog) == before

    # A date's message, too long for its line, while typing and on save.
    started = widget(dialog, "started")
    assert isinstance(started, PartialDateEdit)
    retype(qtbot, started.lineEdit(), "once the ministers have met again after the recess")
    press_on(qtbot, Qt.Key.Key_S, CTRL)
    hint = started.hintLabel()
    assert hint.property("error") is True and "once the ministers" in hint.text()
    assert hint.is_elided()  # cut on the line, whole in its tooltip
    at = QPoint(2, 2)
    QApplication.sendEvent(hint, QHelpEvent(QEvent.Type.ToolTip, at, hint.mapToGlobal(at)))
    assert shown_text(QToolTip.text()) == hint.text()
    QToolTip.hideText()
    assert where_everything_is(qtbot, dialog) == before
    retype(qtbot, started.lineEdit(), "Q3 2025")
    assert where_everything_is(qtbot, dialog) == before

    # A child table's error under the table.
    type_in_cell(qtbot, clarifications, 0, "clarified_on", "soonish")
    press_on(qtbot, Qt.Key.Key_S, CTRL)
    assert error_of(dialog, "clarifications").isVisible()
    assert where_everything_is(qtbot, dialog) == before
    type_in_cell(qtbot, clarifications, 0, "clarified_on", "Mar 2026")
    assert not error_of(dialog, "clarifications").isVisible()
    assert where_everything_is(qtbot, dialog) == before

    # The caller's errors: the general one above the buttons, a long one at a field.
    dialog.show_error("id", "an engagement with this id exists already")
    dialog.show_error("owner", "no desk of that name: " + ", ".join(COUNTERPARTS * 4))
    general = find(dialog, QLabel, "generalError")
    assert general.isVisible() and error_of(dialog, "owner").isVisible()
    assert where_everything_is(qtbot, dialog) == before
    with qtbot.waitSignal(dialog.saveRequested):  # a valid save clears every error
        press_on(qtbot, Qt.Key.Key_S, CTRL)
    assert not general.isVisible() and not error_of(dialog, "owner").isVisible()
    assert where_everything_is(qtbot, dialog) == before


def test_missing_vendor_and_disallowed_marking(qtbot: QtBot, make_dialog: DialogFactory) -> None:
    dialog = make_dialog()
    qtbot.keyClicks(line(dialog, "title"), "Talks")
    qtbot.keyClicks(line(dialog, "counterpart"), "NATO")
    assert validation_error(dialog).field == "vendor"
    label = error_of(dialog, "vendor")
    assert label is not None and label.isVisible()

    original = demo_data()[0]
    from dataclasses import replace

    dialog.set_data(replace(original, marking="NATO RESTRICTED"))
    # The marking is shown as it is (never silently changed) and refused on save.
    assert combo(dialog, "marking").currentText() == "NATO RESTRICTED"
    error = validation_error(dialog)
    assert error.field == "marking"
    assert "unclassified material only" in error.reason


def test_show_error_from_the_caller(make_dialog: DialogFactory) -> None:
    dialog = make_dialog(demo_data()[1])
    dialog.show_error("scope_limits[2].text", "too vague")
    scope = child(dialog, "scope_limits")
    assert tabs(dialog).currentWidget() is scope
    assert error_of(dialog, "scope_limits").text() == "Row 3, Text: too vague"
    assert (scope.table.currentRow(), scope.table.currentColumn()) == (2, 1)

    dialog.show_error("owner", "unknown desk")
    owner_label = error_of(dialog, "owner")
    assert owner_label is not None and owner_label.isVisible()

    dialog.show_error("id", "an engagement with this id exists already")
    general = dialog.findChild(type(owner_label), "generalError")
    assert general is not None and general.isVisible()
    assert "exists already" in general.text()

    dialog.clear_errors()
    assert not error_of(dialog, "scope_limits").isVisible()
    assert not owner_label.isVisible()
    assert not general.isVisible()


def test_child_error_numbers_skip_empty_rows(make_dialog: DialogFactory) -> None:
    dialog = make_dialog()
    dialog.set_data(
        EngagementData(
            title="t",
            vendor="v",
            counterpart="c",
            status=Status.ACTIVE,
            marking="PUBLIC",
            scope_limits=(ScopeLimit(ScopeKind.DATA, "no personal data"),),
        )
    )
    scope = child(dialog, "scope_limits")
    scope.add_row()
    scope.table.setCurrentCell(1, 0)
    scope.move_current_row(-1)  # the empty row is now first
    assert dialog.data().scope_limits == (ScopeLimit(ScopeKind.DATA, "no personal data"),)
    # The service's "scope_limits[0]" is the form's second row.
    dialog.show_error("scope_limits[0].text", "too short")
    assert scope.table.currentRow() == 1


# --------------------------------------------------------------------------- children


def test_add_remove_and_reorder_scope_limits(qtbot: QtBot, make_dialog: DialogFactory) -> None:
    dialog = make_dialog()
    fill_required(qtbot, dialog)
    scope = child(dialog, "scope_limits")

    qtbot.mouseClick(scope.add_button, Qt.MouseButton.LeftButton)
    set_cell(scope, 0, "kind", "network")
    set_cell(scope, 0, "text", "Unclassified networks only")
    qtbot.mouseClick(scope.add_button, Qt.MouseButton.LeftButton)
    set_cell(scope, 1, "kind", "Hosting")  # a label works too
    set_cell(scope, 1, "text", "Hosted in Europe")
    qtbot.mouseClick(scope.add_button, Qt.MouseButton.LeftButton)
    set_cell(scope, 2, "kind", "personnel")
    set_cell(scope, 2, "text", "Cleared staff")
    assert dialog.data().scope_limits == (
        ScopeLimit(ScopeKind.NETWORK, "Unclassified networks only"),
        ScopeLimit(ScopeKind.HOSTING, "Hosted in Europe"),
        ScopeLimit(ScopeKind.PERSONNEL, "Cleared staff"),
    )
    assert tabs(dialog).tabText(0) == "Sco&pe limits (3)"

    # Move the last one to the top with the buttons.
    scope.table.setCurrentCell(2, 1)
    qtbot.mouseClick(scope.up_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(scope.up_button, Qt.MouseButton.LeftButton)
    assert scope.table.currentRow() == 0
    assert not scope.up_button.isEnabled()
    assert [s.text for s in dialog.data().scope_limits] == [
        "Cleared staff",
        "Unclassified networks only",
        "Hosted in Europe",
    ]

    # Move down with Ctrl+Down, remove with the Delete key, add with Insert.
    scope.table.setFocus()
    qtbot.keyClick(scope.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert [s.text for s in dialog.data().scope_limits] == [
        "Unclassified networks only",
        "Cleared staff",
        "Hosted in Europe",
    ]
    qtbot.keyClick(scope.table, Qt.Key.Key_Delete)
    assert [s.text for s in dialog.data().scope_limits] == [
        "Unclassified networks only",
        "Hosted in Europe",
    ]
    qtbot.mouseClick(scope.remove_button, Qt.MouseButton.LeftButton)
    assert [s.text for s in dialog.data().scope_limits] == ["Unclassified networks only"]
    scope.table.commit_pending_edit()
    qtbot.keyClick(scope.table, Qt.Key.Key_Insert)
    assert scope.table.rowCount() == 2
    # An added row left empty is ignored; a half-filled one is an error.
    assert len(dialog.data().scope_limits) == 1
    set_cell(scope, 1, "text", "Something")
    assert validation_error(dialog).field == "scope_limits[1].kind"


def test_enter_in_a_table_edits_the_cell_and_does_not_save(
    qtbot: QtBot, make_dialog: DialogFactory
) -> None:
    dialog = make_dialog(demo_data()[0])
    scope = child(dialog, "scope_limits")
    scope.table.setFocus()
    scope.table.setCurrentCell(0, 1)
    with qtbot.assertNotEmitted(dialog.saveRequested, wait=50):
        qtbot.keyClick(scope.table, Qt.Key.Key_Return)
        editor = scope.table.indexWidget(scope.table.currentIndex())
        assert isinstance(editor, QLineEdit)
        editor.selectAll()
        qtbot.keyClicks(editor, "Unclassified systems only")
        qtbot.keyClick(editor, Qt.Key.Key_Return)  # commits the cell
    assert scope.table.state() != QAbstractItemView.State.EditingState
    assert dialog.data().scope_limits[0].text == "Unclassified systems only"


def test_vocabulary_cells_are_edited_with_a_pick_list(make_dialog: DialogFactory) -> None:
    dialog = make_dialog(demo_data()[0])
    concerns = child(dialog, "concerns")
    table = concerns.table
    table.setCurrentCell(0, 2)
    table.editItem(cell(table, 0, 2))
    editor = table.indexWidget(table.currentIndex())
    assert isinstance(editor, QComboBox)
    assert [editor.itemText(i) for i in range(editor.count())] == ["—", "Low", "Medium", "High"]
    editor.setCurrentIndex(0)  # severity is optional
    table.commit_pending_edit()
    assert cell_text(concerns, 0, "severity") == ""
    assert dialog.data().concerns[0].severity is None


def test_restriction_code_from_catalogue_or_new(make_dialog: DialogFactory) -> None:
    dialog = make_dialog()
    dialog.set_data(EngagementData(title="t", vendor="v", counterpart="c", status=Status.AGREED))
    restrictions = child(dialog, "restrictions")
    table = restrictions.table
    r = restrictions.add_row()

    # Pick a catalogued code: its shared title comes with it.
    table.setCurrentCell(r, 0)
    table.editItem(cell(table, r, 0))
    editor = table.indexWidget(table.currentIndex())
    assert isinstance(editor, QComboBox) and editor.isEditable()
    found = editor.findData("no-fully-autonomous-weapons")
    assert editor.itemText(found) == (
        "no-fully-autonomous-weapons — No fully autonomous weapons systems"
    )
    editor.setCurrentIndex(found)
    table.commit_pending_edit()
    set_cell(restrictions, r, "stance", "agreed")
    assert cell_text(restrictions, r, "code") == "no-fully-autonomous-weapons"
    assert cell_text(restrictions, r, "title") == "No fully autonomous weapons systems"

    # Type a new code and title.
    r = restrictions.add_row()
    table.setCurrentCell(r, 0)
    table.editItem(cell(table, r, 0))
    editor = table.indexWidget(table.currentIndex())
    assert isinstance(editor, QComboBox)
    editor.setEditText("no-biometric-profiling ")
    table.commit_pending_edit()
    set_cell(restrictions, r, "title", "No biometric profiling")
    set_cell(restrictions, r, "stance", "proposed")

    data = dialog.data()
    assert [(x.code, x.title, x.stance) for x in data.restrictions] == [
        ("no-fully-autonomous-weapons", "No fully autonomous weapons systems", Stance.AGREED),
        ("no-biometric-profiling", "No biometric profiling", Stance.PROPOSED),
    ]

    # The same code twice is refused, on the second row's code.
    set_cell(restrictions, r, "code", "no-fully-autonomous-weapons")
    assert validation_error(dialog).field == "restrictions[1].code"


def test_the_restriction_pick_list_is_as_wide_as_its_longest_entry(
    qtbot: QtBot, make_dialog: DialogFactory
) -> None:
    """Two codes sharing a title read apart only if the list shows each entry whole."""
    title = "No fully autonomous weapons systems"
    catalogue = [("no-autonomous-weapons", title), ("no-autonomous-weapons-in-targeting", title)]
    dialog = make_dialog(
        EngagementData(title="t", vendor="v", counterpart="c", status=Status.AGREED), catalogue
    )
    qtbot.waitUntil(dialog.isActiveWindow, timeout=1000)
    press_on(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # R&estrictions
    restrictions = child(dialog, "restrictions")
    assert tabs(dialog).currentWidget() is restrictions
    restrictions.add_button.click()  # adds a row and opens its code's editor
    editor = QApplication.focusWidget()
    while editor is not None and not isinstance(editor, QComboBox):
        editor = editor.parentWidget()
    assert isinstance(editor, QComboBox) and restrictions.table.isAncestorOf(editor)
    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # open the list
    view = editor.view()
    qtbot.waitUntil(view.isVisible, timeout=1000)
    entries = [editor.itemText(i) for i in range(editor.count())]
    assert entries == [f"{code} — {title}" for code, _ in catalogue]
    assert editor.width() < view.sizeHintForColumn(0)  # the cell alone is too narrow
    assert view.viewport().width() >= view.sizeHintForColumn(0)  # ... the list is not
    editor.hidePopup()


# --------------------------------------------------------------------------- saving


def test_ctrl_s_emits_save_requested_only_when_valid(
    qtbot: QtBot, make_dialog: DialogFactory
) -> None:
    dialog = make_dialog()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=1000)
    with qtbot.assertNotEmitted(dialog.saveRequested, wait=50):
        qtbot.keyClick(line(dialog, "title"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    title_label = error_of(dialog, "title")
    assert title_label is not None and title_label.isVisible()

    fill_required(qtbot, dialog)
    with qtbot.waitSignal(dialog.saveRequested, timeout=1000):
        qtbot.keyClick(line(dialog, "title"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()  # the caller decides when to accept


def test_save_button_is_default_and_emits(qtbot: QtBot, make_dialog: DialogFactory) -> None:
    dialog = make_dialog(demo_data()[2])
    assert find(dialog, QPushButton, "save_button").isDefault()
    assert find(dialog, QPushButton, "save_button").text() == "&Save"
    with qtbot.waitSignal(dialog.saveRequested, timeout=1000):
        qtbot.mouseClick(find(dialog, QPushButton, "save_button"), Qt.MouseButton.LeftButton)


def test_save_commits_a_cell_still_being_edited(qtbot: QtBot, make_dialog: DialogFactory) -> None:
    dialog = make_dialog(demo_data()[0])
    scope = child(dialog, "scope_limits")
    scope.table.setCurrentCell(0, 1)
    scope.table.editItem(cell(scope.table, 0, 1))
    editor = scope.table.indexWidget(scope.table.currentIndex())
    assert isinstance(editor, QLineEdit)
    editor.setText("Unclassified networks and laptops")
    with qtbot.waitSignal(dialog.saveRequested, timeout=1000):
        qtbot.mouseClick(find(dialog, QPushButton, "save_button"), Qt.MouseButton.LeftButton)
    assert dialog.data().scope_limits[0].text == "Unclassified networks and laptops"


# --------------------------------------------------------------------------- dirty / cancel


def test_dirty_tracking(qtbot: QtBot, make_dialog: DialogFactory) -> None:
    dialog = make_dialog(demo_data()[0])
    assert not dialog.is_dirty()
    concerns = child(dialog, "concerns")
    assert concerns.table.currentRow() == -1
    assert not concerns.remove_button.isEnabled()
    qtbot.keyClicks(line(dialog, "owner"), "!")
    assert dialog.is_dirty()
    qtbot.keyClick(line(dialog, "owner"), Qt.Key.Key_Backspace)
    assert not dialog.is_dirty()

    concerns.table.setCurrentCell(0, 0)
    concerns.move_current_row(1)
    assert dialog.is_dirty()
    concerns.move_current_row(-1)
    assert not dialog.is_dirty()

    concerns.add_row()  # an empty row alone is no change
    assert not dialog.is_dirty()
    set_cell(concerns, 3, "text", "x")
    assert dialog.is_dirty()

    dialog.set_data(demo_data()[1])
    assert not dialog.is_dirty()
    combo(dialog, "status").setCurrentIndex(0)
    assert dialog.is_dirty()
    dialog.mark_clean()
    assert not dialog.is_dirty()


def test_cancel_with_changes_asks_before_discarding(
    qtbot: QtBot, make_dialog: DialogFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = make_dialog(demo_data()[0])
    asked: list[str] = []
    answer = QMessageBox.StandardButton.Cancel

    def question(parent: object, title: str, text: str, *args: object) -> object:
        asked.append(title)
        return answer

    monkeypatch.setattr(engagement_form, "question", question)
    qtbot.keyClicks(line(dialog, "title"), " (draft)")

    qtbot.mouseClick(find(dialog, QPushButton, "cancel_button"), Qt.MouseButton.LeftButton)
    assert asked == ["Discard changes?"]
    assert dialog.isVisible()
    assert line(dialog, "title").text().endswith("(draft)")

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["Discard changes?"] * 2
    assert dialog.isVisible()

    dialog.close()  # the window's close button
    assert len(asked) == 3
    assert dialog.isVisible()

    answer = QMessageBox.StandardButton.Discard
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.mouseClick(find(dialog, QPushButton, "cancel_button"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_cancel_without_changes_does_not_ask(
    qtbot: QtBot, make_dialog: DialogFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = make_dialog(demo_data()[0])

    def question(*args: object) -> object:
        raise AssertionError("should not ask")

    monkeypatch.setattr(engagement_form, "question", question)
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


# --------------------------------------------------------------------------- keyboard


def test_mnemonics_and_tab_order(make_dialog: DialogFactory) -> None:
    dialog = make_dialog()
    buddies = {
        label.text(): label.buddy() for label in dialog.findChildren(QLabel) if label.buddy()
    }
    assert buddies["&Title"] is widget(dialog, "title")
    assert buddies["Starte&d"] is widget(dialog, "started")
    letters = [text[text.index("&") + 1].lower() for text in buddies]
    assert len(letters) == len(set(letters)), "a mnemonic letter is used twice"

    order: list[QWidget | None] = [line(dialog, "title")]
    while len(order) < 14:
        last = order[-1]
        assert last is not None
        order.append(last.nextInFocusChain())
    names = [widget(dialog, f.key) for f in fields_in("left")]
    assert order[1] is names[0]
    focus_order = [w for w in order if w in names]
    assert focus_order == names


def test_error_colours_follow_a_dark_palette(qtbot: QtBot, make_dialog: DialogFactory) -> None:
    dialog = make_dialog()
    assert ERROR_COLOUR in dialog.styleSheet()
    light = QApplication.palette()
    dark = QPalette(light)
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.PlaceholderText, "#9aa0a6"),
    ):
        dark.setColor(role, QColor(colour))
    QApplication.setPalette(dark)  # a theme switch arrives application-wide
    try:
        QApplication.processEvents()
        assert ERROR_COLOUR_DARK in dialog.styleSheet()
        started = widget(dialog, "started")
        assert isinstance(started, PartialDateEdit)
        qtbot.keyClicks(started.lineEdit(), "soonish")
        assert ERROR_COLOUR_DARK in started.hintLabel().styleSheet()
        started.lineEdit().clear()
        qtbot.keyClicks(started.lineEdit(), "2025")
        assert "#9aa0a6" in started.hintLabel().styleSheet()
    finally:
        QApplication.setPalette(light)
        QApplication.processEvents()
    assert ERROR_COLOUR in dialog.styleSheet()
