"""What tables and pick-lists show: flat rows for ids, names in use, the catalogue."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, func, select

from db import queries, tables
from db.store import E, chunks, partial_date
from tracker.domain.model import EngagementRow, Filters
from tracker.domain.vocab import Confidence, Region, Status


def rows(conn: Connection, ids: Sequence[int]) -> list[EngagementRow]:
    """Table rows for ``ids``, in the same order (unknown ids are skipped)."""
    vendor = tables.organisation.alias("vendor")
    counterpart = tables.organisation.alias("counterpart")
    found: dict[int, EngagementRow] = {}
    for part in chunks(list(ids)):
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
                follow_up=partial_date(r.follow_up),
                version=r.version,
                deleted=r.deleted_at is not None,
            )
    return [found[i] for i in ids if i in found]


def due(conn: Connection, filters: Filters) -> list[tuple[Any, ...]]:
    """(id, uid, title, status, follow_up, updated_at) of the engagements matching
    ``filters`` that have a follow-up, by the day it falls due, then by id.

    On SQLite the rows come through the driver's cursor: a due list can be tens of
    thousands long, and SQLAlchemy's row processing would cost more than the query.
    """
    statement = queries.due_query(filters, conn.dialect.name)
    if conn.dialect.name != "sqlite":
        return [tuple(row) for row in conn.execute(statement)]
    sql, params = queries.compiled(statement, conn.dialect)
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql, params)
        return list(cursor.fetchall())
    finally:
        cursor.close()


NAME_KINDS = ("vendor", "counterpart", "tag", "restriction", "owner")


def names(conn: Connection, kind: str) -> list[str]:
    """Names in use for pick-lists, by ``kind`` (one of ``NAME_KINDS``)."""
    o = tables.organisation
    if kind in ("vendor", "counterpart"):
        column = E.c.vendor_id if kind == "vendor" else E.c.counterpart_id
        query = select(o.c.name).where(o.c.id.in_(select(column))).order_by(o.c.name_key)
    elif kind == "tag":
        t, et = tables.tag, tables.engagement_tag
        query = select(t.c.name).where(t.c.id.in_(select(et.c.tag_id))).order_by(t.c.name)
    elif kind == "restriction":
        query = select(tables.restriction.c.code).order_by(tables.restriction.c.code)
    elif kind == "owner":
        query = select(E.c.owner).where(E.c.owner != "").distinct().order_by(E.c.owner)
    else:
        raise ValueError(f'unknown kind of name "{kind}"')
    return [str(n) for n in conn.execute(query).scalars()]


def restriction_catalogue(conn: Connection) -> list[tuple[str, str]]:
    """The shared restriction catalogue as (code, title), by code."""
    r = tables.restriction
    return [
        (str(c), str(t)) for c, t in conn.execute(select(r.c.code, r.c.title).order_by(r.c.code))
    ]


def markings_in_use(conn: Connection) -> set[str]:
    """Every marking some engagement (live or in the trash) carries."""
    return {str(m) for m in conn.execute(select(E.c.marking).distinct()).scalars()}


def engagement_total(conn: Connection) -> int:
    """How many engagements are stored, the trash included."""
    return int(conn.execute(select(func.count()).select_from(E)).scalar_one())
