"""Which database the window shows: File → New database…, Open database… and Open
recent, and what the window says about that database: a warning when it lives in a
synced or network folder, and why it may only be read. Its short name (for the window's
title, which also says which list is shown) is :func:`database_name`.

Opening happens here; what the window then does with the new service (the table, the
undo history, the editing actions) is the window's business, handed over by ``adopt``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMenu

from tracker.domain.errors import TrackerError
from tracker.services import Tracker, public_url
from ui.connection_dialog import ConnectionDialog
from ui.i18n import translate
from ui.plain_text import critical
from ui.settings import APPLICATION, recent_databases, remember_database


def database_name(url: str) -> str:
    """A short name for the window title: the file name, or the server and database
    (what the URL says after the user name, without any password)."""
    if url.startswith("sqlite:///"):
        return Path(url.removeprefix("sqlite:///")).name
    head, sep, tail = public_url(url).partition("@")
    return tail if sep else head


class DatabaseSwitcher(QObject):
    """Opens other databases for ``window``; keeps its banners and recent menu.

    ``opener`` opens a path or URL (or raises TrackerError saying why it cannot);
    ``adopt`` makes the window show the service just opened.
    """

    def __init__(
        self,
        window: QMainWindow,
        service: Tracker,
        *,
        settings: QSettings,
        opener: Callable[[str], Tracker],
        adopt: Callable[[Tracker], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._opener = opener
        self._adopt = adopt
        self.location_banner = _banner(window, "locationBanner")
        self.read_only_banner = _banner(window, "readOnlyBanner")
        self.recent_menu = QMenu(translate("database_switcher", "Open &recent"), window)
        self.describe(service)

    def new_database(self) -> None:
        """Create a new SQLite database file and switch to it."""
        path, _ = QFileDialog.getSaveFileName(
            self._window,
            translate("database_switcher", "New database"),
            str(Path.home() / "engagements.db"),
            translate("database_switcher", "Databases (*.db)"),
        )
        if path:
            self.switch_database(path)

    def open_database(self) -> None:
        """Ctrl+O: open a database file or a team database on a PostgreSQL server."""
        dialog = ConnectionDialog(
            try_open=self._switch, settings=self._settings, parent=self._window
        )
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def switch_database(self, target: str) -> bool:
        """Show another database; on failure keep the current one and say why."""
        problem = self._switch(target)
        if problem is not None:
            critical(self._window, APPLICATION, problem)
        return problem is None

    def _switch(self, target: str) -> str | None:
        """Show the database at ``target``; the reason it cannot be opened, or None."""
        try:
            service = self._opener(target)
        except TrackerError as exc:
            return str(exc)  # it names the file or server
        self._adopt(service)
        self.describe(service)
        return None

    def describe(self, service: Tracker) -> None:
        """Say which database is shown: banners, first in the recent list."""
        remember_database(self._settings, service.url)
        warning = service.location_warning
        self.location_banner.setText(
            translate("database_switcher", "Warning: {warning}").format(warning=warning)
            if warning
            else ""
        )
        self.location_banner.setVisible(warning is not None)
        reason = service.read_only
        self.read_only_banner.setText(
            translate(
                "database_switcher",
                "Read-only: {reason}. You can search, read and export; ask the database "
                "administrator for write access to edit.",
            ).format(reason=reason)
            if reason
            else ""
        )
        self.read_only_banner.setVisible(reason is not None)
        self._rebuild_recent_menu()

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        for n, url in enumerate(recent_databases(self._settings), start=1):
            target = url.removeprefix("sqlite:///")
            action = self.recent_menu.addAction(f"&{n} {database_name(url)}")
            action.setStatusTip(target)
            action.triggered.connect(lambda _c=False, t=target: self.switch_database(t))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())


def _banner(window: QMainWindow, name: str) -> QLabel:
    """A standing notice above the table, hidden until there is something to say."""
    banner = QLabel(window)
    banner.setObjectName(name)
    banner.setWordWrap(True)
    banner.setTextFormat(Qt.TextFormat.PlainText)
    banner.setStyleSheet(
        "QLabel { background: #FFF4CE; color: #3B2F00; padding: 6px 8px;"
        " border-bottom: 1px solid #E0C97A; }"
    )
    banner.setVisible(False)
    return banner
