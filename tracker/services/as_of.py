"""The record as of a date: one engagement, a filtered list, every version of one.

Each call is one read transaction over the audit trail (``db.as_of`` replays it);
the interchange objects it arrives at are read back into engagement data with the
database's rules (``validate``), as an import reads them. A restriction's title is
the one the engagement's own trail recorded when its restrictions were last written:
the shared catalogue keeps no history, so a later retitling (by an import, or a save
of another engagement) is not shown as of an earlier date; organisations' names
likewise as the trail recorded them.

The list as of a date runs the ordinary list query (filters, full-text search,
sort) on a scratch SQLite database rather than restating any filter's meaning in
Python: one home for what a filter means. On SQLite the scratch is a copy of the
database (``db.as_of.copy_of``) in which only the engagements changed after the
moment are rebuilt and put back (an unchanged one is, as stored, what it was then);
on PostgreSQL every engagement is rebuilt and written into it (``db.as_of.scratch``).
Measured in ``docs/performance.md``.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from db import as_of, ids, listing, loading
from db.engine import Connection
from tracker.domain import as_of as words
from tracker.domain.as_of import AsOfRows, AsOfSelection, Version
from tracker.domain.ceiling import ceiling
from tracker.domain.errors import NotFoundError, StorageError, ValidationError
from tracker.domain.interchange import FORMAT, data_to_json, record_label
from tracker.domain.model import Engagement, EngagementRow, Filters, Selection
from tracker.services.base import Rules, TrackerBase, collector_paused, utc_today, validate

PROGRESS_STEP = 1000  # rebuilt engagements between two progress reports


class AsOf(TrackerBase):
    """The read-only calls that rebuild the record as it stood at a moment."""

    def engagement_as_of(self, *, engagement_id: int | str, on: datetime.date) -> Engagement:
        """The engagement as it stood at the end of ``on`` (UTC), in the trash or not.
        ``NotFoundError`` when it did not exist then (or at all), ``StorageError`` when
        its trail starts later (a baseline)."""
        words.check_day(on, today=utc_today())
        with self._read() as conn:
            eid = loading.find_id(conn, engagement_id)
            if eid is None:
                raise NotFoundError(f"no engagement {engagement_id}")
            found = as_of.engagement(conn, eid, as_of.end_of_day(on))
            rules = self._rules(conn)
        if found is None:
            raise NotFoundError(words.did_not_exist(engagement_id, on))
        if found.obj is None:
            raise StorageError(words.not_rebuilt(engagement_id, on))
        return _engagement(found, rules)

    def selection_as_of(
        self,
        *,
        on: datetime.date,
        filters: Filters = Filters(),
        sort: str = "title",
        descending: bool = False,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> AsOfSelection:
        """The engagements matching ``filters`` as they stood at the end of ``on``, in the
        order of ``sort`` (those in the trash then only with ``filters.trash``);
        ``on_progress(done, total)`` as the engagements to rebuild are rebuilt."""
        query = _Listed(filters, sort, descending, whole=True)
        found = self._as_of(on, query, on_progress)
        selection = Selection(
            engagements=found.engagements, revision=found.revision, markings=found.markings
        )
        return AsOfSelection(
            day=on, selection=selection, rows=found.rows, not_rebuilt=found.missing
        )

    def rows_as_of(
        self,
        *,
        on: datetime.date,
        filters: Filters = Filters(),
        sort: str = "title",
        descending: bool = False,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> AsOfRows:
        """The table rows of ``selection_as_of``, without reading every engagement whole
        (what ``list --as-of`` prints)."""
        found = self._as_of(on, _Listed(filters, sort, descending, whole=False), on_progress)
        return AsOfRows(day=on, rows=found.rows, not_rebuilt=found.missing)

    def _as_of(
        self, on: datetime.date, query: _Listed, on_progress: Callable[[int, int], None] | None
    ) -> _Found:
        words.check_day(on, today=utc_today())
        until = as_of.end_of_day(on)
        with collector_paused(), self._read() as conn:
            if self.database.is_sqlite:
                with as_of.copy_of(conn) as copy:
                    return self._on_copy(copy, until, query, on_progress)
            rules = self._rules(conn)
            revision = as_of.revision(conn, until)
            rebuilt = _rebuilt(as_of.everything(conn, until), rules, on_progress, None)
        with self._translated(), as_of.scratch(list(rebuilt.known.values())) as copy:
            found, rows = query.run(copy, rules)
        engagements = tuple(rebuilt.known[i] for i in found) if query.whole else ()
        return _Found(rows, engagements, revision, rules.markings, rebuilt.missing)

    def _on_copy(
        self,
        copy: Connection,
        until: str,
        query: _Listed,
        on_progress: Callable[[int, int], None] | None,
    ) -> _Found:
        """The list as of ``until`` on a copy of the database: the engagements changed
        since are put back as they stood (those created since removed), the list query
        runs, and (``whole``) the unchanged ones among its matches are read as stored."""
        rules = self._rules(copy)
        revision = as_of.revision(copy, until)
        changed = as_of.changed_after(copy, until)
        rebuilt = _rebuilt(as_of.states(copy, until, changed), rules, on_progress, len(changed))
        as_of.put_back(copy, changed, sorted(rebuilt.known.values(), key=lambda e: e.id))
        found, rows = query.run(copy, rules)
        engagements: tuple[Engagement, ...] = ()
        if query.whole:
            stored = loading.load(copy, [i for i in found if i not in rebuilt.known])
            engagements = tuple(rebuilt.known.get(i) or stored[i] for i in found)
        return _Found(rows, engagements, revision, rules.markings, rebuilt.missing)

    def export_as_of(
        self, *, on: datetime.date, filters: Filters = Filters(), max_marking: str | None = None
    ) -> dict[str, Any]:
        """The matching engagements as they stood at the end of ``on``, as an
        interchange-format document (by id), as ``export_document`` writes one (with
        ``max_marking``, those marked at or below it then)."""
        limit = ceiling(max_marking, self.markings())
        narrowed = limit.narrow(filters) if limit else filters
        found = self.selection_as_of(on=on, filters=narrowed, sort="id").selection.engagements
        written = {e.uid for e in found}
        datas = [(e, limit.links_within(e.data, written) if limit else e.data) for e in found]
        return {"format": FORMAT, "engagements": [data_to_json(d, uid=e.uid) for e, d in datas]}

    def versions(self, *, engagement_id: int | str) -> tuple[Version, ...]:
        """Every version of the engagement its trail can rebuild, newest first."""
        with self._read() as conn:
            current = self._get(conn, engagement_id)
            found = as_of.versions(conn, current.id)
            rules = self._rules(conn)
        return tuple(
            Version(_engagement(r, rules), who=who, action=action)
            for r, who, action in reversed(found)
        )


def _engagement(found: as_of.Rebuilt, rules: Rules) -> Engagement:
    obj = found.obj
    assert obj is not None  # callers leave out what cannot be rebuilt
    label = record_label(None, obj.get("title")).replace("engagement", f"engagement {found.id}", 1)
    return Engagement(
        id=found.id,
        uid=str(obj.get("id")),
        version=found.version,
        data=validate(obj, label, rules),
        created_at=found.created_at,
        updated_at=found.updated_at,
        deleted_at=found.deleted_at,
    )


@dataclass(frozen=True)
class _Listed:
    """The list query to run on the scratch database: filters, order, what is read."""

    filters: Filters
    sort: str
    descending: bool
    whole: bool  # the matching engagements are read whole, not only as table rows

    def run(self, conn: Connection, rules: Rules) -> tuple[list[int], tuple[EngagementRow, ...]]:
        """The ordered ids and table rows of the scratch database's matching engagements."""
        try:
            found = ids.ordered_ids(
                conn,
                self.filters,
                sort=self.sort,
                descending=self.descending,
                markings=rules.markings,
            )
        except ValueError as exc:
            raise ValidationError(str(exc), field="sort") from None
        return found, tuple(listing.rows(conn, found))


@dataclass(frozen=True)
class _Found:
    """A list as of a moment: its rows, its engagements read whole (when asked for),
    the revision and markings then, and those that cannot be rebuilt."""

    rows: tuple[EngagementRow, ...]
    engagements: tuple[Engagement, ...]
    revision: int
    markings: tuple[str, ...]
    missing: tuple[int, ...]


@dataclass(frozen=True)
class _Rebuilt:
    """Engagements rebuilt as of a moment: those whose trail reaches back (by id) and
    the numbers of those whose trail starts later."""

    known: dict[int, Engagement]
    missing: tuple[int, ...]


def _rebuilt(
    found: Iterable[as_of.Rebuilt],
    rules: Rules,
    on_progress: Callable[[int, int], None] | None,
    total: int | None,
) -> _Rebuilt:
    """Read every rebuilt engagement back into engagement data, reporting progress
    every PROGRESS_STEP of ``total`` (when known)."""
    known: dict[int, Engagement] = {}
    missing: list[int] = []
    for done, r in enumerate(found, start=1):
        if r.obj is None:
            missing.append(r.id)
        else:
            known[r.id] = _engagement(r, rules)
        if on_progress is not None and total and done % PROGRESS_STEP == 0:
            on_progress(done, total)
    if on_progress is not None and total:
        on_progress(total, total)
    return _Rebuilt(known, tuple(missing))
