"""Undo and redo: QUndoCommands over reversible service calls.

Each command knows how to apply a saved change and its inverse through the
service layer. Undoing an edit re-applies the earlier values as a three-way merge,
so a colleague's later change to other fields survives; if the same fields were
changed since, the undo is refused with a message instead of overwriting them, naming
who changed them and when (from the audit trail).

Every command says what it did, through ``said``: what was done when it is pushed,
"Undone: …" and "Redone: …" (with the command's text) when it is undone and redone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtGui import QUndoCommand

from tracker.domain.bulk_edit import BulkStep
from tracker.domain.changes import ChangeSet
from tracker.domain.errors import TrackerError
from tracker.domain.merge import three_way_merge
from tracker.domain.model import EngagementData
from tracker.services import Tracker
from ui.i18n import number, translate
from ui.other_writers import OtherWriters


@dataclass(frozen=True)
class CommandContext:
    """What commands act through: the window's service (it may switch databases), the
    refresh after a change, the report of a failure, and the status bar's message."""

    service: Callable[[], Tracker]
    changed: Callable[[ChangeSet], None]
    failed: Callable[[str], None]
    said: Callable[[str], None]


# Titles have no length limit; a step's text also names the Edit menu's Undo/Redo
# entries, and a menu wider than the screen is cut, shortcut column and all.
QUOTED_TITLE_LIMIT = 60


def quoted(title: str) -> str:
    """A title as messages quote it, shortened to ``QUOTED_TITLE_LIMIT`` characters."""
    if len(title) > QUOTED_TITLE_LIMIT:
        title = title[: QUOTED_TITLE_LIMIT - 1].rstrip() + "…"
    return f"“{title}”"


def engagements_noun(count: int, title: str | None) -> str:
    """The engagements acted on: the quoted title of one, else how many."""
    if count == 1 and title is not None:
        return quoted(title)
    if count == 1:
        return translate("commands", "1 engagement")
    return translate("commands", "{count} engagements").format(count=number(count))


Step = Callable[[], ChangeSet]


def _cannot(verb: str) -> str:
    """What a failed step says, with ``{step}`` and ``{reason}`` to fill."""
    if verb == "undo ":
        return translate("commands", "Cannot undo {step}: {reason}")
    if verb == "redo ":
        return translate("commands", "Cannot redo {step}: {reason}")
    return translate("commands", "Cannot {step}: {reason}")


class ServiceCommand(QUndoCommand):
    """A step of the undo stack: ``forward`` makes the change, ``backward`` reverses it.

    ``done`` is said when the command is pushed; ``made`` says the change was already
    made then (a save), so the push itself changes nothing.
    """

    def __init__(
        self,
        text: str,
        context: CommandContext,
        *,
        forward: Step,
        backward: Step,
        done: str,
        made: bool,
    ) -> None:
        super().__init__(text)
        self._context = context
        self._forward = forward
        self._backward = backward
        self._done = done
        self._made = made
        self._pushed = False

    def redo(self) -> None:
        if self._pushed:
            if self._attempt(self._forward, "redo "):
                self._context.said(translate("commands", "Redone: {step}").format(step=self.text()))
            return
        self._pushed = True
        if self._made or self._attempt(self._forward, ""):
            self._context.said(self._done)

    def undo(self) -> None:
        if self._attempt(self._backward, "undo "):
            self._context.said(translate("commands", "Undone: {step}").format(step=self.text()))

    def _attempt(self, step: Step, verb: str) -> bool:
        """Run ``step``; if it fails, the command is dropped and the failure told
        ("Cannot undo edit “…”: why")."""
        try:
            changes = step()
        except TrackerError as exc:
            self.setObsolete(True)
            text = self.text()
            what = f"{text[:1].lower()}{text[1:]}"
            self._context.failed(_cannot(verb).format(step=what, reason=exc))
            return False
        self._context.changed(changes)
        return True


def edit_command(
    *,
    engagement_id: int,
    before: EngagementData,
    after: EngagementData,
    context: CommandContext,
    done: str | None = None,
) -> ServiceCommand:
    """An engagement saved from ``before`` to ``after`` (already saved when pushed);
    ``done`` says what was done, when not "Saved …" (restoring a version, say)."""

    def apply(expected: EngagementData, target: EngagementData) -> ChangeSet:
        service = context.service()
        current = service.get(engagement_id=engagement_id)
        result = three_way_merge(expected, target, current.data)
        if not result.clean:
            # Rare, so the whole trail is read only now, to say who changed what.
            history = service.history(engagement_id=engagement_id)
            writers = OtherWriters(history, me=service.user)
            raise TrackerError(writers.changed_since([c.field for c in result.conflicts]))
        return service.save(
            engagement_id=engagement_id, expected_version=current.version, data=result.merged
        ).changes

    return ServiceCommand(
        translate("commands", "Edit {title}").format(title=quoted(after.title)),
        context,
        forward=lambda: apply(before, after),
        backward=lambda: apply(after, before),
        done=done or translate("commands", "Saved {title}").format(title=quoted(after.title)),
        made=True,
    )


def trash_command(
    *, ids: Sequence[int], delete: bool, title: str | None, context: CommandContext
) -> ServiceCommand:
    """Engagements moved to the trash (``delete=True``) or restored from it, all in one
    transaction (all move, or none and the step fails); ``title`` is the title of the
    one engagement, when there is one."""
    chosen = list(ids)

    def move(to_trash: bool) -> ChangeSet:
        service = context.service()
        if to_trash:
            return service.delete_many(engagement_ids=chosen)
        return service.restore_many(engagement_ids=chosen)

    noun = engagements_noun(len(chosen), title)
    if delete:
        text = translate("commands", "Delete {noun}").format(noun=noun)
        done = translate("commands", "Moved {noun} to the trash — Ctrl+Z to undo").format(noun=noun)
    else:
        text = translate("commands", "Restore {noun}").format(noun=noun)
        done = translate("commands", "Restored {noun}").format(noun=noun)
    return ServiceCommand(
        text,
        context,
        forward=lambda: move(delete),
        backward=lambda: move(not delete),
        done=done,
        made=False,
    )


def create_command(*, engagement_id: int, title: str, context: CommandContext) -> ServiceCommand:
    """A new engagement (already created when pushed): undo moves it to the trash."""
    return ServiceCommand(
        translate("commands", "New {title}").format(title=quoted(title)),
        context,
        forward=lambda: context.service().restore_many(engagement_ids=[engagement_id]),
        backward=lambda: context.service().delete_many(engagement_ids=[engagement_id]),
        done=translate("commands", "Saved {title}").format(title=quoted(title)),
        made=True,
    )


def bulk_command(
    *, steps: Sequence[BulkStep], done: str, context: CommandContext
) -> ServiceCommand:
    """A bulk edit (already written when pushed): one step for all its engagements.
    Undo merges each back (``Tracker.bulk_rewrite``) in one transaction; a field a
    colleague changed since refuses the whole undo, naming the engagement."""
    chosen = tuple(steps)
    back = tuple(step.reversed for step in chosen)
    noun = engagements_noun(len(chosen), chosen[0].title if chosen else None)
    return ServiceCommand(
        translate("commands", "Bulk edit {noun}").format(noun=noun),
        context,
        forward=lambda: context.service().bulk_rewrite(steps=chosen),
        backward=lambda: context.service().bulk_rewrite(steps=back),
        done=done,
        made=True,
    )
