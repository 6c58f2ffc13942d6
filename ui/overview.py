"""The Overview page beside the table: of the engagements the filter keeps, a status ×
region matrix with its totals and bar charts by status, by region and by the top ten
vendors, read with one service call (``Tracker.overview``) whenever the page is shown
and the filter or the data changed.

A click on a cell, a total or a bar narrows the filter to it (Ctrl+click adds it), so
the table then holds exactly the engagements counted there. The charts save as PNG or
SVG and the matrix as CSV (``tracker.domain.overview.matrix_csv``), written atomically
(``tracker.services.files.write_atomic``), in the folder last saved to.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.changes import ChangeSet
from tracker.domain.errors import TrackerError
from tracker.domain.overview import Overview, RegionKey, matrix_csv
from tracker.domain.vocab import Status
from tracker.services import Tracker
from tracker.services.files import write_atomic
from ui.bar_chart import Bar, BarChart
from ui.i18n import QT_TRANSLATE_NOOP, number, region_text, translate, vocab_word
from ui.overview_matrix import MatrixModel, MatrixView
from ui.plain_text import warning
from ui.settings import APPLICATION, export_folder, remember_export_folder
from ui.style import STATUS_COLOURS
from ui.views import FollowingView

# The engagement fields the overview counts by: a write of others leaves it as it is
# (unless it moves engagements in or out of the filter).
COUNTED_FIELDS = frozenset({"status", "region", "vendor"})
CHART_FILES = QT_TRANSLATE_NOOP("overview", "PNG image (*.png);;SVG drawing (*.svg)")


class OverviewView(FollowingView):
    """The overview page: the matrix and the three charts, and their exports."""

    def __init__(
        self, service: Tracker, parent: QWidget | None = None, *, settings: QSettings
    ) -> None:
        super().__init__(service, parent)
        self.setObjectName("overviewPage")
        self._settings = settings
        self.overview = Overview()
        self._regions: tuple[RegionKey, ...] = ()
        self.summary = QLabel(self)
        self.summary.setObjectName("overviewSummary")
        self.matrix_model = MatrixModel(self.palette(), self)
        self.matrix = MatrixView(self)
        self.matrix.setObjectName("overviewMatrix")
        self.matrix.setAccessibleName("Engagements by status and region")
        self.matrix.setModel(self.matrix_model)
        self.matrix.cellChosen.connect(self._cell_chosen)
        self.by_status = self._chart(
            "statusChart", translate("overview", "By status"), self._status_chosen
        )
        self.by_region = self._chart(
            "regionChart", translate("overview", "By region"), self._region_chosen
        )
        self.by_vendor = self._chart(
            "vendorChart", translate("overview", "By vendor"), self._vendor_chosen
        )
        self.export_button = self._export_menu()
        self._build_layout()

    def _chart(self, name: str, title: str, chosen: Callable[[int, bool], None]) -> BarChart:
        chart = BarChart(title, self)
        chart.setObjectName(name)
        chart.barActivated.connect(chosen)
        return chart

    def _export_menu(self) -> QToolButton:
        """The Export button's menu; each chart's and the matrix's own context menu
        hold the same actions."""
        button = QToolButton(self)
        button.setObjectName("overviewExport")
        button.setText(translate("overview", "E&xport"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        entries: tuple[tuple[QWidget, str, str, Callable[[], None]], ...] = (
            (
                self.matrix,
                "exportMatrix",
                translate("overview", "Matrix as CSV…"),
                self.export_matrix,
            ),
            *(
                (chart, f"export{kind}Chart", text, self._saver(chart))
                for kind, text, chart in (
                    (
                        "Status",
                        translate("overview", "Status chart as PNG or SVG…"),
                        self.by_status,
                    ),
                    (
                        "Region",
                        translate("overview", "Region chart as PNG or SVG…"),
                        self.by_region,
                    ),
                    (
                        "Vendor",
                        translate("overview", "Vendor chart as PNG or SVG…"),
                        self.by_vendor,
                    ),
                )
            ),
        )
        for widget, name, text, run in entries:
            action = QAction(text, self)
            action.setObjectName(name)
            action.triggered.connect(run)
            menu.addAction(action)
            widget.addAction(action)
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        button.setMenu(menu)
        return button

    def _saver(self, chart: BarChart) -> Callable[[], None]:
        return lambda: self.export_chart(chart)

    def _build_layout(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.summary, 1)
        header.addWidget(self.export_button)
        self.matrix.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.matrix.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.matrix.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        grid = QGridLayout()
        grid.setSpacing(12)
        # The matrix needs the page's width (nine columns); the charts share a row.
        top_left = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
        grid.addWidget(self.matrix, 0, 0, 1, 3, top_left)
        for place, chart in enumerate((self.by_status, self.by_region, self.by_vendor)):
            grid.addWidget(chart, 1, place, Qt.AlignmentFlag.AlignTop)
            grid.setColumnStretch(place, 1)
        # Tab as laid out: the export button at the top, the matrix, then the charts.
        charts = (self.by_status, self.by_region, self.by_vendor)
        for first, second in itertools.pairwise((self.export_button, self.matrix, *charts)):
            QWidget.setTabOrder(first, second)
        content = QWidget(self)
        column = QVBoxLayout(content)
        column.addLayout(header)
        column.addLayout(grid)
        column.addStretch(1)
        scroll = QScrollArea(self)
        # No stop of its own: Tab goes to what it holds, and it scrolls that into view.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # -- reading and drawing ----------------------------------------------------------

    def refresh(self) -> None:
        """Read the overview of the filter and draw it."""
        self.overview = self.service.overview(filters=self.filters)
        self._draw()

    def follow(self, changes: ChangeSet) -> None:
        """Read again only when the write may move an engagement in or out of the
        filter, or changed what the overview counts by."""
        if changes.may_change_membership(self.filters) or changes.fields & COUNTED_FIELDS:
            self._invalidate()

    def _draw(self) -> None:
        overview = self.overview
        total = number(overview.total)
        if self.filters.trash:
            summary = translate("overview", "{count} in the trash").format(count=total)
        elif overview.total == 1:
            summary = translate("overview", "1 engagement")
        else:
            summary = translate("overview", "{count} engagements").format(count=total)
        self.summary.setText(summary)
        self.matrix_model.set_overview(overview, self.palette())
        self.matrix.fit_columns()
        self.by_status.set_bars(
            [
                Bar(vocab_word(s), overview.status_total(s), STATUS_COLOURS[s])
                for s in overview.statuses()
            ]
        )
        self._regions = overview.regions()
        self.by_region.set_bars(
            [Bar(region_text(r), overview.region_total(r)) for r in self._regions]
        )
        more = _more_vendors(overview.more_vendors)
        self.by_vendor.set_bars([Bar(name, n) for name, n in overview.vendors], more)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.matrix_model.set_overview(self.overview, self.palette())

    # -- narrowing ----------------------------------------------------------------------

    def _cell_chosen(self, row: int, column: int, add: bool) -> None:
        status = self.matrix_model.status_of(row)
        is_region, region = self.matrix_model.region_of(column)
        fields: dict[str, object] = {}
        if status is not None:
            fields["statuses"] = status
        if is_region:
            fields["regions"] = region
        if fields:  # the grand total narrows nothing
            self.narrowRequested.emit(fields, add)

    def _status_chosen(self, index: int, add: bool) -> None:
        self.narrowRequested.emit({"statuses": tuple(Status)[index]}, add)

    def _region_chosen(self, index: int, add: bool) -> None:
        self.narrowRequested.emit({"regions": self._regions[index]}, add)

    def _vendor_chosen(self, index: int, add: bool) -> None:
        self.narrowRequested.emit({"vendor": self.overview.vendors[index][0]}, add)

    # -- exports ------------------------------------------------------------------------

    def export_matrix(self) -> None:
        """Save the matrix as CSV, in a file the user names."""
        path, _ = self._ask(translate("overview", "Save the matrix"), "overview.csv", "CSV (*.csv)")
        if path:
            self._write(_with_suffix(path, (".csv",), ".csv"), matrix_csv(self.overview))

    def export_chart(self, chart: BarChart) -> None:
        """Save ``chart`` as PNG or SVG (by the name's extension, else the type chosen)."""
        name = f"{chart.objectName().removesuffix('Chart')}-chart.png"
        caption = translate("overview", "Save the chart {title}").format(title=chart.title.lower())
        path, chosen = self._ask(caption, name, translate("overview", CHART_FILES))
        if not path:
            return
        path = _with_suffix(path, (".png", ".svg"), ".svg" if "svg" in chosen.lower() else ".png")
        self._write(path, chart.svg() if path.lower().endswith(".svg") else chart.png())

    def _ask(self, caption: str, name: str, types: str) -> tuple[str, str]:
        folder = Path(export_folder(self._settings))
        return QFileDialog.getSaveFileName(self, caption, str(folder / name), types)

    def _write(self, path: str, content: str | bytes) -> None:
        try:
            self.service.check_output(path)
            write_atomic(path, content)
        except TrackerError as exc:
            warning(self, APPLICATION, str(exc))
            return
        remember_export_folder(self._settings, str(Path(path).parent))
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(
                translate("overview", "Saved {file}").format(file=path), 10000
            )


def _more_vendors(count: int) -> str:
    """The note under the vendor chart: "3 more vendors" (none when there are none)."""
    if not count:
        return ""
    if count == 1:
        return translate("overview", "1 more vendor")
    return translate("overview", "{count} more vendors").format(count=number(count))


def _with_suffix(path: str, allowed: tuple[str, ...], suffix: str) -> str:
    """``path`` as given when it ends in one of ``allowed``, else with ``suffix``."""
    return path if Path(path).suffix.lower() in allowed else path + suffix
