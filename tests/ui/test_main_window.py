"""The main window driven as a user would: typing, clicking, shortcuts, undo, settings."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QPoint, QSettings, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import action, activate, answer_modal, choose, find, menu, open_form
from tracker.domain.changes import Saved
from tracker.domain.dates import PartialDate
from tracker.domain.errors import StorageError
from tracker.domain.fields import CHILDREN_BY_KEY
from tracker.domain.model import Engagement, Filters, StatusEvent
from tracker.domain.presenter import timestamp
from tracker.domain.vocab import Region, Status
from tracker.services import Tracker
from ui.briefing_dialog import BriefingDialog
from ui.conflict_dialog import ConflictDialog
from ui.engagement_form import EngagementDialog
from ui.export_dialog import ExportDialog
from ui.import_review import ImportReviewDialog
from ui.main_window import MainWindow
from ui.partial_date_edit import PartialDateEdit
from ui.saving import MAX_ATTEMPTS
from ui.table_model import COLUMNS, EngagementTableModel


def titles(win: MainWindow) -> list[str]:
    model = win.model
    return [str(model.data(model.index(r, 0))) for r in range(model.rowCount())]


def select_title(win: MainWindow, text: str) -> int:
    """Click the row whose title contains ``text``."""
    for row, title in enumerate(titles(win)):
        if text in title:
            rect = win.table.visualRect(win.model.index(row, 0))
            QTest.mouseClick(win.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            assert win.selected_ids() == [win.model.id_at(row)]
            return win.model.id_at(row)
    raise AssertionError(f"no row titled {text!r}")


def open_editor(qtbot: QtBot, win: MainWindow) -> EngagementDialog:
    win.table.setFocus()
    qtbot.keyClick(win.table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: open_form(win) is not None)
    form = open_form(win)
    assert form is not None
    activate(qtbot, form)
    return form


def press(
    qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """Type a key where the keyboard focus is, as a user would."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, modifiers)


CTRL = Qt.KeyboardModifier.ControlModifier


def status(win: MainWindow) -> str:
    """What the status bar says."""
    return win.statusBar().currentMessage()


def choose_file(path: Path) -> None:
    """Pick ``path`` in the file dialog the next step opens."""

    def pick(dialog: QFileDialog) -> None:
        # Type the name as a user would: selectFile() leaves a focused name field alone.
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        dialog.setDirectory(str(path.parent))
        name.setText(path.name)
        dialog.accept()

    answer_modal(QFileDialog, pick)


def replace_text(qtbot: QtBot, widget: QPlainTextEdit, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def test_window_title_names_the_database_and_shows_the_count(window: MainWindow) -> None:
    assert window.windowTitle().startswith("tracker.db")
    assert window.filter_bar.count_label.text() == "4 of 4 engagements"
    assert window.model.rowCount() == 4


def test_typing_in_search_narrows_rows_and_count(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, Qt.Key.Key_F, CTRL)
    assert window.filter_bar.search.hasFocus()
    qtbot.keyClicks(window.filter_bar.search, "mistral")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert titles(window) == ["NATO exploratory talks with OpenAI on unclassified IT"]
    assert window.filter_bar.count_label.text() == "1 of 4 engagements"
    # child text (a scope limit) is searched too
    window.filter_bar.search.clear()
    qtbot.keyClicks(window.filter_bar.search, "clearances")
    qtbot.waitUntil(lambda: titles(window) == ["U.S. Department of Defense agreement with OpenAI"])
    window.filter_bar.clear_button.click()
    assert window.model.rowCount() == 4


def test_status_and_region_filters_combine(qtbot: QtBot, window: MainWindow) -> None:
    bar = window.filter_bar
    choose(qtbot, bar.region, Region.NORTH_AMERICA.label)
    assert window.model.rowCount() == 2
    assert bar.region.text() == "Region: North America"
    choose(qtbot, bar.status, Status.AGREED.label)
    assert titles(window) == ["U.S. Department of Defense agreement with OpenAI"]
    choose(qtbot, bar.status, Status.BROKEN_DOWN.label)
    assert window.model.rowCount() == 2
    assert bar.status.text() == "Status: Agreed, Broken down"
    # one visit to the menu: its entries toggle without closing it
    choose(qtbot, bar.region, Region.NORTH_AMERICA.label, Region.EUROPE.label)
    assert window.model.rowCount() == 0
    assert bar.count_label.text() == "0 of 4 engagements"
    choose(qtbot, bar.status, "Any status")
    assert bar.status.text() == "Status: any"
    assert titles(window) == ["NATO exploratory talks with OpenAI on unclassified IT"]


def test_clicking_a_header_sorts_by_that_column(qtbot: QtBot, window: MainWindow) -> None:
    header = window.table.horizontalHeader()
    status = next(n for n, c in enumerate(COLUMNS) if c.key == "status")
    x = header.sectionViewportPosition(status) + header.sectionSize(status) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    statuses = [str(window.model.data(window.model.index(r, status))) for r in range(4)]
    assert statuses == ["Exploratory", "Agreed", "Active", "Broken down"]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    statuses = [str(window.model.data(window.model.index(r, status))) for r in range(4)]
    assert statuses == ["Broken down", "Active", "Agreed", "Exploratory"]


def test_edit_saves_shows_in_history_and_undoes(qtbot: QtBot, window: MainWindow) -> None:
    eid = select_title(window, "NATO")
    dialog = open_editor(qtbot, window)
    summary = find(dialog, QPlainTextEdit, "field_summary")
    replace_text(qtbot, summary, "Talks confirmed by a NATO spokesperson.")
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: open_form(window) is None)

    stored = window.service.get(engagement_id=eid)
    assert stored.data.summary == "Talks confirmed by a NATO spokesperson."
    assert stored.version == 2
    history = window.service.history(engagement_id=eid)
    assert history[0].field == "summary" and history[0].who == "alice"
    assert "Talks confirmed by a NATO spokesperson." in window.detail.plain_text()

    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert window.service.get(engagement_id=eid).data.summary.startswith("Reported exploratory")
    press(qtbot, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.service.get(engagement_id=eid).data.summary == (
        "Talks confirmed by a NATO spokesperson."
    )


def timeline_rows(win: MainWindow) -> list[str]:
    """The lines of the detail pane's status timeline section."""
    text = win.detail.plain_text()
    start = text.index(CHILDREN_BY_KEY["status_history"].label)
    ends = [text.find(CHILDREN_BY_KEY[key].label, start) for key in ("concerns", "sources")]
    end = min((e for e in ends if e > start), default=len(text))
    return [line.strip() for line in text[start:end].splitlines()[1:] if line.strip()]


def test_changing_the_status_in_the_form_adds_a_dated_event_to_the_timeline(
    qtbot: QtBot, window: MainWindow
) -> None:
    eid = select_title(window, "NATO")
    before = window.service.get(engagement_id=eid)
    assert before.data.status is Status.EXPLORATORY
    rows_before = timeline_rows(window)
    dialog = open_editor(qtbot, window)
    combo = find(dialog, QComboBox, "field_status")
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    press(qtbot, Qt.Key.Key_Down)  # the next status: Negotiating
    assert combo.currentText() == Status.NEGOTIATING.label
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: open_form(window) is None)
    today = datetime.now(UTC).date()

    stored = window.service.get(engagement_id=eid)
    assert stored.data.status is Status.NEGOTIATING
    assert stored.data.status_history == (
        *before.data.status_history,
        StatusEvent(Status.NEGOTIATING, PartialDate.of_day(today)),
    )
    rows = timeline_rows(window)
    assert rows[: len(rows_before)] == rows_before
    assert rows[len(rows_before) :] == [PartialDate.of_day(today).label(), Status.NEGOTIATING.label]

    # Undo takes the status and its event back, with no event for the way back; redo
    # brings both again.
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert window.service.get(engagement_id=eid).data == before.data
    assert timeline_rows(window) == rows_before
    press(qtbot, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.service.get(engagement_id=eid).data == stored.data
    assert timeline_rows(window) == rows


def test_a_bad_partial_date_shows_inline_and_saves_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    eid = select_title(window, "NATO")
    before = window.service.get(engagement_id=eid)
    dialog = open_editor(qtbot, window)
    started = find(dialog, PartialDateEdit, "field_started")
    line = started.lineEdit()
    line.selectAll()
    qtbot.keyClicks(line, "soonish")
    assert "soonish" in started.hintLabel().text()
    press(qtbot, Qt.Key.Key_S, CTRL)
    label = started.hintLabel()
    assert label.isVisible() and "soonish" in label.text()
    assert open_form(window) is dialog
    assert window.service.get(engagement_id=eid) == before
    line.selectAll()
    qtbot.keyClicks(line, "Q3 2026")
    assert started.hintLabel().text().endswith("Q3 2026")
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: open_form(window) is None)
    assert window.service.get(engagement_id=eid).data.started.iso() == "2026-Q3"  # type: ignore[union-attr]


def _answer_conflict(choice: str, seen: list[ConflictDialog]) -> None:
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, ConflictDialog):
        QTimer.singleShot(50, lambda: _answer_conflict(choice, seen))
        return
    seen.append(dialog)
    dialog.set_all(choice)  # type: ignore[arg-type]
    dialog.save_merged()


def test_a_conflicting_save_asks_and_loses_nothing(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    eid = select_title(window, "NATO")
    dialog = open_editor(qtbot, window)
    colleague = Tracker.open(db_path, user="bob")
    current = colleague.get(engagement_id=eid)
    colleague.update(
        engagement_id=eid,
        expected_version=current.version,
        changes={"summary": "Bob's summary", "owner": "Bob"},
    )
    summary = find(dialog, QPlainTextEdit, "field_summary")
    replace_text(qtbot, summary, "Alice's summary")
    seen: list[ConflictDialog] = []
    QTimer.singleShot(50, lambda: _answer_conflict("mine", seen))
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: open_form(window) is None, timeout=5000)

    assert seen and "summary" in seen[0].conflict_fields()
    stored = window.service.get(engagement_id=eid).data
    assert stored.summary == "Alice's summary"
    assert stored.owner == "Bob"  # Bob's change to another field merged in
    values = [(h.field, h.new) for h in window.service.history(engagement_id=eid)]
    assert ("summary", "Bob's summary") in values  # Bob's words are kept in the history
    colleague.close()


def test_an_undo_refused_names_who_changed_the_field_since(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    eid = select_title(window, "NATO")
    dialog = open_editor(qtbot, window)
    replace_text(qtbot, find(dialog, QPlainTextEdit, "field_summary"), "Alice's summary")
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: open_form(window) is None)
    colleague = Tracker.open(db_path, user="bob")
    current = colleague.get(engagement_id=eid)
    colleague.update(
        engagement_id=eid, expected_version=current.version, changes={"summary": "Bob's summary"}
    )
    at = timestamp(colleague.history(engagement_id=eid)[0].at).split()[1]
    colleague.close()
    said: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        said.append(box.text())
        box.accept()

    answer_modal(QMessageBox, read_and_close)
    window.table.setFocus()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: bool(said))
    assert said == [
        f"Cannot undo edit “{current.data.title}”: bob has since changed Summary (at {at} UTC)"
    ]
    assert window.service.get(engagement_id=eid).data.summary == "Bob's summary"


def test_changes_to_different_fields_merge_without_asking(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    eid = select_title(window, "NATO")
    dialog = open_editor(qtbot, window)
    colleague = Tracker.open(db_path, user="bob")
    current = colleague.get(engagement_id=eid)
    colleague.update(engagement_id=eid, expected_version=current.version, changes={"owner": "Bob"})
    summary = find(dialog, QPlainTextEdit, "field_summary")
    replace_text(qtbot, summary, "Alice's summary")
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: open_form(window) is None)
    stored = window.service.get(engagement_id=eid).data
    assert (stored.summary, stored.owner) == ("Alice's summary", "Bob")
    colleague.close()


def test_a_save_that_gives_up_on_endless_conflicts_keeps_the_entries_in_the_form(
    qtbot: QtBot, window: MainWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    eid = select_title(window, "NATO")
    dialog = open_editor(qtbot, window)
    colleague = Tracker.open(db_path, user="bob")
    real_save = window.service.save
    theirs: list[Engagement] = []

    def racing_save(**kwargs: Any) -> Saved:  # bob always saves just before alice
        current = colleague.get(engagement_id=eid)
        changed = dataclasses.replace(current.data, owner=f"Bob {current.version}")
        saved = colleague.save(engagement_id=eid, expected_version=current.version, data=changed)
        theirs.append(saved.engagement)
        return real_save(**kwargs)

    monkeypatch.setattr(window.service, "save", racing_save)
    summary = find(dialog, QPlainTextEdit, "field_summary")
    replace_text(qtbot, summary, "Alice's summary")
    typed = dialog.data()
    warnings: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        warnings.append(box.text())
        box.accept()

    answer_modal(QMessageBox, read_and_close)
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: bool(warnings))

    assert len(theirs) == MAX_ATTEMPTS
    assert "Your entries are still in the form." in warnings[0]
    assert open_form(window) is dialog  # the form stays open, holding what was typed
    assert dialog.data() == typed
    assert summary.toPlainText() == "Alice's summary"
    assert window.service.get(engagement_id=eid) == theirs[-1]  # bob's, nothing of alice's
    colleague.close()


def test_new_engagement_then_undo_moves_it_to_the_trash(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: open_form(window) is not None)
    dialog = open_form(window)
    assert dialog is not None
    activate(qtbot, dialog)
    qtbot.keyClicks(find(dialog, QLineEdit, "field_title"), "Ministry talks with Mistral AI")
    for field, name in (("vendor", "Mistral AI"), ("counterpart", "French Ministry")):
        names = find(dialog, QComboBox, f"field_{field}").lineEdit()
        assert names is not None
        qtbot.keyClicks(names, name)
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: open_form(window) is None)
    assert window.model.rowCount() == 5
    assert window.filter_bar.count_label.text() == "5 of 5 engagements"
    action(window, "undo").trigger()
    assert window.model.rowCount() == 4
    assert window.service.count(filters=Filters(trash=True)) == 1


def test_delete_goes_to_the_trash_and_comes_back(qtbot: QtBot, window: MainWindow) -> None:
    eid = select_title(window, "Anthropic")
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert window.model.rowCount() == 3
    action(window, "trash").trigger()
    assert window.model.ids() == [eid]
    window.table.selectRow(0)
    action(window, "restore").trigger()
    assert window.model.rowCount() == 0
    action(window, "trash").trigger()
    assert window.model.rowCount() == 4


def test_settings_survive_a_restart(
    qtbot: QtBot, window: MainWindow, db_path: Path, settings: QSettings
) -> None:
    header = window.table.horizontalHeader()
    choose(qtbot, window.filter_bar.status, Status.AGREED.label, Status.ACTIVE.label)
    header.setSectionHidden(5, True)
    header.resizeSection(0, 333)
    header.setSortIndicator(2, Qt.SortOrder.DescendingOrder)
    ids = window.model.ids()
    window.close()

    again = MainWindow(Tracker.open(db_path), settings=settings)
    qtbot.addWidget(again)
    again_header = again.table.horizontalHeader()
    assert again_header.isSectionHidden(5)
    assert again_header.sectionSize(0) == 333
    assert again_header.sortIndicatorSection() == 2
    assert again_header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert set(again.filter_bar.status.selected()) == {Status.AGREED, Status.ACTIVE}
    assert again.model.ids() == ids
    again.close()


def test_export_and_import_run_on_a_worker(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    out = tmp_path / "out.json"
    answer_modal(ExportDialog, lambda d: d.accept())  # every marking
    choose_file(out)
    action(window, "export").trigger()
    qtbot.waitUntil(lambda: status(window).startswith("Exported 4 engagements"), timeout=10000)
    assert status(window) == f"Exported 4 engagements to {out}"
    document = json.loads(out.read_text(encoding="utf-8"))
    assert len(document["engagements"]) == 4
    assert out.stat().st_mode & 0o777 == 0o600

    for n, item in enumerate(document["engagements"]):
        item["id"] = f"copy-{n}"
    copy = tmp_path / "copy.json"
    copy.write_text(json.dumps(document), encoding="utf-8")
    choose_file(copy)
    answer_modal(ImportReviewDialog, lambda d: find(d, QPushButton, "confirmImport").click())
    action(window, "import").trigger()
    qtbot.waitUntil(lambda: status(window).startswith("Imported"), timeout=10000)
    assert status(window) == "Imported 4: 4 created, 0 updated, 0 unchanged"
    assert window.model.rowCount() == 8


def test_a_failed_import_shows_a_message_and_writes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    messages: list[str] = []
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "engagement-tracker/1",
                "engagements": [
                    {
                        "title": "x",
                        "vendor": "v",
                        "counterpart": "c",
                        "status": "agreed",
                        "marking": "SECRET",
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    choose_file(bad)

    def read_and_close(box: QMessageBox) -> None:
        messages.append(box.text())
        box.accept()

    answer_modal(QMessageBox, read_and_close)
    action(window, "import").trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert messages and "marking" in messages[0] and "SECRET" in messages[0]
    assert window.service.count() == 4


def test_model_passes_qtmodeltester(qtmodeltester, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    model = EngagementTableModel(Tracker.open(db_path))
    model.reload()
    qtmodeltester.check(model)
    model.set_query(filters=Filters(search="OpenAI"), sort_column=2, descending=True)
    qtmodeltester.check(model)


def test_empty_database_offers_demo_data(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> None:
    win = MainWindow(Tracker.open(tmp_path / "empty.db"), settings=settings)
    qtbot.addWidget(win)
    win.show()
    banner = win.findChild(QWidget, "emptyBanner")
    assert banner is not None and banner.isVisible()
    action(win, "demo").trigger()
    assert win.model.rowCount() == 4
    assert not banner.isVisible()


def test_gui_entry_point_opens_and_closes(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from ui import app
    from ui import main_window as main_window_module

    # The window opens its own settings: point them at the test's folder, never the user's.
    monkeypatch.setattr(
        main_window_module,
        "open_settings",
        lambda: QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
    )
    shown: list[str] = []

    def close_soon() -> None:
        for widget in QApplication.topLevelWidgets():
            # Shown ones only: a window an earlier test closed may not be deleted yet.
            if isinstance(widget, MainWindow) and widget.isVisible():
                shown.append(widget.windowTitle())
                widget.close()  # closing the last window ends the event loop

    QTimer.singleShot(200, close_soon)
    assert app.main(db=str(db_path)) == 0
    assert shown and shown[0].startswith("tracker.db")
    # the day's first start made an automatic backup beside the database
    backups = sorted((db_path.parent / "backups").glob("tracker-*.db"))
    assert len(backups) == 1
    QTimer.singleShot(200, close_soon)
    assert app.main(db=str(db_path)) == 0
    assert sorted((db_path.parent / "backups").glob("tracker-*.db")) == backups  # once a day


@dataclass(frozen=True)
class Offered:
    """What the briefing dialog offered before it was answered."""

    marking: str
    open_when_written: bool
    author: str


def answer_briefing(
    seen: list[Offered], *, open_when_written: bool = False, author: str | None = None
) -> None:
    """Answer the briefing dialog the next step opens: note what it offers, set the check
    box (and the author), Save."""

    def answer(dialog: BriefingDialog) -> None:
        seen.append(
            Offered(
                dialog.chosen_marking(),
                dialog.open_when_written.isChecked(),
                dialog.author.text(),
            )
        )
        dialog.open_when_written.setChecked(open_when_written)
        if author is not None:
            dialog.author.setText(author)
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        buttons.button(QDialogButtonBox.StandardButton.Save).click()

    answer_modal(BriefingDialog, answer)


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages)


def test_export_briefing_uses_exactly_the_current_filter(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    # The engagements are read only where the briefing is rendered: off the GUI thread.
    on_gui_thread: list[bool] = []
    real = Tracker.selection

    def recording(self: Tracker, **kwargs: object) -> object:
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return real(self, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Tracker, "selection", recording)
    choose(qtbot, window.filter_bar.region, Region.NORTH_AMERICA.label)
    out = tmp_path / "brief.pdf"
    seen: list[Offered] = []
    answer_briefing(seen)
    choose_file(out)
    action(window, "briefing").trigger()
    qtbot.waitUntil(lambda: status(window).startswith("Briefing of"), timeout=20000)
    assert [offered.marking for offered in seen] == ["UNCLASSIFIED"]
    # Read for the preview and again for the file: never on the GUI thread.
    assert on_gui_thread and not any(on_gui_thread)
    text = pdf_text(out)
    assert "agreement with OpenAI" in text and "negotiations with Anthropic" in text
    assert "NATO exploratory talks" not in text
    assert status(window) == f"Briefing of 2 engagements saved to {out}"
    (recorded,) = window.service.briefings()  # the register has it, as from the CLI
    assert (recorded.file_name, recorded.engagement_count) == ("brief.pdf", 2)


def test_export_briefing_of_the_selected_rows(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.table.selectRow(0)
    window.table.selectionModel().select(
        window.model.index(3, 0),
        window.table.selectionModel().SelectionFlag.Select
        | window.table.selectionModel().SelectionFlag.Rows,
    )
    chosen = window.selected_ids()
    assert len(chosen) == 2
    out = tmp_path / "selected.pdf"
    answer_briefing([])
    choose_file(out)
    action(window, "briefing").trigger()
    qtbot.waitUntil(lambda: status(window).startswith("Briefing of"), timeout=20000)
    text = pdf_text(out)
    for eid in chosen:
        assert window.service.get(engagement_id=eid).data.title in text
    assert "Briefing of 2 engagements" in status(window)


class Viewer(QObject):
    """Stands in for the PDF viewer: the files the app asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open_file(self, url: QUrl) -> None:
        self.opened.append(url.toLocalFile())


def test_a_briefing_opens_when_written_if_asked_and_the_answers_are_remembered(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    viewer = Viewer()
    # PySide6 declares the slot name as bytes but accepts only a str
    QDesktopServices.setUrlHandler("file", viewer, "open_file")  # type: ignore[arg-type]
    try:
        first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
        seen: list[Offered] = []
        answer_briefing(seen, open_when_written=False, author="A. Analyst")
        choose_file(first)
        action(window, "briefing").trigger()
        qtbot.waitUntil(lambda: status(window).endswith(str(first)), timeout=20000)
        assert viewer.opened == []

        answer_briefing(seen, open_when_written=True)
        choose_file(second)
        action(window, "briefing").trigger()
        qtbot.waitUntil(lambda: viewer.opened == [str(second)], timeout=20000)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    # opening is offered at first; then the dialog offers the last answers
    assert seen[0] == Offered("NATO UNCLASSIFIED", open_when_written=True, author="")
    assert seen[1] == Offered("NATO UNCLASSIFIED", open_when_written=False, author="A. Analyst")


def test_the_automatic_backup_runs_off_the_gui_thread_and_reports(
    qtbot: QtBot, window: MainWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from ui import backup_job as module

    threads: list[str] = []
    real = module.automatic_backup

    def recording(service: Tracker, *, keep: int) -> Path | None:
        threads.append(threading.current_thread().name)
        return real(service, keep=keep)

    monkeypatch.setattr(module, "automatic_backup", recording)
    window.start_automatic_backup()
    # The outcome arrives as a queued signal: wait for what the user sees.
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage().startswith("Backed up to "), timeout=30_000
    )
    assert threads and threads[0] != threading.main_thread().name
    made = sorted((db_path.parent / "backups").glob("tracker-*.db"))
    assert len(made) == 1
    assert window.statusBar().currentMessage() == f"Backed up to {made[0]}"
    assert window.jobs.wait()

    def failing(_service: Tracker, *, keep: int) -> None:
        raise StorageError("cannot write /backups: No space left on device")

    monkeypatch.setattr(module, "automatic_backup", failing)
    window.start_automatic_backup()
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage().startswith("Automatic backup failed"),
        timeout=30_000,
    )
    assert window.statusBar().currentMessage() == (
        "Automatic backup failed: cannot write /backups: No space left on device"
    )
    assert window.jobs.wait()


def test_the_menus_hold_every_command_with_its_shortcut(window: MainWindow) -> None:
    K = QKeySequence.StandardKey

    def keys(*shortcuts: QKeySequence.StandardKey | str) -> list[str]:
        """Each key once, in order; a standard key is every binding this platform has for
        it (X11's Redo is Ctrl+Shift+Z: the action has it once, not twice)."""
        found: list[str] = []
        for shortcut in shortcuts:
            if isinstance(shortcut, QKeySequence.StandardKey):
                bindings = [k.toString() for k in QKeySequence.keyBindings(shortcut)]
            else:
                bindings = [QKeySequence(shortcut).toString()]
            for key in bindings:
                if key not in found:
                    found.append(key)
        return found

    expected = {
        "&File": [
            ("&New engagement…", keys(K.New)),
            "-",
            ("New &database…", []),
            ("&Open database…", keys(K.Open)),
            ("Open &recent", []),
            "-",
            ("&Import…", keys("Ctrl+I")),
            ("&Export…", keys("Ctrl+E")),
            ("Export &briefing (PDF)…", keys("Ctrl+B")),
            ("Briefing &history…", keys("Ctrl+Shift+B")),
            ("Load de&mo data", []),
            "-",
            ("&Quit", keys(K.Quit)),
        ],
        "&Edit": [
            ("&Undo", keys(K.Undo)),
            ("&Redo", keys("Ctrl+Shift+Z", K.Redo)),
            "-",
            ("&Edit engagement…", keys("F2")),
            ("Edit &selected…", keys("Ctrl+Shift+E")),
            ("&Delete", keys(K.Delete)),
            ("Rest&ore from trash", keys("Ctrl+Shift+R")),
            ("&History…", keys("Ctrl+Shift+H")),
            ("Restriction &catalogue…", []),
            ("Or&ganisations…", keys("Ctrl+Shift+O")),
            "-",
            ("&Find", keys(K.Find)),
            ("C&lear filters", keys("Ctrl+Shift+L")),
            ("Show lin&ked", keys("Ctrl+Shift+K")),
            "-",
            ("&Preferences…", keys(K.Preferences)),
        ],
        "&View": [
            ("T&able", ["Alt+1"]),
            ("&Overview", ["Alt+2"]),
            ("Restriction com&parison", ["Alt+3"]),
            ("Time&line", ["Alt+4"]),
            "-",
            ("&Saved views", []),
            ("&Reload", keys(K.Refresh)),
            ("Show &trash", keys("Ctrl+T")),
            ("C&hanges", keys("Ctrl+Shift+C")),
            ("&Columns", []),
        ],
        "&Help": [("&About Engagement Tracker", [])],
    }
    shown = {
        top.text(): [
            "-" if a.isSeparator() else (a.text(), [k.toString() for k in a.shortcuts()])
            for a in menu(window, top.text()).actions()
        ]
        for top in window.menuBar().actions()
    }
    assert shown == expected
    recent = menu(window, "&File", "Open &recent")
    assert [a.text() for a in recent.actions()] == ["&1 tracker.db"]
