"""Bulk inserts of new engagements for imports: one multi-row INSERT per table.

The rows written are exactly those the one-at-a-time path (``db.store``) would write,
in the same order and with the same ids; ``tests/tracker/test_bulk_import.py``
compares the two table by table.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, bindparam, func, select, text

from db import fulltext, links, org_words, restriction_aliases, tables
from db.audit import AUDIT_COLUMNS, WHOLE, engagement_text
from db.store import (
    CHILD_COLUMNS,
    CHUNK,
    E,
    add_child_rows,
    alias_owners,
    engagement_columns,
    insert_rows,
    utc_now,
)
from tracker.domain.model import Engagement, EngagementData, RestrictionStance
from tracker.domain.search_text import indexed_body
from tracker.domain.vocab import OrgKind


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
    first = _next_id(conn, E)
    # Restrictions named by an alias code are stored under their main code.
    aliases = restriction_aliases.main_codes(
        conn, (r.code for _, data in items for r in data.restrictions)
    )
    made = [
        Engagement(
            eid,
            uid or str(uuid.uuid4()),
            1,
            restriction_aliases.resolve(data, aliases),
            created_at=now,
            updated_at=now,
        )
        for eid, (uid, data) in enumerate(items, start=first)
    ]
    _insert(conn, made, audited=(who, action))
    return [e.id for e in made]


def insert_stored(conn: Connection, engagements: Sequence[Engagement]) -> None:
    """Insert engagements exactly as given (ids, versions, times, trash), without audit
    entries, into a database that holds none of their ids (nor index rows under them):
    the scratch copy of the record as of a date (``db.as_of``), ascending ids."""
    if engagements:
        _insert(conn, engagements, audited=None)


def _insert(
    conn: Connection, made: Sequence[Engagement], *, audited: tuple[str, str] | None
) -> None:
    """Write ``made`` with their children and index; with ``audited`` (who, action),
    each one's creating audit entry too."""
    organisations = _organisation_ids(
        conn,
        [
            (o, kind)
            for e in made
            for o, kind in ((e.data.vendor, _VENDOR), (e.data.counterpart, None))
        ],
    )
    restrictions = _restriction_ids(conn, [r for e in made for r in e.data.restrictions])
    tags = _tag_ids(conn, [t for e in made for t in e.data.tags])
    # A link may go to an engagement of this batch (its id given here) or one stored.
    linked = links.ids_by_uid(conn, {k.to for e in made for k in e.data.links})
    linked.update((e.uid, e.id) for e in made)
    engagements: list[tuple[Any, ...]] = []
    children: dict[Table, list[tuple[Any, ...]]] = {t: [] for t in tables.CHILD_TABLES}
    indexed: list[tuple[int, str, str]] = []
    audits: list[tuple[Any, ...]] = []
    restriction_id = _by_code(restrictions)
    values: dict[str, Any] = {}
    for e in made:
        data, eid = e.data, e.id
        vendor, vendor_name = organisations[data.vendor.strip().casefold()]
        counterpart, counterpart_name = organisations[data.counterpart.strip().casefold()]
        values = engagement_columns(data, vendor, counterpart)
        heads = (eid, e.uid, e.version, e.created_at, e.updated_at, e.deleted_at)
        engagements.append((*heads, *values.values()))
        add_child_rows(
            children,
            eid,
            data,
            restriction_id=restriction_id,
            tag_id=tags.__getitem__,
            link_id=linked.get,
        )
        indexed.append((eid, data.title, indexed_body(data)))
        if audited is not None:
            # The creating entry records the engagement as stored, as db.store's does.
            stored = dataclasses.replace(data, vendor=vendor_name, counterpart=counterpart_name)
            whole = engagement_text(stored, e.uid)
            audits.append((e.created_at, audited[0], eid, 1, audited[1], WHOLE, None, whole))
    columns = ("id", "uid", "version", "created_at", "updated_at", "deleted_at", *values)
    insert_rows(conn, E, columns, engagements)
    sync_id_sequence(conn, E)
    for table, batch in children.items():
        insert_rows(conn, table, CHILD_COLUMNS[table], batch)
    if conn.dialect.name != "sqlite":
        fulltext.replace_many(conn, indexed)
    else:
        fts = fulltext.FTS_TABLE
        if audited is not None:
            # Nothing should be indexed under the new ids (each past the largest); clear
            # any stale row all the same. Not so for stored ones: in a copy of the record
            # as of a date they go back among others (whose rows stay), their own removed.
            conn.execute(text(f"DELETE FROM {fts} WHERE rowid >= :first"), {"first": made[0].id})
        fulltext.insert_new(conn, indexed)
    insert_rows(conn, tables.audit, AUDIT_COLUMNS, audits)


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
) -> dict[str, tuple[int, str]]:
    """Ids and stored spellings of organisations by name key, created in first-mention
    order when missing."""
    o = tables.organisation
    first: dict[str, tuple[str, OrgKind | None]] = {}
    for name, kind in names:
        first.setdefault(name.strip().casefold(), (name.strip(), kind))
    found = _existing(conn, o.c.name_key, list(first), o.c.name)
    ids = {str(k): int(i) for k, i, _ in found}
    spelling = {str(k): str(n) for k, _, n in found}
    for key, (oid, name) in alias_owners(conn, [k for k in first if k not in ids]).items():
        ids[key], spelling[key] = oid, name  # "Pentagon" is the DoD
    new: list[dict[str, Any]] = []
    for key in _missing(conn, o, first, ids):
        name, kind = first[key]
        spelling[key] = name
        new.append(
            {"id": ids[key], "name": name, "name_key": key, "kind": kind.value if kind else None}
        )
    if new:
        conn.execute(o.insert(), new)
        sync_id_sequence(conn, o)
        org_words.add_new(conn, {row["id"]: row["name"] for row in new})
    return {key: (ids[key], spelling[key]) for key in first}


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
