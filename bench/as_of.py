"""The record as of a date at scale, each figure beside a raw SQL floor of the same run.

    python -m bench.as_of --db /tmp/bench100k.db [--repeats 5]

The database is given a history first, once (it is kept): nine edits of the next
step for every engagement, a second apart after its creation, written in bulk by
:func:`add_history` as ``db.store`` writes an edit (900,000 service writes would
take hours on this machine), and 200 versions of engagement 1 through the service,
so that the audit trail holds over a million entries. The list is rebuilt as of
today: the worst case, every entry replayed.

- one engagement rebuilt as of today through its 200 versions
  (``Tracker.engagement_as_of``), beside the SELECT of its entries in sqlite3;
- ``list --as-of`` over the whole database (``Tracker.selection_as_of``: every
  trail replayed, the scratch copy written and listed), beside a plain
  ``list`` (``list_ids`` and ``rows``) and beside the SELECT of the entries in
  sqlite3.
"""

from __future__ import annotations

import argparse
import datetime
import sqlite3
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tracker.services import Tracker
from tracker.services.base import utc_today

EDITS = 9  # next-step edits per engagement
VERSIONS = 200  # versions of the one engagement rebuilt
ONE = 1  # the engagement with the long trail


@dataclass(frozen=True)
class AsOfFigures:
    """Median seconds of each figure beside its floor."""

    audit_rows: int
    engagements: int
    one_s: float
    one_floor_s: float
    whole_s: float
    list_s: float
    whole_floor_s: float


def _median(run: Callable[[], Any], repeats: int) -> float:
    run()  # warm-up
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def _stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def add_history(db: Path) -> None:
    """Give every engagement ``EDITS`` dated edits of its next step (as ``db.store``
    writes an edit: a new version, its time, one audit row per field), then
    engagement ``ONE`` ``VERSIONS`` versions through the service."""
    conn = sqlite3.connect(db)
    try:
        if conn.execute("SELECT count(*) FROM audit").fetchone()[0] > 10 * EDITS * 10_000:
            return
        heads = conn.execute(
            "SELECT id, version, next_step, created_at FROM engagement ORDER BY id"
        ).fetchall()
        rows, updates = [], []
        for eid, version, step, created in heads:
            old, made = step, datetime.datetime.fromisoformat(created)
            for n in range(1, EDITS + 1):
                at = _stamp(made + datetime.timedelta(seconds=n))
                new = f"Step {n} of engagement {eid}"
                rows.append((at, "bench", eid, version + n, "update", "next_step", old, new))
                old = new
            updates.append((version + EDITS, at, old, eid))
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


def measure(db: Path, repeats: int = 5, *, whole_repeats: int = 1) -> AsOfFigures:
    """The figures of ``db`` (``add_history`` first)."""
    add_history(db)
    today = utc_today()
    service = Tracker.open(db, user="bench")
    try:
        one_s = _median(lambda: service.engagement_as_of(engagement_id=ONE, on=today), repeats)
        assert service.engagement_as_of(engagement_id=ONE, on=today).version >= VERSIONS
        whole_s = _median(lambda: service.selection_as_of(on=today), whole_repeats)
        list_s = _median(lambda: service.rows(ids=service.list_ids()), whole_repeats)
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
        one_floor_s = _median(lambda: raw.execute(one_sql, (ONE, until)).fetchall(), repeats)
        whole_sql = (
            "SELECT engagement_id, version, field, new, at, action FROM audit "
            "WHERE at <= ? ORDER BY engagement_id, id"
        )
        whole_floor_s = _median(lambda: raw.execute(whole_sql, (until,)).fetchall(), whole_repeats)
    finally:
        raw.close()
    return AsOfFigures(audit_rows, engagements, one_s, one_floor_s, whole_s, list_s, whole_floor_s)


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
        f"list --as-of (whole database): {f.whole_s:.1f} s; plain list {f.list_s:.2f} s "
        f"(ratio {f.whole_s / f.list_s:.1f}); floor (the entries read in sqlite3) "
        f"{f.whole_floor_s:.2f} s (ratio {f.whole_s / f.whole_floor_s:.1f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
