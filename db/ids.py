"""The ordered ids a list shows, computed in SQL as cheaply as the filter allows.

On SQLite the ids come through the driver's cursor (100,000 ids through SQLAlchemy's
result rows cost more than the query itself). A filter of the live engagements that
keeps many of them (a one-letter search, most statuses) is not sorted by SQLite: the
ids matching it, unordered, select from the whole live table read in order along its
sort index, which is quicker than sorting tens of thousands of rows; that whole list is
kept while the database is unchanged (``db.order_cache``). Ids whose order does not
matter come as one ``group_concat`` string: a third of the cost of 100,000 rows.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from itertools import combinations
from typing import Any

from sqlalchemy import Connection

from db import fulltext, org_words, queries
from db.order_cache import OrderCache
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


def fetch_id_set(conn: Connection, statements: Sequence[Any]) -> set[int]:
    """The ids selected by ``statements``, in no order (SQLite)."""
    found: set[int] = set()
    cursor = conn.connection.cursor()
    try:
        for statement in statements:
            sql, params = queries.compiled(statement, conn.dialect)
            cursor.execute(f"WITH m(id) AS ({sql}) SELECT group_concat(id) FROM m", params)
            row = cursor.fetchone()
            if row is not None and row[0]:
                found.update(map(int, str(row[0]).split(",")))
    finally:
        cursor.close()
    return found


def ordered_ids(
    conn: Connection,
    filters: Filters,
    *,
    sort: str,
    descending: bool,
    markings: Sequence[str],
    cache: OrderCache | None = None,
) -> list[int]:
    """The ids matching ``filters`` in the order of ``sort``; ValueError for an unknown sort.
    ``cache`` keeps the whole live table's order between calls (SQLite)."""
    ordering = _Ordering(conn, sort, descending, markings, cache)
    if conn.dialect.name != "sqlite":
        return [int(i) for st in ordering.statements(filters) for i in conn.execute(st).scalars()]
    if filters.trash:
        return ordering.sorted_by_sql(filters)
    if queries.whole_live_table(filters):
        return ordering.whole()
    if filters.search and fulltext.search_words(filters.search):
        return ordering.searched(filters)
    found = fetch_id_set(conn, [queries.matching_ids_query(filters, "sqlite")])
    if len(found) < MANY_IDS:
        return ordering.sorted_by_sql(filters)  # along the filter's own index
    return ordering.picked(found)


class _Ordering:
    """The ways to one order of ids on SQLite: sorted by SQLite, or picked out of the
    whole live table read in order (kept in ``cache``)."""

    def __init__(
        self,
        conn: Connection,
        sort: str,
        descending: bool,
        markings: Sequence[str],
        cache: OrderCache | None,
    ) -> None:
        self.conn, self.sort, self.descending = conn, sort, descending
        self.markings, self.cache = tuple(markings), cache

    def statements(self, filters: Filters) -> list[Any]:
        return queries.ordered_ids_statements(
            filters,
            sort=self.sort,
            descending=self.descending,
            markings=self.markings,
            dialect=self.conn.dialect.name,
        )

    def sorted_by_sql(self, filters: Filters) -> list[int]:
        return fetch_ids(self.conn, self.statements(filters))

    def _key(self) -> tuple[Any, ...]:
        version = self.conn.exec_driver_sql("PRAGMA data_version").scalar()
        connection = id(self.conn.connection.dbapi_connection)
        return (self.sort, self.descending, self.markings, connection, version)

    def whole(self) -> list[int]:
        if self.cache is None:
            return self.sorted_by_sql(Filters())
        return self.cache.get(self._key(), lambda: self.sorted_by_sql(Filters()))

    def picked(self, ids: set[int]) -> list[int]:
        return [i for i in self.whole() if i in ids]

    def among(self, ids: set[int], filters: Filters) -> list[int]:
        """``ids`` that ``filters`` keep, sorted by SQLite."""
        query = queries.ids_among(
            sorted(ids),
            filters,
            sort=self.sort,
            descending=self.descending,
            markings=self.markings,
            dialect="sqlite",
        )
        return fetch_ids(self.conn, [query])

    def searched(self, filters: Filters) -> list[int]:
        """A search, with or without other filters: few matches are sorted by SQLite,
        many picked out of the whole table (so are few when it is kept already)."""
        found = search_matches(self.conn, filters.search or "")
        rest = dataclasses.replace(filters, search=None)
        if not queries.whole_live_table(rest):
            if len(found) < MANY_IDS:
                return self.among(found, rest)
            found &= fetch_id_set(self.conn, [queries.matching_ids_query(rest, "sqlite")])
        kept = self.cache is not None and self.cache.holds(self._key())
        if len(found) < MANY_IDS and not kept:
            return self.among(found, Filters())
        return self.picked(found)


def search_matches(conn: Connection, search: str) -> set[int]:
    """The ids of the engagements (live or not) the words of ``search`` all match, as
    ``queries.word_matches`` says, computed here for speed.

    A word that starts no organisation's word must be in the engagement's text; the
    others ("named" words) in its text or its organisations' names. So the matches
    are, for each set S of named words, the engagements whose organisations' names
    hold S and whose text holds every other word: one statement each, driven by the
    full-text index where some word must be in the text (FTS5 intersects its lists
    itself), by the organisations otherwise. Sets of ids of a word each, intersected
    here, would read every engagement a one-letter word matches."""
    plain: list[str] = []
    named: list[tuple[str, list[int]]] = []
    for word in dict.fromkeys(fulltext.search_words(search)):
        orgs = fetch_ids(conn, [org_words.matching(word)])
        if orgs:
            named.append((word, orgs))
        else:
            plain.append(word)
    if len(named) > MOST_NAMED_WORDS:
        return _word_by_word(conn, plain, named)
    found: set[int] = set()
    for size in range(len(named) + 1):
        for by_name in combinations(named, size):
            in_text = plain + [w for w, orgs in named if (w, orgs) not in by_name]
            query = fulltext.match_query(" ".join(in_text))
            statement = queries.text_and_names(query, [orgs for _, orgs in by_name])
            found |= fetch_id_set(conn, [statement])
    return found


# Above this many named words in one search, 2 ** n statements would cost more than
# matching word by word.
MOST_NAMED_WORDS = 4


def _word_by_word(
    conn: Connection, plain: list[str], named: list[tuple[str, list[int]]]
) -> set[int]:
    """The same matches, a set of ids per word intersected (many named words)."""
    sets: list[set[int]] = []
    if plain:
        query = fulltext.match_query(" ".join(plain))
        assert query is not None  # plain holds words
        sets.append(fetch_id_set(conn, [fulltext.matching_ids_statement(query)]))
    for word, orgs in named:
        sets.append(
            fetch_id_set(conn, [fulltext.word_ids(word, "sqlite"), *queries.named_ids(orgs)])
        )
    sets.sort(key=len)
    return sets[0].intersection(*sets[1:])
