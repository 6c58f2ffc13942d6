"""File → Briefing history…, driven as a user drives it: a briefing written through the
window's File → Export briefing appears in the register, newest first, with its
selection in words, SHA-256 and seal; "Changes since this briefing" asks for the
changes since it (a signal with its number); "Verify a file…" says which briefing a
PDF is. Runs on SQLite, or the server under test."""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import action, activate, answer_modal, find, menu
from tests.ui.test_main_window import answer_briefing, choose_file, status
from tracker.domain.register import describe_selection, sort_label
from tracker.services import Tracker
from ui.briefing_history import EMPTY, BriefingHistoryDialog, local_time
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, tmp_db_url: str, settings: QSettings) -> Iterator[MainWindow]:
    """The main window as "alice" on demo engagements (on SQLite or the server)."""
    service = Tracker.open(tmp_db_url, user="alice")
    service.load_demo()
    win = MainWindow(service, settings=settings)
    win.show()
    activate(qtbot, win)
    yield win
    win.close()
    win.service.close()
    win.deleteLater()


def write_briefing(qtbot: QtBot, window: MainWindow, out: Path) -> None:
    """File → Export briefing, answered as a user answers it; back once it is recorded."""
    before = len(window.service.briefings())
    answer_briefing([])
    choose_file(out)
    action(window, "briefing").trigger()
    qtbot.waitUntil(lambda: status(window).endswith(f"saved to {out}"), timeout=20_000)
    assert window.jobs.wait()
    assert len(window.service.briefings()) == before + 1


def open_history(window: MainWindow, then: Callable[[BriefingHistoryDialog], None]) -> None:
    """File → Briefing history…, through the menu; ``then`` runs in the open dialog."""
    entry = next(a for a in menu(window, "&File").actions() if a.text() == "Briefing &history…")

    def answer(dialog: BriefingHistoryDialog) -> None:
        try:
            then(dialog)
        finally:  # a failed check fails the test, never leaves it waiting on the dialog
            if dialog.isVisible():
                dialog.reject()

    answer_modal(BriefingHistoryDialog, answer)
    entry.trigger()


def select_two(window: MainWindow) -> None:
    """Select the first and third rows: a briefing is then of those two."""
    window.table.selectRow(0)
    rows = window.table.selectionModel()
    rows.select(window.model.index(2, 0), rows.SelectionFlag.Select | rows.SelectionFlag.Rows)


def cells(table: QTableWidget, row: int) -> list[str]:
    return [table.item(row, c).text() for c in range(table.columnCount())]


def test_a_briefing_written_in_the_window_is_in_its_history(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    first, second = tmp_path / "all.pdf", tmp_path / "<b>selected.pdf"
    write_briefing(qtbot, window, first)
    select_two(window)
    chosen = window.selected_ids()
    assert len(chosen) == 2
    write_briefing(qtbot, window, second)
    latest, earlier = window.service.briefings()
    seen: list[object] = []

    def look(dialog: BriefingHistoryDialog) -> None:
        table = find(dialog, QTableWidget, "briefingTable")
        headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        assert headers == ["When", "Who", "Title", "Marking", "Engagements", "File"]
        assert table.rowCount() == 2
        assert cells(table, 0) == [
            local_time(latest.at), "alice", "AI engagements briefing", latest.marking,
            "2", "<b>selected.pdf",
        ]  # fmt: skip
        assert cells(table, 1)[4:] == ["4", "all.pdf"]
        assert not find(dialog, QLabel, "emptyRegister").isVisible()
        # The latest is chosen at first: its details, shown as typed.
        for name in ("selectionInWords", "sha256", "auditSeal", "verifyResult"):
            assert find(dialog, QLabel, name).textFormat() == Qt.TextFormat.PlainText
        assert find(dialog, QLabel, "selectionInWords").text() == (
            f"2 chosen engagements: {chosen[0]}, {chosen[1]} · sorted by "
            f"{sort_label(window.sort_key()).lower()}"
        )
        assert (
            find(dialog, QLabel, "sha256").text() == hashlib.sha256(second.read_bytes()).hexdigest()
        )
        # The earlier one, chosen by a click: its own details.
        rect = table.visualItemRect(table.item(1, 2))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert find(dialog, QLabel, "selectionInWords").text() == describe_selection(
            earlier.selection
        )
        assert find(dialog, QLabel, "sha256").text() == earlier.sha256
        assert find(dialog, QLabel, "auditSeal").text() == earlier.audit_seal
        seen.append(dialog)
        dialog.grab().save(str(tmp_path / "history.png"))
        find(dialog, QDialogButtonBox, "").button(QDialogButtonBox.StandardButton.Close).click()

    open_history(window, look)
    assert seen
    assert (tmp_path / "history.png").stat().st_size > 0


def test_changes_since_a_briefing_is_asked_with_its_number(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    write_briefing(qtbot, window, tmp_path / "a.pdf")
    write_briefing(qtbot, window, tmp_path / "b.pdf")
    earlier = window.service.briefings()[1]
    asked: list[int] = []

    def ask(dialog: BriefingHistoryDialog) -> None:
        button = find(dialog, QPushButton, "changesSince")
        dialog.table.clearSelection()
        assert not button.isEnabled()  # nothing chosen: nothing to ask about
        dialog.table.selectRow(1)
        assert button.isEnabled()
        with qtbot.waitSignal(dialog.changesSinceRequested, timeout=2000) as signal:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        asked.extend(signal.args or [])
        assert not dialog.isVisible()  # the window shows the changes

    open_history(window, ask)
    qtbot.waitUntil(lambda: bool(asked))
    assert asked == [earlier.id]
    dock = window.changes_dock  # the window shows the changes since that briefing
    qtbot.waitUntil(dock.isVisible)
    assert f"since briefing {earlier.id}" in dock.summary.text(), dock.summary.text()


def test_verify_a_file_says_which_briefing_it_is(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    out = tmp_path / "brief.pdf"
    write_briefing(qtbot, window, out)
    select_two(window)  # another content (the same one written twice is one file)
    write_briefing(qtbot, window, tmp_path / "later.pdf")
    first = window.service.briefings()[1]
    copy = tmp_path / "on the desk.pdf"
    copy.write_bytes(out.read_bytes())
    other = tmp_path / "altered.pdf"
    other.write_bytes(out.read_bytes() + b"\n")
    said: list[str] = []

    def verify(dialog: BriefingHistoryDialog) -> None:
        verdict = find(dialog, QLabel, "verifyResult")
        for path in (copy, other):
            choose_file(path)
            qtbot.mouseClick(find(dialog, QPushButton, "verifyFile"), Qt.MouseButton.LeftButton)
            said.append(verdict.text())
            if path == copy:  # the briefing it is is chosen
                assert dialog.chosen() == first
        dialog.reject()

    open_history(window, verify)
    qtbot.waitUntil(lambda: len(said) == 2)
    when = local_time(first.at)
    utc = f"{first.at[:16].replace('T', ' ')} UTC"
    assert said[0] == (
        f"on the desk.pdf is briefing {first.id}, written {when} ({utc}) by alice: "
        "AI engagements briefing"
    )
    assert (
        said[1] == "altered.pdf matches no recorded briefing: no briefing written had this content."
    )


def test_an_empty_register_says_so_and_the_size_is_remembered(
    qtbot: QtBot, window: MainWindow, settings: QSettings
) -> None:
    sizes: list[tuple[int, int]] = []

    def look(dialog: BriefingHistoryDialog) -> None:
        assert find(dialog, QLabel, "emptyRegister").isVisible()
        assert find(dialog, QLabel, "emptyRegister").text() == EMPTY
        assert not dialog.table.isVisible()
        assert not find(dialog, QPushButton, "changesSince").isEnabled()
        if not sizes:
            dialog.resize(700, 400)
        sizes.append((dialog.width(), dialog.height()))
        dialog.reject()

    open_history(window, look)
    qtbot.waitUntil(lambda: len(sizes) == 1)
    open_history(window, look)
    qtbot.waitUntil(lambda: len(sizes) == 2)
    assert sizes == [(700, 400), (700, 400)]


def test_local_time_is_the_utc_stamp_in_this_zone() -> None:
    at = "2026-02-27T10:15:30.000000Z"
    expected = datetime.datetime(2026, 2, 27, 10, 15, 30, tzinfo=datetime.UTC).astimezone()
    assert local_time(at) == expected.strftime("%Y-%m-%d %H:%M")
    assert local_time("not a time") == "not a time"
