"""The service layer: the only way in to the engagement store.

Every public method is one transaction, takes keyword arguments, returns plain data
(never live ORM objects), raises only ``tracker.domain.errors`` and prints nothing. The
desktop app and the command line both go through it.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import getpass
import json
import os
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select, text
from sqlalchemy.exc import SQLAlchemyError

from db import audit_chain, fulltext, health, pg_dump, queries, schema, store, tables
from db import backup as db_backup
from db.backup import BACKUP_FOLDER
from db.engine import Database, resolve_url, sqlite_path
from db.errors import (
    DatabaseError,
    DatabaseLocked,
    DatabaseReadOnly,
    ForeignDatabase,
    NotATrackerDatabase,
    SchemaTooNew,
)
from tracker.domain.dates import PartialDate
from tracker.domain.errors import (
    ConflictError,
    DamagedDatabaseError,
    ForeignDatabaseError,
    LockedDatabaseError,
    NotFoundError,
    ReadOnlyDatabaseError,
    SchemaError,
    StorageError,
    TrackerError,
    ValidationError,
)
from tracker.domain.fields import LIST_KEYS
from tracker.domain.interchange import (
    ENGAGEMENT_KEYS,
    FORMAT,
    data_from_json,
    data_to_json,
    document_engagements,
    record_label,
)
from tracker.domain.markings import (
    DEFAULT_MARKINGS,
    DEFAULT_RECORD_MARKING,
    check_marking_list,
    highest,
)
from tracker.domain.model import (
    AuditEntry,
    CheckReport,
    DatabaseInfo,
    Engagement,
    EngagementData,
    EngagementRow,
    Filters,
    ImportResult,
    Selection,
    SelectionSummary,
    Statistics,
)
from tracker.domain.vocab import Confidence, Region, Status

E = tables.engagement

# Called with (done, total); returning False cancels the operation (nothing is written).
Progress = Callable[[int, int], bool | None]


class Cancelled(TrackerError):
    """The user cancelled a long operation; nothing was written."""


def current_user() -> str:
    """Who is making changes: $TRACKER_USER, else the operating-system user name."""
    configured = os.environ.get("TRACKER_USER", "").strip()
    if configured:
        return configured
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


class Tracker:
    """An open engagement store and everything one can do with it."""

    def __init__(self, database: Database, *, user: str | None = None) -> None:
        self.database = database
        self.user = user or current_user()

    @classmethod
    def open(
        cls, target: str | os.PathLike[str] | None = None, *, user: str | None = None
    ) -> Tracker:
        """Open (creating or upgrading) the database at ``target``, $TRACKER_DB or the default.

        An existing SQLite database is backed up (into ``backups/`` beside it) before
        its schema is migrated.
        """
        url = resolve_url(target)
        path = sqlite_path(url)

        def back_up_first(version: int) -> None:
            if path is not None:
                stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
                name = f"tracker-{stamp}-before-schema-{schema.SCHEMA_VERSION}.db"
                db_backup.backup_to(path, path.parent / BACKUP_FOLDER / name)

        try:
            database = schema.open_database(
                url,
                markings=DEFAULT_MARKINGS,
                default_marking=DEFAULT_RECORD_MARKING,
                fulltext_source=store.fulltext_rows,
                before_upgrade=back_up_first,
            )
        except DatabaseError as exc:
            raise storage_error(exc) from None
        except SQLAlchemyError as exc:
            raise StorageError(f"cannot open {url}: {_reason(exc)}") from None
        except OSError as exc:
            raise StorageError(f"cannot open {url}: {exc.strerror or exc}") from None
        return cls(database, user=user)

    @functools.cached_property
    def read_only(self) -> str | None:
        """Why this database can only be read (a PostgreSQL role without the right to
        change it), or None when it can be written. Checked once, when first asked."""
        if self.database.backend != "postgresql":
            return None
        with self._read() as conn:
            role, allowed = conn.execute(
                text(
                    "SELECT current_user, has_table_privilege(current_user, 'engagement', "
                    "'INSERT, UPDATE, DELETE')"
                )
            ).one()
        if allowed:
            return None
        return f'the database role "{role}" may read this database but not change it'

    @property
    def location_warning(self) -> str | None:
        """Why this database's location is unsafe (network or synced folder), or None."""
        if self.database.path is None:
            return None
        reason = health.shared_location_reason(self.database.path)
        return None if reason is None else f"{reason}: {health.SHARED_LOCATION_ADVICE}"

    def close(self) -> None:
        """Release the database."""
        self.database.dispose()

    @property
    def url(self) -> str:
        """The database's URL without any password (safe to show and to remember).

        Passwords come from libpq (``~/.pgpass``, ``PGPASSWORD``, service files), never
        from what the app stores.
        """
        return self.database.public_url

    # -- transactions -----------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._translated(), self.database.read() as conn:
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._translated(), self.database.write() as conn:
            yield conn
            audit_chain.seal(conn)  # seal this transaction's audit rows before it commits

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except DatabaseError as exc:
            raise storage_error(exc) from None
        except SQLAlchemyError as exc:
            raise StorageError(f"database error: {_reason(exc)}") from None

    # -- settings ----------------------------------------------------------------

    def markings(self) -> tuple[str, ...]:
        """The allowed handling markings, lowest first."""
        with self._read() as conn:
            return self._markings(conn)

    def default_marking(self) -> str:
        """The marking a new engagement gets unless another is chosen."""
        with self._read() as conn:
            return self._default_marking(conn)

    def _markings(self, conn: Connection) -> tuple[str, ...]:
        value = schema.get_meta(conn, "markings")
        return tuple(json.loads(value)) if value else DEFAULT_MARKINGS

    def _default_marking(self, conn: Connection) -> str:
        allowed = self._markings(conn)
        value = schema.get_meta(conn, "default_marking")
        return value if value in allowed else allowed[0]

    def set_markings(self, *, markings: Sequence[str]) -> tuple[str, ...]:
        """Replace the ordered marking list; every marking in use must stay listed."""
        try:
            checked = check_marking_list(markings)
        except ValueError as exc:
            raise ValidationError(str(exc), field="markings") from None
        with self._write() as conn:
            used = set(conn.execute(select(E.c.marking).distinct()).scalars())
            missing = sorted(used - set(checked))
            if missing:
                raise ValidationError(
                    f"still used by engagements: {', '.join(missing)}", field="markings"
                )
            schema.set_meta(conn, "markings", json.dumps(list(checked)))
            if self._default_marking(conn) not in checked:
                schema.set_meta(conn, "default_marking", checked[0])
        return checked

    # -- reading -------------------------------------------------------------------

    def info(self) -> DatabaseInfo:
        """Facts about the open database."""
        with self._read() as conn:
            live = conn.execute(queries.count_query(Filters(), conn.dialect.name)).scalar_one()
            dead = conn.execute(
                queries.count_query(Filters(trash=True), conn.dialect.name)
            ).scalar_one()
            return DatabaseInfo(
                url=self.url,
                backend=self.database.backend,
                schema_version=int(schema.get_meta(conn, "schema_version") or 0),
                revision=store.revision(conn),
                markings=self._markings(conn),
                engagements=int(live),
                deleted=int(dead),
            )

    def get(self, *, engagement_id: int | str, include_deleted: bool = True) -> Engagement:
        """One engagement with all its children."""
        with self._read() as conn:
            found = self._get(conn, engagement_id)
        if found.deleted and not include_deleted:
            raise NotFoundError(f"engagement {engagement_id} is in the trash")
        return found

    def _get(self, conn: Connection, ref: int | str) -> Engagement:
        eid = store.find_id(conn, ref)
        loaded = store.load(conn, [eid]) if eid is not None else {}
        if eid is None or eid not in loaded:
            raise NotFoundError(f"no engagement {ref}")
        return loaded[eid]

    def get_many(self, *, ids: Sequence[int]) -> list[Engagement]:
        """Full engagements for ``ids``, in that order (unknown ids are skipped)."""
        with self._read() as conn:
            loaded = store.load(conn, ids)
        return [loaded[i] for i in ids if i in loaded]

    def selection(
        self, *, filters: Filters = Filters(), sort: str = "title", descending: bool = False
    ) -> Selection:
        """The matching engagements in full, with the revision and markings, read at once."""
        with self._read() as conn:
            ids = self._ordered_ids(conn, filters, sort, descending)
            loaded = store.load(conn, ids)
            return Selection(
                engagements=tuple(loaded[i] for i in ids if i in loaded),
                revision=store.revision(conn),
                markings=self._markings(conn),
                audit_hash=audit_chain.latest(conn)[1],
            )

    def list_ids(
        self, *, filters: Filters = Filters(), sort: str = "title", descending: bool = False
    ) -> list[int]:
        """The ids of the engagements matching ``filters``, in the given order."""
        with self._read() as conn:
            try:
                return self._ordered_ids(conn, filters, sort, descending)
            except ValueError as exc:
                raise ValidationError(str(exc), field="sort") from None

    def _ordered_ids(
        self, conn: Connection, filters: Filters, sort: str, descending: bool
    ) -> list[int]:
        """The ordered ids matching ``filters``.

        On SQLite the ids come through the driver's cursor (100,000 ids through
        SQLAlchemy's result rows cost more than the query itself). A filter of the
        live engagements that keeps many of them (a one-letter search, most statuses)
        is not sorted by SQLite: the ids matching it, unordered, select from the
        whole live table read in order along its sort index, which is quicker than
        sorting tens of thousands of rows.
        """
        markings = self._markings(conn)
        dialect = conn.dialect.name

        def statements(chosen: Filters) -> list[Any]:
            return queries.ordered_ids_statements(
                chosen, sort=sort, descending=descending, markings=markings, dialect=dialect
            )

        if dialect != "sqlite":
            return [int(i) for st in statements(filters) for i in conn.execute(st).scalars()]
        if filters.trash or queries.whole_live_table(filters):
            return _fetch_ids(conn, statements(filters))
        matching: set[int] | None = None
        fts = fulltext.match_query(filters.search or "")
        if fts is not None:
            matching = set(_fetch_ids(conn, [fulltext.matching_ids_statement(fts)]))
            if len(matching) < _MANY_IDS:
                return _fetch_ids(conn, statements(filters))
        rest = dataclasses.replace(filters, search=None)
        if not queries.whole_live_table(rest):
            found = _fetch_ids(conn, [queries.matching_ids_query(rest, dialect)])
            if len(found) < _MANY_IDS:
                return _fetch_ids(conn, statements(filters))
            matching = matching.intersection(found) if matching is not None else set(found)
        ordered = _fetch_ids(conn, statements(Filters()))
        if matching is None:
            return ordered
        return [i for i in ordered if i in matching]

    def summary(self, *, filters: Filters = Filters()) -> SelectionSummary:
        """How many engagements match ``filters`` and their highest marking, in one query."""
        with self._read() as conn:
            query = queries.markings_query(filters, conn.dialect.name)
            counts = {str(marking): int(n) for marking, n in conn.execute(query)}
            allowed = self._markings(conn)
        return SelectionSummary(
            count=sum(counts.values()),
            highest=highest(counts, allowed),
            markings=allowed,
        )

    def count(self, *, filters: Filters = Filters()) -> int:
        """How many engagements match ``filters``."""
        with self._read() as conn:
            return int(conn.execute(queries.count_query(filters, conn.dialect.name)).scalar_one())

    def rows(self, *, ids: Sequence[int]) -> list[EngagementRow]:
        """Table rows for ``ids``, in the same order (unknown ids are skipped)."""
        vendor = tables.organisation.alias("vendor")
        counterpart = tables.organisation.alias("counterpart")
        found: dict[int, EngagementRow] = {}
        with self._read() as conn:
            for part in store.chunks(list(ids)):
                query = (
                    select(
                        E.c.id,
                        E.c.uid,
                        E.c.title,
                        E.c.region,
                        E.c.status,
                        E.c.confidence,
                        E.c.marking,
                        E.c.updated_at,
                        E.c.follow_up,
                        E.c.version,
                        E.c.deleted_at,
                        vendor.c.name.label("vendor"),
                        counterpart.c.name.label("counterpart"),
                    )
                    .join(vendor, vendor.c.id == E.c.vendor_id)
                    .join(counterpart, counterpart.c.id == E.c.counterpart_id)
                    .where(E.c.id.in_(part))
                )
                for r in conn.execute(query):
                    found[r.id] = EngagementRow(
                        id=r.id,
                        uid=r.uid,
                        title=r.title,
                        counterpart=r.counterpart,
                        vendor=r.vendor,
                        region=Region(r.region) if r.region else None,
                        status=Status(r.status),
                        confidence=Confidence(r.confidence) if r.confidence else None,
                        marking=r.marking,
                        updated_at=r.updated_at,
                        follow_up=PartialDate.from_iso(r.follow_up) if r.follow_up else None,
                        version=r.version,
                        deleted=r.deleted_at is not None,
                    )
        return [found[i] for i in ids if i in found]

    def history(self, *, engagement_id: int | str) -> list[AuditEntry]:
        """The audit trail of one engagement, newest first."""
        with self._read() as conn:
            return store.history(conn, self._get(conn, engagement_id).id)

    def statistics(self, *, filters: Filters = Filters()) -> Statistics:
        """Counts of the matching engagements by status and region."""
        with self._read() as conn:
            query = (
                select(E.c.status, E.c.region, func.count())
                .where(*queries.where_clauses(filters, conn.dialect.name))
                .group_by(E.c.status, E.c.region)
            )
            counts = {
                (Status(s), Region(r) if r else None): int(n) for s, r, n in conn.execute(query)
            }
        return Statistics(total=sum(counts.values()), by_status_region=counts)

    def names(self, *, kind: str) -> list[str]:
        """Names in use for pick-lists: ``vendor``, ``counterpart``, ``tag`` or ``restriction``."""
        o = tables.organisation
        with self._read() as conn:
            if kind in ("vendor", "counterpart"):
                column = E.c.vendor_id if kind == "vendor" else E.c.counterpart_id
                query = select(o.c.name).where(o.c.id.in_(select(column))).order_by(o.c.name_key)
            elif kind == "tag":
                t, et = tables.tag, tables.engagement_tag
                query = select(t.c.name).where(t.c.id.in_(select(et.c.tag_id))).order_by(t.c.name)
            elif kind == "restriction":
                query = select(tables.restriction.c.code).order_by(tables.restriction.c.code)
            else:
                raise ValidationError(f'unknown kind of name "{kind}"', field="kind")
            return [str(n) for n in conn.execute(query).scalars()]

    def restriction_catalogue(self) -> list[tuple[str, str]]:
        """The shared restriction catalogue as (code, title), by code."""
        r = tables.restriction
        with self._read() as conn:
            return [
                (str(c), str(t))
                for c, t in conn.execute(select(r.c.code, r.c.title).order_by(r.c.code))
            ]

    # -- writing -------------------------------------------------------------------

    def _validate(self, conn: Connection, obj: Mapping[str, Any], label: str) -> EngagementData:
        return data_from_json(
            obj,
            label=label,
            allowed_markings=self._markings(conn),
            default_marking=self._default_marking(conn),
        )

    def create(
        self, *, data: EngagementData | Mapping[str, Any], uid: str | None = None
    ) -> Engagement:
        """Add a new engagement; ``data`` is typed data or an interchange-format object."""
        obj = data_to_json(data) if isinstance(data, EngagementData) else dict(data)
        with self._write() as conn:
            valid = self._validate(conn, obj, record_label(None, obj.get("title")))
            wanted = uid or obj.get("id")
            if wanted and store.find_id(conn, str(wanted)) is not None:
                raise ValidationError(
                    f'an engagement with id "{wanted}" exists already', field="id"
                )
            eid = self._insert(conn, valid, str(wanted) if wanted else None, "create")
            return self._get(conn, eid)

    def _insert(self, conn: Connection, data: EngagementData, uid: str | None, action: str) -> int:
        now = store.utc_now()
        values = store.engagement_values(conn, data)
        result = conn.execute(
            E.insert().values(
                uid=uid or str(uuid.uuid4()),
                version=1,
                created_at=now,
                updated_at=now,
                deleted_at=None,
                **values,
            )
        )
        eid = store.new_id(result)
        store.write_children(conn, eid, data)
        store.index(conn, eid, data)
        store.audit(
            conn,
            who=self.user,
            at=now,
            engagement_id=eid,
            version=1,
            action=action,
            changes=[("engagement", None, data.title)],
        )
        return eid

    def _replace(
        self, conn: Connection, current: Engagement, data: EngagementData, action: str
    ) -> bool:
        """Write ``data`` over ``current``; False when nothing changed."""
        # Organisations are shared regardless of case: compare with the stored spelling.
        data = dataclasses.replace(
            data,
            vendor=store.organisation_name(conn, data.vendor),
            counterpart=store.organisation_name(conn, data.counterpart),
        )
        changes = store.diff(current.data, data)
        if not changes:
            return False
        now = store.utc_now()
        version = current.version + 1
        conn.execute(
            E.update()
            .where(E.c.id == current.id)
            .values(version=version, updated_at=now, **store.engagement_values(conn, data))
        )
        if {name for name, _, _ in changes} & LIST_KEYS:
            store.write_children(conn, current.id, data)
        store.index(conn, current.id, data)
        store.audit(
            conn,
            who=self.user,
            at=now,
            engagement_id=current.id,
            version=version,
            action=action,
            changes=changes,
        )
        return True

    def _check_version(self, conn: Connection, current: Engagement, expected: int) -> None:
        if current.version != expected:
            raise ConflictError(
                engagement_id=current.id,
                title=current.data.title,
                expected_version=expected,
                current_version=current.version,
                fields=store.fields_changed_since(conn, current.id, expected),
            )

    def update(
        self,
        *,
        engagement_id: int | str,
        expected_version: int,
        changes: Mapping[str, Any],
    ) -> Engagement:
        """Change some fields (interchange-format values); refuse a stale version.

        A change of status without a change of the status history adds a status
        event dated today, so the timeline follows the status.
        """
        with self._write() as conn:
            current = self._get(conn, engagement_id)
            label = record_label(None, current.data.title).replace(
                "engagement", f"engagement {current.id}", 1
            )
            for key in changes:
                if key not in ENGAGEMENT_KEYS:
                    raise ValidationError("unknown field", record=label, field=key)
                if key == "id":
                    raise ValidationError("cannot be changed", record=label, field=key)
            self._check_version(conn, current, expected_version)
            merged = {**data_to_json(current.data), **changes}
            new = self._validate(conn, merged, label)
            if new.status != current.data.status and "status_history" not in changes:
                event = {"status": new.status.value, "on": date.today().isoformat()}
                merged["status_history"] = [*(merged.get("status_history") or []), event]
                new = self._validate(conn, merged, label)
            self._replace(conn, current, new, "update")
            return self._get(conn, current.id)

    def save(
        self, *, engagement_id: int | str, expected_version: int, data: EngagementData
    ) -> Engagement:
        """Replace an engagement's data as a whole (the edit form); refuse a stale version."""
        with self._write() as conn:
            current = self._get(conn, engagement_id)
            label = record_label(None, current.data.title).replace(
                "engagement", f"engagement {current.id}", 1
            )
            new = self._validate(conn, data_to_json(data), label)
            self._check_version(conn, current, expected_version)
            self._replace(conn, current, new, "update")
            return self._get(conn, current.id)

    def delete(
        self, *, engagement_id: int | str, expected_version: int | None = None
    ) -> Engagement:
        """Move an engagement to the trash (restorable)."""
        return self._set_deleted(engagement_id, expected_version, deleted=True)

    def restore(
        self, *, engagement_id: int | str, expected_version: int | None = None
    ) -> Engagement:
        """Bring an engagement back from the trash."""
        return self._set_deleted(engagement_id, expected_version, deleted=False)

    def _set_deleted(
        self, ref: int | str, expected_version: int | None, *, deleted: bool
    ) -> Engagement:
        with self._write() as conn:
            current = self._get(conn, ref)
            if expected_version is not None:
                self._check_version(conn, current, expected_version)
            if current.deleted == deleted:
                return current
            now = store.utc_now()
            version = current.version + 1
            conn.execute(
                E.update()
                .where(E.c.id == current.id)
                .values(version=version, updated_at=now, deleted_at=now if deleted else None)
            )
            store.audit(
                conn,
                who=self.user,
                at=now,
                engagement_id=current.id,
                version=version,
                action="delete" if deleted else "restore",
                changes=[("deleted", current.deleted_at, now if deleted else None)],
            )
            return self._get(conn, current.id)

    # -- import and export ---------------------------------------------------------

    def import_document(
        self, *, document: object, on_progress: Progress | None = None
    ) -> ImportResult:
        """Import an interchange-format document, all or nothing.

        Engagements whose ``id`` exists already are updated (or left alone when
        identical); others are created. Any error writes nothing.
        """
        items = document_engagements(document)
        return self._import(items, on_progress, merge_children=False)

    def import_flat_rows(
        self, *, rows: Sequence[Mapping[str, Any]], on_progress: Progress | None = None
    ) -> ImportResult:
        """Import flat engagement fields (CSV rows); children of existing ones are kept."""
        return self._import(list(rows), on_progress, merge_children=True)

    def _import(
        self, items: Sequence[object], on_progress: Progress | None, *, merge_children: bool
    ) -> ImportResult:
        created = updated = unchanged = 0
        with _collector_paused(), self._write() as conn:
            markings = self._markings(conn)
            default_marking = self._default_marking(conn)
            uids = [
                str(o["id"]).strip()
                for o in items
                if isinstance(o, Mapping) and isinstance(o.get("id"), str) and o["id"]
            ]
            existing_ids = store.ids_by_uid(conn, uids)
            existing = store.load(conn, list(existing_ids.values()))
            parsed: list[tuple[str | None, EngagementData]] = []
            seen: set[str] = set()
            for index, obj in enumerate(items):
                title = obj.get("title") if isinstance(obj, Mapping) else None
                label = record_label(index, title)
                uid = obj.get("id") if isinstance(obj, Mapping) else None
                if isinstance(uid, str):
                    uid = uid.strip()
                    if uid in seen:
                        raise ValidationError(
                            f'id "{uid}" appears twice in the file', record=label, field="id"
                        )
                    seen.add(uid)
                source: object = obj
                if merge_children and isinstance(obj, Mapping):
                    before = existing.get(existing_ids.get(str(uid), -1))
                    base = data_to_json(before.data) if before else {}
                    source = {**base, **obj}
                if not isinstance(source, Mapping):
                    raise ValidationError("must be an object", record=label)
                data = data_from_json(
                    source,
                    label=label,
                    allowed_markings=markings,
                    default_marking=default_marking,
                )
                parsed.append((uid if isinstance(uid, str) else None, data))
            # New engagements are written in bulk, IMPORT_CHUNK at a time; an existing
            # one is diffed and updated on its own, after the new ones before it, so
            # that ids and the audit trail follow the file's order as one by one.
            total = len(parsed)
            pending: list[tuple[str | None, EngagementData]] = []
            for done, (uid, data) in enumerate(parsed, start=1):
                eid = existing_ids.get(uid) if uid else None
                if eid is None:
                    pending.append((uid, data))
                    created += 1
                else:
                    self._insert_new(conn, pending)
                    if self._replace(conn, existing[eid], data, "import"):
                        updated += 1
                    else:
                        unchanged += 1
                if len(pending) >= IMPORT_CHUNK or done == total:
                    self._insert_new(conn, pending)
                if on_progress is not None and on_progress(done, total) is False:
                    raise Cancelled("import cancelled; nothing was written")
        return ImportResult(created=created, updated=updated, unchanged=unchanged)

    def _insert_new(
        self, conn: Connection, pending: list[tuple[str | None, EngagementData]]
    ) -> None:
        """Write the pending new engagements of an import in bulk, and forget them."""
        if pending:
            store.insert_new(conn, pending, who=self.user, action="import")
            pending.clear()

    def export_document(self, *, filters: Filters = Filters()) -> dict[str, Any]:
        """The matching engagements as an interchange-format document (by id)."""
        with self._read() as conn:
            ids = [
                int(i)
                for i in conn.execute(
                    queries.ids_query(
                        filters,
                        sort="id",
                        descending=False,
                        markings=self._markings(conn),
                        dialect=conn.dialect.name,
                    )
                ).scalars()
            ]
            loaded = store.load(conn, ids)
        return {
            "format": FORMAT,
            "engagements": [data_to_json(loaded[i].data, uid=loaded[i].uid) for i in ids],
        }

    def load_demo(self, *, if_empty: bool = False) -> ImportResult:
        """Load the demo engagements (idempotent); with ``if_empty``, only into an empty store."""
        from tracker.domain.demo import demo_document

        if if_empty and self.count(filters=Filters()) + self.count(filters=Filters(trash=True)):
            return ImportResult()
        return self.import_document(document=demo_document())

    # -- checks --------------------------------------------------------------------

    def check(self) -> CheckReport:
        """Integrity, foreign keys, schema version and full-text index agreement."""
        with self._read() as conn:
            problems = schema.integrity_problems(conn)
            version = int(schema.get_meta(conn, "schema_version") or 0)
            if version != schema.SCHEMA_VERSION:
                problems.append(f"schema version {version}, expected {schema.SCHEMA_VERSION}")
            total = int(conn.execute(select(func.count()).select_from(E)).scalar_one())
            broken = audit_chain.verify(conn)
            if broken is not None:
                problems.append(broken)
            indexed = fulltext.count(conn)
            if indexed != total:
                problems.append(f"full-text index holds {indexed} engagements, the table {total}")
        return CheckReport(schema_version=version, engagements=total, problems=tuple(problems))

    def _dump(self, target: str | os.PathLike[str] | None) -> Path:
        """A team database's backup: ``pg_dump``'s custom format (default: a dated file in
        ``backups/`` in the current folder)."""
        if target is None:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            target = Path(BACKUP_FOLDER) / f"tracker-{stamp}.dump"
        try:
            return pg_dump.dump_to(self.database.url, target)
        except DatabaseError as exc:
            raise StorageError(str(exc)) from None

    def backup(self, *, target: str | os.PathLike[str] | None = None) -> Path:
        """Back the database up to ``target`` (default: a dated file in ``backups/``
        beside the database), consistently even while it is in use; returns the path."""
        path = self.database.path
        if self.database.backend == "postgresql":
            return self._dump(target)
        if not self.database.is_sqlite or path is None:
            raise StorageError(f"backups of {self.database.backend} databases are not supported")
        if target is None:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            target = path.parent / BACKUP_FOLDER / f"tracker-{stamp}.db"
            n = 1
            while target.exists():  # two backups within one second keep both
                n += 1
                target = path.parent / BACKUP_FOLDER / f"tracker-{stamp}-{n}.db"
        try:
            return db_backup.backup_to(path, target)
        except DatabaseError as exc:
            raise StorageError(str(exc)) from None


# New engagements an import writes per bulk statement batch.
IMPORT_CHUNK = 5000


# From how many matching ids on a filter it is quicker to pick them out of the
# whole ordered table than to have SQLite sort them (see ``Tracker._ordered_ids``).
_MANY_IDS = 20_000


def _fetch_ids(conn: Connection, statements: Sequence[Any]) -> list[int]:
    """The ids selected by ``statements``, one after the other, via the driver's cursor."""
    ids: list[int] = []
    cursor = conn.connection.cursor()
    try:
        for statement in statements:
            sql, params = queries.compiled(statement, conn.dialect)
            cursor.execute(sql, params)
            ids += [row[0] for row in cursor.fetchall()]
    finally:
        cursor.close()
    return ids


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (an import makes millions of objects, none in
    cycles, and repeated full collections of them cost a sixth of the time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def storage_error(exc: DatabaseError) -> StorageError:
    """The tracker error for a storage-layer one, of the kind that says what to do next."""
    message = str(exc)
    if isinstance(exc, SchemaTooNew):
        return SchemaError(message)
    if isinstance(exc, ForeignDatabase):
        return ForeignDatabaseError(message)
    if isinstance(exc, NotATrackerDatabase):
        return DamagedDatabaseError(message)
    if isinstance(exc, DatabaseLocked):
        return LockedDatabaseError(message)
    if isinstance(exc, DatabaseReadOnly):
        return ReadOnlyDatabaseError(message)
    return StorageError(message)


def _reason(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig) if orig is not None else str(exc).splitlines()[0]
