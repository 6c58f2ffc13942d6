"""Starting the desktop app: ``tracker`` / ``tracker gui`` / ``make run``."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QDialog

from tracker import __version__
from tracker.domain.errors import TrackerError
from tracker.services import Tracker
from ui.fonts import use_shipped_fonts
from ui.i18n import install_translators, translate
from ui.icons import ICON_NAME, app_icon
from ui.main_window import MainWindow
from ui.open_failed_dialog import OpenFailedDialog
from ui.plain_text import information
from ui.settings import APPLICATION, ORGANISATION, open_settings, ui_language_setting


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
    # The window's and task bar's icon; on Wayland the compositor finds it (and the
    # name) through the installed launcher, engagement-tracker.desktop.
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(ICON_NAME)
    use_shipped_fonts(app)  # every script on screen, as in the briefings
    # Before any window is built: their texts are translated as they are made.
    install_translators(app, ui_language_setting(open_settings()))
    return app


def open_or_recover(
    db: str | None, *, user: str | None = None
) -> tuple[Tracker, str | None] | None:
    """Open the database; when that fails, ask (restore the latest backup, retry, quit).

    Returns the open service and, after a restore, a sentence saying what was done;
    None when the user quits.
    """
    restored: str | None = None
    while True:
        try:
            return Tracker.open(db, user=user), restored
        except TrackerError as exc:
            dialog = OpenFailedDialog(exc, database=db)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            if dialog.restored_from is not None:
                restored = translate(
                    "app", "The database was restored from the backup {file}."
                ).format(file=dialog.restored_from)
                if dialog.kept_as is not None:
                    restored += translate("app", " The file it replaced is kept as {file}.").format(
                        file=dialog.kept_as
                    )


def main(*, db: str | None = None, user: str | None = None) -> int:
    """Open the main window on ``db`` (or $TRACKER_DB, or the default database)."""
    app = make_application()
    opened = open_or_recover(db, user=user)
    if opened is None:
        return 1
    service, restored = opened
    window = MainWindow(service)
    window.show()
    if restored is not None:
        information(window, APPLICATION, restored)
    window.start_automatic_backup()  # the day's first start keeps a rotating backup
    code = app.exec()
    window.service.close()
    return int(code)
