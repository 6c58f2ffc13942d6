"""The SQL of the managed restriction catalogue: listing with counts, retitling,
describing, aliases and merging two codes into one.

A change that alters how engagements read (a new title, a merged code) writes a new
version of every engagement carrying the restriction, live or in the trash: one
audit entry each for its restrictions, its full-text row rewritten, all in the
caller's transaction and in bulk statements of ``CHUNK`` engagements.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import Connection, bindparam, func, select

from db import audit, fulltext, loading, tables
from db.store import CHILD_COLUMNS, E, chunks, insert_rows, new_id, utc_now
from tracker.domain.interchange import restrictions_json
from tracker.domain.model import RestrictionStance
from tracker.domain.restriction_catalogue import CatalogueEntry, MergePreview
from tracker.domain.search_text import child_block, indexed_body
from tracker.domain.vocab import Stance

R, A, ER = tables.restriction, tables.restriction_alias, tables.engagement_restriction

Rewrite = Callable[[tuple[RestrictionStance, ...]], tuple[RestrictionStance, ...]]


@dataclass(frozen=True)
class Stored:
    """A catalogued restriction as stored."""

    id: int
    code: str
    title: str
    description: str


def entries(conn: Connection) -> list[CatalogueEntry]:
    """Every restriction of the catalogue by code, with its aliases and the number of
    engagements not in the trash that take a stance on it."""
    counted = (
        select(ER.c.restriction_id, func.count())
        .join(E, E.c.id == ER.c.engagement_id)
        .where(E.c.deleted_at.is_(None))
        .group_by(ER.c.restriction_id)
    )
    counts = {int(rid): int(n) for rid, n in conn.execute(counted)}
    aliases: dict[int, list[str]] = defaultdict(list)
    for rid, code in conn.execute(select(A.c.restriction_id, A.c.code).order_by(A.c.code)):
        aliases[int(rid)].append(str(code))
    return [
        CatalogueEntry(
            code=str(r.code),
            title=str(r.title),
            description=str(r.description),
            aliases=tuple(aliases[int(r.id)]),
            engagements=int(counts.get(r.id, 0)),
        )
        for r in conn.execute(select(R).order_by(R.c.code))
    ]


def find(conn: Connection, code: str) -> Stored | None:
    """The restriction of ``code``: its main code, else one of its aliases."""
    row = conn.execute(select(R).where(R.c.code == code)).first()
    if row is None:
        row = conn.execute(
            select(R).join(A, A.c.restriction_id == R.c.id).where(A.c.code == code)
        ).first()
    if row is None:
        return None
    return Stored(int(row.id), str(row.code), str(row.title), str(row.description))


def create(conn: Connection, code: str, title: str, description: str) -> Stored:
    """Catalogue a new restriction."""
    rid = new_id(conn.execute(R.insert().values(code=code, title=title, description=description)))
    return Stored(rid, code, title, description)


def set_description(conn: Connection, restriction_id: int, description: str) -> None:
    """Set a restriction's description (engagements do not carry it: no new versions)."""
    conn.execute(R.update().where(R.c.id == restriction_id).values(description=description))


def add_alias(conn: Connection, restriction_id: int, code: str) -> None:
    """Record ``code`` as an older code of the restriction."""
    conn.execute(A.insert().values(restriction_id=restriction_id, code=code))


def carrying(conn: Connection, restriction_id: int) -> list[int]:
    """The engagements (live and in the trash) taking a stance on the restriction."""
    query = select(ER.c.engagement_id).where(ER.c.restriction_id == restriction_id)
    return sorted({int(i) for i in conn.execute(query).scalars()})


def merge_preview(conn: Connection, source: Stored, target: Stored) -> MergePreview:
    """How many engagements merging ``source`` into ``target`` would write."""
    with_source = set(carrying(conn, source.id))
    both = with_source & set(carrying(conn, target.id))
    trashed = 0
    for part in chunks(sorted(with_source)):
        trashed += int(
            conn.execute(
                select(func.count()).where(E.c.id.in_(part), E.c.deleted_at.is_not(None))
            ).scalar_one()
        )
    return MergePreview(source.code, target.code, len(with_source) - len(both), len(both), trashed)


def retitle(conn: Connection, stored: Stored, title: str, *, who: str) -> frozenset[int]:
    """Give the restriction a new title; every engagement carrying it gets a new version
    (audited, re-indexed). Returns those engagements."""
    # The engagements are read (with the old title, from the catalogue) before the
    # catalogue changes, so that each entry records the old title and the new.
    ids = carrying(conn, stored.id)
    rewrite_stances(
        conn,
        ids,
        lambda stances: tuple(
            replace(s, title=title) if s.code == stored.code else s for s in stances
        ),
        who=who,
        action="retitle",
        rows=False,
    )
    conn.execute(R.update().where(R.c.id == stored.id).values(title=title))
    return frozenset(ids)


def merge(
    conn: Connection, source: Stored, target: Stored, rewrite: Rewrite, *, who: str
) -> frozenset[int]:
    """Merge ``source`` into ``target``: each engagement carrying ``source`` gets the
    stances ``rewrite`` makes (a new version, audited, re-indexed); ``source`` and its
    aliases become aliases of ``target``; ``source`` leaves the catalogue. Returns the
    engagements written."""
    ids = carrying(conn, source.id)
    rewrite_stances(conn, ids, rewrite, who=who, action="merge", rows=True)
    conn.execute(A.update().where(A.c.restriction_id == source.id).values(restriction_id=target.id))
    conn.execute(R.delete().where(R.c.id == source.id))
    add_alias(conn, target.id, source.code)
    if not target.description and source.description:
        set_description(conn, target.id, source.description)
    return frozenset(ids)


def rewrite_stances(
    conn: Connection,
    ids: Sequence[int],
    rewrite: Rewrite,
    *,
    who: str,
    action: str,
    rows: bool,
) -> None:
    """A new version of each of ``ids`` whose stances ``rewrite`` changes: one audit
    entry for its restrictions, its index row, and (``rows``) its stance rows. Only the
    stances and versions are read, not whole engagements."""
    now = utc_now()
    for part in chunks(ids):
        versions = dict(_versions(conn, part))
        changed: list[Changed] = []
        for eid, old in _stances_of(conn, part).items():
            new = rewrite(old)
            if new != old:
                changed.append((eid, versions[eid] + 1, old, new))
        if not changed:
            continue
        conn.execute(
            E.update()
            .where(E.c.id == bindparam("eid"))
            .values(version=bindparam("v"), updated_at=now),
            [{"eid": eid, "v": v} for eid, v, _, _ in changed],
        )
        insert_rows(
            conn,
            tables.audit,
            audit.AUDIT_COLUMNS,
            [
                (now, who, eid, v, action, "restrictions", _text(old), _text(new))
                for eid, v, old, new in changed
            ],
        )
        if rows:
            _write_stance_rows(conn, [(eid, new) for eid, _, _, new in changed])
        _reindex(conn, changed)


Changed = tuple[int, int, tuple[RestrictionStance, ...], tuple[RestrictionStance, ...]]


def _versions(conn: Connection, ids: Sequence[int]) -> list[tuple[int, int]]:
    query = select(E.c.id, E.c.version).where(E.c.id.in_(ids))
    return [(int(i), int(v)) for i, v in conn.execute(query)]


def _stances_of(conn: Connection, ids: Sequence[int]) -> dict[int, tuple[RestrictionStance, ...]]:
    """The stances of each of ``ids``, in the engagement's order (as ``db.loading``)."""
    out: dict[int, list[RestrictionStance]] = defaultdict(list)
    query = (
        select(ER.c.engagement_id, R.c.code, R.c.title, ER.c.stance, ER.c.note)
        .join(R, R.c.id == ER.c.restriction_id)
        .where(ER.c.engagement_id.in_(ids))
        .order_by(ER.c.engagement_id, ER.c.position, ER.c.id)
    )
    for eid, code, title, stance, note in conn.execute(query):
        out[int(eid)].append(RestrictionStance(code, title, Stance(stance), note))
    return {eid: tuple(stances) for eid, stances in out.items()}


def _reindex(conn: Connection, changed: Sequence[Changed]) -> None:
    """Rewrite the index rows: on SQLite the stored body with its restrictions' part
    replaced (``search_text.child_block``), the body alone written (the title stays);
    where the index keeps no text (PostgreSQL) or the part is not found, the row of
    the whole engagement, read again."""
    stored: dict[int, str] = {}
    if conn.dialect.name == "sqlite":
        stored = fulltext.stored_bodies(conn, [eid for eid, _, _, _ in changed])
    bodies: list[tuple[int, str]] = []
    again: dict[int, tuple[RestrictionStance, ...]] = {}
    for eid, _, old, new in changed:
        was, now = child_block("restrictions", old), child_block("restrictions", new)
        body = fulltext.replaced_part(stored.get(eid, ""), was, now)
        if body is not None:
            bodies.append((eid, body))
        else:
            again[eid] = new
    fulltext.replace_bodies(conn, bodies)
    rows: list[tuple[int, str, str]] = []
    for eid, e in loading.load(conn, list(again)).items():
        data = replace(e.data, restrictions=again[eid])
        rows.append((eid, data.title, indexed_body(data)))
    fulltext.replace_many(conn, rows)


def _text(stances: Sequence[RestrictionStance]) -> str:
    """The audit text of an engagement's restrictions, as ``audit.field_text`` writes
    it (without converting the whole engagement)."""
    return json.dumps(restrictions_json(stances), ensure_ascii=False)


def _write_stance_rows(
    conn: Connection, written: Sequence[tuple[int, tuple[RestrictionStance, ...]]]
) -> None:
    """Replace the stance rows of the engagements with their new stances."""
    codes = {s.code for _, stances in written for s in stances}
    ids = {
        str(c): int(i)
        for c, i in conn.execute(select(R.c.code, R.c.id).where(R.c.code.in_(sorted(codes))))
    }
    conn.execute(ER.delete().where(ER.c.engagement_id.in_([eid for eid, _ in written])))
    insert_rows(
        conn,
        ER,
        CHILD_COLUMNS[ER],
        [
            (eid, n, ids[s.code], s.stance.value, s.note)
            for eid, stances in written
            for n, s in enumerate(stances)
        ],
    )
