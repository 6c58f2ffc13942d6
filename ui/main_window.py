"""The main window: filter bar, engagement table, detail pane, menus, undo.

Think Calibre or Zotero: the table on the left fills from the service layer on
demand, the detail pane on the right shows the selected engagement, and every
saved change goes on the undo stack.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QModelIndex, QPoint, QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker import __version__
from tracker.domain.errors import TrackerError, ValidationError
from tracker.domain.flatfile import from_csv, to_csv
from tracker.domain.model import Engagement, EngagementData, Filters
from tracker.services import Tracker
from tracker.services.backups import automatic_backup
from tracker.services.briefings import BriefingRequest, render_briefing
from tracker.services.files import dump_json, read_json, read_text, write_atomic
from ui.briefing_dialog import BriefingDialog
from ui.commands import CreateCommand, EditCommand, TrashCommand
from ui.connection_dialog import ConnectionDialog
from ui.detail_pane import DetailPane
from ui.engagement_form import EngagementDialog
from ui.filter_bar import FilterBar
from ui.saving import save_with_merge
from ui.settings import (
    filters_from_text,
    filters_to_text,
    open_settings,
    recent_databases,
    remember_database,
)
from ui.table_model import COLUMNS, EngagementTableModel
from ui.workers import Job

APP_TITLE = "Engagement Tracker"


def database_name(url: str) -> str:
    """A short name for the window title: the file name, or the URL without password."""
    if url.startswith("sqlite:///"):
        return Path(url.removeprefix("sqlite:///")).name
    head, sep, tail = url.partition("@")
    return tail if sep else head


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
        self._opener = opener or (lambda target: Tracker.open(target))
        self.undo_stack = QUndoStack(self)
        self.dialog: EngagementDialog | None = None
        self.job: Job | None = None
        self.progress: QProgressDialog | None = None
        self._total = 0
        self._total_of_trash: bool | None = None  # which view ``_total`` counts
        self._filtering = False  # inside apply_filters
        self._detail_id: int | None = None  # the engagement the detail pane shows
        self.offer_to_open = True  # after a briefing; tests switch it off
        self.briefing_dialog: BriefingDialog | None = None
        self.connection_dialog: ConnectionDialog | None = None
        self.backup_job: Job | None = None

        self.model = EngagementTableModel(service, self)
        self.filter_bar = FilterBar(self)
        self.table = QTableView(self)
        self.detail = DetailPane(self)
        self.banner = self._build_banner()
        self.location_banner = self._build_location_banner(service.location_warning)
        self.read_only_banner = self._build_location_banner(None)
        self.read_only_banner.setObjectName("readOnlyBanner")
        self._build_table()
        self._build_layout()
        self._build_actions()
        self._build_menus()

        self.filter_bar.changed.connect(self.apply_filters)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.activated.connect(lambda _index: self.edit_current())
        self.undo_stack.cleanChanged.connect(self._update_actions)

        self._restore_settings()
        self._apply_access()
        remember_database(self.settings, service.url)
        self._rebuild_recent_menu()
        self._update_title()

    # -- construction ---------------------------------------------------------------

    def _build_banner(self) -> QWidget:
        banner = QWidget(self)
        banner.setObjectName("emptyBanner")
        label = QLabel("This database is empty.", banner)
        button = QPushButton("Load &demo data", banner)
        button.clicked.connect(self.load_demo)
        layout = QHBoxLayout(banner)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(label)
        layout.addWidget(button)
        layout.addStretch(1)
        banner.setVisible(False)
        return banner

    def _build_location_banner(self, warning: str | None) -> QLabel:
        """A standing warning when the database lives on a network or synced folder."""
        banner = QLabel(self)
        banner.setObjectName("locationBanner")
        banner.setWordWrap(True)
        banner.setTextFormat(Qt.TextFormat.PlainText)
        banner.setStyleSheet(
            "QLabel { background: #FFF4CE; color: #3B2F00; padding: 6px 8px;"
            " border-bottom: 1px solid #E0C97A; }"
        )
        banner.setText(f"Warning: {warning}" if warning else "")
        banner.setVisible(warning is not None)
        return banner

    def _build_table(self) -> None:
        t = self.table
        t.setModel(self.model)
        t.setObjectName("engagementTable")
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setAlternatingRowColors(True)
        t.setWordWrap(False)
        t.setTextElideMode(Qt.TextElideMode.ElideRight)
        t.setShowGrid(False)
        vertical = t.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(t.fontMetrics().height() + 8)
        header = t.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSortIndicatorShown(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        widths = (250, 150, 85, 100, 110, 90, 140, 120, 85)
        for column, width in enumerate(widths):
            t.setColumnWidth(column, width)
        t.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        t.customContextMenuRequested.connect(self._table_menu)

    def _build_layout(self) -> None:
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.location_banner)
        column.addWidget(self.read_only_banner)
        column.addWidget(self.filter_bar)
        column.addWidget(self.banner)
        column.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([960, 440])
        self.setCentralWidget(self.splitter)
        self.resize(1400, 820)

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.new_action = self._action("&New engagement…", self.new_engagement, K.New)
        self.new_db_action = self._action("New &database…", self.new_database)
        self.open_db_action = self._action("&Open database…", self.open_database, K.Open)
        self.import_action = self._action("&Import…", self.import_file, "Ctrl+I")
        self.export_action = self._action(
            "&Export…", self.export_file, "Ctrl+E", "Export the engagements shown (or selected)"
        )
        self.brief_action = self._action(
            "Export &briefing (PDF)…",
            self.export_briefing,
            "Ctrl+B",
            "A PDF briefing of the engagements shown (or selected)",
        )
        self.demo_action = self._action("Load &demo data", self.load_demo)
        self.quit_action = self._action("&Quit", self.close, K.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence(K.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(K.Redo)])
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.edit_action = self._action("&Edit engagement…", self.edit_current, "F2")
        self.delete_action = self._action(
            "&Delete", self.delete_selected, K.Delete, "Move the selected engagements to the trash"
        )
        self.restore_action = self._action(
            "Rest&ore from trash", self.restore_selected, "Ctrl+Shift+R"
        )
        self.find_action = self._action("&Find", self.focus_search, K.Find)
        self.clear_action = self._action("C&lear filters", self.filter_bar.clear, "Ctrl+Shift+L")

        self.reload_action = self._action("&Reload", self.reload, K.Refresh)
        self.trash_action = self._action("Show &trash", self.apply_filters, "Ctrl+T")
        self.trash_action.setCheckable(True)
        self.about_action = self._action("&About Engagement Tracker", self.about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        file.addAction(self.new_action)
        file.addSeparator()
        file.addAction(self.new_db_action)
        file.addAction(self.open_db_action)
        self.recent_menu = file.addMenu("Open &recent")
        file.addSeparator()
        file.addAction(self.import_action)
        file.addAction(self.export_action)
        file.addAction(self.brief_action)
        file.addAction(self.demo_action)
        file.addSeparator()
        file.addAction(self.quit_action)

        edit = bar.addMenu("&Edit")
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        edit.addAction(self.edit_action)
        edit.addAction(self.delete_action)
        edit.addAction(self.restore_action)
        edit.addSeparator()
        edit.addAction(self.find_action)
        edit.addAction(self.clear_action)

        view = bar.addMenu("&View")
        view.addAction(self.reload_action)
        view.addAction(self.trash_action)
        self.columns_menu = view.addMenu("&Columns")
        self.columns_menu.aboutToShow.connect(lambda: self._fill_columns_menu(self.columns_menu))

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about_action)
        self.statusBar()

    # -- settings -------------------------------------------------------------------

    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        splitter = s.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        header = self.table.horizontalHeader()
        state = s.value("table/header")
        if isinstance(state, QByteArray):
            header.restoreState(state)
        sort_column = _int(s.value("table/sortColumn", 0))
        descending = str(s.value("table/descending", "false")).lower() == "true"
        if not 0 <= sort_column < len(COLUMNS):
            sort_column = 0
        filters = filters_from_text(s.value("filters"))
        self.filter_bar.blockSignals(True)
        self.filter_bar.set_filters(filters)
        self.filter_bar.blockSignals(False)
        self._refresh_names()
        self.model.set_query(
            filters=self.filter_bar.filters(), sort_column=sort_column, descending=descending
        )
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(sort_column, order)
        header.sortIndicatorChanged.connect(self.model.sort)
        self._after_query()

    def save_settings(self) -> None:
        """Remember the window layout, columns, order and filters."""
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("table/header", self.table.horizontalHeader().saveState())
        s.setValue("table/sortColumn", self.model.sort_column)
        s.setValue("table/descending", "true" if self.model.descending else "false")
        s.setValue("filters", filters_to_text(self.filter_bar.filters()))
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.activateWindow()
            if not self.dialog.close():
                event.ignore()
                return
        if self.job is not None:
            self.job.cancel()
            self.job.wait()
        if self.backup_job is not None:  # a backup half-written helps nobody: let it end
            self.backup_job.wait(600_000)
        self.save_settings()
        event.accept()

    def start_automatic_backup(self) -> None:
        """The day's first start: a rotating automatic backup of the database, made on a
        worker thread (at 100,000 engagements it takes seconds), reported in the status
        bar. Closing the window waits for it to end."""
        service = self.service
        job = Job(lambda _progress: automatic_backup(service), self)
        job.finished.connect(self._backup_made)
        job.failed.connect(
            lambda message: self.statusBar().showMessage(
                f"Automatic backup failed: {message}", 15000
            )
        )
        self.backup_job = job
        job.start()

    def _backup_made(self, made: object) -> None:
        if made is not None:
            self.statusBar().showMessage(f"Backed up to {made}", 8000)

    # -- querying ---------------------------------------------------------------------

    def apply_filters(self) -> None:
        """Re-run the query for the filters in the bar, keeping the current engagement."""
        keep = self.current_id()
        filters = self.filter_bar.filters(trash=self.trash_action.isChecked())
        self.model.set_query(filters=filters)
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
        self._refresh_names()
        self.model.reload()
        self._after_query(keep)

    def _after_query(self, keep: int | None = None, *, recount: bool = True) -> None:
        trash = self.trash_action.isChecked()
        if recount or self._total_of_trash != trash:
            self._total = self.service.count(filters=Filters(trash=trash))
            self._total_of_trash = trash
        self.filter_bar.set_count(self.model.rowCount(), self._total)
        self.banner.setVisible(
            not trash
            and self._total == 0
            and not self.read_only
            and self.service.count(filters=Filters(trash=True)) == 0
        )
        row = self.model.row_of(keep) if keep is not None else None
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self._show_detail(None)
        self._update_actions()

    def _refresh_names(self) -> None:
        self.filter_bar.set_names(
            vendors=self.service.names(kind="vendor"),
            counterparts=self.service.names(kind="counterpart"),
        )

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
        """Show why a read-only database is read-only, and switch editing off."""
        reason = self.service.read_only
        self.read_only_banner.setText(
            f"Read-only: {reason}. You can search, read and export; ask the database "
            "administrator for write access to edit."
            if reason
            else ""
        )
        self.read_only_banner.setVisible(reason is not None)
        for action in (self.new_action, self.import_action, self.demo_action):
            action.setEnabled(reason is None)
        self._update_actions()

    def _update_actions(self) -> None:
        has = self.current_id() is not None
        trash = self.trash_action.isChecked()
        writable = not self.read_only
        self.edit_action.setEnabled(has and not trash and writable)
        self.delete_action.setEnabled(has and not trash and writable)
        self.restore_action.setEnabled(has and trash and writable)

    def _changed(self, ids: Sequence[int]) -> None:
        """After a saved change: refresh ids (order may change), rows and the detail pane."""
        keep = self.current_id()
        self._refresh_names()
        self.model.reload()
        self._after_query(keep)
        current = self.current_id()
        if current is not None and current in ids:
            self._show_detail(current)

    def _failed(self, message: str) -> None:
        QMessageBox.warning(self, APP_TITLE, message)

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the search box."""
        self.filter_bar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.search.selectAll()

    # -- editing ----------------------------------------------------------------------

    def _form(self, data: EngagementData | None) -> EngagementDialog:
        return EngagementDialog(
            markings=self.service.markings(),
            default_marking=self.service.default_marking(),
            vendors=self.service.names(kind="vendor"),
            counterparts=self.service.names(kind="counterpart"),
            catalogue=self.service.restriction_catalogue(),
            data=data,
            parent=self,
        )

    def new_engagement(self) -> None:
        """Ctrl+N: open the form for a new engagement."""
        if self.read_only:
            return
        dialog = self._form(None)
        dialog.saveRequested.connect(lambda: self._save_new(dialog))
        self._open_dialog(dialog)

    def edit_current(self) -> None:
        """F2 / Enter / double-click: edit the current engagement."""
        if self.read_only:
            return
        eid = self.current_id()
        if eid is None or self.trash_action.isChecked():
            return
        try:
            base = self.service.get(engagement_id=eid)
        except TrackerError as exc:
            self._failed(str(exc))
            return
        dialog = self._form(base.data)
        dialog.saveRequested.connect(lambda: self._save_edit(dialog, base))
        self._open_dialog(dialog)

    def _open_dialog(self, dialog: EngagementDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: EngagementDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        self.activateWindow()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _form_data(self, dialog: EngagementDialog) -> EngagementData | None:
        try:
            return dialog.data()
        except ValidationError as exc:
            dialog.show_error(exc.field, exc.reason)
            return None

    def _save_new(self, dialog: EngagementDialog) -> None:
        data = self._form_data(dialog)
        if data is None:
            return
        try:
            created = self.service.create(data=data)
        except ValidationError as exc:
            dialog.show_error(exc.field, exc.reason)
            return
        except TrackerError as exc:
            QMessageBox.warning(
                dialog, "Not saved", f"{exc}\n\nYour entries are still in the form."
            )
            return
        self.undo_stack.push(
            CreateCommand(
                engagement_id=created.id,
                title=created.data.title,
                service=lambda: self.service,
                changed=self._changed,
                failed=self._failed,
            )
        )
        dialog.accept()
        self._changed([created.id])
        self._select(created.id)

    def _save_edit(self, dialog: EngagementDialog, base: Engagement) -> None:
        mine = self._form_data(dialog)
        if mine is None:
            return
        try:
            saved = save_with_merge(
                self.service, engagement_id=base.id, base=base, mine=mine, parent=dialog
            )
        except ValidationError as exc:
            dialog.show_error(exc.field, exc.reason)
            return
        except TrackerError as exc:
            QMessageBox.warning(
                dialog, "Not saved", f"{exc}\n\nYour entries are still in the form."
            )
            return
        if saved is None:
            return  # the user went back to the form: their entries are intact
        dialog.accept()
        if saved.data != base.data:
            self.undo_stack.push(
                EditCommand(
                    engagement_id=base.id,
                    before=base.data,
                    after=saved.data,
                    service=lambda: self.service,
                    changed=self._changed,
                    failed=self._failed,
                )
            )
        self._changed([base.id])

    def _select(self, engagement_id: int) -> None:
        row = self.model.row_of(engagement_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def delete_selected(self) -> None:
        """Delete: move the selected engagements to the trash (undoable)."""
        if self.read_only:
            return
        ids = self.selected_ids()
        if not ids or self.trash_action.isChecked():
            return
        self.undo_stack.push(
            TrashCommand(
                ids=ids,
                delete=True,
                service=lambda: self.service,
                changed=self._changed,
                failed=self._failed,
            )
        )
        noun = "engagement" if len(ids) == 1 else f"{len(ids)} engagements"
        self.statusBar().showMessage(f"Moved {noun} to the trash — Ctrl+Z to undo", 8000)

    def restore_selected(self) -> None:
        """Bring the selected engagements back from the trash (undoable)."""
        if self.read_only:
            return
        ids = self.selected_ids()
        if not ids or not self.trash_action.isChecked():
            return
        self.undo_stack.push(
            TrashCommand(
                ids=ids,
                delete=False,
                service=lambda: self.service,
                changed=self._changed,
                failed=self._failed,
            )
        )

    def load_demo(self) -> None:
        """Load the demo engagements (a second load changes nothing)."""
        if self.read_only:
            return
        try:
            result = self.service.load_demo()
        except TrackerError as exc:
            self._failed(str(exc))
            return
        self.statusBar().showMessage(
            f"Demo data: {result.created} created, {result.updated} updated, "
            f"{result.unchanged} unchanged",
            8000,
        )
        self._changed([])

    # -- import and export ------------------------------------------------------------

    def import_file(self, path: str | None = None) -> None:
        """Import a JSON or CSV file on a worker thread, with progress and Cancel."""
        if self.read_only:
            return
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                "Import engagements",
                str(Path.home()),
                "Engagement files (*.json *.csv);;JSON (*.json);;CSV (*.csv)",
            )
        if not path:
            return
        service = self.service
        if path.lower().endswith(".csv"):

            def work(report: Callable[[int, int], bool]) -> object:
                rows = from_csv(read_text(path), source=Path(path).name)
                return service.import_flat_rows(rows=rows, on_progress=report)
        else:

            def work(report: Callable[[int, int], bool]) -> object:
                return service.import_document(document=read_json(path), on_progress=report)

        self._run_job(f"Importing {Path(path).name}…", work, self._import_done)

    def _import_done(self, result: object) -> None:
        self.statusBar().showMessage(f"Import finished: {result}", 10000)
        self._changed([])

    def export_file(self, path: str | None = None) -> None:
        """Export the engagements shown (or the selected ones) as JSON or CSV."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                "Export engagements",
                str(Path.home() / "engagements.json"),
                "JSON (*.json);;CSV (*.csv)",
            )
        if not path:
            return
        filters = self._export_filters()
        service = self.service
        as_csv = path.lower().endswith(".csv")

        def work(report: Callable[[int, int], bool]) -> object:
            document = service.export_document(filters=filters)
            count = len(document["engagements"])
            report(count // 2, count)
            text = to_csv(document["engagements"]) if as_csv else dump_json(document)
            write_atomic(path, text)
            report(count, count)
            return count

        self._run_job(
            f"Exporting to {Path(path).name}…",
            work,
            lambda n: self.statusBar().showMessage(f"Exported {n} engagements to {path}", 10000),
        )

    def _export_filters(self) -> Filters:
        """The current filter, or the selected rows when more than one is selected."""
        selected = self.selected_ids()
        filters = self.model.filters
        if len(selected) > 1:
            return Filters(ids=tuple(selected), trash=filters.trash)
        return filters

    def export_briefing(self, path: str | None = None, *, ask: bool = True) -> None:
        """Export a PDF briefing of exactly what is shown (or selected), off the GUI thread."""
        filters = self._export_filters()
        # One aggregate query tells how many and how secret: the engagements themselves
        # are read only on the worker thread that renders them.
        summary = self.service.summary(filters=filters)
        if not summary.count:
            self._failed("No engagements are shown: the briefing would be empty.")
            return
        scope = (
            f"The {summary.count} selected engagements."
            if filters.ids is not None
            else f"The {summary.count} engagements shown by the current filter."
        )
        dialog = BriefingDialog(
            scope=scope,
            markings=summary.markings,
            needed=summary.highest or summary.markings[0],
            author=str(self.settings.value("briefing/author", "") or ""),
            organisation=str(self.settings.value("briefing/organisation", "") or ""),
            page_size=str(self.settings.value("briefing/pageSize", "A4") or "A4"),
            parent=self,
        )
        self.briefing_dialog = dialog
        if ask and dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, "Save briefing", str(Path.home() / "briefing.pdf"), "PDF (*.pdf)"
            )
        if not path:
            return
        self.settings.setValue("briefing/author", dialog.author.text())
        self.settings.setValue("briefing/organisation", dialog.organisation.text())
        self.settings.setValue("briefing/pageSize", dialog.page_size.currentText())
        request = BriefingRequest(
            filters=filters,
            sort=COLUMNS[self.model.sort_column].sort_key,
            title=dialog.title.text(),
            marking=dialog.chosen_marking(),
            author=dialog.author.text(),
            organisation=dialog.organisation.text(),
            page_size=dialog.page_size.currentText(),
        )
        service = self.service
        target = path

        def work(report: Callable[[int, int], bool]) -> object:
            pdf, written = render_briefing(service, request, on_progress=report)
            write_atomic(target, pdf)
            return written

        self._run_job(f"Writing {Path(path).name}…", work, lambda n: self._briefing_done(target, n))

    def _briefing_done(self, path: str, count: object) -> None:
        self.statusBar().showMessage(f"Briefing of {count} engagements saved to {path}", 10000)
        if self.offer_to_open:
            answer = QMessageBox.question(
                self, APP_TITLE, f"The briefing was saved to\n{path}\n\nOpen it now?"
            )
            if answer == QMessageBox.StandardButton.Yes:
                QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def _run_job(
        self,
        label: str,
        work: Callable[[Callable[[int, int], bool]], object],
        done: Callable[[object], None],
    ) -> None:
        if self.job is not None:
            QMessageBox.information(self, APP_TITLE, "Another import or export is running.")
            return
        job = Job(work, self)
        progress = QProgressDialog(label, "Cancel", 0, 0, self)
        progress.setWindowTitle(APP_TITLE)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.canceled.connect(job.cancel)

        def on_progress(current: int, total: int) -> None:
            progress.setMaximum(max(total, 1))
            progress.setValue(current)

        def finish() -> None:
            progress.reset()
            progress.deleteLater()
            self.job = None
            self.progress = None

        def on_finished(result: object) -> None:
            finish()
            done(result)

        def on_failed(message: str) -> None:
            finish()
            self._failed(message)

        job.progress.connect(on_progress)
        job.finished.connect(on_finished)
        job.failed.connect(on_failed)
        self.job = job
        self.progress = progress
        job.start()

    # -- databases --------------------------------------------------------------------

    def new_database(self) -> None:
        """Create a new SQLite database file and switch to it."""
        path, _ = QFileDialog.getSaveFileName(
            self, "New database", str(Path.home() / "engagements.db"), "Databases (*.db)"
        )
        if path:
            self.switch_database(path)

    def open_database(self) -> None:
        """Ctrl+O: open a database file or a team database on a PostgreSQL server."""
        dialog = ConnectionDialog(try_open=self._switch, settings=self.settings, parent=self)
        self.connection_dialog = dialog
        try:
            dialog.exec()
        finally:
            self.connection_dialog = None
            dialog.deleteLater()

    def switch_database(self, target: str) -> bool:
        """Show another database; on failure keep the current one and say why."""
        problem = self._switch(target)
        if problem is not None:
            QMessageBox.critical(self, APP_TITLE, problem)
        return problem is None

    def _switch(self, target: str) -> str | None:
        """Show the database at ``target``; the reason it cannot be opened, or None."""
        try:
            service = self._opener(target)
        except TrackerError as exc:
            return str(exc)  # it names the file or server
        old = self.service
        self.service = service
        self.undo_stack.clear()
        self.model.set_service(service)
        old.close()
        remember_database(self.settings, service.url)
        self.location_banner.setText(
            f"Warning: {service.location_warning}" if service.location_warning else ""
        )
        self.location_banner.setVisible(service.location_warning is not None)
        self._apply_access()
        self._rebuild_recent_menu()
        self._update_title()
        self._refresh_names()
        self._total_of_trash = None  # another database: count again
        self.apply_filters()
        return None

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        for n, url in enumerate(recent_databases(self.settings), start=1):
            target = url.removeprefix("sqlite:///")
            action = self.recent_menu.addAction(f"&{n} {database_name(url)}")
            action.setStatusTip(target)
            action.triggered.connect(lambda _c=False, t=target: self.switch_database(t))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    def _update_title(self) -> None:
        self.setWindowTitle(f"{database_name(self.service.url)} — {APP_TITLE}")

    def about(self) -> None:
        """Help → About: version, database, schema version."""
        info = self.service.info()
        QMessageBox.about(
            self,
            f"About {APP_TITLE}",
            f"<h3>{APP_TITLE} {__version__}</h3>"
            f"<p>Government and multinational AI engagements.</p>"
            f"<p>Database: {_escape(info.url)}<br>Schema version: {info.schema_version}<br>"
            f"Revision: {info.revision}<br>Engagements: {info.engagements:,} "
            f"({info.deleted:,} in the trash)</p>",
        )

    # -- context menus ----------------------------------------------------------------

    def _header_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        self._fill_columns_menu(menu)
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))

    def _fill_columns_menu(self, menu: QMenu) -> None:
        menu.clear()
        header = self.table.horizontalHeader()
        for n, column in enumerate(COLUMNS):
            action = menu.addAction(column.header)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(n))
            action.setEnabled(n != 0)  # the title always stays
            action.toggled.connect(lambda on, c=n: header.setSectionHidden(c, not on))

    def _table_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        if self.trash_action.isChecked():
            menu.addAction(self.restore_action)
        else:
            menu.addAction(self.edit_action)
            menu.addAction(self.delete_action)
        menu.addSeparator()
        menu.addAction(self.export_action)
        menu.exec(self.table.viewport().mapToGlobal(pos))


def _int(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 0


def _escape(text: str) -> str:
    return html.escape(text)
