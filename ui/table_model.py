"""The engagement table model: ordered ids from the service, rows fetched on demand.

The model never holds all rows. ``set_query`` asks the service for the ordered ids
matching the filters (filtering, sorting and search run in SQL); ``data`` fetches
the page of rows around a requested row and keeps a few pages in a small cache.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPainter

from tracker.domain.fields import label
from tracker.domain.model import EngagementRow, Filters
from tracker.domain.presenter import LAST_CHANGE
from tracker.domain.vocab import Status
from tracker.services import Tracker
from ui.i18n import date_text, domain_text, vocab_word
from ui.plain_text import tooltip
from ui.style import STATUS_COLOURS
from ui.swatches import swatch_icon

PAGE_SIZE = 200
CACHED_PAGES = 32

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One table column: its header, the service's sort key, and how to show a row."""

    key: str
    header: str
    sort_key: str

    @property
    def shown_header(self) -> str:
        """The header in the window's language."""
        return domain_text(self.header)


def _column(key: str) -> Column:
    """The column of a field (its label from the field specification), or of the last
    change; each sorts by its own key."""
    header = LAST_CHANGE if key == "updated_at" else label(key)
    return Column(key, header, key)


# The table's columns, left to right.
COLUMNS: tuple[Column, ...] = tuple(
    _column(key)
    for key in (
        "title",
        "counterpart",
        "vendor",
        "region",
        "status",
        "confidence",
        "marking",
        "updated_at",
        "follow_up",
    )
)
STATUS_COLUMN = next(n for n, c in enumerate(COLUMNS) if c.key == "status")


def short_time(iso: str) -> str:
    """``2026-11-27T03:29:27.436061Z`` → ``2026-11-27 03:29`` (UTC)."""
    return iso[:16].replace("T", " ") if iso else ""


def display_text(row: EngagementRow, key: str) -> str:
    """What a cell shows."""
    if key == "region":
        return vocab_word(row.region) if row.region else ""
    if key == "status":
        return vocab_word(row.status)
    if key == "confidence":
        return vocab_word(row.confidence) if row.confidence else ""
    if key == "updated_at":
        return short_time(row.updated_at)
    if key == "follow_up":
        return date_text(row.follow_up) if row.follow_up else ""
    return str(getattr(row, key))


_chips: dict[Status, QIcon] = {}


def status_icon(status: Status) -> QIcon:
    """A small colour chip for a status (always shown beside its text)."""
    icon = _chips.get(status)
    if icon is None:

        def draw(painter: QPainter) -> None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(QColor(STATUS_COLOURS[status]))
            painter.setPen(QColor(0, 0, 0, 90))
            painter.drawRoundedRect(1, 1, 10, 10, 3, 3)

        icon = _chips[status] = swatch_icon(draw)
    return icon


class EngagementTableModel(QAbstractTableModel):
    """Rows of engagements for a QTableView, paged in from the service layer."""

    def __init__(self, service: Tracker, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._service = service
        self._ids: list[int] = []
        self._rows_of: dict[int, int] | None = None
        self._scanned = False  # row_of has scanned the ids once since the last query
        self._pages: OrderedDict[int, list[EngagementRow | None]] = OrderedDict()
        self._filters = Filters()
        self._sort_column = 0
        self._descending = False

    # -- the query --------------------------------------------------------------

    @property
    def filters(self) -> Filters:
        """The filters the ids were computed with."""
        return self._filters

    @property
    def sort_column(self) -> int:
        """The column the rows are sorted by."""
        return self._sort_column

    @property
    def descending(self) -> bool:
        """True when sorted in descending order."""
        return self._descending

    def set_service(self, service: Tracker) -> None:
        """Show another database."""
        self._service = service
        self.reload()

    def set_query(
        self,
        filters: Filters | None = None,
        sort_column: int | None = None,
        descending: bool | None = None,
    ) -> None:
        """Recompute the ordered ids (in SQL) and reset the view."""
        if filters is not None:
            self._filters = filters
        if sort_column is not None:
            self._sort_column = sort_column
        if descending is not None:
            self._descending = descending
        ids = self._service.list_ids(
            filters=self._filters,
            sort=COLUMNS[self._sort_column].sort_key,
            descending=self._descending,
        )
        self.beginResetModel()
        self._ids = ids
        self._rows_of = None
        self._scanned = False
        self._pages.clear()
        self.endResetModel()

    def set_order(self, sort_column: int, descending: bool) -> None:
        """Use this order from the next query on, without querying now (a saved view
        sets the order and the filters, then runs one query for both)."""
        self._sort_column, self._descending = sort_column, descending

    def reload(self) -> None:
        """Recompute the ids with the current filters and order."""
        self.set_query()

    def refresh_rows(self, ids: Iterable[int]) -> None:
        """Re-read the rows of ``ids`` (changed, but still here and in the same place).

        Only cached pages can hold a stale row: they are dropped, and the rows of those
        ids repainted; an id on no cached page is fetched fresh when it is next shown.
        """
        wanted = set(ids)
        for page_no in [n for n, page in self._pages.items() if _holds(page, wanted)]:
            page = self._pages.pop(page_no)
            for offset, row in enumerate(page):
                if row is not None and row.id in wanted:
                    line = page_no * PAGE_SIZE + offset
                    self.dataChanged.emit(self.index(line, 0), self.index(line, len(COLUMNS) - 1))

    # -- lookups ---------------------------------------------------------------

    def ids(self) -> list[int]:
        """All ids shown, in order (a copy)."""
        return list(self._ids)

    def id_at(self, row: int) -> int:
        """The engagement id on ``row``."""
        return self._ids[row]

    def row_of(self, engagement_id: int) -> int | None:
        """The row showing ``engagement_id``, or None."""
        if self._rows_of is None:
            if not self._scanned:
                # After each query one lookup (keeping the current row) is usual: a
                # scan of the ids costs far less than indexing 100,000 of them.
                self._scanned = True
                try:
                    return self._ids.index(engagement_id)
                except ValueError:
                    return None
            self._rows_of = {eid: n for n, eid in enumerate(self._ids)}
        return self._rows_of.get(engagement_id)

    def row_data(self, row: int) -> EngagementRow | None:
        """The fetched row (fetching its page if needed)."""
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            start = page_no * PAGE_SIZE
            wanted = self._ids[start : start + PAGE_SIZE]
            fetched = {r.id: r for r in self._service.rows(ids=wanted)}
            page = [fetched.get(i) for i in wanted]
            self._pages[page_no] = page
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page[row - page_no * PAGE_SIZE]

    # -- QAbstractTableModel -------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.DecorationRole,
            Qt.ItemDataRole.UserRole,
        ):
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[index.row()]
        row = self.row_data(index.row())
        if row is None:
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DecorationRole:
            return status_icon(row.status) if index.column() == STATUS_COLUMN else None
        text = display_text(row, column.key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.key == "updated_at":
                return tooltip(f"{row.updated_at} (UTC)")
            return tooltip(text) if column.key == "title" and len(text) > 40 else None
        return text

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section].shown_header
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.set_query(sort_column=column, descending=order == Qt.SortOrder.DescendingOrder)


def _holds(page: list[EngagementRow | None], ids: set[int]) -> bool:
    return any(row is not None and row.id in ids for row in page)
