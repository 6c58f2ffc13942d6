"""The views of the engagements the filter bar keeps: the table, and beside it the
overview, the restriction comparison and the timeline, one shown at a time.

``ViewStack`` is the tab bar and the stack of pages under the filter bar, with a View
menu entry and an Alt+digit shortcut per page. Every page but the table is a
``FollowingView``: it is told each filter and each change set, and reads the database
only while it is shown (a hidden overview costs nothing at 100,000 engagements); it asks
the window to narrow the filter (a click on a matrix cell) or to select an engagement
(a click on a timeline lane) by its two signals.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShowEvent
from PySide6.QtWidgets import QStackedWidget, QTabBar, QVBoxLayout, QWidget

from tracker.domain.changes import ChangeSet
from tracker.domain.model import Filters
from tracker.services import Tracker
from ui.accessibility import follow_layout
from ui.i18n import QT_TRANSLATE_NOOP, translate


class ViewKind(enum.StrEnum):
    """The views, in their tab order; the value is how settings and saved views name
    them."""

    TABLE = "table"
    OVERVIEW = "overview"
    RESTRICTIONS = "restrictions"
    TIMELINE = "timeline"


# The tab's text (with its mnemonic for the View menu) of each view.
VIEW_TEXTS: Mapping[ViewKind, str] = {
    ViewKind.TABLE: QT_TRANSLATE_NOOP("views", "T&able"),
    ViewKind.OVERVIEW: QT_TRANSLATE_NOOP("views", "&Overview"),
    ViewKind.RESTRICTIONS: QT_TRANSLATE_NOOP("views", "Restriction com&parison"),
    ViewKind.TIMELINE: QT_TRANSLATE_NOOP("views", "Time&line"),
}
# Its status tip.
VIEW_TIPS: Mapping[ViewKind, str] = {
    ViewKind.TABLE: QT_TRANSLATE_NOOP("views", "Show the table of the engagements kept"),
    ViewKind.OVERVIEW: QT_TRANSLATE_NOOP("views", "Show the overview of the engagements kept"),
    ViewKind.RESTRICTIONS: QT_TRANSLATE_NOOP(
        "views", "Show the restriction comparison of the engagements kept"
    ),
    ViewKind.TIMELINE: QT_TRANSLATE_NOOP("views", "Show the timeline of the engagements kept"),
}


class FollowingView(QWidget):
    """A page that follows the current filter: it reads when it is shown and stale.

    ``narrowRequested(fields, add)`` asks for the filter to be narrowed to ``fields`` (a
    mapping of ``Filters`` field names to one value each): replacing what those fields
    hold, or with ``add`` adding the value to a field that holds several (Ctrl+click).
    ``engagementChosen(id)`` asks for that engagement to be selected.
    """

    narrowRequested = Signal(object, bool)
    engagementChosen = Signal(int)

    def __init__(self, service: Tracker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.filters = Filters()
        self._stale = True

    def set_service(self, service: Tracker) -> None:
        """Show another database."""
        self.service = service
        self._invalidate()

    def set_filters(self, filters: Filters) -> None:
        """Follow the filter bar."""
        if filters != self.filters:
            self.filters = filters
            self._invalidate()

    def follow(self, changes: ChangeSet) -> None:
        """Follow a write. By default any change makes the page read again; a page that
        can tell which changes leave it as it is overrides this."""
        if not changes.empty:
            self._invalidate()

    def refresh(self) -> None:
        """Read the database and draw (called while shown; implemented by each page)."""
        raise NotImplementedError

    def _invalidate(self) -> None:
        self._stale = True
        if self.isVisible():
            self._refresh_now()

    def _refresh_now(self) -> None:
        self._stale = False
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._refresh_now()


class ViewStack(QWidget):
    """The tab bar and the pages: the table first, then the pages added to it. The
    pages' requests come out of the stack's own signals."""

    shown = Signal(str)  # the ViewKind now shown
    narrowRequested = Signal(object, bool)
    engagementChosen = Signal(int)

    def __init__(self, table: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabBar(self)
        self.tabs.setObjectName("viewTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setExpanding(False)
        self.tabs.setAccessibleName("Views")
        self.pages = QStackedWidget(self)
        self.kinds: list[ViewKind] = []
        self.views: dict[ViewKind, FollowingView] = {}
        self.actions_group = QActionGroup(self)
        self.actions_group.setExclusive(True)
        self.view_actions: dict[ViewKind, QAction] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.tabs)
        layout.addWidget(self.pages, 1)
        self._add(ViewKind.TABLE, table)
        self.tabs.currentChanged.connect(self._tab_changed)

    def showEvent(self, event: QShowEvent) -> None:
        """Put the column the stack is laid in (banners, filter bar, the stack) in Tab's
        order as laid out, once the window is built: the tab bar and the banners are
        made after the window's other panes, so Tab would reach them after those."""
        super().showEvent(event)
        parent = self.parentWidget()
        if parent is not None:
            follow_layout(parent)
        follow_layout(self)  # then the tab bar before the pages under it

    def add_view(self, kind: ViewKind, view: FollowingView) -> None:
        """Add a page after those there already."""
        self.views[kind] = view
        view.narrowRequested.connect(self.narrowRequested)
        view.engagementChosen.connect(self.engagementChosen)
        self._add(kind, view)

    def _add(self, kind: ViewKind, page: QWidget) -> None:
        self.kinds.append(kind)
        self.pages.addWidget(page)
        text = translate("views", VIEW_TEXTS[kind])
        self.tabs.addTab(text.replace("&", ""))
        action = QAction(text, self)
        action.setObjectName(f"view{kind.value.capitalize()}")
        action.setCheckable(True)
        # Alt+1 … Alt+4 in ViewKind's order, whichever pages a window has.
        action.setShortcut(QKeySequence(f"Alt+{list(ViewKind).index(kind) + 1}"))
        action.setStatusTip(translate("views", VIEW_TIPS[kind]))
        action.setChecked(len(self.kinds) == 1)
        action.triggered.connect(lambda _checked=False, k=kind: self.show_view(k))
        self.actions_group.addAction(action)
        self.addAction(action)  # its key works anywhere in the window
        self.view_actions[kind] = action

    def current(self) -> ViewKind:
        """The view shown."""
        return self.kinds[self.pages.currentIndex()]

    def show_view(self, kind: ViewKind | str) -> None:
        """Show the view ``kind`` (one this window does not have shows the table)."""
        try:
            index = self.kinds.index(ViewKind(kind))
        except ValueError:
            index = 0
        self.tabs.setCurrentIndex(index)

    def set_filters(self, filters: Filters) -> None:
        """Tell every page the filter."""
        for view in self.views.values():
            view.set_filters(filters)

    def follow(self, changes: ChangeSet) -> None:
        """Tell every page a write."""
        for view in self.views.values():
            view.follow(changes)

    def set_service(self, service: Tracker) -> None:
        """Tell every page it shows another database."""
        for view in self.views.values():
            view.set_service(service)

    def _tab_changed(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        kind = self.kinds[index]
        self.view_actions[kind].setChecked(True)
        self.shown.emit(kind.value)
