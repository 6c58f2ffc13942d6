"""Reading and writing whole engagements on an open connection.

The service layer owns transactions; these functions do the work inside one: write
an engagement and its children, keep the full-text index in step, and record the
audit trail (``db.audit``). Reading is ``db.loading``; bulk imports ``db.bulk``.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, CursorResult, Table, select

from db import audit, fulltext, links, org_words, restriction_aliases, tables
from tracker.domain.dates import PartialDate
from tracker.domain.fields import LIST_KEYS
from tracker.domain.model import (
    Engagement,
    EngagementData,
    RestrictionStance,
)
from tracker.domain.search_text import indexed_body
from tracker.domain.vocab import (
    OrgKind,
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


def partial_date(text: str | None) -> PartialDate | None:
    """The partial date stored as ISO text, or None."""
    return PartialDate.from_iso(text) if text else None


def _date_columns(value: PartialDate | None) -> tuple[str | None, str | None, str | None]:
    if value is None:
        return None, None, None
    return value.iso(), value.first_day.isoformat(), value.last_day.isoformat()


# -- writing ------------------------------------------------------------------


def new_id(result: CursorResult[Any]) -> int:
    """The primary key an INSERT just created."""
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def named_organisation(conn: Connection, name: str) -> tuple[int, str] | None:
    """The id and stored name of the organisation called ``name`` or having it as an
    alias (any case), or None."""
    o, a = tables.organisation, tables.organisation_alias
    key = name.strip().casefold()
    row = conn.execute(select(o.c.id, o.c.name).where(o.c.name_key == key)).first()
    if row is None:
        row = conn.execute(
            select(o.c.id, o.c.name)
            .join(a, a.c.organisation_id == o.c.id)
            .where(a.c.alias_key == key)
        ).first()
    return None if row is None else (int(row.id), str(row.name))


def alias_owners(conn: Connection, keys: Sequence[str]) -> dict[str, tuple[int, str]]:
    """The id and stored name of the organisation each alias key of ``keys`` names."""
    o, a = tables.organisation, tables.organisation_alias
    found: dict[str, tuple[int, str]] = {}
    for start in range(0, len(keys), CHUNK):
        part = keys[start : start + CHUNK]
        rows = conn.execute(
            select(a.c.alias_key, o.c.id, o.c.name)
            .join(o, o.c.id == a.c.organisation_id)
            .where(a.c.alias_key.in_(part))
        )
        found.update({str(r.alias_key): (int(r.id), str(r.name)) for r in rows})
    return found


def organisation_id(conn: Connection, name: str, kind: OrgKind | None) -> int:
    """The id of the organisation called ``name`` (any case, or an alias of it), created
    when new."""
    o = tables.organisation
    key = name.strip().casefold()
    found = named_organisation(conn, name)
    if found is not None:
        return found[0]
    result = conn.execute(
        o.insert().values(name=name.strip(), name_key=key, kind=kind.value if kind else None)
    )
    org_id = new_id(result)
    org_words.add_new(conn, {org_id: name.strip()})
    return org_id


def organisation_name(conn: Connection, name: str) -> str:
    """The stored name of the organisation called ``name`` (any case, or an alias of it),
    else ``name``."""
    found = named_organisation(conn, name)
    return found[1] if found is not None else name


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
    return engagement_columns(data, vendor_id, organisation_id(conn, data.counterpart, None))


def engagement_columns(data: EngagementData, vendor_id: int, counterpart_id: int) -> dict[str, Any]:
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
        link_id=links.ids_by_uid(conn, (k.to for k in data.links)).get,
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
    tables.engagement_link: links.COLUMNS,
}


def add_child_rows(
    batches: dict[Table, list[tuple[Any, ...]]],
    engagement_id: int,
    data: EngagementData,
    *,
    restriction_id: Callable[[RestrictionStance], int],
    tag_id: Callable[[str], int],
    link_id: Callable[[str], int | None],
) -> None:
    """Append the child rows of one engagement to ``batches``, as tuples of ``CHILD_COLUMNS``.

    Catalogue ids come from ``restriction_id`` and ``tag_id``, called in the order
    the restrictions, then the tags, appear; the ids of the engagements linked to from
    ``link_id`` (None: not stored yet, the link is written later, ``links.rewrite``).
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
    if data.links:
        batches[tables.engagement_link] += links.rows(eid, data.links, link_id)


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


def index(conn: Connection, engagement_id: int, data: EngagementData) -> None:
    """Bring the full-text index of one engagement up to date."""
    fulltext.replace(conn, engagement_id, data.title, indexed_body(data))


# -- one engagement at a time ------------------------------------------------------


def insert_engagement(
    conn: Connection, data: EngagementData, *, uid: str | None, who: str, action: str
) -> int:
    """Insert a new engagement with its children, index and creating audit entry (which
    records the whole engagement as stored: organisations in their stored spelling)."""
    data = restriction_aliases.resolve_one(conn, data)
    now = utc_now()
    uid = uid or str(uuid.uuid4())
    result = conn.execute(
        E.insert().values(
            uid=uid,
            version=1,
            created_at=now,
            updated_at=now,
            deleted_at=None,
            **engagement_values(conn, data),
        )
    )
    eid = new_id(result)
    write_children(conn, eid, data)
    index(conn, eid, data)
    stored = dataclasses.replace(
        data,
        vendor=organisation_name(conn, data.vendor),
        counterpart=organisation_name(conn, data.counterpart),
    )
    audit.audit(
        conn,
        who=who,
        at=now,
        engagement_id=eid,
        version=1,
        action=action,
        changes=[(audit.WHOLE, None, audit.engagement_text(stored, uid))],
    )
    return eid


def replace_engagement(
    conn: Connection, current: Engagement, data: EngagementData, *, who: str, action: str
) -> frozenset[str]:
    """Write ``data`` over ``current`` (a new version, audited); returns the names of
    the fields that changed, empty when nothing did (then nothing is written)."""
    # Organisations are shared regardless of case: compare with the stored spelling;
    # restrictions under their main codes.
    data = dataclasses.replace(
        restriction_aliases.resolve_one(conn, data),
        vendor=organisation_name(conn, data.vendor),
        counterpart=organisation_name(conn, data.counterpart),
    )
    changes = audit.diff(current.data, data)
    if not changes:
        return frozenset()
    changed = frozenset(name for name, _, _ in changes)
    _new_version(
        conn, current, who=who, action=action, changes=changes, **engagement_values(conn, data)
    )
    if changed & LIST_KEYS:
        write_children(conn, current.id, data)
    index(conn, current.id, data)
    return changed


def set_deleted(conn: Connection, current: Engagement, *, deleted: bool, who: str) -> bool:
    """Move an engagement into the trash or out of it (a new version, audited); False
    when it already was where it should be."""
    if current.deleted == deleted:
        return False
    now = utc_now()
    _new_version(
        conn,
        current,
        who=who,
        action="delete" if deleted else "restore",
        changes=[("deleted", current.deleted_at, now if deleted else None)],
        at=now,
        deleted_at=now if deleted else None,
    )
    return True


def _new_version(
    conn: Connection,
    current: Engagement,
    *,
    who: str,
    action: str,
    changes: list[tuple[str, str | None, str | None]],
    at: str | None = None,
    **columns: Any,
) -> None:
    """Write the engagement's next version: ``columns``, a new version number and time,
    and one audit row per change, at one moment (``at``, else now)."""
    now = at or utc_now()
    version = current.version + 1
    conn.execute(
        E.update().where(E.c.id == current.id).values(version=version, updated_at=now, **columns)
    )
    audit.audit(
        conn,
        who=who,
        at=now,
        engagement_id=current.id,
        version=version,
        action=action,
        changes=changes,
    )
