"""The due list at scale: ``Tracker.due`` beside the same SELECT through sqlite3 alone.

    python -m bench.due --db /tmp/bench100k.db [--repeats 5] [--today 2026-12-01]

The figure is the service call a ``tracker due`` makes (the follow-ups overdue, then
those due within two weeks: one read transaction, the rows through the driver's
cursor, the entries built); the floor is the SQL text of that query executed with
``sqlite3`` on its own connection and fetched, measured in the same run, after a
warm-up of each. The overdue count of the status bar is measured the same way.
"""

from __future__ import annotations

import argparse
import datetime
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.dialects import sqlite

from bench.timing import median_run
from db import queries
from tracker.domain.due import DEFAULT_WINDOW, QuickFilters, due_until
from tracker.domain.model import Filters
from tracker.services import Tracker
from tracker.services.base import utc_today


@dataclass(frozen=True)
class DueFigures:
    """Median seconds of the due list and the overdue count, each beside its floor."""

    items: int
    overdue: int
    due_s: float
    due_floor_s: float
    count_s: float
    count_floor_s: float


def _raw(path: Path, statement: Any) -> Callable[[], list[Any]]:
    sql, params = queries.compiled(statement, sqlite.dialect())
    conn = sqlite3.connect(path)

    def run() -> list[Any]:
        return conn.execute(sql, params).fetchall()

    return run


def measure(db: Path, repeats: int = 5, *, today: datetime.date | None = None) -> DueFigures:
    """The due list and the overdue count of ``db`` on ``today`` (the UTC date)."""
    day = today or utc_today()
    service = Tracker.open(db, user="bench")
    try:
        due_s, items = median_run(lambda: service.due(today=day), repeats)
        overdue_filters = QuickFilters(overdue=True).applied(Filters(), today=day)
        count_s, overdue = median_run(lambda: service.count(filters=overdue_filters), repeats)
    finally:
        service.close()
    listed = Filters(due_by=due_until(day, DEFAULT_WINDOW))
    due_floor_s, rows = median_run(_raw(db, queries.due_query(listed, "sqlite")), repeats)
    count_floor_s, _ = median_run(_raw(db, queries.count_query(overdue_filters, "sqlite")), repeats)
    assert len(rows) == len(items), "the floor reads the rows the service lists"
    return DueFigures(len(items), int(overdue), due_s, due_floor_s, count_s, count_floor_s)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.due", description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--today", type=datetime.date.fromisoformat, help="default: UTC today")
    args = parser.parse_args(argv)
    f = measure(args.db, args.repeats, today=args.today)
    print(
        f"due list: {f.items:,} follow-ups ({f.overdue:,} overdue) in {f.due_s * 1000:.1f} ms, "
        f"floor {f.due_floor_s * 1000:.1f} ms, ratio {f.due_s / f.due_floor_s:.2f}\n"
        f"overdue count: {f.count_s * 1000:.2f} ms, floor {f.count_floor_s * 1000:.2f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
