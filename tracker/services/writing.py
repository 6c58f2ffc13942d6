"""Writing: create, edit, trash and restore engagements; each call one transaction that
returns what it changed (a ``ChangeSet``) for the views to apply."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from db import audit, listing, loading, schema, store
from db.engine import Connection
from tracker.domain.changes import DELETED, ChangeSet, Saved
from tracker.domain.errors import ConflictError, ValidationError
from tracker.domain.interchange import ENGAGEMENT_KEYS, data_to_json, record_label
from tracker.domain.markings import check_marking_list
from tracker.domain.model import Engagement, EngagementData
from tracker.services.base import TrackerBase
from tracker.services.links import Linking, check_links


class Writing(TrackerBase):
    """The calls that change engagements (each one write transaction, sealed)."""

    def set_markings(self, *, markings: Sequence[str]) -> ChangeSet:
        """Replace the ordered marking list; every marking in use must stay listed."""
        try:
            checked = check_marking_list(markings)
        except ValueError as exc:
            raise ValidationError(str(exc), field="markings") from None
        with self._write() as conn:
            missing = sorted(listing.markings_in_use(conn) - set(checked))
            if missing:
                raise ValidationError(
                    f"still used by engagements: {', '.join(missing)}", field="markings"
                )
            schema.set_meta(conn, "markings", json.dumps(list(checked)))
            if self._default_marking(conn) not in checked:
                schema.set_meta(conn, "default_marking", checked[0])
        return ChangeSet(markings=True)

    def create(self, *, data: EngagementData | Mapping[str, Any], uid: str | None = None) -> Saved:
        """Add a new engagement; ``data`` is typed data or an interchange-format object."""
        obj = data_to_json(data) if isinstance(data, EngagementData) else dict(data)
        with self._read() as conn:
            validated = self._validate(conn, obj, record_label(None, obj.get("title")))
        with self._write() as conn:
            valid = self._still_valid(conn, validated)
            wanted = uid or obj.get("id")
            if wanted and loading.find_id(conn, str(wanted)) is not None:
                raise ValidationError(
                    f'an engagement with id "{wanted}" exists already', field="id"
                )
            check_links(conn, [Linking(str(wanted) if wanted else None, validated.label, valid)])
            eid = store.insert_engagement(
                conn, valid, uid=str(wanted) if wanted else None, who=self.user, action="create"
            )
            return Saved(self._get(conn, eid), ChangeSet.of_created(frozenset({eid})))

    def update(
        self,
        *,
        engagement_id: int | str,
        expected_version: int,
        changes: Mapping[str, Any],
    ) -> Saved:
        """Change some fields (interchange-format values); refuse a stale version.

        A change of status without a change of the status history adds a status
        event dated today (UTC), so the timeline follows the status.
        """
        with self._read() as conn:
            current = self._get(conn, engagement_id)
            label = _label(current)
            for key in changes:
                if key not in ENGAGEMENT_KEYS:
                    raise ValidationError("unknown field", record=label, field=key)
                if key == "id":
                    raise ValidationError("cannot be changed", record=label, field=key)
            self._check_version(conn, current, expected_version)
            validated = self._validate(conn, {**data_to_json(current.data), **changes}, label)
        with self._write() as conn:
            # At the expected version still, the engagement is the one validated against.
            current = self._get(conn, engagement_id)
            self._check_version(conn, current, expected_version)
            return self._replaced(conn, current, self._still_valid(conn, validated), label)

    def save(
        self, *, engagement_id: int | str, expected_version: int, data: EngagementData
    ) -> Saved:
        """Replace an engagement's data as a whole (the edit form); refuse a stale version.

        A change of status without a change of the status history adds a status
        event dated today (UTC), as ``update`` does.
        """
        with self._read() as conn:
            label = _label(self._get(conn, engagement_id))
            validated = self._validate(conn, data_to_json(data), label)
        with self._write() as conn:
            current = self._get(conn, engagement_id)
            new = self._still_valid(conn, validated)
            self._check_version(conn, current, expected_version)
            return self._replaced(conn, current, new, label)

    def _replaced(
        self, conn: Connection, current: Engagement, new: EngagementData, label: str
    ) -> Saved:
        if new.links != current.data.links:
            check_links(conn, [Linking(current.uid, label, new)])
        changed = self._replace(conn, current, new, action="update")
        return Saved(
            self._get(conn, current.id), ChangeSet.of_fields(frozenset({current.id}), changed)
        )

    def delete(self, *, engagement_id: int | str, expected_version: int | None = None) -> Saved:
        """Move an engagement to the trash (restorable)."""
        return self._set_deleted_one(engagement_id, expected_version, deleted=True)

    def restore(self, *, engagement_id: int | str, expected_version: int | None = None) -> Saved:
        """Bring an engagement back from the trash."""
        return self._set_deleted_one(engagement_id, expected_version, deleted=False)

    def delete_many(self, *, engagement_ids: Sequence[int | str]) -> ChangeSet:
        """Move several engagements to the trash in one transaction: all or none."""
        return self._set_deleted_many(engagement_ids, deleted=True)

    def restore_many(self, *, engagement_ids: Sequence[int | str]) -> ChangeSet:
        """Bring several engagements back from the trash in one transaction: all or none."""
        return self._set_deleted_many(engagement_ids, deleted=False)

    def _set_deleted_one(
        self, ref: int | str, expected_version: int | None, *, deleted: bool
    ) -> Saved:
        with self._write() as conn:
            current = self._get(conn, ref)
            if expected_version is not None:
                self._check_version(conn, current, expected_version)
            moved = store.set_deleted(conn, current, deleted=deleted, who=self.user)
            changes = ChangeSet.of_fields(frozenset({current.id}), frozenset({DELETED}))
            return Saved(self._get(conn, current.id), changes if moved else ChangeSet())

    def _set_deleted_many(self, refs: Sequence[int | str], *, deleted: bool) -> ChangeSet:
        with self._write() as conn:
            moved = frozenset(
                current.id
                for current in (self._get(conn, ref) for ref in refs)
                if store.set_deleted(conn, current, deleted=deleted, who=self.user)
            )
        return ChangeSet.of_fields(moved, frozenset({DELETED}) if moved else frozenset())

    def _check_version(self, conn: Connection, current: Engagement, expected: int) -> None:
        if current.version != expected:
            raise ConflictError(
                engagement_id=current.id,
                title=current.data.title,
                expected_version=expected,
                current_version=current.version,
                fields=audit.fields_changed_since(conn, current.id, expected),
            )


def _label(current: Engagement) -> str:
    """How a stored engagement is named in messages: ``engagement 12 "Title"``."""
    return record_label(None, current.data.title).replace(
        "engagement", f"engagement {current.id}", 1
    )
