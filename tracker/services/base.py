"""An open database and its transactions: what every service call is built on.

``_read`` and ``_write`` are the only ways in: each public service call is one of
them. ``_write`` seals the transaction's audit rows into the hash chain before it
commits, so no write can leave the trail unsealed. Storage-layer errors become the
domain's ``StorageError`` family here, once.
"""

from __future__ import annotations

import functools
import getpass
import json
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Self

from db import audit_chain, health, loading, schema, store
from db import backup as db_backup
from db.backup import BACKUP_FOLDER
from db.engine import Connection, Database, resolve_url, sqlite_path
from db.errors import (
    DatabaseError,
    DatabaseLocked,
    DatabaseReadOnly,
    ForeignDatabase,
    NotATrackerDatabase,
    SchemaTooNew,
)
from db.urls import hide_secrets, public_url
from tracker.domain import limits
from tracker.domain.controls import has_controls
from tracker.domain.errors import (
    DamagedDatabaseError,
    ForeignDatabaseError,
    LockedDatabaseError,
    NotFoundError,
    ReadOnlyDatabaseError,
    SchemaError,
    StorageError,
    TrackerError,
    ValidationError,
)
from tracker.domain.interchange import data_from_json, quoted, too_long
from tracker.domain.markings import DEFAULT_MARKINGS, DEFAULT_RECORD_MARKING
from tracker.domain.model import Engagement, EngagementData
from tracker.domain.timeline import follow_status
from tracker.services.collector import collector_paused as collector_paused
from tracker.services.files import refuse_database_files

# Called with (done, total); returning False cancels the operation (nothing is written).
Progress = Callable[[int, int], bool | None]


class Cancelled(TrackerError):
    """The user cancelled a long operation; nothing was written."""


def current_user() -> str:
    """Who is making changes: $TRACKER_USER, else the operating-system user name; a name
    that cannot go into the audit trail as one line is refused (:func:`check_user_name`)."""
    configured = os.environ.get("TRACKER_USER", "").strip()
    if configured:
        return check_user_name(configured, source="TRACKER_USER")
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
    return check_user_name(name, source="the operating-system user name")


def _user_name(user: str | None) -> str:
    return check_user_name(user) if user else current_user()


def check_user_name(name: str, *, source: str = "--user") -> str:
    """``name`` stripped; refused when blank, longer than ``limits.USER_NAME`` or holding a
    control character or line break (which would forge lines of ``tracker history``)."""
    stripped = name.strip()
    if not stripped:
        problem = "must not be blank"
    elif len(stripped) > limits.USER_NAME:
        problem = too_long(len(stripped), limits.USER_NAME)
    elif has_controls(stripped) or "\u2028" in stripped or "\u2029" in stripped:
        problem = "must not contain control characters or line breaks"
    else:
        return stripped
    raise ValidationError(problem, record=f"the user name {quoted(name)} ({source})")


class TrackerBase:
    """An open engagement database: opening, transactions, markings, access."""

    def __init__(self, database: Database, *, user: str | None = None) -> None:
        self.database = database
        self.user = _user_name(user)

    @classmethod
    def open(cls, target: str | os.PathLike[str] | None = None, *, user: str | None = None) -> Self:
        """Open (creating or upgrading) the database at ``target``, $TRACKER_DB or the default.

        An existing SQLite database is backed up (into ``backups/`` beside it) before
        its schema is migrated.
        """
        user = _user_name(user)  # a name the trail cannot hold opens nothing
        url = ""  # until resolved: a keyword string given as --db is refused unread
        try:
            url = resolve_url(target)
            database = schema.open_database(
                url,
                markings=DEFAULT_MARKINGS,
                default_marking=DEFAULT_RECORD_MARKING,
                fulltext_source=loading.fulltext_rows,
                before_upgrade=functools.partial(_back_up_before_upgrade, url),
            )
        except DatabaseError as exc:
            raise storage_error(exc, url) from None
        except OSError as exc:
            raise StorageError(f"cannot open {public_url(url)}: {exc.strerror or exc}") from None
        return cls(database, user=user)

    @functools.cached_property
    def read_only(self) -> str | None:
        """Why this database can only be read (a PostgreSQL role without the right to
        change it), or None when it can be written. Checked once, when first asked."""
        if self.database.backend != "postgresql":
            return None
        with self._read() as conn:
            role, allowed = schema.write_privilege(conn)
        if allowed:
            return None
        return f'the database role "{role}" may read this database but not change it'

    @property
    def location_warning(self) -> str | None:
        """Why this database's location is unsafe (network or synced folder), or None."""
        if self.database.path is None:
            return None
        reason = health.shared_location_reason(self.database.path)
        return None if reason is None else f"{reason}: {health.SHARED_LOCATION_ADVICE}"

    def check_output(self, target: str | os.PathLike[str]) -> None:
        """Refuse ``target`` as a file to write (an export, a briefing, a backup) when it
        is this database or one of SQLite's files beside it, by whatever name."""
        refuse_database_files(target, self.database.path)

    def close(self) -> None:
        """Release the database."""
        self.database.dispose()

    @property
    def url(self) -> str:
        """The database's URL without any password (safe to show and to remember).

        Passwords come from libpq (``~/.pgpass``, ``PGPASSWORD``, service files), never
        from what the app stores.
        """
        return self.database.public_url

    # -- transactions -----------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._translated(), self.database.read() as conn:
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._translated(), self.database.write() as conn:
            yield conn
            audit_chain.seal(conn)  # seal this transaction's audit rows before it commits

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except DatabaseError as exc:
            raise storage_error(exc, self.database.url) from None

    # -- what every call needs inside its transaction ------------------------------

    def markings(self) -> tuple[str, ...]:
        """The allowed handling markings, lowest first."""
        with self._read() as conn:
            return self._markings(conn)

    def default_marking(self) -> str:
        """The marking a new engagement gets unless another is chosen."""
        with self._read() as conn:
            return self._default_marking(conn)

    def _markings(self, conn: Connection) -> tuple[str, ...]:
        value = schema.get_meta(conn, "markings")
        return tuple(json.loads(value)) if value else DEFAULT_MARKINGS

    def _default_marking(self, conn: Connection) -> str:
        allowed = self._markings(conn)
        value = schema.get_meta(conn, "default_marking")
        return value if value in allowed else allowed[0]

    def _get(self, conn: Connection, ref: int | str) -> Engagement:
        eid = loading.find_id(conn, ref)
        loaded = loading.load(conn, [eid]) if eid is not None else {}
        if eid is None or eid not in loaded:
            raise NotFoundError(f"no engagement {ref}")
        return loaded[eid]

    def _replace(
        self, conn: Connection, current: Engagement, data: EngagementData, *, action: str
    ) -> frozenset[str]:
        """Write ``data`` over ``current`` (every route that changes a stored engagement
        comes here); a change of status adds its dated event to the timeline
        (``tracker.domain.timeline``). Returns the names of the fields that changed."""
        data = follow_status(current.data, data, on=utc_today())
        return store.replace_engagement(conn, current, data, who=self.user, action=action)

    def _rules(self, conn: Connection) -> Rules:
        return Rules(self._markings(conn), self._default_marking(conn))

    def _validate(self, conn: Connection, obj: Mapping[str, Any], label: str) -> Validated:
        """``obj`` validated under the rules read in ``conn``: a read transaction, so that
        a refusal (an over-long field, say) comes before any write lock is taken."""
        rules = self._rules(conn)
        return Validated(obj, label, rules, validate(obj, label, rules))

    def _still_valid(self, conn: Connection, validated: Validated) -> EngagementData:
        """The data validated before the write transaction ``conn`` began, validated again
        only if the markings changed in between."""
        rules = self._rules(conn)
        if rules == validated.rules:
            return validated.data
        return validate(validated.obj, validated.label, rules)


@dataclass(frozen=True)
class Rules:
    """What validating an engagement needs of its database: the allowed markings."""

    markings: tuple[str, ...]
    default_marking: str


@dataclass(frozen=True)
class Validated:
    """An interchange object, the rules it was validated under, and the result."""

    obj: Mapping[str, Any]
    label: str
    rules: Rules
    data: EngagementData


def validate(obj: Mapping[str, Any], label: str, rules: Rules) -> EngagementData:
    """``obj`` as engagement data under ``rules`` (``ValidationError`` naming ``label``)."""
    return data_from_json(
        obj, label=label, allowed_markings=rules.markings, default_marking=rules.default_marking
    )


def _back_up_before_upgrade(url: str, _version: int) -> None:
    """Back an SQLite database up (into ``backups/`` beside it) before it is migrated."""
    path = sqlite_path(url)
    if path is not None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        name = f"tracker-{stamp}-before-schema-{schema.SCHEMA_VERSION}.db"
        db_backup.backup_to(path, path.parent / BACKUP_FOLDER / name)


def utc_today() -> date:
    """Today's date in UTC: what a status event is dated, wherever the writer sits."""
    return datetime.now(UTC).date()


def storage_error(exc: DatabaseError, url: str) -> StorageError:
    """The tracker error for a storage-layer one about the database at ``url``, of the
    kind that says what to do next; nothing ``url`` holds secret is in its message (a
    driver's error may quote the URL or its password)."""
    message = hide_secrets(str(exc), url)
    if isinstance(exc, SchemaTooNew):
        return SchemaError(message)
    if isinstance(exc, ForeignDatabase):
        return ForeignDatabaseError(message)
    if isinstance(exc, NotATrackerDatabase):
        return DamagedDatabaseError(message)
    if isinstance(exc, DatabaseLocked):
        return LockedDatabaseError(message)
    if isinstance(exc, DatabaseReadOnly):
        return ReadOnlyDatabaseError(message)
    return StorageError(message)
