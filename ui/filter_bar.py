"""The filter bar: status and region multi-selects, vendor, counterpart, the quick filters
(Overdue, Due soon, Stale), search, clear; on demand ("More filters") every other filter
of ``tracker list`` (``ui.more_filters``); and the filters set, as removable chips.

Every change emits ``changed`` with the new ``Filters``; typing in the search box
is debounced so that a query runs once the typist pauses, not on every key.

Two rows: the search box, the quick filters and the count, then the choices, so that
the choices keep the room to show what is chosen ("Region: North America, Latin
America", a long counterpart) beside the detail pane of a 1400-pixel window.

The quick filters are toggle buttons that narrow whatever else is chosen; what they
mean is ``tracker.domain.due.QuickFilters``, counted from today (UTC) whenever the
filters are read, so a window left open overnight asks about the new day. A follow-up
range typed under "More filters" narrows them further (the days in both). Stale means
no change for ``stale_for``: the preference's threshold (Edit → Preferences…).
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.due import DEFAULT_STALE, DEFAULT_WINDOW, Period, QuickFilters
from tracker.domain.model import Filters
from tracker.domain.vocab import Region, Status
from tracker.services.base import utc_today
from ui.filter_chips import FilterChips
from ui.i18n import QT_TRANSLATE_NOOP, domain_text, number, period_text, translate
from ui.more_filters import MoreFilters
from ui.multi_select import MultiSelect
from ui.plain_text import tooltip

SEARCH_DELAY_MS = 250
ANY = ""
NOT_SET = QT_TRANSLATE_NOOP(
    "filter_bar", "(not set)"
)  # the choice of the engagements with no value for a field
MIN_NAME_CHARS = 16  # a vendor or counterpart box shows at least this many characters

STALE_TIP = QT_TRANSLATE_NOOP("filter_bar", "Open engagements with no change for {period}")
# The quick filters: the QuickFilters field each sets, its button's object name, text
# (with its Alt+letter), tooltip and the period a tooltip names ("{period}").
QUICK_FILTERS = (
    (
        "overdue",
        "quickOverdue",
        QT_TRANSLATE_NOOP("filter_bar", "&Overdue"),
        QT_TRANSLATE_NOOP("filter_bar", "Engagements whose follow-up fell due before today"),
    ),
    (
        "due_soon",
        "quickDueSoon",
        QT_TRANSLATE_NOOP("filter_bar", "Due &soon"),
        QT_TRANSLATE_NOOP(
            "filter_bar", "Engagements whose follow-up falls due in the next {period}"
        ),
        DEFAULT_WINDOW,
    ),
    (
        "stale",
        "quickStale",
        QT_TRANSLATE_NOOP("filter_bar", "S&tale"),
        STALE_TIP,
        DEFAULT_STALE,
    ),
)


def _any(noun: str) -> str:
    """The choice of every vendor (or counterpart): "Any vendor"."""
    if noun == "vendor":
        return translate("filter_bar", "Any vendor")
    return translate("filter_bar", "Any counterpart")


def _fitting_width(combo: QComboBox, *texts: str) -> int:
    """The width ``combo`` needs (frame and arrow too) to show the widest of ``texts``."""
    metrics = combo.fontMetrics()
    widest = max(metrics.horizontalAdvance(text) for text in texts)
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    size = combo.style().sizeFromContents(
        QStyle.ContentsType.CT_ComboBox, option, QSize(widest, metrics.height()), combo
    )
    return size.width()


def _later(a: datetime.date | None, b: datetime.date | None) -> datetime.date | None:
    return b if a is None else a if b is None else max(a, b)


def _earlier(a: datetime.date | None, b: datetime.date | None) -> datetime.date | None:
    return b if a is None else a if b is None else min(a, b)


def split_due(
    filters: Filters, today: datetime.date
) -> tuple[QuickFilters, tuple[datetime.date | None, datetime.date | None]]:
    """The quick filters and the typed follow-up range (from, by) that show ``filters``'
    due days: the quick filters when they make exactly those days, the range otherwise."""
    quick = QuickFilters.of(filters, today=today)
    made = quick.applied(Filters(), today=today)
    due = (filters.due_from, filters.due_by)
    if (made.due_from, made.due_by) == due:
        return quick, (None, None)
    return QuickFilters(stale=quick.stale), due


class FilterBar(QWidget):
    """Filters for the engagement table, with a visible "N of M" count."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(translate("filter_bar", "Search everything  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search")
        self.search.setMinimumWidth(220)
        self.stale_for = DEFAULT_STALE
        self.quick = {field: self._quick_button(*spec) for field, *spec in QUICK_FILTERS}
        self.status = MultiSelect(domain_text("Status"), list(Status), self)
        self.region = MultiSelect(
            domain_text("Region"), list(Region), self, unset=translate("filter_bar", NOT_SET)
        )
        self.vendor = QComboBox(self)
        self.vendor.setAccessibleName("Vendor filter")
        self.counterpart = QComboBox(self)
        self.counterpart.setAccessibleName("Counterpart filter")
        for combo in (self.vendor, self.counterpart):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # Made before its rows, so that Tab goes from it to them.
        self.more_button = QPushButton(translate("filter_bar", "&More filters"), self)
        self.more_button.setObjectName("moreFilters")
        self.more_button.setCheckable(True)
        self.more_button.setToolTip(
            translate(
                "filter_bar",
                "Restriction and stance, confidence, marking, tag, owner, organisation,"
                " started and follow-up dates",
            )
        )
        self.more = MoreFilters(self)
        self.more.setVisible(False)
        self.chips = FilterChips(self)
        # Set from outside only (Show linked), kept while the other filters change.
        self._linked_to: int | None = None
        self.set_names(vendors=(), counterparts=())
        for combo, noun in ((self.vendor, "vendor"), (self.counterpart, "counterpart")):
            combo.setMinimumWidth(_fitting_width(combo, _any(noun), "x" * MIN_NAME_CHARS))
        self.clear_button = QPushButton(translate("filter_bar", "C&lear filters"), self)
        self.clear_button.setToolTip(translate("filter_bar", "Show all engagements (Ctrl+Shift+L)"))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")

        first = QHBoxLayout()
        first.addWidget(self.search, 1)
        for button in self.quick.values():
            first.addWidget(button)
        first.addWidget(self.count_label)
        choices = QHBoxLayout()
        for widget in (self.status, self.region, self.vendor, self.counterpart):
            choices.addWidget(widget)
        choices.addWidget(self.more_button)
        choices.addWidget(self.clear_button)
        choices.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(first)
        layout.addLayout(choices)
        layout.addWidget(self.more)
        layout.addWidget(self.chips)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.changed)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self.flush)
        self.status.changed.connect(self.changed)
        self.region.changed.connect(self.changed)
        self.vendor.currentIndexChanged.connect(self.changed)
        self.counterpart.currentIndexChanged.connect(self.changed)
        self.more.changed.connect(self.changed)
        self.more_button.toggled.connect(self.more.setVisible)
        self.clear_button.clicked.connect(self.clear)
        self.chips.remove_requested.connect(self.remove)
        self.changed.connect(self._update_clear)
        self._update_clear()

    def _quick_button(
        self, name: str, text: str, tip: str, period: Period | None = None
    ) -> QPushButton:
        """A toggle button of a quick filter; toggling it changes the filters."""
        button = QPushButton(translate("filter_bar", text), self)
        button.setObjectName(name)
        button.setCheckable(True)
        shown_tip = translate("filter_bar", tip)
        if period is not None:
            shown_tip = shown_tip.format(period=period_text(period))
        button.setToolTip(tooltip(shown_tip))
        button.setAccessibleName(f"{text.replace('&', '')} quick filter")
        button.toggled.connect(self.changed)
        return button

    def flush(self) -> None:
        """Apply pending search text now instead of after the debounce delay."""
        if self._timer.isActive():
            self._timer.stop()
            self.changed.emit()

    def set_names(
        self,
        *,
        vendors: Sequence[str],
        counterparts: Sequence[str],
        restrictions: Sequence[tuple[str, str]] = (),
        tags: Sequence[str] = (),
        markings: Sequence[str] = (),
        owners: Sequence[str] = (),
        organisations: Sequence[str] = (),
    ) -> None:
        """Fill the pick-lists (the restrictions as (code, title)), keeping the current
        choices."""
        self.more.set_names(
            restrictions=restrictions,
            tags=tags,
            markings=markings,
            owners=owners,
            organisations=organisations,
        )
        for combo, names, noun in (
            (self.vendor, vendors, "vendor"),
            (self.counterpart, counterparts, "counterpart"),
        ):
            current = combo.currentData() or ANY
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_any(noun), ANY)
            for name in names:
                combo.addItem(name, name)
            found = combo.findData(current)
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)

    def filters(self, *, trash: bool = False) -> Filters:
        """The filters chosen now (the quick filters counted from today, UTC)."""
        text = self.search.text().strip()
        more = self.more.part()
        chosen = dataclasses.replace(
            more,
            statuses=self.status.selected(),
            regions=self.region.selected(),
            vendor=self.vendor.currentData() or None,
            counterpart=self.counterpart.currentData() or None,
            search=text or None,
            linked_to=self._linked_to,
            trash=trash,
        )
        quick = self.quick_filters().applied(chosen, today=utc_today(), stale_for=self.stale_for)
        return dataclasses.replace(
            quick,
            due_from=_later(more.due_from, quick.due_from),
            due_by=_earlier(more.due_by, quick.due_by),
        )

    def set_stale_period(self, period: Period) -> None:
        """Count as stale the open engagements with no change for ``period``; when the
        Stale quick filter is on, the filters change at once."""
        if period == self.stale_for:
            return
        self.stale_for = period
        button = self.quick["stale"]
        button.setToolTip(
            tooltip(translate("filter_bar", STALE_TIP).format(period=period_text(period)))
        )
        if button.isChecked():
            self.changed.emit()

    def quick_filters(self) -> QuickFilters:
        """The quick filters switched on."""
        return QuickFilters(**{field: b.isChecked() for field, b in self.quick.items()})

    def set_filters(self, filters: Filters) -> None:
        """Show ``filters`` (emits ``changed`` once)."""
        widgets = (
            self.search,
            self.status,
            self.region,
            self.vendor,
            self.counterpart,
            *self.quick.values(),
        )
        for w in widgets:
            w.blockSignals(True)
        self._linked_to = filters.linked_to
        quick, due = split_due(filters, utc_today())
        self.more.show_filters(filters, due=due)
        for field, button in self.quick.items():
            button.setChecked(getattr(quick, field))
        self.search.setText(filters.search or "")
        self.status.set_selected(filters.statuses)
        self.region.set_selected(filters.regions)
        for combo, value in (
            (self.vendor, filters.vendor),
            (self.counterpart, filters.counterpart),
        ):
            found = combo.findData(value or ANY)
            if found < 0 and value:
                combo.addItem(value, value)
                found = combo.count() - 1
            combo.setCurrentIndex(max(found, 0))
        for w in widgets:
            w.blockSignals(False)
        self._timer.stop()
        self.changed.emit()

    def clear(self) -> None:
        """Remove every filter."""
        self.set_filters(Filters())

    def remove(self, keys: Sequence[str]) -> None:
        """Remove the filters of these ``Filters`` fields (a chip's ✕), keep the rest."""
        empty = Filters()
        self.set_filters(
            dataclasses.replace(self.filters(), **{key: getattr(empty, key) for key in keys})
        )

    def narrow(self, fields: Mapping[str, object], add: bool = False) -> None:
        """Narrow the filters to ``fields`` (``Filters`` field names, one value each) and
        keep the rest: a field that holds several values gets just that one, or with
        ``add`` that one as well (a Ctrl+click on a matrix cell)."""
        current = self.filters()
        changes: dict[str, Any] = {}  # values of several types, checked by Filters
        for key, value in fields.items():
            held = getattr(current, key)
            if not isinstance(held, tuple):
                changes[key] = value
            elif add:
                changes[key] = held if value in held else (*held, value)
            else:
                changes[key] = (value,)
        self.set_filters(dataclasses.replace(current, **changes))

    def set_count(self, shown: int, total: int, *, trash: bool = False) -> None:
        """Show "N of M engagements", or in the trash "N in the trash" ("N of M in
        the trash" when filtered)."""
        if trash:
            text = (
                translate("filter_bar", "{shown} in the trash")
                if shown == total
                else translate("filter_bar", "{shown} of {total} in the trash")
            )
        else:
            text = (
                translate("filter_bar", "{shown} of {total} engagement")
                if total == 1
                else translate("filter_bar", "{shown} of {total} engagements")
            )
        self.count_label.setText(text.format(shown=number(shown), total=number(total)))

    def _update_clear(self) -> None:
        filters = self.filters()
        self.clear_button.setEnabled(not filters.is_empty())
        self.chips.show_filters(filters)
