"""The words of organisations' names and aliases, which full-text search matches.

An engagement's index row holds none of its vendor's or counterpart's names (schema
version 11): a search word matches an engagement when it starts a word of the row or a
word of a name or alias of its vendor or counterpart (``db.queries``). Organisations
are few (hundreds against 100,000 engagements), so merging one, or giving it an alias,
rewrites a few rows here instead of the index rows of every engagement naming it. The
words are folded as the index folds them (``fulltext.words``), on both backends.

Every writer of an organisation's name or aliases calls ``reindex`` for it in the same
transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Select, select

from db import fulltext, tables

W = tables.organisation_word
ORG = tables.organisation
ALIAS = tables.organisation_alias

# Ids per IN list (SQLite's default limit on bound parameters is 32,766).
_CHUNK = 500


def words_of(names: Iterable[str]) -> list[str]:
    """The distinct folded words of ``names``, sorted."""
    return sorted({w for name in names for w in fulltext.words(name)})


def reindex(conn: Connection, org_ids: Sequence[int]) -> None:
    """Write again the words of organisations ``org_ids`` from their stored name and
    aliases (an id no longer stored keeps no words)."""
    ids = sorted(set(org_ids))
    for start in range(0, len(ids), _CHUNK):
        part = ids[start : start + _CHUNK]
        names: dict[int, list[str]] = {i: [] for i in part}
        for org_id, name in conn.execute(select(ORG.c.id, ORG.c.name).where(ORG.c.id.in_(part))):
            names[int(org_id)].append(str(name))
        aliases = select(ALIAS.c.organisation_id, ALIAS.c.alias).where(
            ALIAS.c.organisation_id.in_(part)
        )
        for org_id, alias in conn.execute(aliases):
            names[int(org_id)].append(str(alias))
        conn.execute(W.delete().where(W.c.organisation_id.in_(part)))
        rows = [
            {"organisation_id": i, "word": w} for i, given in names.items() for w in words_of(given)
        ]
        if rows:
            conn.execute(W.insert(), rows)


def add_new(conn: Connection, names: Mapping[int, str]) -> None:
    """The words of organisations just created (a name each, no alias yet): one INSERT."""
    rows = [
        {"organisation_id": i, "word": w} for i, name in names.items() for w in words_of([name])
    ]
    if rows:
        conn.execute(W.insert(), rows)


def reindex_all(conn: Connection) -> None:
    """Every organisation's words (the upgrade to schema version 11)."""
    reindex(conn, [int(i) for i in conn.execute(select(ORG.c.id)).scalars()])


def matching(word: str) -> Select[Any]:
    """SELECT of the ids of organisations with a name or alias of which a word starts
    with ``word`` (folded, as ``fulltext.words`` gives it: no LIKE wildcard in it)."""
    return select(W.c.organisation_id).where(W.c.word.like(f"{word}%"))
