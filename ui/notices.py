"""What the window says about the list it shows, beside the rows themselves: that the
database is empty (with the demo data to load), that this is the trash (with the way
back), and, over an empty table, why it is empty (with the filters to clear).

Each offers its way out as a link-like button, which the keyboard reaches too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import translate

_LINK_STYLE = (
    "QPushButton { border: none; background: transparent; color: palette(link);"
    " text-decoration: underline; padding: 0 2px; }"
)


def link_button(text: str, parent: QWidget) -> QPushButton:
    """A button that reads as a link."""
    button = QPushButton(text, parent)
    button.setFlat(True)
    button.setStyleSheet(_LINK_STYLE)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


def empty_database_banner(parent: QWidget, load_demo: Callable[[], None]) -> QWidget:
    """ "This database is empty." with a button loading the demo data (hidden at first)."""
    banner = QWidget(parent)
    banner.setObjectName("emptyBanner")
    label = QLabel(translate("notices", "This database is empty."), banner)
    button = QPushButton(translate("notices", "Load &demo data"), banner)
    button.clicked.connect(load_demo)
    layout = QHBoxLayout(banner)
    layout.setContentsMargins(8, 4, 8, 4)
    layout.addWidget(label)
    layout.addWidget(button)
    layout.addStretch(1)
    banner.setVisible(False)
    return banner


class TrashBanner(QWidget):
    """Says the list is the trash, with a link back to the engagements (``back``)."""

    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trashBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(
            "#trashBanner { background: #E3ECF7; border-bottom: 1px solid #A9BFDC; }"
            " #trashBanner QLabel { color: #1B2F4B; }"
        )
        label = QLabel(
            translate("notices", "<b>Trash:</b> engagements moved here can be restored \u2014"),
            self,
        )
        label.setTextFormat(Qt.TextFormat.RichText)
        button = link_button(translate("notices", "&Back to engagements"), self)
        button.setObjectName("backToEngagements")
        button.clicked.connect(self.back)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(4)
        layout.addWidget(label)
        layout.addWidget(button)
        layout.addStretch(1)
        self.setVisible(False)


class TablePlaceholder(QWidget):
    """A message over an empty table, centred on its viewport, with an optional link
    under it (``link_clicked``); shown only while the table has nothing to show."""

    link_clicked = Signal()

    def __init__(self, table: QAbstractScrollArea) -> None:
        super().__init__(table.viewport())
        self.setObjectName("tablePlaceholder")
        self.message = QLabel(self)
        self.message.setObjectName("placeholderMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        font = self.message.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.message.setFont(font)
        self.link = link_button("", self)
        self.link.setObjectName("placeholderLink")
        self.link.clicked.connect(self.link_clicked)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.link, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        table.viewport().installEventFilter(self)
        self.setGeometry(table.viewport().rect())
        self.setVisible(False)

    def show_message(self, message: str | None, link: str = "") -> None:
        """Show ``message`` (and ``link`` under it, if any); None hides the placeholder."""
        self.setVisible(message is not None)
        self.message.setText(message or "")
        self.link.setText(link)
        self.link.setVisible(bool(link))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The viewport's size changes with the window and the splitter: cover all of it.
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False
