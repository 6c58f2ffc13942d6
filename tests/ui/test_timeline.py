"""The Timeline page (ui.timeline_view), driven as a user would: its lanes are the table's
engagements in the table's order, a click or Up/Down on a lane selects that engagement,
zoom changes the axis and is remembered, lanes are read only for the rows in view, and
what is shown saves as PNG and SVG."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from tracker.domain.interchange import FORMAT
from tracker.domain.vocab import Status
from tracker.services import Tracker
from ui.main_window import MainWindow
from ui.timeline_canvas import MAX_ZOOM, MIN_ZOOM, TimelineCanvas
from ui.timeline_lanes import PAGE_SIZE
from ui.timeline_painter import Unit, unit_for
from ui.timeline_view import TimelineView
from ui.views import ViewKind

from .conftest import activate, find


def shown_timeline(qtbot: QtBot, window: MainWindow) -> TimelineView:
    """Show the Timeline tab by its key, as a user would, once it has read its lanes."""
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    assert window.views.current() == ViewKind.TIMELINE
    page = find(window, TimelineView, "timelineView")
    qtbot.waitUntil(lambda: len(page.lanes) == window.model.rowCount())
    return page


def lane_point(canvas: TimelineCanvas, row: int, x: int = 400) -> QPoint:
    """The middle of lane ``row`` (counted from the top of the view) at ``x``."""
    return QPoint(x, canvas.axis_height + row * canvas.lane_height + canvas.lane_height // 2)


def shown_titles(canvas: TimelineCanvas) -> list[str]:
    return [lane.title for _row, lane in canvas.frame().lanes if lane is not None]


def test_the_timeline_shows_a_lane_per_engagement_in_the_tables_order(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = shown_timeline(qtbot, window)
    table_titles = [window.model.row_data(r).title for r in range(window.model.rowCount())]  # type: ignore[union-attr]
    assert shown_titles(page.canvas) == table_titles
    assert "4 engagements" in page.summary.text()
    # A filter narrows the lanes as it narrows the table.
    window.filter_bar.narrow({"statuses": Status.ACTIVE})
    qtbot.waitUntil(lambda: len(page.lanes) == 1)
    assert shown_titles(page.canvas) == ["OpenAI for Government programme"]
    # Sorting the table by another column orders the lanes the same way.
    window.filter_bar.clear()
    window.views.show_view(ViewKind.TABLE)
    window.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    page = shown_timeline(qtbot, window)
    assert shown_titles(page.canvas) == sorted(table_titles, reverse=True)


def test_a_click_on_a_lane_selects_its_engagement(qtbot: QtBot, window: MainWindow) -> None:
    canvas = shown_timeline(qtbot, window).canvas
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=lane_point(canvas, 2))
    assert window.current_id() == window.model.id_at(2)
    assert canvas.current == window.model.id_at(2)
    # A screen reader reads the current lane from the description.
    title = shown_titles(canvas)[2]
    assert f"Current: {title}." in canvas.accessibleDescription()
    QTest.keyClick(canvas, Qt.Key.Key_Down)
    assert window.current_id() == window.model.id_at(3)
    QTest.keyClick(canvas, Qt.Key.Key_Up)
    QTest.keyClick(canvas, Qt.Key.Key_Up)
    assert window.current_id() == window.model.id_at(1)
    # A click over the titles selects too; one below the last lane selects nothing.
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=lane_point(canvas, 0, 20))
    assert window.current_id() == window.model.id_at(0)
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=lane_point(canvas, 9))
    assert window.current_id() == window.model.id_at(0)


def test_the_table_s_current_engagement_is_the_highlighted_lane(
    qtbot: QtBot, window: MainWindow
) -> None:
    canvas = shown_timeline(qtbot, window).canvas
    window.select(window.model.id_at(3))
    assert canvas.current == window.model.id_at(3)


def test_zoom_changes_the_axis_and_is_remembered(
    qtbot: QtBot, window: MainWindow, settings: QSettings
) -> None:
    canvas = shown_timeline(qtbot, window).canvas
    before = canvas.pixels_per_day
    QTest.mouseClick(find(window, QPushButton, "timelineZoomIn"), Qt.MouseButton.LeftButton)
    assert canvas.pixels_per_day > before
    for _ in range(30):
        QTest.keyClick(canvas, Qt.Key.Key_Plus)
    assert unit_for(canvas.pixels_per_day) is Unit.WEEKS
    for _ in range(30):
        QTest.mouseClick(find(window, QPushButton, "timelineZoomOut"), Qt.MouseButton.LeftButton)
    assert unit_for(canvas.pixels_per_day) is Unit.YEARS
    # Ctrl+wheel zooms around the mouse: the day under it stays under it (once the
    # axis is wider than the view, so that it can scroll).
    while canvas.pixels_per_day < 1:
        QTest.keyClick(canvas, Qt.Key.Key_Plus)
    canvas.horizontalScrollBar().setValue(canvas.horizontalScrollBar().maximum() // 2)
    at = QPointF(700, 300)
    day = canvas.frame().day_at(at.x())
    wheel = QWheelEvent(
        at,
        canvas.viewport().mapToGlobal(at),
        QPoint(),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    zoom = canvas.pixels_per_day
    QApplication.sendEvent(canvas.viewport(), wheel)
    assert canvas.pixels_per_day == pytest.approx(zoom * 1.25**2)
    assert abs((canvas.frame().day_at(at.x()) - day).days) <= 1
    assert float(str(settings.value("timeline/zoom"))) == pytest.approx(canvas.pixels_per_day)
    # Shift+wheel scrolls through time.
    before_x = canvas.horizontalScrollBar().value()
    shifted_wheel = QWheelEvent(
        at,
        canvas.viewport().mapToGlobal(at),
        QPoint(),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ShiftModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(canvas.viewport(), shifted_wheel)
    assert canvas.horizontalScrollBar().value() > before_x


def test_a_span_s_tooltip_reads_its_dates_as_recorded(qtbot: QtBot, window: MainWindow) -> None:
    canvas = shown_timeline(qtbot, window).canvas
    row = shown_titles(canvas).index("OpenAI for Government programme")
    assert canvas.text_at(lane_point(canvas, row, 20)) == "OpenAI for Government programme"
    # Its "Active" period began within ~2025, when it started: mid-2025 is in the span
    # of that year; in 2026 it surely was active.
    canvas.horizontalScrollBar().setValue(0)
    x = round(canvas.frame().x(datetime.date(2025, 6, 1)))
    assert canvas.text_at(lane_point(canvas, row, x)) == (
        "Active since c. 2025, to today\nStarted c. 2025"
    )
    x = round(canvas.frame().x(datetime.date(2026, 6, 1)))
    assert canvas.text_at(lane_point(canvas, row, x)) == "Active since c. 2025, to today"


def _many(count: int) -> dict[str, object]:
    engagements = [
        {
            "title": f"Engagement {n:04d}",
            "vendor": "OpenAI",
            "counterpart": "NATO",
            "status": "negotiating",
            "status_history": [{"status": "negotiating", "on": "2025-Q3"}],
        }
        for n in range(count)
    ]
    return {"format": FORMAT, "engagements": engagements}


@pytest.fixture
def crowded(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> MainWindow:
    service = Tracker.open(tmp_path / "many.db", user="alice")
    service.import_document(document=_many(450))
    window = MainWindow(service, settings=settings)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    return window


def test_lanes_are_read_only_for_the_rows_in_view(qtbot: QtBot, crowded: MainWindow) -> None:
    page = shown_timeline(qtbot, crowded)
    ids = crowded.model.ids()
    assert len(page.lanes) == 450
    page.canvas.viewport().repaint()
    assert page.lanes.held_ids() == set(ids[:PAGE_SIZE])  # the first page of lanes only
    bar = page.canvas.verticalScrollBar()
    assert bar.maximum() == 450 * page.canvas.lane_height - bar.pageStep()
    bar.setValue(bar.maximum())
    page.canvas.viewport().repaint()
    held = page.lanes.held_ids()
    assert set(ids[-10:]) <= held
    assert len(held) <= 3 * PAGE_SIZE
    assert not held & set(ids[PAGE_SIZE:300])  # the rows scrolled past were never read
    assert shown_titles(page.canvas)[-1] == "Engagement 0449"


def test_what_is_shown_exports_as_png_and_svg(
    qtbot: QtBot,
    window: MainWindow,
    settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    canvas = shown_timeline(qtbot, window).canvas
    asked: list[str] = []

    def save_as(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(tmp_path / Path(suggested).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    QTest.mouseClick(find(window, QPushButton, "timelineExportPng"), Qt.MouseButton.LeftButton)
    image = QImage(str(tmp_path / "timeline.png"))
    assert not image.isNull()
    assert image.width() >= canvas.viewport().width()
    QTest.mouseClick(find(window, QPushButton, "timelineExportSvg"), Qt.MouseButton.LeftButton)
    svg = (tmp_path / "timeline.svg").read_text(encoding="utf-8")
    assert "OpenAI for Government programme" in svg
    assert "<svg" in svg
    # The second dialog opened in the folder the first saved in.
    assert Path(asked[1]).parent == tmp_path


def test_a_write_redraws_the_lane_it_changed(qtbot: QtBot, window: MainWindow) -> None:
    page = shown_timeline(qtbot, window)
    engagement_id = window.model.id_at(0)
    before = window.service.get(engagement_id=engagement_id)
    saved = window.service.update(
        engagement_id=engagement_id,
        expected_version=before.version,
        changes={"status": "paused", "follow_up": "2027-03-10"},
    )
    window.views.follow(saved.changes)
    # The page of lanes holding the changed one is dropped, and read again when shown.
    assert engagement_id not in page.lanes.held_ids()
    lane = dict(page.canvas.frame().lanes)[0]
    assert lane is not None and lane.events[-1].status is Status.PAUSED
    assert str(lane.follow_up) == "2027-03-10"


def test_dates_at_the_ends_of_the_calendar_paint(qtbot: QtBot, window: MainWindow) -> None:
    window.service.create(
        data={
            "title": "Far",
            "vendor": "OpenAI",
            "counterpart": "NATO",
            "status": "active",
            "started": "0001",
            "follow_up": "9999-12-31",
            "status_history": [{"status": "active", "on": "9999-Q4"}],
        }
    )
    window.reload()
    canvas = shown_timeline(qtbot, window).canvas
    for value in (0, canvas.horizontalScrollBar().maximum()):
        canvas.horizontalScrollBar().setValue(value)
        for _ in range(3):
            canvas.zoom_out()
        canvas.viewport().repaint()
        canvas.zoom_in()
        canvas.viewport().repaint()
    row = shown_titles(canvas).index("Far")
    canvas.horizontalScrollBar().setValue(canvas.horizontalScrollBar().maximum())
    x = round(canvas.frame().x(datetime.date(9999, 12, 31)))
    assert "Follow up on 31 Dec 9999" in canvas.text_at(lane_point(canvas, row, x))


@pytest.mark.parametrize("saved", ["1e9", "inf", "-3", "nan", "not a number"])
def test_a_remembered_zoom_is_kept_within_years_to_weeks(
    qtbot: QtBot, db_path: Path, settings: QSettings, saved: str
) -> None:
    settings.setValue("timeline/zoom", saved)
    window = MainWindow(Tracker.open(db_path, user="alice"), settings=settings)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    try:
        canvas = shown_timeline(qtbot, window).canvas
        assert MIN_ZOOM <= canvas.pixels_per_day <= MAX_ZOOM
        canvas.viewport().repaint()
        assert shown_titles(canvas)
    finally:
        window.close()
