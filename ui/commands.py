"""Undo and redo: QUndoCommands over reversible service calls.

Each command knows how to apply a saved change and its inverse through the
service layer. Undoing an edit re-applies the earlier values as a three-way merge,
so a colleague's later change to other fields survives; if the same fields were
changed since, the undo is refused with a message instead of overwriting them, naming
who changed them and when (from the audit trail).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from tracker.domain.changes import ChangeSet
from tracker.domain.errors import TrackerError
from tracker.domain.merge import three_way_merge
from tracker.domain.model import EngagementData
from tracker.services import Tracker
from ui.other_writers import OtherWriters

ServiceGetter = Callable[[], Tracker]
Changed = Callable[[ChangeSet], None]
Failed = Callable[[str], None]


class _ServiceCommand(QUndoCommand):
    """Shared plumbing: the service, the change callback, and error reporting."""

    def __init__(self, text: str, service: ServiceGetter, changed: Changed, failed: Failed) -> None:
        super().__init__(text)
        self._service = service
        self._changed = changed
        self._failed = failed

    def _attempt(self, action: Callable[[], ChangeSet], *, undoing: bool = False) -> None:
        try:
            changes = action()
        except TrackerError as exc:
            self.setObsolete(True)
            text = self.text()
            step = f"{text[:1].lower()}{text[1:]}"  # the title keeps its capitals
            self._failed(f"Cannot {'undo ' if undoing else ''}{step}: {exc}")
            return
        self._changed(changes)


class EditCommand(_ServiceCommand):
    """An engagement saved from ``before`` to ``after`` (already saved when pushed)."""

    def __init__(
        self,
        *,
        engagement_id: int,
        before: EngagementData,
        after: EngagementData,
        service: ServiceGetter,
        changed: Changed,
        failed: Failed,
    ) -> None:
        super().__init__(f'Edit "{after.title}"', service, changed, failed)
        self.engagement_id = engagement_id
        self._before = before
        self._after = after
        self._done = True

    def redo(self) -> None:
        if self._done:
            return
        self._attempt(lambda: self._apply(self._before, self._after))
        self._done = True

    def undo(self) -> None:
        self._attempt(lambda: self._apply(self._after, self._before), undoing=True)
        self._done = False

    def _apply(self, expected: EngagementData, target: EngagementData) -> ChangeSet:
        service = self._service()
        current = service.get(engagement_id=self.engagement_id)
        result = three_way_merge(expected, target, current.data)
        if not result.clean:
            # Rare, so the whole trail is read only now, to say who changed what.
            history = service.history(engagement_id=self.engagement_id)
            writers = OtherWriters(history, me=service.user)
            raise TrackerError(writers.changed_since([c.field for c in result.conflicts]))
        return service.save(
            engagement_id=self.engagement_id,
            expected_version=current.version,
            data=result.merged,
        ).changes


class TrashCommand(_ServiceCommand):
    """Engagements moved to the trash (``delete=True``) or restored from it."""

    def __init__(
        self,
        *,
        ids: Sequence[int],
        delete: bool,
        service: ServiceGetter,
        changed: Changed,
        failed: Failed,
        text: str | None = None,
    ) -> None:
        noun = "engagement" if len(ids) == 1 else f"{len(ids)} engagements"
        verb = "Delete" if delete else "Restore"
        super().__init__(text or f"{verb} {noun}", service, changed, failed)
        self.ids = list(ids)
        self._delete = delete

    def redo(self) -> None:
        self._attempt(lambda: self._set(self._delete))

    def undo(self) -> None:
        self._attempt(lambda: self._set(not self._delete), undoing=True)

    def _set(self, delete: bool) -> ChangeSet:
        """All the engagements in one transaction: all move, or none and the step fails."""
        service = self._service()
        if delete:
            return service.delete_many(engagement_ids=self.ids)
        return service.restore_many(engagement_ids=self.ids)


class CreateCommand(TrashCommand):
    """A new engagement (already created when pushed): undo moves it to the trash."""

    def __init__(
        self,
        *,
        engagement_id: int,
        title: str,
        service: ServiceGetter,
        changed: Changed,
        failed: Failed,
    ) -> None:
        super().__init__(
            ids=[engagement_id],
            delete=False,
            service=service,
            changed=changed,
            failed=failed,
            text=f'New "{title}"',
        )
        self._created = True

    def redo(self) -> None:
        if self._created:
            self._created = False
            return
        super().redo()
