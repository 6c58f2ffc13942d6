"""Help → About: the app's icon and version, and the database shown (its URL without a
password, schema version, revision and counts)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QMessageBox, QWidget

from tracker import __version__
from tracker.services import Tracker
from ui.icons import app_icon
from ui.plain_text import message_box
from ui.settings import APPLICATION

ICON_SIZE = 64
"""The icon's size in the About box, in device-independent pixels."""


def show_about(parent: QWidget, service: Tracker) -> None:
    """The About box of ``service``'s database."""
    info = service.info()
    box = message_box(
        parent,
        QMessageBox.Icon.NoIcon,
        f"About {APPLICATION}",
        f"{APPLICATION} {__version__}",
        informative="Government and multinational AI engagements.\n\n"
        f"Database: {info.url}\nSchema version: {info.schema_version}\n"
        f"Revision: {info.revision}\nEngagements: {info.engagements:,} "
        f"({info.deleted:,} in the trash)\n\n"
        "Free software under the MIT licence; the fonts and Qt keep their own "
        "(NOTICE.md).",
    )
    box.setObjectName("aboutBox")
    # Sharp at any scaling: the pixmap is drawn for the screen's device pixel ratio.
    size = QSize(ICON_SIZE, ICON_SIZE)
    box.setIconPixmap(app_icon().pixmap(size, box.devicePixelRatioF()))
    try:
        box.exec()
    finally:
        box.deleteLater()
