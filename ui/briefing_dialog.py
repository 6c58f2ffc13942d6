"""File → Export briefing…: title, author, marking and page size of a PDF briefing, and
whether to open it once it is written."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tracker.services.briefings import DEFAULT_TITLE, PAGE_SIZES
from ui.plain_text import plain_label
from ui.settings import BriefingDefaults


class BriefingDialog(QDialog):
    """Asks for what the cover and banner of a briefing need."""

    def __init__(
        self,
        *,
        scope: str,
        markings: Sequence[str],
        needed: str,
        remembered: BriefingDefaults,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export briefing")
        self.setMinimumWidth(460)
        self.title = QLineEdit(DEFAULT_TITLE, self)
        self.author = QLineEdit(remembered.author, self)
        self.organisation = QLineEdit(remembered.organisation, self)
        self.marking = QComboBox(self)
        allowed = list(markings)
        start = allowed.index(needed) if needed in allowed else 0
        for marking in allowed[start:]:
            suffix = "  (highest among the engagements)" if marking == needed else ""
            self.marking.addItem(marking + suffix, marking)
        self.page_size = QComboBox(self)
        self.page_size.addItems(list(PAGE_SIZES))
        page_size = remembered.page_size
        self.page_size.setCurrentText(page_size if page_size in PAGE_SIZES else "A4")
        self.open_when_written = QCheckBox("Open the briefing when it is &written", self)
        self.open_when_written.setChecked(remembered.open_when_written)

        form = QFormLayout()
        form.addRow("&Title", self.title)
        form.addRow("&Author", self.author)
        form.addRow("&Organisation", self.organisation)
        form.addRow("&Marking", self.marking)
        form.addRow("&Page size", self.page_size)
        form.addRow("", self.open_when_written)
        note = plain_label(scope, self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen_marking(self) -> str:
        """The banner marking picked (never lower than the engagements need)."""
        return str(self.marking.currentData())

    def answers(self) -> BriefingDefaults:
        """The answers worth offering first next time."""
        return BriefingDefaults(
            author=self.author.text(),
            organisation=self.organisation.text(),
            page_size=self.page_size.currentText(),
            open_when_written=self.open_when_written.isChecked(),
        )
