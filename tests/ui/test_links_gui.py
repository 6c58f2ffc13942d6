"""Links and organisations in the window, driven as a user would: the Links tab's
searchable picker, the service's answer to a bad link shown in the form, Show linked
with its removable chip, and the organisation filter of More filters (with its parts)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import action, activate, find, open_form
from tracker.domain.model import EngagementData, Filters
from tracker.domain.vocab import Status
from ui.child_table import ChildTable
from ui.engagement_form import EngagementDialog
from ui.filter_chips import FilterChips
from ui.link_picker import MATCHES
from ui.main_window import MainWindow
from ui.message_line import MessageLine

CTRL = Qt.KeyboardModifier.ControlModifier
NATO = "NATO exploratory talks with OpenAI on unclassified IT"
ANTHROPIC = "U.S. Department of Defense negotiations with Anthropic"
DOD_OPENAI = "U.S. Department of Defense agreement with OpenAI"


def titles(win: MainWindow) -> list[str]:
    model = win.model
    return [str(model.data(model.index(r, 0))) for r in range(model.rowCount())]


def select(qtbot: QtBot, win: MainWindow, title: str) -> int:
    """Click the row titled ``title``; its engagement id."""
    row = titles(win).index(title)
    rect = win.table.visualRect(win.model.index(row, 0))
    QTest.mouseClick(win.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return win.model.id_at(row)


def edit(qtbot: QtBot, win: MainWindow) -> EngagementDialog:
    """F2 on the table: the form of the current engagement, its Links tab shown (Alt+K)."""
    win.table.setFocus()
    qtbot.keyClick(win.table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: open_form(win) is not None)
    form = open_form(win)
    assert form is not None
    activate(qtbot, form)
    qtbot.keyClick(form, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    tabs = find(form, QTabWidget, "child_tabs")
    assert tabs.currentWidget() is find(form, ChildTable, "children_links")
    return form


def type_in_picker(qtbot: QtBot, form: EngagementDialog, words: str) -> QLineEdit:
    """Add a link row (its picker opens at once) and type ``words`` in it."""
    links = find(form, ChildTable, "children_links")
    qtbot.mouseClick(links.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    picker = QApplication.focusWidget()
    assert isinstance(picker, QLineEdit) and picker.objectName() == "linkPicker"
    qtbot.keyClicks(picker, words)
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    return picker


def offered(picker: QLineEdit) -> list[str]:
    model = picker.completer().popup().model()
    return [str(model.index(r, 0).data()) for r in range(model.rowCount())]


def choose(qtbot: QtBot, picker: QLineEdit, entry: str) -> None:
    """Arrow down the picker's list to ``entry`` and Enter: the cell holds it at once."""
    table = picker.parentWidget().parentWidget()
    assert isinstance(table, QTableWidget)
    row = table.currentRow()
    popup = picker.completer().popup()
    for _ in range(offered(picker).index(entry) + 1):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() == QAbstractItemView.State.NoState)
    assert not popup.isVisible()
    cell = table.item(row, 0)
    assert cell is not None and cell.text() == entry


def set_kind(qtbot: QtBot, form: EngagementDialog, row: int, label: str) -> None:
    """F2 on the row's Kind cell, type the kind's label, Enter."""
    table = find(form, ChildTable, "children_links").table
    activate(qtbot, form)  # the picker's list had the keyboard
    table.setCurrentCell(row, 1)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QComboBox))
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    qtbot.keyClicks(combo, label)
    assert combo.currentText() == label
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() == QAbstractItemView.State.NoState)


def screenshot(form: QWidget, popup: QWidget) -> QPixmap:
    """The form with the picker's list drawn where it is open (a window of its own)."""
    image = form.grab()
    painter = QPainter(image)
    painter.drawPixmap(form.mapFromGlobal(popup.mapToGlobal(QPoint(0, 0))), popup.grab())
    painter.end()
    return image


def test_a_link_picked_by_title_words_is_shown_at_both_ends(
    qtbot: QtBot, window: MainWindow
) -> None:
    nato = select(qtbot, window, NATO)
    form = edit(qtbot, window)
    picker = type_in_picker(qtbot, form, "anthropic")
    other = window.service.list_ids(filters=Filters(search="anthropic"))
    rows = window.service.rows(ids=other)
    assert offered(picker) == [f"#{r.id} {r.title}" for r in rows]
    anthropic = next(r for r in rows if r.title == ANTHROPIC)
    choose(qtbot, picker, f"#{anthropic.id} {ANTHROPIC}")
    set_kind(qtbot, form, 1, "Related")
    links = find(form, ChildTable, "children_links")
    assert links.rows()[0][1]["to"] == anthropic.uid  # the stable id, not the words
    qtbot.keyClick(form, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: open_form(window) is None)

    saved = window.service.get(engagement_id=nato)
    assert [(link.to, link.kind.value) for link in saved.data.links][-1] == (
        anthropic.uid,
        "related",
    )
    qtbot.waitUntil(lambda: f"#{anthropic.id} {ANTHROPIC}" in window.detail.plain_text())
    select(qtbot, window, ANTHROPIC)
    qtbot.waitUntil(lambda: f"#{nato} {NATO}" in window.detail.plain_text())


def test_the_picker_finds_by_number_and_lists_a_few(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    service = window.service
    for n in range(MATCHES + 5):
        service.create(
            data=EngagementData(
                title=f"Pilot {n:02}", vendor="OpenAI", counterpart="NATO", status=Status.ACTIVE
            )
        )
    action(window, "reload").trigger()
    select(qtbot, window, NATO)
    form = edit(qtbot, window)
    picker = type_in_picker(qtbot, form, "pilot")
    assert len(offered(picker)) == MATCHES
    assert offered(picker)[0] == f"#{service.list_ids(filters=Filters(search='pilot'))[0]} Pilot 00"
    picker.clear()
    activate(qtbot, form)
    picker.setFocus()
    dod = next(r.id for r in service.rows(ids=service.list_ids()) if r.title == DOD_OPENAI)
    qtbot.keyClicks(picker, f"#{dod}")
    qtbot.waitUntil(lambda: offered(picker)[:1] == [f"#{dod} {DOD_OPENAI}"])
    shot = tmp_path / "links_picker.png"
    assert screenshot(form, picker.completer().popup()).save(str(shot))
    assert shot.stat().st_size > 0


def test_a_link_to_itself_is_refused_in_the_form(qtbot: QtBot, window: MainWindow) -> None:
    nato = select(qtbot, window, NATO)
    form = edit(qtbot, window)
    picker = type_in_picker(qtbot, form, f"#{nato}")
    choose(qtbot, picker, f"#{nato} {NATO}")
    set_kind(qtbot, form, 1, "Related")
    qtbot.keyClick(form, Qt.Key.Key_S, CTRL)
    message = find(form, MessageLine, "error_links")
    qtbot.waitUntil(message.isVisible)
    assert open_form(window) is form  # the form stays open, the entries in it
    assert message.text().startswith("Row 2, Engagement: ")
    assert "itself" in message.text()
    assert len(window.service.get(engagement_id=nato).data.links) == 1  # nothing written


def chips(win: MainWindow) -> list[QPushButton]:
    return win.filter_bar.findChild(FilterChips).chips()  # type: ignore[union-attr]


def test_show_linked_filters_to_both_ends_and_its_chip_removes_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    total = len(titles(window))
    dod_openai = select(qtbot, window, DOD_OPENAI)
    linked = {
        end.title for end in window.service.get(engagement_id=dod_openai).linked
    }  # an alternative to the Anthropic talks, part of OpenAI for Government
    assert len(linked) == 2
    qtbot.keyClick(window.table, Qt.Key.Key_K, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: set(titles(window)) == linked)
    assert [c.text() for c in chips(window)] == [f"Linked to #{dod_openai}  ✕"]

    # Another filter keeps it: the status pick-list narrows within the linked ones.
    window.filter_bar.search.setText("anthropic")
    window.filter_bar.flush()
    qtbot.waitUntil(lambda: titles(window) == [ANTHROPIC])
    assert window.filter_bar.filters().linked_to == dod_openai
    window.filter_bar.search.clear()
    window.filter_bar.flush()
    qtbot.waitUntil(lambda: set(titles(window)) == linked)

    chip = next(c for c in chips(window) if c.text().startswith("Linked to"))
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(titles(window)) == total)
    assert window.filter_bar.filters().linked_to is None
    assert chips(window) == []


def test_an_organisation_filter_includes_its_parts(qtbot: QtBot, window: MainWindow) -> None:
    service = window.service
    service.create(
        data=EngagementData(
            title="CDAO pilot with Anthropic",
            vendor="Anthropic",
            counterpart="Chief Digital and AI Office",
            status=Status.EXPLORATORY,
        )
    )
    action(window, "reload").trigger()
    bar = window.filter_bar
    qtbot.mouseClick(bar.more_button, Qt.MouseButton.LeftButton)
    assert bar.more.isVisible()
    combo = find(bar, QComboBox, "organisationFilter")
    assert "U.S. Department of Defense" in [combo.itemText(i) for i in range(combo.count())]
    combo.setFocus()
    qtbot.keyClicks(combo, "U.S. Department of Defense")
    assert combo.currentText() == "U.S. Department of Defense"
    expected = {ANTHROPIC, DOD_OPENAI, "CDAO pilot with Anthropic"}
    qtbot.waitUntil(lambda: set(titles(window)) == expected)
    assert [c.text() for c in chips(window)] == [
        "Organisation (or a part of it): U.S. Department of Defense  ✕"
    ]
    qtbot.mouseClick(chips(window)[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(titles(window)) == 5)  # the four demo ones and the pilot
    assert combo.currentText() == "Any organisation"
