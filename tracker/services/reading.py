"""Reading: engagements, table rows, ordered ids, counts, statistics, pick-lists, the
due list."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterable, Sequence
from typing import Any

from db import audit, audit_chain, ids, listing, loading, pivot, queries, schema
from tracker.domain.dates import PartialDate
from tracker.domain.due import DEFAULT_WINDOW, DueItem, Period, due_on, due_until
from tracker.domain.errors import NotFoundError, ValidationError
from tracker.domain.markings import highest
from tracker.domain.model import (
    AuditEntry,
    DatabaseInfo,
    Engagement,
    EngagementRow,
    Filters,
    NewerVersions,
    Selection,
    SelectionSummary,
    Statistics,
)
from tracker.domain.pivot import DIMENSIONS_BY_NAME, Pivot, Value
from tracker.domain.seals import SealToken
from tracker.domain.vocab import Region, Status
from tracker.services.base import TrackerBase, collector_paused, utc_today


class Reading(TrackerBase):
    """The read-only calls of the service layer (each one read transaction)."""

    def info(self) -> DatabaseInfo:
        """Facts about the open database."""
        with self._read() as conn:
            dialect = conn.dialect.name
            live = conn.execute(queries.count_query(Filters(), dialect)).scalar_one()
            dead = conn.execute(queries.count_query(Filters(trash=True), dialect)).scalar_one()
            return DatabaseInfo(
                url=self.url,
                backend=self.database.backend,
                schema_version=int(schema.get_meta(conn, "schema_version") or 0),
                revision=audit.revision(conn),
                markings=self._markings(conn),
                engagements=int(live),
                deleted=int(dead),
            )

    def get(self, *, engagement_id: int | str, include_deleted: bool = True) -> Engagement:
        """One engagement with all its children."""
        with self._read() as conn:
            found = self._get(conn, engagement_id)
        if found.deleted and not include_deleted:
            raise NotFoundError(f"engagement {engagement_id} is in the trash")
        return found

    def get_many(self, *, ids: Sequence[int]) -> list[Engagement]:
        """Full engagements for ``ids``, in that order (unknown ids are skipped)."""
        with self._read() as conn:
            loaded = loading.load(conn, ids)
        return [loaded[i] for i in ids if i in loaded]

    def selection(
        self, *, filters: Filters = Filters(), sort: str = "title", descending: bool = False
    ) -> Selection:
        """The matching engagements in full, with the revision and markings, read at once."""
        with self._read() as conn:
            markings = self._markings(conn)
            found = ids.ordered_ids(
                conn, filters, sort=sort, descending=descending, markings=markings
            )
            loaded = loading.load(conn, found)
            entries, head = audit_chain.latest(conn)
            return Selection(
                engagements=tuple(loaded[i] for i in found if i in loaded),
                revision=audit.revision(conn),
                markings=markings,
                audit_seal=str(SealToken(entries, head)) if entries else "",
            )

    def list_ids(
        self, *, filters: Filters = Filters(), sort: str = "title", descending: bool = False
    ) -> list[int]:
        """The ids of the engagements matching ``filters``, in the given order."""
        with self._read() as conn:
            try:
                return ids.ordered_ids(
                    conn,
                    filters,
                    sort=sort,
                    descending=descending,
                    markings=self._markings(conn),
                    cache=self.database.order_cache,
                )
            except ValueError as exc:
                raise ValidationError(str(exc), field="sort") from None

    def count(self, *, filters: Filters = Filters()) -> int:
        """How many engagements match ``filters``."""
        with self._read() as conn:
            return int(conn.execute(queries.count_query(filters, conn.dialect.name)).scalar_one())

    def summary(self, *, filters: Filters = Filters()) -> SelectionSummary:
        """How many engagements match ``filters`` and their highest marking, in one query."""
        with self._read() as conn:
            query = queries.markings_query(filters, conn.dialect.name)
            counts = {str(marking): int(n) for marking, n in conn.execute(query)}
            allowed = self._markings(conn)
        return SelectionSummary(
            count=sum(counts.values()), highest=highest(counts, allowed), markings=allowed
        )

    def rows(self, *, ids: Sequence[int]) -> list[EngagementRow]:
        """Table rows for ``ids``, in the same order (unknown ids are skipped)."""
        with self._read() as conn:
            return listing.rows(conn, ids)

    def history(self, *, engagement_id: int | str) -> list[AuditEntry]:
        """The audit trail of one engagement, newest first."""
        with self._read() as conn:
            return audit.history(conn, self._get(conn, engagement_id).id)

    def newer_versions(self, *, engagement_id: int | str, after_version: int) -> NewerVersions:
        """The engagement as stored now and the audit entries of its versions after
        ``after_version`` (newest first), read at once: for a save that met a newer
        version, who saved it and when."""
        with self._read() as conn:
            current = self._get(conn, engagement_id)
            entries = audit.history(conn, current.id, after_version=after_version)
        return NewerVersions(engagement=current, entries=tuple(entries))

    def statistics(self, *, filters: Filters = Filters()) -> Statistics:
        """Counts of the matching engagements by status and region."""
        with self._read() as conn:
            query = queries.status_region_query(filters, conn.dialect.name)
            counts = {
                (Status(s), Region(r) if r else None): int(n) for s, r, n in conn.execute(query)
            }
        return Statistics(total=sum(counts.values()), by_status_region=counts)

    def pivot(
        self, *, rows: str, columns: str | None = None, filters: Filters = Filters()
    ) -> Pivot:
        """Counts of the engagements matching ``filters`` by ``rows`` (× ``columns``),
        dimensions of ``tracker.domain.pivot.DIMENSIONS``: one statement (``db.pivot``);
        the totals it does not count (single-valued dimensions) are the cells' sums."""
        for name in (rows, columns):
            if name is not None and name not in DIMENSIONS_BY_NAME:
                raise ValidationError(f'no dimension "{name}" to count by')
        if rows == columns:
            raise ValidationError(f'"{rows}" cannot be both the rows and the columns')
        parts: list[dict[Any, int]] = [{}, {}, {}, {}]
        titles: dict[str, str] = {}
        with self._read() as conn:
            statement = pivot.pivot_query(rows, columns, filters, conn.dialect.name)
            for kind, row, row_title, column, column_title, n in conn.execute(statement):
                key = (_stored(rows, row), _stored(columns, column))
                parts[kind][key] = int(n)
                for code, title in ((row, row_title), (column, column_title)):
                    if code is not None and title is not None:
                        titles[code] = title
            markings = self._markings(conn)
        cells, row_totals, column_totals, total = parts
        return Pivot(
            rows=rows,
            columns=columns,
            cells=cells,
            row_totals=_summed(row_totals or cells, 0),
            column_totals=_summed(column_totals or cells, 1) if columns else {},
            total=sum((total or cells).values()),
            markings=markings,
            titles=titles,
        )

    def due(
        self,
        *,
        filters: Filters = Filters(),
        within: Period = DEFAULT_WINDOW,
        overdue_only: bool = False,
        today: datetime.date | None = None,
    ) -> tuple[DueItem, ...]:
        """The follow-ups of the engagements matching ``filters`` that are overdue or fall
        due ``within`` from ``today`` (by default the UTC date): overdue first, the
        longest overdue first, then the soonest due. ``overdue_only`` leaves out those
        not yet due."""
        today = today or utc_today()
        until = due_until(today, None if overdue_only else within)
        if filters.due_by is not None:
            until = min(until, filters.due_by)
        with collector_paused():
            with self._read() as conn:
                found = listing.due(conn, dataclasses.replace(filters, due_by=until))
            return _due_items(found, today)

    def names(self, *, kind: str) -> list[str]:
        """Names in use for pick-lists: ``vendor``, ``counterpart``, ``tag`` or ``restriction``."""
        if kind not in listing.NAME_KINDS:
            raise ValidationError(f'unknown kind of name "{kind}"', field="kind")
        with self._read() as conn:
            return listing.names(conn, kind)

    def restriction_catalogue(self) -> list[tuple[str, str]]:
        """The shared restriction catalogue as (code, title), by code."""
        with self._read() as conn:
            return listing.restriction_catalogue(conn)


def _due_items(rows: Iterable[tuple[Any, ...]], today: datetime.date) -> tuple[DueItem, ...]:
    """Due-list entries of (id, uid, title, status, follow_up, updated_at) rows. A list of
    tens of thousands repeats a few hundred follow-up dates: each is read once."""
    dates: dict[str, tuple[PartialDate, datetime.date, int]] = {}
    statuses = {s.value: s for s in Status}
    out: list[DueItem] = []
    append = out.append
    for number, uid, title, status, text, updated_at in rows:
        known = dates.get(text)
        if known is None:
            follow_up = PartialDate.from_iso(text)
            due = due_on(follow_up)
            known = dates[text] = (follow_up, due, (due - today).days)
        follow_up, due, days = known
        append(DueItem(number, uid, title, statuses[status], follow_up, due, days, updated_at))
    return tuple(out)


def _stored(dimension: str | None, value: str | None) -> Value:
    """A pivot value as the statement returns it (text) back as stored: a year an int."""
    if value is None or dimension != "year":
        return value
    return int(value)


def _summed(counts: dict[tuple[Value, Value], int], side: int) -> dict[Value, int]:
    """``counts`` by (row, column) added up by the row (``side`` 0) or the column (1)."""
    out: dict[Value, int] = {}
    for key, n in counts.items():
        out[key[side]] = out.get(key[side], 0) + n
    return out
