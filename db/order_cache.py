"""The whole live table's ids in one order, kept while the database is unchanged.

Reading 100,000 ids in order costs about 50 ms, and a search matching most of the
table picks its ids out of that list (``db.ids``): kept, a keystroke that matches
nearly everything ("n", then "na") does not read it again. It is valid while nothing
was written: by this program (every write transaction of ``db.engine.Database``
clears it), or by another connection, which SQLite's ``PRAGMA data_version`` on the
connection that read it tells. One order is kept (the table's current one).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable


class OrderCache:
    """The last list of ordered ids read, with what it was read for."""

    def __init__(self) -> None:
        self._key: Hashable = None
        self._ids: list[int] = []

    def clear(self) -> None:
        """Forget the list (a write transaction began)."""
        self._key, self._ids = None, []

    def holds(self, key: Hashable) -> bool:
        """True when the list kept is the one for ``key``."""
        return key is not None and key == self._key

    def get(self, key: Hashable, read: Callable[[], list[int]]) -> list[int]:
        """The ids for ``key`` (what they are ordered by and the database's state):
        kept ones, or ``read()`` kept. A copy: callers may change their list."""
        if key is None or key != self._key:
            self._key, self._ids = key, read()
        return list(self._ids)
