"""The line of small text under a field: what a date was understood as, or an error.

The form must not move while someone fills it in: a message that appears under a field
and pushes every row below it down by a line makes the next click land in another
field. :class:`MessageLine` therefore always takes exactly one line, shown or hidden
(its size policy keeps the space of a hidden line), and never asks for more width
than it is given. A message too long for the line is drawn elided ("…"); the whole of
it is the label's ``text()``, what a screen reader reads, and its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFont, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolTip, QWidget

from ui.plain_text import tooltip

__all__ = ["MessageLine"]


class MessageLine(QLabel):
    """A one-line label of a slightly smaller font whose size never depends on its text.

    Hiding it keeps its space, so showing or clearing a message moves nothing around
    it; :meth:`show_message` and :meth:`clear_message` do both at once.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() * 0.9, 7.0))
        self.setFont(small)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._fit_height()

    def show_message(self, text: str) -> None:
        """Show ``text`` on the line."""
        self.setText(text)
        self.show()

    def clear_message(self) -> None:
        """Empty and hide the line (its space stays)."""
        self.clear()
        self.hide()

    def is_elided(self) -> bool:
        """True when the text is longer than the line and shown cut."""
        return self._shown_text() != self._one_line()

    def sizeHint(self) -> QSize:
        """One line high; no width of its own (the layout gives it the field's)."""
        return QSize(0, self.minimumHeight())

    def minimumSizeHint(self) -> QSize:
        """As :meth:`sizeHint`: a long message never widens the form."""
        return self.sizeHint()

    def changeEvent(self, event: QEvent) -> None:
        """Keep the line one line high when the font changes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()

    def event(self, event: QEvent) -> bool:
        """A cut message shows whole in the tooltip (unless the label has its own)."""
        if (
            event.type() == QEvent.Type.ToolTip
            and not self.toolTip()
            and self.is_elided()
            and isinstance(event, QHelpEvent)
        ):
            QToolTip.showText(event.globalPos(), tooltip(self.text()), self)
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the text on one line, elided at the right when it does not fit."""
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            self._shown_text(),
            self.foregroundRole(),
        )

    def _one_line(self) -> str:
        return " ".join(self.text().splitlines())

    def _shown_text(self) -> str:
        return self.fontMetrics().elidedText(
            self._one_line(), Qt.TextElideMode.ElideRight, self.contentsRect().width()
        )

    def _fit_height(self) -> None:
        margins = self.contentsMargins()
        self.setFixedHeight(self.fontMetrics().height() + margins.top() + margins.bottom())
