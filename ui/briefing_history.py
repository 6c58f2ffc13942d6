"""File → Briefing history…: the briefing register, the latest briefing first.

The table shows when each briefing was written (local time), by whom, its title,
marking, number of engagements and file; below it, the chosen briefing's selection in
words, the SHA-256 of its file and the audit seal it printed. "Changes since this
briefing" asks for the changes made after it (``changesSinceRequested``, the
briefing's number: the window shows them); "Verify a file…" tells which recorded
briefing a PDF is, by its content, with the service call ``tracker briefings
--verify`` makes.

The register is read once, when the dialog opens: it is small, and it changes only
when a briefing is written, which this dialog does not do. Every text a person typed
(titles, names, file names) is shown plain, never read as markup.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.errors import TrackerError
from tracker.domain.presenter import timestamp
from tracker.domain.register import BriefingRecord, describe_selection
from tracker.services import Tracker
from ui.i18n import QT_TRANSLATE_NOOP, domain_text, translate, ui_language
from ui.plain_text import plain_label, tooltip
from ui.settings import remember_dialog_size, restore_dialog_size

EMPTY = QT_TRANSLATE_NOOP("briefing_history", "No briefing has been recorded yet.")
HEADERS = ("When", "Who", "Title", "Marking", "Engagements", "File")
SETTINGS_NAME = "briefingHistory"  # where its size is remembered
DEFAULT_SIZE = (920, 560)
COLUMN_GAP = 16  # pixels beside each column's widest text
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def local_time(at: str) -> str:
    """An ISO 8601 UTC timestamp in this computer's time zone, to the minute; text that
    is not a timestamp is shown as it is."""
    try:
        stamp = datetime.datetime.fromisoformat(at.strip())
    except ValueError:
        return at
    if stamp.tzinfo is None:  # the register writes UTC
        stamp = stamp.replace(tzinfo=datetime.UTC)
    return stamp.astimezone().strftime("%Y-%m-%d %H:%M")


class BriefingHistoryDialog(QDialog):
    """The briefing register, with the chosen briefing's details and what to do with it."""

    changesSinceRequested = Signal(int)  # the briefing's number

    def __init__(
        self, service: Tracker, *, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("briefing_history", "Briefing history"))
        self._service = service
        self._settings = settings
        self._records = service.briefings()
        self.table = self._build_table()
        self.empty = plain_label(translate("briefing_history", EMPTY), self)
        self.empty.setObjectName("emptyRegister")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.selection = self._value("selectionInWords")
        self.selection.setWordWrap(True)
        self.sha256 = self._value("sha256", fixed=True)
        self.seal = self._value("auditSeal", fixed=True)
        self.written = self._value("writtenAt")
        self.verdict = plain_label("", self)
        self.verdict.setObjectName("verifyResult")
        self.verdict.setWordWrap(True)
        self.changes = QPushButton(
            translate("briefing_history", "&Changes since this briefing"), self
        )
        self.changes.setObjectName("changesSince")
        self.verify = QPushButton(translate("briefing_history", "&Verify a file…"), self)
        self.verify.setObjectName("verifyFile")
        self._build_layout()
        self.changes.clicked.connect(self._ask_changes)
        self.verify.clicked.connect(self.verify_file)
        self.table.itemSelectionChanged.connect(self._show_chosen)
        self._fill()
        restore_dialog_size(settings, self, SETTINGS_NAME, DEFAULT_SIZE)

    # -- construction -------------------------------------------------------------------

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, len(HEADERS), self)
        table.setObjectName("briefingTable")
        table.setHorizontalHeaderLabels([_header(h) for h in HEADERS])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(HEADERS.index("Title"), QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return table

    def _value(self, name: str, *, fixed: bool = False) -> QLabel:
        """A detail's value: plain, selectable (a hash is copied to compare it)."""
        label = plain_label("", self)
        label.setObjectName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if fixed:
            label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        return label

    def _build_layout(self) -> None:
        details = QGroupBox(translate("briefing_history", "Chosen briefing"), self)
        form = QFormLayout(details)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(translate("briefing_history", "Written"), self.written)
        form.addRow(translate("briefing_history", "Selection"), self.selection)
        form.addRow(translate("briefing_history", "SHA-256"), self.sha256)
        form.addRow(translate("briefing_history", "Audit seal"), self.seal)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.changes, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.verify, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(details)
        layout.addWidget(self.verdict)
        layout.addWidget(buttons)
        self.details = details

    def _fill(self) -> None:
        self.table.setRowCount(len(self._records))
        for row, record in enumerate(self._records):
            for column, text in enumerate(_cells(record)):
                item = QTableWidgetItem(text)
                if HEADERS[column] == "Engagements":
                    item.setTextAlignment(RIGHT)
                if HEADERS[column] == "Title":
                    item.setToolTip(tooltip(record.title))
                self.table.setItem(row, column, item)
        has_any = bool(self._records)
        self.table.setVisible(has_any)
        self.empty.setVisible(not has_any)
        self.details.setVisible(has_any)
        self.verify.setEnabled(has_any)
        if has_any:
            self.table.resizeColumnsToContents()
            for column in range(len(HEADERS)):  # room to breathe between the columns
                self.table.setColumnWidth(column, self.table.columnWidth(column) + COLUMN_GAP)
            self.table.selectRow(0)
        self._show_chosen()

    # -- what the user does -------------------------------------------------------------

    def chosen(self) -> BriefingRecord | None:
        """The briefing selected in the table, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self._records[rows[0].row()] if rows else None

    def _show_chosen(self) -> None:
        record = self.chosen()
        self.changes.setEnabled(record is not None)
        self.written.setText(_written(record) if record else "")
        self.selection.setText(
            describe_selection(record.selection, ui_language()) if record else ""
        )
        self.sha256.setText(record.sha256 if record else "")
        self.seal.setText(
            (record.audit_seal or translate("briefing_history", "none (an empty audit trail)"))
            if record
            else ""
        )

    def _ask_changes(self) -> None:
        record = self.chosen()
        if record is not None:
            self.changesSinceRequested.emit(record.id)
            self.accept()

    def verify_file(self) -> None:
        """Ask for a PDF file and say which recorded briefing it is, choosing it."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("briefing_history", "Verify a briefing file"),
            str(Path.home()),
            translate("briefing_history", "PDF (*.pdf);;All files (*)"),
        )
        if path:
            self.verdict.setText(self._verdict(path))

    def _verdict(self, path: str) -> str:
        name = Path(path).name
        try:
            found = self._service.briefing_for_file(path=path)
        except TrackerError as exc:
            return translate("briefing_history", "Could not verify {file}: {reason}").format(
                file=name, reason=exc
            )
        if found is None:
            return translate(
                "briefing_history",
                "{file} matches no recorded briefing: no briefing written had this content.",
            ).format(file=name)
        for row, record in enumerate(self._records):
            if record.id == found.id:
                self.table.selectRow(row)
        return translate(
            "briefing_history", "{file} is briefing {number}, written {written}: {title}"
        ).format(file=name, number=found.id, written=_written(found), title=found.title)

    # -- size ---------------------------------------------------------------------------

    def done(self, result: int) -> None:
        """Close, remembering the size for next time."""
        remember_dialog_size(self._settings, self, SETTINGS_NAME)
        super().done(result)


def _cells(record: BriefingRecord) -> tuple[str, ...]:
    return (
        local_time(record.at),
        record.who,
        record.title,
        record.marking,
        str(record.engagement_count),
        record.file_name,
    )


def _written(record: BriefingRecord) -> str:
    return translate("briefing_history", "{local} ({utc}) by {who}").format(
        local=local_time(record.at), utc=timestamp(record.at), who=record.who
    )


def _header(name: str) -> str:
    """A column's header in the window's language ("File" is the window's own word)."""
    return translate("briefing_history", "File") if name == "File" else domain_text(name)
