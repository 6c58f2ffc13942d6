"""The changes feed: what changed on the engagements in a period, worded, a page at a
time (``tracker changes``, the window's Changes view, a briefing's "Changes since …")."""

from __future__ import annotations

import datetime

from db import changes
from tracker.domain.change_words import ChangePeriod, ChangesPage, check_period, word
from tracker.domain.model import Filters
from tracker.services.base import TrackerBase, utc_today


class Changes(TrackerBase):
    """Reading the audit trail as changes (each call one read transaction)."""

    def changes(
        self,
        *,
        filters: Filters = Filters(),
        period: ChangePeriod | None = None,
        through_revision: int | None = None,
        limit: int | None = None,
        before: tuple[str, int] | None = None,
    ) -> ChangesPage:
        """The changes of ``period``, newest first, to the engagements matching
        ``filters`` as they are now, up to audit entry ``through_revision`` (a briefing
        read at it) when given. At most ``limit`` (all when None), starting after the
        change keyed ``before`` (a page's ``next_key``)."""
        period = period or ChangePeriod()  # None: every change
        since, until = period.since, period.until
        check_period(since, until, today=utc_today())
        span = changes.Span(
            since=since.isoformat() if since is not None else None,
            until=(until + datetime.timedelta(days=1)).isoformat() if until else None,
            after=period.revision,
            through=through_revision,
        )
        with self._read() as conn:
            rows = changes.changes_page(
                conn, filters, span, limit=None if limit is None else limit + 1, before=before
            )
        more = limit is not None and len(rows) > limit
        shown = rows[:limit] if limit is not None else rows
        last = (shown[-1].at, shown[-1].id) if more else None
        return ChangesPage(changes=tuple(word(r) for r in shown), more=more, next_key=last)
