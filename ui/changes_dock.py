"""The Changes view: a dock beside the table listing what changed on the engagements in a
period ("Since last briefing", the last 7 or 30 days, since a date), grouped by
engagement, the engagement changed last first.

It shows the engagements the filter bar keeps (``Tracker.changes`` applies the same
filter), a screen at a time ("Show older changes" fetches the next). Clicking a change
selects its engagement in the table. After a save it reads only the entries newer than
the newest it shows, unless the write may move engagements in or out of the filter or
rename one (then it reads its first screen again); hidden, it reads nothing until shown.
The words of each change come from ``tracker.domain.change_words``.
"""

from __future__ import annotations

import dataclasses
import datetime

from PySide6.QtCore import QDate, QSettings, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.change_words import (
    PERIOD_CHOICES,
    SINCE_BRIEFING,
    SINCE_DATE,
    Change,
    ChangePeriod,
    ChangesPage,
    chosen_period,
    grouped,
    word,
)
from tracker.domain.changes import ChangeSet
from tracker.domain.errors import TrackerError, ValidationError
from tracker.domain.model import Filters
from tracker.domain.presenter import reference, timestamp
from tracker.domain.register import BriefingRecord
from tracker.services import Tracker
from tracker.services.base import utc_today
from ui.i18n import domain_text, number, translate, ui_language
from ui.plain_text import plain_label, tooltip
from ui.settings import ChangesView, changes_view, remember_changes_view

SCREEN = 200  # changes read at a time
_ID_ROLE = Qt.ItemDataRole.UserRole


def latest_briefing(service: Tracker) -> BriefingRecord | None:
    """The briefing written last, None when none was recorded."""
    try:
        return service.briefing()
    except ValidationError:
        return None


def changes_period(service: Tracker, choice: str | None) -> ChangePeriod | None:
    """The period of a choice of ``PERIOD_CHOICES`` (None: no "Changes since …")."""
    if choice is None:
        return None
    briefing = latest_briefing(service) if choice == SINCE_BRIEFING else None
    return chosen_period(choice, today=utc_today(), briefing=briefing)


class ChangesDock(QDockWidget):
    """View → Changes: the changes feed of a period, beside the table."""

    engagement_chosen = Signal(int)

    def __init__(self, service: Tracker, settings: QSettings, parent: QWidget | None = None):
        super().__init__(translate("changes_dock", "Changes"), parent)
        self.setObjectName("changesDock")
        self._service = service
        self._settings = settings
        self._filters = Filters()
        self._period = ChangePeriod()
        self._changes: list[Change] = []
        self._next: tuple[str, int] | None = None
        self._stale = True  # the list must be read when next shown
        remembered = changes_view(settings)

        self.period = QComboBox(self)
        self.period.setObjectName("changesPeriod")
        self.period.setAccessibleName("Period")
        for key, text in PERIOD_CHOICES:
            self.period.addItem(domain_text(text), key)
        self.day = QDateEdit(self)
        self.day.setObjectName("changesDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("d MMM yyyy")
        self.day.setMaximumDate(QDate.currentDate())
        self.day.setDate(_qdate(remembered.day) or QDate.currentDate().addDays(-14))
        self.summary = plain_label("", self)
        self.summary.setObjectName("changesSummary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("changesTree")
        self.tree.setAccessibleName(translate("changes_dock", "Changes"))
        self.tree.setHeaderLabels(
            [
                translate("changes_dock", "Change"),
                translate("changes_dock", "Who"),
                translate("changes_dock", "When (UTC)"),
            ]
        )
        self.tree.setRootIsDecorated(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.more = QPushButton(translate("changes_dock", "Show older changes"), self)
        self.more.setObjectName("changesMore")
        self.more.setVisible(False)

        top = QHBoxLayout()
        top.addWidget(self.period, 1)
        top.addWidget(self.day)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.more)
        self.setWidget(body)

        found = self.period.findData(remembered.period)
        self.period.setCurrentIndex(max(found, 0))
        self.day.setVisible(self.period.currentData() == SINCE_DATE)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.day.dateChanged.connect(lambda _day: self._period_changed())
        self.tree.itemClicked.connect(self._clicked)
        self.more.clicked.connect(self._read_more)
        self.visibilityChanged.connect(self._shown)
        self.setVisible(remembered.visible)
        self._period_changed()

    # -- what the window tells it -----------------------------------------------------

    def set_service(self, service: Tracker) -> None:
        """Another database: read its changes."""
        self._service = service
        self._period_changed()

    def set_filters(self, filters: Filters) -> None:
        """The filter bar changed: show the changes of the engagements it keeps."""
        if filters != self._filters:
            self._filters = filters
            self._reload()

    def follow(self, changes: ChangeSet) -> None:
        """A write: read the entries it added, or everything when it may have moved an
        engagement in or out of the filter or renamed one."""
        if changes.empty:
            return
        if (
            not self._changes
            or changes.may_change_membership(self._filters)
            or "title" in changes.fields
        ):
            self._reload()
            return
        if not self.isVisible():
            self._stale = True
            return
        newest = self._changes[0].row.id
        since = dataclasses.replace(self._period, revision=max(self._period.revision or 0, newest))
        newer = self._read(since, limit=None, before=None)
        if newer is not None:
            self._changes[:0] = newer.changes
            self._fill()

    def show_since_briefing(self, briefing_id: int) -> None:
        """Show the changes since briefing ``briefing_id`` (the briefing history asks)."""
        record = self._service.briefing(briefing_id=briefing_id)
        self.period.blockSignals(True)
        self.period.setCurrentIndex(self.period.findData(SINCE_BRIEFING))
        self.period.blockSignals(False)
        self.day.setVisible(False)
        self._period = ChangePeriod.after_briefing(
            record.id, revision=record.revision, at=record.at
        )
        self.show()
        self.raise_()
        self._reload()

    def remember(self) -> None:
        """Keep whether it is shown and its period for the next start."""
        remember_changes_view(
            self._settings,
            ChangesView(
                visible=self.isVisible(),
                period=str(self.period.currentData()),
                day=self.day.date().toString(Qt.DateFormat.ISODate),
            ),
        )

    def toggle(self) -> None:
        """View → Changes: show or hide the view."""
        self.setVisible(not self.isVisible())

    # -- reading ----------------------------------------------------------------------

    def _period_changed(self) -> None:
        choice = str(self.period.currentData())
        self.day.setVisible(choice == SINCE_DATE)
        if choice == SINCE_DATE:
            day = self.day.date().toPython()
            assert isinstance(day, datetime.date)
            self._period = chosen_period(choice, today=utc_today(), day=day)
        else:
            self._period = changes_period(self._service, choice) or ChangePeriod()
        self._reload()

    def _shown(self, visible: bool) -> None:
        if visible and self._stale:
            self._reload()

    def _reload(self) -> None:
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        page = self._read(self._period, limit=SCREEN, before=None)
        self._changes = list(page.changes) if page is not None else []
        self._next = page.next_key if page is not None else None
        self._fill()

    def _read_more(self) -> None:
        page = self._read(self._period, limit=SCREEN, before=self._next)
        if page is not None:
            self._changes += page.changes
            self._next = page.next_key
            self._fill()

    def _read(
        self, period: ChangePeriod, *, limit: int | None, before: tuple[str, int] | None
    ) -> ChangesPage | None:
        try:
            return self._service.changes(
                filters=self._filters, period=period, limit=limit, before=before
            )
        except TrackerError as exc:
            self.summary.setText(str(exc))
            return None

    # -- showing ----------------------------------------------------------------------

    def _fill(self) -> None:
        self.tree.clear()
        groups = grouped(self._changes)
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for group in groups:
            top = QTreeWidgetItem([f"{reference(group.engagement)}  {group.title}", "", ""])
            top.setFont(0, bold)
            top.setData(0, _ID_ROLE, group.engagement)
            top.setToolTip(0, tooltip(f"{group.title} ({group.uid})"))
            for english in group.changes:
                change = word(english.row, language=ui_language())
                row = change.row
                when = timestamp(row.at).removesuffix(" UTC")
                item = QTreeWidgetItem([change.text(), row.who, when])
                item.setData(0, _ID_ROLE, group.engagement)
                words = "\n".join([change.label, *(i.text() for i in change.items)])
                item.setToolTip(0, tooltip(words))
                top.addChild(item)
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)  # the title may use the whole width
            top.setExpanded(True)
        count = len(self._changes)
        self.summary.setText(
            _summary(count, len(groups), self._period, more=self._next is not None)
        )
        self.more.setVisible(self._next is not None)

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        number = item.data(0, _ID_ROLE)
        if isinstance(number, int):
            self.engagement_chosen.emit(number)


def _summary(count: int, engagements: int, period: ChangePeriod, *, more: bool) -> str:
    """ "12 changes to 3 engagements since 1 Mar 2026 (more below)"."""
    when = period.label(ui_language())
    if not count:
        return translate("changes_dock", "No changes {period}.").format(period=when)
    changes = (
        translate("changes_dock", "1 change")
        if count == 1
        else translate("changes_dock", "{count} changes").format(count=number(count))
    )
    to = (
        translate("changes_dock", "1 engagement")
        if engagements == 1
        else translate("changes_dock", "{count} engagements").format(count=number(engagements))
    )
    said = translate("changes_dock", "{changes} to {engagements} {period}").format(
        changes=changes, engagements=to, period=when
    )
    return said + (translate("changes_dock", " (more below)") if more else "")


def _qdate(text: str) -> QDate | None:
    day = QDate.fromString(text, Qt.DateFormat.ISODate)
    return day if day.isValid() else None
