"""Reading and writing whole engagements on an open connection.

The service layer owns transactions; these functions do the work inside one:
load engagements with all their children in a few queries, write an engagement
and its children, keep the full-text index in step, and record the audit trail.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, CursorResult, Table, bindparam, func, select, text

from db import fulltext, tables
from tracker.domain.dates import PartialDate
from tracker.domain.interchange import data_to_json
from tracker.domain.model import (
    FIELD_NAMES,
    AuditEntry,
    Clarification,
    Concern,
    Engagement,
    EngagementData,
    RestrictionStance,
    ScopeLimit,
    Source,
    StatusEvent,
)
from tracker.domain.vocab import (
    ConcernKind,
    Confidence,
    OrgKind,
    Region,
    ScopeKind,
    Severity,
    Stance,
    Status,
)

CHUNK = 500
E = tables.engagement


def utc_now() -> str:
    """The current time as ISO 8601 UTC text with microseconds."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def chunks(ids: Sequence[int], size: int = CHUNK) -> Iterator[Sequence[int]]:
    """``ids`` in slices small enough for a bound IN list."""
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _date(text: str | None) -> PartialDate | None:
    return PartialDate.from_iso(text) if text else None


def _date_columns(value: PartialDate | None) -> tuple[str | None, str | None, str | None]:
    if value is None:
        return None, None, None
    return value.iso(), value.first_day.isoformat(), value.last_day.isoformat()


# -- reading ------------------------------------------------------------------


def load(conn: Connection, ids: Sequence[int]) -> dict[int, Engagement]:
    """Full engagements (children included) for ``ids``, keyed by id; missing ids are absent."""
    out: dict[int, Engagement] = {}
    for part in chunks(list(ids)):
        out.update(_load_chunk(conn, part))
    return out


def _children(conn: Connection, table: Any, ids: Sequence[int]) -> dict[int, list[Any]]:
    grouped: dict[int, list[Any]] = defaultdict(list)
    query = (
        select(table)
        .where(table.c.engagement_id.in_(ids))
        .order_by(table.c.engagement_id, table.c.position, table.c.id)
    )
    for row in conn.execute(query):
        grouped[row.engagement_id].append(row)
    return grouped


def _load_chunk(conn: Connection, ids: Sequence[int]) -> dict[int, Engagement]:
    vendor = tables.organisation.alias("vendor")
    counterpart = tables.organisation.alias("counterpart")
    query = (
        select(E, vendor.c.name.label("vendor_name"), counterpart.c.name.label("counterpart_name"))
        .join(vendor, vendor.c.id == E.c.vendor_id)
        .join(counterpart, counterpart.c.id == E.c.counterpart_id)
        .where(E.c.id.in_(ids))
    )
    heads = list(conn.execute(query))
    if not heads:
        return {}
    scope = _children(conn, tables.scope_limit, ids)
    clar = _children(conn, tables.clarification, ids)
    events = _children(conn, tables.status_event, ids)
    sources = _children(conn, tables.source, ids)
    concerns = _children(conn, tables.concern, ids)
    stances: dict[int, list[Any]] = defaultdict(list)
    er, r = tables.engagement_restriction, tables.restriction
    for row in conn.execute(
        select(er.c.engagement_id, er.c.stance, er.c.note, r.c.code, r.c.title)
        .join(r, r.c.id == er.c.restriction_id)
        .where(er.c.engagement_id.in_(ids))
        .order_by(er.c.engagement_id, er.c.position, er.c.id)
    ):
        stances[row.engagement_id].append(row)
    tags: dict[int, list[str]] = defaultdict(list)
    et, t = tables.engagement_tag, tables.tag
    for tag_row in conn.execute(
        select(et.c.engagement_id, t.c.name)
        .join(t, t.c.id == et.c.tag_id)
        .where(et.c.engagement_id.in_(ids))
        .order_by(et.c.engagement_id, et.c.position, et.c.id)
    ):
        tags[tag_row.engagement_id].append(tag_row.name)

    out: dict[int, Engagement] = {}
    for h in heads:
        i = h.id
        data = EngagementData(
            title=h.title,
            vendor=h.vendor_name,
            counterpart=h.counterpart_name,
            status=Status(h.status),
            region=Region(h.region) if h.region else None,
            confidence=Confidence(h.confidence) if h.confidence else None,
            marking=h.marking,
            summary=h.summary,
            started=_date(h.started),
            follow_up=_date(h.follow_up),
            next_step=h.next_step,
            owner=h.owner,
            tags=tuple(tags[i]),
            scope_limits=tuple(ScopeLimit(ScopeKind(s.kind), s.text) for s in scope[i]),
            restrictions=tuple(
                RestrictionStance(s.code, s.title, Stance(s.stance), s.note) for s in stances[i]
            ),
            clarifications=tuple(
                Clarification(
                    original_by=c.original_by,
                    original_on=_date(c.original_on),
                    original=c.original,
                    clarified_by=c.clarified_by,
                    clarified_on=_date(c.clarified_on),
                    clarification=c.clarification,
                    source=c.source,
                )
                for c in clar[i]
            ),
            status_history=tuple(
                StatusEvent(Status(e.status), _date(e.on), e.note, e.source) for e in events[i]
            ),
            sources=tuple(Source(s.outlet, s.title, s.url, _date(s.published)) for s in sources[i]),
            concerns=tuple(
                Concern(ConcernKind(c.kind), c.text, Severity(c.severity) if c.severity else None)
                for c in concerns[i]
            ),
        )
        out[i] = Engagement(
            id=i,
            uid=h.uid,
            version=h.version,
            data=data,
            created_at=h.created_at,
            updated_at=h.updated_at,
            deleted_at=h.deleted_at,
        )
    return out


def find_id(conn: Connection, ref: int | str) -> int | None:
    """The id of the engagement named by its number or its stable id (uid)."""
    if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
        found = conn.execute(select(E.c.id).where(E.c.id == int(ref))).scalar()
        if found is not None:
            return int(found)
    found = conn.execute(select(E.c.id).where(E.c.uid == str(ref))).scalar()
    return int(found) if found is not None else None


def ids_by_uid(conn: Connection, uids: Iterable[str]) -> dict[str, int]:
    """Existing engagement ids for the given stable ids."""
    wanted = list(uids)
    out: dict[str, int] = {}
    for start in range(0, len(wanted), CHUNK):
        part = wanted[start : start + CHUNK]
        for row in conn.execute(select(E.c.uid, E.c.id).where(E.c.uid.in_(part))):
            out[row.uid] = row.id
    return out


# -- writing ------------------------------------------------------------------


def new_id(result: CursorResult[Any]) -> int:
    """The primary key an INSERT just created."""
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def organisation_id(conn: Connection, name: str, kind: OrgKind | None) -> int:
    """The id of the organisation called ``name`` (any case), created when new."""
    o = tables.organisation
    key = name.strip().casefold()
    found = conn.execute(select(o.c.id).where(o.c.name_key == key)).scalar()
    if found is not None:
        return int(found)
    result = conn.execute(
        o.insert().values(name=name.strip(), name_key=key, kind=kind.value if kind else None)
    )
    return new_id(result)


def organisation_name(conn: Connection, name: str) -> str:
    """The stored spelling of the organisation called ``name`` (any case), else ``name``."""
    o = tables.organisation
    found = conn.execute(select(o.c.name).where(o.c.name_key == name.strip().casefold())).scalar()
    return str(found) if found is not None else name


def _restriction_id(conn: Connection, code: str, title: str) -> int:
    r = tables.restriction
    row = conn.execute(select(r.c.id, r.c.title).where(r.c.code == code)).first()
    if row is None:
        result = conn.execute(r.insert().values(code=code, title=title, description=""))
        return new_id(result)
    if title and row.title != title:
        conn.execute(r.update().where(r.c.id == row.id).values(title=title))
    return int(row.id)


def _tag_id(conn: Connection, name: str) -> int:
    t = tables.tag
    found = conn.execute(select(t.c.id).where(t.c.name == name)).scalar()
    if found is not None:
        return int(found)
    return new_id(conn.execute(t.insert().values(name=name)))


def engagement_values(conn: Connection, data: EngagementData) -> dict[str, Any]:
    """The engagement table's columns for ``data`` (organisations created as needed)."""
    vendor_id = organisation_id(conn, data.vendor, OrgKind.VENDOR)
    return _engagement_columns(data, vendor_id, organisation_id(conn, data.counterpart, None))


def _engagement_columns(
    data: EngagementData, vendor_id: int, counterpart_id: int
) -> dict[str, Any]:
    started, started_from, started_to = _date_columns(data.started)
    follow_up, follow_up_from, follow_up_to = _date_columns(data.follow_up)
    return {
        "title": data.title,
        "title_key": data.title.casefold(),
        "vendor_id": vendor_id,
        "counterpart_id": counterpart_id,
        "region": data.region.value if data.region else None,
        "status": data.status.value,
        "confidence": data.confidence.value if data.confidence else None,
        "marking": data.marking,
        "summary": data.summary,
        "started": started,
        "started_from": started_from,
        "started_to": started_to,
        "follow_up": follow_up,
        "follow_up_from": follow_up_from,
        "follow_up_to": follow_up_to,
        "next_step": data.next_step,
        "owner": data.owner,
    }


def write_children(conn: Connection, engagement_id: int, data: EngagementData) -> None:
    """Replace every child row of the engagement with those of ``data``."""
    for table in tables.CHILD_TABLES:
        conn.execute(table.delete().where(table.c.engagement_id == engagement_id))
    batches: dict[Table, list[tuple[Any, ...]]] = {t: [] for t in tables.CHILD_TABLES}
    add_child_rows(
        batches,
        engagement_id,
        data,
        restriction_id=lambda r: _restriction_id(conn, r.code, r.title),
        tag_id=lambda name: _tag_id(conn, name),
    )
    for table, batch in batches.items():
        insert_rows(conn, table, CHILD_COLUMNS[table], batch)


# The columns of each child table that ``add_child_rows`` gives, in tuple order.
CHILD_COLUMNS: dict[Table, tuple[str, ...]] = {
    tables.scope_limit: ("engagement_id", "position", "kind", "text"),
    tables.engagement_restriction: (
        "engagement_id",
        "position",
        "restriction_id",
        "stance",
        "note",
    ),
    tables.clarification: (
        "engagement_id",
        "position",
        "original_by",
        "original_on",
        "original",
        "clarified_by",
        "clarified_on",
        "clarification",
        "source",
    ),
    tables.status_event: ("engagement_id", "position", "status", "on", "on_from", "note", "source"),
    tables.source: ("engagement_id", "position", "outlet", "title", "url", "published"),
    tables.concern: ("engagement_id", "position", "kind", "text", "severity"),
    tables.engagement_tag: ("engagement_id", "position", "tag_id"),
}


def add_child_rows(
    batches: dict[Table, list[tuple[Any, ...]]],
    engagement_id: int,
    data: EngagementData,
    *,
    restriction_id: Callable[[RestrictionStance], int],
    tag_id: Callable[[str], int],
) -> None:
    """Append the child rows of one engagement to ``batches``, as tuples of ``CHILD_COLUMNS``.

    Catalogue ids come from ``restriction_id`` and ``tag_id``, called in the order
    the restrictions, then the tags, appear.
    """
    eid = engagement_id
    if data.scope_limits:
        batches[tables.scope_limit] += [
            (eid, n, s.kind.value, s.text) for n, s in enumerate(data.scope_limits)
        ]
    if data.restrictions:
        batches[tables.engagement_restriction] += [
            (eid, n, restriction_id(r), r.stance.value, r.note)
            for n, r in enumerate(data.restrictions)
        ]
    if data.clarifications:
        batches[tables.clarification] += [
            (
                eid,
                n,
                c.original_by,
                c.original_on.iso() if c.original_on else None,
                c.original,
                c.clarified_by,
                c.clarified_on.iso() if c.clarified_on else None,
                c.clarification,
                c.source,
            )
            for n, c in enumerate(data.clarifications)
        ]
    if data.status_history:
        batches[tables.status_event] += [
            (
                eid,
                n,
                e.status.value,
                e.on.iso() if e.on else None,
                e.on.first_day.isoformat() if e.on else None,
                e.note,
                e.source,
            )
            for n, e in enumerate(data.status_history)
        ]
    if data.sources:
        batches[tables.source] += [
            (eid, n, s.outlet, s.title, s.url, s.published.iso() if s.published else None)
            for n, s in enumerate(data.sources)
        ]
    if data.concerns:
        batches[tables.concern] += [
            (eid, n, c.kind.value, c.text, c.severity.value if c.severity else None)
            for n, c in enumerate(data.concerns)
        ]
    if data.tags:
        batches[tables.engagement_tag] += [(eid, n, tag_id(t)) for n, t in enumerate(data.tags)]


def insert_rows(
    conn: Connection, table: Table, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    """Insert ``rows`` (tuples of ``columns``) into ``table`` with one executemany.

    Where the driver takes ``?`` placeholders (SQLite), the tuples go to it as they
    are; elsewhere through SQLAlchemy as dictionaries.
    """
    if not rows:
        return
    if conn.dialect.paramstyle == "qmark":
        quote = conn.dialect.identifier_preparer.quote
        names = ", ".join(quote(c) for c in columns)
        marks = ", ".join("?" for _ in columns)
        table_name = conn.dialect.identifier_preparer.format_table(table)
        conn.exec_driver_sql(f"INSERT INTO {table_name} ({names}) VALUES ({marks})", rows)
    else:
        conn.execute(table.insert(), [dict(zip(columns, row, strict=True)) for row in rows])


def fulltext_body(data: EngagementData) -> str:
    """All searchable text of an engagement except its title, one item a line."""
    parts: list[str] = [data.vendor, data.counterpart, data.summary, data.next_step, data.owner]
    parts += data.tags
    parts += [s.text for s in data.scope_limits]
    parts += [f"{r.code} {r.title} {r.note}" for r in data.restrictions]
    for c in data.clarifications:
        parts += [c.original_by, c.original, c.clarified_by, c.clarification, c.source]
    parts += [f"{e.note} {e.source}" for e in data.status_history]
    parts += [f"{s.outlet} {s.title} {s.url}" for s in data.sources]
    parts += [c.text for c in data.concerns]
    return "\n".join(p for p in parts if p and p.strip())


def index(conn: Connection, engagement_id: int, data: EngagementData) -> None:
    """Bring the full-text index of one engagement up to date."""
    fulltext.replace(conn, engagement_id, data.title, fulltext_body(data))


# -- bulk insert ----------------------------------------------------------------


def insert_new(
    conn: Connection,
    items: Sequence[tuple[str | None, EngagementData]],
    *,
    who: str,
    action: str,
) -> list[int]:
    """Insert new engagements with their children, index and audit rows, in bulk.

    ``items`` are (stable id, data); a None stable id gets a fresh one. The stable
    ids must not exist yet. The rows written are those ``_insert`` would write one
    engagement at a time, in the same order and with the same ids (each table's
    ``max(id) + 1`` onwards, read inside the caller's transaction): organisations,
    restrictions and tags are resolved once for all, missing ones created; then each
    table gets one multi-row INSERT. Returns the new engagement ids, in order.
    """
    if not items:
        return []
    now = utc_now()
    organisations = _organisation_ids(
        conn,
        [(o, kind) for _, d in items for o, kind in ((d.vendor, _VENDOR), (d.counterpart, None))],
    )
    restrictions = _restriction_ids(conn, [r for _, d in items for r in d.restrictions])
    tags = _tag_ids(conn, [t for _, d in items for t in d.tags])
    first = _next_id(conn, E)
    engagements: list[tuple[Any, ...]] = []
    children: dict[Table, list[tuple[Any, ...]]] = {t: [] for t in tables.CHILD_TABLES}
    indexed: list[tuple[int, str, str]] = []
    audits: list[tuple[Any, ...]] = []
    restriction_id = _by_code(restrictions)
    values: dict[str, Any] = {}
    for eid, (uid, data) in enumerate(items, start=first):
        vendor = organisations[data.vendor.strip().casefold()]
        counterpart = organisations[data.counterpart.strip().casefold()]
        values = _engagement_columns(data, vendor, counterpart)
        engagements.append((eid, uid or str(uuid.uuid4()), 1, now, now, None, *values.values()))
        add_child_rows(children, eid, data, restriction_id=restriction_id, tag_id=tags.__getitem__)
        indexed.append((eid, data.title, fulltext_body(data)))
        audits.append((now, who, eid, 1, action, "engagement", None, data.title))
    columns = ("id", "uid", "version", "created_at", "updated_at", "deleted_at", *values)
    insert_rows(conn, E, columns, engagements)
    sync_id_sequence(conn, E)
    for table, batch in children.items():
        insert_rows(conn, table, CHILD_COLUMNS[table], batch)
    if conn.dialect.name != "sqlite":
        fulltext.replace_many(conn, indexed)
    else:
        fts = fulltext.FTS_TABLE
        # Nothing should be indexed under the new ids; clear any stale row all the same.
        conn.execute(text(f"DELETE FROM {fts} WHERE rowid >= :first"), {"first": first})
        conn.exec_driver_sql(f"INSERT INTO {fts}(rowid, title, body) VALUES (?, ?, ?)", indexed)
    insert_rows(conn, tables.audit, _AUDIT, audits)
    return [row[0] for row in engagements]


_AUDIT = ("at", "who", "engagement_id", "version", "action", "field", "old", "new")
_VENDOR = OrgKind.VENDOR


def sync_id_sequence(conn: Connection, table: Table) -> None:
    """After rows were inserted with ids given here, move PostgreSQL's id sequence past
    them (SQLite needs nothing: its next id is always one more than the largest)."""
    if conn.dialect.name != "postgresql":
        return
    conn.execute(
        text(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
            f"(SELECT coalesce(max(id), 1) FROM {table.name}))"
        )
    )


def _next_id(conn: Connection, table: Table) -> int:
    """The id SQLite would give the next row: one more than the largest (1 when empty)."""
    return int(conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()) + 1


def _existing(conn: Connection, key: Any, wanted: Sequence[str], *extra: Any) -> list[Any]:
    """Rows (key, id, *extra) whose ``key`` column is one of ``wanted``."""
    table = key.table
    found: list[Any] = []
    for start in range(0, len(wanted), CHUNK):
        part = wanted[start : start + CHUNK]
        found += conn.execute(select(key, table.c.id, *extra).where(key.in_(part))).all()
    return found


def _organisation_ids(
    conn: Connection, names: Sequence[tuple[str, OrgKind | None]]
) -> dict[str, int]:
    """Ids of organisations by name key, created in first-mention order when missing."""
    o = tables.organisation
    first: dict[str, tuple[str, OrgKind | None]] = {}
    for name, kind in names:
        first.setdefault(name.strip().casefold(), (name.strip(), kind))
    ids = {str(k): int(i) for k, i in _existing(conn, o.c.name_key, list(first))}
    new: list[dict[str, Any]] = []
    for key in _missing(conn, o, first, ids):
        name, kind = first[key]
        new.append(
            {"id": ids[key], "name": name, "name_key": key, "kind": kind.value if kind else None}
        )
    if new:
        conn.execute(o.insert(), new)
        sync_id_sequence(conn, o)
    return ids


def _missing(
    conn: Connection, table: Table, wanted: Iterable[str], ids: dict[str, int]
) -> list[str]:
    """The keys of ``wanted`` absent from ``ids``, in order; each is given (in ``ids``)
    the id ``table`` would give it next."""
    missing = [key for key in wanted if key not in ids]
    if missing:
        first = _next_id(conn, table)
        ids.update(zip(missing, range(first, first + len(missing)), strict=True))
    return missing


def _tag_ids(conn: Connection, names: Sequence[str]) -> dict[str, int]:
    """Ids of tags by name, created in first-mention order when missing."""
    t = tables.tag
    wanted = list(dict.fromkeys(names))
    ids = {str(k): int(i) for k, i in _existing(conn, t.c.name, wanted)}
    new = [{"id": ids[name], "name": name} for name in _missing(conn, t, wanted, ids)]
    if new:
        conn.execute(t.insert(), new)
        sync_id_sequence(conn, t)
    return ids


def _restriction_ids(conn: Connection, stances: Sequence[RestrictionStance]) -> dict[str, int]:
    """Ids of catalogued restrictions by code, created in first-mention order when missing.

    As one by one: a new code is catalogued with the title it first comes with, and
    every later non-empty title differing from the catalogue's replaces it.
    """
    r = tables.restriction
    wanted = list(dict.fromkeys(s.code for s in stances))
    stored = {str(c): (int(i), str(t)) for c, i, t in _existing(conn, r.c.code, wanted, r.c.title)}
    titles: dict[str, str] = {}
    for s in stances:
        current = titles.setdefault(s.code, stored[s.code][1] if s.code in stored else s.title)
        if s.title and current != s.title:
            titles[s.code] = s.title
    ids = {code: i for code, (i, _) in stored.items()}
    new = [
        {"id": ids[code], "code": code, "title": titles[code], "description": ""}
        for code in _missing(conn, r, wanted, ids)
    ]
    if new:
        conn.execute(r.insert(), new)
        sync_id_sequence(conn, r)
    retitled = [
        {"rid": i, "new_title": titles[code]}
        for code, (i, title) in stored.items()
        if titles[code] != title
    ]
    if retitled:
        conn.execute(
            r.update().where(r.c.id == bindparam("rid")).values(title=bindparam("new_title")),
            retitled,
        )
    return ids


def _by_code(ids: dict[str, int]) -> Callable[[RestrictionStance], int]:
    return lambda stance: ids[stance.code]


def fulltext_rows(conn: Connection) -> list[tuple[int, str, str]]:
    """(id, title, body) of every engagement, to (re)build the index."""
    ids = [int(i) for i in conn.execute(select(E.c.id).order_by(E.c.id)).scalars()]
    loaded = load(conn, ids)
    return [(i, e.data.title, fulltext_body(e.data)) for i, e in loaded.items()]


# -- audit --------------------------------------------------------------------


def field_text(data: EngagementData, name: str) -> str | None:
    """A field's value as audit text: plain for scalars, JSON for lists."""
    value = data_to_json(data)[name]
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def audit(
    conn: Connection,
    *,
    who: str,
    at: str,
    engagement_id: int,
    version: int,
    action: str,
    changes: Iterable[tuple[str, str | None, str | None]],
) -> None:
    """Record one row per (field, old, new) change."""
    batch = [
        {
            "at": at,
            "who": who,
            "engagement_id": engagement_id,
            "version": version,
            "action": action,
            "field": name,
            "old": old,
            "new": new,
        }
        for name, old, new in changes
    ]
    if batch:
        conn.execute(tables.audit.insert(), batch)


def diff(old: EngagementData, new: EngagementData) -> list[tuple[str, str | None, str | None]]:
    """(field, old text, new text) for every field that differs."""
    return [
        (name, field_text(old, name), field_text(new, name))
        for name in FIELD_NAMES
        if getattr(old, name) != getattr(new, name)
    ]


def fields_changed_since(conn: Connection, engagement_id: int, version: int) -> list[str]:
    """Fields recorded as changed on the engagement after ``version``, in order."""
    a = tables.audit
    rows = conn.execute(
        select(a.c.field)
        .where(a.c.engagement_id == engagement_id, a.c.version > version)
        .order_by(a.c.id)
    ).scalars()
    return list(dict.fromkeys(str(r) for r in rows))


def history(conn: Connection, engagement_id: int) -> list[AuditEntry]:
    """The audit trail of one engagement, newest first."""
    a = tables.audit
    rows = conn.execute(select(a).where(a.c.engagement_id == engagement_id).order_by(a.c.id.desc()))
    return [
        AuditEntry(
            id=r.id,
            at=r.at,
            who=r.who,
            engagement_id=r.engagement_id,
            version=r.version,
            action=r.action,
            field=r.field,
            old=r.old,
            new=r.new,
        )
        for r in rows
    ]


def revision(conn: Connection) -> int:
    """The database's revision: the number of the latest audit entry."""
    return int(conn.execute(select(func.coalesce(func.max(tables.audit.c.id), 0))).scalar_one())
