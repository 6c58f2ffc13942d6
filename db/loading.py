"""Reading whole engagements: each with all its children, in a few queries per chunk."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, inspect, select

from db import links, tables
from db.store import CHUNK, E, chunks, partial_date
from tracker.domain.model import (
    Clarification,
    Concern,
    Engagement,
    EngagementData,
    EngagementLink,
    RestrictionStance,
    ScopeLimit,
    Source,
    StatusEvent,
)
from tracker.domain.search_text import indexed_body
from tracker.domain.vocab import (
    ConcernKind,
    Confidence,
    Region,
    ScopeKind,
    Severity,
    Stance,
    Status,
)


def load(conn: Connection, ids: Sequence[int], *, linked: bool = True) -> dict[int, Engagement]:
    """Full engagements (children included) for ``ids``, keyed by id; missing ids are absent.
    Without ``linked`` (a migration from before schema 10, when there were no links),
    the link table is not read."""
    out: dict[int, Engagement] = {}
    for part in chunks(list(ids)):
        out.update(_load_chunk(conn, part, linked))
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


def _load_chunk(conn: Connection, ids: Sequence[int], with_links: bool) -> dict[int, Engagement]:
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
    linked = links.ends(conn, ids) if with_links else defaultdict(list)

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
            started=partial_date(h.started),
            follow_up=partial_date(h.follow_up),
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
                    original_on=partial_date(c.original_on),
                    original=c.original,
                    clarified_by=c.clarified_by,
                    clarified_on=partial_date(c.clarified_on),
                    clarification=c.clarification,
                    source=c.source,
                )
                for c in clar[i]
            ),
            status_history=tuple(
                StatusEvent(Status(e.status), partial_date(e.on), e.note, e.source)
                for e in events[i]
            ),
            sources=tuple(
                Source(s.outlet, s.title, s.url, partial_date(s.published)) for s in sources[i]
            ),
            concerns=tuple(
                Concern(ConcernKind(c.kind), c.text, Severity(c.severity) if c.severity else None)
                for c in concerns[i]
            ),
            links=tuple(
                EngagementLink(k.uid, k.kind, k.on, k.note) for k in linked[i] if not k.incoming
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
            linked=tuple(linked[i]),
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


def fulltext_rows(conn: Connection) -> list[tuple[int, str, str]]:
    """(id, title, body) of every engagement, to (re)build the index."""
    ids = [int(i) for i in conn.execute(select(E.c.id).order_by(E.c.id)).scalars()]
    loaded = load(conn, ids, linked=inspect(conn).has_table(tables.engagement_link.name))
    return [(i, e.data.title, indexed_body(e.data)) for i, e in loaded.items()]
