"""The changes feed as SQL: the audit entries of a period, newest first, a page at a time.

A period is a span of time (``since`` ≤ at < ``until``, read along ``ix_audit_at``
backwards) or the entries after an audit revision (``after``: exact, what "since that
briefing" means, read along the primary key). The entries are those of the engagements
that match the filter as they are now (``db.queries.where_clauses``, the filter of
every list); the baselines of schema 5 are no changes and are left out. A page ends
at ``limit`` entries; the next starts after the last one's (at, id) key.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, and_, or_, select, text

from db import queries, tables
from tracker.domain.change_words import ChangeRow
from tracker.domain.model import Filters

A = tables.audit
E = tables.engagement


@dataclass(frozen=True)
class Span:
    """Which entries: at in [since, until) (ISO text, either open), id > after, and
    id <= through (the revision a briefing was read at)."""

    since: str | None = None
    until: str | None = None
    after: int | None = None
    through: int | None = None


def changes_query(
    filters: Filters,
    span: Span,
    *,
    dialect: str,
    limit: int | None,
    before: tuple[str, int] | None = None,
) -> Select[Any]:
    """SELECT of up to ``limit`` entries of ``span`` (all when None) newest first, (at,
    id) descending, starting after the entry keyed ``before``."""
    query = (
        select(A.c.id, A.c.at, A.c.who, A.c.engagement_id, E.c.uid, E.c.title, A.c.version)
        .add_columns(A.c.action, A.c.field, A.c.old, A.c.new)
        .select_from(A.join(E, E.c.id == A.c.engagement_id))
        .where(*_span_clauses(span), text(tables.CHANGE_ENTRY))
        .where(*queries.where_clauses(filters, dialect))
    )
    if before is not None:
        at, entry = before
        query = query.where(or_(A.c.at < at, and_(A.c.at == at, A.c.id < entry)))
    query = query.order_by(A.c.at.desc(), A.c.id.desc())
    return query.limit(limit) if limit is not None else query


def changes_page(
    conn: Connection,
    filters: Filters,
    span: Span,
    *,
    limit: int | None,
    before: tuple[str, int] | None = None,
) -> list[ChangeRow]:
    """The entries of :func:`changes_query`, as rows of the feed."""
    query = changes_query(filters, span, dialect=conn.dialect.name, limit=limit, before=before)
    return [
        ChangeRow(
            id=int(r.id),
            at=str(r.at),
            who=str(r.who),
            engagement=int(r.engagement_id),
            uid=str(r.uid),
            title=str(r.title),
            version=int(r.version),
            action=str(r.action),
            field=str(r.field),
            old=r.old,
            new=r.new,
        )
        for r in conn.execute(query)
    ]


def _span_clauses(span: Span) -> list[Any]:
    out: list[Any] = []
    if span.since is not None:
        out.append(A.c.at >= span.since)
    if span.until is not None:
        out.append(A.c.at < span.until)
    if span.after is not None:
        out.append(A.c.id > span.after)
    if span.through is not None:
        out.append(A.c.id <= span.through)
    return out
