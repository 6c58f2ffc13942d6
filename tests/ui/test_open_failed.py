"""A database that cannot be opened: the dialog, restoring the latest backup, retrying.

The app's start (``ui.app.open_or_recover``) is driven as a user would: the modal
dialog appears, a timer clicks its buttons, and the test checks what was (and was
not) written to the disk.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from db.schema import SCHEMA_VERSION
from tests.tracker.cli.test_bad_files import LOCKER
from tests.ui.conftest import demo_file
from tracker.domain.errors import DamagedDatabaseError, TrackerError
from tracker.domain.model import Filters
from tracker.services import Tracker
from ui.app import open_or_recover
from ui.main_window import MainWindow
from ui.open_failed_dialog import OpenFailedDialog


@pytest.fixture
def damaged_with_backup(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A damaged database with a sound backup (made by the app) beside it."""
    db = demo_file(tmp_path / "tracker.db")
    service = Tracker.open(db, user="setup")
    backup = service.backup()
    service.close()
    db.write_bytes(db.read_bytes()[:5000])  # truncated
    yield db, backup


def when_dialog(qtbot: QtBot, act: Callable[[OpenFailedDialog], None]) -> list[OpenFailedDialog]:
    """Run ``act`` on the open-failed dialog as soon as it is shown (it is modal)."""
    seen: list[OpenFailedDialog] = []

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, OpenFailedDialog) and widget.isVisible():
            seen.append(widget)
            act(widget)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def test_restoring_the_latest_backup_opens_the_database(
    qtbot: QtBot, damaged_with_backup: tuple[Path, Path]
) -> None:
    db, backup = damaged_with_backup
    damaged = db.read_bytes()
    problems: list[str] = []

    def restore_or_give_up(dialog: OpenFailedDialog) -> None:
        if dialog.restore_button is not None:
            dialog.restore_button.click()
        if dialog.isVisible():  # the restore failed: note why, and leave
            problems.append(dialog.problem.text())
            dialog.reject()

    seen = when_dialog(qtbot, restore_or_give_up)

    opened = open_or_recover(str(db), user="alice")

    assert problems == []
    assert opened is not None and len(seen) == 1
    dialog = seen[0]
    assert "damaged" in dialog.message.text() and str(db) in dialog.message.text()
    assert backup.name in dialog.advice.text()
    service, restored = opened
    try:
        assert service.count(filters=Filters()) == 4
    finally:
        service.close()
    assert restored is not None and backup.name in restored
    kept = dialog.kept_as
    assert kept is not None and kept.exists() and kept.read_bytes() == damaged
    assert str(kept) in restored


def test_quitting_writes_nothing(qtbot: QtBot, damaged_with_backup: tuple[Path, Path]) -> None:
    db, _backup = damaged_with_backup
    before = {p.name: p.read_bytes() for p in db.parent.iterdir() if p.is_file()}
    seen = when_dialog(qtbot, lambda d: d.quit_button.click())
    assert open_or_recover(str(db), user="alice") is None
    assert len(seen) == 1
    assert {p.name: p.read_bytes() for p in db.parent.iterdir() if p.is_file()} == before


def test_a_bad_backup_is_refused_inline_and_the_dialog_stays(
    qtbot: QtBot, damaged_with_backup: tuple[Path, Path]
) -> None:
    db, backup = damaged_with_backup
    backup.write_bytes(backup.read_bytes()[:3000])  # the backup is damaged too
    damaged = db.read_bytes()
    dialog = OpenFailedDialog(DamagedDatabaseError(f"{db} is damaged"), database=str(db))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.restore_button is not None
    dialog.restore_button.click()
    assert dialog.isVisible(), "the dialog stays open"
    assert dialog.problem.isVisible()
    assert dialog.problem.text().startswith("Not restored:")
    assert "nothing was changed" in dialog.problem.text()
    assert db.read_bytes() == damaged
    assert not list(db.parent.glob("*.replaced-*"))
    dialog.reject()


def test_without_a_backup_there_is_no_restore_button(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "tracker.db"
    db.write_bytes(b"this is a letter, not a database\n" * 10)
    seen = when_dialog(qtbot, lambda d: d.quit_button.click())
    assert open_or_recover(str(db), user="alice") is None
    dialog = seen[0]
    assert dialog.restore_button is None
    assert "No backup of this database was found." in dialog.advice.text()
    buttons = [b.text() for b in dialog.findChildren(QPushButton)]
    assert "Re&try" in buttons and "&Quit" in buttons


def test_a_newer_database_explains_and_can_be_left(qtbot: QtBot, tmp_path: Path) -> None:
    db = demo_file(tmp_path / "tracker.db")
    with sqlite3.connect(db) as conn:
        conn.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),)
        )
    conn.close()
    seen = when_dialog(qtbot, lambda d: d.quit_button.click())
    assert open_or_recover(str(db), user="alice") is None
    assert "newer" in seen[0].message.text()
    assert "Install the newer version" in seen[0].advice.text()


def test_a_locked_database_opens_after_retry(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = demo_file(tmp_path / "tracker.db")
    # A database that still needs its migration must write at open: lock it first.
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
        conn.execute("DROP TABLE audit_seal")
    conn.close()
    monkeypatch.setenv("TRACKER_BUSY_TIMEOUT_MS", "200")
    locker = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert locker.stdout is not None and locker.stdout.readline().strip() == "locked"
    messages: list[str] = []

    def first(dialog: OpenFailedDialog) -> None:
        messages.append(dialog.message.text() + " | " + dialog.advice.text())
        locker.communicate("", timeout=30)  # the other program finishes
        dialog.retry_button.click()

    seen = when_dialog(qtbot, first)
    opened = open_or_recover(str(db), user="alice")
    assert len(seen) == 1
    assert "locked" in messages[0] and "retry" in messages[0]
    assert opened is not None
    service, restored = opened
    assert restored is None
    assert service.info().schema_version == SCHEMA_VERSION
    service.close()


def test_open_errors_are_tracker_errors(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    db.write_bytes(b"\x00" * 10)
    with pytest.raises(TrackerError):
        Tracker.open(db)


def test_a_synced_folder_shows_a_standing_warning(qtbot: QtBot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    synced = demo_file(tmp_path / "OneDrive - Ministry" / "tracker.db")
    window = MainWindow(Tracker.open(synced, user="alice"), settings=settings)
    qtbot.addWidget(window)
    window.show()
    banner = window.findChild(QLabel, "locationBanner")
    assert banner is not None and banner.isVisible()
    assert '"OneDrive - Ministry"' in banner.text()
    assert "local disk" in banner.text()
    window.close()

    local = shutil.copy(synced, tmp_path / "tracker.db")
    window = MainWindow(Tracker.open(local, user="alice"), settings=settings)
    qtbot.addWidget(window)
    window.show()
    banner = window.findChild(QLabel, "locationBanner")
    assert banner is not None and not banner.isVisible()
    window.close()
