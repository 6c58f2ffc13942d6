"""Stored engagements as interchange objects, read straight from their rows: the fast
side of the audit replay (``db.audit_replay``).

``db.loading`` builds typed engagements (vocabulary words, partial dates), which is
what the replay's verdict must rest on, but at several times the cost. The replay
first compares these plain objects, built from the stored column texts, with where
each trail arrives; only an engagement that differs here is loaded in full and
compared again, so that a stored text the program reads as the same value (an
older spelling of a date, say) is no difference. The restrictions' catalogue titles
are left out, as the replay leaves them out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Select, Table, select

from db import tables
from db.store import E
from tracker.domain.fields import CHILDREN_BY_KEY, LIST_KEYS

# The child lists stored one row per record, in a table whose columns are named as the
# record's keys in the interchange format.
_CHILD_TABLES: dict[str, Table] = {
    "scope_limits": tables.scope_limit,
    "clarifications": tables.clarification,
    "status_history": tables.status_event,
    "sources": tables.source,
    "concerns": tables.concern,
}
# The keys of each list's records that are the engagement's own, in the order ``read``
# gives them (a restriction's title is the catalogue's).
RECORD_KEYS: dict[str, tuple[str, ...]] = {
    **{key: tuple(c.key for c in CHILDREN_BY_KEY[key].columns) for key in _CHILD_TABLES},
    "restrictions": ("code", "stance", "note"),
    "links": ("to", "kind", "on", "note"),
}
_SCALARS: tuple[str, ...] = ("title", "region", "status", "confidence", "marking")
_SCALARS += ("summary", "started", "follow_up", "next_step", "owner")


def shape(obj: dict[str, Any]) -> dict[str, Any]:
    """An interchange object in the form ``read`` gives: each list's records as tuples of
    their ``RECORD_KEYS`` (so a restriction's title is left out). An object recorded
    before schema 10 has no links, and says so by leaving them out."""
    out = {"links": [], **obj}
    for key, get in _GETTERS.items():
        items = obj.get(key)
        if isinstance(items, list):
            try:
                out[key] = [get(item) for item in items]
            except (KeyError, TypeError):  # a record not as the program writes them
                names = RECORD_KEYS[key]
                out[key] = [
                    tuple(item.get(n) for n in names) if isinstance(item, dict) else item
                    for item in items
                ]
    return out


_GETTERS = {key: itemgetter(*names) for key, names in RECORD_KEYS.items()}


@dataclass(frozen=True)
class StoredRows:
    """One engagement as its rows hold it."""

    obj: dict[str, Any]  # the interchange object as ``shape`` gives it
    version: int
    deleted_at: str | None


def read(conn: Connection, first: int, last: int) -> dict[int, StoredRows]:
    """The engagements with ids from ``first`` to ``last``, keyed by id (a range, not a
    list of ids: the queries stay the same, compiled once, and walk the indexes)."""
    vendor = tables.organisation.alias("vendor")
    counterpart = tables.organisation.alias("counterpart")
    head = (
        select(
            E.c.id,
            E.c.uid,
            E.c.version,
            E.c.deleted_at,
            vendor.c.name,
            counterpart.c.name,
            *(E.c[name] for name in _SCALARS),
        )
        .join(vendor, vendor.c.id == E.c.vendor_id)
        .join(counterpart, counterpart.c.id == E.c.counterpart_id)
        .where(E.c.id.between(first, last))
    )
    out: dict[int, StoredRows] = {}
    for eid, uid, version, deleted_at, vendor_name, counterpart_name, *values in conn.execute(head):
        obj: dict[str, Any] = {"id": uid, "vendor": vendor_name, "counterpart": counterpart_name}
        obj.update(zip(_SCALARS, values, strict=True))
        obj.update((key, []) for key in LIST_KEYS)
        out[int(eid)] = StoredRows(obj, int(version), deleted_at)
    for key, table in _CHILD_TABLES.items():
        _fill(out, key, conn.execute(_children(table, RECORD_KEYS[key], first, last)))
    er, r = tables.engagement_restriction, tables.restriction
    _fill(
        out,
        "restrictions",
        conn.execute(
            _ordered(er, first, last, er.c.engagement_id, r.c.code, er.c.stance, er.c.note).join(
                r, r.c.id == er.c.restriction_id
            )
        ),
    )
    k, other = tables.engagement_link, E.alias("other")
    _fill(
        out,
        "links",
        conn.execute(
            _ordered(
                k, first, last, k.c.engagement_id, other.c.uid, k.c.kind, k.c.on, k.c.note
            ).join(other, other.c.id == k.c.to_id)
        ),
    )
    et, t = tables.engagement_tag, tables.tag
    tags = _ordered(et, first, last, et.c.engagement_id, t.c.name).join(t, t.c.id == et.c.tag_id)
    for eid, group in groupby(conn.execute(tags), key=itemgetter(0)):
        if eid in out:
            out[eid].obj["tags"] = [row[1] for row in group]
    return out


def _fill(out: dict[int, StoredRows], key: str, rows: Iterable[Any]) -> None:
    """Give each engagement its records of list ``key`` from ``rows`` (engagement id,
    then the record's values), grouped by engagement; rows of an engagement whose row
    could not be read are left out."""
    for eid, group in groupby(rows, key=itemgetter(0)):
        if eid in out:
            out[eid].obj[key] = [tuple(row[1:]) for row in group]


def _children(table: Table, names: Sequence[str], first: int, last: int) -> Select[Any]:
    return _ordered(table, first, last, table.c.engagement_id, *(table.c[n] for n in names))


def _ordered(table: Table, first: int, last: int, *columns: Any) -> Select[Any]:
    """``columns`` of ``table``'s rows of the engagements ``first``..``last``, in the order
    the engagements hold them."""
    return (
        select(*columns)
        .select_from(table)
        .where(table.c.engagement_id.between(first, last))
        .order_by(table.c.engagement_id, table.c.position, table.c.id)
    )
