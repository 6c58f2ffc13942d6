"""Which storage error a driver's error is: by SQLite result code and PostgreSQL SQLSTATE.

The drivers say what went wrong in codes, and the tables below map those codes to the
storage error to raise and its one-line message; the driver's own words stay in the
message as the reason, never as the test.

* SQLite (``sqlite3.Error.sqlite_errorcode``, Python 3.11+): an extended result code
  whose low byte is the primary code (``SQLITE_READONLY_DBMOVED`` is 1032, primary
  ``SQLITE_READONLY``, 8); ``SQLITE_CODES`` is keyed by the primary code.
* PostgreSQL (``psycopg.Error.sqlstate``, filled from the server's diagnostics): a
  five-character SQLSTATE whose first two characters are its class. ``SQLSTATES``
  names single codes, ``SQLSTATE_CLASSES`` whole classes; a single code wins.

A failed connection attempt has no SQLSTATE: libpq reports it as text only (refused,
no such database, no such role, password...). Such an error is told by its type (an
``OperationalError`` without a code) and by where it was raised: ``Database`` passes
``connecting=True`` for the step that opens a connection. Later, a connection the
driver finds closed or broken (SQLAlchemy's ``connection_invalidated``) is a lost one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import DBAPIError, OperationalError

from db.errors import (
    DatabaseError,
    DatabaseLocked,
    DatabaseReadOnly,
    DatabaseUnreachable,
    NotATrackerDatabase,
)


@dataclass(frozen=True)
class Failure:
    """One kind of failure: the storage error raised for it and its one-line message.

    ``message`` is a ``str.format`` template: ``{where}`` is the database's file or URL,
    ``{reason}`` the driver's own words on one line.
    """

    error: type[DatabaseError]
    message: str

    def __call__(self, where: Path | str, reason: str) -> DatabaseError:
        """The error to raise for ``where``."""
        return self.error(self.message.format(where=where, reason=reason))


CANNOT_CONNECT = Failure(DatabaseUnreachable, "cannot connect to {where}: {reason}")
CONNECTION_LOST = Failure(DatabaseUnreachable, "lost the connection to {where}: {reason}")
NOT_PERMITTED = Failure(DatabaseReadOnly, "{where}: {reason}")
READ_ONLY = Failure(DatabaseReadOnly, "{where} cannot be written ({reason})")
LOCKED_BY_PROGRAM = Failure(
    DatabaseLocked, "{where} is locked by another program; try again when it has finished"
)
LOCKED_BY_WRITER = Failure(
    DatabaseLocked, "{where} is locked by another writer; try again when it has finished"
)
WRITE_CONFLICT = Failure(
    DatabaseLocked, "{where} was busy with another writer ({reason}); try again"
)
DAMAGED = Failure(NotATrackerDatabase, "{where} is damaged ({reason})")
CANNOT_OPEN = Failure(DatabaseError, "cannot open {where} ({reason})")
NO_ROOM = Failure(DatabaseError, "{where} has no room left ({reason})")
SHORT_OF_RESOURCES = Failure(
    DatabaseError, "the server of {where} is short of resources ({reason})"
)
OTHER = Failure(DatabaseError, "database error: {reason}")

# SQLite's primary result codes.
SQLITE_CODES: Mapping[int, Failure] = {
    sqlite3.SQLITE_PERM: NOT_PERMITTED,  # 3: the file's access mode refuses it
    sqlite3.SQLITE_BUSY: LOCKED_BY_PROGRAM,  # 5: another connection holds the lock
    sqlite3.SQLITE_LOCKED: LOCKED_BY_PROGRAM,  # 6: a table is locked (shared cache)
    sqlite3.SQLITE_READONLY: READ_ONLY,  # 8: read-only file or medium, moved file...
    sqlite3.SQLITE_IOERR: DAMAGED,  # 10: short reads of a truncated file among them
    sqlite3.SQLITE_CORRUPT: DAMAGED,  # 11: "database disk image is malformed"
    sqlite3.SQLITE_FULL: NO_ROOM,  # 13: disk (or max_page_count) full
    sqlite3.SQLITE_CANTOPEN: CANNOT_OPEN,  # 14: a folder, or a folder without access
    sqlite3.SQLITE_AUTH: NOT_PERMITTED,  # 23: an authorizer refused the statement
    sqlite3.SQLITE_NOTADB: DAMAGED,  # 26: "file is not a database"
}

# PostgreSQL's SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html).
SQLSTATES: Mapping[str, Failure] = {
    "08001": CANNOT_CONNECT,  # sqlclient_unable_to_establish_sqlconnection
    "08004": CANNOT_CONNECT,  # sqlserver_rejected_establishment_of_sqlconnection
    "28000": CANNOT_CONNECT,  # invalid_authorization_specification: no such role, pg_hba
    "28P01": CANNOT_CONNECT,  # invalid_password
    "3D000": CANNOT_CONNECT,  # invalid_catalog_name: no such database
    "53300": CANNOT_CONNECT,  # too_many_connections
    "57P03": CANNOT_CONNECT,  # cannot_connect_now: the server is starting or stopping
    "57P01": CONNECTION_LOST,  # admin_shutdown: pg_terminate_backend, server stopped
    "57P02": CONNECTION_LOST,  # crash_shutdown: another server process crashed
    "57P04": CONNECTION_LOST,  # database_dropped
    "42501": NOT_PERMITTED,  # insufficient_privilege: a role that may only read
    "25006": READ_ONLY,  # read_only_sql_transaction: a standby, default_transaction_read_only
    "55P03": LOCKED_BY_WRITER,  # lock_not_available: lock_timeout ran out
    "40001": WRITE_CONFLICT,  # serialization_failure
    "40P01": WRITE_CONFLICT,  # deadlock_detected
    "53100": NO_ROOM,  # disk_full
}
SQLSTATE_CLASSES: Mapping[str, Failure] = {
    "08": CONNECTION_LOST,  # connection_exception
    "53": SHORT_OF_RESOURCES,  # insufficient_resources: out of memory, configuration limits
}


def translate(exc: DBAPIError, where: Path | str, *, connecting: bool = False) -> DatabaseError:
    """The storage error saying in one line what went wrong with ``where``.

    ``connecting``: ``exc`` was raised while opening a connection.
    """
    return classify(exc, connecting=connecting)(where, reason(exc))


def classify(exc: DBAPIError, *, connecting: bool = False) -> Failure:
    """The kind of failure ``exc`` (as SQLAlchemy wraps a driver's error) is."""
    failure = _by_code(exc.orig)
    if failure is None:
        failure = _without_code(exc, connecting=connecting)
    if connecting and failure is CONNECTION_LOST:
        return CANNOT_CONNECT  # a connection that never was cannot be lost
    return failure


def _by_code(orig: BaseException | None) -> Failure | None:
    """The failure the driver's code names, OTHER for a code not listed, None for no code."""
    if isinstance(orig, sqlite3.Error):
        code = getattr(orig, "sqlite_errorcode", None)  # absent on the module's own errors
        return None if code is None else SQLITE_CODES.get(code & 0xFF, OTHER)
    # psycopg sets it from the server's diagnostics; not imported here for SQLite's sake.
    state = getattr(orig, "sqlstate", None)
    if not isinstance(state, str):
        return None
    return SQLSTATES.get(state) or SQLSTATE_CLASSES.get(state[:2], OTHER)


def _without_code(exc: DBAPIError, *, connecting: bool) -> Failure:
    """A failure the driver gave no code for, told by the error's type and the connection."""
    if connecting and isinstance(exc, OperationalError):
        return CANNOT_CONNECT  # libpq fails an attempt before any SQLSTATE exists
    if exc.connection_invalidated:
        return CONNECTION_LOST  # the driver found its connection closed or broken
    return OTHER


def reason(exc: DBAPIError) -> str:
    """The telling part of the driver's message, on one line.

    libpq's connection messages wrap the server's words (``connection failed:
    connection to server at ... failed: FATAL:  role "x" does not exist``) and add
    indented hints on further lines: the words after the last marker of the first line
    are what the user needs. This shapes the message only; it decides nothing.
    """
    text = str(exc.orig) if exc.orig is not None else str(exc)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    line = lines[0] if lines else text
    for marker in ("FATAL:", "ERROR:", "failed:"):
        if marker in line:
            line = line.rsplit(marker, 1)[1]
    return " ".join(line.split()) or "no reason given"
