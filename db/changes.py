"""The changes feed as SQL: the audit entries of a period, newest first, a page at a time.

A period is a span of time (``since`` ≤ at < ``until``, read along ``ix_audit_at``
backwards) or the entries after an audit revision (``after``: exact, what "since that
briefing" means, read along the primary key). The entries are those of the engagements
that match the filter as they are now (``db.queries.where_clauses``, the filter of
every list); the baselines of schema 5 are no changes and are left out. A page ends
at ``limit`` entries; the next starts after the last one's (at, id) key.

Two plans, chosen by how much matches (SQLite has no statistics to choose by): when at
most ``FEW`` engagements match and they have at most ``FEW_ENTRIES`` entries in all,
their entries are read by engagement (``ix_audit_engagement``) and sorted; otherwise
the period is walked newest first along ``ix_audit_at`` until a page is full, which
takes about ``limit`` × entries / entries of the matching engagements steps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, and_, func, literal, or_, select, text

from db import queries, tables
from tracker.domain.change_words import ChangeRow
from tracker.domain.model import Filters

A = tables.audit
E = tables.engagement

# Reading every entry of the matching engagements (one row each, then a sort) costs
# less than the walk along the time index while they are this few: at 100,000
# engagements with a dozen entries each, 1,000 of them leave the walk about 20,000
# steps for a page of 200, as long as reading their 10,000-odd entries by engagement.
FEW = 1000
FEW_ENTRIES = 10_000


@dataclass(frozen=True)
class Span:
    """Which entries: at in [since, until) (ISO text, either open), id > after, and
    id <= through (the revision a briefing was read at)."""

    since: str | None = None
    until: str | None = None
    after: int | None = None
    through: int | None = None


def matching_query(filters: Filters, *, dialect: str, limit: int) -> Select[Any]:
    """SELECT of the ids of up to ``limit`` engagements matching ``filters``."""
    return select(E.c.id).where(*queries.where_clauses(filters, dialect)).limit(limit)


def entries_count_query(engagements: Sequence[int], *, limit: int) -> Select[Any]:
    """SELECT of how many entries (up to ``limit``) the engagements have, all actions:
    ``ix_audit_engagement`` alone answers it."""
    entries = select(literal(1)).where(A.c.engagement_id.in_(list(engagements))).limit(limit)
    return select(func.count()).select_from(entries.subquery())


def changes_query(
    engagements: Filters | Sequence[int],
    span: Span,
    *,
    dialect: str,
    limit: int | None,
    before: tuple[str, int] | None = None,
) -> Select[Any]:
    """SELECT of up to ``limit`` entries of ``span`` (all when None) newest first, (at,
    id) descending, starting after the entry keyed ``before``, of the engagements
    matching a filter (walked along the time index) or of the given ids (read by
    engagement)."""
    if isinstance(engagements, Filters):
        # ``+ 0``: no index for the join from engagement to audit, so the walk goes
        # from the entries (newest first) to their engagement, never the other way.
        joined = A.join(E, E.c.id == A.c.engagement_id + 0)
        chosen = queries.where_clauses(engagements, dialect)
    else:
        joined = A.join(E, E.c.id == A.c.engagement_id)
        chosen = [A.c.engagement_id.in_(list(engagements))]
    query = (
        select(A.c.id, A.c.at, A.c.who, A.c.engagement_id, E.c.uid, E.c.title, A.c.version)
        .add_columns(A.c.action, A.c.field, A.c.old, A.c.new)
        .select_from(joined)
        .where(*_span_clauses(span), text(tables.CHANGE_ENTRY), *chosen)
    )
    if before is not None:
        at, entry = before
        query = query.where(or_(A.c.at < at, and_(A.c.at == at, A.c.id < entry)))
    query = query.order_by(A.c.at.desc(), A.c.id.desc())
    return query.limit(limit) if limit is not None else query


def engagements_to_read(conn: Connection, filters: Filters) -> Filters | tuple[int, ...]:
    """The ids matching ``filters`` when they are few (``FEW``, ``FEW_ENTRIES``), else
    ``filters``: what :func:`changes_query` is given."""
    query = matching_query(filters, dialect=conn.dialect.name, limit=FEW + 1)
    ids = tuple(int(i) for i in conn.execute(query).scalars())
    if len(ids) > FEW:
        return filters
    entries = conn.execute(entries_count_query(ids, limit=FEW_ENTRIES + 1)).scalar_one()
    return ids if entries <= FEW_ENTRIES else filters


def changes_page(
    conn: Connection,
    filters: Filters,
    span: Span,
    *,
    limit: int | None,
    before: tuple[str, int] | None = None,
) -> list[ChangeRow]:
    """The entries of :func:`changes_query`, as rows of the feed, by the plan that
    suits how many engagements match (one read transaction: the caller's)."""
    engagements = engagements_to_read(conn, filters)
    query = changes_query(engagements, span, dialect=conn.dialect.name, limit=limit, before=before)
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
