"""File → Export briefing…: title, author, marking and page size of a PDF briefing, its
optional sections ("Follow-ups due", within a chosen period; "Changes since …" the last
briefing, 7 or 30 days), and whether to open it
once it is written."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.briefing_sections import sections_text
from tracker.domain.change_words import CHANGES_SINCE, PERIOD_CHOICES, SINCE_DATE
from tracker.domain.due import DEFAULT_WINDOW, FOLLOW_UPS_DUE, Period, PeriodError, parse_period
from tracker.services.briefings import DEFAULT_TITLE, PAGE_SIZES
from ui.briefing_sections import BriefingSectionsWidget
from ui.plain_text import plain_label
from ui.settings import BriefingDefaults

# The periods offered for "Follow-ups due … within".
DUE_WINDOWS = ("1w", "2w", "30d", "3m")


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
        self.follow_ups = QCheckBox(f"&{FOLLOW_UPS_DUE}: overdue, then due within", self)
        self.follow_ups.setObjectName("followUpsDue")
        self.follow_ups_within = QComboBox(self)
        self.follow_ups_within.setObjectName("followUpsWithin")
        self.follow_ups_within.setAccessibleName(f"{FOLLOW_UPS_DUE} within")
        for text in DUE_WINDOWS:
            self.follow_ups_within.addItem(parse_period(text).label(), text)
        self._remember_follow_ups(remembered.follow_ups)
        self.follow_ups.toggled.connect(self.follow_ups_within.setEnabled)
        follow_ups = QHBoxLayout()
        follow_ups.addWidget(self.follow_ups)
        follow_ups.addWidget(self.follow_ups_within)
        follow_ups.addStretch(1)
        self.changes = QCheckBox(f"{CHANGES_SINCE.replace('C', '&C', 1)}:", self)
        self.changes.setObjectName("changesSince")
        self.changes_period = QComboBox(self)
        self.changes_period.setObjectName("changesSincePeriod")
        self.changes_period.setAccessibleName(f"{CHANGES_SINCE} period")
        for key, text in PERIOD_CHOICES:
            if key != SINCE_DATE:  # the dialog offers the periods that need no date
                self.changes_period.addItem(text.removeprefix("Since ").capitalize(), key)
        self.changes.toggled.connect(self.changes_period.setEnabled)
        self.changes_period.setEnabled(False)
        changes = QHBoxLayout()
        changes.addWidget(self.changes)
        changes.addWidget(self.changes_period)
        changes.addStretch(1)

        form = QFormLayout()
        form.addRow("&Title", self.title)
        form.addRow("&Author", self.author)
        form.addRow("&Organisation", self.organisation)
        form.addRow("&Marking", self.marking)
        form.addRow("&Page size", self.page_size)
        form.addRow("Sections", follow_ups)
        form.addRow("", changes)
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
        self.contents = BriefingSectionsWidget(remembered.sections, remembered.parts, self)
        layout.addWidget(self.contents)
        layout.addWidget(buttons)

    def _remember_follow_ups(self, text: str) -> None:
        """Offer the section as it was last asked for (off, when it was not)."""
        try:
            remembered = parse_period(text) if text else None
        except PeriodError:
            remembered = None
        window = remembered or DEFAULT_WINDOW
        found = self.follow_ups_within.findData(window.text())
        if found < 0:
            self.follow_ups_within.addItem(window.label(), window.text())
            found = self.follow_ups_within.count() - 1
        self.follow_ups_within.setCurrentIndex(found)
        self.follow_ups.setChecked(remembered is not None)
        self.follow_ups_within.setEnabled(remembered is not None)

    def due_within(self) -> Period | None:
        """The period of the "Follow-ups due" section asked for; None without it."""
        if not self.follow_ups.isChecked():
            return None
        return parse_period(str(self.follow_ups_within.currentData()))

    def changes_choice(self) -> str | None:
        """The key of the "Changes since …" period asked for (``PERIOD_CHOICES``); None
        without the section."""
        return str(self.changes_period.currentData()) if self.changes.isChecked() else None

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
            follow_ups=str(self.follow_ups_within.currentData())
            if self.follow_ups.isChecked()
            else "",
            sections=sections_text(self.contents.order()),
            parts=sections_text(self.contents.parts()),
        )
