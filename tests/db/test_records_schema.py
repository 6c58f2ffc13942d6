"""Schema 10: older databases gain organisations' parents and aliases, restrictions'
older codes and links between engagements, with their data and references unchanged;
a team database (PostgreSQL) left at version 9 upgrades the same way."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from db import schema
from tests.db.test_schema import OLD_VERSIONS, _load_fixture, _user_data_hash, _version
from tracker.services import Tracker

NEW_TABLES = {"organisation_alias", "restriction_alias", "engagement_link"}


def _tables_and_columns(path: Path) -> tuple[set[str], list[str]]:
    conn = sqlite3.connect(path)
    try:
        names = {str(n) for (n,) in conn.execute("SELECT name FROM sqlite_master")}
        columns = [str(row[1]) for row in conn.execute("PRAGMA table_info(organisation)")]
    finally:
        conn.close()
    return names, columns


def _references_sound(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.execute("PRAGMA foreign_key_check"))
    finally:
        conn.close()


@pytest.mark.parametrize("version", [v for v in OLD_VERSIONS if v < 10])  # 10 has them
def test_an_older_database_gains_the_records_tables_with_its_data_unchanged(
    tmp_path: Path, version: int
) -> None:
    path = _load_fixture(version, tmp_path / f"v{version}.db")
    before = _user_data_hash(path)
    names, columns = _tables_and_columns(path)
    assert not NEW_TABLES & names and "parent_id" not in columns
    Tracker.open(path, user="alice").close()
    assert _version(path) == str(schema.SCHEMA_VERSION)
    names, columns = _tables_and_columns(path)
    assert names >= NEW_TABLES and columns[-1] == "parent_id"
    assert _user_data_hash(path) == before
    # The engagements still name their vendor and counterpart by the same ids.
    assert _references_sound(path) == []
    service = Tracker.open(path, user="alice")
    try:
        listed = service.list_ids()
        assert listed and {service.get(engagement_id=i).data.vendor for i in listed}
    finally:
        service.close()


def test_a_new_database_has_the_records_tables(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Tracker.open(path).close()
    names, columns = _tables_and_columns(path)
    assert names >= NEW_TABLES and "parent_id" in columns


def test_a_version_9_database_upgrades_on_either_backend(tmp_db_url: str) -> None:
    """Made current, taken back to version 9 by hand (no parent column, no new tables),
    then opened again: the upgrade adds them and keeps every engagement."""
    service = Tracker.open(tmp_db_url, user="t")
    service.load_demo()
    before = sorted(service.get(engagement_id=i).data.vendor for i in service.list_ids())
    service.close()
    engine = create_engine(tmp_db_url)
    try:
        with engine.begin() as conn:
            for table in sorted(NEW_TABLES):
                conn.exec_driver_sql(f"DROP TABLE {table}")
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql("ALTER TABLE organisation DROP COLUMN parent_id")
            conn.exec_driver_sql("UPDATE meta SET value = '9' WHERE key = 'schema_version'")
    finally:
        engine.dispose()
    upgraded = Tracker.open(tmp_db_url, user="t")
    try:
        assert upgraded.info().schema_version == schema.SCHEMA_VERSION
        after = sorted(upgraded.get(engagement_id=i).data.vendor for i in upgraded.list_ids())
        assert after == before
    finally:
        upgraded.close()
    engine = create_engine(tmp_db_url)
    try:
        found = inspect(engine)
        assert set(found.get_table_names()) >= NEW_TABLES
        assert "parent_id" in {c["name"] for c in found.get_columns("organisation")}
    finally:
        engine.dispose()
