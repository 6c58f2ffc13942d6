"""The timeline's scrolling area: one lane per engagement, only those in view painted.

A ``QAbstractScrollArea`` whose vertical range is the lanes × the lane height and
horizontal range the days of the axis × the zoom; each paint reads the lanes of the
rows in view (``ui.timeline_lanes``) and draws them with ``ui.timeline_painter``. A
click or Up/Down makes a lane current (``engagementChosen``); Ctrl+wheel, + and − zoom
around the mouse or the middle, from years to weeks.
"""

from __future__ import annotations

import datetime
import math

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from tracker.domain.lanes import DaySpan, Lane, covered, follow_up_mark, periods, shifted
from tracker.services.base import utc_today
from ui.i18n import date_text, translate, ui_language
from ui.plain_text import tooltip
from ui.timeline_lanes import LaneCache
from ui.timeline_painter import TITLES_WIDTH, Colours, Frame, paint

MIN_ZOOM = 0.125  # pixels per day: a year is 45 pixels
MAX_ZOOM = 16.0  # a week is 112 pixels
DEFAULT_ZOOM = 0.5
ZOOM_STEP = 1.25
_MARGIN = 92  # days of room on the axis before and after the dates


def clamped_zoom(pixels_per_day: float) -> float:
    """A zoom kept within years to weeks (a remembered one too)."""
    return min(MAX_ZOOM, max(MIN_ZOOM, pixels_per_day))


def today() -> datetime.date:
    """Today's date (UTC, as the follow-ups count it), where the line is drawn."""
    return utc_today()


class TimelineCanvas(QAbstractScrollArea):
    """The lanes, the axis and the titles, scrolled and zoomed.

    ``engagementChosen(id)`` is emitted when the user makes a lane current; ``zoomed``
    with the new pixels per day; ``currentChanged`` when another lane is highlighted.
    """

    engagementChosen = Signal(int)
    zoomed = Signal(float)
    currentChanged = Signal()

    def __init__(self, lanes: LaneCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lanes = lanes
        self.current: int | None = None
        self.pixels_per_day = DEFAULT_ZOOM
        self.axis = DaySpan(shifted(today(), -730), shifted(today(), _MARGIN))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(False)
        self.setAccessibleName("Timeline")

    # -- geometry --------------------------------------------------------------------

    @property
    def lane_height(self) -> int:
        """The height of one lane."""
        return self.fontMetrics().height() + 12

    @property
    def axis_height(self) -> int:
        """The height of the axis above the lanes."""
        return self.fontMetrics().height() * 2 + 10

    def frame(self) -> Frame:
        """What is in view now (reading the lanes of the rows in view)."""
        size = self.viewport().size()
        top = self.verticalScrollBar().value()
        first = top // self.lane_height
        last = (top + size.height() - self.axis_height) // self.lane_height
        return Frame(
            origin=self.axis.start,
            pixels_per_day=self.pixels_per_day,
            x_offset=self.horizontalScrollBar().value(),
            y_offset=top,
            width=size.width(),
            height=size.height(),
            lane_height=self.lane_height,
            axis_height=self.axis_height,
            lanes=self.lanes.lanes(first, last),
            current=self.current,
            today=today(),
        )

    def set_extent(self, extent: DaySpan | None) -> None:
        """Let the axis run over ``extent`` (and today), with a margin either side."""
        start, end = today(), today()
        if extent is not None:
            start, end = min(start, extent.start), max(end, extent.end)
        first = datetime.date(start.year, 1, 1)
        self.axis = DaySpan(shifted(first, -_MARGIN), shifted(end, _MARGIN))
        self.update_ranges()

    def update_ranges(self) -> None:
        """Fit the scroll bars to the lanes, the axis and the zoom."""
        size = self.viewport().size()
        lanes_height = size.height() - self.axis_height
        vertical = self.verticalScrollBar()
        vertical.setRange(0, max(0, len(self.lanes) * self.lane_height - lanes_height))
        vertical.setPageStep(max(lanes_height, 1))
        vertical.setSingleStep(self.lane_height)
        horizontal = self.horizontalScrollBar()
        days_width = (self.axis.end - self.axis.start).days * self.pixels_per_day
        shown = size.width() - TITLES_WIDTH
        horizontal.setRange(0, max(0, round(days_width - shown)))
        horizontal.setPageStep(max(shown, 1))
        horizontal.setSingleStep(40)
        self.viewport().update()

    def show_day(self, day: datetime.date, at: float = 0.75) -> None:
        """Scroll so that ``day`` is ``at`` of the way across the lanes."""
        shown = self.viewport().width() - TITLES_WIDTH
        x = (day - self.axis.start).days * self.pixels_per_day - shown * at
        self.horizontalScrollBar().setValue(round(x))

    # -- zoom ------------------------------------------------------------------------

    def set_zoom(self, pixels_per_day: float, anchor: float | None = None) -> None:
        """Zoom to ``pixels_per_day`` (kept within years to weeks), keeping the day at
        ``anchor`` (an x in the viewport; the middle of the lanes when None) in place."""
        zoom = clamped_zoom(pixels_per_day)
        width = self.viewport().width()
        x = anchor if anchor is not None else (TITLES_WIDTH + width) / 2
        days = (x - TITLES_WIDTH + self.horizontalScrollBar().value()) / self.pixels_per_day
        self.pixels_per_day = zoom
        self.update_ranges()
        self.horizontalScrollBar().setValue(round(days * zoom - (x - TITLES_WIDTH)))
        self.zoomed.emit(zoom)

    def zoom_in(self, anchor: float | None = None) -> None:
        """Show less time, in more detail."""
        self.set_zoom(self.pixels_per_day * ZOOM_STEP, anchor)

    def zoom_out(self, anchor: float | None = None) -> None:
        """Show more time, in less detail."""
        self.set_zoom(self.pixels_per_day / ZOOM_STEP, anchor)

    # -- the current lane ----------------------------------------------------------------

    def set_current(self, engagement_id: int | None) -> None:
        """Highlight ``engagement_id``'s lane and scroll it into view."""
        self.current = engagement_id
        if engagement_id is not None and engagement_id in self.lanes.ids:
            self.ensure_visible(self.lanes.ids.index(engagement_id))
        self.viewport().update()
        self.currentChanged.emit()

    def current_lane(self) -> Lane | None:
        """The lane of the current engagement, if it is one of the lanes."""
        if self.current is None or self.current not in self.lanes.ids:
            return None
        row = self.lanes.ids.index(self.current)
        return dict(self.lanes.lanes(row, row)).get(row)

    def ensure_visible(self, row: int) -> None:
        """Scroll vertically just enough to show lane ``row``."""
        bar = self.verticalScrollBar()
        top = row * self.lane_height
        shown = self.viewport().height() - self.axis_height
        if top < bar.value():
            bar.setValue(top)
        elif top + self.lane_height > bar.value() + shown:
            bar.setValue(top + self.lane_height - shown)

    def _choose(self, row: int) -> None:
        if 0 <= row < len(self.lanes):
            engagement_id = self.lanes.ids[row]
            self.set_current(engagement_id)
            self.engagementChosen.emit(engagement_id)

    # -- events ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        try:
            paint(painter, self.frame(), Colours.of(self.palette()), self.font())
        finally:
            painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.update_ranges()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        top = self.verticalScrollBar().value()
        y = event.position().y()
        if y >= self.axis_height:
            self._choose(int((y - self.axis_height + top) // self.lane_height))

    def wheelEvent(self, event: QWheelEvent) -> None:
        modifiers = event.modifiers()
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self.pixels_per_day * ZOOM_STEP**steps, event.position().x())
            event.accept()
        elif modifiers & Qt.KeyboardModifier.ShiftModifier and event.angleDelta().y():
            # Shift+wheel scrolls through time, as in most timelines and spreadsheets.
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - round(event.angleDelta().y() / 120 * bar.singleStep() * 3))
            event.accept()
        else:
            super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._step(-1 if key == Qt.Key.Key_Up else 1)
        else:
            super().keyPressEvent(event)

    def _step(self, by: int) -> None:
        ids = self.lanes.ids
        if not ids:
            return
        row = ids.index(self.current) + by if self.current in ids else 0
        self._choose(min(max(row, 0), len(ids) - 1))

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.text_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), tooltip(text), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def text_at(self, point: QPoint) -> str:
        """What the tooltip at ``point`` says: the lane's title over the titles, else
        the status period (and follow-up) under it, as the dates were recorded."""
        frame = self.frame()
        row = frame.row_at(point.y())
        lane = dict(frame.lanes).get(row) if row is not None else None
        if lane is None:
            return ""
        if point.x() < TITLES_WIDTH:
            return lane.title
        # A few pixels either way: a day at the widest zoom is narrower than a pixel.
        slack = math.ceil(3 / frame.pixels_per_day)
        day = frame.day_at(point.x())
        return describe_day(lane, DaySpan(shifted(day, -slack), shifted(day, slack)), frame.today)


def describe_day(lane: Lane, days: DaySpan, on: datetime.date) -> str:
    """The status periods of ``lane`` (and its follow-up) that meet ``days``, in words:
    "Negotiating from Q3 2025 to 27 Feb 2026"; ``on`` is today."""
    language = ui_language()
    lines = [p.text(language) for p in periods(lane, today=on) if _meets(p.start, p.end, days)]
    if lane.started is not None:
        started = covered(lane.started)
        if _meets(started.start, started.end, days):
            lines.append(
                translate("timeline_canvas", "Started {date}").format(date=date_text(lane.started))
            )
    mark = follow_up_mark(lane)
    if mark is not None and _meets(mark.span.start, mark.span.end, days):
        lines.append(mark.text(language))
    return "\n".join(lines)


def _meets(start: datetime.date, end: datetime.date, days: DaySpan) -> bool:
    """True when the days from ``start`` to ``end`` (at least one) meet ``days``."""
    return start <= days.end and days.start < max(end, shifted(start, 1))
