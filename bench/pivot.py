"""Pivot counts at scale: ``Tracker.pivot`` beside the same SELECT through sqlite3 alone.

    python -m bench.pivot --db /tmp/bench100k.db [--repeats 5]

For each pair of dimensions below, the figure is the service call a
``tracker stats --by ROW,COLUMN`` makes (one read transaction, the UNION ALL of
GROUP BY parts, the ``Pivot`` built); the floor is the SQL text of that statement
executed with ``sqlite3`` on its own connection and fetched, measured in the same run,
after a warm-up of each.
"""

from __future__ import annotations

import argparse
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.dialects import sqlite

from bench.timing import median_seconds
from db import pivot, queries
from tracker.domain.model import Filters
from tracker.services import Tracker

PAIRS: tuple[tuple[str, str | None], ...] = (
    ("status", "region"),
    ("vendor", None),
    ("restriction", "stance"),
    ("tag", "year"),
)


@dataclass(frozen=True)
class PivotFigure:
    """Median seconds of one pivot beside its floor, and the engagements it counted."""

    rows: str
    columns: str | None
    total: int
    pivot_s: float
    floor_s: float


def _one(
    service: Tracker, conn: sqlite3.Connection, rows: str, columns: str | None, repeats: int
) -> PivotFigure:
    statement = pivot.pivot_query(rows, columns, Filters(), "sqlite")
    sql, params = queries.compiled(statement, sqlite.dialect())
    pivot_s = median_seconds(lambda: service.pivot(rows=rows, columns=columns), repeats)
    floor_s = median_seconds(lambda: conn.execute(sql, params).fetchall(), repeats)
    total = service.pivot(rows=rows, columns=columns).total
    return PivotFigure(rows, columns, total, pivot_s, floor_s)


def measure(db: Path, repeats: int = 5) -> list[PivotFigure]:
    """Each pivot of ``PAIRS`` over the whole live table of ``db``."""
    service = Tracker.open(db, user="bench")
    conn = sqlite3.connect(db)
    try:
        return [_one(service, conn, rows, columns, repeats) for rows, columns in PAIRS]
    finally:
        conn.close()
        service.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pivot", description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    for f in measure(args.db, args.repeats):
        by = f"{f.rows},{f.columns}" if f.columns else f.rows
        print(
            f"stats --by {by}: {f.total:,} engagements in {f.pivot_s * 1000:.1f} ms, "
            f"floor {f.floor_s * 1000:.1f} ms, ratio {f.pivot_s / f.floor_s:.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
