"""Changing engagements from the main window: the form for a new or the current
engagement (saved with a merge when a colleague saved first), moving to and from the
trash, and the demo data; every saved change goes on the window's undo stack.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from tracker.domain.as_of import Version
from tracker.domain.changes import ChangeSet
from tracker.domain.errors import TrackerError, ValidationError
from tracker.domain.model import Engagement, EngagementData
from tracker.services import Tracker
from ui.bulk_edit_dialog import BulkEditDialog
from ui.commands import (
    CommandContext,
    bulk_command,
    create_command,
    edit_command,
    quoted,
    trash_command,
)
from ui.engagement_form import EngagementDialog
from ui.history_dialog import HistoryDialog
from ui.i18n import number, translate
from ui.link_picker import EngagementFinder
from ui.plain_text import message_box, warning
from ui.saving import save_with_merge
from ui.settings import marking_for_new

MESSAGE_MS = 10_000  # how long the status bar says what was done
SHOWN_TITLES = 8  # a confirmation names this many engagements, then "and N more"
TITLE_CHARS = 80  # a longer title is cut short in a confirmation


class EditingHost(Protocol):
    """What editing needs of the main window."""

    @property
    def service(self) -> Tracker: ...

    @property
    def read_only(self) -> bool: ...

    @property
    def undo_stack(self) -> QUndoStack: ...

    @property
    def settings(self) -> QSettings: ...

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
        self._context = CommandContext(
            service=lambda: host.service, changed=changed, failed=failed, said=self._say
        )
        self._dialog: EngagementDialog | None = None  # the open form, if any

    def _say(self, message: str) -> None:
        """Say in the status bar what was just done (it replaces what was said before)."""
        self._host.statusBar().showMessage(message, MESSAGE_MS)

    def close_form(self) -> bool:
        """Close the open form, which asks about unsaved entries; False if it stays open."""
        dialog = self._dialog
        if dialog is None or not dialog.isVisible():
            return True
        dialog.activateWindow()
        return dialog.close()

    def _form(self, data: EngagementData | None) -> EngagementDialog:
        service = self._host.service
        markings = service.markings()
        return EngagementDialog(
            markings=markings,
            default_marking=marking_for_new(
                self._host.settings, markings, service.default_marking()
            ),
            vendors=service.names(kind="vendor"),
            counterparts=service.names(kind="counterpart"),
            catalogue=service.restriction_catalogue(),
            engagements=EngagementFinder(lambda: self._host.service),
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
            _not_saved(dialog, exc)
            return
        created = made.engagement
        self._host.undo_stack.push(
            create_command(
                engagement_id=created.id, title=created.data.title, context=self._context
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
            _not_saved(dialog, exc)
            return
        if saved is None:
            return  # the user went back to the form: their entries are intact
        dialog.accept()
        if saved.engagement.data == base.data:
            self._say(
                translate("editing", "Nothing to save: {title} is unchanged").format(
                    title=quoted(base.data.title)
                )
            )
        else:
            self._host.undo_stack.push(
                edit_command(
                    engagement_id=base.id,
                    before=base.data,
                    after=saved.engagement.data,
                    context=self._context,
                )
            )
        self._changed(saved.changes)

    def delete_selected(self) -> None:
        """Delete: move the selected engagements to the trash (undoable). One goes at
        once; more than one only once the user has confirmed which."""
        if self._host.read_only:
            return
        ids = self._host.selected_ids()
        if not ids or self._host.showing_trash():
            return
        titles = self._titles(ids[:SHOWN_TITLES])
        if len(ids) > 1 and not confirm_delete(self._host.window(), len(ids), titles):
            return
        self._push_trash(ids, delete=True, titles=titles)

    def bulk_edit_selected(self) -> None:
        """Ctrl+Shift+E: one change for every selected engagement, at the versions the
        table shows now (one changed by a colleague meanwhile is left out, by name)."""
        ids = self._host.selected_ids()
        if self._host.read_only or not ids or self._host.showing_trash():
            return
        service = self._host.service
        seen = {row.id: row.version for row in service.rows(ids=ids)}
        dialog = BulkEditDialog(
            count=len(ids),
            markings=service.markings(),
            catalogue=service.restriction_catalogue(),
            parent=self._host.window(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.applyRequested.connect(lambda: self._apply_bulk(dialog, ids, seen))
        dialog.open()

    def _apply_bulk(self, dialog: BulkEditDialog, ids: list[int], seen: dict[int, int]) -> None:
        try:
            result = self._host.service.bulk_edit(
                edit=dialog.edit(), engagement_ids=ids, seen_versions=seen
            )
        except TrackerError as exc:
            dialog.show_error(str(exc))
            return
        dialog.accept()
        done = _bulk_words(len(result.steps), result.unchanged)
        if result.skipped:
            titles = ", ".join(quoted(s.title) for s in result.skipped)
            done += translate(
                "editing", "; left out, changed by someone else since: {titles}"
            ).format(titles=titles)
        if result.steps:
            self._host.undo_stack.push(
                bulk_command(steps=result.steps, done=done, context=self._context)
            )
        else:
            self._say(done)
        self._changed(result.changes)

    def restore_selected(self) -> None:
        """Bring the selected engagements back from the trash (undoable)."""
        if self._host.read_only:
            return
        ids = self._host.selected_ids()
        if not ids or not self._host.showing_trash():
            return
        self._push_trash(ids, delete=False, titles=self._titles(ids[:1]))

    def _titles(self, ids: Sequence[int]) -> list[str]:
        return [row.title for row in self._host.service.rows(ids=ids)]

    def _push_trash(self, ids: list[int], *, delete: bool, titles: Sequence[str]) -> None:
        title = titles[0] if len(ids) == 1 and titles else None
        self._host.undo_stack.push(
            trash_command(ids=ids, delete=delete, title=title, context=self._context)
        )

    def show_history(self) -> None:
        """Ctrl+Shift+H / the detail pane: the current engagement's versions, to view one
        as it was or restore it."""
        eid = self._host.current_id()
        if eid is None:
            return
        try:
            versions = self._host.service.versions(engagement_id=eid)
        except TrackerError as exc:
            self._failed(str(exc))
            return
        if not versions:
            return
        restore = None if self._host.read_only else self._restore_version
        dialog = HistoryDialog(versions, restore=restore, parent=self._host.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _restore_version(self, version: Version, opened: Version, parent: QWidget) -> bool:
        """Save ``version``'s data over the version the History dialog was opened at: an
        ordinary save on the undo stack (a newer save meanwhile is merged, a clash asked
        about, as the form's save does)."""
        eid, base = version.engagement.id, opened.engagement
        try:
            saved = save_with_merge(
                self._host.service,
                engagement_id=eid,
                base=base,
                mine=version.engagement.data,
                parent=parent,
            )
        except TrackerError as exc:
            warning(parent, translate("editing", "Not restored"), str(exc))
            return False
        if saved is None:
            return False
        if saved.engagement.data == base.data:
            self._say(
                translate("editing", "Nothing to restore: {title} is already so").format(
                    title=quoted(base.data.title)
                )
            )
        else:
            self._host.undo_stack.push(
                edit_command(
                    engagement_id=eid,
                    before=base.data,
                    after=saved.engagement.data,
                    context=self._context,
                    done=translate("editing", "Restored version {version} of {title}").format(
                        version=version.engagement.version, title=quoted(base.data.title)
                    ),
                )
            )
        self._changed(saved.changes)
        return True

    def load_demo(self) -> None:
        """Load the demo engagements (a second load changes nothing)."""
        if self._host.read_only:
            return
        try:
            result = self._host.service.load_demo()
        except TrackerError as exc:
            self._failed(str(exc))
            return
        self._say(
            translate(
                "editing", "Demo data: {created} created, {updated} updated, {unchanged} unchanged"
            ).format(
                created=number(result.created),
                updated=number(result.updated),
                unchanged=number(result.unchanged),
            )
        )
        self._changed(result.changes)


def confirm_delete(parent: QWidget, count: int, titles: Sequence[str]) -> bool:
    """Ask before moving ``count`` engagements to the trash, naming them (the first
    ``titles``, then how many more); Enter confirms, Esc cancels."""
    lines = [f"• {_cut(title)}" for title in titles]
    if count > len(titles):
        lines.append(
            translate("editing", "… and {count} more").format(count=number(count - len(titles)))
        )
    box = message_box(
        parent,
        QMessageBox.Icon.Question,
        translate("editing", "Move to the trash"),
        translate("editing", "Move {count} engagements to the trash?").format(count=number(count)),
        informative="\n".join([*lines, "", translate("editing", "Ctrl+Z brings them back.")]),
        buttons=QMessageBox.StandardButton.NoButton,
    )
    move = box.addButton(translate("editing", "&Move to trash"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(move)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is move


def _bulk_words(changed: int, unchanged: int) -> str:
    """What a bulk edit did, for the status bar."""
    said = (
        translate("editing", "Changed 1 engagement")
        if changed == 1
        else translate("editing", "Changed {count} engagements").format(count=number(changed))
    )
    if not unchanged:
        return said
    return translate("editing", "{done} ({count} already so)").format(
        done=said, count=number(unchanged)
    )


def _not_saved(dialog: QWidget, exc: TrackerError) -> None:
    """Say why the form's entries were not saved (they stay in the form)."""
    words = translate("editing", "{reason}\n\nYour entries are still in the form.")
    warning(dialog, translate("editing", "Not saved"), words.format(reason=exc))


def _cut(title: str) -> str:
    return title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1].rstrip() + "…"
