"""The main window: filter bar, engagement table, detail pane, menus, undo.

Think Calibre or Zotero: the table on the left fills from the service layer on
demand, the detail pane on the right shows the selected engagement, and every
saved change goes on the undo stack.

The window composes the parts and wires them together; it queries the table and
follows the selection itself. The commands live in their own modules: ui.actions (the
actions and menus), ui.editing (forms, trash, undoable saves), ui.transfers (import,
export, briefing) on ui.jobs (worker threads behind a progress dialog), and
ui.database_switcher (which database is shown), ui.preferences (Edit → Preferences…).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, Qt
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import QMainWindow, QSplitter, QTableView, QVBoxLayout, QWidget

from tracker.domain.changes import ChangeSet
from tracker.domain.errors import TrackerError
from tracker.domain.model import Filters
from tracker.services import Tracker
from ui.about import show_about
from ui.actions import (
    build_actions,
    build_menu_bar,
    columns_menu,
    show_header_menu,
    show_table_menu,
)
from ui.backup_job import start_automatic_backup
from ui.briefing_history import BriefingHistoryDialog
from ui.changes_dock import ChangesDock
from ui.database_switcher import DatabaseSwitcher, database_name
from ui.detail_pane import DetailPane
from ui.editing import Editing
from ui.filter_bar import FilterBar
from ui.filter_commands import FilterCommands
from ui.follow_ups import OverdueCount
from ui.i18n import translate
from ui.jobs import JobRunner
from ui.notices import TablePlaceholder, TrashBanner, empty_database_banner
from ui.organisations import Organisations
from ui.overview import OverviewView
from ui.plain_text import warning
from ui.preferences import PreferenceCommands
from ui.restriction_catalogue import CatalogueWindow
from ui.restriction_comparison import RestrictionsView
from ui.saved_views import SavedViews
from ui.settings import (
    APPLICATION,
    more_filters_shown,
    open_settings,
    remember_more_filters,
    remember_view,
    restore_layout,
    save_layout,
    saved_filters,
    saved_order,
    shown_view,
)
from ui.table_layout import configure_table
from ui.table_model import COLUMNS, EngagementTableModel
from ui.timeline_view import TimelineView
from ui.transfers import Transfers
from ui.views import ViewKind, ViewStack

# The default size of the window and width of its table pane: at 1400 pixels the
# table's columns all fit (ui.table_layout) beside a detail pane wide enough to read.
WINDOW_SIZE = (1400, 820)
TABLE_PANE = 1040


class MainWindow(QMainWindow):
    """The application window."""

    def __init__(
        self,
        service: Tracker,
        *,
        settings: QSettings | None = None,
        opener: Callable[[str], Tracker] | None = None,
    ) -> None:
        super().__init__()
        self.service = service
        self.settings = settings if settings is not None else open_settings()
        self.undo_stack = QUndoStack(self)
        self._total = 0
        self._total_of_trash: bool | None = None  # which view ``_total`` counts
        self._filtering = False  # inside apply_filters
        self._detail_id: int | None = None  # the engagement the detail pane shows

        self.model = EngagementTableModel(service, self)
        self.filter_bar = FilterBar(self)
        self.table = QTableView(self)
        self.detail = DetailPane(self)
        self.jobs = JobRunner(self, failed=self._failed)
        self.editing = Editing(self, changed=self._changed, failed=self._failed)
        self.detail.historyRequested.connect(self.editing.show_history)
        self.catalogue = CatalogueWindow(
            self,
            service=lambda: self.service,
            stack=self.undo_stack,
            changed=self._changed,
            failed=self._failed,
        )
        self.transfers = Transfers(
            self, jobs=self.jobs, settings=self.settings, changed=self._changed, failed=self._failed
        )
        self.databases = DatabaseSwitcher(
            self,
            service,
            settings=self.settings,
            opener=opener or (lambda target: Tracker.open(target)),
            adopt=self._adopt,
        )
        self.banner = empty_database_banner(self, self.editing.load_demo)
        self.trash_banner = TrashBanner(self)
        self.changes_dock = ChangesDock(service, self.settings, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.changes_dock)
        self.resizeDocks([self.changes_dock], [440], Qt.Orientation.Horizontal)
        configure_table(self.table, self.model, TABLE_PANE)
        self.placeholder = TablePlaceholder(self.table)
        self.views = ViewStack(self.table, self)
        for kind, page in (
            (ViewKind.OVERVIEW, OverviewView(service, self, settings=self.settings)),
            (ViewKind.RESTRICTIONS, RestrictionsView(service, self, self.table_order)),
            (ViewKind.TIMELINE, TimelineView(service, self.table, self.settings, self)),
        ):
            self.views.add_view(kind, page)
        self._build_layout()
        self.saved_views = SavedViews(
            self,
            stack=self.undo_stack,
            service=lambda: self.service,
            filter_bar=self.filter_bar,
            header=self.table.horizontalHeader(),
            model=self.model,
            views=self.views,
        )
        self.organisations = Organisations(self, changed=self._changed, failed=self._failed)
        self.filter_commands = FilterCommands(self)
        self.preferences = PreferenceCommands(self)  # before the filters are restored
        self._actions = build_actions(self, self.undo_stack)
        build_menu_bar(
            self.menuBar(),
            self._actions,
            {
                "recent": self.databases.recent_menu,
                "columns": columns_menu(self.table.horizontalHeader(), self),
                "views": list(self.views.view_actions.values()),
                "savedViews": self.saved_views.menu,
            },
        )
        self.overdue = OverdueCount(self)
        self.statusBar().addPermanentWidget(self.overdue)
        self._wire()
        self._restore_settings()
        self._apply_access()

    # -- construction ---------------------------------------------------------------

    def _build_layout(self) -> None:
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.databases.location_banner)
        column.addWidget(self.databases.read_only_banner)
        column.addWidget(self.filter_bar)
        column.addWidget(self.banner)
        column.addWidget(self.trash_banner)
        column.addWidget(self.views, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        # Sizes that add up to the width, so that the splitter keeps them as they are.
        detail = WINDOW_SIZE[0] - TABLE_PANE - self.splitter.handleWidth()
        self.splitter.setSizes([TABLE_PANE, detail])
        self.setCentralWidget(self.splitter)
        self.resize(*WINDOW_SIZE)

    def _wire(self) -> None:
        header = self.table.horizontalHeader()
        header.customContextMenuRequested.connect(lambda pos: show_header_menu(header, self, pos))
        self.table.customContextMenuRequested.connect(
            lambda pos: show_table_menu(
                self.table, self._actions, trash=self.showing_trash(), pos=pos
            )
        )
        self.filter_bar.changed.connect(self.apply_filters)
        self.trash_banner.back.connect(self._actions["trash"].trigger)
        self.placeholder.link_clicked.connect(self.filter_bar.clear)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.activated.connect(lambda _index: self.editing.edit_current())
        self.undo_stack.cleanChanged.connect(self._update_actions)
        self.changes_dock.engagement_chosen.connect(self.select)
        self.changes_dock.visibilityChanged.connect(self._actions["changes"].setChecked)
        self._actions["changes"].setChecked(self.changes_dock.isVisible())
        self.views.narrowRequested.connect(self.filter_bar.narrow)  # (fields, add)
        self.views.engagementChosen.connect(self.select)

    # -- settings and closing ---------------------------------------------------------

    def _restore_settings(self) -> None:
        header = self.table.horizontalHeader()
        restore_layout(self.settings, self, self.splitter, header)
        sort_column, descending = saved_order(self.settings, len(COLUMNS))
        self.filter_bar.blockSignals(True)
        self.filter_commands.refresh_names()
        self.filter_bar.set_filters(saved_filters(self.settings))
        self.filter_bar.blockSignals(False)
        more = self.filter_bar.more_button
        more.setChecked(more_filters_shown(self.settings))
        more.toggled.connect(lambda shown: remember_more_filters(self.settings, shown))
        self.model.set_query(
            filters=self.filter_bar.filters(), sort_column=sort_column, descending=descending
        )
        self.changes_dock.set_filters(self.filter_bar.filters())
        self.views.set_filters(self.filter_bar.filters())
        self.views.show_view(shown_view(self.settings))
        self.views.shown.connect(lambda view: remember_view(self.settings, view))
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(sort_column, order)
        header.sortIndicatorChanged.connect(self.model.sort)
        self._after_query()
        self.overdue.recount(self.service)

    def save_settings(self) -> None:
        """Remember the window layout, columns, order and filters."""
        save_layout(
            self.settings,
            self,
            self.splitter,
            self.table.horizontalHeader(),
            order=(self.model.sort_column, self.model.descending),
            filters=self.filter_bar.filters(),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.editing.close_form():
            event.ignore()
            return
        # An import stops at its next row; a backup half-written helps nobody: both end.
        self.jobs.cancel()
        self.jobs.wait()
        self.save_settings()
        self.changes_dock.remember()
        event.accept()

    def start_automatic_backup(self) -> None:
        """The day's first start: a rotating automatic backup (``ui.backup_job``)."""
        start_automatic_backup(self)

    # -- querying ---------------------------------------------------------------------

    def apply_filters(self) -> None:
        """Re-run the query for the filters in the bar, keeping the current engagement."""
        keep = self.current_id()
        filters = self.filter_bar.filters(trash=self.showing_trash())
        self.model.set_query(filters=filters)
        self.changes_dock.set_filters(filters)
        self.views.set_filters(filters)
        # Filtering changes nothing stored: the total stands unless the trash was toggled,
        # and the detail pane stays as it is if the same engagement stays current.
        self._filtering = True
        try:
            self._after_query(keep, recount=self._total_of_trash != filters.trash)
        finally:
            self._filtering = False

    def reload(self) -> None:
        """Re-read everything from the database (F5)."""
        keep = self.current_id()
        self.filter_commands.refresh_names()
        self.model.reload()
        self._after_query(keep)
        self.overdue.recount(self.service)
        self.saved_views.rebuild()  # a colleague's views shared since

    def _after_query(self, keep: int | None = None, *, recount: bool = True) -> None:
        trash = self.showing_trash()
        if recount or self._total_of_trash != trash:
            self._total = self.service.count(filters=Filters(trash=trash))
            self._total_of_trash = trash
        self.filter_bar.set_count(self.model.rowCount(), self._total, trash=trash)
        self.banner.setVisible(
            not trash
            and self._total == 0
            and not self.read_only
            and self.service.count(filters=Filters(trash=True)) == 0
        )
        self._describe_view(trash)
        row = self.model.row_of(keep) if keep is not None else None
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            self._make_current(row)
        else:
            self._show_detail(None)
        self._update_actions()

    def _describe_view(self, trash: bool) -> None:
        """Say which list this is (the trash, in the title and a banner) and, when it
        is empty, why: nothing matches the filters, or the trash is empty."""
        name = database_name(self.service.url)
        self.setWindowTitle(
            translate("main_window", "{name} — Trash — {application}").format(
                name=name, application=APPLICATION
            )
            if trash
            else f"{name} — {APPLICATION}"
        )
        self.trash_banner.setVisible(trash)
        if self.model.rowCount():
            self.placeholder.show_message(None)
        elif not self.filter_bar.filters().is_empty():
            self.placeholder.show_message(
                translate("main_window", "No engagements match"),
                translate("main_window", "Clear filters"),
            )
        else:
            self.placeholder.show_message(
                translate("main_window", "The trash is empty") if trash else None
            )

    def showing_trash(self) -> bool:
        """True while View → Show trash is on."""
        return self._actions["trash"].isChecked()

    def current_id(self) -> int | None:
        """The engagement under the cursor, if any."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.id_at(index.row())

    def selected_ids(self) -> list[int]:
        """The selected engagements, in table order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.id_at(r) for r in rows]

    def select(self, engagement_id: int) -> None:
        """Make ``engagement_id`` the current and only selected row, if the table shows it."""
        row = self.model.row_of(engagement_id)
        if row is not None:
            self._make_current(row)

    def _make_current(self, row: int) -> None:
        # Not QTableView.selectRow: in extended selection it reads the modifier keys
        # held at that moment, and the Ctrl of the Ctrl+S that saved would add the row
        # to the old selection, where Delete would then trash both.
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.table.selectionModel().setCurrentIndex(
            index, flags | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)

    def export_filters(self) -> Filters:
        """What an export covers: the selected rows when more than one is selected, else
        the current filter."""
        selected = self.selected_ids()
        filters = self.model.filters
        if len(selected) > 1:
            return Filters(ids=tuple(selected), trash=filters.trash)
        return filters

    def sort_key(self) -> str:
        """The service's sort key of the table's order."""
        return COLUMNS[self.model.sort_column].sort_key

    def table_order(self) -> tuple[str, bool]:
        """The table's order: the service's sort key, and whether descending."""
        return self.sort_key(), self.model.descending

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        engagement_id = self.model.id_at(current.row()) if current.isValid() else None
        if self._filtering and engagement_id is not None and engagement_id == self._detail_id:
            return
        self._show_detail(engagement_id)

    def _show_detail(self, engagement_id: int | None) -> None:
        self._detail_id = engagement_id
        if engagement_id is None:
            self.detail.show_engagement(None, ())
            return
        try:
            engagement = self.service.get(engagement_id=engagement_id)
            history = self.service.history(engagement_id=engagement_id)
        except TrackerError as exc:
            self.statusBar().showMessage(str(exc), 8000)
            self._detail_id = None
            self.detail.show_engagement(None, ())
            return
        self.detail.show_engagement(engagement, history)

    @property
    def read_only(self) -> bool:
        """True when the database may only be read (a PostgreSQL role without rights)."""
        return self.service.read_only is not None

    def _apply_access(self) -> None:
        """Switch editing off for a read-only database (its banner says why)."""
        for name in ("new", "import", "demo"):
            self._actions[name].setEnabled(not self.read_only)
        self.saved_views.save_action.setEnabled(not self.read_only)
        self._update_actions()

    def _update_actions(self) -> None:
        has = self.current_id() is not None
        trash = self.showing_trash()
        writable = not self.read_only
        self._actions["edit"].setEnabled(has and not trash and writable)
        self._actions["bulkEdit"].setEnabled(has and not trash and writable)
        self._actions["delete"].setEnabled(has and not trash and writable)
        self._actions["restore"].setEnabled(has and trash and writable)

    def _changed(self, changes: ChangeSet) -> None:
        """Apply what a write changed (Anki's ``OpChanges`` pattern): the id query runs
        again only when the list's order or membership may have moved; otherwise the
        changed rows are re-read in place. The detail pane follows its engagement."""
        if changes.empty:
            return
        if changes.names:
            self.filter_commands.refresh_names()
        self.overdue.follow(changes, self.service)
        self.changes_dock.follow(changes)
        self.views.follow(changes)
        model = self.model
        if changes.may_change_membership(model.filters) or changes.may_change_order(
            self.sort_key()
        ):
            keep = self.current_id()
            model.reload()
            self._after_query(keep, recount=changes.count_may_change)
        else:
            model.refresh_rows(changes.engagements)
        current = self.current_id()
        if current is not None and current in changes.engagements:
            self._show_detail(current)

    def _failed(self, message: str) -> None:
        self.statusBar().clearMessage()  # what the last step said no longer holds
        warning(self, APPLICATION, message)

    def _adopt(self, service: Tracker) -> None:
        """Show ``service`` (another database) instead of the current one, and close that."""
        old = self.service
        self.service = service
        self.undo_stack.clear()
        self.model.set_service(service)
        self.changes_dock.set_service(service)
        self.views.set_service(service)
        self.saved_views.rebuild()
        old.close()
        self._apply_access()
        self.filter_commands.refresh_names()
        self._total_of_trash = None  # another database: count again
        self.apply_filters()
        self.overdue.recount(service)

    def form_closed(self) -> None:
        """Back from a form: the window and its table have the keyboard again."""
        self.activateWindow()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the search box."""
        self.filter_bar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.search.selectAll()

    def briefing_history(self) -> None:
        """File → Briefing history…: the briefing register, read when it opens."""
        try:
            dialog = BriefingHistoryDialog(self.service, settings=self.settings, parent=self)
        except TrackerError as exc:
            self._failed(str(exc))
            return
        dialog.changesSinceRequested.connect(self.changes_dock.show_since_briefing)
        dialog.exec()
        dialog.deleteLater()

    def about(self) -> None:
        """Help → About: version, database, schema version."""
        show_about(self, self.service)
