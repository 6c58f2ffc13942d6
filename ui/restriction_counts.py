"""The counts table of the restriction comparison: one row per restriction of the
catalogue, how many kept engagements take each stance on it, and how many record it.

A count is a way into the list: ``narrowing`` gives the filter fields a click on it
narrows to (that restriction at that stance, or the restriction at all). A count of
zero leads nowhere and is shown disabled, greyed by the style in any palette, as is a
restriction no kept engagement records: the catalogue is listed whole, to compare.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPainter

from tracker.domain.fields import CHILDREN_BY_KEY
from tracker.domain.restriction_comparison import RestrictionComparison, RestrictionCounts
from tracker.domain.stance_tints import STANCE_TINTS
from tracker.domain.vocab import Stance
from ui.i18n import domain_text, number, translate, vocab_word
from ui.plain_text import tooltip
from ui.swatches import swatch_icon

Index = QModelIndex | QPersistentModelIndex

CODE, TITLE = 0, 1
STANCES: tuple[Stance, ...] = tuple(Stance)
FIRST_STANCE = 2
TOTAL = FIRST_STANCE + len(STANCES)
_NOUN = CHILDREN_BY_KEY["restrictions"].noun
HEADERS: tuple[str, ...] = (
    "Code",
    _NOUN.capitalize(),
    *(s.label for s in STANCES),
    "Engagements",
)

_swatches: dict[Stance, QIcon] = {}


def stance_swatch(stance: Stance) -> QIcon:
    """A small square of the stance's tint, framed so that it shows on any background."""
    icon = _swatches.get(stance)
    if icon is None:

        def draw(painter: QPainter) -> None:
            painter.setBrush(QColor(STANCE_TINTS[stance]))
            painter.setPen(QColor(0, 0, 0, 110))
            painter.drawRect(0, 0, 11, 11)

        icon = _swatches[stance] = swatch_icon(draw)
    return icon


def engagements_text(n: int) -> str:
    """``1 engagement``, ``1,234 engagements``."""
    if n == 1:
        return translate("restriction_counts", "1 engagement")
    return translate("restriction_counts", "{count} engagements").format(count=number(n))


def shown_header(section: int) -> str:
    """A column's header in the window's language (``HEADERS`` in English)."""
    if FIRST_STANCE <= section < TOTAL:
        return vocab_word(STANCES[section - FIRST_STANCE])
    return domain_text(HEADERS[section] if section != 1 else _NOUN).capitalize()


class RestrictionCountsModel(QAbstractTableModel):
    """The restrictions of a ``RestrictionComparison``, a row each."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: tuple[RestrictionCounts, ...] = ()

    def set_comparison(self, comparison: RestrictionComparison) -> None:
        """Show ``comparison``."""
        self.beginResetModel()
        self._rows = comparison.restrictions
        self.endResetModel()

    def restriction_at(self, row: int) -> RestrictionCounts:
        """The restriction on ``row``."""
        return self._rows[row]

    def _count(self, index: Index) -> int | None:
        """The number a cell shows (None in the code and title columns)."""
        counts = self._rows[index.row()]
        if index.column() == TOTAL:
            return counts.total
        if index.column() >= FIRST_STANCE:
            return counts.count(STANCES[index.column() - FIRST_STANCE])
        return None

    def narrowing(self, index: Index) -> dict[str, object] | None:
        """The filter fields a click on ``index`` narrows to: the restriction at a
        stance, or at any (its total, which lifts a stance filter); None for a code, a
        title or a zero."""
        if not index.isValid() or not self._count(index):
            return None
        code = self._rows[index.row()].code
        if index.column() == TOTAL:
            return {"restriction": code, "stance": None}  # at any stance: a stance goes
        return {"restriction": code, "stance": STANCES[index.column() - FIRST_STANCE]}

    # -- the model ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        counts = self._rows[index.row()]
        live = self._count(index) if index.column() >= FIRST_STANCE else counts.total
        if not live:
            return Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        counts = self._rows[index.row()]
        count = self._count(index)
        if role == Qt.ItemDataRole.DisplayRole:
            if count is None:
                return counts.code if index.column() == CODE else counts.title
            return f"{count:,}"
        if role == Qt.ItemDataRole.TextAlignmentRole and count is not None:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(self._explained(index, counts, count))
        return None

    def _explained(self, index: Index, counts: RestrictionCounts, count: int | None) -> str:
        """A cell's tooltip: the whole title, or what its count counts."""
        if count is None:
            return f"{counts.code}: {counts.title}"
        if index.column() == TOTAL:
            said = translate("restriction_counts", "{engagements} record “{title}”").format(
                engagements=engagements_text(count), title=counts.title
            )
        else:
            stance = STANCES[index.column() - FIRST_STANCE]
            said = translate("restriction_counts", "{engagements}: {stance} on “{title}”").format(
                engagements=engagements_text(count),
                stance=vocab_word(stance).lower(),
                title=counts.title,
            )
        return said + (translate("restriction_counts", " (click to list them)") if count else "")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        stance = section - FIRST_STANCE
        if role == Qt.ItemDataRole.DisplayRole:
            return shown_header(section)
        if role == Qt.ItemDataRole.DecorationRole and 0 <= stance < len(STANCES):
            return stance_swatch(STANCES[stance])
        if role == Qt.ItemDataRole.ToolTipRole and section == TOTAL:
            return tooltip(
                translate(
                    "restriction_counts",
                    "Engagements kept that record the restriction, at any stance",
                )
            )
        return None
