"""The full-text index: one row per engagement holding its title and all its text.

On SQLite it is an FTS5 table whose rowid is the engagement id. The service layer
rewrites an engagement's row in the same transaction as every change to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import Connection, TextClause, text

FTS_TABLE = "engagement_fts"

_WORD = re.compile(r"\w+", re.UNICODE)


# Prefix indexes for one- and two-character prefixes: "n*" or "nato d*" (what the
# search box holds after a keystroke) would otherwise merge the lists of every
# indexed word with that prefix (schema version 3).
_OPTIONS = "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2'"


def create(conn: Connection, table: str = FTS_TABLE) -> None:
    """Create the index (empty)."""
    conn.exec_driver_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {table} USING fts5(title, body, {_OPTIONS})"
    )


def is_current(conn: Connection) -> bool:
    """True when the index exists with the current options."""
    sql = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (FTS_TABLE,)
    ).scalar()
    return sql is not None and _OPTIONS in str(sql)


def recreate(conn: Connection) -> None:
    """Rebuild the index with the current options, keeping its rows."""
    old = f"{FTS_TABLE}_old"
    conn.exec_driver_sql(f"ALTER TABLE {FTS_TABLE} RENAME TO {old}")
    create(conn)
    conn.exec_driver_sql(
        f"INSERT INTO {FTS_TABLE}(rowid, title, body) SELECT rowid, title, body FROM {old}"
    )
    conn.exec_driver_sql(f"DROP TABLE {old}")


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


def matching_ids_statement(query: str) -> TextClause:
    """SELECT of the ids of engagements matching the FTS5 ``query``, in no order."""
    return text(matching_ids_sql()).bindparams(fts=query)


def count(conn: Connection) -> int:
    """Rows in the index."""
    return int(conn.execute(text(f"SELECT count(*) FROM {FTS_TABLE}")).scalar_one())
