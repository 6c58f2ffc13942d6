"""Follow-ups in the window, driven as a user drives it: the quick filters Overdue, Due
soon and Stale (by click and by keyboard, with the other filters and the search), the
detail pane's badge, the status bar's overdue count (kept by change sets), and the
briefing dialog's "Follow-ups due" section.

The database is written with follow-ups counted from today (UTC), two engagements
last changed 100 days ago (the store's clock set back while they are written).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from db import store
from tests.ui.conftest import action, activate, answer_modal, find, open_form
from tests.ui.test_change_sets import count_calls, save_form
from tests.ui.test_main_window import choose_file, open_editor, pdf_text, select_title, status
from tracker.domain.vocab import Status
from tracker.services import Tracker
from tracker.services.base import utc_today
from ui.briefing_dialog import BriefingDialog
from ui.connection_dialog import ConnectionDialog
from ui.main_window import MainWindow
from ui.partial_date_edit import PartialDateEdit

TODAY = utc_today()
DAY = datetime.timedelta(days=1)
ALT = Qt.KeyboardModifier.AltModifier


def _record(title: str, status: str, follow_up: datetime.date | None) -> dict[str, Any]:
    return {
        "title": title,
        "vendor": "OpenAI",
        "counterpart": "NATO",
        "status": status,
        "follow_up": follow_up.isoformat() if follow_up else None,
    }


@pytest.fixture
def due_db(tmp_path: Path) -> Path:
    path = tmp_path / "due.db"
    service = Tracker.open(path, user="setup")
    with pytest.MonkeyPatch.context() as patch:
        long_ago = (TODAY - 100 * DAY).isoformat() + "T09:00:00.000000Z"
        patch.setattr(store, "utc_now", lambda: long_ago)
        service.create(data=_record("Forgotten and overdue", "active", TODAY - 3 * DAY))
        service.create(data=_record("Forgotten quietly", "paused", None))
    for record in (
        _record("Overdue by twelve", "negotiating", TODAY - 12 * DAY),
        _record("Due in five", "agreed", TODAY + 5 * DAY),
        _record("Due in forty", "exploratory", TODAY + 40 * DAY),
        _record("Ended long ago", "ended", None),
    ):
        service.create(data=record)
    service.close()
    return path


@pytest.fixture
def window(qtbot: QtBot, due_db: Path, settings: QSettings) -> Iterator[MainWindow]:
    win = MainWindow(Tracker.open(due_db, user="alice"), settings=settings)
    win.show()
    activate(qtbot, win)
    yield win
    form = open_form(win)
    if form is not None:
        form.mark_clean()
        form.reject()
    win.close()
    win.service.close()
    win.deleteLater()


def shown(window: MainWindow) -> set[str]:
    model = window.model
    return {str(model.data(model.index(r, 0))) for r in range(model.rowCount())}


def quick(window: MainWindow, name: str) -> QPushButton:
    return find(window, QPushButton, name)


EVERYONE = {
    "Forgotten and overdue",
    "Forgotten quietly",
    "Overdue by twelve",
    "Due in five",
    "Due in forty",
    "Ended long ago",
}


def test_quick_filters_change_the_rows_and_compose(qtbot: QtBot, window: MainWindow) -> None:
    overdue, soon, stale = (
        quick(window, name) for name in ("quickOverdue", "quickDueSoon", "quickStale")
    )
    assert shown(window) == EVERYONE
    qtbot.mouseClick(overdue, Qt.MouseButton.LeftButton)
    assert shown(window) == {"Forgotten and overdue", "Overdue by twelve"}
    assert window.filter_bar.count_label.text() == "2 of 6 engagements"
    qtbot.mouseClick(soon, Qt.MouseButton.LeftButton)  # overdue or due within 2 weeks
    assert shown(window) == {"Forgotten and overdue", "Overdue by twelve", "Due in five"}
    qtbot.mouseClick(overdue, Qt.MouseButton.LeftButton)
    assert shown(window) == {"Due in five"}
    qtbot.mouseClick(soon, Qt.MouseButton.LeftButton)
    assert shown(window) == EVERYONE

    qtbot.mouseClick(stale, Qt.MouseButton.LeftButton)  # open, no change for 90 days
    assert shown(window) == {"Forgotten and overdue", "Forgotten quietly"}
    qtbot.mouseClick(overdue, Qt.MouseButton.LeftButton)
    assert shown(window) == {"Forgotten and overdue"}
    window.filter_bar.status.set_selected((Status.PAUSED,))
    assert shown(window) == set()
    window.filter_bar.status.set_selected(())
    qtbot.mouseClick(stale, Qt.MouseButton.LeftButton)
    window.filter_bar.search.setText("twelve")
    window.filter_bar.flush()
    assert shown(window) == {"Overdue by twelve"}

    action(window, "clearFilters").trigger()
    assert shown(window) == EVERYONE
    assert not any(b.isChecked() for b in (overdue, soon, stale))


def alt(qtbot: QtBot, window: MainWindow, key: Qt.Key, button: str) -> None:
    """Alt + ``key`` typed in the table, which toggles ``button`` (as a click, animated)."""
    checked = quick(window, button).isChecked()
    window.table.setFocus()
    qtbot.keyClick(window.table, key, ALT)
    qtbot.waitUntil(lambda: quick(window, button).isChecked() != checked)


def test_quick_filters_are_reached_by_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    alt(qtbot, window, Qt.Key.Key_O, "quickOverdue")
    assert shown(window) == {"Forgotten and overdue", "Overdue by twelve"}
    alt(qtbot, window, Qt.Key.Key_O, "quickOverdue")
    alt(qtbot, window, Qt.Key.Key_S, "quickDueSoon")
    assert shown(window) == {"Due in five"}
    alt(qtbot, window, Qt.Key.Key_T, "quickStale")
    assert shown(window) == set()
    # Tab from the search box walks the three buttons; Space toggles the one focused.
    soon = quick(window, "quickDueSoon")
    soon.setFocus()
    qtbot.keyClick(soon, Qt.Key.Key_Space)
    assert not soon.isChecked() and shown(window) == {"Forgotten quietly", "Forgotten and overdue"}
    window.filter_bar.search.setFocus()
    order = []
    for _ in range(3):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        order.append(window.focusWidget().objectName())
    assert order == ["quickOverdue", "quickDueSoon", "quickStale"]


def detail(window: MainWindow) -> str:
    return window.detail.browser().toPlainText()


def test_the_detail_pane_badges_an_overdue_or_soon_due_follow_up(window: MainWindow) -> None:
    select_title(window, "Overdue by twelve")
    assert "Follow-up overdue by 12 days" in detail(window)
    select_title(window, "Due in five")
    assert "Follow-up due in 5 days" in detail(window)
    for calm in ("Due in forty", "Ended long ago"):
        select_title(window, calm)
        assert "Follow-up overdue" not in detail(window)
        assert "Follow-up due" not in detail(window)


def overdue_count(window: MainWindow) -> str:
    return find(window.statusBar(), QLabel, "overdueCount").text()


def test_the_status_bar_counts_the_overdue_and_follows_the_saves(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert overdue_count(window) == "2 follow-ups overdue"
    counts = count_calls(monkeypatch, window.service, "count")

    # An edit of the next step changes no follow-up: nothing is counted again.
    select_title(window, "Due in five")
    dialog = open_editor(qtbot, window)
    find(dialog, QLineEdit, "field_next_step").setText("Ask the desk")
    save_form(qtbot, window)
    assert counts == [] and overdue_count(window) == "2 follow-ups overdue"
    activate(qtbot, window)

    # A follow-up moved into the past is counted, once.
    dialog = open_editor(qtbot, window)
    line = find(dialog, PartialDateEdit, "field_follow_up").lineEdit()
    line.selectAll()
    qtbot.keyClicks(line, (TODAY - DAY).isoformat())
    save_form(qtbot, window)
    assert counts == [1] and overdue_count(window) == "3 follow-ups overdue"
    assert "Follow-up overdue by 1 day" in detail(window)

    # Trashing one and undoing it: counted down and back up.
    activate(qtbot, window)
    select_title(window, "Overdue by twelve")
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert "Overdue by twelve" not in shown(window)
    assert overdue_count(window) == "2 follow-ups overdue"
    action(window, "undo").trigger()
    assert overdue_count(window) == "3 follow-ups overdue"


def test_the_count_follows_a_switch_of_database(window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    service = Tracker.open(other, user="setup")
    service.create(data=_record("Overdue elsewhere", "active", TODAY - DAY))
    service.close()

    def open_other(dialog: ConnectionDialog) -> None:
        dialog.tabs.setCurrentIndex(0)
        dialog.file_path.setText(str(other))
        dialog.open_button.click()

    answer_modal(ConnectionDialog, open_other)
    action(window, "openDatabase").trigger()
    assert shown(window) == {"Overdue elsewhere"}
    assert overdue_count(window) == "1 follow-up overdue"
    window.service.delete(engagement_id=1)
    action(window, "reload").trigger()  # F5 reads everything again, the count too
    assert overdue_count(window) == "No follow-ups overdue"


def test_the_briefing_dialog_adds_the_follow_ups_section(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, settings: QSettings
) -> None:
    out = tmp_path / "due.pdf"

    def answer(dialog: BriefingDialog) -> None:
        box = find(dialog, QCheckBox, "followUpsDue")
        within = find(dialog, QComboBox, "followUpsWithin")
        assert not box.isChecked() and not within.isEnabled()  # off unless asked for
        box.setChecked(True)
        assert within.isEnabled()
        within.setCurrentIndex(within.findData("30d"))
        dialog.open_when_written.setChecked(False)
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        buttons.button(QDialogButtonBox.StandardButton.Save).click()

    answer_modal(BriefingDialog, answer)
    choose_file(out)
    action(window, "briefing").trigger()
    qtbot.waitUntil(lambda: status(window).startswith("Briefing of"), timeout=20000)
    text = pdf_text(out)
    section = text[text.index("Follow-ups due As of") : text.index("Restriction matrix")]
    assert "2 follow-ups overdue, 1 due within 30 days" in section
    assert section.index("Overdue by twelve") < section.index("Forgotten and overdue")
    assert "Due in forty" not in section
    assert str(settings.value("briefing/followUps")) == "30d"  # offered again next time
