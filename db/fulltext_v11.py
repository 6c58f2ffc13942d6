"""The upgrade of the full-text index to schema version 11.

Up to version 10 an engagement's index row began with its vendor's and counterpart's
names and held its text as typed (FTS5 folding Latin letters only). From version 11
the names are searched through the organisations' words (``db.org_words``) and the row
holds the text folded by ``fulltext.words`` in every script. On SQLite each stored row
is rewritten from itself: its first two lines dropped when they are the engagement's
names (as ``tracker.domain.search_text`` always wrote them), then folded; a row that
does not start so is made again from the whole engagement. PostgreSQL keeps no text in
its index, so there every row is made again.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, select, text

from db import fulltext, loading, tables
from tracker.domain.search_text import indexed_body

E = tables.engagement
ORG = tables.organisation

# Rows rewritten per statement, engagements read whole per step.
_BATCH = 2000


def upgrade(conn: Connection) -> None:
    """Rewrite every row of the index as version 11 holds it."""
    names = _names(conn)
    if conn.dialect.name != "sqlite":
        conn.execute(text(f"DELETE FROM {fulltext.FTS_TABLE}"))
        _index_whole(conn, names)
        return
    old = f"{fulltext.FTS_TABLE}_v10"
    conn.exec_driver_sql(f"ALTER TABLE {fulltext.FTS_TABLE} RENAME TO {old}")
    fulltext.create(conn)
    again: set[int] = set(names)
    rows = conn.exec_driver_sql(f"SELECT rowid, title, body FROM {old}")
    batch: list[tuple[int, str, str]] = []
    for eid, title, body in rows:
        kept = without_names(str(body), names.get(int(eid)))
        if kept is None:
            continue
        again.discard(int(eid))
        batch.append((int(eid), str(title), kept))
        if len(batch) >= _BATCH:
            fulltext.insert_new(conn, batch)
            batch = []
    fulltext.insert_new(conn, batch)
    conn.exec_driver_sql(f"DROP TABLE {old}")
    _index_whole(conn, again)  # rows missing or not as expected


def _index_whole(conn: Connection, ids: Iterable[int]) -> None:
    """Index engagements ``ids`` from the engagements themselves, read whole."""
    ordered = sorted(ids)
    for start in range(0, len(ordered), _BATCH):
        loaded = loading.load(conn, ordered[start : start + _BATCH])
        fulltext.replace_many(
            conn, [(i, e.data.title, indexed_body(e.data)) for i, e in loaded.items()]
        )


def without_names(body: str, names: tuple[str, str] | None) -> str | None:
    """``body`` without its first two lines when they are ``names`` (any case), else
    None."""
    if names is None:
        return None
    lines = body.split("\n")
    head = [line.casefold() for line in lines[:2]]
    if head != [n.casefold() for n in names]:
        return None
    return "\n".join(lines[2:])


def _names(conn: Connection) -> dict[int, tuple[str, str]]:
    """Each engagement's (vendor, counterpart) names as stored."""
    vendor, counterpart = ORG.alias("v"), ORG.alias("c")
    query = (
        select(E.c.id, vendor.c.name, counterpart.c.name)
        .join(vendor, vendor.c.id == E.c.vendor_id)
        .join(counterpart, counterpart.c.id == E.c.counterpart_id)
    )
    return {int(i): (str(v), str(c)) for i, v, c in conn.execute(query)}
