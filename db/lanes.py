"""What the timeline reads: the lanes of given engagements, and the days a filter spans.

The timeline holds only the ordered ids of the filter; the lanes it shows are read here
for those ids alone (two statements: the engagements, then their status events in
order), and the extent of its time axis is one aggregate over the filter, so that a
timeline of 100,000 engagements never reads them all.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from sqlalchemy import Connection, func, select

from db import queries, tables
from db.store import E, chunks, partial_date
from tracker.domain.lanes import DaySpan, Lane, LaneEvent, shifted
from tracker.domain.model import Filters
from tracker.domain.vocab import Status

SE = tables.status_event


def lanes(conn: Connection, ids: Sequence[int]) -> list[Lane]:
    """The lanes of ``ids``, in that order (unknown ids are skipped)."""
    heads: dict[int, tuple[str, Status, str | None, str | None]] = {}
    events: dict[int, list[LaneEvent]] = {}
    for part in chunks(list(ids)):
        engagements = select(E.c.id, E.c.title, E.c.status, E.c.follow_up, E.c.started).where(
            E.c.id.in_(part)
        )
        for r in conn.execute(engagements):
            heads[r.id] = (r.title, Status(r.status), r.follow_up, r.started)
        history = (
            select(SE.c.engagement_id, SE.c.status, SE.c.on)
            .where(SE.c.engagement_id.in_(part))
            .order_by(SE.c.engagement_id, SE.c.position, SE.c.id)
        )
        for engagement_id, status, on in conn.execute(history):
            events.setdefault(engagement_id, []).append(LaneEvent(Status(status), partial_date(on)))
    return [
        Lane(
            id=i,
            title=heads[i][0],
            status=heads[i][1],
            events=tuple(events.get(i, ())),
            follow_up=partial_date(heads[i][2]),
            started=partial_date(heads[i][3]),
        )
        for i in ids
        if i in heads
    ]


def extent(conn: Connection, filters: Filters) -> DaySpan | None:
    """The days from the earliest status event or start to the latest status event or
    follow-up of the engagements matching ``filters``; None when they have no dates."""
    if queries.whole_live_table(filters):
        # Every live engagement: the events of all but the (few, indexed) trashed ones,
        # and the start and follow-up each read off its own index.
        trashed = select(E.c.id).where(E.c.deleted_at.is_not(None))
        events = select(func.min(SE.c.on_from), func.max(SE.c.on_from)).where(
            SE.c.engagement_id.not_in(trashed)
        )
        live = E.c.deleted_at.is_(None)
        first_start = select(func.min(E.c.started_from)).where(live).scalar_subquery()
        last_follow_up = (
            select(func.max(E.c.follow_up_to))
            .where(live, E.c.follow_up_to.is_not(None))
            .scalar_subquery()
        )
        own = select(first_start, last_follow_up)
    else:
        where = queries.where_clauses(filters, conn.dialect.name)
        events = (
            select(func.min(SE.c.on_from), func.max(SE.c.on_from))
            .select_from(SE.join(E, E.c.id == SE.c.engagement_id))
            .where(*where)
        )
        own = select(func.min(E.c.started_from), func.max(E.c.follow_up_to)).where(*where)
    first_event, last_event = conn.execute(events).one()
    first_start, last_follow_up = conn.execute(own).one()
    firsts = [d for d in (first_event, first_start) if d]
    lasts = [d for d in (last_event, last_follow_up) if d]
    if not firsts or not lasts:
        return None
    first = datetime.date.fromisoformat(min(firsts))
    last = datetime.date.fromisoformat(max(lasts))
    return DaySpan(first, shifted(max(last, first), 1))
