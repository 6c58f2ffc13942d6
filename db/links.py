"""Links between engagements as SQL: each end named, the stored ordering links, and
rewriting an engagement's own links.

A link row (``engagement_link``) belongs to the engagement it starts from and names
the other end by id; in data and files the other end is its stable id (uid). Writing
the rows goes with the engagement's other children (``db.store``, ``db.bulk``); the
links of an import are written again once all its engagements exist (``rewrite``), so
that one may link to another later in the same file.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, select

from db import tables
from tracker.domain.dates import PartialDate
from tracker.domain.links import Edge
from tracker.domain.model import EngagementLink, LinkEnd
from tracker.domain.vocab import ACYCLIC_LINK_KINDS, LinkKind

L = tables.engagement_link
E = tables.engagement
CHUNK = 500
COLUMNS: tuple[str, ...] = (
    "engagement_id",
    "position",
    "to_id",
    "kind",
    "on",
    "on_from",
    "on_to",
    "note",
)


def rows(
    engagement_id: int, links: Sequence[EngagementLink], to_id: Callable[[str], int | None]
) -> list[tuple[Any, ...]]:
    """The link rows of one engagement, as tuples of ``COLUMNS``; a link whose other end
    is not stored (``to_id`` gives None) is left out (validation refused it before)."""
    out: list[tuple[Any, ...]] = []
    for n, link in enumerate(links):
        target = to_id(link.to)
        if target is None:
            continue
        on = link.on
        days = (on.iso(), on.first_day.isoformat(), on.last_day.isoformat()) if on else (None,) * 3
        out.append((engagement_id, n, target, link.kind.value, *days, link.note))
    return out


def ids_by_uid(conn: Connection, uids: Iterable[str]) -> dict[str, int]:
    """The ids of the stored engagements among ``uids``."""
    return {uid: i for uid, (i, _) in targets(conn, uids).items()}


def targets(conn: Connection, uids: Iterable[str]) -> dict[str, tuple[int, bool]]:
    """(id, in the trash) of the stored engagements among ``uids``, by uid."""
    wanted = list(dict.fromkeys(uids))
    out: dict[str, tuple[int, bool]] = {}
    for start in range(0, len(wanted), CHUNK):
        part = wanted[start : start + CHUNK]
        query = select(E.c.uid, E.c.id, E.c.deleted_at).where(E.c.uid.in_(part))
        for uid, eid, deleted_at in conn.execute(query):
            out[str(uid)] = (int(eid), deleted_at is not None)
    return out


def ordering_edges(conn: Connection, *, leaving_out: Iterable[str] = ()) -> list[Edge]:
    """The stored links of the kinds that may not loop, by stable ids; those starting
    at ``leaving_out`` (engagements whose links are being replaced) are left out."""
    start, end = E.alias("start"), E.alias("end")
    query = (
        select(start.c.uid, end.c.uid, L.c.kind)
        .join(start, start.c.id == L.c.engagement_id)
        .join(end, end.c.id == L.c.to_id)
        .where(L.c.kind.in_([k.value for k in ACYCLIC_LINK_KINDS]))
    )
    skipped = set(leaving_out)
    return [
        Edge(str(a), str(b), LinkKind(kind))
        for a, b, kind in conn.execute(query)
        if a not in skipped
    ]


def rewrite(conn: Connection, items: Sequence[tuple[int, Sequence[EngagementLink]]]) -> None:
    """Replace the link rows of each engagement of ``items`` (id, its links)."""
    if not items:
        return
    ids = ids_by_uid(conn, (link.to for _, links in items for link in links))
    for start in range(0, len(items), CHUNK):
        part = [eid for eid, _ in items[start : start + CHUNK]]
        conn.execute(L.delete().where(L.c.engagement_id.in_(part)))
    new = [row for eid, links in items for row in rows(eid, links, ids.get)]
    if new:
        conn.execute(L.insert(), [dict(zip(COLUMNS, row, strict=True)) for row in new])


def ends(conn: Connection, ids: Sequence[int]) -> dict[int, list[LinkEnd]]:
    """The links of engagements ``ids`` from both ends, the other engagement named:
    first those they start (in their order), then those that come to them (by the
    other engagement's number); a link from an engagement in the trash is left out."""
    out: dict[int, list[LinkEnd]] = defaultdict(list)
    other = E.alias("other")
    columns: tuple[Any, ...] = (other.c.id, other.c.uid, other.c.title, other.c.deleted_at)
    columns += (other.c.marking, L.c.kind, L.c.on, L.c.note)
    outgoing = (
        select(L.c.engagement_id, *columns)
        .join(other, other.c.id == L.c.to_id)
        .where(L.c.engagement_id.in_(ids))
        .order_by(L.c.engagement_id, L.c.position, L.c.id)
    )
    incoming = (
        select(L.c.to_id, *columns)
        .join(other, other.c.id == L.c.engagement_id)
        .where(L.c.to_id.in_(ids), other.c.deleted_at.is_(None))
        .order_by(L.c.to_id, other.c.id, L.c.position)
    )
    for query, incoming_side in ((outgoing, False), (incoming, True)):
        for eid, number, uid, title, deleted_at, marking, kind, on, note in conn.execute(query):
            out[int(eid)].append(
                LinkEnd(
                    kind=LinkKind(kind),
                    incoming=incoming_side,
                    number=int(number),
                    uid=str(uid),
                    title=str(title),
                    on=PartialDate.from_iso(on) if on else None,
                    note=str(note),
                    deleted=deleted_at is not None,
                    marking=str(marking),
                )
            )
    return out
