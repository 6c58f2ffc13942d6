"""Crafted database files: triggers, views, tables and definitions this program did not create.

The attack: a file whose ``AFTER UPDATE ON engagement`` trigger sets the marking to
PUBLIC passes every other check and downgrades the next edited engagement with
nothing in history. Each crafted file here is refused on opening, in one line naming
the object, with the file left byte for byte as it was; the fixtures of older schema
versions still open and migrate, and a crafted older file is refused before its
migration writes anything.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from db import schema, schema_guard, tables
from db.engine import Database
from db.errors import UnexpectedSchema
from tests.db.crafted import CRAFTED, CRAFTED_IDS, DOWNGRADE, craft
from tests.db.test_schema import OLD_VERSIONS, _load_fixture, _user_data_hash, _version
from tracker.domain.errors import DamagedDatabaseError, StorageError
from tracker.services import Tracker


def folder_state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("guard") / "demo.db"
    service = Tracker.open(path, user="guard-tester")
    service.load_demo()
    service.close()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return Path(shutil.copyfile(demo_template, folder / "tracker.db"))


def test_the_expected_schema_is_what_a_new_database_holds(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Tracker.open(path).close()
    with schema_guard.read_only(path) as conn:
        assert schema_guard.listed(conn) == schema.GUARD.expected
    names = {o.name for o in schema.GUARD.expected if o.kind == "table"}
    assert set(tables.metadata.tables) <= names
    # The full-text index and its shadow tables are expected too.
    assert {"engagement_fts", "engagement_fts_data", "engagement_fts_config"} <= names
    assert schema.GUARD.file_problems(path) == []


def test_a_demo_database_has_no_problems(demo_db: Path) -> None:
    assert schema.GUARD.file_problems(demo_db) == []
    service = Tracker.open(demo_db)
    assert service.check().ok
    service.close()


def test_the_planner_statistics_of_analyze_are_not_refused(demo_db: Path) -> None:
    # ANALYZE writes sqlite_stat1 (data the planner reads, never code that runs): a
    # user who ran it by hand must still be able to open the database.
    with sqlite3.connect(demo_db) as raw:
        raw.execute("ANALYZE")
        assert raw.execute("SELECT count(*) FROM sqlite_stat1").fetchone()[0] > 0
    raw.close()
    assert schema.GUARD.file_problems(demo_db) == []
    service = Tracker.open(demo_db)
    assert service.check().ok
    service.close()


def test_definitions_differing_only_in_whitespace_are_the_same() -> None:
    rows = [("table", "x", "x", "CREATE TABLE x (\n\ta TEXT, \n\tb TEXT\n)")]
    (found,) = schema_guard.objects(rows)
    assert found.sql == "CREATE TABLE x ( a TEXT, b TEXT )"


@pytest.mark.parametrize("journal", ["WAL", "DELETE"])  # a live database, a backup
@pytest.mark.parametrize(("statements", "message"), [c[1:] for c in CRAFTED], ids=CRAFTED_IDS)
def test_a_crafted_file_is_refused_on_opening_and_left_unchanged(
    demo_db: Path, statements: list[str], message: str, journal: str
) -> None:
    craft(demo_db, [f"PRAGMA journal_mode = {journal}", *statements])
    before = folder_state(demo_db.parent)
    with pytest.raises(DamagedDatabaseError) as refused:
        Tracker.open(demo_db)
    line = str(refused.value)
    assert line.startswith(f"refusing {demo_db}: it {message}"), line
    assert "\n" not in line
    assert folder_state(demo_db.parent) == before


def test_every_problem_is_found_and_the_trigger_is_named_first(demo_db: Path) -> None:
    craft(demo_db, [s for case in CRAFTED[2:4] for s in case[1]] + [DOWNGRADE])
    problems = schema.GUARD.file_problems(demo_db)
    assert len(problems) == 3
    assert problems[0].startswith('holds a trigger "t" on engagement')
    with pytest.raises(DamagedDatabaseError, match=r"did not create \(and 2 more\)$"):
        Tracker.open(demo_db)


def test_hostile_names_are_shown_on_one_line(demo_db: Path) -> None:
    craft(demo_db, ['CREATE VIEW "evil\nview\x1b[31m" AS SELECT 1'])
    with pytest.raises(DamagedDatabaseError) as refused:
        Tracker.open(demo_db)
    assert "\n" not in str(refused.value) and "\x1b" not in str(refused.value)
    assert '"evil\\nview\\u001b[31m"' in str(refused.value)


# Would run on a migration's first write (its meta rows), and say so.
ON_META = "CREATE TRIGGER t AFTER INSERT ON meta BEGIN SELECT RAISE(ABORT, 'the trigger ran'); END"


def _open(path: Path) -> None:
    """``open_database`` as the service calls it, without the backup before a migration."""
    schema.open_database(
        f"sqlite:///{path}",
        markings=["PUBLIC"],
        default_marking="PUBLIC",
        fulltext_source=lambda _conn: [],
    ).dispose()


@pytest.mark.parametrize("version", [*OLD_VERSIONS, schema.SCHEMA_VERSION])
def test_the_guard_checks_again_under_the_write_lock_before_any_write(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, version: int
) -> None:
    """A trigger the first look did not see (the file changed in between) never runs."""
    path = (
        demo_db if version == schema.SCHEMA_VERSION else _load_fixture(version, tmp_path / "o.db")
    )
    craft(path, [ON_META])
    data = _user_data_hash(path)
    monkeypatch.setattr(schema.GUARD, "file_problems", lambda _path: [])
    with pytest.raises(UnexpectedSchema, match=f'^refusing {path}: it holds a trigger "t"'):
        _open(path)
    assert _version(path) == str(version)
    assert _user_data_hash(path) == data


def test_a_backup_is_refused_before_its_seal_would_run_a_trigger(demo_db: Path) -> None:
    """A database that gained a trigger while open is not backed up (sealing the copy
    writes to it), and the trigger does not run."""
    service = Tracker.open(demo_db)
    try:
        craft(demo_db, [ON_META])
        with pytest.raises(StorageError, match=f'^refusing {demo_db}: it holds a trigger "t"'):
            service.backup()
    finally:
        service.close()
    assert not (demo_db.parent / "backups").exists() or not any(
        (demo_db.parent / "backups").iterdir()
    )


def test_check_reports_a_trigger_added_while_the_database_is_open(demo_db: Path) -> None:
    service = Tracker.open(demo_db)
    try:
        assert service.check().ok
        craft(demo_db, [DOWNGRADE])
        report = service.check()
    finally:
        service.close()
    assert not report.ok
    assert (
        'the database holds a trigger "t" on engagement that this program did not create'
        in report.problems
    )


# -- older schema versions ------------------------------------------------------------------


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_every_fixture_passes_the_guard_and_migrates_to_the_expected_schema(
    tmp_path: Path, version: int
) -> None:
    path = _load_fixture(version, tmp_path / f"v{version}.db")
    assert schema.GUARD.file_problems(path) == []
    Tracker.open(path).close()
    assert _version(path) == str(schema.SCHEMA_VERSION)
    with schema_guard.read_only(path) as conn:
        assert schema_guard.listed(conn) == schema.GUARD.expected


@pytest.mark.parametrize("version", OLD_VERSIONS)
@pytest.mark.parametrize(
    ("statements", "message"),
    [c[1:] for c in CRAFTED if c[0] in ("extra-trigger", "extra-view", "extra-table")],
    ids=["extra-trigger", "extra-view", "extra-table"],
)
def test_a_crafted_older_file_is_refused_before_its_migration_writes(
    tmp_path: Path, version: int, statements: list[str], message: str
) -> None:
    """Refused before the backup a migration makes and before the migration: untouched."""
    path = craft(_load_fixture(version, tmp_path / f"v{version}.db"), statements)
    before = folder_state(tmp_path)
    with pytest.raises(DamagedDatabaseError, match=f"^refusing {path}: it {message}"):
        Tracker.open(path)
    assert folder_state(tmp_path) == before


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_a_changed_table_in_an_older_file_is_refused_after_migrating_and_rolled_back(
    tmp_path: Path, version: int
) -> None:
    path = craft(
        _load_fixture(version, tmp_path / f"v{version}.db"),
        ["ALTER TABLE engagement ADD COLUMN extra TEXT"],
    )
    data = _user_data_hash(path)
    with schema_guard.read_only(path) as conn:
        objects = schema_guard.listed(conn)
    message = 'holds a table "engagement" that differs from the one this program creates'
    with pytest.raises(DamagedDatabaseError, match=f"^refusing {path}: it {message}"):
        Tracker.open(path)
    assert _version(path) == str(version)
    assert _user_data_hash(path) == data
    with schema_guard.read_only(path) as conn:
        assert schema_guard.listed(conn) == objects


# -- trusted_schema -------------------------------------------------------------------------


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "t.db"
    Tracker.open(path).close()
    opened = Database(f"sqlite:///{path}")
    yield opened
    opened.dispose()


def test_every_connection_runs_with_trusted_schema_off(database: Database) -> None:
    with database.read() as first, database.write() as second:
        assert first.connection.driver_connection is not second.connection.driver_connection
        for conn in (first, second):
            assert conn.exec_driver_sql("PRAGMA trusted_schema").scalar() == 0
    database.dispose()  # a new connection after the pool is emptied
    with database.read() as third:
        assert third.exec_driver_sql("PRAGMA trusted_schema").scalar() == 0


def test_a_view_cannot_call_a_function_with_side_effects(database: Database) -> None:
    """With ``trusted_schema`` off, the file's views and triggers call only functions
    marked innocuous (SQLite's own); the program itself still may call any."""
    assert database.path is not None
    craft(database.path, ["CREATE VIEW calls_out AS SELECT side_effect() AS x"])
    calls: list[int] = []
    with database.read() as conn:
        raw = conn.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        raw.create_function("side_effect", 0, lambda: calls.append(1) or 1)
        assert conn.exec_driver_sql("SELECT side_effect()").scalar() == 1
        with pytest.raises(OperationalError, match="unsafe use of side_effect"):
            conn.exec_driver_sql("SELECT x FROM calls_out").all()
    assert calls == [1]
