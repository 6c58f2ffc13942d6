"""Saving an edited engagement, merging with changes somebody else saved meanwhile.

:func:`save_with_merge` is the save flow of the edit form. It saves with the
version the form was opened at; when that meets a newer version (a colleague, or a
second window), it merges the two edits field by field
(:func:`tracker.domain.merge.three_way_merge`):

- no field clashes: the merged data is saved at once, without asking;
- some fields clash: the :class:`~ui.conflict_dialog.ConflictDialog` names who saved
  the newer version and when (from the audit trail, read with it) and lets the user
  choose per field, keep the other version, or cancel back to the form.

If yet another save slips in while merging, the flow merges again, against that
newer version. Nothing the user typed is lost: on cancel the caller still holds
``mine`` and keeps the form open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget

from tracker.domain.changes import ChangeSet, Saved
from tracker.domain.errors import ConflictError
from tracker.domain.merge import three_way_merge
from tracker.domain.model import Engagement, EngagementData
from tracker.services import Tracker
from ui.conflict_dialog import ConflictDialog
from ui.other_writers import OtherWriters

__all__ = ["MAX_ATTEMPTS", "save_with_merge"]

MAX_ATTEMPTS = 10
"""How many saves in a row may meet a newer version before the conflict is raised."""


def save_with_merge(
    service: Tracker,
    *,
    engagement_id: int,
    base: Engagement,
    mine: EngagementData,
    parent: QWidget | None,
    ask: Callable[[ConflictDialog], int] | None = None,
) -> Saved | None:
    """Save ``mine`` (edited from ``base``), merging with newer versions.

    Returns the stored engagement after the save and what changed (or the other
    writer's version, to be shown again, when the user chooses "Discard my changes"), or
    ``None`` when the user cancels the conflict dialog: nothing is saved and the
    caller keeps the form open with ``mine``.

    ``ask`` shows the dialog and returns its result code (``dialog.exec()`` when not
    given; tests pass a function that makes the choices). Validation and storage
    errors of the service propagate unchanged; a conflict is raised only when
    :data:`MAX_ATTEMPTS` saves in a row each met a newer version.
    """
    original = base.data  # what ``data`` was edited from
    data = mine
    expected = base.version
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            return service.save(engagement_id=engagement_id, expected_version=expected, data=data)
        except ConflictError:
            if attempt == MAX_ATTEMPTS:
                raise
        newer = service.newer_versions(engagement_id=engagement_id, after_version=expected)
        theirs = newer.engagement
        result = three_way_merge(original, data, theirs.data)
        if result.clean:
            data = result.merged
        else:
            dialog = ConflictDialog(
                title=base.data.title or theirs.data.title,
                result=result,
                theirs_version=theirs.version,
                writers=OtherWriters(newer.entries, me=service.user),
                parent=parent,
            )
            try:
                code = ask(dialog) if ask is not None else dialog.exec()
                outcome = dialog.outcome
                chosen = dialog.chosen() if outcome == "save_merged" else None
            finally:
                # Hand the dialog back to Python: freed once nobody refers to it, rather
                # than piling up under a long-lived parent or vanishing under a caller.
                dialog.setParent(None)
            if code != QDialog.DialogCode.Accepted or outcome is None:
                return None
            if outcome == "keep_theirs":  # nothing written; show their version again
                return Saved(theirs, ChangeSet(engagements=frozenset({engagement_id})))
            assert chosen is not None
            data = chosen
        # The next attempt is relative to the version just merged with.
        original = theirs.data
        expected = theirs.version
    raise AssertionError("unreachable")  # pragma: no cover
