"""The briefing dialog's templates (``tracker.services.templates``): a "Template" box
at the top that fills the dialog's fields, sections, parts and logo from the one
picked, and "Save as template…" that saves the dialog's settings under a name.

A template's marking is offered only when the engagements allow it (never lower than
they need); a stored logo is checked again before it is used. Every refusal is one
line under the box, or under the name in the save dialog, which then stays open.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.briefing_sections import CHANGES, FOLLOW_UPS
from tracker.domain.briefing_templates import BriefingTemplate, TemplateSettings
from tracker.domain.errors import TrackerError
from tracker.domain.letterhead import Logo
from tracker.services import Tracker
from tracker.services.templates import template_logo
from ui.briefing_sections import BriefingSectionsWidget
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.message_line import MessageLine
from ui.partial_date_edit import error_colour

NONE = QT_TRANSLATE_NOOP("briefing_templates", "(none)")


class TemplateHost(Protocol):
    """What of the briefing dialog a template fills and saves (``ui.briefing_dialog``)."""

    title: QLineEdit
    author: QLineEdit
    organisation: QLineEdit
    marking: QComboBox
    page_size: QComboBox
    language: QComboBox
    follow_ups: QCheckBox
    changes: QCheckBox
    contents: BriefingSectionsWidget
    logo: Logo | None

    def chosen_marking(self) -> str: ...

    def use_logo(self, logo: Logo | None, label: str) -> None: ...


class BriefingTemplates(QWidget):
    """The "Template" box and "Save as template…" of a briefing dialog."""

    def __init__(self, dialog: TemplateHost, service: Tracker, parent: QWidget) -> None:
        super().__init__(parent)
        self._dialog, self._service = dialog, service
        self.combo = QComboBox(self)
        self.combo.setObjectName("briefingTemplate")
        self.combo.setAccessibleName("Template")
        self.save = QPushButton(translate("briefing_templates", "Save as &template…"), self)
        self.save.setObjectName("saveTemplate")
        self.save.clicked.connect(self.ask_and_save)
        self.error = MessageLine(self)
        self.error.setObjectName("templateError")
        self.error.setStyleSheet(f"color: {error_colour(self)};")
        self.error.clear_message()
        label = QLabel(translate("briefing_templates", "Te&mplate"), self)
        label.setBuddy(self.combo)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.combo, 1)
        row.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self._templates: list[BriefingTemplate] = []
        self.fill()
        self.combo.activated.connect(self._picked)

    def fill(self, keep: str | None = None) -> None:
        """List the templates the user sees (``keep``: the one to show as picked)."""
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(translate("briefing_templates", NONE))
        try:
            self._templates = self._service.templates()
        except TrackerError as exc:
            self._templates = []
            self.error.show_message(str(exc))
        for template in self._templates:
            mine = template.owner == self._service.user
            self.combo.addItem(template.name if mine else f"{template.name} ({template.owner})")
            if keep is not None and template.name == keep and mine:
                self.combo.setCurrentIndex(self.combo.count() - 1)
        self.combo.blockSignals(False)

    def _picked(self, index: int) -> None:
        if index > 0:
            self.apply(self._templates[index - 1])

    def apply(self, template: BriefingTemplate) -> None:
        """Fill the dialog from ``template``; what it cannot use is said in one line."""
        dialog, settings = self._dialog, template.settings
        self.error.clear_message()
        dialog.title.setText(settings.title)
        dialog.author.setText(settings.author)
        dialog.organisation.setText(settings.organisation)
        dialog.page_size.setCurrentText(settings.page_size)
        dialog.language.setCurrentIndex(max(dialog.language.findData(settings.language), 0))
        problems: list[str] = []
        if settings.marking is not None:
            found = dialog.marking.findData(settings.marking)
            if found >= 0:
                dialog.marking.setCurrentIndex(found)
            else:
                problems.append(
                    translate(
                        "briefing_templates", "marking {marking} is lower than the engagements need"
                    ).format(marking=settings.marking)
                )
        else:
            dialog.marking.setCurrentIndex(0)
        if settings.sections is not None:
            dialog.contents.choose(settings.sections, settings.parts)
            dialog.follow_ups.setChecked(FOLLOW_UPS in settings.sections)
            dialog.changes.setChecked(CHANGES in settings.sections)
        else:
            dialog.contents.choose(None, settings.parts)
        try:
            dialog.use_logo(
                template_logo(template),
                translate("briefing_templates", 'from template "{name}"').format(
                    name=template.name
                ),
            )
        except TrackerError as exc:
            dialog.use_logo(None, translate("briefing_templates", "None"))
            problems.append(str(exc))
        if problems:
            self.error.show_message("; ".join(problems))

    def settings(self) -> TemplateSettings:
        """The dialog's settings as a template keeps them: the marking only when raised
        above what the engagements need (the first one offered)."""
        dialog = self._dialog
        raised = dialog.marking.currentIndex() > 0
        return TemplateSettings(
            title=dialog.title.text(),
            author=dialog.author.text(),
            organisation=dialog.organisation.text(),
            marking=dialog.chosen_marking() if raised else None,
            sections=dialog.contents.order(),
            parts=dialog.contents.parts(),
            page_size=dialog.page_size.currentText(),
            language=str(dialog.language.currentData()),
        )

    def logo(self) -> Logo | None:
        """The dialog's logo, kept with a template saved."""
        return self._dialog.logo

    def ask_and_save(self) -> None:
        """Ask a name (and whether shared), then save the dialog's settings under it."""
        asked = SaveTemplateDialog(self, self._service)
        try:
            if asked.exec() == QDialog.DialogCode.Accepted and asked.saved is not None:
                self.error.clear_message()
                self.fill(keep=asked.saved.name)
        finally:
            asked.deleteLater()


class SaveTemplateDialog(QDialog):
    """Save as template: a name and "shared"; a refusal (blank, too long, taken) is said
    under the name, and the dialog stays open."""

    def __init__(self, templates: BriefingTemplates, service: Tracker) -> None:
        super().__init__(templates)
        self.setWindowTitle(translate("briefing_templates", "Save as template"))
        self._templates, self._service = templates, service
        self.saved: BriefingTemplate | None = None
        self.name = QLineEdit(self)
        self.name.setObjectName("templateName")
        self.name.setAccessibleName("Template name")
        self.shared = QCheckBox(
            translate("briefing_templates", "&Shared: everyone using this database can use it"),
            self,
        )
        self.shared.setObjectName("templateShared")
        self.error = MessageLine(self)
        self.error.setObjectName("templateNameError")
        self.error.setStyleSheet(f"color: {error_colour(self)};")
        self.error.clear_message()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel(translate("briefing_templates", "&Name:"), self)
        label.setBuddy(self.name)
        for widget in (label, self.name, self.error, self.shared, buttons):
            layout.addWidget(widget)

    def save(self) -> None:
        """Save the briefing dialog's settings and logo under the name given."""
        try:
            self.saved = self._service.save_template(
                name=self.name.text(),
                settings=self._templates.settings(),
                logo=self._templates.logo(),
                shared=self.shared.isChecked(),
            )
        except TrackerError as exc:
            self.error.show_message(str(exc))
            self.name.setFocus()
            return
        self.accept()
