"""Schema 7: older databases gain the briefing register and the audit trail's time index,
their data unchanged; a new database has both."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db import schema
from tests.db.test_schema import OLD_VERSIONS, _load_fixture, _user_data_hash, _version
from tracker.services import Tracker


def _objects(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT name FROM sqlite_master "
            "WHERE name IN ('briefing', 'ix_audit_at', 'ix_engagement_owner')"
        ).fetchall()
    finally:
        conn.close()
    return {name for (name,) in rows}


@pytest.mark.parametrize("version", [v for v in OLD_VERSIONS if v < 7])
def test_an_older_database_gains_the_register_with_its_data_unchanged(
    tmp_path: Path, version: int
) -> None:
    path = _load_fixture(version, tmp_path / f"v{version}.db")
    before = _user_data_hash(path)
    assert _objects(path) == set()
    Tracker.open(path).close()
    assert _version(path) == str(schema.SCHEMA_VERSION)
    assert _objects(path) == {"briefing", "ix_audit_at", "ix_engagement_owner"}
    assert _user_data_hash(path) == before


def test_a_new_database_has_the_register_and_reads_changes_by_time(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Tracker.open(path).close()
    assert _objects(path) == {"briefing", "ix_audit_at", "ix_engagement_owner"}
    conn = sqlite3.connect(path)
    try:
        plan = " ".join(
            str(row[-1])
            for row in conn.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM audit WHERE at >= ? AND action <> 'baseline' "
                "ORDER BY at DESC, id DESC",
                ("2026-11-01",),
            )
        )
    finally:
        conn.close()
    assert "ix_audit_at" in plan, plan
