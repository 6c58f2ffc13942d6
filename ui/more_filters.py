"""The filter bar's "More filters" rows: restriction and stance, confidence, marking,
tag, owner, organisation (with its parts), and the ranges of the started date and of
the day a follow-up falls due.

They build their part of ``Filters`` (``part()``) and show one (``show()``); the filter
bar adds the rest. Dates are typed as partial dates ("Q3 2025", "mid-2026"): a started
range keeps them as typed, a follow-up range runs from the first day of its "from" to
the last day of its "to". A date that cannot be read filters nothing until corrected
(the field says why beneath it).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QWidget

from tracker.domain.dates import DateParseError, PartialDate
from tracker.domain.fields import label
from tracker.domain.model import Filters
from tracker.domain.vocab import Confidence, Stance
from ui.i18n import QT_TRANSLATE_NOOP, domain_text, translate, vocab_word
from ui.multi_select import MultiSelect
from ui.partial_date_edit import PartialDateEdit
from ui.plain_text import tooltip

ANY = ""
MIN_CHARS = 14  # a restriction, stance or tag box shows at least this many characters
DATE_WIDTH = 130  # a date field shows its placeholder whole
PLACEHOLDER = QT_TRANSLATE_NOOP("more_filters", "e.g. Q3 2025")


def _combo(parent: QWidget, name: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    # A catalogue title can be long: the box shows its start (the list shows it whole),
    # so that the row fits beside the detail pane.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(MIN_CHARS)
    return combo


def _fill(combo: QComboBox, any_text: str, items: Sequence[tuple[str, str]]) -> None:
    """Offer "Any …" then ``items`` (shown text, value), keeping the current value."""
    current = combo.currentData() or ANY
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(any_text, ANY)
    for text, value in items:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.blockSignals(False)


def _choose(combo: QComboBox, value: str | None) -> None:
    """Show ``value`` (added when the list does not hold it: a code since removed)."""
    found = combo.findData(value or ANY)
    if found < 0 and value:
        combo.addItem(value, value)
        found = combo.count() - 1
    combo.setCurrentIndex(max(found, 0))


def _date(edit: PartialDateEdit) -> PartialDate | None:
    try:
        return edit.value()
    except DateParseError:
        return None


class MoreFilters(QWidget):
    """The filters shown on demand below the filter bar's main choices."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.restriction = _combo(self, "restrictionFilter")
        self.restriction.setAccessibleName("Restriction filter")
        self.restriction.setMinimumContentsLength(2 * MIN_CHARS)
        self.stance = _combo(self, "stanceFilter")
        self.stance.setAccessibleName("Stance filter")
        _fill(
            self.stance,
            translate("more_filters", "Any stance"),
            [(vocab_word(s), s.value) for s in Stance],
        )
        self.confidence = MultiSelect(domain_text(label("confidence")), list(Confidence), self)
        self.confidence.setObjectName("confidenceFilter")
        self.marking = MultiSelect(domain_text(label("marking")), (), self)
        self.marking.setObjectName("markingFilter")
        self.tag = _combo(self, "tagFilter")
        self.tag.setAccessibleName("Tag filter")
        self.owner = _combo(self, "ownerFilter")
        self.owner.setAccessibleName("Owner filter")
        self.organisation = _combo(self, "organisationFilter")
        self.organisation.setAccessibleName("Organisation filter")
        self.organisation.setMinimumContentsLength(2 * MIN_CHARS)  # "U.S. Department of …"
        self.organisation.setToolTip(
            tooltip(
                translate(
                    "more_filters",
                    "The engagements of an organisation and of its parts (CDAO in the DoD)",
                )
            )
        )
        self.set_names(restrictions=(), tags=(), markings=())
        self.dates = {
            name: self._date_edit(name, accessible)
            for name, accessible in (
                ("started_from", "Started from"),
                ("started_to", "Started to"),
                ("due_from", "Follow-up due from"),
                ("due_by", "Follow-up due by"),
            )
        }
        self._lay_out()
        for combo in (self.restriction, self.stance, self.tag, self.owner, self.organisation):
            combo.currentIndexChanged.connect(self.changed)
        self.restriction.currentIndexChanged.connect(self._show_title)
        self.confidence.changed.connect(self.changed)
        self.marking.changed.connect(self.changed)
        for edit in self.dates.values():
            edit.textChanged.connect(self.changed)

    def _show_title(self) -> None:
        """The whole title of the restriction chosen, which the box may cut."""
        self.restriction.setToolTip(tooltip(self.restriction.currentText()))

    def _date_edit(self, name: str, accessible: str) -> PartialDateEdit:
        edit = PartialDateEdit(self)
        edit.setObjectName(name.replace("_", "") + "Filter")
        edit.lineEdit().setAccessibleName(accessible)
        edit.lineEdit().setPlaceholderText(translate("more_filters", PLACEHOLDER))
        edit.setFixedWidth(DATE_WIDTH)
        return edit

    def _lay_out(self) -> None:
        choices = QHBoxLayout()
        choices.setContentsMargins(0, 0, 0, 0)
        for text, widget in (
            (translate("more_filters", "&Restriction:"), self.restriction),
            (translate("more_filters", "Sta&nce:"), self.stance),
            (None, self.confidence),
            (None, self.marking),
            (translate("more_filters", "Ta&g:"), self.tag),
        ):
            if text is not None:
                caption = QLabel(text, self)
                caption.setBuddy(widget)
                choices.addWidget(caption)
            choices.addWidget(widget)
        choices.addStretch(1)
        dates = QGridLayout()
        dates.setContentsMargins(0, 0, 0, 0)
        for column, (text, low, high) in enumerate(
            (
                (translate("more_filters", "St&arted from"), "started_from", "started_to"),
                (translate("more_filters", "Follow-up d&ue from"), "due_from", "due_by"),
            )
        ):
            caption = QLabel(text, self)
            caption.setBuddy(self.dates[low])
            dates.addWidget(caption, 0, 4 * column)
            dates.addWidget(self.dates[low], 0, 4 * column + 1)
            between = (
                translate("more_filters", "to") if column == 0 else translate("more_filters", "by")
            )
            dates.addWidget(QLabel(between, self), 0, 4 * column + 2)
            dates.addWidget(self.dates[high], 0, 4 * column + 3)
        # The owner ends the second row: the first is as wide as a 1280-pixel window allows.
        caption = QLabel(translate("more_filters", "O&wner:"), self)
        caption.setBuddy(self.owner)
        dates.addWidget(caption, 0, 8)
        dates.addWidget(self.owner, 0, 9)
        dates.setColumnStretch(10, 1)
        # The organisation has a row of its own: beside the owner, the rows would no
        # longer fit beside the detail pane.
        organisation = QHBoxLayout()
        organisation.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(translate("more_filters", "Organ&isation:"), self)
        caption.setBuddy(self.organisation)
        organisation.addWidget(caption)
        organisation.addWidget(self.organisation)
        organisation.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        rows = QGridLayout()
        rows.setContentsMargins(0, 0, 0, 0)
        rows.addLayout(choices, 0, 0)
        rows.addLayout(dates, 1, 0)
        rows.addLayout(organisation, 2, 0)
        layout.addLayout(rows)

    def set_names(
        self,
        *,
        restrictions: Sequence[tuple[str, str]],
        tags: Sequence[str],
        markings: Sequence[str],
        owners: Sequence[str] = (),
        organisations: Sequence[str] = (),
    ) -> None:
        """Offer the catalogue's restrictions (code, title), the tags, markings, owners
        and organisations in use, keeping the current choices (emits nothing)."""
        _fill(
            self.restriction,
            translate("more_filters", "Any restriction"),
            [(title, code) for code, title in restrictions],
        )
        _fill(self.tag, translate("more_filters", "Any tag"), [(tag, tag) for tag in tags])
        _fill(
            self.owner, translate("more_filters", "Any owner"), [(owner, owner) for owner in owners]
        )
        _fill(
            self.organisation,
            translate("more_filters", "Any organisation"),
            [(name, name) for name in organisations],
        )
        self.marking.blockSignals(True)
        self.marking.set_words(markings)
        self.marking.blockSignals(False)

    def part(self) -> Filters:
        """The filters chosen here."""
        stance = self.stance.currentData() or None
        due_from, due_by = _date(self.dates["due_from"]), _date(self.dates["due_by"])
        return Filters(
            restriction=self.restriction.currentData() or None,
            stance=Stance(stance) if stance else None,
            confidences=self.confidence.selected(),
            markings=self.marking.selected(),
            tag=self.tag.currentData() or None,
            owner=self.owner.currentData() or None,
            organisation=self.organisation.currentData() or None,
            started_from=_date(self.dates["started_from"]),
            started_to=_date(self.dates["started_to"]),
            due_from=due_from.first_day if due_from else None,
            due_by=due_by.last_day if due_by else None,
        )

    def show_filters(self, filters: Filters, *, due: tuple[datetime.date | None, ...]) -> None:
        """Show ``filters``' part here, the follow-up range ``due`` (from, by) (emits
        nothing)."""
        # Its parts' signals reach the bar only through ``changed``.
        self.blockSignals(True)
        _choose(self.restriction, filters.restriction)
        _choose(self.stance, filters.stance.value if filters.stance else None)
        _choose(self.tag, filters.tag)
        _choose(self.owner, filters.owner)
        _choose(self.organisation, filters.organisation)
        self.confidence.set_selected(filters.confidences)
        self.marking.set_selected(filters.markings)
        self.dates["started_from"].setValue(filters.started_from)
        self.dates["started_to"].setValue(filters.started_to)
        for name, day in zip(("due_from", "due_by"), due, strict=True):
            self.dates[name].setValue(PartialDate.of_day(day) if day else None)
        self.blockSignals(False)
