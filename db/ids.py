"""The ordered ids a list shows, computed in SQL as cheaply as the filter allows.

On SQLite the ids come through the driver's cursor (100,000 ids through SQLAlchemy's
result rows cost more than the query itself). A filter of the live engagements that
keeps many of them (a one-letter search, most statuses) is not sorted by SQLite: the
ids matching it, unordered, select from the whole live table read in order along its
sort index, which is quicker than sorting tens of thousands of rows.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection

from db import fulltext, queries
from tracker.domain.model import Filters

# From how many matching ids on a filter it is quicker to pick them out of the
# whole ordered table than to have SQLite sort them.
MANY_IDS = 20_000


def fetch_ids(conn: Connection, statements: Sequence[Any]) -> list[int]:
    """The ids selected by ``statements``, one after the other, via the driver's cursor."""
    ids: list[int] = []
    cursor = conn.connection.cursor()
    try:
        for statement in statements:
            sql, params = queries.compiled(statement, conn.dialect)
            cursor.execute(sql, params)
            ids += [row[0] for row in cursor.fetchall()]
    finally:
        cursor.close()
    return ids


def ordered_ids(
    conn: Connection, filters: Filters, *, sort: str, descending: bool, markings: Sequence[str]
) -> list[int]:
    """The ids matching ``filters`` in the order of ``sort``; ValueError for an unknown sort."""
    dialect = conn.dialect.name

    def statements(chosen: Filters) -> list[Any]:
        return queries.ordered_ids_statements(
            chosen, sort=sort, descending=descending, markings=markings, dialect=dialect
        )

    if dialect != "sqlite":
        return [int(i) for st in statements(filters) for i in conn.execute(st).scalars()]
    if filters.trash or queries.whole_live_table(filters):
        return fetch_ids(conn, statements(filters))
    matching = _matching_ids(conn, filters)
    if matching is None:
        return fetch_ids(conn, statements(filters))
    return [i for i in fetch_ids(conn, statements(Filters())) if i in matching]


def _matching_ids(conn: Connection, filters: Filters) -> set[int] | None:
    """The unordered ids matching ``filters`` when there are many of them (then picking
    them out of the whole ordered table is quicker), else None (let SQLite sort them)."""
    matching: set[int] | None = None
    fts = fulltext.match_query(filters.search or "")
    if fts is not None:
        matching = set(fetch_ids(conn, [fulltext.matching_ids_statement(fts)]))
        aliased = queries.alias_matches(filters.search or "")
        if aliased is not None:  # an alias of the vendor or counterpart matches too
            matching.update(fetch_ids(conn, [aliased]))
        if len(matching) < MANY_IDS:
            return None
    rest = dataclasses.replace(filters, search=None)
    if not queries.whole_live_table(rest):
        found = fetch_ids(conn, [queries.matching_ids_query(rest, conn.dialect.name)])
        if len(found) < MANY_IDS:
            return None
        matching = matching.intersection(found) if matching is not None else set(found)
    return matching
