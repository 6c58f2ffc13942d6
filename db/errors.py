"""Errors raised by the storage layer; the service layer turns them into user messages."""

from __future__ import annotations


class DatabaseError(Exception):
    """The database cannot be opened or used."""


class NotATrackerDatabase(DatabaseError):
    """The file is not a database, or not one of ours."""


class ForeignDatabase(NotATrackerDatabase):
    """A sound database, but not an Engagement Tracker one (nothing in it is damaged)."""


class UnexpectedSchema(NotATrackerDatabase):
    """The file holds a table, view, trigger or index this program did not create."""


class SchemaTooNew(DatabaseError):
    """The database was written by a newer version of the program."""


class DatabaseLocked(DatabaseError):
    """Another process holds the database's write lock for too long."""


class DatabaseReadOnly(DatabaseError):
    """The database file, or its folder, cannot be written."""


class DatabaseUnreachable(DatabaseError):
    """The database server cannot be reached, refused the login, or went away."""
