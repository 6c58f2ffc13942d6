"""The managed restriction catalogue: list, retitle, describe, merge, and the
"restrictions" part of interchange format version 2.

Each change is one write transaction. A retitle or a merge writes a new version of
every engagement carrying the restriction (``db.restriction_catalogue``), so the
detail pane, the table, briefings, search and the audit trail all follow at once.
"""

from __future__ import annotations

from collections.abc import Sequence

from db import restriction_catalogue as catalogue
from db.engine import Connection
from tracker.domain.changes import ChangeSet
from tracker.domain.errors import ValidationError
from tracker.domain.restriction_catalogue import (
    CatalogueEntry,
    MergePreview,
    check_code,
    check_description,
    check_merge,
    check_title,
    merge_stances,
)
from tracker.services.base import TrackerBase

# What a change of the catalogue changes about the engagements carrying it.
_RESTRICTIONS = frozenset({"restrictions"})


class Catalogue(TrackerBase):
    """The restriction catalogue's calls (each one transaction)."""

    def catalogue(self) -> list[CatalogueEntry]:
        """Every restriction by code, with its aliases and its number of engagements."""
        with self._read() as conn:
            return catalogue.entries(conn)

    def retitle_restriction(self, *, code: str, title: str) -> ChangeSet:
        """Give the restriction of ``code`` (or an alias of it) a new title."""
        code = check_code(code)
        title = check_title(title, record=f'restriction "{code}"')
        with self._write() as conn:
            stored = _find(conn, code)
            if stored.title == title:
                return ChangeSet()
            ids = catalogue.retitle(conn, stored, title, who=self.user)
        return _changed(ids)

    def describe_restriction(self, *, code: str, description: str) -> ChangeSet:
        """Set the description of the restriction of ``code`` (or an alias of it)."""
        code = check_code(code)
        text = check_description(description, record=f'restriction "{code}"')
        with self._write() as conn:
            stored = _find(conn, code)
            if stored.description != text:
                catalogue.set_description(conn, stored.id, text)
        return ChangeSet(catalogue=True)

    def merge_preview(self, *, source: str, target: str) -> MergePreview:
        """What merging ``source`` into ``target`` would write, for asking first."""
        with self._read() as conn:
            old, new = _pair(conn, source, target)
            return catalogue.merge_preview(conn, old, new)

    def merge_restrictions(self, *, source: str, target: str) -> ChangeSet:
        """Merge the restriction ``source`` into ``target``: ``source`` becomes an alias
        of ``target``, every stance is kept, and an engagement that had both keeps the
        more restrictive (``tracker.domain.restriction_catalogue.RESTRICTIVENESS``)."""
        with self._write() as conn:
            old, new = _pair(conn, source, target)
            ids = catalogue.merge(
                conn,
                old,
                new,
                lambda stances: merge_stances(
                    stances, source=old.code, target=new.code, title=new.title
                ),
                who=self.user,
            )
        return _changed(ids)


def write_imported(conn: Connection, entries: Sequence[CatalogueEntry], *, user: str) -> ChangeSet:
    """Write the "restrictions" part of an import (inside the import's transaction,
    before its engagements, so that they resolve its aliases): each entry updates the
    stored restriction its code or an alias names, or is catalogued anew; nothing is
    deleted."""
    changes = ChangeSet()
    for n, entry in enumerate(entries, start=1):
        stored = _matching(conn, entry, f'restriction #{n} "{entry.code}"')
        if stored is None:
            stored = catalogue.create(conn, entry.code, entry.title, entry.description)
        elif stored.title != entry.title:
            changes |= _changed(catalogue.retitle(conn, stored, entry.title, who=user))
        if entry.description and stored.description != entry.description:
            catalogue.set_description(conn, stored.id, entry.description)
        for alias in (entry.code, *entry.aliases):
            if catalogue.find(conn, alias) is None:
                catalogue.add_alias(conn, stored.id, alias)
        changes |= ChangeSet(catalogue=True)
    return changes


def _changed(ids: frozenset[int]) -> ChangeSet:
    return ChangeSet.of_fields(ids, _RESTRICTIONS) | ChangeSet(catalogue=True)


def _find(conn: Connection, code: str, field: str = "code") -> catalogue.Stored:
    stored = catalogue.find(conn, code)
    if stored is None:
        raise ValidationError(
            "no restriction has this code", record=f'restriction "{code}"', field=field
        )
    return stored


def _pair(conn: Connection, source: str, target: str) -> tuple[catalogue.Stored, catalogue.Stored]:
    source, target = check_code(source, field="from"), check_code(target, field="into")
    check_merge(source, target)
    old, new = _find(conn, source, "from"), _find(conn, target, "into")
    if old.id == new.id:
        raise ValidationError(
            f'is already an alias of "{new.code}"', record=f'restriction "{source}"', field="from"
        )
    return old, new


def _matching(conn: Connection, entry: CatalogueEntry, record: str) -> catalogue.Stored | None:
    """The one stored restriction the entry's code or aliases name (None when none);
    codes naming two different stored restrictions would be a merge: refused."""
    found = {s.id: s for s in (catalogue.find(conn, c) for c in (entry.code, *entry.aliases)) if s}
    if len(found) > 1:
        codes = ", ".join(f'"{s.code}"' for s in found.values())
        raise ValidationError(
            f"names restrictions stored apart ({codes}); merge them first "
            "(tracker restrictions merge FROM INTO)",
            record=record,
            field="aliases",
        )
    return next(iter(found.values()), None)
