"""Edit → Preferences… (on macOS in the application menu): the user's preferences.

Language, theme, the author and organisation a briefing is signed with, the marking of
new engagements, when an engagement counts as stale, how many automatic backups are
kept. OK and Apply hand the choices on (``applied``); what Qt can change in a running
app changes at once, the language when the app restarts, which the dialog says and
offers ("Restart now"). A value that cannot be stored is refused on the dialog's
message line, with OK and Apply off until it is mended.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.accessibility import name_input
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.message_line import MessageLine
from ui.settings import BACKUPS_KEPT, STALE_DAYS, Preferences

LANGUAGE_CHOICES = (
    ("system", QT_TRANSLATE_NOOP("preferences_dialog", "System")),
    ("en", "English"),
    ("fr", "Français"),
)
THEME_CHOICES = (
    ("system", QT_TRANSLATE_NOOP("preferences_dialog", "System")),
    ("light", QT_TRANSLATE_NOOP("preferences_dialog", "Light")),
    ("dark", QT_TRANSLATE_NOOP("preferences_dialog", "Dark")),
)
MAX_NAME_CHARS = 200  # an author or organisation on a briefing's cover


def name_problem(what: str, text: str) -> str | None:
    """Why ``text`` cannot be the ``what`` of a briefing (a line break, a tab or another
    control character would break the PDF's one-line cover entry), or None."""
    if any(unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") for char in text):
        return translate(
            "preferences_dialog",
            "The {what} must be one line, without line breaks or control characters.",
        ).format(what=translate("preferences_dialog", what))
    return None


class PreferencesDialog(QDialog):
    """The preferences, shown as ``current``; ``applied`` carries the new ones."""

    applied = Signal(object)  # Preferences

    def __init__(
        self,
        current: Preferences,
        *,
        markings: Sequence[str],
        database_marking: str,
        running_language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(translate("preferences_dialog", "Preferences"))
        self.setMinimumWidth(480)
        self._running_language = running_language
        self.restart_asked = False  # "Restart now" was clicked
        self.language = self._combo(
            "preferredLanguage", translate("preferences_dialog", "Language"), LANGUAGE_CHOICES
        )
        self.restart_note = QLabel(
            translate("preferences_dialog", "Shown once the app restarts."), self
        )
        self.restart_note.setObjectName("restartNote")
        self.restart_button = QPushButton(translate("preferences_dialog", "&Restart now"), self)
        self.restart_button.setObjectName("restartNow")
        self.restart_button.setAccessibleName(
            translate("preferences_dialog", "Restart now in the new language")
        )
        self.restart_button.setAutoDefault(False)  # Enter means OK, never a restart
        self.theme = self._combo(
            "preferredTheme", translate("preferences_dialog", "Theme"), THEME_CHOICES
        )
        self.author = self._line(
            "preferredAuthor", translate("preferences_dialog", "Briefing author")
        )
        self.organisation = self._line(
            "preferredOrganisation", translate("preferences_dialog", "Briefing organisation")
        )
        self.marking = self._combo(
            "preferredMarking",
            translate("preferences_dialog", "Marking of new engagements"),
            [
                (
                    "",
                    translate("preferences_dialog", "The database's default ({marking})").format(
                        marking=database_marking
                    ),
                )
            ]
            + [(marking, marking) for marking in markings],
        )
        self.stale_days = self._spin(
            "staleDays",
            translate("preferences_dialog", "Stale after"),
            STALE_DAYS,
            translate("preferences_dialog", " days"),
        )
        self.backups_kept = self._spin(
            "backupsKept",
            translate("preferences_dialog", "Automatic backups kept"),
            BACKUPS_KEPT,
            "",
        )
        self.problem = MessageLine(self)
        self.problem.setObjectName("preferencesProblem")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply,
            self,
        )
        self._lay_out()
        self._show(current)
        self._wire()
        self._check()

    # -- construction -------------------------------------------------------------

    def _combo(self, name: str, label: str, choices: Sequence[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(label)
        for value, text in choices:
            combo.addItem(translate("preferences_dialog", text), value)
        return combo

    def _line(self, name: str, label: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(label)
        edit.setMaxLength(MAX_NAME_CHARS)
        edit.setPlaceholderText(translate("preferences_dialog", "The one used last"))
        return edit

    def _spin(self, name: str, label: str, bounds: tuple[int, int], suffix: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        name_input(spin, label)  # its inner line edit too
        spin.setRange(*bounds)
        spin.setSuffix(suffix)
        return spin

    def _lay_out(self) -> None:
        form = self._form = QFormLayout()
        form.addRow(translate("preferences_dialog", "&Language"), self.language)
        self._restart_row = QHBoxLayout()
        self._restart_row.addWidget(self.restart_note, 1)
        self._restart_row.addWidget(self.restart_button)
        form.addRow("", self._restart_row)
        form.addRow(translate("preferences_dialog", "&Theme"), self.theme)
        form.addRow(translate("preferences_dialog", "Briefing &author"), self.author)
        form.addRow(translate("preferences_dialog", "Briefing &organisation"), self.organisation)
        form.addRow(translate("preferences_dialog", "&Marking of new engagements"), self.marking)
        form.addRow(translate("preferences_dialog", "&Stale after"), self.stale_days)
        form.addRow(translate("preferences_dialog", "Automatic &backups kept"), self.backups_kept)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.problem)
        column.addWidget(self.buttons)
        # Tab goes down the form as it reads, then to the buttons.
        chain = (
            self.language,
            self.restart_button,
            self.theme,
            self.author,
            self.organisation,
            self.marking,
            self.stale_days,
            self.backups_kept,
            self.buttons,
        )
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _show(self, current: Preferences) -> None:
        for combo, value in (
            (self.language, current.language),
            (self.theme, current.theme),
            (self.marking, current.marking),
        ):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self.author.setText(current.author)
        self.organisation.setText(current.organisation)
        self.stale_days.setValue(current.stale_days)
        self.backups_kept.setValue(current.backups_kept)

    def _wire(self) -> None:
        self.language.currentIndexChanged.connect(self._check)
        self.author.textChanged.connect(self._check)
        self.organisation.textChanged.connect(self._check)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        apply = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        apply.clicked.connect(self._apply)
        self.restart_button.clicked.connect(self._restart)

    # -- reading and checking -----------------------------------------------------

    def chosen(self) -> Preferences:
        """The preferences as the dialog shows them now."""
        return Preferences(
            language=str(self.language.currentData()),
            theme=str(self.theme.currentData()),
            author=self.author.text().strip(),
            organisation=self.organisation.text().strip(),
            marking=str(self.marking.currentData()),
            stale_days=self.stale_days.value(),
            backups_kept=self.backups_kept.value(),
        )

    def _check(self) -> bool:
        """Show what is wrong (and switch OK and Apply off), or the restart a new
        language needs; True when the choices can be stored."""
        problem = name_problem(
            QT_TRANSLATE_NOOP("preferences_dialog", "author"), self.author.text()
        ) or name_problem(
            QT_TRANSLATE_NOOP("preferences_dialog", "organisation"), self.organisation.text()
        )
        if problem is None:
            self.problem.clear_message()
        else:
            self.problem.show_message(problem)
        for button in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Apply):
            self.buttons.button(button).setEnabled(problem is None)
        # The row of the restart shows only when a restart would change something.
        restart = self.language.currentData() != self._running_language
        if restart != self._form.isRowVisible(self._restart_row):
            self._form.setRowVisible(self._restart_row, restart)
            self.adjustSize()  # the dialog grows to the row's width (French is longer)
        self.restart_button.setEnabled(problem is None)
        return problem is None

    def _apply(self) -> bool:
        if not self._check():
            return False
        self.applied.emit(self.chosen())
        return True

    def _ok(self) -> None:
        if self._apply():
            self.accept()

    def _restart(self) -> None:
        if self._apply():
            self.restart_asked = True
            self.accept()
