"""Filters and sort orders as SQL: the list of ids a table shows is computed here.

Filtering, sorting and full-text search run in the database; only the ordered ids
come back, and rows are fetched for the ids a view actually shows.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import (
    ClauseElement,
    ColumnElement,
    Dialect,
    FromClause,
    Select,
    and_,
    bindparam,
    case,
    func,
    literal_column,
    or_,
    select,
    text,
    union_all,
)
from sqlalchemy.sql.compiler import SQLCompiler

from db import fulltext, org_words, tables
from tracker.domain.model import Filters
from tracker.domain.vocab import OPEN_STATUSES, Confidence, Region, Stance, Status

E = tables.engagement
ORG = tables.organisation
ALIAS = tables.organisation_alias


def _rank(column: Any, words: Sequence[str]) -> ColumnElement[Any]:
    # No ELSE: a missing word ranks NULL, so NULLS LAST puts it last in both directions.
    return case({w: n for n, w in enumerate(words)}, value=column)


def _org_ids(name: str) -> Select[Any]:
    """The organisation of that name or alias (any case)."""
    key = name.strip().casefold()
    aliased = select(ALIAS.c.organisation_id).where(ALIAS.c.alias_key == key)
    return select(ORG.c.id).where((ORG.c.name_key == key) | ORG.c.id.in_(aliased))


def org_tree_ids(name: str) -> Select[Any]:
    """The organisation of that name or alias and every part of it, at any depth (a
    recursive query: CDAO within the DoD within ...); UNION, so a loop ends."""
    tree = _org_ids(name).cte("org_tree", recursive=True)
    parts = select(ORG.c.id).join(tree, ORG.c.parent_id == tree.c.id)
    return select(tree.union(parts).c.id)


def _organisation_clause(name: str) -> ColumnElement[bool]:
    """Engagements whose vendor or counterpart is that organisation or a part of it."""
    tree = org_tree_ids(name)
    return or_(E.c.vendor_id.in_(tree), E.c.counterpart_id.in_(tree))


def named_ids(orgs: Select[Any] | Sequence[int]) -> list[Select[Any]]:
    """SELECTs of the ids of engagements whose vendor, then counterpart, is one of
    ``orgs`` (each served by its column's index)."""
    return [
        select(E.c.id).where(E.c.vendor_id.in_(orgs)),
        select(E.c.id).where(E.c.counterpart_id.in_(orgs)),
    ]


def text_and_names(fts: str | None, names: Sequence[Sequence[int]]) -> Any:
    """SELECT of the ids of engagements whose text matches the FTS5 query ``fts`` (any
    text when None) and whose vendor or counterpart is, for each list of ``names``, one
    of its organisations (SQLite; ``db.ids.search_matches``)."""
    if not names:
        assert fts is not None
        return fulltext.matching_ids_statement(fts)
    named = [or_(E.c.vendor_id.in_(orgs), E.c.counterpart_id.in_(orgs)) for orgs in names]
    if fts is not None:
        named.insert(0, E.c.id.in_(fulltext.matching_ids_statement(fts)))
    return select(E.c.id).where(*named)


def word_matches(word: str, dialect: str) -> Any:
    """SELECT of the ids of engagements a search word matches: it starts a word of the
    engagement's index row, or of a name or alias of its vendor or counterpart
    (``db.org_words``: those names are not in the row)."""
    return union_all(fulltext.word_ids(word, dialect), *named_ids(org_words.matching(word)))


def _region_clause(regions: Sequence[Region | None]) -> ColumnElement[bool]:
    """Engagements in one of ``regions``, where None stands for "no region set"."""
    named = [r.value for r in regions if r is not None]
    if None not in regions:
        return E.c.region.in_(named)
    if not named:
        return E.c.region.is_(None)
    return or_(E.c.region.in_(named), E.c.region.is_(None))


def _restriction_match(restriction: str, r: FromClause) -> ColumnElement[bool]:
    """The catalogue restriction ``r`` of that code or (any case) title."""
    key = restriction.strip()
    return (r.c.code == key) | (func.lower(r.c.title) == key.lower())


def catalogue_entry(restriction: str) -> Select[Any]:
    """The catalogue restriction of that code or (any case) title (a saved view asks
    whether the one it names is still there)."""
    return select(tables.restriction.c.id).where(
        _restriction_match(restriction, tables.restriction)
    )


def _restriction_clause(restriction: str) -> ColumnElement[bool]:
    """Engagements with a restriction of that catalogue code or (any case) title."""
    er, r = _restriction_tables()
    return E.c.id.in_(
        select(er.c.engagement_id)
        .join(r, r.c.id == er.c.restriction_id)
        .where(_restriction_match(restriction, r))
    )


def _stance_clause(stance: Stance, restriction: str | None) -> ColumnElement[bool]:
    """Engagements with a restriction of that stance: the named one (code or title)
    when ``restriction`` is given, any one otherwise."""
    er, r = _restriction_tables()
    held = select(er.c.id).where(er.c.engagement_id == E.c.id, er.c.stance == stance.value)
    if restriction and restriction.strip():
        held = held.join(r, r.c.id == er.c.restriction_id).where(_restriction_match(restriction, r))
    return held.exists().correlate(E)


def _restriction_tables() -> tuple[FromClause, FromClause]:
    """The engagement's restrictions and the catalogue, under names of their own: a
    query that joins the tables itself (the pivot by restriction or stance) would
    otherwise have its condition's subquery correlated to its own rows."""
    return (
        tables.engagement_restriction.alias("filter_er"),
        tables.restriction.alias("filter_r"),
    )


def _tag_clause(tag: str) -> ColumnElement[bool]:
    et, t = tables.engagement_tag, tables.tag
    return E.c.id.in_(
        select(et.c.engagement_id).join(t, t.c.id == et.c.tag_id).where(t.c.name == tag)
    )


def _stale_clause(before: datetime.date) -> ColumnElement[bool]:
    """Engagements in an open status with no change since before the day ``before``
    (``updated_at`` is ISO text, so a day's text sorts before every instant of it)."""
    return and_(
        E.c.status.in_([s.value for s in OPEN_STATUSES]), E.c.updated_at < before.isoformat()
    )


def _search_clause(search: str, dialect: str) -> ColumnElement[bool]:
    """Every word typed must start a word of the engagement's indexed text or of its
    vendor's or counterpart's names (``word_matches``)."""
    found = fulltext.search_words(search)
    if not found:
        return text("1 = 1")  # type: ignore[return-value]
    return and_(*(E.c.id.in_(word_matches(w, dialect)) for w in found))


def _linked_clause(engagement_id: int) -> ColumnElement[bool]:
    """Linked to the engagement from either end (the index on ``to_id`` serves one way,
    the unique one starting with ``engagement_id`` the other)."""
    k = tables.engagement_link
    return or_(
        E.c.id.in_(select(k.c.to_id).where(k.c.engagement_id == engagement_id)),
        E.c.id.in_(select(k.c.engagement_id).where(k.c.to_id == engagement_id)),
    )


def _given(value: object) -> bool:
    return value is not None


def _has_words(value: str | None) -> bool:
    return bool(value and value.strip())


# Each filter: its Filters attribute, whether its value restricts anything, and its WHERE
# condition (given the value and the dialect). Most restrict when not empty; the dates
# and ``ids`` whenever given (no ids at all matches nothing), the search when it has words.
# A follow-up falls due on the last day of its period, ``follow_up_to``.
_FILTER_CLAUSES: tuple[
    tuple[str, Callable[[Any], bool], Callable[[Any, str], ColumnElement[bool]]], ...
] = (
    ("statuses", bool, lambda v, _: E.c.status.in_([s.value for s in v])),
    ("regions", bool, lambda v, _: _region_clause(v)),
    ("confidences", bool, lambda v, _: E.c.confidence.in_([c.value for c in v])),
    ("markings", bool, lambda v, _: E.c.marking.in_(list(v))),
    ("vendor", bool, lambda v, _: E.c.vendor_id.in_(_org_ids(v))),
    ("counterpart", bool, lambda v, _: E.c.counterpart_id.in_(_org_ids(v))),
    ("organisation", bool, lambda v, _: _organisation_clause(v)),
    ("restriction", bool, lambda v, _: _restriction_clause(v)),
    ("tag", bool, lambda v, _: _tag_clause(v)),
    ("owner", _has_words, lambda v, _: func.lower(E.c.owner) == v.strip().lower()),
    ("started_from", _given, lambda v, _: E.c.started_to >= v.first_day.isoformat()),
    ("started_to", _given, lambda v, _: E.c.started_from <= v.last_day.isoformat()),
    ("due_from", _given, lambda v, _: E.c.follow_up_to >= v.isoformat()),
    ("due_by", _given, lambda v, _: E.c.follow_up_to <= v.isoformat()),
    ("stale_before", _given, lambda v, _: _stale_clause(v)),
    ("ids", _given, lambda v, _: E.c.id.in_(list(v))),
    ("search", _has_words, _search_clause),
    ("linked_to", _given, lambda v, _: _linked_clause(v)),
)


def where_clauses(filters: Filters, dialect: str) -> list[ColumnElement[bool]]:
    """The WHERE conditions for ``filters``."""
    out: list[ColumnElement[bool]] = [
        E.c.deleted_at.is_not(None) if filters.trash else E.c.deleted_at.is_(None)
    ]
    for name, restricts, clause in _FILTER_CLAUSES:
        value = getattr(filters, name)
        if restricts(value):
            out.append(clause(value, dialect))
    if filters.stance is not None:
        # Its condition reads the restriction too: a stance on that restriction.
        out.append(_stance_clause(filters.stance, filters.restriction))
    return out


# Joined (once per row, by primary key) for sorting by organisation name.
_VENDOR = ORG.alias("vendor_org")
_COUNTERPART = ORG.alias("counterpart_org")


def order_columns(sort: str, markings: Sequence[str]) -> list[Any]:
    """ORDER BY terms for a sort key of ``tracker.domain.model.SORT_KEYS`` (ascending)."""
    orders: dict[str, list[Any]] = {
        "title": [E.c.title_key],
        "counterpart": [_COUNTERPART.c.name_key, E.c.title_key],
        "vendor": [_VENDOR.c.name_key, E.c.title_key],
        "region": [E.c.region, E.c.title_key],
        "status": [_rank(E.c.status, Status.values()), E.c.title_key],
        "confidence": [_rank(E.c.confidence, Confidence.values()), E.c.title_key],
        "marking": [_rank(E.c.marking, list(markings)), E.c.title_key],
        "updated_at": [E.c.updated_at],
        "follow_up": [E.c.follow_up_from, E.c.follow_up_to],
        "started": [E.c.started_from, E.c.started_to],
        "id": [],
    }
    if sort not in orders:
        raise ValueError(f'cannot sort by "{sort}" (allowed: {", ".join(orders)})')
    return orders[sort]


def ids_query(
    filters: Filters, *, sort: str, descending: bool, markings: Sequence[str], dialect: str
) -> Select[Any]:
    """SELECT of the ordered ids matching ``filters``; missing values sort last."""
    terms = []
    for column in order_columns(sort, markings):
        term = column.desc() if descending else column.asc()
        # NULLS LAST on a NOT NULL column changes nothing but keeps SQLite from
        # walking an index in that order.
        not_null = getattr(column, "table", None) is E and not column.nullable
        terms.append(term if not_null else term.nulls_last())
    terms.append(E.c.id.desc() if descending else E.c.id.asc())
    source: Any = E
    if sort == "vendor":
        source = E.outerjoin(_VENDOR, _VENDOR.c.id == E.c.vendor_id)
    elif sort == "counterpart":
        source = E.outerjoin(_COUNTERPART, _COUNTERPART.c.id == E.c.counterpart_id)
    return (
        select(E.c.id).select_from(source).where(*where_clauses(filters, dialect)).order_by(*terms)
    )


def ids_among(
    ids: Sequence[int],
    filters: Filters,
    *,
    sort: str,
    descending: bool,
    markings: Sequence[str],
    dialect: str,
) -> Select[Any]:
    """``ids_query`` restricted to ``ids`` (a search's matches found first), passed as
    one JSON array (SQLite): a list of any length in one parameter."""
    listed: Select[Any] = select(literal_column("value")).select_from(
        func.json_each(bindparam(None, json.dumps(list(ids))))
    )
    query = ids_query(filters, sort=sort, descending=descending, markings=markings, dialect=dialect)
    return query.where(E.c.id.in_(listed))


_RANKED = {"status": "status", "confidence": "confidence", "marking": "marking"}
_ORGANISATION_KEYS = {"vendor": "vendor_id", "counterpart": "counterpart_id"}


def whole_live_table(filters: Filters) -> bool:
    """True when ``filters`` keep every live engagement (a search without words included)."""
    if filters.search and fulltext.search_words(filters.search):
        return False
    return dataclasses.replace(filters, search=None) == Filters()


def ordered_ids_statements(
    filters: Filters, *, sort: str, descending: bool, markings: Sequence[str], dialect: str
) -> list[ClauseElement]:
    """SELECTs of ids whose results, one after the other, are ``ids_query``'s result.

    For the whole live table on SQLite (the common case of 100,000 rows) every
    statement walks one of the partial sort indexes of ``db.tables`` in order, so
    SQLite never sorts: a ranked column (status, confidence, marking) is read one
    value at a time in rank order, then the rows with no ranked value; vendor and
    counterpart walk the organisations by name and, for each, its engagements by
    title (``CROSS JOIN`` keeps that loop order). Filtered lists are smaller and
    sorted by SQLite with ``ids_query``.
    """
    if dialect != "sqlite" or not whole_live_table(filters):
        return [
            ids_query(filters, sort=sort, descending=descending, markings=markings, dialect=dialect)
        ]
    direction = "DESC" if descending else "ASC"
    if sort in _RANKED:
        column = E.c[_RANKED[sort]]
        words = _ranked_words(sort, markings)
        then = [E.c.title_key.desc(), E.c.id.desc()] if descending else [E.c.title_key, E.c.id]
        live = E.c.deleted_at.is_(None)
        out: list[ClauseElement] = [
            select(E.c.id).where(live, column == w).order_by(*then)
            for w in (reversed(words) if descending else words)
        ]
        # The rest (normally none): scanning the ranked column's own index is quick,
        # where walking the title index would read every row to test the column.
        name = _RANKED[sort]
        rest = text(
            f"SELECT engagement.id FROM engagement INDEXED BY ix_engagement_by_{name}"
            f" WHERE engagement.deleted_at IS NULL AND (engagement.{name} NOT IN :words"
            f" OR engagement.{name} IS NULL) ORDER BY engagement.title_key {direction},"
            f" engagement.id {direction}"
        ).bindparams(bindparam("words", value=words, expanding=True))
        out.append(rest)
        return out
    if sort in _ORGANISATION_KEYS:
        key = _ORGANISATION_KEYS[sort]
        return [
            text(
                "SELECT engagement.id FROM organisation CROSS JOIN engagement"
                f" ON organisation.id = engagement.{key}"
                " WHERE engagement.deleted_at IS NULL ORDER BY organisation.name_key"
                f" {direction}, engagement.title_key {direction}, engagement.id {direction}"
            )
        ]
    return [
        ids_query(filters, sort=sort, descending=descending, markings=markings, dialect=dialect)
    ]


def matching_ids_query(filters: Filters, dialect: str) -> Select[Any]:
    """SELECT of the ids matching ``filters``, in no particular order."""
    return select(E.c.id).where(*where_clauses(filters, dialect))


def compiled(statement: ClauseElement, dialect: Dialect) -> tuple[str, tuple[Any, ...]]:
    """The SQL text and positional parameters of ``statement`` for a qmark-style driver."""
    result = statement.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
    assert isinstance(result, SQLCompiler)
    values = result.construct_params() or {}
    return str(result), tuple(values[name] for name in result.positiontup or ())


def _ranked_words(sort: str, markings: Sequence[str]) -> list[str]:
    if sort == "status":
        return list(Status.values())
    if sort == "confidence":
        return list(Confidence.values())
    return list(markings)


def status_region_query(filters: Filters, dialect: str) -> Select[Any]:
    """SELECT (status, region, count) of the engagements matching ``filters``."""
    return (
        select(E.c.status, E.c.region, func.count())
        .where(*where_clauses(filters, dialect))
        .group_by(E.c.status, E.c.region)
    )


def markings_query(filters: Filters, dialect: str) -> Select[Any]:
    """SELECT (marking, count) of the engagements matching ``filters``, one row a marking."""
    return (
        select(E.c.marking, func.count())
        .where(*where_clauses(filters, dialect))
        .group_by(E.c.marking)
    )


def count_query(filters: Filters, dialect: str) -> Select[Any]:
    """SELECT count(*) of the engagements matching ``filters``."""
    return select(func.count()).select_from(E).where(*where_clauses(filters, dialect))


def due_query(filters: Filters, dialect: str) -> Select[Any]:
    """SELECT (id, uid, title, status, follow_up, updated_at) of the engagements matching
    ``filters`` that have a follow-up, by the day it falls due, then by id: the order of
    ``ix_engagement_due``, which on SQLite also holds every column read."""
    return (
        select(E.c.id, E.c.uid, E.c.title, E.c.status, E.c.follow_up, E.c.updated_at)
        .where(*where_clauses(filters, dialect), E.c.follow_up_to.is_not(None))
        .order_by(E.c.follow_up_to, E.c.id)
    )
