"""The day's first start: a rotating automatic backup of the database, made on a worker
thread (at 100,000 engagements it takes seconds), reported in the window's status bar;
closing the window waits for it to end (``ui.jobs``). How many are kept is the user's
preference (Edit → Preferences…)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QStatusBar

from tracker.services import Tracker
from tracker.services.backups import automatic_backup
from ui.i18n import translate
from ui.jobs import JobRunner
from ui.settings import preferences


class BackupWindow(Protocol):
    """What the backup needs of the main window."""

    service: Tracker
    settings: QSettings
    jobs: JobRunner

    def statusBar(self) -> QStatusBar: ...


def start_automatic_backup(window: BackupWindow) -> None:
    """Make the day's automatic backup in the background; say where it went, or why not."""
    service, keep = window.service, preferences(window.settings).backups_kept

    def made(path: object) -> None:
        if path is not None:
            window.statusBar().showMessage(
                translate("main_window", "Backed up to {file}").format(file=path), 8000
            )

    window.jobs.run_in_background(
        lambda _progress: automatic_backup(service, keep=keep),
        done=made,
        failed=lambda message: window.statusBar().showMessage(
            translate("main_window", "Automatic backup failed: {message}").format(message=message),
            15000,
        ),
    )
