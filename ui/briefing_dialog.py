"""File → Export briefing…: title, author, marking, page size and language of a PDF
briefing, its optional sections ("Follow-ups due", within a chosen period; "Changes
since …" the last briefing, 7 or 30 days), the letterhead's logo, and whether to open
it once it is written.

Beside the settings, a preview of the pages as they would be written
(:mod:`ui.briefing_preview`), rendered again 400 ms after the last change of a setting.
A logo that is refused is said under its row, and Save stays off until it is cleared
or another is chosen."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.briefing_sections import sections_text
from tracker.domain.change_words import CHANGES_SINCE, PERIOD_CHOICES, SINCE_DATE
from tracker.domain.due import DEFAULT_WINDOW, FOLLOW_UPS_DUE, Period, PeriodError, parse_period
from tracker.domain.errors import ValidationError
from tracker.domain.languages import Language
from tracker.domain.letterhead import Logo
from tracker.domain.model import Filters
from tracker.services import Tracker
from tracker.services.briefings import DEFAULT_TITLE, PAGE_SIZES, BriefingRequest
from tracker.services.letterhead import load_logo
from ui.briefing_preview import BriefingPreview, PreviewWork
from ui.briefing_sections import BriefingSectionsWidget
from ui.briefing_templates import BriefingTemplates
from ui.i18n import domain_text, period_text, translate
from ui.message_line import MessageLine
from ui.partial_date_edit import error_colour
from ui.plain_text import plain_label
from ui.settings import BriefingDefaults, remember_dialog_size, restore_dialog_size

# The periods offered for "Follow-ups due … within".
DUE_WINDOWS = ("1w", "2w", "30d", "3m")
PREVIEW_DELAY_MS = 400  # after the last change of a setting
SIZE_KEY = "briefingDialog"


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
        preview: Callable[[BriefingDialog], PreviewWork] | None = None,
        settings: QSettings | None = None,
        templates: Tracker | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("briefing_dialog", "Export briefing"))
        self.setMinimumWidth(460)
        self._settings = settings
        self._preview_work = preview
        self.logo: Logo | None = None
        self.title = QLineEdit(domain_text(DEFAULT_TITLE), self)
        self.author = QLineEdit(remembered.author, self)
        self.organisation = QLineEdit(remembered.organisation, self)
        self._markings, self._needed = list(markings), needed
        self.ceiling = QComboBox(self)
        self.ceiling.setObjectName("highestMarking")
        self.ceiling.setAccessibleName("Highest marking included")
        self.ceiling.addItem(translate("briefing_dialog", "Every marking"), None)
        for marking in markings:
            self.ceiling.addItem(
                translate("briefing_dialog", "{marking} and below").format(marking=marking), marking
            )
        self.marking = QComboBox(self)
        self._offer_banners()
        self.ceiling.currentIndexChanged.connect(self._offer_banners)
        self.page_size = QComboBox(self)
        self.page_size.addItems(list(PAGE_SIZES))
        page_size = remembered.page_size
        self.page_size.setCurrentText(page_size if page_size in PAGE_SIZES else "A4")
        self.language = QComboBox(self)
        self.language.setObjectName("briefingLanguage")
        for language in Language:
            self.language.addItem(language.label, language.value)
        self.language.setCurrentIndex(max(self.language.findData(remembered.language), 0))
        self.open_when_written = QCheckBox(
            translate("briefing_dialog", "Open the briefing when it is &written"), self
        )
        self.open_when_written.setChecked(remembered.open_when_written)
        self.follow_ups = QCheckBox(
            translate("briefing_dialog", "&{section}: overdue, then due within").format(
                section=domain_text(FOLLOW_UPS_DUE)
            ),
            self,
        )
        self.follow_ups.setObjectName("followUpsDue")
        self.follow_ups_within = QComboBox(self)
        self.follow_ups_within.setObjectName("followUpsWithin")
        self.follow_ups_within.setAccessibleName(f"{FOLLOW_UPS_DUE} within")
        for text in DUE_WINDOWS:
            self.follow_ups_within.addItem(period_text(parse_period(text)), text)
        self._remember_follow_ups(remembered.follow_ups)
        self.follow_ups.toggled.connect(self.follow_ups_within.setEnabled)
        follow_ups = QHBoxLayout()
        follow_ups.addWidget(self.follow_ups)
        follow_ups.addWidget(self.follow_ups_within)
        follow_ups.addStretch(1)
        self.changes = QCheckBox(
            translate("briefing_dialog", "&{section}:").format(section=domain_text(CHANGES_SINCE)),
            self,
        )
        self.changes.setObjectName("changesSince")
        self.changes_period = QComboBox(self)
        self.changes_period.setObjectName("changesSincePeriod")
        self.changes_period.setAccessibleName(f"{CHANGES_SINCE} period")
        for key, text in PERIOD_CHOICES:
            if key != SINCE_DATE:  # the dialog offers the periods that need no date
                self.changes_period.addItem(_period_choice(text), key)
        self.changes.toggled.connect(self.changes_period.setEnabled)
        self.changes_period.setEnabled(False)
        changes = QHBoxLayout()
        changes.addWidget(self.changes)
        changes.addWidget(self.changes_period)
        changes.addStretch(1)

        form = QFormLayout()
        form.addRow(translate("briefing_dialog", "&Title"), self.title)
        form.addRow(translate("briefing_dialog", "&Author"), self.author)
        form.addRow(translate("briefing_dialog", "&Organisation"), self.organisation)
        form.addRow(translate("briefing_dialog", "&Highest marking"), self.ceiling)
        form.addRow(translate("briefing_dialog", "&Marking"), self.marking)
        form.addRow(translate("briefing_dialog", "&Page size"), self.page_size)
        form.addRow(translate("briefing_dialog", "La&nguage"), self.language)
        form.addRow(translate("briefing_dialog", "Logo"), self._logo_row())
        form.addRow("", self.logo_error)
        form.addRow(translate("briefing_dialog", "Include"), follow_ups)
        form.addRow("", changes)
        form.addRow("", self.open_when_written)
        note = plain_label(scope, self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.contents = BriefingSectionsWidget(remembered.sections, remembered.parts, self)
        left = QVBoxLayout()
        left.addWidget(note)
        left.addLayout(form)
        left.addWidget(self.contents, 1)
        body = QHBoxLayout()
        body.addLayout(left)
        layout = QVBoxLayout(self)
        if templates is not None:  # the "Template" box and "Save as template…"
            layout.addWidget(BriefingTemplates(self, templates, self))
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.preview: BriefingPreview | None = None
        if preview is not None:
            self.preview = BriefingPreview(self)
            body.addWidget(self.preview, 1)
            self._watch_settings()
        size = (1100, 720) if preview is not None else (480, 420)
        if settings is not None:
            restore_dialog_size(settings, self, SIZE_KEY, size)
        else:
            self.resize(*size)
        self.refresh_preview(delay_ms=0)

    def _logo_row(self) -> QWidget:
        """The logo's file name, "Logo…" to choose one and Clear; its error line below."""
        row = QWidget(self)
        self.logo_name = QLabel(translate("briefing_dialog", "None"), row)
        self.logo_name.setObjectName("logoName")
        choose = QPushButton(translate("briefing_dialog", "&Logo…"), row)
        choose.setObjectName("chooseLogo")
        choose.clicked.connect(self._ask_for_logo)
        clear = QPushButton(translate("briefing_dialog", "Clear"), row)
        clear.setObjectName("clearLogo")
        clear.clicked.connect(self.clear_logo)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.logo_name, 1)
        line.addWidget(choose)
        line.addWidget(clear)
        self.logo_error = MessageLine(self)
        self.logo_error.setObjectName("logoError")
        self.logo_error.setStyleSheet(f"color: {error_colour(self)};")
        self.logo_error.clear_message()
        return row

    def _ask_for_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("briefing_dialog", "Letterhead logo"),
            str(Path.home()),
            translate("briefing_dialog", "Images (*.png *.jpg *.jpeg);;All files (*)"),
        )
        if path:
            self.choose_logo(path)

    def choose_logo(self, path: str) -> bool:
        """Use the logo in ``path``; a refused one is said under the row, Save goes off."""
        try:
            self.logo = load_logo(path)
        except ValidationError as exc:
            had = self.logo is not None
            self.logo = None
            self.logo_name.setText(Path(path).name)
            self.logo_error.show_message(str(exc))
            self.save_button.setEnabled(False)
            if had:  # the preview shows no logo, as none is chosen
                self.refresh_preview()
            return False
        self.logo_name.setText(Path(path).name)
        self.logo_error.clear_message()
        self.save_button.setEnabled(True)
        self.refresh_preview()
        return True

    def use_logo(self, logo: Logo | None, label: str) -> None:
        """Use ``logo`` (checked already; None: no logo), shown as ``label``."""
        self.logo = logo
        self.logo_name.setText(label if logo is not None else translate("briefing_dialog", "None"))
        self.logo_error.clear_message()
        self.save_button.setEnabled(True)
        self.refresh_preview()

    def clear_logo(self) -> None:
        """No logo (and no error)."""
        had = self.logo is not None
        self.logo = None
        self.logo_name.setText(translate("briefing_dialog", "None"))
        self.logo_error.clear_message()
        self.save_button.setEnabled(True)
        if had:
            self.refresh_preview()

    def _offer_banners(self) -> None:
        """The banner markings on offer: from the highest marking the briefing can
        include (the engagements' highest, or the ceiling when that is lower) upwards."""
        allowed, needed = self._markings, self._needed
        top = self.max_marking()
        start = allowed.index(needed) if needed in allowed else 0
        if top in allowed:
            start = min(start, allowed.index(top))
        chosen = self.marking.currentData()
        self.marking.blockSignals(True)
        self.marking.clear()
        for marking in allowed[start:]:
            suffix = (
                translate("briefing_dialog", "  (highest among the engagements)")
                if marking == needed
                else ""
            )
            self.marking.addItem(marking + suffix, marking)
        self.marking.setCurrentIndex(max(self.marking.findData(chosen), 0))
        self.marking.blockSignals(False)

    def max_marking(self) -> str | None:
        """The ceiling chosen: nothing marked above it is included; None: every marking."""
        data = self.ceiling.currentData()
        return str(data) if data is not None else None

    def _watch_settings(self) -> None:
        """Every setting that changes the pages renders the preview again (debounced)."""
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.timeout.connect(self._render_preview)
        for edit in (self.title, self.author, self.organisation):
            edit.textChanged.connect(self.refresh_preview)
        for combo in (
            self.ceiling,
            self.marking,
            self.page_size,
            self.language,
            self.follow_ups_within,
            self.changes_period,
        ):
            combo.currentIndexChanged.connect(self.refresh_preview)
        for box in (self.follow_ups, self.changes):
            box.toggled.connect(self.refresh_preview)
        self.contents.changed.connect(self.refresh_preview)

    def refresh_preview(self, *_: object, delay_ms: int = PREVIEW_DELAY_MS) -> None:
        """Render the preview again once no setting has changed for ``delay_ms``."""
        if self.preview is not None:
            self._debounce.start(delay_ms)

    def _render_preview(self) -> None:
        if self.preview is not None and self._preview_work is not None:
            self.preview.show_briefing(self._preview_work(self))

    def request(self, *, filters: Filters, sort: str) -> BriefingRequest:
        """The briefing the settings ask for, of ``filters`` in ``sort`` order (the
        "Changes since …" period is the caller's: ``changes_choice`` names it)."""
        return BriefingRequest(
            filters=filters,
            sort=sort,
            title=self.title.text(),
            marking=self.chosen_marking(),
            author=self.author.text(),
            organisation=self.organisation.text(),
            page_size=self.page_size.currentText(),
            due_within=self.due_within(),
            logo=self.logo,
            sections=self.contents.sections(
                follow_ups=self.due_within() is not None,
                changes=self.changes_choice() is not None,
            ),
            parts=self.contents.parts(),
            key_points=self.contents.key_points.toPlainText(),
            language=self.chosen_language(),
            max_marking=self.max_marking(),
        )

    def done(self, result: int) -> None:  # Qt's name: every way the dialog closes
        if self.preview is not None:
            self._debounce.stop()
            self.preview.stop()  # no rendering outlives the dialog
        if self._settings is not None:
            remember_dialog_size(self._settings, self, SIZE_KEY)
        super().done(result)

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

    def chosen_language(self) -> Language:
        """The language the briefing is printed in."""
        return Language(str(self.language.currentData()))

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
            language=self.chosen_language().value,
        )


def _period_choice(text: str) -> str:
    """A period of "Changes since:" ("Last briefing", "Last 7 days"): the choice of the
    changes feed without its "Since"."""
    if text == "Since last briefing":
        return translate("briefing_dialog", "Last briefing")
    return domain_text(text)
