"""Write ``fixtures/schema_vN.sql``: a database at schema version N (2 or later).

The fixture is written by the program of version N, when N is current (the same
demo data and hostile engagement as version 1's fixture). ``iterdump`` cannot
replay an FTS5 table (it would write its shadow tables and ``sqlite_master``
directly), so the index's shadow tables are left out and the index is recreated
and refilled with its own ``CREATE VIRTUAL TABLE`` and rows.
Run once per schema version, when that version is current: ``python -m
tests.db.make_fixture N``. The committed file must not change afterwards.
"""

from __future__ import annotations

import re
import sqlite3
import sys
import tempfile
from pathlib import Path

from tests.db.make_fixture_v1 import fill
from tracker.services import Tracker

FTS = "engagement_fts"
_FTS_STATEMENT = re.compile(
    rf"""^(CREATE TABLE|INSERT INTO) ['"]?{FTS}(_\w+)?['"]?[ (]""", re.IGNORECASE
)


def _quote(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def build(target: Path, expected: int) -> None:
    """Write the fixture SQL to ``target``."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"v{expected}.db"
        service = Tracker.open(path, user="fixture")
        fill(service)
        service.close()
        conn = sqlite3.connect(path)
        (version,) = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        assert version == str(expected), f"this program writes schema {version}, not {expected}"
        (create_fts,) = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (FTS,)
        ).fetchone()
        fts_rows = conn.execute(f"SELECT rowid, title, body FROM {FTS} ORDER BY rowid").fetchall()
        lines = [
            line
            for line in conn.iterdump()
            if not _FTS_STATEMENT.match(line)
            and not line.startswith("PRAGMA writable_schema")
            and not line.startswith("INSERT INTO sqlite_master")
        ]
        conn.close()
    commit = lines.pop()
    assert commit == "COMMIT;", commit
    lines.append(f"{create_fts};")
    lines += [
        f"INSERT INTO {FTS}(rowid, title, body) VALUES({rowid},{_quote(t)},{_quote(b)});"
        for rowid, t, b in fts_rows
    ]
    lines.append(commit)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    number = int(sys.argv[1])
    build(Path(__file__).with_name("fixtures") / f"schema_v{number}.sql", number)
