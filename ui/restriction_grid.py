"""The engagement × restriction grid of the restriction comparison: a row per kept
engagement in the table's order, a column per restriction of the catalogue, each cell
the engagement's stance on it, tinted as in the briefing's matrix.

Like the engagement table (``ui.table_model``) the model holds only the ordered ids:
the titles and stances of a page of rows are read when a row of it is first shown
(``Tracker.rows`` and ``Tracker.stances``), and a few pages are kept, so 100,000
engagements cost one list of ids.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from tracker.domain.presenter import EMPTY_SECTIONS
from tracker.domain.stance_tints import STANCE_TINTS
from tracker.domain.vocab import Stance
from tracker.services import Tracker
from ui.i18n import domain_text, vocab_word
from ui.plain_text import tooltip
from ui.style import chip_text_colour

PAGE_SIZE = 100
CACHED_PAGES = 16
TITLE_COLUMN = 0

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class GridRow:
    """What one row shows: the engagement's title and its stances by restriction code."""

    title: str
    stances: Mapping[str, Stance]


class StanceGridModel(QAbstractTableModel):
    """Kept engagements × catalogue restrictions, paged in from the service."""

    def __init__(self, service: Tracker, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._service = service
        self._ids: list[int] = []
        self._catalogue: tuple[tuple[str, str], ...] = ()
        self._pages: OrderedDict[int, list[GridRow]] = OrderedDict()

    def set_service(self, service: Tracker) -> None:
        """Read another database (the next ``set_rows`` shows it)."""
        self._service = service

    def set_rows(self, ids: Sequence[int], catalogue: Sequence[tuple[str, str]]) -> None:
        """Show the engagements ``ids`` (in that order) against ``catalogue`` (code, title)."""
        self.beginResetModel()
        self._ids = list(ids)
        self._catalogue = tuple(catalogue)
        self._pages.clear()
        self.endResetModel()

    def id_at(self, row: int) -> int:
        """The engagement id on ``row``."""
        return self._ids[row]

    def _row(self, row: int) -> GridRow:
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            ids = self._ids[page_no * PAGE_SIZE : (page_no + 1) * PAGE_SIZE]
            titles = {r.id: r.title for r in self._service.rows(ids=ids)}
            stances = self._service.stances(engagement_ids=ids)
            page = [GridRow(titles.get(i, ""), stances.get(i, {})) for i in ids]
            self._pages[page_no] = page
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page[row % PAGE_SIZE]

    # -- the model ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self._catalogue)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in _ROLES:
            return None
        row = self._row(index.row())
        if index.column() == TITLE_COLUMN:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return row.title if role == Qt.ItemDataRole.DisplayRole else tooltip(row.title)
            return None
        code, title = self._catalogue[index.column() - 1]
        stance = row.stances.get(code)
        if role == Qt.ItemDataRole.DisplayRole:
            return vocab_word(stance) if stance else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            said = vocab_word(stance) if stance else domain_text(EMPTY_SECTIONS)
            return tooltip(f"{row.title}\n{code}: {title}\n{said}")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if stance is None:
            return None
        tint = STANCE_TINTS[stance]
        return QColor(tint if role == Qt.ItemDataRole.BackgroundRole else chip_text_colour(tint))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or section > len(self._catalogue):
            return None
        if section == TITLE_COLUMN:
            return domain_text("Engagement") if role == Qt.ItemDataRole.DisplayRole else None
        code, title = self._catalogue[section - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return code
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(f"{code}: {title}")
        return None


# The roles a cell answers; any other is None without reading a page.
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
    }
)
