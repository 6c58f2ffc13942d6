"""Starting the desktop app: ``tracker`` / ``tracker gui`` / ``make run``."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from tracker import __version__
from tracker.backups import automatic_backup
from tracker.errors import TrackerError
from tracker.services import Tracker
from ui.main_window import MainWindow
from ui.settings import APPLICATION, ORGANISATION


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setApplicationVersion(__version__)
    return app


def main(*, db: str | None = None, user: str | None = None) -> int:
    """Open the main window on ``db`` (or $TRACKER_DB, or the default database)."""
    app = make_application()
    try:
        service = Tracker.open(db, user=user)
    except TrackerError as exc:
        QMessageBox.critical(None, APPLICATION, f"Cannot open the database:\n{exc}")
        return 1
    window = MainWindow(service)
    window.show()
    try:  # the day's first start keeps a rotating automatic backup
        made = automatic_backup(service)
    except TrackerError as exc:
        window.statusBar().showMessage(f"Automatic backup failed: {exc}", 15000)
    else:
        if made is not None:
            window.statusBar().showMessage(f"Backed up to {made}", 8000)
    code = app.exec()
    window.service.close()
    return int(code)
