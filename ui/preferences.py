"""The main window's side of Edit → Preferences…: opening the dialog
(``ui.preferences_dialog``), storing what it chose (``ui.settings``) and applying it.

Applied at once: the theme (``ui.style.apply_theme``) and the stale threshold (the
filter bar's). Read where they are used, so at once too: the briefing dialog's author
and organisation (``ui.settings.briefing_defaults``), a new engagement's marking
(``ui.settings.marking_for_new``) and the automatic backups kept (the window's daily
backup). The language is read at start (``ui/language``); "Restart now" closes the
window, as Quit does, and starts the app again with the same arguments.
"""

from __future__ import annotations

import sys
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QProcess, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from tracker.domain.due import Period
from tracker.services import Tracker
from ui.filter_bar import FilterBar
from ui.preferences_dialog import PreferencesDialog
from ui.settings import Preferences, preferences, remember_preferences
from ui.style import apply_theme


class PreferencesHost(Protocol):
    """What the preferences need of the main window."""

    @property
    def settings(self) -> QSettings: ...

    @property
    def service(self) -> Tracker: ...

    @property
    def filter_bar(self) -> FilterBar: ...

    def window(self) -> QWidget: ...


def stale_period(chosen: Preferences) -> Period:
    """The stale threshold of ``chosen`` as a period."""
    return Period(chosen.stale_days, "day")


def restart(window: QWidget) -> bool:
    """Close ``window`` (it asks about unsaved entries, then remembers its layout) and
    start the app again as it was started; False when the window stays open."""
    if not window.close():
        return False
    # sys.orig_argv keeps "-m ui" and the like; a bundled app is its own executable.
    arguments = sys.argv[1:] if getattr(sys, "frozen", False) else sys.orig_argv[1:]
    QProcess.startDetached(sys.executable, arguments)
    QCoreApplication.quit()
    return True


class PreferenceCommands:
    """Edit → Preferences…, and the stored preferences applied to the window."""

    def __init__(self, host: PreferencesHost) -> None:
        self._host = host
        stored = preferences(host.settings)
        self._running_language = stored.language  # installed at start
        self._apply_now(stored)

    def open(self) -> None:
        """Edit → Preferences…: show the preferences; apply what OK or Apply chose."""
        service = self._host.service
        dialog = PreferencesDialog(
            preferences(self._host.settings),
            markings=service.markings(),
            database_marking=service.default_marking(),
            running_language=self._running_language,
            parent=self._host.window(),
        )
        dialog.applied.connect(self.apply)
        dialog.exec()
        dialog.deleteLater()
        if dialog.restart_asked:
            restart(self._host.window())

    def apply(self, chosen: Preferences) -> None:
        """Store ``chosen`` and apply it at once where Qt can."""
        remember_preferences(self._host.settings, chosen)
        self._apply_now(chosen)

    def _apply_now(self, chosen: Preferences) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, chosen.theme)
        self._host.filter_bar.set_stale_period(stale_period(chosen))
