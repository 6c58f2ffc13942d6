"""The record as of a date at scale, each figure beside a raw SQL floor of the same run.

    python -m bench.as_of --db /tmp/bench100k.db [--repeats 5]

The database is given a history first, once (it is kept): nine edits of the next
step for every engagement, written in bulk by :func:`add_history` as ``db.store``
writes an edit (900,000 service writes would take hours on this machine), and 200
versions of engagement 1 through the service, so that the audit trail holds over a
million entries. The history is spread over the year before it is written
(:func:`spread`: every engagement created then, engagement ``n`` of ``N`` edited
for the last time ``n / N`` of the way through the year), so that as of 30 days
ago about one engagement in twelve changed since, and as of the 30th day of the
year eleven in twelve. A history written before it was spread (all within
seconds) is spread in place.

- one engagement rebuilt as of today through its 200 versions
  (``Tracker.engagement_as_of``), beside the SELECT of its entries in sqlite3;
- ``list --as-of`` over the whole database (``Tracker.rows_as_of``: the database
  copied, the engagements changed since put back as they stood, the copy listed)
  as of today, of 30 days ago and of the 30th day of the year, beside a plain
  ``list`` (``list_ids`` and ``rows``) and beside the SELECT of every entry in
  sqlite3 (what rebuilding every engagement would have to read);
- the engagements read whole as of the 30th day (``Tracker.selection_as_of``, for
  ``export``, ``brief`` and ``list --format csv``), beside ``get_many`` of every id.
"""

from __future__ import annotations

import argparse
import datetime
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bench.timing import median_seconds
from tracker.services import Tracker
from tracker.services.base import utc_today

EDITS = 9  # next-step edits per engagement
SPAN = datetime.timedelta(days=365)  # the history is spread over the year before it
EARLY = datetime.timedelta(days=30)  # "most changed since": the 30th day of that year
VERSIONS = 200  # versions of the one engagement rebuilt
ONE = 1  # the engagement with the long trail


@dataclass(frozen=True)
class AsOfFigures:
    """Median seconds of each figure beside its floor."""

    audit_rows: int
    engagements: int
    one_s: float
    one_floor_s: float
    whole_s: float  # list --as-of today
    list_s: float
    whole_floor_s: float
    month_s: float  # list --as-of 30 days ago
    month_changed: int  # engagements changed since then
    early_s: float  # list --as-of the 30th day of the history
    early_changed: int
    early_day: datetime.date
    whole_early_s: float  # the engagements read whole (export, brief) as of that day
    get_many_s: float  # a plain list with the engagements read whole


def _stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _edit_at(first: datetime.datetime, eid: int, total: int, n: int) -> str:
    """When edit ``n`` of engagement ``eid`` (of ``total``) is dated: its last edit
    ``eid / total`` of the way through the year, the others evenly before it."""
    return _stamp(first + SPAN * (eid / total) * (n / EDITS) + datetime.timedelta(microseconds=n))


def _first(conn: sqlite3.Connection) -> datetime.datetime:
    """The start of the spread history: a year before now, or as spread already."""
    made = conn.execute("SELECT min(created_at) FROM engagement").fetchone()[0]
    stamped = datetime.datetime.fromisoformat(made)
    now = datetime.datetime.now(datetime.UTC)
    return stamped if stamped < now - SPAN + datetime.timedelta(days=2) else now - SPAN


def add_history(db: Path) -> None:
    """Give every engagement ``EDITS`` dated edits of its next step (as ``db.store``
    writes an edit: a new version, its time, one audit row per field), spread over
    the year (:func:`spread`), then engagement ``ONE`` ``VERSIONS`` versions through
    the service."""
    conn = sqlite3.connect(db)
    try:
        if conn.execute("SELECT count(*) FROM audit").fetchone()[0] > 10 * EDITS * 10_000:
            spread(conn)
            return
        first = _first(conn)
        heads = conn.execute("SELECT id, version, next_step FROM engagement ORDER BY id").fetchall()
        total = len(heads)
        rows, updates = [], []
        for eid, version, step in heads:
            old = step
            for n in range(1, EDITS + 1):
                at = _edit_at(first, eid, total, n)
                new = f"Step {n} of engagement {eid}"
                rows.append((at, "bench", eid, version + n, "update", "next_step", old, new))
                old = new
            updates.append((version + EDITS, at, old, eid))
        rows.sort()  # written in time order, as one writer at a time would
        _created_at(conn, first)
        conn.executemany(
            "INSERT INTO audit (at, who, engagement_id, version, action, field, old, new) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.executemany(
            "UPDATE engagement SET version = ?, updated_at = ?, next_step = ? WHERE id = ?",
            updates,
        )
        conn.commit()
    finally:
        conn.close()
    service = Tracker.open(db, user="bench")
    try:
        for n in range(VERSIONS - EDITS - 1):
            current = service.get(engagement_id=ONE)
            service.update(
                engagement_id=ONE,
                expected_version=current.version,
                changes={"summary": f"Summary {n}"} if n % 2 else {"next_step": f"Next {n}"},
            )
    finally:
        service.close()


def _created_at(conn: sqlite3.Connection, first: datetime.datetime) -> None:
    """Every engagement created (and its creating entry dated) at ``first``."""
    conn.execute("UPDATE engagement SET created_at = ?", (_stamp(first),))
    conn.execute("UPDATE audit SET at = ? WHERE action IN ('import', 'create')", (_stamp(first),))


_BULK_EDIT = "field = 'next_step' AND new LIKE 'Step % of engagement %'"


def spread(conn: sqlite3.Connection) -> None:
    """Spread a history written within seconds (by an earlier version of this bench)
    over the year before now, in place: creations, the bulk edits and the times of
    the engagements they last changed. Nothing when it is spread already."""
    first = _first(conn)
    if conn.execute("SELECT min(created_at) FROM engagement").fetchone()[0] == _stamp(first):
        return
    total = conn.execute("SELECT count(*) FROM engagement").fetchone()[0]
    edits = conn.execute(
        f"SELECT id, engagement_id, CAST(substr(new, 6, 1) AS integer) FROM audit "
        f"WHERE {_BULK_EDIT}"
    ).fetchall()
    _created_at(conn, first)
    conn.executemany(
        "UPDATE audit SET at = ? WHERE id = ?",
        [(_edit_at(first, eid, total, n), i) for i, eid, n in edits],
    )
    conn.execute(
        "UPDATE engagement SET updated_at = (SELECT max(at) FROM audit "
        "WHERE audit.engagement_id = engagement.id AND action <> 'baseline')"
    )
    conn.commit()


def _changed_since(raw: sqlite3.Connection, until: str) -> int:
    return int(
        raw.execute(
            "SELECT count(DISTINCT engagement_id) FROM audit WHERE action <> 'baseline' AND at > ?",
            (until,),
        ).fetchone()[0]
    )


def measure(db: Path, repeats: int = 5, *, whole_repeats: int = 1) -> AsOfFigures:
    """The figures of ``db`` (``add_history`` first)."""
    add_history(db)
    today = utc_today()
    month = today - datetime.timedelta(days=30)
    raw = sqlite3.connect(db)
    try:
        early = (_first(raw) + EARLY).date()
    finally:
        raw.close()
    service = Tracker.open(db, user="bench")
    try:
        one_s = median_seconds(
            lambda: service.engagement_as_of(engagement_id=ONE, on=today), repeats
        )
        assert service.engagement_as_of(engagement_id=ONE, on=today).version >= VERSIONS
        whole_s = median_seconds(lambda: service.rows_as_of(on=today), whole_repeats)
        list_s = median_seconds(lambda: service.rows(ids=service.list_ids()), whole_repeats)
        month_s = median_seconds(lambda: service.rows_as_of(on=month), whole_repeats)
        early_s = median_seconds(lambda: service.rows_as_of(on=early), whole_repeats)
        whole_early_s = median_seconds(lambda: service.selection_as_of(on=early), whole_repeats)
        get_many_s = median_seconds(lambda: service.get_many(ids=service.list_ids()), whole_repeats)
        engagements = service.count()
    finally:
        service.close()
    raw = sqlite3.connect(db)
    try:
        audit_rows = raw.execute("SELECT count(*) FROM audit").fetchone()[0]
        until = f"{today.isoformat()}T23:59:59.999999Z"
        one_sql = (
            "SELECT engagement_id, version, field, new, at, action FROM audit "
            "WHERE engagement_id = ? AND at <= ? ORDER BY id"
        )
        one_floor_s = median_seconds(lambda: raw.execute(one_sql, (ONE, until)).fetchall(), repeats)
        whole_sql = (
            "SELECT engagement_id, version, field, new, at, action FROM audit "
            "WHERE at <= ? ORDER BY engagement_id, id"
        )
        whole_floor_s = median_seconds(
            lambda: raw.execute(whole_sql, (until,)).fetchall(), whole_repeats
        )
        month_changed = _changed_since(raw, f"{month.isoformat()}T23:59:59.999999Z")
        early_changed = _changed_since(raw, f"{early.isoformat()}T23:59:59.999999Z")
    finally:
        raw.close()
    return AsOfFigures(
        audit_rows,
        engagements,
        one_s,
        one_floor_s,
        whole_s,
        list_s,
        whole_floor_s,
        month_s,
        month_changed,
        early_s,
        early_changed,
        early,
        whole_early_s,
        get_many_s,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.as_of", description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    f = measure(args.db, args.repeats)
    print(
        f"{f.engagements:,} engagements, {f.audit_rows:,} audit rows\n"
        f"one engagement as of today ({VERSIONS}+ versions): {f.one_s * 1000:.1f} ms, "
        f"floor {f.one_floor_s * 1000:.1f} ms, ratio {f.one_s / f.one_floor_s:.2f}\n"
        f"plain list {f.list_s:.2f} s; every entry SELECTed in sqlite3 "
        f"{f.whole_floor_s:.2f} s"
    )
    for label, seconds, changed in (
        ("today", f.whole_s, None),
        ("30 days ago", f.month_s, f.month_changed),
        (f"{f.early_day} (most changed since)", f.early_s, f.early_changed),
    ):
        since = "" if changed is None else f", {changed:,} engagements changed since"
        print(
            f"list --as-of {label}{since}: {seconds:.2f} s "
            f"(ratio to a plain list {seconds / f.list_s:.1f})"
        )
    print(
        f"the engagements read whole (export, brief) as of {f.early_day}: "
        f"{f.whole_early_s:.2f} s; plain get_many of every id {f.get_many_s:.2f} s "
        f"(ratio {f.whole_early_s / f.get_many_s:.1f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
