"""Painting the timeline: the time axis, the lanes' status periods, the follow-up marks,
today's line and the lane titles, onto any QPainter (the screen, a PNG or an SVG).

The page (``ui.timeline_view``) says what is shown as a :class:`Frame` — where the
axis starts, how many pixels a day takes, which lanes are in view and where — and
:func:`paint` draws exactly that; an export paints the same frame onto a file, so what
is saved is what is shown. Colours of the text, grid and background come from the
widget's palette (light or dark alike); the statuses keep their colours of
``ui.style``, each period outlined so that pale ones stand out on a light background.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QPolygonF

from tracker.domain.lanes import DaySpan, Lane, covered, follow_up_mark, periods, shifted
from tracker.domain.languages import Language
from ui.i18n import domain_text, locale, translate, ui_language
from ui.style import STATUS_COLOURS

TITLES_WIDTH = 260  # the left column of lane titles, in pixels
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _month_name(month: int) -> str:
    """A month on the axis: "Mar" in English, as its locale abbreviates it otherwise."""
    if ui_language() == Language.EN:
        return _MONTH_NAMES[month - 1]
    return locale().monthName(month, QLocale.FormatType.ShortFormat)


class Unit(enum.Enum):
    """What the axis labels count, from the widest zoom to the closest."""

    YEARS = "years"
    QUARTERS = "quarters"
    MONTHS = "months"
    WEEKS = "weeks"


# Each unit's least width to be labelled (pixels), finest first; a coarser unit names
# the row above: the years above quarters and months, the months above weeks.
_ROOM = ((Unit.WEEKS, 7, 26), (Unit.MONTHS, 30.4, 34), (Unit.QUARTERS, 91.3, 30))
_ABOVE = {Unit.WEEKS: Unit.MONTHS, Unit.MONTHS: Unit.YEARS, Unit.QUARTERS: Unit.YEARS}


def unit_for(pixels_per_day: float) -> Unit:
    """The finest unit whose labels fit at this zoom."""
    for unit, days, room in _ROOM:
        if pixels_per_day * days >= room:
            return unit
    return Unit.YEARS


def _next_boundary(day: datetime.date, unit: Unit) -> datetime.date:
    """The first day of the ``unit`` after the one holding ``day``."""
    if unit is Unit.WEEKS:
        return shifted(day, 7 - day.weekday())
    months = {Unit.MONTHS: 1, Unit.QUARTERS: 3, Unit.YEARS: 12}[unit]
    first_month = (day.month - 1) // months * months  # 0-based month opening the unit
    index = day.year * 12 + first_month + months
    if index // 12 > datetime.MAXYEAR:
        return datetime.date.max
    return datetime.date(index // 12, index % 12 + 1, 1)


def _start_of(day: datetime.date, unit: Unit) -> datetime.date:
    if unit is Unit.WEEKS:
        return shifted(day, -day.weekday())
    months = {Unit.MONTHS: 1, Unit.QUARTERS: 3, Unit.YEARS: 12}[unit]
    return datetime.date(day.year, (day.month - 1) // months * months + 1, 1)


def boundaries(first: datetime.date, last: datetime.date, unit: Unit) -> Iterator[datetime.date]:
    """The first days of the ``unit``s from the one holding ``first`` up to ``last``."""
    day = _start_of(first, unit)
    while day <= last:
        yield day
        following = _next_boundary(day, unit)
        if following <= day:  # the end of the calendar
            return
        day = following


def label(day: datetime.date, unit: Unit, *, above: bool = False) -> str:
    """An axis label of the unit starting on ``day``: "2026", "Q3", "Mar", a week by its
    Monday's day "23"; in the row ``above`` a month reads "Mar 2026"."""
    match unit:
        case Unit.YEARS:
            return str(day.year)
        case Unit.QUARTERS:
            return translate("timeline_painter", "Q{number}").format(
                number=(day.month - 1) // 3 + 1
            )
        case Unit.MONTHS:
            name = _month_name(day.month)
            return f"{name} {day.year}" if above else name
        case Unit.WEEKS:
            return str(day.day)


@dataclass(frozen=True)
class Frame:
    """What is shown: the axis from ``origin`` at ``pixels_per_day``, scrolled
    ``x_offset`` pixels right and ``y_offset`` pixels down, in a ``width`` × ``height``
    area; ``lanes`` are the (row, lane) pairs in view (a lane not yet read is None)."""

    origin: datetime.date
    pixels_per_day: float
    x_offset: float
    y_offset: int
    width: int
    height: int
    lane_height: int
    axis_height: int
    lanes: Sequence[tuple[int, Lane | None]]
    current: int | None
    today: datetime.date

    def x(self, day: datetime.date) -> float:
        """The x of the start of ``day``."""
        return TITLES_WIDTH + (day - self.origin).days * self.pixels_per_day - self.x_offset

    def day_at(self, x: float) -> datetime.date:
        """The day at ``x``."""
        days = (x - TITLES_WIDTH + self.x_offset) / self.pixels_per_day
        return shifted(self.origin, int(days // 1))

    def lane_top(self, row: int) -> int:
        """The y of the top of lane ``row``."""
        return self.axis_height + row * self.lane_height - self.y_offset

    def row_at(self, y: float) -> int | None:
        """The lane row at ``y``, or None over the axis."""
        if y < self.axis_height:
            return None
        return int((y - self.axis_height + self.y_offset) // self.lane_height)


@dataclass(frozen=True)
class Colours:
    """The colours of one palette (light or dark)."""

    background: QColor
    alternate: QColor
    text: QColor
    grid: QColor
    highlight: QColor
    highlighted_text: QColor
    today: QColor

    @classmethod
    def of(cls, palette: QPalette) -> Colours:
        """Colours from a widget's palette."""
        role = QPalette.ColorRole
        text = palette.color(role.Text)
        base = palette.color(role.Base)
        return cls(
            background=base,
            alternate=palette.color(role.AlternateBase),
            text=text,
            grid=blend(text, base, 0.18),
            highlight=palette.color(role.Highlight),
            highlighted_text=palette.color(role.HighlightedText),
            today=QColor("#CC3311"),  # a red apart from every status colour
        )


def blend(colour: QColor, under: QColor, opacity: float) -> QColor:
    """``colour`` at ``opacity`` over ``under``, as one opaque colour: opaque lines and
    fills paint several times faster than translucent ones."""

    def mix(a: int, b: int) -> int:
        return round(a * opacity + b * (1 - opacity))

    return QColor(
        mix(colour.red(), under.red()),
        mix(colour.green(), under.green()),
        mix(colour.blue(), under.blue()),
    )


def paint(painter: QPainter, frame: Frame, colours: Colours, font: QFont) -> None:
    """Draw ``frame``: lanes, today's line, the axis on top and the titles at the left."""
    painter.setFont(font)
    painter.fillRect(QRectF(0, 0, frame.width, frame.height), colours.background)
    painter.save()
    painter.setClipRect(QRectF(TITLES_WIDTH, frame.axis_height, frame.width, frame.height))
    _grid(painter, frame, colours)
    for row, lane in frame.lanes:
        _lane(painter, frame, colours, row, lane)
    today = frame.x(frame.today)
    painter.setPen(QPen(colours.today, 2))
    painter.drawLine(QPointF(today, frame.axis_height), QPointF(today, frame.height))
    painter.restore()
    _axis(painter, frame, colours)
    _titles(painter, frame, colours)


def _visible_days(frame: Frame) -> tuple[datetime.date, datetime.date]:
    return frame.day_at(TITLES_WIDTH), shifted(frame.day_at(frame.width), 1)


def _grid(painter: QPainter, frame: Frame, colours: Colours) -> None:
    """Rows shaded by turns, the current one highlighted, and a line at each label."""
    for row, _lane in frame.lanes:
        top = frame.lane_top(row)
        band = QRectF(TITLES_WIDTH, top, frame.width, frame.lane_height)
        if row % 2:
            painter.fillRect(band, colours.alternate)
    painter.setPen(QPen(colours.grid, 1))
    first, last = _visible_days(frame)
    lines = [
        QLineF(x, frame.axis_height, x, frame.height)
        for x in (
            round(frame.x(day)) + 0.5
            for day in boundaries(first, last, unit_for(frame.pixels_per_day))
        )
    ]
    painter.drawLines(lines)


def _span_rect(frame: Frame, span: DaySpan, top: float, height: float) -> QRectF:
    left = frame.x(span.start)
    # However short, a span stays visible (a day at the widest zoom is a fifth of a pixel).
    width = max(frame.x(span.end) - left, 3.0)
    return QRectF(left, top, width, height)


def _lane(painter: QPainter, frame: Frame, colours: Colours, row: int, lane: Lane | None) -> None:
    top = frame.lane_top(row)
    if lane is not None and lane.id == frame.current:
        selected = blend(colours.highlight, colours.background, 0.3)
        painter.fillRect(QRectF(TITLES_WIDTH, top, frame.width, frame.lane_height), selected)
    if lane is None:
        return
    bar_top = top + 3
    bar_height = frame.lane_height - 10
    for period in periods(lane, today=frame.today):
        colour = QColor(STATUS_COLOURS[period.status])
        painter.setPen(QPen(colour.darker(170), 1))
        if not period.uncertain.empty:
            # Begun somewhere in these days: the status's colour, hatched and paler.
            pale = blend(colour, colours.background, 0.5)
            rect = _span_rect(frame, period.uncertain, bar_top, bar_height)
            painter.fillRect(rect, pale)
            painter.fillRect(rect, QBrush(colour, Qt.BrushStyle.BDiagPattern))
            painter.drawRect(rect)
        if not period.solid.empty:
            painter.setBrush(colour)
            painter.drawRect(_span_rect(frame, period.solid, bar_top, bar_height))
            painter.setBrush(Qt.BrushStyle.NoBrush)
    _follow_up(painter, frame, colours, lane, top)
    if lane.started is not None:
        _bracket(painter, frame, colours, covered(lane.started), top + 1.5, 4)


def _follow_up(painter: QPainter, frame: Frame, colours: Colours, lane: Lane, top: int) -> None:
    """A diamond on a follow-up day; a bracket under the span of a coarser date."""
    mark = follow_up_mark(lane)
    if mark is None:
        return
    painter.setPen(QPen(colours.text, 1.5))
    bottom = top + frame.lane_height - 2.5  # under the bar
    if mark.exact:
        x = frame.x(mark.span.start) + frame.pixels_per_day / 2
        middle = top + frame.lane_height / 2
        size = frame.lane_height / 2 - 3
        painter.setBrush(colours.background)
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(x, middle - size),
                    QPointF(x + size * 0.75, middle),
                    QPointF(x, middle + size),
                    QPointF(x - size * 0.75, middle),
                ]
            )
        )
        painter.setBrush(Qt.BrushStyle.NoBrush)
        return
    _bracket(painter, frame, colours, mark.span, bottom, -6)


def _bracket(
    painter: QPainter, frame: Frame, colours: Colours, span: DaySpan, y: float, ends: float
) -> None:
    """A line across ``span`` at ``y`` with ends ``ends`` pixels long (up when negative):
    the follow-up under the bar, the start above it."""
    painter.setPen(QPen(colours.text, 1.5))
    left = frame.x(span.start)
    right = max(frame.x(span.end), left + 4)
    points = [
        QPointF(left, y + ends),
        QPointF(left, y),
        QPointF(right, y),
        QPointF(right, y + ends),
    ]
    painter.drawPolyline(QPolygonF(points))


def _axis(painter: QPainter, frame: Frame, colours: Colours) -> None:
    """Two rows of labels above the lanes (the coarser unit above the finer one), and
    "Today" at today's line."""
    painter.fillRect(QRectF(0, 0, frame.width, frame.axis_height), colours.background)
    painter.setPen(colours.text)
    painter.drawText(
        QRectF(6, frame.axis_height / 2, TITLES_WIDTH - 12, frame.axis_height / 2),
        Qt.AlignmentFlag.AlignVCenter,
        domain_text("Engagement"),
    )
    painter.save()
    painter.setClipRect(QRectF(TITLES_WIDTH, 0, frame.width, frame.axis_height))
    unit = unit_for(frame.pixels_per_day)
    first, last = _visible_days(frame)
    half = frame.axis_height / 2
    ascent = QFontMetrics(painter.font()).ascent()
    for day in boundaries(first, last, unit):
        x = frame.x(day)
        painter.drawLine(QPointF(x, half), QPointF(x, frame.axis_height))
        painter.drawText(QPointF(x + 4, half + ascent + 3), label(day, unit))
    above = _ABOVE.get(unit)
    if above is not None:
        _labels_above(painter, frame, above, ascent + 3)
    today = frame.x(frame.today)
    metrics = QFontMetrics(painter.font())
    today_text = translate("timeline_painter", "Today")
    box = QRectF(today - metrics.horizontalAdvance(today_text) / 2 - 3, half, 0, half)
    box.setWidth(metrics.horizontalAdvance(today_text) + 6)
    painter.fillRect(box, colours.today)
    painter.setPen(QColor("#FFFFFF"))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, today_text)
    painter.restore()
    painter.setPen(colours.grid)
    bottom = frame.axis_height - 0.5
    painter.drawLine(QPointF(0, bottom), QPointF(frame.width, bottom))


def _labels_above(painter: QPainter, frame: Frame, unit: Unit, baseline: float) -> None:
    """The row of the coarser ``unit``: a line at each start and its label, kept in view
    while its unit is, however far left it began (but clear of the next one's)."""
    first, last = _visible_days(frame)
    metrics = QFontMetrics(painter.font())
    for day in boundaries(first, last, unit):
        x = frame.x(day)
        painter.drawLine(QPointF(x, 0), QPointF(x, frame.axis_height))
        text = label(day, unit, above=True)
        room = frame.x(_next_boundary(day, unit)) - metrics.horizontalAdvance(text) - 8
        painter.drawText(QPointF(max(x, min(TITLES_WIDTH, room)) + 4, baseline), text)


def _titles(painter: QPainter, frame: Frame, colours: Colours) -> None:
    """The lane titles in the left column, the current one highlighted."""
    painter.save()
    painter.setClipRect(QRectF(0, frame.axis_height, TITLES_WIDTH, frame.height))
    painter.fillRect(QRectF(0, frame.axis_height, TITLES_WIDTH, frame.height), colours.background)
    metrics = QFontMetrics(painter.font())
    for row, lane in frame.lanes:
        top = frame.lane_top(row)
        band = QRectF(0, top, TITLES_WIDTH, frame.lane_height)
        current = lane is not None and lane.id == frame.current
        if current:
            painter.fillRect(band, colours.highlight)
        elif row % 2:
            painter.fillRect(band, colours.alternate)
        if lane is None:
            continue
        painter.setPen(colours.highlighted_text if current else colours.text)
        text = metrics.elidedText(lane.title, Qt.TextElideMode.ElideRight, TITLES_WIDTH - 12)
        painter.drawText(band.adjusted(6, 0, -6, 0), Qt.AlignmentFlag.AlignVCenter, text)
    painter.restore()
    painter.setPen(colours.grid)
    painter.drawLine(QPointF(TITLES_WIDTH - 0.5, 0), QPointF(TITLES_WIDTH - 0.5, frame.height))
