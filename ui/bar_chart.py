"""A horizontal bar chart drawn with QPainter: one bar per label, its figure written on
it, a note under the bars ("3 more vendors"); a click (or Enter on the focused bar)
asks for that bar, Ctrl adding it.

One painting routine (``BarChart.paint``) draws the widget, the PNG and the SVG, so an
export is what the screen shows. Text, grid and background colours come from the
widget's palette, so the chart reads in light and dark themes; a bar's own colour (a
status's, from ``ui.style``) gets near-black or white figures, whichever contrasts
more (``ui.style.chip_text_colour``). The figures are also the widget's accessible
description ("label: count; …") for screen readers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontInfo,
    QImage,
    QImageWriter,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.i18n import translate
from ui.style import chip_text_colour

PAD = 8  # around the chart and between its label column and its bars
GAP = 4  # between two bars
MAX_LABEL_CHARS = 28  # a longer label is elided


@dataclass(frozen=True)
class Bar:
    """One bar: what it reads, its count, and its colour (``#RRGGBB``; None for the
    palette's highlight)."""

    label: str
    count: int
    colour: str | None = None


class BarChart(QWidget):
    """A titled horizontal bar chart; ``barActivated(index, add)`` on a click or Enter."""

    barActivated = Signal(int, bool)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.bars: tuple[Bar, ...] = ()
        self.note = ""
        self.current = 0  # the bar Enter activates, outlined while focused
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(title)
        self.setToolTip(
            translate("bar_chart", "Click a bar to show those engagements; Ctrl+click to add them")
        )

    def set_bars(self, bars: Sequence[Bar], note: str = "") -> None:
        """Draw ``bars`` (and ``note`` under them)."""
        self.bars = tuple(bars)
        self.note = note
        self.current = min(self.current, max(len(self.bars) - 1, 0))
        figures = "; ".join(f"{b.label}: {b.count:,}" for b in self.bars) or "none"
        self.setAccessibleDescription(f"{figures}{'; ' + note if note else ''}")
        self.updateGeometry()
        self.update()

    # -- geometry -----------------------------------------------------------------------

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 2 * GAP

    def _title_height(self) -> int:
        return self.fontMetrics().height() + PAD

    def sizeHint(self) -> QSize:
        rows = max(len(self.bars), 1) + (1 if self.note else 0)
        return QSize(360, 2 * PAD + self._title_height() + rows * self._row_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def _label_width(self, size: QSize) -> int:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(self._label(b)) for b in self.bars), default=0)
        return min(widest, size.width() // 3)

    def _label(self, bar: Bar) -> str:
        text = bar.label
        return text if len(text) <= MAX_LABEL_CHARS else text[: MAX_LABEL_CHARS - 1] + "…"

    def _bar_rect(self, index: int, size: QSize) -> QRect:
        """Where the bar ``index`` may reach (its whole row right of the labels)."""
        left = PAD + self._label_width(size) + PAD
        top = PAD + self._title_height() + index * self._row_height()
        return QRect(left, top + GAP // 2, size.width() - left - PAD, self._row_height() - GAP)

    def bar_at(self, point: QPoint) -> int | None:
        """The bar whose row holds ``point`` (labels too), if any."""
        for index in range(len(self.bars)):
            row = self._bar_rect(index, self.size())
            if PAD <= point.x() <= row.right() and row.top() <= point.y() <= row.bottom():
                return index
        return None

    def bar_rect(self, index: int) -> QRect:
        """The drawn bar ``index`` (at least a sliver when its count is 0)."""
        row = self._bar_rect(index, self.size())
        return self._drawn(row, self.bars[index].count)

    def _drawn(self, row: QRect, count: int) -> QRect:
        top = max((b.count for b in self.bars), default=0) or 1
        return QRect(row.left(), row.top(), max(2, round(row.width() * count / top)), row.height())

    # -- painting -------------------------------------------------------------------------

    def paint(self, painter: QPainter, size: QSize, palette: QPalette) -> None:
        """Draw the chart over ``size`` with ``palette``'s colours (screen, PNG, SVG)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # The widget's font in pixels: a PNG or SVG has a resolution of its own, which
        # would scale a size in points away from the layout measured on the screen.
        font = QFont(self.font())
        font.setPixelSize(QFontInfo(self.font()).pixelSize())
        painter.setFont(font)
        painter.fillRect(QRect(QPoint(0, 0), size), palette.color(QPalette.ColorRole.Base))
        text = palette.color(QPalette.ColorRole.Text)
        painter.setPen(text)
        title = QRect(PAD, PAD, size.width() - 2 * PAD, self._title_height())
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(title, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, self.title)
        painter.setFont(font)
        for index, bar in enumerate(self.bars):
            self._paint_bar(painter, index, bar, size, palette)
        if self.note:
            row = self._bar_rect(len(self.bars), size)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(row.adjusted(PAD - row.left(), 0, 0, 0), left, self.note)

    def _paint_bar(
        self, painter: QPainter, index: int, bar: Bar, size: QSize, palette: QPalette
    ) -> None:
        row = self._bar_rect(index, size)
        label = QRect(PAD, row.top(), row.left() - 2 * PAD, row.height())
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        middle = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(label, Qt.AlignmentFlag.AlignRight | middle, self._label(bar))
        # The bar's track, faint, so a short bar still reads against the whole width.
        track = QColor(palette.color(QPalette.ColorRole.Mid))
        track.setAlpha(40)
        painter.fillRect(row, track)
        fill = bar.colour or palette.color(QPalette.ColorRole.Highlight).name()
        drawn = self._drawn(row, bar.count)
        painter.fillRect(drawn, QColor(fill))
        figure = f"{bar.count:,}"
        width = painter.fontMetrics().horizontalAdvance(figure) + 2 * GAP
        if width <= drawn.width():  # on the bar, in the colour that reads on it
            painter.setPen(QColor(chip_text_colour(fill)))
            where = drawn.adjusted(0, 0, -GAP, 0)
            painter.drawText(where, Qt.AlignmentFlag.AlignRight | middle, figure)
        else:  # just past its end, in the text colour
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            where = QRect(drawn.right() + GAP, row.top(), width, row.height())
            painter.drawText(where, Qt.AlignmentFlag.AlignLeft | middle, figure)
        if self.hasFocus() and index == self.current and painter.device() is self:
            pen = QPen(palette.color(QPalette.ColorRole.Text), 1, Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.drawRect(QRect(PAD, row.top(), row.right() - PAD, row.height() - 1))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self.paint(painter, self.size(), self.palette())
        finally:
            painter.end()

    def png(self) -> bytes:
        """The chart as a PNG image, at the widget's size and twice its resolution."""
        scale = 2
        image = QImage(self.size() * scale, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(scale)
        painter = QPainter(image)
        try:
            self.paint(painter, self.size(), self.palette())
        finally:
            painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        QImageWriter(buffer, QByteArray(b"PNG")).write(image)
        return bytes(data.data())

    def svg(self) -> bytes:
        """The chart as an SVG drawing (its texts are text, its bars rectangles)."""
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(self.size())
        generator.setResolution(self.logicalDpiX())  # its millimetres those of the screen
        generator.setViewBox(QRectF(0, 0, self.width(), self.height()))
        generator.setTitle(self.title)
        generator.setDescription(self.accessibleDescription())
        painter = QPainter(generator)
        try:
            self.paint(painter, self.size(), self.palette())
        finally:
            painter.end()
        return bytes(data.data())

    # -- input ----------------------------------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        index = self.bar_at(event.position().toPoint())
        if event.button() != Qt.MouseButton.LeftButton or index is None:
            super().mouseReleaseEvent(event)
            return
        self.current = index
        self.update()
        add = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        self.barActivated.emit(index, add)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if not self.bars:
            super().keyPressEvent(event)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if key == Qt.Key.Key_Up else 1
            self.current = max(0, min(len(self.bars) - 1, self.current + step))
            self.update()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            add = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            self.barActivated.emit(self.current, add)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()
