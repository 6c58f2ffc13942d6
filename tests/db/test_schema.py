"""Schema creation, migrations from older versions, and refusal of foreign or newer files."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event

from db import loading, schema
from tracker.domain.errors import (
    DamagedDatabaseError,
    ForeignDatabaseError,
    SchemaError,
)
from tracker.domain.model import Filters
from tracker.services import Tracker

FIXTURES = Path(__file__).with_name("fixtures")
USER_TABLES = (
    "organisation",
    "engagement",
    "scope_limit",
    "restriction",
    "engagement_restriction",
    "clarification",
    "status_event",
    "source",
    "concern",
    "tag",
    "engagement_tag",
    "audit",
)


def _load_fixture(version: int, path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / f"schema_v{version}.sql").read_text(encoding="utf-8"))
    conn.close()
    return path


# The audit rows as every version has them: schema 5 adds a column (empty on SQLite)
# and one baseline entry per engagement, and changes none of the rows it finds.
_AUDIT_ROWS = (
    "SELECT id, at, who, engagement_id, version, action, field, old, new FROM audit "
    "WHERE action != 'baseline' ORDER BY id"
)
# The organisations as every version has them: schema 10 adds ``parent_id`` (empty).
_ORGANISATION_ROWS = (
    "SELECT id, name, name_key, kind, country, region FROM organisation ORDER BY id"
)
_ROWS = {"audit": _AUDIT_ROWS, "organisation": _ORGANISATION_ROWS}


def _user_data_hash(path: Path) -> str:
    digest = hashlib.sha256()
    conn = sqlite3.connect(path)
    for name in USER_TABLES:
        query = _ROWS.get(name, f"SELECT * FROM {name} ORDER BY id")
        for row in conn.execute(query):
            digest.update(repr(row).encode())
    conn.close()
    return digest.hexdigest()


def _schema_objects(path: Path) -> set[tuple[str, str]]:
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
    out = {(str(t), str(n)) for t, n in rows}
    conn.close()
    return out


def _version(path: Path) -> str:
    conn = sqlite3.connect(path)
    (value,) = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    conn.close()
    return str(value)


def test_fresh_database_is_at_current_version_and_sound(tmp_path: Path) -> None:
    service = Tracker.open(tmp_path / "new.db")
    report = service.check()
    assert report.ok, report.problems
    assert report.schema_version == schema.SCHEMA_VERSION
    assert service.info().schema_version == schema.SCHEMA_VERSION


def _schema_sql(path: Path) -> set[tuple[str, str, str]]:
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT type, name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    )
    out = {(str(t), str(n), str(s)) for t, n, s in rows}
    conn.close()
    return out


OLD_VERSIONS = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_old_versions_upgrade_with_user_data_unchanged(tmp_path: Path, version: int) -> None:
    path = _load_fixture(version, tmp_path / f"v{version}.db")
    before = _user_data_hash(path)
    assert _version(path) == str(version)

    service = Tracker.open(path)
    assert service.check().ok
    service.close()

    assert _version(path) == str(schema.SCHEMA_VERSION)
    assert _user_data_hash(path) == before


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_upgraded_schema_equals_a_fresh_one(tmp_path: Path, version: int) -> None:
    old = _load_fixture(version, tmp_path / f"v{version}.db")
    Tracker.open(old).close()
    fresh = tmp_path / "fresh.db"
    Tracker.open(fresh).close()
    assert _schema_objects(old) == _schema_objects(fresh)
    assert _schema_sql(old) == _schema_sql(fresh)


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_upgrade_fills_the_full_text_index_from_existing_rows(tmp_path: Path, version: int) -> None:
    service = Tracker.open(_load_fixture(version, tmp_path / f"v{version}.db"))
    for word in ("Кириллица", "Ελληνικά", "unclassified", "Mistral", "M", "Mi"):
        assert service.list_ids(filters=Filters(search=word)), word
    hostile = service.get(engagement_id="hostile-1")
    assert service.list_ids(filters=Filters(search="Кириллица")) == [hostile.id]
    assert hostile.data.title.startswith("Hostile <b>bold</b> & ")
    assert service.check().ok


def test_version_2_fixture_is_at_version_2_with_its_full_text_index(tmp_path: Path) -> None:
    path = _load_fixture(2, tmp_path / "v2.db")
    assert _version(path) == "2"
    assert ("table", "engagement_fts") in _schema_objects(path)
    assert ("index", "ix_engagement_live_status") in _schema_objects(path)


def test_version_3_sorts_by_walking_indexes(tmp_path: Path) -> None:
    """The whole live table is read along a sort index for every column: no sorting."""
    from sqlalchemy.dialects import sqlite

    from db import queries
    from tracker.domain.model import SORT_KEYS

    path = tmp_path / "t.db"
    service = Tracker.open(path)
    service.load_demo()
    markings = service.markings()
    service.close()
    conn = sqlite3.connect(path)
    for sort in SORT_KEYS:
        if sort == "id":
            continue
        for descending in (False, True):
            statements = queries.ordered_ids_statements(
                Filters(), sort=sort, descending=descending, markings=markings, dialect="sqlite"
            )
            for statement in statements:
                sql, params = queries.compiled(statement, sqlite.dialect())
                plan = " | ".join(
                    str(row[3]) for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)
                )
                assert "USING" in plan and "INDEX" in plan, (sort, plan)
                # Ascending partial dates sort their second column (NULLS LAST) per
                # first-column value; the (normally empty) rest of a ranked column sorts.
                partial = sort in ("follow_up", "started") and not descending
                if not partial and "NOT IN" not in sql:
                    assert "TEMP B-TREE" not in plan, (sort, plan)
    conn.close()


def test_a_failing_migration_leaves_the_old_database_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _load_fixture(1, tmp_path / "v1.db")
    before = _user_data_hash(path)

    def broken(conn: object) -> list[tuple[int, str, str]]:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(loading, "fulltext_rows", broken)
    with pytest.raises(RuntimeError):
        Tracker.open(path)
    assert _version(path) == "1"
    assert ("table", "engagement_fts") not in _schema_objects(path)
    assert _user_data_hash(path) == before


def test_newer_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    Tracker.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(SchemaError, match=r"schema version 99.*newer"):
        Tracker.open(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my meeting notes, not a database\n" * 100)
    before = path.read_bytes()
    with pytest.raises(DamagedDatabaseError, match="not a database") as caught:
        Tracker.open(path)
    assert not isinstance(caught.value, ForeignDatabaseError)  # the CLI's "restore" hint
    assert path.read_bytes() == before


def test_a_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    conn.commit()
    conn.close()
    with pytest.raises(ForeignDatabaseError, match="not an Engagement Tracker database"):
        Tracker.open(path)
    conn = sqlite3.connect(path)
    names = {n for (n,) in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert names == {"invoices"}


def test_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    service = Tracker.open(tmp_path / "t.db")
    with service.database.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert int(conn.exec_driver_sql("PRAGMA busy_timeout").scalar() or 0) >= 5000


def test_writes_begin_immediate_and_reads_do_not(tmp_path: Path) -> None:
    service = Tracker.open(tmp_path / "t.db")
    seen: list[str] = []

    @event.listens_for(service.database.engine, "before_cursor_execute")
    def record(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if statement.startswith("BEGIN"):
            seen.append(statement)

    service.load_demo()
    # Validated in a read first (no lock held), then written in one immediate transaction.
    assert seen == ["BEGIN", "BEGIN IMMEDIATE"]
    seen.clear()
    service.list_ids()
    assert seen == ["BEGIN"]


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_a_database_is_backed_up_before_it_is_migrated(tmp_path: Path, version: int) -> None:
    from tracker.services.backups import latest_backup, restore

    path = _load_fixture(version, tmp_path / f"v{version}.db")
    before = _user_data_hash(path)
    Tracker.open(path).close()

    backups = sorted((tmp_path / "backups").iterdir())
    assert [p.name.endswith(f"-before-schema-{schema.SCHEMA_VERSION}.db") for p in backups] == [
        True
    ]
    kept = backups[0]
    assert latest_backup(path) == kept
    assert _version(kept) == str(version), "the backup holds the database as it was"
    assert _user_data_hash(kept) == before
    assert kept.stat().st_mode & 0o777 == 0o600

    Tracker.open(path).close()  # already current: no second backup
    assert len(list((tmp_path / "backups").iterdir())) == 1

    restore(database=path, source=kept)  # and it can be put back
    assert _version(path) == str(version)


def test_a_new_or_current_database_is_not_backed_up_at_open(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    Tracker.open(path).close()
    Tracker.open(path).close()
    assert not (tmp_path / "backups").exists()


def test_a_new_database_and_its_wal_are_readable_by_the_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "private" / "tracker.db"
    service = Tracker.open(path, user="t")
    service.load_demo()
    try:
        assert path.stat().st_mode & 0o777 == 0o600
        wal = path.with_name("tracker.db-wal")
        assert wal.exists() and wal.stat().st_mode & 0o777 == 0o600
        assert path.parent.stat().st_mode & 0o777 == 0o700
    finally:
        service.close()
