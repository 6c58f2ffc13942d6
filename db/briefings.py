"""The briefing register's rows (table ``briefing``, schema version 7)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, RowMapping, select

from db import tables
from tracker.domain.register import BriefingRecord

B = tables.briefing


def add(conn: Connection, **values: Any) -> BriefingRecord:
    """Record one briefing (``selection`` as a dictionary); returns it with its id."""
    row = dict(values, selection=json.dumps(values["selection"], ensure_ascii=False))
    new_id = conn.execute(B.insert().values(**row).returning(B.c.id)).scalar_one()
    return _record(dict(row, id=new_id))


def newest_first(conn: Connection) -> list[BriefingRecord]:
    """Every recorded briefing, the latest first."""
    return [_record(r) for r in conn.execute(select(B).order_by(B.c.id.desc())).mappings()]


def one(conn: Connection, briefing_id: int | None) -> BriefingRecord | None:
    """Briefing ``briefing_id``, or the latest when None; None when there is no such one."""
    query = select(B).order_by(B.c.id.desc()).limit(1)
    if briefing_id is not None:
        query = select(B).where(B.c.id == briefing_id)
    row = conn.execute(query).mappings().first()
    return _record(row) if row is not None else None


def _record(row: RowMapping | dict[str, Any]) -> BriefingRecord:
    try:
        selection = json.loads(row["selection"]) if row["selection"] else {}
    except ValueError:  # written by hand: shown as nothing rather than refused
        selection = {}
    return BriefingRecord(
        id=int(row["id"]),
        at=str(row["at"]),
        who=str(row["who"]),
        title=str(row["title"]),
        marking=str(row["marking"]),
        engagement_count=int(row["engagement_count"]),
        selection=selection if isinstance(selection, dict) else {},
        file_name=str(row["file_name"]),
        sha256=str(row["sha256"]),
        revision=int(row["revision"]),
        audit_seal=str(row["audit_seal"]),
    )


def with_sha256(conn: Connection, sha256: str) -> BriefingRecord | None:
    """The latest briefing whose file had this SHA-256 (hex), or None."""
    query = select(B).where(B.c.sha256 == sha256).order_by(B.c.id.desc()).limit(1)
    row = conn.execute(query).mappings().first()
    return _record(row) if row is not None else None
