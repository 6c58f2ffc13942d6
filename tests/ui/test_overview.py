"""The Overview page (ui.overview) driven as a user would: it shows the demo's counts,
a click (or Enter) on a matrix cell, a total or a bar narrows the table to exactly
those engagements, Ctrl+click adds, the exports write what is shown, and a save made
while it is shown is followed."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from tests.ui.conftest import find, open_form
from tests.ui.test_main_window import CTRL, open_editor, press, select_title
from tracker.domain.model import Filters
from tracker.domain.overview import RegionKey
from tracker.domain.vocab import Region, Status
from ui.bar_chart import BarChart
from ui.main_window import MainWindow
from ui.overview import OverviewView
from ui.overview_matrix import MatrixView
from ui.views import ViewKind

NO = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton


def shown(window: MainWindow) -> OverviewView:
    """Show the overview by its View menu entry; the page."""
    find(window, QAction, "viewOverview").trigger()
    page = window.views.views[ViewKind.OVERVIEW]
    assert isinstance(page, OverviewView) and page.isVisible()
    return page


def demo_cells(window: MainWindow) -> Counter[tuple[Status, RegionKey]]:
    """The (status, region) of each live demo engagement, counted from the engagements."""
    engagements = window.service.get_many(ids=window.service.list_ids(filters=Filters()))
    return Counter((e.data.status, e.data.region) for e in engagements)


def cell_text(page: OverviewView, status: Status | None, region: RegionKey | str) -> str:
    """The figure shown for a status (None: the totals row) and region ("total": the
    totals column)."""
    model = page.matrix_model
    row = model.statuses.index(status) if status is not None else len(model.statuses)
    column = len(model.regions) if region == "total" else model.regions.index(region)
    return str(model.index(row, column).data())


def click_cell(
    matrix: MatrixView,
    status: Status | None,
    region: RegionKey | str,
    modifier: Qt.KeyboardModifier = NO,
) -> None:
    model = matrix.model()
    statuses: tuple[Status, ...] = model.statuses
    regions: tuple[RegionKey, ...] = model.regions
    row = statuses.index(status) if status is not None else len(statuses)
    column = len(regions) if region == "total" else regions.index(region)
    rect = matrix.visualRect(model.index(row, column))
    QTest.mouseClick(matrix.viewport(), LEFT, modifier, rect.center())


def click_bar(chart: BarChart, index: int, modifier: Qt.KeyboardModifier = NO) -> None:
    QTest.mouseClick(chart, LEFT, modifier, chart.bar_rect(index).center())


def test_the_overview_shows_the_demo_counts(qtbot: QtBot, window: MainWindow) -> None:
    page = shown(window)
    cells = demo_cells(window)
    total = sum(cells.values())
    assert find(page, QLabel, "overviewSummary").text() == f"{total} engagements"
    for status in Status:
        for region in Region:
            assert cell_text(page, status, region) == str(cells[(status, region)])
        assert cell_text(page, status, "total") == str(
            sum(n for (s, _), n in cells.items() if s == status)
        )
    for region in Region:
        assert cell_text(page, None, region) == str(
            sum(n for (_, r), n in cells.items() if r == region)
        )
    assert cell_text(page, None, "total") == str(total)
    # The figures are also text for screen readers.
    status_chart = find(page, BarChart, "statusChart")
    by_status = Counter(s for s, _ in cells.elements())
    for status in Status:
        assert f"{status.label}: {by_status[status]}" in status_chart.accessibleDescription()
    vendors = find(page, BarChart, "vendorChart")
    assert [b.label for b in vendors.bars] == [name for name, _ in page.overview.vendors]


def test_a_click_on_a_cell_filters_the_table_and_ctrl_click_adds(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = shown(window)
    cells = demo_cells(window)
    (first, n_first), (second, n_second) = sorted(cells.items(), key=repr)[:2]
    matrix = find(page, MatrixView, "overviewMatrix")
    click_cell(matrix, *first)
    chosen = window.filter_bar.filters()
    assert (chosen.statuses, chosen.regions) == ((first[0],), (first[1],))
    assert window.model.rowCount() == n_first
    # The page follows the filter: the other cells are now empty.
    assert cell_text(page, None, "total") == str(n_first)

    click_cell(matrix, *second, CTRL)  # added, though its cell now reads 0
    chosen = window.filter_bar.filters()
    assert set(chosen.statuses) == {first[0], second[0]}  # shown in vocabulary order
    assert set(chosen.regions) == {first[1], second[1]}
    assert window.model.rowCount() == window.service.count(filters=chosen)
    assert window.model.rowCount() >= n_first + n_second


def test_a_total_filters_by_its_status_or_its_region_alone(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = shown(window)
    cells = demo_cells(window)
    status, region = next(iter(cells))
    matrix = find(page, MatrixView, "overviewMatrix")
    click_cell(matrix, status, "total")
    assert window.filter_bar.filters().statuses == (status,)
    assert window.filter_bar.filters().regions == ()
    assert window.model.rowCount() == sum(n for (s, _), n in cells.items() if s == status)
    window.filter_bar.clear()
    click_cell(matrix, None, region)
    assert window.filter_bar.filters().statuses == ()
    assert window.filter_bar.filters().regions == (region,)
    assert window.model.rowCount() == sum(n for (_, r), n in cells.items() if r == region)


def test_enter_on_a_cell_filters_the_table(qtbot: QtBot, window: MainWindow) -> None:
    page = shown(window)
    (status, region), n = next(iter(demo_cells(window).items()))
    matrix = find(page, MatrixView, "overviewMatrix")
    model = page.matrix_model
    matrix.setFocus()
    qtbot.waitUntil(matrix.hasFocus)
    matrix.setCurrentIndex(model.index(model.statuses.index(status), model.regions.index(region)))
    QTest.keyClick(matrix, Qt.Key.Key_Return)
    assert window.filter_bar.filters().statuses == (status,)
    assert window.filter_bar.filters().regions == (region,)
    assert window.model.rowCount() == n


def test_a_click_on_a_bar_filters_the_table(qtbot: QtBot, window: MainWindow) -> None:
    page = shown(window)
    cells = demo_cells(window)
    status = next(iter(cells))[0]
    click_bar(find(page, BarChart, "statusChart"), list(Status).index(status))
    assert window.filter_bar.filters().statuses == (status,)
    assert window.model.rowCount() == sum(n for (s, _), n in cells.items() if s == status)
    window.filter_bar.clear()

    vendors = find(page, BarChart, "vendorChart")
    name, count = page.overview.vendors[0]
    click_bar(vendors, 0)
    assert window.filter_bar.filters().vendor == name
    assert window.model.rowCount() == count
    window.filter_bar.clear()

    regions = find(page, BarChart, "regionChart")
    click_bar(regions, 0)
    click_bar(regions, 1, CTRL)
    assert window.filter_bar.filters().regions == (Region.EUROPE, Region.NORTH_AMERICA)
    expected = sum(n for (_, r), n in cells.items() if r in (Region.EUROPE, Region.NORTH_AMERICA))
    assert window.model.rowCount() == expected


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path, chosen: str = "") -> list[str]:
    """Answer the save dialogs with ``path``; the folders they offered."""
    offered: list[str] = []

    def answer(parent: object, caption: str, where: str, types: str) -> tuple[str, str]:
        offered.append(str(Path(where).parent))
        return str(path), chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return offered


def test_the_matrix_exports_as_csv(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    settings: QSettings,
) -> None:
    page = shown(window)
    cells = demo_cells(window)
    target = tmp_path / "out" / "matrix.csv"
    offered = save_as(monkeypatch, target)
    find(page, QAction, "exportMatrix").trigger()
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert rows[0][0] == "Status" and rows[0][-1] == "Total"
    header = rows[0][1:-1]
    by_label = {row[0]: row[1:] for row in rows[1:]}
    for (status, region), n in cells.items():
        assert by_label[status.label][header.index(region.label if region else "Not set")] == str(n)
    assert by_label["Total"][-1] == str(sum(cells.values()))
    assert f"Saved {target}" in window.statusBar().currentMessage()
    # The next export offers the folder saved to.
    find(page, QAction, "exportMatrix").trigger()
    assert offered[-1] == str(target.parent)


def test_a_chart_exports_as_png_and_svg(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = shown(window)
    chart = find(page, BarChart, "statusChart")
    png = tmp_path / "status.png"
    save_as(monkeypatch, png)
    find(page, QAction, "exportStatusChart").trigger()
    image = QImage(str(png))
    assert not image.isNull()
    assert (image.width(), image.height()) == (2 * chart.width(), 2 * chart.height())

    svg = tmp_path / "regions"  # no extension: the type chosen in the dialog decides
    save_as(monkeypatch, svg, "SVG drawing (*.svg)")
    find(page, QAction, "exportRegionChart").trigger()
    root = ET.parse(svg.with_suffix(".svg")).getroot()
    texts = {"".join(e.itertext()).strip() for e in root.iter() if e.tag.endswith("text")}
    assert {"By region", *(r.label for r in Region)} <= texts
    overview = page.overview
    assert {f"{overview.region_total(r):,}" for r in Region} <= texts


def test_a_save_while_the_overview_is_shown_is_followed(qtbot: QtBot, window: MainWindow) -> None:
    eid = select_title(window, "NATO")
    stored = window.service.get(engagement_id=eid).data
    assert stored.status is Status.EXPLORATORY
    before = demo_cells(window)
    dialog = open_editor(qtbot, window)
    page = shown(window)
    combo = find(dialog, QComboBox, "field_status")
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    press(qtbot, Qt.Key.Key_Down)  # the next status: Negotiating
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: open_form(window) is None)
    moved = (Status.NEGOTIATING, stored.region)
    assert cell_text(page, *moved) == str(before[moved] + 1)
    gone = (Status.EXPLORATORY, stored.region)
    assert cell_text(page, *gone) == str(before[gone] - 1)


def test_the_charts_keep_to_the_page_at_the_window_size(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1400, 820)
    page = shown(window)
    qtbot.waitUntil(lambda: page.width() > 0)
    matrix = find(page, MatrixView, "overviewMatrix")
    last = matrix.model().index(0, matrix.model().columnCount() - 1)
    right = matrix.viewport().mapTo(page, matrix.visualRect(last).topRight())
    assert right.x() <= page.width(), "the matrix's Total column is cut off"


def test_a_chart_is_reached_and_chosen_by_keys(qtbot: QtBot, window: MainWindow) -> None:
    page = shown(window)
    chart = find(page, BarChart, "statusChart")
    chart.setFocus()
    qtbot.waitUntil(chart.hasFocus)
    QTest.keyClick(chart, Qt.Key.Key_Down)
    QTest.keyClick(chart, Qt.Key.Key_Down)
    QTest.keyClick(chart, Qt.Key.Key_Return)
    third = list(Status)[2]
    assert window.filter_bar.filters().statuses == (third,)
    assert window.model.rowCount() == window.service.count(filters=Filters(statuses=(third,)))
