"""The active filters as removable chips: a flow of small buttons "Region: Europe ✕",
one per filter set, in the words of ``tracker.domain.register.filter_parts`` (the
labels of ``tracker.domain.fields`` and of the vocabularies). Clicking one asks for
its filter to be removed (``remove_requested`` with the ``Filters`` fields it stands
for)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import QLayout, QLayoutItem, QPushButton, QSizePolicy, QWidget

from tracker.domain.model import Filters
from tracker.domain.register import filter_parts
from ui.i18n import translate, ui_language
from ui.plain_text import tooltip

CLOSE = "✕"


class FlowLayout(QLayout):
    """Items left to right, wrapping onto the next line when the width runs out."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in ``rect`` (or only measure); the height they take."""
        x, y, line = rect.x(), rect.y(), 0
        gap = self.spacing()
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line:
                x, y, line = rect.x(), y + line + gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            line = max(line, hint.height())
        return y + line - rect.y()


class FilterChips(QWidget):
    """One chip per filter set; hidden when none is."""

    remove_requested = Signal(tuple)  # the Filters fields the clicked chip stands for

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._flow = FlowLayout(self)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setAccessibleName("Active filters")
        self.setVisible(False)

    def chips(self) -> list[QPushButton]:
        """The chips shown, in order."""
        return [b for b in self.findChildren(QPushButton) if not b.isHidden()]

    def show_filters(self, filters: Filters) -> None:
        """Show a chip per filter set in ``filters``."""
        while (item := self._flow.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        parts = filter_parts(filters, ui_language())
        for keys, words in parts:
            chip = QPushButton(f"{words.replace('&', '&&')}  {CLOSE}", self)
            chip.setObjectName("filterChip")
            chip.setFlat(True)
            chip.setStyleSheet(
                "QPushButton#filterChip { border: 1px solid palette(mid); border-radius: 9px;"
                " padding: 1px 8px; }"
            )
            chip.setToolTip(
                tooltip(translate("filter_chips", "Remove the filter {words}").format(words=words))
            )
            chip.setAccessibleName(
                translate("filter_chips", "Remove the filter {words}").format(words=words)
            )
            chip.clicked.connect(lambda _=False, keys=keys: self.remove_requested.emit(keys))
            self._flow.addWidget(chip)
            chip.show()  # a child added to a shown widget is shown only once asked
        self.setVisible(bool(parts))
        self.updateGeometry()
