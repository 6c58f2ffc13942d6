"""Help → About: the app's icon and version, and the database shown (its URL without a
password, schema version, revision and counts)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QMessageBox, QWidget

from tracker import __version__
from tracker.services import Tracker
from ui.i18n import number, translate
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
        translate("about", "About {application}").format(application=APPLICATION),
        f"{APPLICATION} {__version__}",
        informative=translate(
            "about",
            "Government and multinational AI engagements.\n\n"
            "Database: {url}\nSchema version: {schema}\n"
            "Revision: {revision}\nEngagements: {engagements} "
            "({deleted} in the trash)\n\n"
            "Free software under the MIT licence; the fonts and Qt keep their own "
            "(NOTICE.md).",
        ).format(
            url=info.url,
            schema=info.schema_version,
            revision=info.revision,
            engagements=number(info.engagements),
            deleted=number(info.deleted),
        ),
    )
    box.setObjectName("aboutBox")
    # Sharp at any scaling: the pixmap is drawn for the screen's device pixel ratio.
    size = QSize(ICON_SIZE, ICON_SIZE)
    box.setIconPixmap(app_icon().pixmap(size, box.devicePixelRatioF()))
    try:
        box.exec()
    finally:
        box.deleteLater()
