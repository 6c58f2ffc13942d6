"""The full-text index: one row per engagement holding its title and all its text.

On SQLite it is an FTS5 table whose rowid is the engagement id. The service layer
rewrites an engagement's row in the same transaction as every change to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import Connection, text

FTS_TABLE = "engagement_fts"

_WORD = re.compile(r"\w+", re.UNICODE)


def create(conn: Connection) -> None:
    """Create the index (empty)."""
    conn.exec_driver_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
        "title, body, tokenize = 'unicode61 remove_diacritics 2')"
    )


def replace(conn: Connection, engagement_id: int, title: str, body: str) -> None:
    """Set the indexed text of one engagement."""
    conn.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :id"), {"id": engagement_id})
    conn.execute(
        text(f"INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (:id, :title, :body)"),
        {"id": engagement_id, "title": title, "body": body},
    )


def replace_many(conn: Connection, rows: Iterable[tuple[int, str, str]]) -> None:
    """Set the indexed text of many engagements at once."""
    batch = [{"id": i, "title": t, "body": b} for i, t, b in rows]
    if not batch:
        return
    conn.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :id"), batch)
    conn.execute(
        text(f"INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (:id, :title, :body)"), batch
    )


def match_query(search: str) -> str | None:
    """An FTS5 query for what a person typed: every word must appear (as a prefix).

    Words are quoted, so FTS5 operators and punctuation in the text are inert.
    Returns None when the text holds no word at all.
    """
    words = _WORD.findall(search)
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


def matching_ids_sql() -> str:
    """SQL selecting the ids of engagements that match the bound parameter ``:fts``."""
    return f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :fts"


def count(conn: Connection) -> int:
    """Rows in the index."""
    return int(conn.execute(text(f"SELECT count(*) FROM {FTS_TABLE}")).scalar_one())
