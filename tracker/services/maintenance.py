"""Keeping a database sound: the integrity check and backups.

``check`` also verifies the audit trail three ways: its keyed seal chain
(``db.audit_chain``), the stored engagements against a replay of the trail
(``db.audit_replay``), and, given a seal printed on an earlier briefing, that the
trail still carries it (so that it was neither truncated nor rewritten since).
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from db import audit_chain, audit_replay, fulltext, listing, pg_dump, schema
from db import backup as db_backup
from db.backup import BACKUP_FOLDER
from db.engine import Connection
from db.errors import DatabaseError
from tracker.domain.errors import StorageError, ValidationError
from tracker.domain.model import CheckReport
from tracker.domain.seals import SealToken
from tracker.services.base import TrackerBase, storage_error


class Maintenance(TrackerBase):
    """``tracker check`` and ``tracker backup``."""

    def check(self, *, seal: str | None = None) -> CheckReport:
        """Integrity, foreign keys, schema version, the schema's objects (SQLite), the
        audit trail (its seals, a replay against the stored engagements, and ``seal``, a
        token printed on an earlier briefing, when given) and full-text index agreement."""
        token = _token(seal) if seal is not None else None
        with self._read() as conn:
            problems = schema.integrity_problems(conn)
            version = int(schema.get_meta(conn, "schema_version") or 0)
            if version != schema.SCHEMA_VERSION:
                problems.append(f"schema version {version}, expected {schema.SCHEMA_VERSION}")
            # A trigger or table added behind the program's back since the database was opened.
            problems += [
                f"the database {p}" for p in schema.GUARD.connection_problems(conn, version)
            ]
            total = listing.engagement_total(conn)
            audit_problems, warnings = _audit(conn, token)
            problems += audit_problems
            indexed = fulltext.count(conn)
            if indexed != total:
                problems.append(f"full-text index holds {indexed} engagements, the table {total}")
        return CheckReport(
            schema_version=version,
            engagements=total,
            problems=tuple(problems),
            warnings=warnings,
        )

    def backup(self, *, target: str | os.PathLike[str] | None = None) -> Path:
        """Back the database up to ``target`` (default: a dated file in ``backups/``
        beside the database), consistently even while it is in use; returns the path."""
        path = self.database.path
        if target is not None:
            self.check_output(target)
        if self.database.backend == "postgresql":
            return self._dump(target)
        if not self.database.is_sqlite or path is None:
            raise StorageError(f"backups of {self.database.backend} databases are not supported")
        if target is None:
            target = _dated(path.parent / BACKUP_FOLDER, ".db")
        try:
            return db_backup.backup_to(path, target)
        except DatabaseError as exc:
            raise storage_error(exc, self.database.url) from None

    def _dump(self, target: str | os.PathLike[str] | None) -> Path:
        """A team database's backup: ``pg_dump``'s custom format (default: a dated file in
        ``backups/`` in the current folder)."""
        try:
            return pg_dump.dump_to(
                self.database.url, target or _dated(Path(BACKUP_FOLDER), ".dump")
            )
        except DatabaseError as exc:
            raise storage_error(exc, self.database.url) from None


def _token(seal: str) -> SealToken:
    try:
        return SealToken.parse(seal)
    except ValueError as exc:
        raise ValidationError(str(exc), field="--seal") from None


def _audit(conn: Connection, token: SealToken | None) -> tuple[list[str], tuple[str, ...]]:
    """The audit trail's problems, and its warnings (the entries that are unkeyed)."""
    chain = audit_chain.verify(conn)
    problems = [chain.problem] if chain.problem is not None else []
    legacy = schema.get_meta(conn, schema.LEGACY_BREAK)
    if legacy:
        problems.append(
            f"the audit trail was already broken when it was upgraded to schema 5 ({legacy}); "
            "the keyed seals since then cannot vouch for the entries before"
        )
    if token is not None:
        truncated = audit_chain.against(conn, token.entries, token.seal)
        if truncated is not None:
            problems.append(truncated)
    replayed = audit_replay.first_difference(conn)
    if replayed is not None:
        problems.append(replayed)
    return problems, tuple(u.describe() for u in chain.unkeyed)


def _dated(folder: Path, suffix: str) -> Path:
    """``folder/tracker-YYYYmmdd-HHMMSS<suffix>``; two backups within one second keep both
    (``-2``, ``-3``... after the time)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"tracker-{stamp}{suffix}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"tracker-{stamp}-{n}{suffix}"
    return target
