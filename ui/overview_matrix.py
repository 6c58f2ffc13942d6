"""The overview's status × region matrix: a small table model (at most eight by eight,
plus the totals) over an ``Overview``, and the table view that says which cell a click
or Enter chose, and whether Ctrl was held to add it.

Every status is a row and every region a column, in vocabulary order, with "not set"
when some engagement has no region; the last row and column are the totals. A cell is
tinted by its share of the largest cell (the palette's highlight, faint), its figure
kept in the text colour so that it reads in light and dark themes.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from tracker.domain.languages import colon
from tracker.domain.overview import TOTAL, Overview, RegionKey
from tracker.domain.vocab import Status
from ui.i18n import domain_text, number, region_text, translate, ui_language, vocab_word

AnyIndex = QModelIndex | QPersistentModelIndex
MAX_TINT = 110  # the alpha of the largest cell's tint (of 255)


class MatrixModel(QAbstractTableModel):
    """Statuses × regions of an ``Overview``, with a total row and column."""

    def __init__(self, palette: QPalette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overview = Overview()
        self.statuses: tuple[Status, ...] = self.overview.statuses()
        self.regions: tuple[RegionKey, ...] = self.overview.regions()
        self._palette = palette
        self._largest = 0
        self._figures: list[list[int]] = self._counted()

    def set_overview(self, overview: Overview, palette: QPalette) -> None:
        """Show ``overview`` (tinted with ``palette``'s highlight)."""
        self.beginResetModel()
        self.overview = overview
        self.statuses = overview.statuses()
        self.regions = overview.regions()
        self._palette = palette
        self._largest = max(overview.cells.values(), default=0)
        self._figures = self._counted()
        self.endResetModel()

    def _counted(self) -> list[list[int]]:
        """Every figure of the matrix, worked out once: a view asks for each many times."""
        rows, columns = len(self.statuses) + 1, len(self.regions) + 1
        return [[self._count(r, c) for c in range(columns)] for r in range(rows)]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.statuses) + 1

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.regions) + 1

    def status_of(self, row: int) -> Status | None:
        """The status of ``row``; None for the totals row."""
        return self.statuses[row] if row < len(self.statuses) else None

    def region_of(self, column: int) -> tuple[bool, RegionKey]:
        """(whether ``column`` is a region's, that region): (False, None) for the
        totals column, (True, None) for "not set"."""
        if column < len(self.regions):
            return True, self.regions[column]
        return False, None

    def count(self, row: int, column: int) -> int:
        """The figure in a cell: a count, a row's or column's total, or the total."""
        return self._figures[row][column]

    def _count(self, row: int, column: int) -> int:
        status = self.status_of(row)
        is_region, region = self.region_of(column)
        if status is not None and is_region:
            return self.overview.count(status, region)
        if status is not None:
            return self.overview.status_total(status)
        return self.overview.region_total(region) if is_region else self.overview.total

    def describe(self, row: int, column: int) -> str:
        """A cell as a sentence: "Agreed in Europe: 3", "Agreed, all regions: 5"."""
        status = self.status_of(row)
        is_region, region = self.region_of(column)
        what = (
            vocab_word(status)
            if status is not None
            else translate("overview_matrix", "All statuses")
        )
        where = (
            translate("overview_matrix", " in {region}").format(region=region_text(region))
            if is_region
            else translate("overview_matrix", ", all regions")
        )
        return f"{what}{where}{colon(ui_language())}{number(self.count(row, column))}"

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return number(self._figures[row][column])
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.describe(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return self._look(row, column, role)

    def _look(self, row: int, column: int, role: int) -> object:
        """A cell's font (bold totals), its figure's colour (faint 0) and its tint."""
        total = row == len(self.statuses) or column == len(self.regions)
        if role == Qt.ItemDataRole.FontRole and total:
            font = QFont()
            font.setBold(True)
            return font
        figure = self._figures[row][column]
        if role == Qt.ItemDataRole.ForegroundRole and not figure:
            return self._palette.color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.BackgroundRole and not total and self._largest:
            tint = QColor(self._palette.color(QPalette.ColorRole.Highlight))
            tint.setAlpha(round(MAX_TINT * figure / self._largest))
            return tint
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            status = self.status_of(section)
            return vocab_word(status) if status is not None else domain_text(TOTAL)
        is_region, region = self.region_of(section)
        return region_text(region) if is_region else domain_text(TOTAL)


class MatrixView(QTableView):
    """The matrix's table: ``cellChosen(row, column, add)`` on a left click on a cell or
    Enter on the current one, ``add`` when Ctrl is held."""

    cellChosen = Signal(int, int, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab moves on to the charts
        self.setWordWrap(False)
        self.setToolTip(
            translate(
                "overview_matrix", "Click a cell to show those engagements; Ctrl+click to add them"
            )
        )
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setHighlightSections(False)

    def fit_columns(self) -> None:
        """Give every column one width, that of the widest header or figure (the grand
        total's), so the regions line up evenly; measured here rather than by asking
        the model each cell's size, which is most of a refresh's time."""
        model = self.model()
        assert isinstance(model, MatrixModel)
        header = self.horizontalHeader()
        bold = QFont(self.font())
        bold.setBold(True)
        columns = range(model.columnCount())
        labels = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in columns]
        widest = max(
            *(header.fontMetrics().horizontalAdvance(text) for text in labels),
            QFontMetrics(bold).horizontalAdvance(f"{model.overview.total:,}"),
        )
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        for column in columns:
            header.resizeSection(column, widest + 4 * margin)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        index = self.indexAt(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and index.isValid():
            add = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            self.cellChosen.emit(index.row(), index.column(), add)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and index.isValid():
            add = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            self.cellChosen.emit(index.row(), index.column(), add)
            return
        super().keyPressEvent(event)
