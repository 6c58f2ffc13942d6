"""Help → About: the program's version and the database shown (its URL without a
password, schema version, revision and counts)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from tracker import __version__
from tracker.services import Tracker
from ui.plain_text import information
from ui.settings import APPLICATION


def show_about(parent: QWidget, service: Tracker) -> None:
    """The About box of ``service``'s database."""
    info = service.info()
    information(
        parent,
        f"About {APPLICATION}",
        f"{APPLICATION} {__version__}",
        "Government and multinational AI engagements.\n\n"
        f"Database: {info.url}\nSchema version: {info.schema_version}\n"
        f"Revision: {info.revision}\nEngagements: {info.engagements:,} "
        f"({info.deleted:,} in the trash)",
    )
