"""The Timeline page: one lane per engagement of the current filter, in the table's order.

The page follows the table's query (``EngagementTableModel``: the filter, the order,
every reload) and holds its ordered ids; the lanes in view are read a page at a time
(``ui.timeline_lanes``) and the axis spans the dates of the list (one aggregate,
``Tracker.lane_extent``, read again after a write). It follows the table's current
engagement, and a click on a lane (or Up/Down) selects that engagement in the window.
Zoom is remembered; what is shown can be saved as PNG or SVG (``ui.timeline_export``).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSettings, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from tracker.domain.changes import ChangeSet
from tracker.domain.lanes import follow_up_mark, periods
from tracker.domain.model import Filters
from tracker.domain.vocab import Status
from tracker.services import Tracker
from ui.i18n import QT_TRANSLATE_NOOP, number, translate, ui_language
from ui.plain_text import tooltip
from ui.settings import remember_timeline_zoom, timeline_zoom
from ui.style import status_chip_html
from ui.table_model import EngagementTableModel
from ui.timeline_canvas import DEFAULT_ZOOM, TimelineCanvas, clamped_zoom, today
from ui.timeline_export import export_image
from ui.timeline_lanes import LaneCache
from ui.timeline_painter import unit_for
from ui.views import FollowingView

# What the marks mean, after the status chips of the legend.
_MARKS = QT_TRANSLATE_NOOP(
    "timeline_view", "▨ began within the date · ⊓ started · ◇ follow-up day, ⊔ period · │ today"
)


def _unit_words(unit: str) -> str:
    """What the axis labels count ("months"), in the window's language."""
    words = {
        "years": translate("timeline_view", "years"),
        "quarters": translate("timeline_view", "quarters"),
        "months": translate("timeline_view", "months"),
        "weeks": translate("timeline_view", "weeks"),
    }
    return words.get(unit, unit)


def _button(text: str, name: str, tip: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setToolTip(tooltip(tip))
    button.setAccessibleName(tip)
    return button


class TimelineView(FollowingView):
    """The timeline of the engagements the table shows."""

    def __init__(
        self,
        service: Tracker,
        table: QTableView,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, parent)
        self.setObjectName("timelineView")
        model = table.model()
        assert isinstance(model, EngagementTableModel)
        self._model = model
        self._settings = settings
        self.lanes = LaneCache(service)
        self.canvas = TimelineCanvas(self.lanes, self)
        self.canvas.setObjectName("timelineCanvas")
        self.canvas.pixels_per_day = clamped_zoom(timeline_zoom(settings, DEFAULT_ZOOM))
        self._placed = False  # scrolled to today once
        self._pending = False  # a read is queued
        self._axis_of: bool | None = None  # the axis read spans the trash (or the live)
        self.summary = QLabel(self)
        self.summary.setObjectName("timelineSummary")
        self._build()
        model.modelReset.connect(self._invalidate)
        table.selectionModel().currentRowChanged.connect(self._table_current)
        self.canvas.engagementChosen.connect(self.engagementChosen)
        self.canvas.zoomed.connect(self._zoomed)
        self.canvas.currentChanged.connect(self._describe)

    def _build(self) -> None:
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 4)
        out = _button(
            "−", "timelineZoomOut", translate("timeline_view", "Zoom out (−, Ctrl+wheel)"), self
        )
        into = _button(
            "+", "timelineZoomIn", translate("timeline_view", "Zoom in (+, Ctrl+wheel)"), self
        )
        now = _button(
            translate("timeline_view", "Today"),
            "timelineToday",
            translate("timeline_view", "Scroll to today"),
            self,
        )
        png = _button(
            translate("timeline_view", "Export PNG…"),
            "timelineExportPng",
            translate("timeline_view", "Save what is shown as a PNG image"),
            self,
        )
        svg = _button(
            translate("timeline_view", "Export SVG…"),
            "timelineExportSvg",
            translate("timeline_view", "Save what is shown as an SVG drawing"),
            self,
        )
        for small in (out, into):
            small.setFixedWidth(small.fontMetrics().horizontalAdvance("+") + 28)
        out.clicked.connect(lambda: self.canvas.zoom_out())
        into.clicked.connect(lambda: self.canvas.zoom_in())
        now.clicked.connect(lambda: self.canvas.show_day(today()))
        png.clicked.connect(lambda: self.export("png"))
        svg.clicked.connect(lambda: self.export("svg"))
        marks = translate("timeline_view", _MARKS)
        legend = QLabel(" ".join(status_chip_html(s) for s in Status) + f"&nbsp; {marks}", self)
        legend.setObjectName("timelineLegend")
        legend.setWordWrap(True)  # a narrow window wraps it rather than growing
        legend.setAccessibleName("Legend: " + ", ".join(s.label for s in Status))
        for widget in (out, into, now, self.summary):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(png)
        bar.addWidget(svg)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        legend_row = QHBoxLayout()
        legend_row.setContentsMargins(6, 0, 6, 4)
        legend_row.addWidget(legend, 1)
        layout.addLayout(legend_row)
        layout.addWidget(self.canvas, 1)
        QWidget.setTabOrder(svg, self.canvas)  # Tab as laid out: the bar, then the canvas

    # -- following the window ------------------------------------------------------------

    def set_filters(self, filters: Filters) -> None:
        """The filter is followed through the table's query (its reset comes first)."""
        self.filters = filters

    def set_service(self, service: Tracker) -> None:
        """Show another database."""
        self.lanes.set_service(service)
        self._axis_of = None
        super().set_service(service)

    def follow(self, changes: ChangeSet) -> None:
        """A write: the changed lanes are read again when shown, the axis too."""
        if not changes.empty:
            self.lanes.forget(changes.engagements)
            self._axis_of = None
        super().follow(changes)

    def refresh(self) -> None:
        """Read the ids and the axis once the window has done what it is doing (a
        filter change resets the table and tells the pages: one read for both)."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.read)  # not after the page is gone

    def read(self) -> None:
        """Read the table's ids (and the axis, when its list or a write changed it),
        and paint the lanes in view."""
        self._pending = False
        self.lanes.set_ids(self._model.ids())
        # The axis spans the dates of the whole list (the live engagements, or the
        # trash), not of the filter: it stays put as the filter changes, keeping the
        # place scrolled to, and a filter costs no aggregate of its own.
        trash = self._model.filters.trash
        if self._axis_of != trash:
            self._axis_of = trash
            self.canvas.set_extent(self.service.lane_extent(filters=Filters(trash=trash)))
        else:
            self.canvas.update_ranges()
        if not self._placed:
            self._placed = True
            self.canvas.show_day(today())
        self.canvas.set_current(self.canvas.current)
        self._describe()

    def _table_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.canvas.set_current(self._model.id_at(current.row()) if current.isValid() else None)

    def _zoomed(self, zoom: float) -> None:
        remember_timeline_zoom(self._settings, zoom)
        self._describe()

    def _describe(self) -> None:
        count = len(self.lanes)
        unit = unit_for(self.canvas.pixels_per_day).value
        axis = self.canvas.axis
        unit = _unit_words(unit)
        self.summary.setText(
            translate("timeline_view", "{count} engagements · axis in {unit}").format(
                count=number(count), unit=unit
            )
        )
        self.canvas.setAccessibleDescription(
            f"{count} engagements, one lane each, from {axis.start:%d %b %Y} to "
            f"{axis.end:%d %b %Y}, labelled in {unit}. Up and Down move between lanes; "
            "each lane's tooltip reads its status periods."
            # Hidden, the page reads nothing: the current lane is read out when shown.
            + (_lane_words(self.canvas) if self.isVisible() else "")
        )

    # -- export ------------------------------------------------------------------------

    def export(self, kind: str) -> None:
        """Ask where, and save what is shown as ``kind`` ("png" or "svg")."""
        export_image(self.canvas, self._settings, kind)


def _lane_words(canvas: TimelineCanvas) -> str:
    """The current lane read out: its title, status periods and follow-up (for a screen
    reader, which cannot see the spans)."""
    lane = canvas.current_lane()
    if lane is None:
        return ""
    language = ui_language()
    words = [p.text(language) for p in periods(lane, today=today())]
    mark = follow_up_mark(lane)
    if mark is not None:
        words.append(mark.text(language))
    said = "; ".join(words or [translate("timeline_view", "no dated status")])
    return translate("timeline_view", " Current: {title}. {periods}.").format(
        title=lane.title, periods=said
    )
