"""The record as it stood at a moment, rebuilt from the audit trail.

An engagement's state at a moment is where its trail arrives when replayed up to that
moment (``db.audit_replay.Trail``, the one home of how a trail replays): the entries
written at or before it, in id order (one writer at a time holds the write lock, so
entry ids and times rise together). Beside the interchange object the trail gives the
version, the time of the latest entry (``updated_at``: every version's entries are
written at that version's ``updated_at``) and the trash; the number, stable id and
``created_at`` never change and are read from the engagement's row.

An engagement created before the moment whose trail starts later (a database older
than schema 5: its replayable trail begins at the baseline the upgrade wrote) has no
state there: ``Rebuilt.obj`` is None, and the caller says it cannot be rebuilt.

Filtering the record as of a date reuses the ordinary list query unchanged, on a
scratch SQLite database with the program's own schema, where ``db.ids`` /
``db.listing`` run as on any database, so no filter's meaning is stated a second time.
On SQLite the scratch is a copy of the open database (:func:`copy_of`, one snapshot
by the backup API) in which only the engagements the trail changed after the moment
(:func:`changed_after`) are put back as they stood (:func:`put_back`); on PostgreSQL
it is written whole from every rebuilt engagement (:func:`scratch`).
"""

from __future__ import annotations

import copy
import datetime
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, select, text

from db import bulk, fulltext, tables
from db.audit_replay import REPLAY_CHUNK, Trail, replay
from db.store import CHUNK, E, chunks
from tracker.domain.change_words import BASELINE
from tracker.domain.model import Engagement

A = tables.audit
_ENTRY = (A.c.engagement_id, A.c.version, A.c.field, A.c.new, A.c.at, A.c.action)
SCRATCH_CHUNK = 5000  # engagements written into the scratch database per bulk insert


def end_of_day(day: datetime.date) -> str:
    """The last moment of ``day`` (UTC) as audit time text: entries at or before it count."""
    return f"{day.isoformat()}T23:59:59.999999Z"


@dataclass(frozen=True)
class Rebuilt:
    """One engagement as its trail stood at a moment."""

    id: int
    created_at: str
    obj: dict[str, Any] | None  # its interchange object; None before its trail starts
    version: int
    updated_at: str
    deleted_at: str | None


def _rebuilt(eid: int, created_at: str, trail: Trail) -> Rebuilt:
    return Rebuilt(
        id=eid,
        created_at=created_at,
        obj=trail.state,
        version=trail.version,
        updated_at=trail.at or created_at,
        deleted_at=trail.deleted,
    )


def revision(conn: Connection, until: str) -> int:
    """The database's revision at ``until``: the number of the latest entry then. The
    latest change is found along the time index ``ix_audit_at``; a baseline (left out
    of that index) written later still, by the upgrade, comes after it in id order."""
    change = _latest_change(conn, until)
    baseline = conn.execute(
        select(A.c.id)
        .where(A.c.id > change, A.c.action == BASELINE, A.c.at <= until)
        .order_by(A.c.id.desc())
        .limit(1)
    ).scalar()
    return int(baseline or change)


def _latest_change(conn: Connection, until: str) -> int:
    """The number of the latest change entry (not a baseline) at or before ``until``."""
    found = conn.execute(
        select(A.c.id)
        .where(text(tables.CHANGE_ENTRY), A.c.at <= until)  # word for word: ix_audit_at
        .order_by(A.c.at.desc(), A.c.id.desc())
        .limit(1)
    ).scalar()
    return int(found or 0)


def changed_after(conn: Connection, until: str) -> list[int]:
    """The engagements whose stored state may not be their state at ``until``, by id:
    those with a change entry after it (along ``ix_audit_at``), those created after
    it, those with a baseline after it (their trail starts later: the upgrade wrote
    it after every entry up to ``until``, so after the latest change then), and those
    with no entry at all (written behind the program's back: no trail to rebuild)."""
    later = select(A.c.engagement_id).where(text(tables.CHANGE_ENTRY), A.c.at > until)
    baselines = select(A.c.engagement_id).where(
        A.c.id > _latest_change(conn, until), A.c.action == BASELINE, A.c.at > until
    )
    created = select(E.c.id).where(E.c.created_at > until)
    untraced = select(E.c.id).where(~select(A.c.id).where(A.c.engagement_id == E.c.id).exists())
    found: set[int] = set()
    for query in (later, baselines, created, untraced):
        found.update(int(i) for i in conn.execute(query).scalars())
    return sorted(found)


def created_at(conn: Connection, eid: int) -> str | None:
    """When engagement ``eid`` was created (None when there is no such engagement)."""
    found = conn.execute(select(E.c.created_at).where(E.c.id == eid)).scalar()
    return None if found is None else str(found)


def engagement(conn: Connection, eid: int, until: str) -> Rebuilt | None:
    """Engagement ``eid`` as it stood at ``until`` (audit time text), or None when it
    did not exist yet. One query over its own entries (``ix_audit_engagement``)."""
    created = created_at(conn, eid)
    if created is None or created > until:
        return None
    rows = conn.execute(
        select(*_ENTRY).where(A.c.engagement_id == eid, A.c.at <= until).order_by(A.c.id)
    )
    return _rebuilt(eid, created, replay(_timed(rows)).get(eid, Trail()))


def versions(conn: Connection, eid: int) -> list[tuple[Rebuilt, str, str]]:
    """Every version of engagement ``eid`` its trail can rebuild, oldest first, with who
    wrote it and how (the action); versions before a baseline cannot be rebuilt and are
    left out."""
    created = created_at(conn, eid)
    if created is None:
        return []
    out: list[tuple[Rebuilt, str, str]] = []
    trail, who, action = Trail(), "", ""
    rows = conn.execute(select(*_ENTRY, A.c.who).where(A.c.engagement_id == eid).order_by(A.c.id))
    for _, version, name, new, at, how, by in rows:
        if trail.at is not None and int(version) != trail.version:
            out.append((_snapshot(eid, created, trail), who, action))
        trail.apply(int(version), str(name), new, None if how == BASELINE else at)
        if how != BASELINE:
            who, action = str(by), str(how)
    if trail.at is not None:
        out.append((_snapshot(eid, created, trail), who, action))
    return [v for v in out if v[0].obj is not None]


def _timed(rows: Iterable[Sequence[Any]]) -> Iterator[tuple[Any, ...]]:
    """Entries (engagement, version, field, new, at, action) as the trail replays them:
    a baseline's time is not its version's (it records a version written earlier), so
    it is left out and the version keeps the time of its own entries."""
    for eid, version, name, new, at, action in rows:
        yield eid, version, name, new, None if action == BASELINE else at


def _snapshot(eid: int, created: str, trail: Trail) -> Rebuilt:
    return _rebuilt(eid, created, copy.deepcopy(trail))


def everything(conn: Connection, until: str) -> Iterator[Rebuilt]:
    """Every engagement that existed at ``until``, as it stood then, by id (in the
    trash or not)."""
    every = conn.execute(select(E.c.id).where(E.c.created_at <= until).order_by(E.c.id))
    return states(conn, until, [int(i) for i in every.scalars()])


def states(conn: Connection, until: str, ids: Sequence[int]) -> Iterator[Rebuilt]:
    """Those of the engagements ``ids`` (ascending) that existed at ``until``, as they
    stood then, by id; their trails are read REPLAY_CHUNK engagements at a time."""
    for start in range(0, len(ids), REPLAY_CHUNK):
        part = ids[start : start + REPLAY_CHUNK]
        made = {
            int(i): str(c)
            for i, c in conn.execute(
                select(E.c.id, E.c.created_at).where(E.c.id.in_(part), E.c.created_at <= until)
            )
        }
        trails = replay(
            _timed(
                conn.execute(
                    select(*_ENTRY)
                    .where(A.c.engagement_id.in_(part), A.c.at <= until)
                    .order_by(A.c.engagement_id, A.c.id)
                )
            )
        )
        for eid in part:
            if eid in made:
                yield _rebuilt(eid, made[eid], trails.get(eid, Trail()))


@contextmanager
def scratch(engagements: Sequence[Engagement]) -> Iterator[Connection]:
    """A scratch SQLite database with the program's schema holding ``engagements``
    exactly (ids, versions, times, trash), for the ordinary queries to run on; in a
    private temporary folder, removed afterwards. It is nobody's record: no audit trail,
    and its one transaction is never committed (so nothing is ever synced to disk)."""
    with tempfile.TemporaryDirectory(prefix="tracker-as-of-") as folder:
        engine = create_engine(f"sqlite:///{Path(folder) / 'as-of.db'}")
        try:
            with engine.connect() as conn:  # closing it rolls its transaction back
                tables.metadata.create_all(conn)
                fulltext.create(conn)
                ordered = sorted(engagements, key=lambda e: e.id)
                for start in range(0, len(ordered), SCRATCH_CHUNK):
                    bulk.insert_stored(conn, ordered[start : start + SCRATCH_CHUNK])
                yield conn
        finally:
            engine.dispose()


@contextmanager
def copy_of(conn: Connection) -> Iterator[Connection]:
    """A scratch copy of the SQLite database ``conn`` reads, taken in one step of the
    backup API (one snapshot, audit trail included: what is rebuilt is read from the
    copy itself), in a private temporary folder removed afterwards. Nothing in it is
    ever synced to disk (no journal, no sync): it is nobody's record."""
    source = conn.connection.driver_connection
    assert isinstance(source, sqlite3.Connection)  # only SQLite databases are copied
    with tempfile.TemporaryDirectory(prefix="tracker-as-of-") as folder:
        path = Path(folder) / "as-of.db"
        target = sqlite3.connect(path)
        try:
            source.backup(target)
        finally:
            target.close()
        engine = create_engine(f"sqlite:///{path}")
        try:
            with engine.connect() as copied:
                copied.exec_driver_sql("PRAGMA journal_mode = OFF")
                copied.exec_driver_sql("PRAGMA synchronous = OFF")
                yield copied
        finally:
            engine.dispose()


def put_back(conn: Connection, ids: Sequence[int], engagements: Sequence[Engagement]) -> None:
    """In a scratch copy, remove engagements ``ids`` (their rows, child rows and index
    rows), then write ``engagements`` (ascending ids, among ``ids``) as given."""
    for part in chunks(ids, CHUNK):
        for table in tables.CHILD_TABLES:
            conn.execute(table.delete().where(table.c.engagement_id.in_(part)))
        conn.execute(E.delete().where(E.c.id.in_(part)))
    if ids:
        fts = fulltext.FTS_TABLE
        conn.exec_driver_sql(f"DELETE FROM {fts} WHERE rowid = ?", [(i,) for i in ids])
    for start in range(0, len(engagements), SCRATCH_CHUNK):
        bulk.insert_stored(conn, engagements[start : start + SCRATCH_CHUNK])
