"""The tamper-evident audit trail: each audit row is sealed with a hash chained to the last.

``seal`` runs at the end of every write transaction and seals the audit rows written
in it, in id order: seal(n) = SHA-256(seal(n-1) + the fields of row n). ``verify``
recomputes the chain and reports the first entry that was edited, deleted, inserted
or reordered behind the program's back. The latest seal is printed on briefings so
that a paper copy can be checked against the database later.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, select

from db import tables

GENESIS = "0" * 64
_SEP = "\x1f"
_NULL = "\x00"

A = tables.audit
S = tables.audit_seal


def _digest(previous: str, row: Sequence[Any]) -> str:
    parts = [_NULL if value is None else str(value) for value in row]
    return hashlib.sha256((previous + _SEP + _SEP.join(parts)).encode("utf-8")).hexdigest()


_FIELDS = (
    A.c.id,
    A.c.at,
    A.c.who,
    A.c.engagement_id,
    A.c.version,
    A.c.action,
    A.c.field,
    A.c.old,
    A.c.new,
)


def latest(conn: Connection) -> tuple[int, str]:
    """The id of the last sealed audit row and its seal (0 and the genesis when none)."""
    row = conn.execute(
        select(S.c.audit_id, S.c.hash).order_by(S.c.audit_id.desc()).limit(1)
    ).first()
    return (0, GENESIS) if row is None else (int(row[0]), str(row[1]))


def seal(conn: Connection) -> int:
    """Seal every audit row newer than the last seal; returns how many were sealed."""
    last_id, previous = latest(conn)
    rows = conn.execute(select(*_FIELDS).where(A.c.id > last_id).order_by(A.c.id)).all()
    seals = []
    for row in rows:
        previous = _digest(previous, tuple(row))
        seals.append({"audit_id": row[0], "hash": previous})
    if seals:
        conn.execute(S.insert(), seals)
    return len(seals)


def verify(conn: Connection) -> str | None:
    """None when the chain is whole, else a one-line description of the first break."""
    audit_rows: Iterable[Sequence[Any]] = conn.execute(select(*_FIELDS).order_by(A.c.id))
    seals = iter(conn.execute(select(S.c.audit_id, S.c.hash).order_by(S.c.audit_id)).all())
    previous = GENESIS
    for row in audit_rows:
        sealed = next(seals, None)
        if sealed is None:
            return f"audit entry {row[0]} is not sealed (inserted behind the program's back?)"
        if int(sealed[0]) != int(row[0]):
            missing = min(int(sealed[0]), int(row[0]))
            return f"audit entry {missing} is missing or was inserted behind the program's back"
        previous = _digest(previous, tuple(row))
        if previous != sealed[1]:
            return (
                f"audit entry {row[0]} does not match its seal "
                "(edited, reordered, or an earlier entry was deleted)"
            )
    extra = next(seals, None)
    if extra is not None:
        return f"audit entry {extra[0]} was deleted"
    return None
