"""The full-text index: one row per engagement holding its title and all its text.

On SQLite it is an FTS5 table whose rowid is the engagement id. On PostgreSQL it is a
table with a ``tsvector`` column under a GIN index. On both the text is folded into
words here (``words``: letters and digits, case folded, compatibility forms and
diacritics removed in every script) before the database sees it, and so is what a
person types: accented and unaccented Greek, Cyrillic and Latin words find each other,
and both backends find the same engagements (FTS5's own folding knows Latin letters
only; schema version 11). Queries are prefix matches of every word. The service layer
rewrites an engagement's row in the same transaction as every change to it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Select, TextClause, bindparam, func, literal_column, select, text
from sqlalchemy import table as sql_table

FTS_TABLE = "engagement_fts"


# Prefix indexes for one- and two-character prefixes: "n*" or "nato d*" (what the
# search box holds after a keystroke) would otherwise merge the lists of every
# indexed word with that prefix (schema version 3).
_OPTIONS = "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2'"


# Words as FTS5's unicode61 tokenizer sees them: runs of letters and digits.
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def words(text: str) -> list[str]:
    """The words of ``text`` as the index holds them: case folded, compatibility forms
    decomposed (NFKD), combining marks (diacritics) removed."""
    if text.isascii():  # most text: nothing to decompose, lower() is casefold()
        return _TOKEN.findall(text.lower())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return _TOKEN.findall(decomposed.translate(_combining_marks()))


@functools.cache
def _combining_marks() -> dict[int, None]:
    """``str.translate``'s table deleting every combining mark (912 code points in
    Python 3.11's Unicode), made once: far quicker than testing each character.
    Combining marks are assigned in the first two planes only (the last, U+1E94A)."""
    return {c: None for c in range(0x20000) if unicodedata.combining(chr(c))}


def folded(text: str) -> str:
    """``text`` as the SQLite index stores it: each line its words, folded, one space
    apart (lines are kept, so that a part of a stored body can be found and replaced)."""
    return "\n".join(" ".join(words(line)) for line in text.split("\n"))


def _is_postgresql(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def create(conn: Connection, table: str = FTS_TABLE) -> None:
    """Create the index (empty)."""
    if _is_postgresql(conn):
        conn.exec_driver_sql(
            f"CREATE TABLE IF NOT EXISTS {table} (id integer PRIMARY KEY, "
            "document tsvector NOT NULL)"
        )
        conn.exec_driver_sql(
            f"CREATE INDEX IF NOT EXISTS ix_{table}_document ON {table} USING gin (document)"
        )
        return
    conn.exec_driver_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {table} USING fts5(title, body, {_OPTIONS})"
    )


def is_current(conn: Connection) -> bool:
    """True when the index exists with the current options."""
    if _is_postgresql(conn):
        return True
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
    replace_many(conn, [(engagement_id, title, body)])


def _replace_many_postgresql(conn: Connection, rows: Iterable[tuple[int, str, str]]) -> None:
    batch = [{"id": i, "words": " ".join(words(f"{t} {b}"))} for i, t, b in rows]
    if not batch:
        return
    conn.execute(text(f"DELETE FROM {FTS_TABLE} WHERE id = :id"), batch)
    conn.execute(
        text(f"INSERT INTO {FTS_TABLE} (id, document) VALUES (:id, to_tsvector('simple', :words))"),
        batch,
    )


def replace_many(conn: Connection, rows: Iterable[tuple[int, str, str]]) -> None:
    """Set the indexed text of many engagements at once."""
    if _is_postgresql(conn):
        _replace_many_postgresql(conn, rows)
        return
    batch = [{"id": i, "title": folded(t), "body": folded(b)} for i, t, b in rows]
    if not batch:
        return
    conn.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :id"), batch)
    conn.execute(
        text(f"INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (:id, :title, :body)"), batch
    )


def insert_new(conn: Connection, rows: Iterable[tuple[int, str, str]]) -> None:
    """Index engagements that have no row yet (SQLite: no DELETE first)."""
    batch = [(i, folded(t), folded(b)) for i, t, b in rows]
    if batch:
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (?, ?, ?)", batch)


def replace_rows(conn: Connection, rows: Iterable[tuple[int, str, str, bool]]) -> None:
    """Set the indexed text of many engagements, each (id, title, body, title kept): on
    SQLite a row whose title is as indexed has its body alone rewritten
    (``replace_bodies``, about a third cheaper)."""
    given = list(rows)
    if _is_postgresql(conn):
        replace_many(conn, [(i, t, b) for i, t, b, _ in given])
        return
    replace_bodies(conn, [(i, b) for i, _, b, kept in given if kept])
    replace_many(conn, [(i, t, b) for i, t, b, kept in given if not kept])


def stored_bodies(conn: Connection, ids: Iterable[int]) -> dict[int, str]:
    """The folded bodies the SQLite index holds for ``ids`` (``folded``)."""
    query = text(f"SELECT rowid, body FROM {FTS_TABLE} WHERE rowid IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    return {int(i): str(b) for i, b in conn.execute(query, {"ids": list(ids)})}


def replaced_part(body: str, old: str, new: str) -> str | None:
    """The stored ``body`` with its lines ``old`` (unfolded text, whole lines) replaced
    by ``new``, or None when the body holds no such lines."""
    was, now = folded(old), folded(new)
    framed = f"\n{body}\n"
    if not was or f"\n{was}\n" not in framed:
        return None
    return framed.replace(f"\n{was}\n", f"\n{now}\n", 1)[1:-1]


def replace_bodies(conn: Connection, rows: Iterable[tuple[int, str]]) -> None:
    """Set the indexed body of many engagements whose title is indexed already as it
    is (SQLite only: PostgreSQL's index keeps no text to keep a title of). The bodies
    are folded here unless they came folded from ``replaced_part``: folding is
    idempotent, so either is stored alike.

    One ``UPDATE`` of the body column each, which FTS5 applies as the row's delete and
    insert in one step: about a third cheaper than ``replace_many``'s DELETE and INSERT
    statements (2.3 s against 3.3 s for 15,000 rows of 1 kB).
    """
    batch = [{"id": i, "body": folded(b)} for i, b in rows]
    if batch:
        conn.execute(text(f"UPDATE {FTS_TABLE} SET body = :body WHERE rowid = :id"), batch)


def search_words(search: str) -> list[str]:
    """The words of what a person typed, folded as the index folds them, in order."""
    return words(search)


def match_query(search: str) -> str | None:
    """An FTS5 query for what a person typed: every word must appear (as a prefix).

    Words are folded (``words``) and quoted, so FTS5 operators are inert. Returns None
    when the text holds no word at all.
    """
    found = words(search)
    if not found:
        return None
    return " ".join(f'"{w}"*' for w in found)


def word_ids(word: str, dialect: str) -> Select[Any]:
    """SELECT of the ids of engagements whose index row has a word starting with the
    folded ``word`` (each call its own anonymous parameter, so several combine)."""
    if dialect == "postgresql":
        index = sql_table(FTS_TABLE, literal_column("id"), literal_column("document"))
        query = func.to_tsquery("simple", bindparam(None, f"'{word}':*"))
        return (
            select(literal_column("id"))
            .select_from(index)
            .where(literal_column("document").op("@@")(query))
        )
    index = sql_table(FTS_TABLE)
    return (
        select(literal_column("rowid"))
        .select_from(index)
        .where(literal_column(FTS_TABLE).op("MATCH")(bindparam(None, f'"{word}"*')))
    )


def matching_ids_sql(dialect: str = "sqlite") -> str:
    """SQL selecting the ids of engagements that match the bound parameter ``:fts``."""
    if dialect == "postgresql":
        return f"SELECT id FROM {FTS_TABLE} WHERE document @@ to_tsquery('simple', :fts)"
    return f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :fts"


def matching_ids_statement(query: str) -> TextClause:
    """SELECT of the ids of engagements matching the FTS5 ``query``, in no order."""
    return text(matching_ids_sql()).bindparams(fts=query)


def count(conn: Connection) -> int:
    """Rows in the index."""
    return int(conn.execute(text(f"SELECT count(*) FROM {FTS_TABLE}")).scalar_one())
