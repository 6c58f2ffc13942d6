"""Bulk edit of 1,000 engagements at scale, beside the same writes through sqlite3.

    python -m bench.bulk_edit --db /tmp/bench100k.db [--count 1000] [--repeats 3]

Each edit below is ``Tracker.bulk_edit`` over ``--count`` engagements spread over the
whole table (every n-th id): the whole call, its read transaction (the edit
validated, the ids resolved) and its write transaction (the engagements loaded, the
new versions, child rows, index rows and per-field audit rows written, the audit
trail sealed, the commit). Its undo, ``Tracker.bulk_rewrite`` of the reversed steps,
is timed after it and puts the values back, so every run starts alike.

The floor is the least the database itself must do for the same edit, in one
sqlite3 transaction with executemany: the UPDATE of the engagement's changed columns
and version, the new child row (a status event, a tag), the search index row
rewritten (owner and tags are indexed; a status is not), one audit row per changed
field, the commit; no validation, no reading, no seal. Its rows are removed after
each run, untimed. The bench changes ``--db``: give it a bench database
(``python -m bench.build_db``).
"""

from __future__ import annotations

import argparse
import functools
import sqlite3
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.timing import median_seconds
from tracker.domain.bulk_edit import BulkEdit
from tracker.services import Tracker

TARGET_S = 1.0
BENCH_TAG = "bench-bulk"


@dataclass(frozen=True)
class Case:
    """One edit measured: what it sets, and what the floor writes for it."""

    name: str
    edit: BulkEdit
    status: bool = False  # the floor writes a status event
    owner: bool = False  # the floor rewrites the index row
    tag: bool = False  # the floor adds a tag row and rewrites the index row


CASES = (
    Case("status", BulkEdit(values=(("status", "paused"),)), status=True),
    Case("owner", BulkEdit(values=(("owner", "Bench desk"),)), owner=True),
    Case("add a tag", BulkEdit(add_tags=(BENCH_TAG,)), tag=True),
    Case(
        "status, owner, tag",
        BulkEdit(values=(("status", "paused"), ("owner", "Bench desk")), add_tags=(BENCH_TAG,)),
        status=True,
        owner=True,
        tag=True,
    ),
)


@dataclass(frozen=True)
class BulkFigure:
    """Median seconds of one edit, its undo, and the floor."""

    name: str
    count: int
    changed: int  # engagements the edit changed (each run: all of them)
    edit_s: float
    undo_s: float
    floor_s: float


class EditRuns:
    """Runs of one edit: each the edit (timed, returned) then its undo (timed apart)."""

    def __init__(self, service: Tracker, case: Case, ids: list[int]) -> None:
        self.service, self.case, self.ids = service, case, ids
        self.undo_times: list[float] = []
        self.changed: list[int] = []

    def __call__(self) -> float:
        began = time.perf_counter()
        result = self.service.bulk_edit(edit=self.case.edit, engagement_ids=self.ids)
        edit_s = time.perf_counter() - began
        self.changed.append(len(result.steps))
        began = time.perf_counter()
        self.service.bulk_rewrite(steps=[s.reversed for s in result.steps])
        self.undo_times.append(time.perf_counter() - began)
        return edit_s


def _floor(db: Path, case: Case, ids: list[int]) -> float:
    """The seconds of the floor's transaction (its rows removed afterwards, untimed)."""
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        tag_id = _tag_id(conn)
        last_event = conn.execute("SELECT coalesce(max(id), 0) FROM status_event").fetchone()[0]
        last_audit = conn.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0]
        marks = ",".join("?" * len(ids))
        kept = conn.execute(
            f"SELECT version, updated_at, status, owner, id FROM engagement WHERE id IN ({marks})",
            ids,
        ).fetchall()
        indexed = conn.execute(
            f"SELECT rowid, title, body FROM engagement_fts WHERE rowid IN ({marks})", ids
        ).fetchall()
        began = time.perf_counter()
        _floor_writes(conn, case, ids, tag_id)
        seconds = time.perf_counter() - began
        # Put everything back as it was, untimed.
        conn.execute("BEGIN")
        conn.execute("DELETE FROM status_event WHERE id > ?", (last_event,))
        conn.execute("DELETE FROM audit WHERE id > ?", (last_audit,))
        conn.execute("DELETE FROM engagement_tag WHERE tag_id = ?", (tag_id,))
        conn.executemany(
            "UPDATE engagement SET version = ?, updated_at = ?, status = ?, owner = ? WHERE id = ?",
            kept,
        )
        conn.executemany("DELETE FROM engagement_fts WHERE rowid = ?", [(r[0],) for r in indexed])
        conn.executemany(
            "INSERT INTO engagement_fts (rowid, title, body) VALUES (?, ?, ?)", indexed
        )
        conn.execute("COMMIT")
        return seconds
    finally:
        conn.close()


def _floor_writes(conn: sqlite3.Connection, case: Case, ids: list[int], tag_id: int) -> None:
    now = "2026-01-01T00:00:00.000000Z"
    conn.execute("BEGIN IMMEDIATE")
    columns = ["version = version + 1", "updated_at = ?"]
    if case.status:
        columns.append("status = 'paused'")
    if case.owner:
        columns.append("owner = 'Bench desk'")
    conn.executemany(
        f"UPDATE engagement SET {', '.join(columns)} WHERE id = ?", [(now, i) for i in ids]
    )
    if case.status:
        conn.executemany(
            'INSERT INTO status_event (engagement_id, position, status, "on", on_from, note, '
            "source) VALUES (?, 99, 'paused', '2026-01-01', '2026-01-01', '', '')",
            [(i,) for i in ids],
        )
    if case.tag:
        conn.executemany(
            "INSERT INTO engagement_tag (engagement_id, tag_id, position) VALUES (?, ?, 99)",
            [(i, tag_id) for i in ids],
        )
    if case.owner or case.tag:
        marks = ",".join("?" * len(ids))
        rows = conn.execute(
            f"SELECT rowid, title, body FROM engagement_fts WHERE rowid IN ({marks})", ids
        ).fetchall()
        conn.executemany("DELETE FROM engagement_fts WHERE rowid = ?", [(r[0],) for r in rows])
        conn.executemany(
            "INSERT INTO engagement_fts (rowid, title, body) VALUES (?, ?, ?)",
            [(r[0], r[1], r[2] + "\nBench desk") for r in rows],
        )
    fields = [f for f, on in (("status", case.status), ("owner", case.owner)) if on]
    fields += ["status_history"] if case.status else []
    fields += ["tags"] if case.tag else []
    conn.executemany(
        "INSERT INTO audit (at, who, engagement_id, version, action, field, old, new) "
        "VALUES (?, 'bench', ?, 0, 'update', ?, 'old', 'new')",
        [(now, i, f) for i in ids for f in fields],
    )
    conn.execute("COMMIT")


def _tag_id(conn: sqlite3.Connection) -> int:
    conn.execute("INSERT OR IGNORE INTO tag (name) VALUES (?)", (BENCH_TAG,))
    return int(conn.execute("SELECT id FROM tag WHERE name = ?", (BENCH_TAG,)).fetchone()[0])


def measure(db: Path, count: int = 1000, repeats: int = 3) -> list[BulkFigure]:
    """Each case of ``CASES`` over ``count`` engagements of ``db``."""
    service = Tracker.open(db, user="bench")
    try:
        every = service.list_ids(sort="id")
        ids = every[:: max(1, len(every) // count)][:count]
        figures = []
        for case in CASES:
            run = EditRuns(service, case, ids)
            edit_s = median_run_value(run, repeats)
            undo_s = statistics.median(run.undo_times)
            floor_s = median_seconds(functools.partial(_floor, db, case, ids), repeats)
            changed = min(run.changed)
            figures.append(BulkFigure(case.name, len(ids), changed, edit_s, undo_s, floor_s))
        return figures
    finally:
        service.close()


def median_run_value(run: Callable[[], float], repeats: int) -> float:
    """The median of what ``repeats`` runs of ``run`` return (after a warm-up run)."""
    run()
    return statistics.median(run() for _ in range(repeats))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bulk_edit", description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    for f in measure(args.db, args.count, args.repeats):
        print(
            f"bulk edit {f.name} of {f.count:,} ({f.changed:,} changed): {f.edit_s:.2f} s "
            f"(target <= {TARGET_S:.0f} s), "
            f"undo {f.undo_s:.2f} s; floor (the same writes in sqlite3) {f.floor_s:.2f} s, "
            f"{f.edit_s / f.floor_s:.1f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
