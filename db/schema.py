"""Schema versions and migrations.

A new database gets the current tables at once and is stamped with
``SCHEMA_VERSION``. An older database is brought up to date by the ordered steps
of ``MIGRATIONS``, all in one transaction: either every step applies or none does.
A database from a newer program is refused, and so is one whose tables, views,
triggers or indexes are not the ones this program creates (``db.schema_guard``).

History:
  1. engagements, organisations, children, restriction catalogue, tags, audit, meta.
  2. full-text index over each engagement's text (filled from the existing rows).
  3. sort indexes: one partial index per sort order over the live engagements (and
     one over the trash) replace the (deleted_at, ...) indexes; the full-text index
     gains one- and two-character prefix indexes.
  4. audit seals: a SHA-256 hash chain over the audit trail (existing rows sealed).
  5. keyed audit seals: the version-4 chain is checked, then replaced by an HMAC chain
     whose seals name their key (``db.audit_chain``); audit rows gain ``server_user``;
     the database gets a random id; every engagement gets a baseline entry recording it
     whole, so that its trail replays (``db.audit_replay``). On PostgreSQL the key
     table, sealing functions and triggers are installed (``db.audit_pg``).
  6. the due list: a partial index of the live engagements with a follow-up, by the day
     it falls due (``ix_engagement_due``; on SQLite it holds the listed columns too).
  7. the briefing register (table ``briefing``), the audit trail by time
     (``ix_audit_at``), for the changes of a period, and the owners in use
     (``ix_engagement_owner``).
  8. saved views (table ``saved_view``) and their trail (``saved_view_event``); the
     overview: a partial index of the live engagements by status, region and vendor
     (``ix_engagement_overview``), which holds every column its counts read; and the
     restriction comparison: restrictions by (restriction, stance)
     (``ix_engagement_restriction_stance``), counted from the index alone.
  9. briefing templates (table ``briefing_template``): named briefing settings and
     their letterhead logo.
  10. the records of several desks: organisations' parents (``organisation.parent_id``;
      SQLite rebuilds the table) and aliases (``organisation_alias``), the restriction
      catalogue's older codes (``restriction_alias``) and links between engagements
      (``engagement_link``).
  11. search by organisation without re-indexing: the words of every organisation's
      names and aliases (``organisation_word``, ``db.org_words``); the engagements'
      index rows lose the vendor's and counterpart's names and hold their text folded
      in every script (``db.fulltext_v11``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import Connection, inspect, select, text
from sqlalchemy.exc import SQLAlchemyError

from db import (
    audit_chain,
    audit_legacy,
    audit_pg,
    audit_replay,
    fulltext,
    fulltext_v11,
    health,
    org_words,
    schema_guard,
    tables,
)
from db.engine import Database, sqlite_path
from db.errors import (
    DatabaseError,
    DatabaseReadOnly,
    ForeignDatabase,
    NotATrackerDatabase,
    SchemaTooNew,
)
from db.store import utc_now
from db.urls import public_url

SCHEMA_VERSION = 11
SQLITE_HEADER = b"SQLite format 3\x00"

Migration = Callable[[Connection], None]
# Called with the version found before an existing database is migrated.
BeforeUpgrade = Callable[[int], None]

# Set by the service layer: computes (id, title, body) for every engagement.
FulltextSource = Callable[[Connection], list[tuple[int, str, str]]]


def _get_meta(conn: Connection, key: str) -> str | None:
    row = conn.execute(select(tables.meta.c.value).where(tables.meta.c.key == key)).first()
    return None if row is None else str(row[0])


def set_meta(conn: Connection, key: str, value: str) -> None:
    """Insert or replace one meta value."""
    conn.execute(tables.meta.delete().where(tables.meta.c.key == key))
    conn.execute(tables.meta.insert().values(key=key, value=value))


def get_meta(conn: Connection, key: str) -> str | None:
    """One meta value, or None."""
    return _get_meta(conn, key)


def read_version(conn: Connection) -> int | None:
    """The schema version, 0 for an empty database, None if it is not one of ours."""
    names = set(inspect(conn).get_table_names())
    if not names:
        return 0
    if "meta" not in names or "engagement" not in names:
        return None
    value = _get_meta(conn, "schema_version")
    return int(value) if value is not None else None


def _create_current(conn: Connection, markings: Sequence[str], default_marking: str) -> None:
    tables.metadata.create_all(conn)
    fulltext.create(conn)
    _audit_keys(conn)
    set_meta(conn, "schema_version", str(SCHEMA_VERSION))
    set_meta(conn, "markings", json.dumps(list(markings)))
    set_meta(conn, "default_marking", default_marking)


# What a database's schema must be: the one a new database gets (created in memory).
GUARD = schema_guard.SchemaGuard(lambda conn: _create_current(conn, (), ""), SCHEMA_VERSION)


def open_database(
    url: str,
    *,
    markings: Sequence[str],
    default_marking: str,
    fulltext_source: FulltextSource,
    before_upgrade: BeforeUpgrade | None = None,
) -> Database:
    """Open ``url``, creating or upgrading its schema; refuse foreign or newer databases.

    A file that cannot be written (read-only medium or permissions) is refused before
    SQLite touches it. ``before_upgrade(version)`` is called before an existing
    database is migrated from ``version`` (the app backs it up there).
    """
    _check_file(url)
    try:
        database = Database(url)
    except SQLAlchemyError as exc:  # a URL SQLAlchemy cannot use
        raise DatabaseError(f"cannot open {public_url(url)}: {str(exc).splitlines()[0]}") from None
    try:
        if before_upgrade is not None:
            with database.read() as conn:
                found = read_version(conn)
            if found is not None and 0 < found < SCHEMA_VERSION:
                before_upgrade(found)
        with database.write() as conn:
            _make_current(conn, database.where, markings, default_marking, fulltext_source)
    except BaseException:
        database.dispose()
        raise
    return database


def _check_file(url: str) -> None:
    """Refuse an SQLite file that is not a database, or that cannot be written."""
    path = sqlite_path(url)
    if path is None:
        return
    if _foreign_file(path):
        raise NotATrackerDatabase(f"{path} is not a database or is damaged")
    reason = health.read_only_reason(path)
    if reason is not None:
        raise DatabaseReadOnly(f"{reason}; copy it to a writable folder to open it")
    # Before SQLite opens it for writing (which would already switch its journal mode):
    # a refused file is left byte for byte as it was.
    schema_guard.refuse(path, GUARD.file_problems(path))


def _make_current(
    conn: Connection,
    where: str,
    markings: Sequence[str],
    default_marking: str,
    fulltext_source: FulltextSource,
) -> None:
    """Create the schema in an empty database, upgrade an older one, refuse the rest."""
    version = read_version(conn)
    if version is None:
        raise ForeignDatabase(f"{where} is a database, but not an Engagement Tracker database")
    # Again under the write lock, before any write: no trigger this program did not
    # create may run, not even on a migration's writes.
    GUARD.require(conn, version, where)
    if version == 0:
        _create_current(conn, markings, default_marking)
    elif version > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"{where} uses schema version {version}, newer than this "
            f"program's {SCHEMA_VERSION}: install a newer Engagement Tracker to open it"
        )
    elif version < SCHEMA_VERSION:
        upgrade(conn, version, fulltext_source)
    if version != SCHEMA_VERSION:  # what was created or migrated: exactly ours, or rolled back
        GUARD.require(conn, SCHEMA_VERSION, where)


def _foreign_file(path: Path) -> bool:
    """True for a non-empty file without SQLite's header.

    SQLite itself takes a one-byte file for an empty database and overwrites it.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError:
        return False  # missing, a directory, unreadable: left for SQLite to report
    return head not in (b"", SQLITE_HEADER)


def _add_fulltext(conn: Connection, source: FulltextSource) -> None:
    fulltext.create(conn)
    fulltext.replace_many(conn, source(conn))


# The indexes of version 2 that version 3 replaces by partial sort indexes.
_V2_INDEXES = (
    "ix_engagement_live_status",
    "ix_engagement_live_region",
    "ix_engagement_updated",
    "ix_engagement_title",
)


def _sort_indexes(conn: Connection) -> None:
    for name in _V2_INDEXES:
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
    for index in sorted(tables.engagement.indexes, key=lambda i: str(i.name)):
        index.create(conn, checkfirst=True)
    if conn.dialect.name == "sqlite" and not fulltext.is_current(conn):
        fulltext.recreate(conn)


# Where the upgrade to schema 5 keeps a break it found in the version-4 chain: the
# re-sealed trail cannot vouch for what came before, so ``tracker check`` says so.
LEGACY_BREAK = "audit_broken_before_5"


def _audit_keys(conn: Connection) -> None:
    """What keyed seals need: the database's id, and on PostgreSQL the key and functions."""
    audit_chain.database_id(conn)
    if conn.dialect.name == "postgresql":
        audit_pg.install(conn)


def _keyed_audit_seals(conn: Connection) -> None:
    broken = audit_legacy.verify(conn)
    if broken is not None:
        set_meta(conn, LEGACY_BREAK, broken)
    conn.exec_driver_sql("DROP TABLE audit_seal")
    _add_server_user(conn)
    tables.audit_seal.create(conn)
    _audit_keys(conn)
    audit_replay.write_baselines(conn, who="upgrade", at=utc_now())
    audit_chain.seal(conn)


_V4_AUDIT_COLUMNS = "id, at, who, engagement_id, version, action, field, old, new"


def _add_server_user(conn: Connection) -> None:
    """Give the audit table its ``server_user`` column. SQLite's ADD COLUMN would leave a
    table definition unlike a new database's, so there the table is rebuilt."""
    if conn.dialect.name != "sqlite":
        conn.exec_driver_sql("ALTER TABLE audit ADD COLUMN server_user TEXT")
        return
    for index in tables.audit.indexes:  # the rebuilt table makes them again
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {index.name}")
    conn.exec_driver_sql("ALTER TABLE audit RENAME TO audit_v4")
    tables.audit.create(conn)
    conn.exec_driver_sql(
        f"INSERT INTO audit ({_V4_AUDIT_COLUMNS}) SELECT {_V4_AUDIT_COLUMNS} FROM audit_v4"
    )
    conn.exec_driver_sql("DROP TABLE audit_v4")


def _due_index(conn: Connection) -> None:
    for index in tables.engagement.indexes:
        if index.name == "ix_engagement_due":
            index.create(conn, checkfirst=True)  # only the one for this dialect is made


def _briefing_register(conn: Connection) -> None:
    tables.briefing.create(conn, checkfirst=True)
    for index in (*tables.audit.indexes, *tables.engagement.indexes):
        if index.name in ("ix_audit_at", "ix_engagement_owner"):
            index.create(conn, checkfirst=True)


def _schema_8(conn: Connection) -> None:
    """Saved views and their trail; the indexes of the overview and the restriction
    comparison."""
    tables.saved_view.create(conn, checkfirst=True)
    tables.saved_view_event.create(conn, checkfirst=True)
    for table, name in (
        (tables.engagement, "ix_engagement_overview"),
        (tables.engagement_restriction, "ix_engagement_restriction_stance"),
    ):
        for index in table.indexes:
            if index.name == name:
                index.create(conn, checkfirst=True)


def _briefing_templates(conn: Connection) -> None:
    tables.briefing_template.create(conn, checkfirst=True)


_V9_ORGANISATION_COLUMNS = "id, name, name_key, kind, country, region"


def _organisation_parent(conn: Connection) -> None:
    """Give ``organisation`` its ``parent_id``. On SQLite the table is rebuilt (``ADD
    COLUMN`` would leave a definition unlike a new database's)."""
    if conn.dialect.name != "sqlite":
        conn.exec_driver_sql(
            "ALTER TABLE organisation ADD COLUMN IF NOT EXISTS "
            "parent_id INTEGER REFERENCES organisation (id)"
        )
        for index in tables.organisation.indexes:
            index.create(conn, checkfirst=True)
        return
    # Renaming the table would make SQLite rewrite the engagements' references to the
    # old table's new name (it does so while foreign keys are on, even in legacy mode).
    # So the rows are copied aside, the table dropped and made again: the references
    # dangle in between, which the deferred check counts and the copy back settles.
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    conn.exec_driver_sql(
        f"CREATE TEMP TABLE organisation_v9 AS SELECT {_V9_ORGANISATION_COLUMNS} FROM organisation"
    )
    conn.exec_driver_sql("DROP TABLE organisation")
    tables.organisation.create(conn)
    conn.exec_driver_sql(
        f"INSERT INTO organisation ({_V9_ORGANISATION_COLUMNS}) "
        f"SELECT {_V9_ORGANISATION_COLUMNS} FROM temp.organisation_v9"
    )
    conn.exec_driver_sql("DROP TABLE temp.organisation_v9")


def _schema_10(conn: Connection) -> None:
    """Organisations' parents and aliases, restrictions' older codes, links."""
    _organisation_parent(conn)
    for table in (tables.organisation_alias, tables.restriction_alias, tables.engagement_link):
        table.create(conn, checkfirst=True)


def _schema_11(conn: Connection) -> None:
    """Organisations' words; index rows without organisations' names, folded."""
    tables.organisation_word.create(conn, checkfirst=True)
    org_words.reindex_all(conn)
    fulltext_v11.upgrade(conn)


def migrations(source: FulltextSource) -> list[tuple[int, Migration]]:
    """The ordered steps: (version reached, step)."""
    return [
        (2, lambda conn: _add_fulltext(conn, source)),
        (3, _sort_indexes),
        (4, audit_legacy.seal),
        (5, _keyed_audit_seals),
        (6, _due_index),
        (7, _briefing_register),
        (8, _schema_8),
        (9, _briefing_templates),
        (10, _schema_10),
        (11, _schema_11),
    ]


def upgrade(conn: Connection, from_version: int, source: FulltextSource) -> None:
    """Apply every step above ``from_version`` inside the caller's transaction."""
    for reached, step in migrations(source):
        if reached > from_version:
            step(conn)
            set_meta(conn, "schema_version", str(reached))


def integrity_problems(conn: Connection) -> list[str]:
    """SQLite's own integrity and foreign-key checks (empty when sound)."""
    if conn.dialect.name != "sqlite":
        return []
    problems = [
        str(row[0]) for row in conn.execute(text("PRAGMA integrity_check")) if str(row[0]) != "ok"
    ]
    problems += [
        f"foreign key broken: {row[0]} row {row[1]} -> {row[2]}"
        for row in conn.execute(text("PRAGMA foreign_key_check"))
    ]
    return problems


def write_privilege(conn: Connection) -> tuple[str, bool]:
    """(the database role, whether it may change the engagements): PostgreSQL only."""
    role, allowed = conn.execute(
        text(
            "SELECT current_user, has_table_privilege(current_user, 'engagement', "
            "'INSERT, UPDATE, DELETE')"
        )
    ).one()
    return str(role), bool(allowed)
