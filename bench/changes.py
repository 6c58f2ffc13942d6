"""The changes feed at scale: the first screen of ``Tracker.changes`` for the last 30 days
beside the same SELECT through sqlite3 alone.

    python -m bench.changes --db /tmp/bench100k.db [--history 900000] [--repeats 5]

``--history N`` first adds N audit entries of edits (status, next step, owner, tags)
spread over the last year, written straight into the audit table in one transaction
(a benchmark's history, not a sealed trail: the feed reads entries, it does not check
the chain), so that a 100,000-engagement database has over a million entries. The
figure is the service call the Changes view makes for its first screen (200 changes,
worded); the floor is the SQL text of its statements (the ids of the matching
engagements, how many entries they have when they are few, then the entries by the plan
that suits, ``db.changes``) executed with ``sqlite3`` on its own connection and fetched,
measured in the same run, after a warm-up of each. ``--search WORDS`` and ``--status S``
filter the feed as the window's filters do.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.dialects import sqlite

from bench.timing import median_run
from db import queries
from db.changes import FEW, FEW_ENTRIES, Span, changes_query, entries_count_query, matching_query
from tracker.domain.change_words import ChangePeriod
from tracker.domain.model import Filters
from tracker.domain.vocab import Status
from tracker.services import Tracker
from tracker.services.base import utc_today

SCREEN = 200  # what the Changes view reads first (ui/changes_dock.py)
_STATUSES = ("exploratory", "negotiating", "agreed", "active", "paused")


@dataclass(frozen=True)
class ChangesFigures:
    """Median seconds of the first screen, beside its floor, and the trail's size."""

    entries: int
    shown: int
    first_screen_s: float
    floor_s: float


def add_history(db: Path, entries: int, *, seed: int = 0) -> None:
    """Add ``entries`` edit entries over the last 365 days, in time order."""
    rng = random.Random(seed)
    conn = sqlite3.connect(db)
    top = conn.execute("SELECT max(id) FROM engagement").fetchone()[0]
    now = datetime.datetime.now(datetime.UTC)
    start = now - datetime.timedelta(days=365)
    step = (now - start) / entries
    rows = []
    for n in range(entries):
        at = (start + step * n).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        field = ("status", "next_step", "owner", "tags")[n % 4]
        old, new = rng.sample(_STATUSES, 2) if field == "status" else (f"was {n}", f"now {n}")
        if field == "tags":
            old, new = json.dumps(["defence"]), json.dumps(["defence", f"t{n % 50}"])
        rows.append((at, "bench", rng.randint(1, top), 2, "update", field, old, new))
    conn.executemany(
        "INSERT INTO audit (at, who, engagement_id, version, action, field, old, new)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.commit()
    conn.close()


def _raw_feed(db: Path, filters: Filters, span: Span) -> Callable[[], list[Any]]:
    """The feed's statements through sqlite3 alone: the matching ids, their entries'
    count when they are few, then the entries (compiled beforehand: the plan follows
    from the ids, which do not change here)."""
    dialect = sqlite.dialect()
    probe = queries.compiled(matching_query(filters, dialect="sqlite", limit=FEW + 1), dialect)
    conn = sqlite3.connect(db)
    ids = [row[0] for row in conn.execute(*probe)]
    engagements: Filters | list[int] = filters
    statements = [probe]
    if len(ids) <= FEW:
        count = queries.compiled(entries_count_query(ids, limit=FEW_ENTRIES + 1), dialect)
        statements.append(count)
        if conn.execute(*count).fetchone()[0] <= FEW_ENTRIES:
            engagements = ids
    statement = changes_query(engagements, span, dialect="sqlite", limit=SCREEN + 1)
    statements.append(queries.compiled(statement, dialect))

    def run() -> list[Any]:
        rows: list[Any] = []
        for sql, params in statements:
            rows = conn.execute(sql, params).fetchall()
        return rows

    return run


def measure(db: Path, repeats: int = 5, *, filters: Filters = Filters()) -> ChangesFigures:
    """The first screen of the last 30 days' changes of ``db`` (to those engagements)."""
    period = ChangePeriod(since=utc_today() - datetime.timedelta(days=29))
    service = Tracker.open(db, user="bench")
    try:
        seconds, page = median_run(
            lambda: service.changes(filters=filters, period=period, limit=SCREEN), repeats
        )
    finally:
        service.close()
    assert period.since is not None
    floor_s, rows = median_run(
        _raw_feed(db, filters, Span(since=period.since.isoformat())), repeats
    )
    assert len(rows) == len(page.changes) + (1 if page.more else 0)
    conn = sqlite3.connect(db)
    entries = int(conn.execute("SELECT count(*) FROM audit").fetchone()[0])
    conn.close()
    return ChangesFigures(entries, len(page.changes), seconds, floor_s)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.changes", description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--history", type=int, default=0, metavar="N")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--search", metavar="WORDS")
    parser.add_argument("--status", action="append", default=[], type=Status.parse)
    args = parser.parse_args(argv)
    if args.history:
        add_history(args.db, args.history)
    filters = Filters(statuses=tuple(args.status), search=args.search)
    f = measure(args.db, args.repeats, filters=filters)
    print(
        f"changes, last 30 days, first screen ({f.shown} of {f.entries:,} entries): "
        f"{f.first_screen_s * 1000:.1f} ms, floor {f.floor_s * 1000:.1f} ms, "
        f"ratio {f.first_screen_s / f.floor_s:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
