"""Refusing SQLite files whose schema this program did not create.

A database file is code as well as data: a trigger in it runs on our own writes (an
``AFTER UPDATE ON engagement`` trigger can downgrade the marking of every edited
engagement, with nothing in the audit trail), a view can stand in for a table, and a
changed table definition can add columns, defaults or constraints of its own. A file
from a colleague or a backup folder is therefore compared, object by object (type,
name, table and SQL text), with ``sqlite_master`` as this program creates it.

The expected schema is not a list kept by hand: it is what the function that creates
a new database makes in an empty in-memory database (built once per process), so a
new table, index or trigger in a later schema version is expected as soon as the
code creates it.

An older schema version cannot be compared exactly (its definitions are what its
migrations turn into the current ones), so before anything is written to it only
these must hold: every trigger and view is one this program creates, and every table
has the name of one of ours. The migration's result is then compared exactly, inside
the migration's transaction. No trigger this program did not create ever runs.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import Connection, create_engine

from db.errors import UnexpectedSchema

LISTING = "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master"

# The order problems are named in: the kinds that run code first.
_RANK = {"trigger": 0, "view": 1, "table": 2, "index": 3}
# Object names in messages are cut to this many characters.
_SHOWN = 60
# The query planner's statistics, which ``ANALYZE`` (run by hand, or by a future
# ``PRAGMA optimize``) writes: data SQLite reads to choose indexes, never code that
# runs, so a file holding them is still ours.
PLANNER_STATISTICS = frozenset({"sqlite_stat1", "sqlite_stat4"})


class SchemaObject(NamedTuple):
    """One row of ``sqlite_master``; ``sql`` with its whitespace runs made single spaces."""

    kind: str
    name: str
    table: str
    sql: str


def _decoded(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def objects(rows: Iterable[Sequence[object]]) -> frozenset[SchemaObject]:
    """The schema objects of the rows of :data:`LISTING`.

    Whitespace is normalised so that a definition that only differs in line breaks
    and indentation is the same definition.
    """
    return frozenset(
        SchemaObject(
            _decoded(kind), _decoded(name), _decoded(table), " ".join(_decoded(sql).split())
        )
        for kind, name, table, sql in rows
    )


def listed(conn: sqlite3.Connection) -> frozenset[SchemaObject]:
    """The schema objects of a database opened with the ``sqlite3`` module."""
    return objects(conn.execute(LISTING).fetchall())


def stored_version(conn: sqlite3.Connection) -> int | None:
    """The schema version in the meta table, None when missing or not a number."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    try:
        return int(row[0]) if row is not None else None
    except (TypeError, ValueError):
        return None


def _file_version(conn: sqlite3.Connection, found: frozenset[SchemaObject]) -> int | None:
    """As ``db.schema.read_version``: 0 without tables, None when not a tracker database."""
    names = {o.name for o in found if o.kind == "table"}
    if not names:
        return 0
    if "meta" not in names or "engagement" not in names:
        return None
    return stored_version(conn)


@contextmanager
def read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """``path`` opened read-only, with ``trusted_schema`` off; raises ``sqlite3.Error``.

    A read-only look at a WAL-mode file leaves an empty ``-wal`` and ``-shm`` beside
    it: those are removed again, so the folder is left as it was.
    """
    wal, shm = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))
    had_wal, had_shm = wal.exists(), shm.exists()
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            conn.execute("PRAGMA trusted_schema = OFF")
            yield conn
        finally:
            conn.close()
    finally:
        if not had_wal and wal.exists() and wal.stat().st_size == 0:
            wal.unlink(missing_ok=True)
            if not had_shm:
                shm.unlink(missing_ok=True)


def _shown(name: str) -> str:
    """A name from the file, quoted on one line (control characters escaped)."""
    cut = name if len(name) <= _SHOWN else name[:_SHOWN] + "..."
    return json.dumps(cut)


def _what(obj: SchemaObject) -> str:
    """``a trigger "t" on engagement``."""
    kind = _shown(obj.kind)[1:-1]
    article = "an" if kind[:1] in ("a", "e", "i", "o", "u") else "a"
    on = f" on {_shown(obj.table)[1:-1]}" if obj.kind in ("trigger", "index") else ""
    return f"{article} {kind} {_shown(obj.name)}{on}"


def _order(obj: SchemaObject) -> tuple[int, str]:
    return _RANK.get(obj.kind, len(_RANK)), obj.name


class SchemaGuard:
    """Compares a database's schema with the one ``create`` makes in an empty database.

    Problems are verb phrases about the database ("holds a trigger ... that this
    program did not create"), for the caller to put behind its subject.
    """

    def __init__(self, create: Callable[[Connection], None], version: int) -> None:
        self._create = create
        self.version = version

    @cached_property
    def expected(self) -> frozenset[SchemaObject]:
        """The objects a new database of the current schema version holds."""
        engine = create_engine("sqlite://")
        try:
            with engine.begin() as conn:
                self._create(conn)
                return objects(conn.exec_driver_sql(LISTING).all())
        finally:
            engine.dispose()

    def problems(self, found: frozenset[SchemaObject], version: int | None) -> list[str]:
        """What is wrong with the objects ``found`` in a database at schema ``version``.

        None (not a tracker database) and newer versions are left to the callers'
        own refusals; an older version (or 0, an empty database) gets the checks
        that can be made before it is migrated.
        """
        if version is None or version > self.version:
            return []
        found = frozenset(o for o in found if o.name not in PLANNER_STATISTICS)
        if version < self.version:
            return self._before_migration(found)
        return self._exactly(found)

    def _before_migration(self, found: frozenset[SchemaObject]) -> list[str]:
        tables = {o.name for o in self.expected if o.kind == "table"}
        wrong = [
            o
            for o in found
            if (o.kind in ("trigger", "view") and o not in self.expected)
            or (o.kind == "table" and o.name not in tables)
            or o.kind not in _RANK
        ]
        return [self._unexpected(o) for o in sorted(wrong, key=_order)]

    def _exactly(self, found: frozenset[SchemaObject]) -> list[str]:
        present = {(o.kind, o.name) for o in found}
        missing = [o for o in self.expected if (o.kind, o.name) not in present]
        return [self._unexpected(o) for o in sorted(found - self.expected, key=_order)] + [
            f"lacks the {o.kind} {_shown(o.name)} that this program creates"
            for o in sorted(missing, key=_order)
        ]

    def _unexpected(self, obj: SchemaObject) -> str:
        if any((o.kind, o.name) == (obj.kind, obj.name) for o in self.expected):
            return f"holds {_what(obj)} that differs from the one this program creates"
        return f"holds {_what(obj)} that this program did not create"

    def file_problems(self, path: Path) -> list[str]:
        """The problems of the SQLite file at ``path``, read without changing it.

        A file that cannot be read (missing, damaged: even SQLite's error message may
        then be undecodable) has none here: opening it reports what is wrong with it.
        """
        try:
            with read_only(path) as conn:
                conn.text_factory = _decoded
                found = listed(conn)
                return self.problems(found, _file_version(conn, found))
        except (sqlite3.Error, OSError, UnicodeDecodeError):
            return []

    def connection_problems(self, conn: Connection, version: int | None) -> list[str]:
        """The problems of the database behind ``conn`` (SQLite only: none elsewhere)."""
        if conn.dialect.name != "sqlite":
            return []
        return self.problems(objects(conn.exec_driver_sql(LISTING).all()), version)

    def require(self, conn: Connection, version: int | None, where: str | Path) -> None:
        """Raise ``UnexpectedSchema`` when the database behind ``conn`` has problems."""
        refuse(where, self.connection_problems(conn, version))


def refuse(where: str | Path, problems: list[str]) -> None:
    """Raise ``UnexpectedSchema`` naming the first of ``problems`` (none: nothing)."""
    if not problems:
        return
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    raise UnexpectedSchema(f"refusing {where}: it {problems[0]}{more}")
