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

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, select

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
_SCALARS: tuple[str, ...] = ("title", "region", "status", "confidence", "marking")
_SCALARS += ("summary", "started", "follow_up", "next_step", "owner")


@dataclass(frozen=True)
class StoredRows:
    """One engagement as its rows hold it."""

    obj: dict[str, Any]  # the interchange object, restriction titles left out
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
        names = [c.key for c in CHILDREN_BY_KEY[key].columns]
        for eid, *values in conn.execute(_children(table, names, first, last)):
            if int(eid) in out:  # else its engagement row could not be joined: left out
                out[int(eid)].obj[key].append(dict(zip(names, values, strict=True)))
    _restrictions(conn, first, last, out)
    _tags(conn, first, last, out)
    return out


def _children(table: Table, names: Sequence[str], first: int, last: int) -> Any:
    return (
        select(table.c.engagement_id, *(table.c[n] for n in names))
        .where(table.c.engagement_id.between(first, last))
        .order_by(table.c.engagement_id, table.c.position, table.c.id)
    )


def _restrictions(conn: Connection, first: int, last: int, out: dict[int, StoredRows]) -> None:
    er, r = tables.engagement_restriction, tables.restriction
    query = (
        select(er.c.engagement_id, r.c.code, er.c.stance, er.c.note)
        .join(r, r.c.id == er.c.restriction_id)
        .where(er.c.engagement_id.between(first, last))
        .order_by(er.c.engagement_id, er.c.position, er.c.id)
    )
    for eid, code, stance, note in conn.execute(query):
        if int(eid) in out:
            out[int(eid)].obj["restrictions"].append({"code": code, "stance": stance, "note": note})


def _tags(conn: Connection, first: int, last: int, out: dict[int, StoredRows]) -> None:
    et, t = tables.engagement_tag, tables.tag
    query = (
        select(et.c.engagement_id, t.c.name)
        .join(t, t.c.id == et.c.tag_id)
        .where(et.c.engagement_id.between(first, last))
        .order_by(et.c.engagement_id, et.c.position, et.c.id)
    )
    for eid, name in conn.execute(query):
        if int(eid) in out:
            out[int(eid)].obj["tags"].append(name)
