"""How the engagement table looks: its behaviour (rows selected whole, no grid, movable
columns) and its default column widths, measured with its font.

Each column but the title is as wide as a typical long value of it (or its header,
with room for the sort mark); the title takes what is left of the table's default
width, so that a fresh window shows every column. Widths the user set are remembered
(ui.settings) and replace these.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView

from ui.table_model import COLUMNS, STATUS_COLUMN

# A typical long value of each column but the title.
SAMPLES: dict[str, str] = {
    "counterpart": "U.S. Department",
    "vendor": "Anthropic",
    "region": "North America",
    "status": "Broken down",
    "confidence": "Confirmed",
    "marking": "NATO UNCLASSIFIED",
    "updated_at": "2026-11-27 03:29",
    "follow_up": "27 Feb 2026",
}
TITLE_MIN_CHARS = 24  # a narrower table still gives the title this many characters


def default_widths(table: QTableView, width: int) -> list[int]:
    """Column widths (in ``COLUMNS`` order) for ``table`` when ``width`` pixels wide,
    with its model set."""
    style = table.style()
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    # A cell's text is inset by a margin on each side; leave a little more than that.
    padding = 4 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    icon = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, table) + 4
    title = next(n for n, c in enumerate(COLUMNS) if c.key == "title")
    widths = [0] * len(COLUMNS)
    for n, column in enumerate(COLUMNS):
        if n != title:
            cell = metrics.horizontalAdvance(SAMPLES[column.key]) + padding
            cell += icon if n == STATUS_COLUMN else 0
            widths[n] = max(cell, header.sectionSizeHint(n))
    frame = 2 * table.frameWidth()
    scroll_bar = style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, table)
    rest = width - frame - scroll_bar - sum(widths)
    widths[title] = max(rest, TITLE_MIN_CHARS * metrics.averageCharWidth())
    return widths


def configure_table(table: QTableView, model: QAbstractItemModel, width: int) -> None:
    """Set ``table`` up on ``model``: whole rows selected, several at once, no editing in
    place, compact rows without a grid, movable and sortable columns with context menus,
    and the default widths for ``width`` pixels."""
    table.setModel(model)
    table.setObjectName("engagementTable")
    table.setAccessibleName("Engagements")
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    # Tab leaves the table (the arrows move between its cells): else it is a keyboard trap.
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setShowGrid(False)
    vertical = table.verticalHeader()
    vertical.setVisible(False)
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setSectionsMovable(True)
    header.setHighlightSections(False)
    header.setStretchLastSection(False)
    header.setSortIndicatorShown(True)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    for column, column_width in enumerate(default_widths(table, width)):
        table.setColumnWidth(column, column_width)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
