"""The audit seals of schema version 4, kept only to migrate them.

Version 4 chained each audit row to the last with an unkeyed SHA-256 over its fields
joined by ``\\x1f``: anyone could recompute it after rewriting a row, and two rows
could hash alike. ``seal`` is migration step 4 (so that every older database reaches
version 4 as it was); ``verify`` is what step 5 checks before it re-seals the trail
with a key (``db.audit_chain``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, text

GENESIS = "0" * 64
_SEP = "\x1f"
_NULL = "\x00"
_ROWS = "SELECT id, at, who, engagement_id, version, action, field, old, new FROM audit ORDER BY id"


def _digest(previous: str, row: Sequence[Any]) -> str:
    parts = [_NULL if value is None else str(value) for value in row]
    return hashlib.sha256((previous + _SEP + _SEP.join(parts)).encode("utf-8")).hexdigest()


def seal(conn: Connection) -> None:
    """Create version 4's seal table and seal every audit row as version 4 did."""
    conn.exec_driver_sql(
        "CREATE TABLE audit_seal (audit_id INTEGER NOT NULL, hash TEXT NOT NULL, "
        "PRIMARY KEY (audit_id), FOREIGN KEY(audit_id) REFERENCES audit (id))"
    )
    previous = GENESIS
    seals = []
    for row in conn.execute(text(_ROWS)):
        previous = _digest(previous, tuple(row))
        seals.append({"audit_id": row[0], "hash": previous})
    if seals:
        insert = text("INSERT INTO audit_seal (audit_id, hash) VALUES (:audit_id, :hash)")
        conn.execute(insert, seals)


def verify(conn: Connection) -> str | None:
    """None when version 4's chain is whole, else a description of its first break."""
    rows = conn.execute(text(_ROWS)).all()
    seals = conn.execute(text("SELECT audit_id, hash FROM audit_seal ORDER BY audit_id")).all()
    previous = GENESIS
    for index, row in enumerate(rows):
        if index >= len(seals) or int(seals[index][0]) != int(row[0]):
            return f"audit entry {row[0]} is missing, unsealed or was inserted"
        previous = _digest(previous, tuple(row))
        if previous != seals[index][1]:
            return f"audit entry {row[0]} does not match its seal"
    if len(seals) > len(rows):
        return f"audit entry {seals[len(rows)][0]} was deleted"
    return None
