"""The restriction comparison page: for the engagements the filter keeps, each
restriction of the catalogue with how many agreed, proposed, disputed or rejected it
(``ui.restriction_counts``), and below the engagement × restriction grid of stances
(``ui.restriction_grid``), tinted as in the briefing, with a legend.

A click on a count (or Enter on it) narrows the filter to those engagements; a click
on a row of the grid (or Enter) selects that engagement. The page reads on showing
when the filter, a write or the table's order changed what it shows.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.changes import ChangeSet
from tracker.domain.presenter import EMPTY_SECTIONS
from tracker.domain.restriction_comparison import RestrictionComparison
from tracker.domain.stance_tints import STANCE_TINTS
from tracker.domain.vocab import Stance
from tracker.services import Tracker
from ui.i18n import domain_text, translate, vocab_word
from ui.plain_text import plain_label
from ui.restriction_counts import TITLE, RestrictionCountsModel, engagements_text
from ui.restriction_grid import TITLE_COLUMN, StanceGridModel
from ui.style import chip_text_colour
from ui.views import FollowingView

# The table's order: its sort key and whether descending (the window's).
Order = Callable[[], tuple[str, bool]]
_STANCE_COLUMN_WIDTH = 84  # "Disputed" and its padding
_TITLE_COLUMN_WIDTH = 300
# A change to one of these fields of a kept engagement changes what the page shows.
_SHOWN_FIELDS = frozenset({"restrictions", "title"})


class ChoosingTable(QTableView):
    """A table whose cells are chosen by a click or by Enter on the current cell."""

    chosen = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clicked.connect(self.chosen)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside
        self.verticalHeader().hide()
        # Rows as compact as the engagement table's.
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.setWordWrap(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.chosen.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


def _chip(stance: Stance) -> str:
    tint = STANCE_TINTS[stance]
    return (
        f'<span style="background-color:{tint}; color:{chip_text_colour(tint)};">'
        f"&nbsp;{html.escape(vocab_word(stance))}&nbsp;</span>"
    )


def legend_html() -> str:
    """The grid's legend: each stance's label on its tint, and what a blank cell means."""
    chips = " ".join(_chip(s) for s in Stance)
    blank = html.escape(domain_text(EMPTY_SECTIONS).lower())
    return translate(
        "restriction_comparison", "Stances: {chips} &nbsp;·&nbsp; blank: {blank}"
    ).format(chips=chips, blank=blank)


class RestrictionsView(FollowingView):
    """The restriction comparison of the engagements the filter keeps."""

    def __init__(
        self,
        service: Tracker,
        parent: QWidget | None = None,
        order: Order = lambda: ("title", False),
    ) -> None:
        super().__init__(service, parent)
        self._order = order
        self._drawn_order: tuple[str, bool] | None = None
        self.summary = plain_label("", self)
        self.summary.setObjectName("restrictionSummary")
        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.counts_model = RestrictionCountsModel(self)
        self.counts = ChoosingTable(self)
        self.counts.setObjectName("restrictionCounts")
        self.counts.setAccessibleName("Engagements by restriction and stance")
        self.counts.setModel(self.counts_model)
        self.grid_model = StanceGridModel(service, self)
        self.grid = ChoosingTable(self)
        self.grid.setObjectName("restrictionGrid")
        self.grid.setAccessibleName("Each engagement's stance on each restriction")
        self.grid.setModel(self.grid_model)
        self.legend = QLabel(legend_html(), self)
        self.legend.setObjectName("stanceLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setAccessibleName("Legend: " + ", ".join(s.label for s in Stance))
        self.counts.chosen.connect(self._count_chosen)
        self.grid.chosen.connect(self._engagement_chosen)
        self._lay_out()

    def _lay_out(self) -> None:
        header = self.counts.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        grid_header = self.grid.horizontalHeader()
        grid_header.setDefaultSectionSize(_STANCE_COLUMN_WIDTH)
        grid_header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.grid.setTextElideMode(Qt.TextElideMode.ElideRight)
        lower = QWidget(self)
        below = QVBoxLayout(lower)
        below.setContentsMargins(0, 4, 0, 0)
        legend_row = QHBoxLayout()
        legend_row.addWidget(self.legend)
        legend_row.addStretch(1)
        below.addLayout(legend_row)
        below.addWidget(self.grid, 1)
        split = self.split
        split.setObjectName("restrictionSplitter")
        split.setChildrenCollapsible(False)
        split.addWidget(self.counts)
        split.addWidget(lower)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

    def _fit_counts(self) -> None:
        """Give the counts table the height of its rows (at most half the page), the
        grid the rest."""
        table = self.counts
        rows = sum(table.rowHeight(r) for r in range(self.counts_model.rowCount()))
        wanted = rows + table.horizontalHeader().height() + 2 * table.frameWidth() + 6
        total = sum(self.split.sizes())
        if total > 0:
            shown = min(wanted, total // 2)
            self.split.setSizes([shown, total - shown])

    def set_service(self, service: Tracker) -> None:
        self.grid_model.set_service(service)
        super().set_service(service)

    def follow(self, changes: ChangeSet) -> None:
        """Read again only when the kept engagements, their order, the catalogue or
        what the page shows of an engagement may have changed."""
        if changes.empty:
            return
        sort, _descending = self._order()
        if (
            changes.catalogue
            or changes.fields & _SHOWN_FIELDS
            or changes.may_change_membership(self.filters)
            or changes.may_change_order(sort)
        ):
            self._invalidate()

    def refresh(self) -> None:
        """Read the counts and the ordered ids of the kept engagements, and draw."""
        sort, descending = self._drawn_order = self._order()
        comparison = self.service.restriction_comparison(filters=self.filters)
        ids = self.service.list_ids(filters=self.filters, sort=sort, descending=descending)
        self.counts_model.set_comparison(comparison)
        catalogue = [(r.code, r.title) for r in comparison.restrictions]
        self.grid_model.set_rows(ids, catalogue)
        self.grid.setColumnWidth(TITLE_COLUMN, _TITLE_COLUMN_WIDTH)
        self.summary.setText(_summary(comparison))
        self._fit_counts()

    def showEvent(self, event: QShowEvent) -> None:
        # The table's order changes only while the table is shown: look on showing.
        if self._order() != self._drawn_order:
            self._stale = True
        super().showEvent(event)

    def _count_chosen(self, index: QModelIndex) -> None:
        fields = self.counts_model.narrowing(index)
        if fields is not None:
            self.narrowRequested.emit(fields, False)

    def _engagement_chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            self.engagementChosen.emit(self.grid_model.id_at(index.row()))


def _summary(comparison: RestrictionComparison) -> str:
    recording = len([r for r in comparison.restrictions if r.total])
    kept = translate("restriction_comparison", "{engagements} kept").format(
        engagements=engagements_text(comparison.engagements)
    )
    if not comparison.restrictions:
        return translate(
            "restriction_comparison", "{kept}; the restriction catalogue is empty."
        ).format(kept=kept)
    return translate(
        "restriction_comparison",
        "{kept}; {recording} of the {total} restrictions of the catalogue recorded. "
        "Click a count to list those engagements, an engagement to select it.",
    ).format(kept=kept, recording=recording, total=len(comparison.restrictions))
