"""Bulk edit: one change written to many engagements in one transaction.

``bulk_edit`` validates the change once (a refusal names the field, before any
write lock), then writes each engagement's new version with its per-field audit
entries through ``TrackerBase._replace`` (so a change of status adds its dated
event), all in one ``_write()``: all or nothing. An engagement whose version differs
from the one the caller saw was changed by a colleague meanwhile: it is left out and
named in the result, never overwritten. ``bulk_rewrite`` merges the steps of a bulk
edit back (undo) or forward again (redo), also in one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from db import audit, listing, loading
from db import bulk_edit as bulk_store
from db import ids as id_queries
from db.engine import Connection
from tracker.domain.bulk_edit import (
    BULK_FIELDS,
    CLEARABLE,
    BulkChange,
    BulkEdit,
    BulkResult,
    BulkStep,
    Skipped,
)
from tracker.domain.changes import ChangeSet
from tracker.domain.errors import NotFoundError, TrackerError, ValidationError
from tracker.domain.merge import three_way_merge
from tracker.domain.model import (
    FIELD_NAMES,
    Engagement,
    EngagementData,
    Filters,
    RestrictionStance,
)
from tracker.domain.timeline import follow_status
from tracker.domain.vocab import Stance
from tracker.services.base import Rules, TrackerBase, utc_today, validate

RECORD = "bulk edit"  # how a refused value's record is named: "bulk edit, status: …"
# A probe engagement: each value is validated as the interchange format reads it.
_PROBE = {"title": RECORD, "vendor": RECORD, "counterpart": RECORD, "status": "active"}


class BulkEditing(TrackerBase):
    """The bulk edit calls (each one transaction)."""

    def bulk_edit(
        self,
        *,
        edit: BulkEdit,
        engagement_ids: Sequence[int | str] | None = None,
        filters: Filters | None = None,
        seen_versions: Mapping[int, int] | None = None,
        dry_run: bool = False,
    ) -> BulkResult:
        """Apply ``edit`` to the engagements named by ``engagement_ids`` (ids or stable
        ids) or else matching ``filters``. One named in ``seen_versions`` at another
        version is left out (``BulkResult.skipped``). ``dry_run`` writes nothing and
        says what would change."""
        with self._read() as conn:
            rules = self._rules(conn)
            change = self._checked(conn, edit, rules)
            chosen = self._chosen(conn, engagement_ids, filters)
            if dry_run:
                return self._edited(conn, chosen, change, seen_versions, write=False)
        with self._write() as conn:
            if self._rules(conn) != rules:  # the markings changed meanwhile
                change = self._checked(conn, edit, self._rules(conn))
            return self._edited(conn, chosen, change, seen_versions, write=True)

    def bulk_rewrite(self, *, steps: Sequence[BulkStep]) -> ChangeSet:
        """Take each engagement of ``steps`` from its ``before`` to its ``after`` data
        (``BulkStep.reversed`` to undo), merged with what others saved since; a field
        changed since by somebody else refuses the whole rewrite (nothing written)."""
        with self._write() as conn:
            loaded = loading.load(conn, [s.engagement_id for s in steps])
            pairs: list[tuple[Engagement, EngagementData]] = []
            for step in steps:
                current = loaded.get(step.engagement_id)
                if current is None:
                    raise NotFoundError(f"no engagement {step.engagement_id}")
                merged = three_way_merge(step.before, step.after, current.data)
                if not merged.clean:
                    clashed = ", ".join(c.field for c in merged.conflicts)
                    raise TrackerError(
                        f'engagement {current.id} "{current.data.title}": {clashed} changed '
                        "by someone else since; nothing was changed"
                    )
                pairs.append((current, merged.merged))
            changed = self._write_many(conn, pairs)
        fields = frozenset(f for done in changed.values() for f in done)
        return ChangeSet.of_fields(frozenset(changed), fields)

    # -- inside the transactions ---------------------------------------------------

    def _checked(self, conn: Connection, edit: BulkEdit, rules: Rules) -> BulkChange:
        """``edit`` validated: each value as the interchange format reads it, the
        restriction codes against the catalogue."""
        if edit.empty:
            raise ValidationError("nothing to change", record=RECORD)
        given = dict(edit.values)
        for key, value in given.items():
            if key not in BULK_FIELDS:
                allowed = ", ".join(BULK_FIELDS)
                raise ValidationError(
                    f"cannot be set in a bulk edit (allowed: {allowed})", record=RECORD, field=key
                )
            if key not in CLEARABLE and not value:
                raise ValidationError("must be given a value", record=RECORD, field=key)
        probe = validate({**_PROBE, **given, "tags": list(edit.add_tags)}, RECORD, rules)
        removed = validate({**_PROBE, "tags": list(edit.remove_tags)}, RECORD, rules)
        return BulkChange(
            values={key: getattr(probe, key) for key in given},
            add_tags=probe.tags,
            remove_tags=removed.tags,
            stances=self._stances(conn, edit.stances),
        )

    def _stances(
        self, conn: Connection, wanted: Sequence[tuple[str, str]]
    ) -> tuple[RestrictionStance, ...]:
        if not wanted:
            return ()
        titles = dict(listing.restriction_catalogue(conn))
        out: list[RestrictionStance] = []
        for code, word in wanted:
            field = f"restrictions.{code}"
            if code not in titles:
                raise ValidationError("no such restriction code", record=RECORD, field=field)
            try:
                stance = Stance.parse(word)
            except ValueError as exc:
                raise ValidationError(str(exc), record=RECORD, field=field) from None
            out.append(RestrictionStance(code, titles[code], stance))
        return tuple(out)

    def _chosen(
        self, conn: Connection, refs: Sequence[int | str] | None, filters: Filters | None
    ) -> list[int]:
        """The ids asked for, in order, once each; unknown ones refused by name."""
        if refs is not None:
            known = bulk_store.find_ids(conn, refs)
            for ref in refs:
                if ref not in known:
                    raise NotFoundError(f"{RECORD}: no engagement {ref}")
            chosen = list(dict.fromkeys(known[ref] for ref in refs))
        else:
            markings = self._markings(conn)
            chosen = id_queries.ordered_ids(
                conn, filters or Filters(), sort="id", descending=False, markings=markings
            )
        if not chosen:
            where = "selected" if refs is not None else "matches the filters"
            raise ValidationError(f"no engagement {where}", record=RECORD)
        return chosen

    def _edited(
        self,
        conn: Connection,
        chosen: Sequence[int],
        change: BulkChange,
        seen: Mapping[int, int] | None,
        *,
        write: bool,
    ) -> BulkResult:
        loaded = loading.load(conn, chosen)
        today = utc_today()
        pairs: list[tuple[Engagement, EngagementData]] = []
        skipped: list[Skipped] = []
        for eid in chosen:
            current = loaded[eid]
            if seen is not None and seen.get(eid, current.version) != current.version:
                skipped.append(_skipped(current, seen[eid]))
                continue
            pairs.append(
                (current, follow_status(current.data, change.apply(current.data), on=today))
            )
        if write:
            changed = self._write_many(conn, pairs)
        else:
            changed = {c.id: done for c, after in pairs if (done := _differing(c, after))}
        steps = tuple(BulkStep(c.id, c.data.title, c.data, a) for c, a in pairs if c.id in changed)
        fields = frozenset(f for done in changed.values() for f in done)
        return BulkResult(
            steps=steps,
            unchanged=len(pairs) - len(steps),
            skipped=tuple(skipped),
            dry_run=not write,
            changes=ChangeSet.of_fields(frozenset(changed), fields) if write else ChangeSet(),
        )

    def _write_many(
        self, conn: Connection, pairs: Sequence[tuple[Engagement, EngagementData]]
    ) -> dict[int, frozenset[str]]:
        """Write each pair's data over its engagement: in bulk (``db.bulk_edit``) where
        only the fields it rewrites change, else one by one through ``_replace``. A
        change of status has its event already (``follow_status``, applied again by
        ``_replace`` to no effect). The fields changed by engagement id."""
        here = []
        changed: dict[int, frozenset[str]] = {}
        for current, data in pairs:
            changes = audit.diff(current.data, data)
            if not changes:
                continue
            if bulk_store.writes_here(name for name, _, _ in changes):
                here.append((current, data, changes))
            else:
                changed[current.id] = self._replace(conn, current, data, action="update")
        changed.update(bulk_store.replace_many(conn, here, who=self.user, action="update"))
        return changed


def _differing(current: Engagement, after: EngagementData) -> frozenset[str]:
    """The fields ``after`` would change (a dry run compares, writing nothing)."""
    before = current.data
    return frozenset(name for name in FIELD_NAMES if getattr(before, name) != getattr(after, name))


def _skipped(current: Engagement, seen: int) -> Skipped:
    return Skipped(current.id, current.data.title, seen, current.version)
