"""Driver errors are classified by SQLite result code and PostgreSQL SQLSTATE.

The SQLite cases make the real errors (a file locked by another connection, a
read-only connection, a text file, a truncated database...) and check the storage
error ``Database`` raises for them and the code that decided it. The PostgreSQL cases
build psycopg's own error classes for an SQLSTATE (``psycopg.errors.lookup``),
wrapped the way SQLAlchemy wraps them, and make a real failed connection attempt;
those that need a server (a terminated backend, a lock timeout) run when
``TRACKER_TEST_DB`` names one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, event
from sqlalchemy.exc import DBAPIError, OperationalError

from db import error_codes
from db.engine import BUSY_TIMEOUT_VAR, WRITE_LOCK_KEY, Database
from db.errors import (
    DatabaseError,
    DatabaseLocked,
    DatabaseReadOnly,
    DatabaseUnreachable,
    ForeignDatabase,
    NotATrackerDatabase,
)
from tests.conftest import server_url

needs_server = pytest.mark.skipif(
    server_url() is None, reason="needs a PostgreSQL server: set TRACKER_TEST_DB"
)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    """A fresh SQLite database with one table of a few rows."""
    database = Database(f"sqlite:///{tmp_path / 'tracker.db'}")
    with database.write() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x TEXT)")
        for _ in range(300):
            conn.exec_driver_sql("INSERT INTO t VALUES (?)", ("x" * 1000,))
    yield database
    database.dispose()


def sqlite_code(error: DatabaseError) -> int:
    """The SQLite result code of the driver error behind ``error``."""
    cause = error.__cause__
    assert isinstance(cause, DBAPIError) and isinstance(cause.orig, sqlite3.Error)
    return int(cause.orig.sqlite_errorcode)


def read_all(database: Database) -> None:
    with database.read() as conn:
        conn.exec_driver_sql("SELECT count(*), max(length(x)) FROM t").all()


# -- SQLite -----------------------------------------------------------------------


def test_a_database_another_connection_holds_exclusively_is_locked(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert database.path is not None
    monkeypatch.setenv(BUSY_TIMEOUT_VAR, "100")
    locked = Database(database.url)
    holder = sqlite3.connect(database.path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with (
            pytest.raises(DatabaseLocked, match="locked by another program") as caught,
            locked.write() as conn,
        ):
            conn.exec_driver_sql("INSERT INTO t VALUES ('late')")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        locked.dispose()
    assert sqlite_code(caught.value) == sqlite3.SQLITE_BUSY


def test_an_extended_busy_code_is_locked_by_its_primary_code(database: Database) -> None:
    """A read transaction that tries to write after another writer committed gets
    SQLITE_BUSY_SNAPSHOT (517), whose primary code is SQLITE_BUSY."""
    with pytest.raises(DatabaseLocked) as caught, database.read() as conn:
        conn.exec_driver_sql("SELECT count(*) FROM t").all()
        with database.write() as other:
            other.exec_driver_sql("INSERT INTO t VALUES ('first')")
        conn.exec_driver_sql("INSERT INTO t VALUES ('second')")
    assert sqlite_code(caught.value) == sqlite3.SQLITE_BUSY_SNAPSHOT
    assert sqlite_code(caught.value) & 0xFF == sqlite3.SQLITE_BUSY


def test_a_read_only_connection_cannot_write(database: Database) -> None:
    assert database.path is not None
    engine = create_engine(f"sqlite:///file:{database.path}?mode=ro&uri=true")
    try:
        with engine.connect() as conn, pytest.raises(OperationalError) as caught:
            conn.exec_driver_sql("INSERT INTO t VALUES ('no')")
    finally:
        engine.dispose()
    error = error_codes.translate(caught.value, database.path)
    assert type(error) is DatabaseReadOnly
    assert str(error) == f"{database.path} cannot be written (attempt to write a readonly database)"


def test_a_query_only_connection_is_read_only(database: Database) -> None:
    with (
        pytest.raises(DatabaseReadOnly, match="cannot be written") as caught,
        database.write() as conn,
    ):
        conn.exec_driver_sql("PRAGMA query_only = ON")
        conn.exec_driver_sql("INSERT INTO t VALUES ('no')")
    assert sqlite_code(caught.value) == sqlite3.SQLITE_READONLY


def test_a_text_file_is_damaged_not_foreign(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my meeting notes\n" * 200, encoding="utf-8")
    database = Database(f"sqlite:///{path}")
    with pytest.raises(NotATrackerDatabase) as caught:
        read_all(database)
    database.dispose()
    assert not isinstance(caught.value, ForeignDatabase)
    assert str(caught.value) == f"{path} is damaged (file is not a database)"
    assert sqlite_code(caught.value) == sqlite3.SQLITE_NOTADB


def test_a_truncated_database_is_damaged(database: Database) -> None:
    assert database.path is not None
    database.dispose()
    content = database.path.read_bytes()
    database.path.write_bytes(content[: len(content) // 3])
    with pytest.raises(NotATrackerDatabase, match="is damaged") as caught:
        read_all(database)
    assert sqlite_code(caught.value) == sqlite3.SQLITE_CORRUPT


def test_a_folder_cannot_be_opened(tmp_path: Path) -> None:
    folder = tmp_path / "folder.db"
    folder.mkdir()
    database = Database(f"sqlite:///{folder}")
    with pytest.raises(DatabaseError) as caught:
        read_all(database)
    database.dispose()
    assert type(caught.value) is DatabaseError
    assert str(caught.value) == f"cannot open {folder} (unable to open database file)"
    assert sqlite_code(caught.value) == sqlite3.SQLITE_CANTOPEN


def test_a_full_database_has_no_room_left(database: Database) -> None:
    with pytest.raises(DatabaseError, match="has no room left") as caught, database.write() as conn:
        conn.exec_driver_sql("PRAGMA max_page_count = 1")
        conn.exec_driver_sql("INSERT INTO t VALUES (?)", ("y" * 100_000,))
    assert type(caught.value) is DatabaseError
    assert sqlite_code(caught.value) == sqlite3.SQLITE_FULL


def test_a_refusing_authorizer_is_not_permitted(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'auth.db'}")

    @event.listens_for(engine, "connect")
    def refuse_everything(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.set_authorizer(lambda *_args: sqlite3.SQLITE_DENY)

    try:
        with engine.connect() as conn, pytest.raises(DBAPIError) as caught:
            conn.exec_driver_sql("SELECT 1")
    finally:
        engine.dispose()
    error = error_codes.translate(caught.value, "auth.db")
    assert type(error) is DatabaseReadOnly and str(error) == "auth.db: not authorized"


def test_an_error_without_a_code_is_a_plain_database_error() -> None:
    """The sqlite3 module's own errors (a closed connection) carry no result code."""
    raw = sqlite3.connect(":memory:")
    raw.close()
    with pytest.raises(sqlite3.ProgrammingError) as caught:
        raw.execute("SELECT 1")
    wrapped = DBAPIError.instance("SELECT 1", None, caught.value, sqlite3.Error)
    error = error_codes.translate(wrapped, "x.db")
    assert type(error) is DatabaseError
    assert str(error) == "database error: Cannot operate on a closed database."


# -- PostgreSQL -------------------------------------------------------------------

WHERE = "postgresql+psycopg://tracker@db.example/tracker"


def server_error(sqlstate: str, message: str) -> DBAPIError:
    """psycopg's error class for ``sqlstate``, wrapped the way SQLAlchemy wraps it."""
    orig = psycopg.errors.lookup(sqlstate)(message)
    assert orig.sqlstate == sqlstate
    return DBAPIError.instance("SELECT 1", None, orig, psycopg.Error)


@pytest.mark.parametrize(
    ("sqlstate", "message", "kind", "expected"),
    [
        ("08001", "no route", DatabaseUnreachable, f"cannot connect to {WHERE}: no route"),
        ("28P01", "password failed", DatabaseUnreachable, f"cannot connect to {WHERE}:"),
        ("28000", 'no pg_hba.conf entry for "x"', DatabaseUnreachable, "cannot connect"),
        ("3D000", 'database "x" does not exist', DatabaseUnreachable, "cannot connect"),
        ("53300", "too many clients already", DatabaseUnreachable, "cannot connect"),
        ("57P03", "the database system is starting up", DatabaseUnreachable, "cannot connect"),
        ("57P01", "terminating connection", DatabaseUnreachable, "lost the connection"),
        ("57P02", "terminating connection", DatabaseUnreachable, "lost the connection"),
        ("57P04", "database dropped", DatabaseUnreachable, "lost the connection"),
        ("08006", "connection failure", DatabaseUnreachable, "lost the connection"),
        ("08P01", "protocol violation", DatabaseUnreachable, "lost the connection"),
        ("42501", "permission denied for table t", DatabaseReadOnly, f"{WHERE}: permission"),
        ("25006", "read-only transaction", DatabaseReadOnly, f"{WHERE} cannot be written"),
        ("55P03", "lock timeout", DatabaseLocked, f"{WHERE} is locked by another writer"),
        ("40001", "could not serialize", DatabaseLocked, "busy with another writer"),
        ("40P01", "deadlock detected", DatabaseLocked, "busy with another writer"),
        ("53100", "could not extend file", DatabaseError, f"{WHERE} has no room left"),
        ("53200", "out of memory", DatabaseError, "short of resources (out of memory)"),
        ("42P01", 'relation "t" does not exist', DatabaseError, "database error: relation"),
        ("23505", "duplicate key", DatabaseError, "database error: duplicate key"),
    ],
)
def test_a_server_error_is_classified_by_its_sqlstate(
    sqlstate: str, message: str, kind: type[DatabaseError], expected: str
) -> None:
    wrapped = server_error(sqlstate, f"{message}\nDETAIL:  more")
    error = error_codes.translate(wrapped, WHERE)
    assert type(error) is kind
    assert expected in str(error), str(error)
    if "{reason}" in error_codes.classify(wrapped).message:  # the lock messages say no more
        assert message in str(error), str(error)
    assert "\n" not in str(error) and "DETAIL" not in str(error)


def test_every_listed_sqlstate_is_one_psycopg_knows() -> None:
    for sqlstate in error_codes.SQLSTATES:
        assert psycopg.errors.lookup(sqlstate).sqlstate == sqlstate
    for klass in error_codes.SQLSTATE_CLASSES:
        assert psycopg.errors.lookup(f"{klass}000").sqlstate == f"{klass}000"


def test_a_connection_never_made_is_not_lost() -> None:
    wrapped = server_error("57P01", "the server is shutting down")
    error = error_codes.translate(wrapped, WHERE, connecting=True)
    assert type(error) is DatabaseUnreachable
    assert str(error) == f"cannot connect to {WHERE}: the server is shutting down"


def test_a_refused_connection_attempt_cannot_connect() -> None:
    """libpq gives no SQLSTATE for a failed attempt: where it failed decides."""
    url = "postgresql+psycopg://nobody@127.0.0.1:1/nothing"
    database = Database(url)
    with pytest.raises(DatabaseUnreachable) as caught, database.read() as conn:
        conn.exec_driver_sql("SELECT 1")
    database.dispose()
    cause = caught.value.__cause__
    assert isinstance(cause, OperationalError) and isinstance(cause.orig, psycopg.Error)
    assert cause.orig.sqlstate is None
    assert str(caught.value).startswith(f"cannot connect to {url}: ")
    assert "\n" not in str(caught.value)


def test_a_broken_connection_without_a_code_is_lost() -> None:
    orig = psycopg.OperationalError("consuming input failed: server closed the connection")
    broken = DBAPIError.instance("SELECT 1", None, orig, psycopg.Error, connection_invalidated=True)
    error = error_codes.translate(broken, WHERE)
    assert type(error) is DatabaseUnreachable
    assert str(error) == f"lost the connection to {WHERE}: server closed the connection"


def test_an_error_without_a_code_on_a_sound_connection_is_plain() -> None:
    orig = psycopg.OperationalError("sending query failed: another command is in progress")
    error = error_codes.translate(DBAPIError.instance("SELECT 1", None, orig, psycopg.Error), WHERE)
    assert type(error) is DatabaseError
    assert str(error) == "database error: another command is in progress"


@needs_server
def test_a_terminated_server_connection_is_lost(tmp_db_url: str) -> None:
    database = Database(tmp_db_url)
    admin = create_engine(tmp_db_url, isolation_level="AUTOCOMMIT")
    try:
        with (
            pytest.raises(DatabaseUnreachable, match="lost the connection") as caught,
            database.read() as conn,
        ):
            pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
            with admin.connect() as other:
                other.exec_driver_sql(f"SELECT pg_terminate_backend({int(pid)}, 5000)")
            conn.exec_driver_sql("SELECT 1")
    finally:
        database.dispose()
        admin.dispose()
    cause = caught.value.__cause__
    assert isinstance(cause, DBAPIError) and getattr(cause.orig, "sqlstate", None) == "57P01"


@needs_server
def test_a_writer_waiting_past_the_lock_timeout_is_locked(
    tmp_db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(BUSY_TIMEOUT_VAR, "200")
    holder = create_engine(tmp_db_url)
    database = Database(tmp_db_url)
    try:
        with holder.connect() as conn, conn.begin():
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
            with (
                pytest.raises(DatabaseLocked, match="locked by another writer") as caught,
                database.write(),
            ):
                pass
    finally:
        database.dispose()
        holder.dispose()
    cause = caught.value.__cause__
    assert isinstance(cause, DBAPIError) and getattr(cause.orig, "sqlstate", None) == "55P03"
