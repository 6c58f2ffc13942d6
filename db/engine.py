"""Opening a database: where it lives, the engine, and read/write transactions.

SQLite is the default (a file in the per-user data directory); any SQLAlchemy URL
may be given instead. On SQLite every connection runs in WAL mode with foreign keys
on, ``trusted_schema`` off and a busy timeout, and writes begin with ``BEGIN
IMMEDIATE`` so that two writers queue up instead of failing half-way.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# ``Connection`` is re-exported: the services hand a transaction's connection on to db's
# functions without importing SQLAlchemy themselves.
from sqlalchemy import Connection as Connection
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from db import error_codes
from db.errors import DatabaseError
from db.folders import make_private_folders
from db.order_cache import OrderCache
from db.urls import parse_url, public_url, refuse_keyword_string

APP_NAME = "engagement-tracker"
ENV_VAR = "TRACKER_DB"
BUSY_TIMEOUT_MS = 10_000
# The PostgreSQL advisory lock every write transaction holds ("ETRK").
WRITE_LOCK_KEY = 0x4554524B
# How long to wait for another program's lock, in ms (default ``BUSY_TIMEOUT_MS``).
BUSY_TIMEOUT_VAR = "TRACKER_BUSY_TIMEOUT_MS"


def busy_timeout_ms() -> int:
    """The lock wait: ``$TRACKER_BUSY_TIMEOUT_MS`` when it is a whole number, else 10 s."""
    value = os.environ.get(BUSY_TIMEOUT_VAR, "").strip()
    return int(value) if value.isdigit() else BUSY_TIMEOUT_MS


def default_path() -> Path:
    """The default database file, in the per-user data directory."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "tracker.db"


def resolve_url(target: str | os.PathLike[str] | None = None) -> str:
    """An SQLAlchemy URL for ``target`` (a path or URL), ``$TRACKER_DB``, or the default file.

    A libpq keyword/value string is refused rather than taken for a file name (which
    would put its password into a file's name, the window's title and the settings).
    """
    chosen = os.fspath(target) if target is not None else os.environ.get(ENV_VAR) or None
    if chosen is None:
        path = default_path()
    elif "://" in chosen:
        return chosen
    else:
        refuse_keyword_string(chosen)
        path = Path(chosen).expanduser()
    return f"sqlite:///{path.resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL (None for other backends or in-memory databases)."""
    parsed = parse_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _create_private(path: Path) -> None:
    """Create a missing database file (and folders) readable by its owner only.

    SQLite would create it with the umask's mode (often world-readable); its WAL and
    shared-memory files take the database file's mode.
    """
    make_private_folders(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite would defer it).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        cursor.execute("PRAGMA foreign_keys = ON")
        # Views and triggers in the file may call only functions without side effects.
        cursor.execute("PRAGMA trusted_schema = OFF")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()


def _on_sqlite_begin(conn: Connection) -> None:
    if conn.get_execution_options().get("tracker_write"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def driver_missing(where: str, module: str | None) -> str:
    """One line for a server URL whose driver is not installed: what to install."""
    if module is not None and module.split(".")[0] == "psycopg":
        return (
            f"{where} needs the PostgreSQL driver (psycopg), which is not installed: "
            "install the team extra, pip install 'engagement-tracker[team]' (make venv and "
            "make install include it)"
        )
    return f"{where} needs the database driver {module or 'of its URL'}, which is not installed"


class Database:
    """An open database: hands out read and write transactions."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.backend = parse_url(url).get_backend_name()
        self.path = sqlite_path(url)
        self.engine: Engine = self._make_engine()
        self.order_cache = OrderCache()  # cleared by every write transaction

    @property
    def public_url(self) -> str:
        """The URL with any password left out (libpq finds it again by itself)."""
        return public_url(self.url)

    @property
    def where(self) -> str:
        """How messages name this database: its file, or its URL without the password."""
        return str(self.path) if self.path is not None else self.public_url

    def _make_engine(self) -> Engine:
        if self.backend == "sqlite":
            if self.path is not None:
                _create_private(self.path)
            engine = create_engine(
                self.url,
                poolclass=NullPool if self.path is None else None,
                connect_args={"timeout": busy_timeout_ms() / 1000, "check_same_thread": False},
            )
            event.listen(engine, "connect", _on_sqlite_connect)
            event.listen(engine, "begin", _on_sqlite_begin)
            return engine
        connect_args: dict[str, Any] = {}
        if self.backend == "postgresql":
            connect_args = {
                "connect_timeout": 10,
                "application_name": APP_NAME,
                "options": f"-c lock_timeout={busy_timeout_ms()}",
            }
        try:
            return create_engine(self.url, pool_pre_ping=True, connect_args=connect_args)
        except ImportError as exc:  # SQLAlchemy imports the URL's driver here
            raise DatabaseError(driver_missing(self.public_url, exc.name)) from None

    @property
    def is_sqlite(self) -> bool:
        """True on the embedded backend."""
        return self.backend == "sqlite"

    def _connect(self) -> Connection:
        """A new connection (from the pool); a failure to open one says so."""
        try:
            return self.engine.connect()
        except SADatabaseError as exc:
            raise error_codes.translate(exc, self.where, connecting=True) from exc

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection inside a read transaction."""
        with _translated(self.where), self._connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A connection inside a write transaction, committed on success, else rolled back."""
        # Cleared before and after: a connection's own commits leave its data_version.
        self.order_cache.clear()
        try:
            with _translated(self.where), self._connect() as conn:
                conn.execution_options(tracker_write=True)
                with conn.begin():
                    if self.backend == "postgresql":
                        # One writer at a time, as BEGIN IMMEDIATE gives on SQLite: version
                        # checks and the audit hash chain rely on it. Released at commit.
                        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
                    yield conn
        finally:
            self.order_cache.clear()

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


@contextmanager
def _translated(where: Path | str) -> Iterator[None]:
    try:
        yield
    except SADatabaseError as exc:
        raise error_codes.translate(exc, where) from exc
    except SQLAlchemyError as exc:  # not the driver's: a statement SQLAlchemy itself refused
        raise DatabaseError(f"database error: {str(exc).splitlines()[0]}") from exc
    except UnicodeDecodeError as exc:  # SQLite handed back bytes from a damaged page
        raise error_codes.DAMAGED(where, f"unreadable text: {exc.reason}") from exc
