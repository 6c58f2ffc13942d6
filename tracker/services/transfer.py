"""Import and export in the interchange format (JSON) and flat CSV rows; the demo data.

An import is all or nothing: every engagement of the file is validated before the
write transaction begins (so that a refused file never holds the write lock), then
all are written in that one transaction.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from db import bulk, links, listing, loading, queries, restriction_catalogue, saved_views
from db.engine import Connection
from db.organisations import listing as organisations_listing
from tracker.domain.ceiling import Ceiling, ceiling
from tracker.domain.changes import ChangeSet, ImportResult
from tracker.domain.errors import ValidationError
from tracker.domain.import_review import ReviewOutdated, review_token
from tracker.domain.interchange import (
    FORMAT,
    data_to_json,
    document_engagements,
    quoted,
    record_label,
)
from tracker.domain.model import Engagement, EngagementData, Filters
from tracker.domain.organisations import OrgRecord, document_organisations, exported_organisations
from tracker.domain.restriction_catalogue import (
    CatalogueEntry,
    catalogue_from_json,
    catalogue_to_json,
)
from tracker.services import catalogue
from tracker.services.base import (
    Cancelled,
    Progress,
    Rules,
    TrackerBase,
    collector_paused,
    validate,
)
from tracker.services.links import Linking, check_links
from tracker.services.organisations import write_organisations
from tracker.services.views import ImportedView, document_views, view_json, write_imported

# New engagements an import writes per bulk statement batch.
IMPORT_CHUNK = 5000

Parsed = list[tuple[str | None, EngagementData]]


class Transfer(TrackerBase):
    """Imports (all or nothing) and exports."""

    def import_document(
        self,
        *,
        document: object,
        on_progress: Progress | None = None,
        reviewed: str | None = None,
    ) -> ImportResult:
        """Import an interchange-format document, all or nothing.

        Engagements whose ``id`` exists already are updated (or left alone when
        identical; a change of status adds its dated event, as an edit does); others
        are created. Any error writes nothing. With ``reviewed`` (an ``ImportReview``'s
        token) nothing is written if the database changed since that review.
        """
        items = document_engagements(document)
        views = document_views(document)
        return self._import(
            items,
            on_progress,
            merge_children=False,
            views=views,
            organisations=document_organisations(document),
            restrictions=catalogue_from_json(document),
            reviewed=reviewed,
        )

    def import_flat_rows(
        self,
        *,
        rows: Sequence[Mapping[str, Any]],
        on_progress: Progress | None = None,
        reviewed: str | None = None,
    ) -> ImportResult:
        """Import flat engagement fields (CSV rows); children of existing ones are kept.
        ``reviewed`` as for ``import_document``."""
        return self._import(list(rows), on_progress, merge_children=True, reviewed=reviewed)

    def _import(
        self,
        items: Sequence[object],
        on_progress: Progress | None,
        *,
        merge_children: bool,
        views: Sequence[ImportedView] = (),
        organisations: Sequence[OrgRecord] = (),
        restrictions: Sequence[CatalogueEntry] = (),
        reviewed: str | None = None,
    ) -> ImportResult:
        """Validate every item, then write them all in one write transaction. Validation
        reads what it needs (the markings; the engagements a flat row updates) in a read
        transaction first, so that the write lock is held only while writing."""
        uids = file_uids(items)
        with collector_paused():
            with self._read() as conn:
                rules = self._rules(conn)
                bases = existing_by_uid(conn, uids) if merge_children else {}
            parsed = _parse(items, bases, rules)
            with self._write() as conn:
                existing, now = existing_by_uid(conn, uids), self._rules(conn)
                if reviewed is not None and reviewed != token_of(now, existing):
                    raise ReviewOutdated()
                write_organisations(conn, organisations)  # first: engagements name them
                if now != rules or (merge_children and _changed(bases, existing)):
                    # Changed since validated (rare): validate again, under the lock.
                    parsed = _parse(items, existing if merge_children else {}, now)
                # The catalogue first: the file's engagements may name its aliases.
                catalogued = catalogue.write_imported(conn, restrictions, user=self.user)
                check_links(
                    conn,
                    [
                        Linking(uid, record_label(i, data.title), data)
                        for i, (uid, data) in enumerate(parsed)
                        if uid not in existing or existing[uid].data.links != data.links
                    ],
                )
                result = self._write_parsed(conn, parsed, existing, on_progress)
                if restrictions:
                    result = dataclasses.replace(result, changes=result.changes | catalogued)
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

    def export_document(
        self, *, filters: Filters = Filters(), max_marking: str | None = None
    ) -> dict[str, Any]:
        """The matching engagements as an interchange-format document (by id); with
        ``max_marking``, only those at or below it (``tracker.domain.ceiling``)."""
        with self._read() as conn:
            limit = ceiling(max_marking, self._markings(conn))
            query = queries.ids_query(
                limit.narrow(filters) if limit else filters,
                sort="id",
                descending=False,
                markings=self._markings(conn),
                dialect=conn.dialect.name,
            )
            ids = [int(i) for i in conn.execute(query).scalars()]
            loaded = loading.load(conn, ids)
            views = saved_views.visible(conn, self.user)
            restrictions = restriction_catalogue.entries(conn)
            # A filtered export, or one under a marking ceiling, writes only the
            # organisations its engagements name (and their parents): no other one,
            # which may be named only by an engagement left out, is revealed.
            whole = filters.is_empty() and limit is None
            named = None if whole else _named(loaded.values())
            organisations = exported_organisations(organisations_listing(conn), named)
            if not whole:  # the same for the catalogue: only the codes they use
                used = {r.code for e in loaded.values() for r in e.data.restrictions}
                restrictions = [r for r in restrictions if r.code in used]
        written = {loaded[i].uid for i in ids}
        document: dict[str, Any] = {
            "format": FORMAT,
            "engagements": [_exported(loaded[i], limit, written) for i in ids],
        }
        if organisations:
            document["organisations"] = organisations
        if views:  # a document without views stays as older programs wrote (and read) it
            document["views"] = [view_json(v) for v in views]
        # Like views: a catalogue that says no more than the engagements' codes and
        # titles (no description, no alias) leaves the document as before.
        if any(e.description or e.aliases for e in restrictions):
            document["restrictions"] = catalogue_to_json(restrictions)
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


def _exported(e: Engagement, limit: Ceiling | None, written: set[str]) -> dict[str, Any]:
    """An engagement as the file holds it; under a ceiling without the links to the
    engagements the ceiling left out (a filtered export keeps them: they are stored)."""
    data = e.data if limit is None else limit.links_within(e.data, written)
    return data_to_json(data, uid=e.uid)


def _named(engagements: Iterable[Engagement]) -> set[str]:
    """The organisations the engagements name (a filtered export writes those alone)."""
    return {name for e in engagements for name in (e.data.vendor, e.data.counterpart)}


def file_uids(items: Sequence[object]) -> list[str]:
    """The stable ids the file's items name."""
    return [
        str(o["id"]).strip()
        for o in items
        if isinstance(o, Mapping) and isinstance(o.get("id"), str) and o["id"]
    ]


def token_of(rules: Rules, existing: Mapping[str, Engagement]) -> str:
    """The review token of a file whose stored engagements are ``existing``."""
    versions = {uid: e.version for uid, e in existing.items()}
    return review_token(rules.markings, rules.default_marking, versions)


def checked(
    items: Sequence[object], bases: Mapping[str, Engagement], rules: Rules
) -> Iterator[tuple[str | None, EngagementData | ValidationError]]:
    """Every item validated (an existing engagement in ``bases`` fills in the fields a
    flat row leaves out): its uid and data, or the error refusing it."""
    seen: set[str] = set()
    for index, obj in enumerate(items):
        label = record_label(index, obj.get("title") if isinstance(obj, Mapping) else None)
        if not isinstance(obj, Mapping):
            yield None, ValidationError("must be an object", record=label)
            continue
        raw_id = obj.get("id")
        uid = raw_id.strip() if isinstance(raw_id, str) else None
        if uid is not None:
            if uid in seen:
                message = f"id {quoted(uid)} appears twice in the file"
                yield None, ValidationError(message, record=label, field="id")
                continue
            seen.add(uid)
        before = bases.get(uid) if uid else None
        source = {**data_to_json(before.data), **obj} if before else obj
        try:
            yield uid, validate(source, label, rules)
        except ValidationError as exc:
            yield uid, exc


def _parse(items: Sequence[object], bases: Mapping[str, Engagement], rules: Rules) -> Parsed:
    """Every item validated; the first error stops the import before anything is written."""
    parsed: Parsed = []
    for uid, data in checked(items, bases, rules):
        if isinstance(data, ValidationError):
            raise data
        parsed.append((uid, data))
    return parsed


def existing_by_uid(conn: Connection, uids: Sequence[str]) -> dict[str, Engagement]:
    """The stored engagements of ``uids``, by uid."""
    ids = loading.ids_by_uid(conn, uids)
    loaded = loading.load(conn, list(ids.values()))
    return {uid: loaded[eid] for uid, eid in ids.items()}


def _changed(before: Mapping[str, Engagement], now: Mapping[str, Engagement]) -> bool:
    """Whether any of these engagements was created, changed or removed in between."""
    return {u: e.version for u, e in before.items()} != {u: e.version for u, e in now.items()}
