"""The audit trail: one row per changed field, written in the writer's transaction.

An engagement's first entry (field ``engagement``: created, imported, or the baseline
the upgrade to schema 5 wrote for every engagement it found) records the whole
engagement as stored, as interchange JSON; every later entry one field's old and new
text. Replaying them reproduces the stored rows (``db.audit_replay``).

Rows are sealed into the hash chain by ``db.audit_chain.seal`` before the transaction
commits (the service layer's one write transaction does it).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import Connection, func, select

from db import tables
from tracker.domain.interchange import data_to_json, field_json
from tracker.domain.model import FIELD_NAMES, AuditEntry, EngagementData


def _text(value: object) -> str | None:
    """A field's interchange value as audit text: plain for scalars, JSON for lists."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def field_text(data: EngagementData, name: str) -> str | None:
    """One field's value as audit text."""
    return _text(field_json(data, name))


WHOLE = "engagement"  # the field of an entry that records the whole engagement


def engagement_text(data: EngagementData, uid: str) -> str:
    """The whole engagement as an entry records it: its interchange JSON, compact."""
    return json.dumps(data_to_json(data, uid=uid), ensure_ascii=False, separators=(",", ":"))


def audit(
    conn: Connection,
    *,
    who: str,
    at: str,
    engagement_id: int,
    version: int,
    action: str,
    changes: Iterable[tuple[str, str | None, str | None]],
) -> None:
    """Record one row per (field, old, new) change."""
    batch = [
        {
            "at": at,
            "who": who,
            "engagement_id": engagement_id,
            "version": version,
            "action": action,
            "field": name,
            "old": old,
            "new": new,
        }
        for name, old, new in changes
    ]
    if batch:
        conn.execute(tables.audit.insert(), batch)


def diff(old: EngagementData, new: EngagementData) -> list[tuple[str, str | None, str | None]]:
    """(field, old text, new text) for every field that differs (only those fields are
    written as interchange JSON: an import's update changes a few of twenty)."""
    return [
        (name, field_text(old, name), field_text(new, name))
        for name in FIELD_NAMES
        if getattr(old, name) != getattr(new, name)
    ]


def fields_changed_since(conn: Connection, engagement_id: int, version: int) -> list[str]:
    """Fields recorded as changed on the engagement after ``version``, in order."""
    a = tables.audit
    rows = conn.execute(
        select(a.c.field)
        .where(a.c.engagement_id == engagement_id, a.c.version > version)
        .order_by(a.c.id)
    ).scalars()
    return list(dict.fromkeys(str(r) for r in rows))


def history(conn: Connection, engagement_id: int, *, after_version: int = 0) -> list[AuditEntry]:
    """The audit trail of one engagement (of its versions after ``after_version``), newest
    first."""
    a = tables.audit
    rows = conn.execute(
        select(a)
        .where(a.c.engagement_id == engagement_id, a.c.version > after_version)
        .order_by(a.c.id.desc())
    )
    return [
        AuditEntry(
            id=r.id,
            at=r.at,
            who=r.who,
            engagement_id=r.engagement_id,
            version=r.version,
            action=r.action,
            field=r.field,
            old=r.old,
            new=r.new,
            server_user=r.server_user,
        )
        for r in rows
    ]


def revision(conn: Connection) -> int:
    """The database's revision: the number of the latest audit entry."""
    return int(conn.execute(select(func.coalesce(func.max(tables.audit.c.id), 0))).scalar_one())


AUDIT_COLUMNS = ("at", "who", "engagement_id", "version", "action", "field", "old", "new")
