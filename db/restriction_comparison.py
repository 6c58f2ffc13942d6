"""The restriction comparison in SQL: engagements by restriction and stance, and the
stances of a page of engagements.

The counts group ``engagement_restriction`` by (stance, restriction) without a
``count(DISTINCT)``: an engagement records a restriction once (the pair is unique), so
each row is one engagement. The generic pivot (``db.pivot``) joins every live
engagement to its restrictions and counts distinct ids four times over (cells, row,
column and grand totals); here the rows are read once. The kept engagements are an
``IN`` list of the filter's ids, so SQLite reads only their restrictions, through the
index on ``engagement_id``. For the whole live table (the common case) there is no join
at all: every row of the table counts, less those of the engagements in the trash
(read through the trash's own index, normally none).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, func, select, union_all

from db import queries, tables
from db.store import chunks
from tracker.domain.model import Filters
from tracker.domain.vocab import Stance

E = tables.engagement
ER = tables.engagement_restriction
_R = tables.restriction


# A part of a statement over the kept engagements' restrictions: given the sign of its
# counts (+1, or -1 for those of the trash) and its WHERE conditions on those rows.
Part = Callable[[int, list[ColumnElement[bool]]], Select[Any]]


def over_kept(filters: Filters, dialect: str, part: Part) -> list[Select[Any]]:
    """``part`` over the restrictions of the engagements matching ``filters``: for the
    whole live table, over every row of ``engagement_restriction`` less (sign -1) those
    of the trash; the counts of the parts are to be added up."""
    if queries.whole_live_table(filters):
        trashed = select(E.c.id).where(E.c.deleted_at.is_not(None))
        return [part(1, []), part(-1, [ER.c.engagement_id.in_(trashed)])]
    kept = queries.matching_ids_query(filters, dialect)
    return [part(1, [ER.c.engagement_id.in_(kept)])]


def _counted(sign: int, where: list[ColumnElement[bool]]) -> Select[Any]:
    # Stance first: grouping by restriction first tempts SQLite into walking the
    # restriction_id index, then reading each row from the table out of order.
    return (
        select(ER.c.restriction_id, ER.c.stance, func.count() * sign)
        .where(*where)
        .group_by(ER.c.stance, ER.c.restriction_id)
    )


def comparison_query(filters: Filters, dialect: str) -> Any:
    """SELECT (restriction id, stance, count) of the engagements matching ``filters``;
    a (restriction, stance) pair may come in more than one row: add them up."""
    parts = over_kept(filters, dialect, _counted)
    return parts[0] if len(parts) == 1 else union_all(*parts)


def stance_counts(conn: Connection, filters: Filters) -> dict[tuple[int, Stance], int]:
    """How many engagements matching ``filters`` take each stance on each restriction
    (by the restriction's id); pairs no engagement takes are absent."""
    counts: dict[tuple[int, Stance], int] = {}
    for restriction_id, stance, n in conn.execute(comparison_query(filters, conn.dialect.name)):
        key = (int(restriction_id), Stance(stance))
        counts[key] = counts.get(key, 0) + int(n)
    return {key: n for key, n in counts.items() if n}


def catalogue_ids(conn: Connection) -> dict[str, int]:
    """Each catalogued restriction's id by its code."""
    return {str(code): int(i) for i, code in conn.execute(select(_R.c.id, _R.c.code))}


def stances(conn: Connection, engagement_ids: Sequence[int]) -> dict[int, dict[str, Stance]]:
    """The stance of each of ``engagement_ids`` on each restriction it records, by the
    restriction's code (an engagement recording none maps to an empty dict)."""
    out: dict[int, dict[str, Stance]] = {i: {} for i in engagement_ids}
    for part in chunks(list(engagement_ids)):
        query = (
            select(ER.c.engagement_id, _R.c.code, ER.c.stance)
            .join(_R, _R.c.id == ER.c.restriction_id)
            .where(ER.c.engagement_id.in_(part))
        )
        for engagement_id, code, stance in conn.execute(query):
            out[int(engagement_id)][str(code)] = Stance(stance)
    return out
