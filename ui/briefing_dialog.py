"""File → Export briefing…: title, author, marking and page size of a PDF briefing."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tracker.services.briefings import DEFAULT_TITLE, PAGE_SIZES


class BriefingDialog(QDialog):
    """Asks for what the cover and banner of a briefing need."""

    def __init__(
        self,
        *,
        scope: str,
        markings: Sequence[str],
        needed: str,
        author: str = "",
        organisation: str = "",
        page_size: str = "A4",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export briefing")
        self.setMinimumWidth(460)
        self.title = QLineEdit(DEFAULT_TITLE, self)
        self.author = QLineEdit(author, self)
        self.organisation = QLineEdit(organisation, self)
        self.marking = QComboBox(self)
        allowed = list(markings)
        start = allowed.index(needed) if needed in allowed else 0
        for marking in allowed[start:]:
            suffix = "  (highest among the engagements)" if marking == needed else ""
            self.marking.addItem(marking + suffix, marking)
        self.page_size = QComboBox(self)
        self.page_size.addItems(list(PAGE_SIZES))
        self.page_size.setCurrentText(page_size if page_size in PAGE_SIZES else "A4")

        form = QFormLayout()
        form.addRow("&Title", self.title)
        form.addRow("&Author", self.author)
        form.addRow("&Organisation", self.organisation)
        form.addRow("&Marking", self.marking)
        form.addRow("&Page size", self.page_size)
        note = QLabel(scope, self)
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
