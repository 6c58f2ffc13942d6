"""The overview's counts as two SQL aggregates over the filter of every list
(``db.queries.where_clauses``): engagements by status × region, and the vendors with
the most engagements with how many vendors there are.

The cells are grouped by one small integer per (status, region), the status's place in
its vocabulary times eight plus the region's (7 for none): SQLite groups by sorting,
and sorting integers is about half the time of sorting pairs of words. The vendors are
grouped by id, then ranked and cut to the top ones in the same statement (a window
function counts the groups before the LIMIT).

On SQLite, under no filter or only broad ones (statuses, regions, confidences,
markings: each keeps a large share of the engagements), the statements read the table
itself (``NOT INDEXED``) rather than a partial index of the live engagements: SQLite's
planner, with no statistics, would walk the status (or region) index and look each row
up for the other column, three times slower over the whole table and still slower over
a region's third of it. The vendors of the whole live table are left to the planner (it
walks the vendor index in order and needs no sort), and so is every narrower filter (a
vendor, a search, a tag…), whose index finds few rows. Measured by ``bench/overview.py``.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from sqlalchemy import Connection, Select, case, func, literal_column, select

from db import queries, tables
from tracker.domain.model import Filters
from tracker.domain.overview import RegionKey
from tracker.domain.vocab import Region, Status, Vocabulary

E = tables.engagement
ORG = tables.organisation

_STATUSES = tuple(Status)
_REGIONS = tuple(Region)
_SPAN = len(_REGIONS) + 1  # the regions and "not set"
# The statement's own read of the engagement table (not engagement_fts, not a column).
_TABLE_READ = re.compile(r"\bFROM engagement(?=\s)")
# The filters that keep a large share of the engagements (see the module's docstring).
_BROAD = frozenset({"statuses", "regions", "confidences", "markings"})


def _place(column: Any, words: tuple[Vocabulary, ...]) -> Any:
    """A word's place in its vocabulary; the number after the last for any other."""
    return case({w.value: n for n, w in enumerate(words)}, value=column, else_=len(words))


def cells_query(filters: Filters, dialect: str) -> Select[Any]:
    """SELECT (cell key, count) of the engagements matching ``filters``; ``cell`` reads
    a key back as its (status, region)."""
    key = _place(E.c.status, _STATUSES) * _SPAN + _place(E.c.region, _REGIONS)
    return (
        select(key.label("cell"), func.count())
        .select_from(E)
        .where(*queries.where_clauses(filters, dialect))
        .group_by(literal_column("cell"))
    )


def cell(key: int) -> tuple[Status, RegionKey] | None:
    """The (status, region) of a key of ``cells_query``; None for a status outside the
    vocabulary (which a stored engagement never has)."""
    status, region = divmod(int(key), _SPAN)
    if status >= len(_STATUSES):
        return None
    return _STATUSES[status], _REGIONS[region] if region < len(_REGIONS) else None


def vendors_query(filters: Filters, dialect: str, top: int) -> Select[Any]:
    """SELECT (name, count, vendors) of the ``top`` vendors with the most engagements
    matching ``filters`` (ties by name), ``vendors`` how many vendors have any."""
    counted = (
        select(E.c.vendor_id, func.count().label("n"), func.count().over().label("vendors"))
        .where(*queries.where_clauses(filters, dialect))
        .group_by(E.c.vendor_id)
        .subquery("counted")
    )
    return (
        select(ORG.c.name, counted.c.n, counted.c.vendors)
        .join_from(counted, ORG, ORG.c.id == counted.c.vendor_id)
        .order_by(counted.c.n.desc(), ORG.c.name_key)
        .limit(top)
    )


def counts(
    conn: Connection, filters: Filters, top: int
) -> tuple[list[tuple[int, int]], list[tuple[str, int, int]]]:
    """The rows of ``cells_query`` and of ``vendors_query`` for ``filters``."""
    dialect = conn.dialect.name
    broad = _broad(filters)
    cells = _rows(conn, cells_query(filters, dialect), unindexed=broad)
    whole = queries.whole_live_table(filters)
    vendors = _rows(conn, vendors_query(filters, dialect, top), unindexed=broad and not whole)
    return [(int(k), int(n)) for k, n in cells], [(str(v), int(n), int(m)) for v, n, m in vendors]


def _broad(filters: Filters) -> bool:
    """Whether ``filters`` set none but broad filters (a search without words is none)."""
    return queries.whole_live_table(dataclasses.replace(filters, **_CLEARED))


_CLEARED: dict[str, Any] = {name: () for name in _BROAD}


def _rows(conn: Connection, statement: Select[Any], *, unindexed: bool) -> list[Any]:
    if conn.dialect.name != "sqlite" or not unindexed:
        return list(conn.execute(statement))
    sql, params = queries.compiled(statement, conn.dialect)
    sql, found = _TABLE_READ.subn("FROM engagement NOT INDEXED", sql, count=1)
    assert found == 1, "the statement reads the engagement table"
    return list(conn.exec_driver_sql(sql, params))
