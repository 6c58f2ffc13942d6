"""Pivot counts as one SQL statement: engagements by one or two dimensions, with totals.

The statement groups the engagements matching the filter (``db.queries.where_clauses``,
the filter of every list) by the row (and column) value: the cells. Over a list
dimension (restriction, stance, tag) an engagement may sit in several cells, so the
cells are a ``count(DISTINCT engagement.id)`` and the statement is a UNION ALL with the
row totals, the column totals and the grand total grouped the same way: an engagement
counts once in each value's total and once in the grand total. Over single-valued
dimensions each engagement is in one cell, so the cells alone are read (one scan) and
the totals are their sums. Each result row reads (part, row value, row title, column
value, column title, count); the title is a restriction's, else NULL.

Restriction × stance reads only the rows of ``engagement_restriction`` (the way of the
restriction comparison, ``db.restriction_comparison``): the generic statement joined
every engagement to them and counted distinct ids four times over (2.35 s at 100,000
engagements, ``bench/pivot.py``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    Text,
    cast,
    func,
    literal_column,
    null,
    select,
    union_all,
)
from sqlalchemy.sql import FromClause

from db import queries, tables
from db.restriction_comparison import ER as _RC_ER
from db.restriction_comparison import over_kept
from tracker.domain.model import Filters
from tracker.domain.pivot import LIST_DIMENSIONS

E = tables.engagement
_VENDOR = tables.organisation.alias("pivot_vendor")
_COUNTERPART = tables.organisation.alias("pivot_counterpart")
_ER = tables.engagement_restriction
_R = tables.restriction
_ET = tables.engagement_tag
_T = tables.tag

# The parts of the result, in its first column.
CELL, ROW_TOTAL, COLUMN_TOTAL, TOTAL = 0, 1, 2, 3

# Each dimension's value as a column of the joined tables below. The year is the first
# four characters of ``started_from`` (the first day of the partial date, ISO text):
# every partial date lies within one year.
_VALUES: dict[str, Any] = {
    "status": E.c.status,
    "region": E.c.region,
    "vendor": _VENDOR.c.name,
    "counterpart": _COUNTERPART.c.name,
    "confidence": E.c.confidence,
    "marking": E.c.marking,
    "restriction": _R.c.code,
    "stance": _ER.c.stance,
    "tag": _T.c.name,
    "year": func.substr(E.c.started_from, 1, 4),
}


def _source(dimensions: set[str]) -> FromClause:
    """The engagement table joined to what ``dimensions`` read. Restriction and stance
    share one join of ``engagement_restriction``, so rows × columns of the two are each
    restriction's stance; the list joins are outer so that an engagement without any
    is counted under none."""
    source: FromClause = E
    if "vendor" in dimensions:
        source = source.join(_VENDOR, _VENDOR.c.id == E.c.vendor_id)
    if "counterpart" in dimensions:
        source = source.join(_COUNTERPART, _COUNTERPART.c.id == E.c.counterpart_id)
    if dimensions & {"restriction", "stance"}:
        source = source.outerjoin(_ER, _ER.c.engagement_id == E.c.id)
    if "restriction" in dimensions:
        source = source.outerjoin(_R, _R.c.id == _ER.c.restriction_id)
    if "tag" in dimensions:
        source = source.outerjoin(_ET, _ET.c.engagement_id == E.c.id).outerjoin(
            _T, _T.c.id == _ET.c.tag_id
        )
    return source


def _value(dimension: str) -> tuple[ColumnElement[Any], ColumnElement[Any]]:
    """A dimension's (value, title) columns as text, so that every part of the UNION has
    the same column types; the title is NULL but for a restriction."""
    title = _R.c.title if dimension == "restriction" else _NO_TEXT
    return cast(_VALUES[dimension], Text), title


_NO_TEXT: ColumnElement[Any] = cast(null(), Text)


def pivot_query(rows: str, columns: str | None, filters: Filters, dialect: str) -> Any:
    """The one statement of a pivot of ``rows`` (× ``columns``) over ``filters``."""
    if {rows, columns} == {"restriction", "stance"}:
        return _restriction_stance_query(rows == "stance", filters, dialect)
    source = _source({rows, *([columns] if columns else [])})
    where = queries.where_clauses(filters, dialect)
    row = _value(rows)
    column = _value(columns) if columns else (_NO_TEXT, _NO_TEXT)

    lists = bool({rows, columns} & LIST_DIMENSIONS)
    counted = func.count(E.c.id.distinct()) if lists else func.count()

    def part(kind: int, by_row: bool, by_column: bool) -> Select[Any]:
        chosen = [*(row if by_row else (_NO_TEXT, _NO_TEXT))]
        chosen += [*(column if by_column else (_NO_TEXT, _NO_TEXT))]
        keys = [c for c in chosen if c is not _NO_TEXT]
        return (
            select(literal_column(str(kind)), *chosen, counted)
            .select_from(source)
            .where(*where)
            .group_by(*keys)
        )

    cells = part(CELL, True, columns is not None)
    if not lists:
        return cells
    parts = [cells, part(TOTAL, False, False)]
    if columns is not None:
        parts += [part(ROW_TOTAL, True, False), part(COLUMN_TOTAL, False, True)]
    return union_all(*parts)


def _restriction_stance_query(stance_rows: bool, filters: Filters, dialect: str) -> Any:
    """Restriction × stance (or stance × restriction) from the kept engagements'
    restrictions alone, without joining every engagement (``_restriction_stance_parts``);
    the signed parts are added up by an outer GROUP BY, those adding up to 0 left out,
    and each restriction's code and title joined last."""
    every = union_all(*_restriction_stance_parts(stance_rows, filters, dialect)).subquery()
    restriction = (cast(_R.c.code, Text), _R.c.title)
    stance = (cast(every.c.stance, Text), _NO_TEXT)
    row, column = (stance, restriction) if stance_rows else (restriction, stance)
    return (
        select(every.c.kind, *row, *column, func.sum(every.c.n))
        .select_from(every.outerjoin(_R, _R.c.id == every.c.restriction_id))
        .group_by(every.c.kind, _R.c.code, _R.c.title, every.c.stance)
        .having(func.sum(every.c.n) != 0)
    )


def _restriction_stance_parts(
    stance_rows: bool, filters: Filters, dialect: str
) -> list[Select[Any]]:
    """The parts, (kind, restriction id, stance, count), over the restrictions of the
    engagements matching ``filters`` (``db.restriction_comparison.over_kept``, signed).
    A pair is unique, so a cell is a plain ``count(*)`` and a restriction's total the
    sum of its cells (``Tracker.pivot`` adds them up); only a stance's total counts
    distinct engagements. Those recording no restriction are the cell and the stance
    total of none; the grand total is the filter's count."""
    sid, stance = _RC_ER.c.restriction_id, _RC_ER.c.stance
    stance_total = ROW_TOTAL if stance_rows else COLUMN_TOTAL

    def cells(sign: int, where: list[ColumnElement[bool]]) -> Select[Any]:
        # The first part names the columns of them all.
        kind: ColumnElement[Any] = literal_column(str(CELL)).label("kind")
        counted = (func.count() * sign).label("n")
        return select(kind, sid, stance, counted).where(*where).group_by(stance, sid)

    def stance_totals(sign: int, where: list[ColumnElement[bool]]) -> Select[Any]:
        distinct = func.count(_RC_ER.c.engagement_id.distinct()) * sign
        chosen = select(literal_column(str(stance_total)), null(), stance, distinct)
        return chosen.where(*where).group_by(stance)

    def one(kind: int, count: ColumnElement[Any]) -> Select[Any]:
        return select(literal_column(str(kind)), null(), null(), count)

    kept = queries.matching_ids_query(filters, dialect)
    unrecorded = kept.where(E.c.id.not_in(select(_RC_ER.c.engagement_id))).subquery()
    none = select(func.count()).select_from(unrecorded).scalar_subquery()
    return [
        *over_kept(filters, dialect, cells),
        *over_kept(filters, dialect, stance_totals),
        one(CELL, none),
        one(stance_total, none),
        one(TOTAL, queries.count_query(filters, dialect).scalar_subquery()),
    ]
