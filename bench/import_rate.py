"""Import rate of the service against the raw floor of plain ``sqlite3``.

    python -m bench.import_rate --engagements 100000

Generates N engagements (``bench.generate``) and times one
``Tracker.import_document`` of them into a fresh database: validation, catalogue
look-ups, every insert, the full-text index, the audit trail and the commit.

The floor writes the very same rows with nothing but the ``sqlite3`` module: the
schema is created by opening a ``Tracker`` on a second fresh file; the rows the
import wrote (engagements, children, organisations, restrictions, tags, full-text
rows and audit rows; the same columns the import gives values to) are read back
beforehand as tuples; then one transaction runs one ``executemany`` per table,
with the app's connection settings (WAL, ``synchronous = NORMAL``, foreign keys
on). Both rates count engagements plus child records, as ``bench.build_db`` does.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.generate import child_count, generate_engagements
from db import fulltext, tables
from tracker.domain.interchange import FORMAT
from tracker.services import Tracker

# Tables in insertion order (parents first), and whether the import gives the id.
_TABLES: tuple[tuple[str, bool], ...] = (
    ("organisation", True),
    ("restriction", True),
    ("tag", True),
    ("engagement", True),
    *((t.name, False) for t in tables.CHILD_TABLES),
    (fulltext.FTS_TABLE, True),
    ("audit", False),
)


@dataclass(frozen=True)
class Rates:
    """One run: rows counted (engagements + children), rows written, and both times."""

    engagements: int
    counted: int
    written: int
    app_seconds: float
    floor_seconds: float

    @property
    def app_rate(self) -> float:
        return self.counted / self.app_seconds

    @property
    def floor_rate(self) -> float:
        return self.counted / self.floor_seconds

    @property
    def ratio(self) -> float:
        return self.app_seconds / self.floor_seconds


def _columns(conn: sqlite3.Connection, table: str, with_id: bool) -> list[str]:
    if table == fulltext.FTS_TABLE:
        return ["rowid", "title", "body"]
    names = [str(row[1]) for row in conn.execute(f"PRAGMA table_info({table})")]
    return [n for n in names if with_id or n != "id"]


def _names(columns: list[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def _rows(path: Path) -> list[tuple[str, list[str], list[tuple[object, ...]]]]:
    """(table, columns, rows) of everything the import wrote, in insertion order."""
    conn = sqlite3.connect(path)
    try:
        out = []
        for table, with_id in _TABLES:
            columns = _columns(conn, table, with_id)
            order = "rowid" if table == fulltext.FTS_TABLE else "id"
            rows = conn.execute(
                f"SELECT {_names(columns)} FROM {table} ORDER BY {order}"
            ).fetchall()
            out.append((table, columns, rows))
        return out
    finally:
        conn.close()


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def measure(engagements: int, *, seed: int = 0, workdir: Path | None = None) -> Rates:
    """Time the service import and the raw floor of ``engagements`` generated ones."""
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        items = generate_engagements(engagements, seed)
        counted = engagements + sum(child_count(e) for e in items)
        document = {"format": FORMAT, "engagements": items}

        app_db = Path(tmp) / "app.db"
        service = Tracker.open(app_db, user="bench")
        try:
            began = time.perf_counter()
            service.import_document(document=document)
            app_seconds = time.perf_counter() - began
        finally:
            service.close()
        del document, items

        floor_db = Path(tmp) / "floor.db"
        Tracker.open(floor_db, user="bench").close()
        batches = _rows(app_db)
        statements = [
            (
                f"INSERT INTO {table} ({_names(columns)}) "
                f"VALUES ({', '.join('?' for _ in columns)})",
                rows,
            )
            for table, columns, rows in batches
        ]
        conn = _connect(floor_db)
        try:
            began = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            for sql, rows in statements:
                conn.executemany(sql, rows)
            conn.execute("COMMIT")
            floor_seconds = time.perf_counter() - began
        finally:
            conn.close()
    return Rates(
        engagements=engagements,
        counted=counted,
        written=sum(len(rows) for _, _, rows in batches),
        app_seconds=app_seconds,
        floor_seconds=floor_seconds,
    )


def format_rates(r: Rates) -> str:
    """The report printed by the command."""
    return "\n".join(
        [
            f"{r.engagements:,} engagements, {r.counted:,} rows (engagements + children); "
            f"{r.written:,} rows written in all (with catalogue, full-text and audit rows)",
            f"  import_document       {r.app_seconds:8.2f} s  {r.app_rate:>10,.0f} rows/s",
            f"  sqlite3 executemany   {r.floor_seconds:8.2f} s  {r.floor_rate:>10,.0f} rows/s",
            f"  ratio (import / raw)  {r.ratio:8.2f}",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.import_rate", description=__doc__)
    parser.add_argument("--engagements", type=int, required=True, metavar="N")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--workdir", type=Path, default=None, help="where the two databases go (default: TMPDIR)"
    )
    args = parser.parse_args(argv)
    if args.engagements < 1:
        parser.error("--engagements must be positive")
    print(format_rates(measure(args.engagements, seed=args.seed, workdir=args.workdir)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
