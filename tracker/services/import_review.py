"""The review of an import before it writes: ``Tracker.review_import`` and
``review_flat_rows`` (``tracker import --dry-run``, the window's import review dialog).

A review reads the file exactly as the import does (``transfer.checked``: the same
validation, the same existing engagements, a change of status adding its event as
``TrackerBase._replace`` would) in one read transaction, and words each update as the
audit trail would record it (``db.audit.diff``) and the changes feed words it
(``tracker.domain.change_words.word``). Nothing is written. See
``tracker.domain.import_review`` for what the review holds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from db import audit
from tracker.domain.change_words import ChangeRow, word
from tracker.domain.errors import ValidationError
from tracker.domain.import_review import FieldChange, ImportReview, Refused, Updated
from tracker.domain.interchange import document_engagements
from tracker.domain.model import Engagement, EngagementData
from tracker.domain.timeline import follow_status
from tracker.services.base import TrackerBase, collector_paused, utc_today
from tracker.services.transfer import checked, existing_by_uid, file_uids, token_of
from tracker.services.views import document_views


class ImportReviewing(TrackerBase):
    """What an import would do, computed without writing."""

    def review_import(self, *, document: object) -> ImportReview:
        """What ``import_document(document=document)`` would do; nothing is written.
        A file the import refuses as a whole (not a document, an unknown format, bad
        views) is one refusal."""
        try:
            items = document_engagements(document)
            document_views(document)
        except ValidationError as exc:
            return ImportReview(refused=(Refused.of(exc),))
        return self._review(items, merge_children=False)

    def review_flat_rows(self, *, rows: Sequence[Mapping[str, Any]]) -> ImportReview:
        """What ``import_flat_rows(rows=rows)`` would do; nothing is written."""
        return self._review(list(rows), merge_children=True)

    def _review(self, items: Sequence[object], *, merge_children: bool) -> ImportReview:
        with collector_paused():
            with self._read() as conn:
                rules = self._rules(conn)
                existing = existing_by_uid(conn, file_uids(items))
            created: list[str] = []
            updated: list[Updated] = []
            unchanged: list[str] = []
            refused: list[Refused] = []
            bases = existing if merge_children else {}
            for uid, data in checked(items, bases, rules):
                if isinstance(data, ValidationError):
                    refused.append(Refused.of(data))
                    continue
                current = existing.get(uid) if uid else None
                if current is None:
                    created.append(data.title)
                    continue
                changes = self._field_changes(current, data)
                if changes:
                    updated.append(Updated(current.uid, data.title, changes))
                else:
                    unchanged.append(data.title)
        return ImportReview(
            created=tuple(created),
            updated=tuple(updated),
            unchanged=tuple(unchanged),
            refused=tuple(refused),
            token=token_of(rules, existing),
        )

    def _field_changes(self, current: Engagement, data: EngagementData) -> tuple[FieldChange, ...]:
        """The fields an import of ``data`` over ``current`` changes, as the changes feed
        words them (a change of status brings its dated event, as the write does)."""
        new = follow_status(current.data, data, on=utc_today())
        found = []
        for name, old_text, new_text in audit.diff(current.data, new):
            row = ChangeRow(
                id=0,
                at="",
                who=self.user,
                engagement=current.id,
                uid=current.uid,
                title=new.title,
                version=current.version + 1,
                action="import",
                field=name,
                old=old_text,
                new=new_text,
            )
            change = word(row)
            items = tuple(i.text() for i in change.items)
            found.append(FieldChange(change.label, change.old, change.new, items))
        return tuple(found)
