"""The project's own errors: every user-facing failure is one of these.

Each error renders as one line that names the record and field at fault, so the
command line can print it on stderr (exit code 1) and the GUI can show it inline.
"""

from __future__ import annotations

from collections.abc import Sequence


class TrackerError(Exception):
    """Base of every error the tracker reports to a user."""


class ValidationError(TrackerError):
    """A value was refused: names the record, the field and what is wrong."""

    def __init__(self, message: str, *, record: str = "", field: str = "") -> None:
        self.record = record
        self.field = field
        self.reason = message
        parts = [p for p in (record, field) if p]
        prefix = ", ".join(parts)
        super().__init__(f"{prefix}: {message}" if prefix else message)


class NotFoundError(TrackerError):
    """No engagement (or other record) has the given identifier."""


class ConflictError(TrackerError):
    """A save met a newer version written by somebody else; nothing was written."""

    def __init__(
        self,
        *,
        engagement_id: int,
        title: str,
        expected_version: int,
        current_version: int,
        fields: Sequence[str],
    ) -> None:
        self.engagement_id = engagement_id
        self.title = title
        self.expected_version = expected_version
        self.current_version = current_version
        self.fields = tuple(fields)
        changed = ", ".join(self.fields) if self.fields else "unknown fields"
        super().__init__(
            f'engagement {engagement_id} "{title}": conflict, it was changed by someone else '
            f"(version {expected_version} -> {current_version}; changed: {changed}); "
            "nothing was saved"
        )


class StorageError(TrackerError):
    """The database cannot be opened or used (not a database, locked, read-only...)."""


class SchemaError(StorageError):
    """The database's schema version is one this program cannot use."""


class DamagedDatabaseError(StorageError):
    """The file is not a database, or a damaged one: restoring a backup is the way out."""


class ForeignDatabaseError(DamagedDatabaseError):
    """A sound database, but not an Engagement Tracker one: nothing in it is damaged."""


class LockedDatabaseError(StorageError):
    """Another program holds the database's lock: trying again later is the way out."""


class ReadOnlyDatabaseError(StorageError):
    """The database (or its folder) cannot be written: read-only medium or permissions."""
