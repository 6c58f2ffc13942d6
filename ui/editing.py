"""Changing engagements from the main window: the form for a new or the current
engagement (saved with a merge when a colleague saved first), moving to and from the
trash, and the demo data; every saved change goes on the window's undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from tracker.domain.changes import ChangeSet
from tracker.domain.errors import TrackerError, ValidationError
from tracker.domain.model import Engagement, EngagementData
from tracker.services import Tracker
from ui.commands import CreateCommand, EditCommand, TrashCommand
from ui.engagement_form import EngagementDialog
from ui.saving import save_with_merge


class EditingHost(Protocol):
    """What editing needs of the main window."""

    @property
    def service(self) -> Tracker: ...

    @property
    def read_only(self) -> bool: ...

    @property
    def undo_stack(self) -> QUndoStack: ...

    def current_id(self) -> int | None: ...

    def selected_ids(self) -> list[int]: ...

    def showing_trash(self) -> bool: ...

    def select(self, engagement_id: int) -> None: ...

    def form_closed(self) -> None: ...

    def statusBar(self) -> QStatusBar: ...

    def window(self) -> QWidget: ...


class Editing:
    """The window's editing commands; ``changed`` refreshes the window after a save."""

    def __init__(
        self,
        host: EditingHost,
        *,
        changed: Callable[[ChangeSet], None],
        failed: Callable[[str], None],
    ) -> None:
        self._host = host
        self._changed = changed
        self._failed = failed
        self._dialog: EngagementDialog | None = None  # the open form, if any

    def close_form(self) -> bool:
        """Close the open form, which asks about unsaved entries; False if it stays open."""
        dialog = self._dialog
        if dialog is None or not dialog.isVisible():
            return True
        dialog.activateWindow()
        return dialog.close()

    def _form(self, data: EngagementData | None) -> EngagementDialog:
        service = self._host.service
        return EngagementDialog(
            markings=service.markings(),
            default_marking=service.default_marking(),
            vendors=service.names(kind="vendor"),
            counterparts=service.names(kind="counterpart"),
            catalogue=service.restriction_catalogue(),
            data=data,
            parent=self._host.window(),
        )

    def new_engagement(self) -> None:
        """Ctrl+N: open the form for a new engagement."""
        if self._host.read_only:
            return
        dialog = self._form(None)
        dialog.saveRequested.connect(lambda: self._save_new(dialog))
        self._open_dialog(dialog)

    def edit_current(self) -> None:
        """F2 / Enter / double-click: edit the current engagement."""
        if self._host.read_only:
            return
        eid = self._host.current_id()
        if eid is None or self._host.showing_trash():
            return
        try:
            base = self._host.service.get(engagement_id=eid)
        except TrackerError as exc:
            self._failed(str(exc))
            return
        dialog = self._form(base.data)
        dialog.saveRequested.connect(lambda: self._save_edit(dialog, base))
        self._open_dialog(dialog)

    def _open_dialog(self, dialog: EngagementDialog) -> None:
        self._dialog = dialog
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: EngagementDialog) -> None:
        if self._dialog is dialog:
            self._dialog = None
        dialog.deleteLater()
        self._host.form_closed()

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
            made = self._host.service.create(data=data)
        except ValidationError as exc:
            dialog.show_error(exc.field, exc.reason)
            return
        except TrackerError as exc:
            QMessageBox.warning(
                dialog, "Not saved", f"{exc}\n\nYour entries are still in the form."
            )
            return
        created = made.engagement
        self._host.undo_stack.push(
            CreateCommand(
                engagement_id=created.id,
                title=created.data.title,
                service=lambda: self._host.service,
                changed=self._changed,
                failed=self._failed,
            )
        )
        dialog.accept()
        self._changed(made.changes)
        self._host.select(created.id)

    def _save_edit(self, dialog: EngagementDialog, base: Engagement) -> None:
        mine = self._form_data(dialog)
        if mine is None:
            return
        try:
            saved = save_with_merge(
                self._host.service, engagement_id=base.id, base=base, mine=mine, parent=dialog
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
        if saved.engagement.data != base.data:
            self._host.undo_stack.push(
                EditCommand(
                    engagement_id=base.id,
                    before=base.data,
                    after=saved.engagement.data,
                    service=lambda: self._host.service,
                    changed=self._changed,
                    failed=self._failed,
                )
            )
        self._changed(saved.changes)

    def delete_selected(self) -> None:
        """Delete: move the selected engagements to the trash (undoable)."""
        if self._host.read_only:
            return
        ids = self._host.selected_ids()
        if not ids or self._host.showing_trash():
            return
        self._push_trash(ids, delete=True)
        noun = "engagement" if len(ids) == 1 else f"{len(ids)} engagements"
        self._host.statusBar().showMessage(f"Moved {noun} to the trash — Ctrl+Z to undo", 8000)

    def restore_selected(self) -> None:
        """Bring the selected engagements back from the trash (undoable)."""
        if self._host.read_only:
            return
        ids = self._host.selected_ids()
        if not ids or not self._host.showing_trash():
            return
        self._push_trash(ids, delete=False)

    def _push_trash(self, ids: list[int], *, delete: bool) -> None:
        self._host.undo_stack.push(
            TrashCommand(
                ids=ids,
                delete=delete,
                service=lambda: self._host.service,
                changed=self._changed,
                failed=self._failed,
            )
        )

    def load_demo(self) -> None:
        """Load the demo engagements (a second load changes nothing)."""
        if self._host.read_only:
            return
        try:
            result = self._host.service.load_demo()
        except TrackerError as exc:
            self._failed(str(exc))
            return
        self._host.statusBar().showMessage(
            f"Demo data: {result.created} created, {result.updated} updated, "
            f"{result.unchanged} unchanged",
            8000,
        )
        self._changed(result.changes)
