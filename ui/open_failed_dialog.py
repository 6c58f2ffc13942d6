"""What the app shows when the database cannot be opened, and the way out.

The dialog names the file and the reason in one line (damaged, not a database,
newer schema, locked by another program, read-only), says what the user can do
about it, and offers to restore the newest backup from the ``backups`` folder beside
the database. Restoring checks the backup first and keeps the replaced file under a
``.replaced-`` name; nothing is written until the user asks for it. A failed
restore is reported inside the dialog, which stays open.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.errors import (
    DamagedDatabaseError,
    LockedDatabaseError,
    ReadOnlyDatabaseError,
    SchemaError,
    TrackerError,
)
from tracker.services.backups import database_file, latest_backup, restore
from ui.i18n import QT_TRANSLATE_NOOP, locale, translate
from ui.partial_date_edit import error_colour
from ui.plain_text import plain_label

ADVICE: tuple[tuple[type[TrackerError], str], ...] = (
    (
        DamagedDatabaseError,
        QT_TRANSLATE_NOOP(
            "open_failed_dialog",
            "The file is damaged or is not an Engagement Tracker database. Restore the "
            "latest backup to go on; the damaged file is kept beside it.",
        ),
    ),
    (
        LockedDatabaseError,
        QT_TRANSLATE_NOOP(
            "open_failed_dialog",
            "Another program is writing to the database. Wait for it to finish, then retry.",
        ),
    ),
    (
        ReadOnlyDatabaseError,
        QT_TRANSLATE_NOOP(
            "open_failed_dialog",
            "The database cannot be written where it is. Copy it to a writable folder and "
            "open the copy, or restore the latest backup into a writable place.",
        ),
    ),
    (
        SchemaError,
        QT_TRANSLATE_NOOP(
            "open_failed_dialog",
            "The database was written by a newer Engagement Tracker. Install the newer "
            "version to open it, or restore an older backup (later changes are then lost).",
        ),
    ),
)


def advice_for(error: TrackerError) -> str:
    """What the user can do about ``error``."""
    for kind, text in ADVICE:
        if isinstance(error, kind):
            return translate("open_failed_dialog", text)
    return translate("open_failed_dialog", "Retry, or restore the latest backup.")


def describe_backup(path: Path) -> str:
    """``name (27 Nov 2026 07:00)`` for a backup file."""
    stamp = QDateTime.fromSecsSinceEpoch(int(path.stat().st_mtime))
    when = locale().toString(stamp, "dd MMM yyyy HH:mm")  # "27 Nov 2026", "27 nov. 2026"
    return f"{path.name} ({when})"


class OpenFailedDialog(QDialog):
    """Cannot open the database: the reason, advice, Restore latest backup / Retry / Quit.

    ``exec()`` returns Accepted when the caller should try opening again (after Retry
    or a successful restore) and Rejected on Quit. ``restored_from`` and ``kept_as``
    say what a restore did.
    """

    def __init__(
        self,
        error: TrackerError,
        *,
        database: str | os.PathLike[str] | None,
        parent: QWidget | None = None,
        restore_backup: Callable[..., Path] = restore,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("open_failed_dialog", "Cannot open the database"))
        self.setObjectName("openFailedDialog")
        self.error = error
        self.database = database
        self.backup = latest_backup(database)
        self.restored_from: Path | None = None
        self.kept_as: Path | None = None
        self._restore_backup = restore_backup

        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size)
        )
        self.message = QLabel(str(error), self)
        self.message.setObjectName("openFailedMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.advice = plain_label(advice_for(error), self)  # it names the backup file
        self.advice.setWordWrap(True)
        self.problem = QLabel(self)  # a failed restore, inline
        self.problem.setObjectName("restoreProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet(f"color: {error_colour(self)};")  # dark themes too
        self.problem.setVisible(False)

        buttons = QDialogButtonBox(self)
        self.restore_button: QPushButton | None = None
        if self.backup is not None:
            self.restore_button = buttons.addButton(
                translate("open_failed_dialog", "&Restore latest backup"),
                QDialogButtonBox.ButtonRole.ActionRole,
            )
            self.advice.setText(
                translate("open_failed_dialog", "{advice}\nLatest backup: {backup}.").format(
                    advice=self.advice.text(), backup=describe_backup(self.backup)
                )
            )
            self.restore_button.clicked.connect(self.restore_latest)
        else:
            self.advice.setText(
                self.advice.text()
                + translate("open_failed_dialog", " No backup of this database was found.")
            )
        self.retry_button = buttons.addButton(
            translate("open_failed_dialog", "Re&try"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.quit_button = buttons.addButton(
            translate("open_failed_dialog", "&Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.retry_button.clicked.connect(self.accept)
        self.quit_button.clicked.connect(self.reject)
        (self.restore_button or self.retry_button).setDefault(True)

        text = QVBoxLayout()
        text.addWidget(self.message)
        text.addWidget(self.advice)
        text.addWidget(self.problem)
        text.addStretch(1)
        top = QVBoxLayout(self)
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        line.addLayout(text, 1)
        top.addWidget(row)
        top.addWidget(buttons)
        self.setMinimumWidth(560)

    def restore_latest(self) -> None:
        """Put the latest backup in place of the database; accept on success."""
        if self.backup is None:
            return
        try:
            kept = self._restore_backup(database=self.database_path(), source=self.backup)
        except TrackerError as exc:
            self.problem.setText(
                translate("open_failed_dialog", "Not restored: {reason}").format(reason=exc)
            )
            self.problem.setVisible(True)
            return
        self.restored_from = self.backup
        self.kept_as = None if Path(kept) == Path(self.database_path()) else kept
        self.accept()

    def database_path(self) -> str | os.PathLike[str]:
        """The database file to restore into (the default one when none was named)."""
        return database_file(self.database)
