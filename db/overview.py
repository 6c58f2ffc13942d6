"""The overview's counts in one SQL statement over the filter of every list
(``db.queries.where_clauses``): engagements by status × region, and the vendors with
the most engagements with how many vendors there are.

The matching engagements are grouped once by (status, region, vendor), at most a few
thousand groups; the cells and the vendors are both summed from those groups (a CTE),
so a filter is evaluated once, a full-text search too. The vendors are ranked and cut
to the top ones with a window function counting them all before the LIMIT.

The grouping reads the partial index ``ix_engagement_overview`` (status, region, vendor
id of the live engagements, schema version 8), which holds every column it needs: over
the whole table it is one walk of the index in order, with no sort and no row read.
SQLite's planner has no statistics, so under a region filter it would rather pick the
region's own index and look every row up for the other columns (a region keeps a third
of the table: 100 ms at 100,000 engagements); when the filter restricts nothing but
statuses and regions the statement names the index (``INDEXED BY``). Narrower filters
(a vendor, a search, a tag…) are left to the planner: their own index finds few rows.
Measured by ``bench/overview.py``.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    Text,
    cast,
    func,
    literal,
    literal_column,
    null,
    select,
    union_all,
)

from db import queries, tables
from tracker.domain.model import Filters

E = tables.engagement
ORG = tables.organisation

INDEX = "ix_engagement_overview"
# The statement's own read of the engagement table (not engagement_fts, not a column).
_TABLE_READ = re.compile(r"\bFROM engagement(?=\s)")


# The parts of the result, in its first column.
CELL, VENDOR = 0, 1


def overview_query(filters: Filters, dialect: str, top: int) -> Any:
    """The one statement of the overview of ``filters``: rows (part, status, region,
    name, count, vendors, name key), a ``CELL`` row per (status, region) with engagements, then a
    ``VENDOR`` row for each of the ``top`` vendors with the most (ties by name),
    ``vendors`` how many vendors have any."""
    grouped = (
        select(E.c.status, E.c.region, E.c.vendor_id, func.count().label("n"))
        .where(*queries.where_clauses(filters, dialect))
        .group_by(E.c.status, E.c.region, E.c.vendor_id)
        .cte("grouped")
    )
    cells = select(
        literal(CELL).label("part"),
        grouped.c.status,
        grouped.c.region,
        _NO_TEXT,
        func.sum(grouped.c.n).label("n"),
        _NO_NUMBER,
        _NO_TEXT.label("name_key"),
    ).group_by(grouped.c.status, grouped.c.region)
    by_vendor = (
        select(
            grouped.c.vendor_id,
            func.sum(grouped.c.n).label("n"),
            func.count().over().label("vendors"),
        )
        .group_by(grouped.c.vendor_id)
        .subquery("by_vendor")
    )
    ranked = (
        select(
            literal(VENDOR),
            _NO_TEXT,
            _NO_TEXT,
            ORG.c.name,
            by_vendor.c.n,
            by_vendor.c.vendors,
            ORG.c.name_key,
        )
        .join_from(by_vendor, ORG, ORG.c.id == by_vendor.c.vendor_id)
        .order_by(by_vendor.c.n.desc(), ORG.c.name_key)
        .limit(top)
        .subquery("ranked")
    )
    # The vendors in their rank again: a subquery's order does not outlast the UNION.
    return union_all(cells, select(ranked)).order_by(
        literal_column("part"), literal_column("n").desc(), literal_column("name_key")
    )


_NO_TEXT: Any = cast(null(), Text)
_NO_NUMBER: Any = cast(null(), Integer)


def counts(conn: Connection, filters: Filters, top: int) -> list[Any]:
    """The rows of ``overview_query`` for ``filters``."""
    statement = overview_query(filters, conn.dialect.name, top)
    if conn.dialect.name != "sqlite" or not _covered(filters):
        return list(conn.execute(statement))
    sql, params = queries.compiled(statement, conn.dialect)
    sql, found = _TABLE_READ.subn(f"FROM engagement INDEXED BY {INDEX}", sql, count=1)
    assert found == 1, "the statement reads the engagement table"
    return list(conn.exec_driver_sql(sql, params))


def _covered(filters: Filters) -> bool:
    """Whether ``filters`` restrict nothing but statuses and regions (the index holds
    both); a search without words restricts nothing."""
    return queries.whole_live_table(dataclasses.replace(filters, statuses=(), regions=()))
