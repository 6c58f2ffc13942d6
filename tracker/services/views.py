"""Saved views: saving, renaming, sharing, deleting and opening them.

A view belongs to the user who saved it (``Tracker.user``: on SQLite the OS user or
``--user``, on a team database the name each colleague works under) and is seen by
them alone unless shared. Names are unique per owner in any case; ``view(name=...)``
finds the caller's own view of that name first, then a colleague's shared one. Only
the owner changes or deletes a view. Each change is one write transaction that also
writes its entry in the views' trail (``saved_view_event``).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from db import saved_views as rows
from db.engine import Connection
from db.store import utc_now
from tracker.domain.due import DEFAULT_STALE, Period
from tracker.domain.errors import ValidationError
from tracker.domain.saved_views import (
    OpenedView,
    SavedView,
    ViewBody,
    ViewEvent,
    body_from_json,
    body_json,
    check_body,
    check_name,
    left_out_words,
    name_key,
    without,
)
from tracker.services.base import TrackerBase, utc_today


@dataclass(frozen=True)
class ImportedView:
    """A saved view read from an interchange document, checked, not yet written."""

    name: str
    shared: bool
    body: ViewBody


class Views(TrackerBase):
    """The saved views' calls."""

    def views(self) -> list[SavedView]:
        """The views the user sees (their own and the shared ones), by name."""
        with self._read() as conn:
            return rows.visible(conn, self.user)

    def view(self, *, name: str) -> SavedView:
        """The view of that name the user sees: their own, else a shared one."""
        with self._read() as conn:
            return self._find(conn, name)

    def open_view(
        self, *, name: str, today: datetime.date | None = None, stale_for: Period = DEFAULT_STALE
    ) -> OpenedView:
        """View ``name`` opened on ``today`` (UTC by default), stale meaning no change for
        ``stale_for``: its filters without those that name something no longer stored,
        and what they were, in words."""
        with self._read() as conn:
            found = self._find(conn, name)
            filters = found.body.filters_on(today or utc_today(), stale_for=stale_for)
            missing = rows.missing(conn, filters, self._markings(conn))
        return OpenedView(
            view=found, filters=without(filters, missing), left_out=left_out_words(filters, missing)
        )

    def save_view(
        self, *, name: str, body: ViewBody, shared: bool = False, replace: bool = False
    ) -> SavedView:
        """Save ``body`` as the user's view ``name``. A view of that name the user owns
        already is refused, or with ``replace`` updated (its name's spelling too)."""
        name, body = check_name(name), check_body(body)
        with self._write() as conn:
            current = rows.named(conn, self.user, name_key(name))
            now = utc_now()
            if current is None:
                view_id = rows.insert(
                    conn,
                    owner=self.user,
                    name=name,
                    name_key=name_key(name),
                    shared=shared,
                    body=body,
                    created_at=now,
                    created_by=self.user,
                    updated_at=now,
                    updated_by=self.user,
                )
                return self._recorded(conn, view_id, "created", now)
            if not replace:
                raise _taken(name)
            changes = {"name": name, "shared": shared, "body": body}
            rows.update(conn, current.id, updated_at=now, updated_by=self.user, **changes)
            return self._recorded(conn, current.id, "updated", now)

    def rename_view(self, *, name: str, new_name: str) -> SavedView:
        """Give the user's view ``name`` the name ``new_name``."""
        new_name = check_name(new_name, field="new name")
        with self._write() as conn:
            current = self._own(conn, name)
            other = rows.named(conn, self.user, name_key(new_name))
            if other is not None and other.id != current.id:
                raise _taken(new_name)
            now = utc_now()
            rows.update(
                conn,
                current.id,
                name=new_name,
                name_key=name_key(new_name),
                updated_at=now,
                updated_by=self.user,
            )
            return self._recorded(conn, current.id, "renamed", now)

    def share_view(self, *, name: str, shared: bool) -> SavedView:
        """Share the user's view ``name`` with everyone, or make it private again."""
        with self._write() as conn:
            current = self._own(conn, name)
            now = utc_now()
            rows.update(conn, current.id, shared=shared, updated_at=now, updated_by=self.user)
            return self._recorded(conn, current.id, "updated", now)

    def delete_view(self, *, name: str) -> SavedView:
        """Delete the user's view ``name``; returns it as it was (to save it again)."""
        with self._write() as conn:
            current = self._own(conn, name)
            rows.delete(conn, current.id)
            rows.record(conn, current, action="deleted", at=utc_now(), who=self.user)
            return current

    def view_history(self, *, name: str) -> list[ViewEvent]:
        """The trail of the view ``name`` the user sees, oldest first."""
        with self._read() as conn:
            return rows.events(conn, [self._find(conn, name).id])

    # -- inside a transaction -----------------------------------------------------

    def _recorded(self, conn: Connection, view_id: int, action: str, now: str) -> SavedView:
        view = rows.by_id(conn, view_id)
        assert view is not None  # written in this transaction
        rows.record(conn, view, action=action, at=now, who=self.user)
        return view

    def _find(self, conn: Connection, name: str) -> SavedView:
        key = name_key(name)
        own = rows.named(conn, self.user, key)
        if own is not None:
            return own
        shared = rows.shared_named(conn, key)
        if len(shared) == 1:
            return shared[0]
        if shared:
            owners = ", ".join(v.owner for v in shared)
            raise ValidationError(
                f"several colleagues share a view of that name ({owners}): ask them to "
                "rename theirs, or save your own under that name",
                record=f'the saved view "{name.strip()}"',
            )
        raise ValidationError("no such saved view", record=f'the saved view "{name.strip()}"')

    def _own(self, conn: Connection, name: str) -> SavedView:
        found = self._find(conn, name)
        if found.owner != self.user:
            raise ValidationError(
                f"it is {found.owner}'s: only its owner can change it",
                record=f'the saved view "{found.name}"',
            )
        return found


def _taken(name: str) -> ValidationError:
    return ValidationError(
        "you have a view of that name already", record=f'the saved view "{name}"', field="name"
    )


# -- in the interchange document --------------------------------------------------


def view_json(view: SavedView) -> dict[str, Any]:
    """A view as an entry of an export's ``views`` list."""
    return {"name": view.name, "owner": view.owner, "shared": view.shared, **body_json(view.body)}


def document_views(document: object) -> list[ImportedView]:
    """The ``views`` of an interchange document, checked (none when it has none)."""
    items = document.get("views", []) if isinstance(document, Mapping) else []
    if not isinstance(items, list):
        raise ValidationError("must be a list", field="views")
    out: list[ImportedView] = []
    for n, item in enumerate(items, start=1):
        where = f"view #{n}"
        if not isinstance(item, Mapping):
            raise ValidationError("must be a JSON object", record=where)
        name = check_name(str(item.get("name", "")), field=f"{where} name")
        try:
            body = body_from_json(item)
        except ValidationError as exc:
            raise ValidationError(exc.reason, record=f'{where} "{name}"', field=exc.field) from None
        out.append(ImportedView(name=name, shared=item.get("shared") is True, body=body))
    return out


def write_imported(
    conn: Connection, imported: Sequence[ImportedView], *, user: str
) -> tuple[str, ...]:
    """Save the imported views as ``user``'s (who brought them in; the file's owners
    may not be users of this database). One the user has already, the same, is left
    alone; another of a name the user has is saved as "NAME (2)". Returns what was done
    with each that did not go in as it was named, in words."""
    notes: list[str] = []
    now = utc_now()
    for item in imported:
        name = item.name
        current = rows.named(conn, user, name_key(name))
        if current is not None and (current.body, current.shared) == (item.body, item.shared):
            notes.append(f'saved view "{name}": you have it already, left as it is')
            continue
        number = 2
        while rows.named(conn, user, name_key(name)) is not None:
            name = f"{item.name} ({number})"
            number += 1
        if name != item.name:
            notes.append(
                f'saved view "{item.name}": you have one of that name; imported as "{name}"'
            )
        view_id = rows.insert(
            conn,
            owner=user,
            name=name,
            name_key=name_key(name),
            shared=item.shared,
            body=item.body,
            created_at=now,
            created_by=user,
            updated_at=now,
            updated_by=user,
        )
        view = rows.by_id(conn, view_id)
        assert view is not None
        rows.record(conn, view, action="created", at=now, who=user)
    return tuple(notes)
