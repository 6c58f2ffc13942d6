"""Organisations as records: list, edit, aliases, merge and its undo, and the
``organisations`` part of an interchange document. Each call one transaction."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace

from db import organisations as orgs
from db.engine import Connection
from tracker.domain.changes import ChangeSet
from tracker.domain.errors import NotFoundError, ValidationError
from tracker.domain.organisations import (
    MergedOrganisation,
    Organisation,
    OrgDetails,
    OrgRecord,
    check_country,
    check_kind,
    check_name,
    check_region,
    org_label,
)
from tracker.services.base import TrackerBase

EDITABLE = ("kind", "country", "region", "parent")


@dataclass(frozen=True)
class OrgMerge:
    """A merge done: what it did (to undo it) and what it changed."""

    merged: MergedOrganisation
    changes: ChangeSet


def _changed(engagements: Sequence[int] | Mapping[int, object]) -> ChangeSet:
    ids = frozenset(engagements)
    fields = frozenset({"vendor", "counterpart"})
    # Aliases are searched: even with no engagement re-pointed, a search may find more.
    return ChangeSet(engagements=ids, fields=fields, names=True)


class Organisations(TrackerBase):
    """The calls on organisations as records."""

    def organisations(self) -> list[Organisation]:
        """Every organisation by name, with aliases, parts and engagement counts."""
        with self._read() as conn:
            return orgs.listing(conn)

    def organisation(self, *, name: str) -> Organisation:
        """The organisation of that name or alias."""
        with self._read() as conn:
            found = self._org(conn, name)
            return next(o for o in orgs.listing(conn) if o.id == found[0])

    def update_organisation(self, *, name: str, changes: Mapping[str, object]) -> ChangeSet:
        """Set some of kind, country, region and parent (None clears one)."""
        with self._write() as conn:
            org_id, stored = self._org(conn, name)
            label = org_label(stored)
            current = next(o for o in orgs.listing(conn) if o.id == org_id).details
            details = _details(current, changes, label)
            with _worded(label):
                orgs.set_details(conn, org_id, details)
            return _changed(orgs.naming(conn, org_id))

    def add_alias(self, *, name: str, alias: str) -> ChangeSet:
        """Give an organisation another name; one naming another organisation is refused."""
        with self._read() as conn:
            label = org_label(self._org(conn, name)[1])
        text = check_name(alias, record=label, field="aliases")
        with self._write() as conn:
            org_id, _ = self._org(conn, name)
            with _worded(label):
                orgs.add_alias(conn, org_id, text)
            return _changed(orgs.naming(conn, org_id))

    def merge_organisations(self, *, source: str, into: str) -> OrgMerge:
        """Merge ``source`` into ``into`` in one transaction: every engagement naming
        ``source`` re-pointed (audited), its parts moved, its names kept as aliases."""
        with self._write() as conn:
            from_id, from_name = self._org(conn, source)
            into_id, _ = self._org(conn, into)
            with _worded(org_label(from_name)):
                merged = orgs.merge(conn, from_id, into_id, who=self.user)
            return OrgMerge(merged, _changed(merged.engagements))

    def unmerge_organisation(self, *, merged: MergedOrganisation) -> ChangeSet:
        """Undo a merge: the organisation back as it was, its engagements pointed back;
        refused (nothing written) when one of them was changed since."""
        with self._write() as conn:
            into_id, _ = self._org(conn, merged.into)
            with _worded(org_label(merged.name)):
                orgs.unmerge(conn, merged, into_id=into_id, who=self.user)
            return _changed(merged.engagements)

    def _org(self, conn: Connection, name: str) -> tuple[int, str]:
        found = orgs.find(conn, name)
        if found is None:
            raise NotFoundError(f'no organisation "{name.strip()}"')
        return found


def write_organisations(conn: Connection, records: Sequence[OrgRecord]) -> None:
    """An import's organisations: each matched by its name or any of its aliases and
    updated (details given set; the file's names not stored yet added as aliases), else
    created; parents set once all exist. Nothing is deleted. A refusal names the
    organisation and the field (and the import writes nothing)."""
    ids: list[int] = []
    for record in records:
        matched = (orgs.find(conn, n) for n in (record.name, *record.aliases))
        found = next((m for m in matched if m is not None), None)
        ids.append(found[0] if found is not None else orgs.create(conn, record.name))
    for org_id, record in zip(ids, records, strict=True):
        with _worded(org_label(record.name)):
            for alias in (record.name, *record.aliases):
                orgs.add_alias(conn, org_id, alias)
            orgs.update_details(conn, org_id, record.details)


def _details(current: OrgDetails, changes: Mapping[str, object], label: str) -> OrgDetails:
    for key in changes:
        if key not in EDITABLE:
            raise ValidationError("cannot be changed here", record=label, field=key)
    out = current
    if "kind" in changes:
        out = replace(out, kind=check_kind(changes["kind"], record=label))
    if "country" in changes:
        out = replace(out, country=check_country(changes["country"], record=label))
    if "region" in changes:
        out = replace(out, region=check_region(changes["region"], record=label))
    if "parent" in changes:
        parent = changes["parent"]
        value = None if parent in (None, "") else check_name(parent, record=label, field="parent")
        out = replace(out, parent=value)
    return out


@contextmanager
def _worded(label: str) -> Iterator[None]:
    """A refusal of ``db.organisations`` as a ValidationError naming ``label``."""
    try:
        yield
    except orgs.OrgRefused as exc:
        raise ValidationError(str(exc), record=label, field=exc.field) from None
