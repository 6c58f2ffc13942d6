"""View → Saved views: save what the window shows under a name, open it again (Ctrl+1 …
Ctrl+9 for the first nine), rename, share or delete views; each change is a step of the
undo stack.

A view restores the filter bar, the table's order, its visible columns and their
order, and which view is shown (``tracker.domain.saved_views``). What it names that no
longer exists is left out and said in the status bar, not in a dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.errors import TrackerError
from tracker.domain.saved_views import OpenedView, SavedView, ViewBody, body_of
from tracker.services import Tracker
from tracker.services.base import utc_today
from ui.commands import quoted
from ui.filter_bar import FilterBar
from ui.i18n import translate
from ui.table_model import COLUMNS, EngagementTableModel
from ui.views import ViewStack

SHORTCUTS = 9  # Ctrl+1 … Ctrl+9 open the first nine views, in the menu's order
MESSAGE_MS = 15000


def shown_columns(header: QHeaderView) -> tuple[str, ...]:
    """The table's visible columns by key, left to right as the user sees them."""
    logical = (header.logicalIndex(v) for v in range(header.count()))
    return tuple(COLUMNS[n].key for n in logical if not header.isSectionHidden(n))


def show_columns(header: QHeaderView, keys: tuple[str, ...]) -> list[str]:
    """Show the columns ``keys`` in that order (the others hidden, after them); the keys
    this table has no column for."""
    known = {c.key: n for n, c in enumerate(COLUMNS)}
    for place, key in enumerate(k for k in keys if k in known):
        header.moveSection(header.visualIndex(known[key]), place)
    for key, n in known.items():
        header.setSectionHidden(n, key not in keys)
    return [k for k in keys if k not in known]


class ViewCommand(QUndoCommand):
    """A change of the saved views: ``forward`` makes it, ``backward`` reverses it; the
    change is already made when the command is pushed."""

    def __init__(
        self,
        text: str,
        owner: SavedViews,
        forward: Callable[[Tracker], object],
        backward: Callable[[Tracker], object],
    ) -> None:
        super().__init__(text)
        self._owner, self._forward, self._backward = owner, forward, backward
        self._pushed = False

    def redo(self) -> None:
        if self._pushed:
            self._run(self._forward, "redo")
        self._pushed = True

    def undo(self) -> None:
        self._run(self._backward, "undo")

    def _run(self, step: Callable[[Tracker], object], verb: str) -> None:
        text = self.text()
        said = (
            translate("saved_views", "Undone: {step}")
            if verb == "undo"
            else translate("saved_views", "Redone: {step}")
        ).format(step=text)
        try:
            step(self._owner.service())
        except TrackerError as exc:  # a colleague changed it since: the step is dropped
            self.setObsolete(True)
            cannot = (
                translate("saved_views", "Cannot undo {step}: {reason}")
                if verb == "undo"
                else translate("saved_views", "Cannot redo {step}: {reason}")
            )
            said = cannot.format(step=f"{text[:1].lower()}{text[1:]}", reason=exc)
        self._owner.rebuild()
        self._owner.say(said)


class SavedViews:
    """The Saved views submenu of a window, its dialogs and its undo steps."""

    def __init__(
        self,
        window: QMainWindow,
        *,
        stack: QUndoStack,
        service: Callable[[], Tracker],
        filter_bar: FilterBar,
        header: QHeaderView,
        model: EngagementTableModel,
        views: ViewStack,
    ) -> None:
        self.window = window
        self.service = service
        self._stack = stack
        self._bar, self._header, self._stack_view = filter_bar, header, views
        self._model = model
        self.menu = QMenu(translate("saved_views", "&Saved views"), window)
        self.menu.setObjectName("savedViewsMenu")
        self.save_action = QAction(translate("saved_views", "&Save current view…"), window)
        self.save_action.setObjectName("saveView")
        self.save_action.triggered.connect(self.save_current)
        self.manage_action = QAction(translate("saved_views", "&Manage views…"), window)
        self.manage_action.setObjectName("manageViews")
        self.manage_action.triggered.connect(self.manage)
        self.view_actions: list[QAction] = []
        # Read again each time the menu opens: a colleague may have shared a view since.
        self.menu.aboutToShow.connect(self.rebuild)
        self.rebuild()

    # -- what the window shows -----------------------------------------------------

    def current_body(self) -> ViewBody:
        """What the window shows now, as a view's body."""
        header = self._header
        column = header.sortIndicatorSection()
        sort = COLUMNS[column].sort_key if 0 <= column < len(COLUMNS) else "title"
        return body_of(
            self._bar.filters(),
            today=utc_today(),
            stale_for=self._bar.stale_for,
            sort=sort,
            descending=header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder,
            columns=shown_columns(header),
            kind=self._stack_view.current().value,
        )

    def apply(self, opened: OpenedView) -> None:
        """Show ``opened``: its filters, order, columns and view; say what it left out."""
        body, header = opened.view.body, self._header
        unknown = show_columns(header, body.columns) if body.columns else []
        column = next((n for n, c in enumerate(COLUMNS) if c.sort_key == body.sort), 0)
        order = Qt.SortOrder.DescendingOrder if body.descending else Qt.SortOrder.AscendingOrder
        # The order goes to the model unqueried: the filter bar's change runs one query
        # for the order and the filters together, not one for each.
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)
        header.viewport().update()
        self._model.set_order(column, body.descending)
        self._bar.set_filters(opened.filters)
        self._stack_view.show_view(body.kind)
        not_here = translate("saved_views", "column {key} (not in this table)")
        left_out = [*opened.left_out, *(not_here.format(key=k) for k in unknown)]
        said = translate("saved_views", "Opened view {name}").format(name=quoted(opened.view.name))
        if left_out:
            said = translate("saved_views", "{opened} — left out {parts}").format(
                opened=said, parts="; ".join(left_out)
            )
        self.say(said)

    def open(self, name: str) -> None:
        """Open the saved view ``name``."""
        try:
            self.apply(self.service().open_view(name=name, stale_for=self._bar.stale_for))
        except TrackerError as exc:
            self.say(str(exc))

    # -- the menu ------------------------------------------------------------------

    def rebuild(self) -> None:
        """Lay the menu out again: save, manage, then every view the user sees."""
        for action in self.view_actions:
            self.window.removeAction(action)
            action.deleteLater()
        self.menu.clear()
        self.menu.addAction(self.save_action)
        self.menu.addAction(self.manage_action)
        try:
            views = self.service().views()
        except TrackerError:
            views = []
        if views:
            self.menu.addSeparator()
        self.view_actions = [self._view_action(n, v) for n, v in enumerate(views)]
        self.manage_action.setEnabled(bool(views))

    def _view_action(self, n: int, view: SavedView) -> QAction:
        text = view.name.replace("&", "&&")
        mine = view.owner == self.service().user
        action = QAction(text if mine else f"{text}  ({view.owner})", self.window)
        action.setObjectName(f"openView{n + 1}")
        if n < SHORTCUTS:
            action.setShortcut(QKeySequence(f"Ctrl+{n + 1}"))
            self.window.addAction(action)  # its key works anywhere in the window
        action.triggered.connect(lambda _checked=False, name=view.name: self.open(name))
        self.menu.addAction(action)
        return action

    def say(self, message: str) -> None:
        """Say in the status bar what was done (inline: no dialog to dismiss)."""
        self.window.statusBar().showMessage(message, MESSAGE_MS)

    # -- changes, each a step of the undo stack --------------------------------------

    def push(self, command: ViewCommand, said: str) -> None:
        """Put a change already made on the undo stack and say it."""
        self._stack.push(command)
        self.rebuild()
        self.say(said)

    def save_current(self) -> None:
        """Ask for a name (and whether to share) and save what the window shows."""
        SaveViewDialog(self, self.current_body(), self.window).exec()

    def manage(self) -> None:
        """Rename, share or delete the user's views."""
        ManageViewsDialog(self, self.window).exec()

    def saved(self, view: SavedView) -> None:
        """A view was just created (the dialog did it): undo deletes it."""
        self.push(
            ViewCommand(
                translate("saved_views", "Save view {name}").format(name=quoted(view.name)),
                self,
                forward=lambda s: s.save_view(name=view.name, body=view.body, shared=view.shared),
                backward=lambda s: s.delete_view(name=view.name),
            ),
            translate("saved_views", "Saved view {name} — Ctrl+Z to undo").format(
                name=quoted(view.name)
            ),
        )

    def rename(self, old: SavedView, new_name: str) -> str:
        """Rename ``old`` (a ``TrackerError`` when refused, nothing on the stack); its
        new name."""
        done = self.service().rename_view(name=old.name, new_name=new_name)
        self.push(
            ViewCommand(
                translate("saved_views", "Rename view {name}").format(name=quoted(old.name)),
                self,
                forward=lambda s: s.rename_view(name=old.name, new_name=done.name),
                backward=lambda s: s.rename_view(name=done.name, new_name=old.name),
            ),
            translate("saved_views", "Renamed view {old} to {new}").format(
                old=quoted(old.name), new=quoted(done.name)
            ),
        )
        return done.name

    def share(self, view: SavedView, shared: bool) -> str:
        """Share ``view`` or make it private; its name."""
        self.service().share_view(name=view.name, shared=shared)
        self.push(
            ViewCommand(
                (
                    translate("saved_views", "Share view {name}")
                    if shared
                    else translate("saved_views", "Unshare view {name}")
                ).format(name=quoted(view.name)),
                self,
                forward=lambda s: s.share_view(name=view.name, shared=shared),
                backward=lambda s: s.share_view(name=view.name, shared=not shared),
            ),
            (
                translate("saved_views", "View {name} is shared now")
                if shared
                else translate("saved_views", "View {name} is private now")
            ).format(name=quoted(view.name)),
        )
        return view.name

    def delete(self, view: SavedView) -> None:
        """Delete ``view``: undo saves it again as it was."""
        gone = self.service().delete_view(name=view.name)
        self.push(
            ViewCommand(
                translate("saved_views", "Delete view {name}").format(name=quoted(gone.name)),
                self,
                forward=lambda s: s.delete_view(name=gone.name),
                backward=lambda s: s.save_view(name=gone.name, body=gone.body, shared=gone.shared),
            ),
            translate("saved_views", "Deleted view {name} — Ctrl+Z to undo").format(
                name=quoted(gone.name)
            ),
        )


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("viewError")
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(highlight); font-weight: bold;")
    label.hide()
    return label


class SaveViewDialog(QDialog):
    """Save current view: a name and "shared with everyone"; a refusal (blank, too long,
    taken) is said under the name, and the dialog stays open."""

    def __init__(self, views: SavedViews, body: ViewBody, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("saved_views", "Save current view"))
        self._views, self._body = views, body
        self.name = QLineEdit(self)
        self.name.setObjectName("viewName")
        self.name.setAccessibleName("View name")
        self.shared = QCheckBox(
            translate("saved_views", "&Shared: everyone using this database sees it"), self
        )
        self.shared.setObjectName("viewShared")
        self.error = _error_label(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel(translate("saved_views", "&Name:"), self)
        label.setBuddy(self.name)
        for widget in (label, self.name, self.error, self.shared, buttons):
            layout.addWidget(widget)

    def _save(self) -> None:
        try:
            view = self._views.service().save_view(
                name=self.name.text(), body=self._body, shared=self.shared.isChecked()
            )
        except TrackerError as exc:
            self.error.setText(str(exc))
            self.error.show()
            self.name.setFocus()
            return
        self._views.saved(view)
        self.accept()


class ManageViewsDialog(QDialog):
    """Manage views: the user's own views, each to rename, share or delete."""

    def __init__(self, views: SavedViews, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("saved_views", "Manage saved views"))
        self._views = views
        self.list = QListWidget(self)
        self.list.setObjectName("savedViewList")
        self.list.setAccessibleName("Your saved views")
        self.name = QLineEdit(self)
        self.name.setObjectName("viewNewName")
        self.name.setAccessibleName("New name")
        self.rename_button = QPushButton(translate("saved_views", "&Rename"), self)
        self.share_box = QCheckBox(translate("saved_views", "&Shared with everyone"), self)
        self.share_box.setObjectName("viewShared")
        self.delete_button = QPushButton(translate("saved_views", "&Delete"), self)
        self.error = _error_label(self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        for widget in (self.name, self.rename_button):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(row)
        for shown in (self.error, self.share_box, self.delete_button, close):
            layout.addWidget(shown)
        self.list.currentItemChanged.connect(self._chosen)
        self.rename_button.clicked.connect(self._rename)
        self.share_box.clicked.connect(self._share)
        self.delete_button.clicked.connect(self._delete)
        self._fill()

    def _fill(self, keep: str | None = None) -> None:
        self.list.clear()
        me = self._views.service().user
        for view in self._views.service().views():
            if view.owner == me:
                item = QListWidgetItem(view.name, self.list)
                item.setData(Qt.ItemDataRole.UserRole, view)
                if view.name == keep:
                    self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._chosen()

    def _current(self) -> SavedView | None:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)  # type: ignore[no-any-return]

    def _chosen(self, *_items: object) -> None:
        view = self._current()
        for widget in (self.name, self.rename_button, self.share_box, self.delete_button):
            widget.setEnabled(view is not None)
        self.name.setText(view.name if view else "")
        self.share_box.setChecked(bool(view and view.shared))

    def _act(self, step: Callable[[SavedView], str | None]) -> None:
        view = self._current()
        if view is None:
            return
        try:
            keep = step(view)
        except TrackerError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.error.hide()
        self._fill(keep)

    def _rename(self) -> None:
        self._act(lambda v: self._views.rename(v, self.name.text()))

    def _share(self) -> None:
        self._act(lambda v: self._views.share(v, self.share_box.isChecked()))

    def _delete(self) -> None:
        self._act(lambda v: self._views.delete(v))
