"""Import and export in the interchange format (JSON) and flat CSV rows; the demo data.

An import is all or nothing: every engagement of the file is validated before the
write transaction begins (so that a refused file never holds the write lock), then
all are written in that one transaction.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from db import bulk, links, listing, loading, queries, saved_views
from db.engine import Connection
from tracker.domain.changes import ChangeSet, ImportResult
from tracker.domain.errors import ValidationError
from tracker.domain.interchange import (
    FORMAT,
    data_to_json,
    document_engagements,
    quoted,
    record_label,
)
from tracker.domain.model import Engagement, EngagementData, Filters
from tracker.services.base import (
    Cancelled,
    Progress,
    Rules,
    TrackerBase,
    collector_paused,
    validate,
)
from tracker.services.links import Linking, check_links
from tracker.services.views import ImportedView, document_views, view_json, write_imported

# New engagements an import writes per bulk statement batch.
IMPORT_CHUNK = 5000

Parsed = list[tuple[str | None, EngagementData]]


class Transfer(TrackerBase):
    """Imports (all or nothing) and exports."""

    def import_document(
        self, *, document: object, on_progress: Progress | None = None
    ) -> ImportResult:
        """Import an interchange-format document, all or nothing.

        Engagements whose ``id`` exists already are updated (or left alone when
        identical; a change of status adds its dated event, as an edit does); others
        are created. Any error writes nothing.
        """
        items = document_engagements(document)
        views = document_views(document)
        return self._import(items, on_progress, merge_children=False, views=views)

    def import_flat_rows(
        self, *, rows: Sequence[Mapping[str, Any]], on_progress: Progress | None = None
    ) -> ImportResult:
        """Import flat engagement fields (CSV rows); children of existing ones are kept."""
        return self._import(list(rows), on_progress, merge_children=True)

    def _import(
        self,
        items: Sequence[object],
        on_progress: Progress | None,
        *,
        merge_children: bool,
        views: Sequence[ImportedView] = (),
    ) -> ImportResult:
        """Validate every item, then write them all in one write transaction. Validation
        reads what it needs (the markings; the engagements a flat row updates) in a read
        transaction first, so that the write lock is held only while writing."""
        uids = [
            str(o["id"]).strip()
            for o in items
            if isinstance(o, Mapping) and isinstance(o.get("id"), str) and o["id"]
        ]
        with collector_paused():
            with self._read() as conn:
                rules = self._rules(conn)
                bases = _existing(conn, uids) if merge_children else {}
            parsed = _parse(items, bases, rules)
            with self._write() as conn:
                existing, now = _existing(conn, uids), self._rules(conn)
                if now != rules or (merge_children and _changed(bases, existing)):
                    # Changed since validated (rare): validate again, under the lock.
                    parsed = _parse(items, existing if merge_children else {}, now)
                check_links(
                    conn,
                    [
                        Linking(uid, record_label(i, data.title), data)
                        for i, (uid, data) in enumerate(parsed)
                        if uid not in existing or existing[uid].data.links != data.links
                    ],
                )
                result = self._write_parsed(conn, parsed, existing, on_progress)
                if not views:
                    return result
                notes = write_imported(conn, views, user=self.user)
                return dataclasses.replace(result, view_notes=notes)

    def _write_parsed(
        self,
        conn: Connection,
        parsed: Parsed,
        existing: Mapping[str, Engagement],
        on_progress: Progress | None,
    ) -> ImportResult:
        """Write validated engagements. New ones go in bulk, IMPORT_CHUNK at a time; an
        existing one is diffed and updated on its own, after the new ones before it, so
        that ids and the audit trail follow the file's order as one by one would."""
        created: list[int] = []
        updated = unchanged = 0
        changes = ChangeSet()
        pending: Parsed = []
        total = len(parsed)
        linking = _Linking()
        for done, (uid, data) in enumerate(parsed, start=1):
            current = existing.get(uid) if uid else None
            linking.add(current, data)
            if current is None:
                pending.append((uid, data))
            else:
                created += self._insert_new(conn, pending)
                fields = self._replace(conn, current, data, action="import")
                changes |= ChangeSet.of_fields(frozenset({current.id}), fields)
                if fields:
                    updated += 1
                else:
                    unchanged += 1
            if len(pending) >= IMPORT_CHUNK or done == total:
                created += self._insert_new(conn, pending)
            if on_progress is not None and on_progress(done, total) is False:
                raise Cancelled("import cancelled; nothing was written")
        linking.write(conn, created)
        return ImportResult(
            created=len(created),
            updated=updated,
            unchanged=unchanged,
            changes=changes | ChangeSet.of_created(frozenset(created)),
        )

    def _insert_new(self, conn: Connection, pending: Parsed) -> list[int]:
        """Write the pending new engagements of an import in bulk, and forget them."""
        if not pending:
            return []
        made = bulk.insert_new(conn, pending, who=self.user, action="import")
        pending.clear()
        return made

    def export_document(self, *, filters: Filters = Filters()) -> dict[str, Any]:
        """The matching engagements as an interchange-format document (by id)."""
        with self._read() as conn:
            query = queries.ids_query(
                filters,
                sort="id",
                descending=False,
                markings=self._markings(conn),
                dialect=conn.dialect.name,
            )
            ids = [int(i) for i in conn.execute(query).scalars()]
            loaded = loading.load(conn, ids)
            views = saved_views.visible(conn, self.user)
        document: dict[str, Any] = {
            "format": FORMAT,
            "engagements": [data_to_json(loaded[i].data, uid=loaded[i].uid) for i in ids],
        }
        if views:  # a document without views stays as older programs wrote (and read) it
            document["views"] = [view_json(v) for v in views]
        return document

    def load_demo(self, *, if_empty: bool = False) -> ImportResult:
        """Load the demo engagements (idempotent); with ``if_empty``, only into an empty store."""
        from tracker.domain.demo import demo_document

        if if_empty:
            with self._read() as conn:
                if listing.engagement_total(conn):
                    return ImportResult()
        return self.import_document(document=demo_document())


class _Linking:
    """The links of an import, written again once every engagement of the file is
    stored (a link may go to an engagement later in the file, not yet written when the
    one it starts from was)."""

    def __init__(self) -> None:
        self.new = 0  # how many new engagements came so far
        self.of_new: list[tuple[int, EngagementData]] = []  # (the how-manieth new, data)
        self.of_existing: list[tuple[int, EngagementData]] = []  # (id, data)

    def add(self, current: Engagement | None, data: EngagementData) -> None:
        if current is None:
            if data.links:
                self.of_new.append((self.new, data))
            self.new += 1
        elif data.links and data.links != current.data.links:
            self.of_existing.append((current.id, data))

    def write(self, conn: Connection, created: Sequence[int]) -> None:
        """Write the links again, ``created`` the ids of the new engagements in order."""
        items = [(created[n], d.links) for n, d in self.of_new]
        links.rewrite(conn, items + [(eid, d.links) for eid, d in self.of_existing])


def _parse(items: Sequence[object], bases: Mapping[str, Engagement], rules: Rules) -> Parsed:
    """Validate every item (an existing engagement in ``bases`` fills in the fields a
    flat row leaves out); the first error stops the import before anything is written."""
    parsed: Parsed = []
    seen: set[str] = set()
    for index, obj in enumerate(items):
        label = record_label(index, obj.get("title") if isinstance(obj, Mapping) else None)
        if not isinstance(obj, Mapping):
            raise ValidationError("must be an object", record=label)
        raw_id = obj.get("id")
        uid = raw_id.strip() if isinstance(raw_id, str) else None
        if uid is not None:
            if uid in seen:
                raise ValidationError(
                    f"id {quoted(uid)} appears twice in the file", record=label, field="id"
                )
            seen.add(uid)
        before = bases.get(uid) if uid else None
        source = {**data_to_json(before.data), **obj} if before else obj
        parsed.append((uid, validate(source, label, rules)))
    return parsed


def _existing(conn: Connection, uids: Sequence[str]) -> dict[str, Engagement]:
    """The stored engagements of ``uids``, by uid."""
    ids = loading.ids_by_uid(conn, uids)
    loaded = loading.load(conn, list(ids.values()))
    return {uid: loaded[eid] for uid, eid in ids.items()}


def _changed(before: Mapping[str, Engagement], now: Mapping[str, Engagement]) -> bool:
    """Whether any of these engagements was created, changed or removed in between."""
    return {u: e.version for u, e in before.items()} != {u: e.version for u, e in now.items()}
