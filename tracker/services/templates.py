"""Briefing templates: saving, listing, finding and deleting them.

A template belongs to the user who saved it (``Tracker.user``) and is seen by them
alone unless shared; names are unique per owner in any case, and ``template(name=...)``
finds the caller's own template of that name first, then a colleague's shared one, as
saved views do (``tracker.services.views``). Only the owner replaces or deletes a
template. Each change is one write transaction. Templates keep no trail of their own:
the briefing register records what each briefing printed, which is what is audited.

The logo is stored as its bytes and checked again when a template is used
(:func:`template_logo`): a row written by hand or by another program is never
printed unchecked.
"""

from __future__ import annotations

from db import briefing_templates as rows
from db.engine import Connection
from db.store import utc_now
from tracker.domain.briefing_templates import (
    BriefingTemplate,
    TemplateSettings,
    check_name,
    check_settings,
)
from tracker.domain.errors import ValidationError
from tracker.domain.letterhead import Logo, check_logo
from tracker.domain.saved_views import name_key
from tracker.services.base import TrackerBase


class Templates(TrackerBase):
    """The briefing templates' calls."""

    def templates(self) -> list[BriefingTemplate]:
        """The templates the user sees (their own and the shared ones), by name."""
        with self._read() as conn:
            return rows.visible(conn, self.user)

    def template(self, *, name: str) -> BriefingTemplate:
        """The template of that name the user sees: their own, else a shared one."""
        with self._read() as conn:
            return self._find_template(conn, name)

    def save_template(
        self,
        *,
        name: str,
        settings: TemplateSettings,
        logo: Logo | None = None,
        shared: bool = False,
        replace: bool = False,
    ) -> BriefingTemplate:
        """Save ``settings`` (and ``logo``) as the user's template ``name``. One of that
        name the user owns already is refused, or with ``replace`` updated."""
        name, settings = check_name(name), check_settings(settings)
        values = {
            "name": name,
            "name_key": name_key(name),
            "shared": shared,
            "settings": settings,
            "logo": None if logo is None else logo.data,
        }
        with self._write() as conn:
            current = rows.named(conn, self.user, name_key(name))
            now = utc_now()
            if current is None:
                template_id = rows.insert(
                    conn,
                    owner=self.user,
                    created_at=now,
                    created_by=self.user,
                    updated_at=now,
                    updated_by=self.user,
                    **values,
                )
            elif replace:
                template_id = current.id
                rows.update(conn, template_id, updated_at=now, updated_by=self.user, **values)
            else:
                raise ValidationError(
                    "you have a template of that name already",
                    record=f'the briefing template "{name}"',
                    field="name",
                )
            saved = rows.by_id(conn, template_id)
            assert saved is not None  # written in this transaction
            return saved

    def delete_template(self, *, name: str) -> BriefingTemplate:
        """Delete the user's template ``name``; returns it as it was."""
        with self._write() as conn:
            current = self._find_template(conn, name)
            if current.owner != self.user:
                raise ValidationError(
                    f"it is {current.owner}'s: only its owner can change it",
                    record=f'the briefing template "{current.name}"',
                )
            rows.delete(conn, current.id)
            return current

    def _find_template(self, conn: Connection, name: str) -> BriefingTemplate:
        key = name_key(name)
        own = rows.named(conn, self.user, key)
        if own is not None:
            return own
        shared = rows.shared_named(conn, key)
        if len(shared) == 1:
            return shared[0]
        record = f'the briefing template "{name.strip()}"'
        if shared:
            owners = ", ".join(t.owner for t in shared)
            raise ValidationError(
                f"several colleagues share a template of that name ({owners}): ask them to "
                "rename theirs, or save your own under that name",
                record=record,
            )
        raise ValidationError("no such briefing template", record=record)


def template_logo(template: BriefingTemplate) -> Logo | None:
    """The template's logo, checked again as a file's would be (None when it has none)."""
    if template.logo is None:
        return None
    return check_logo(f'the logo of template "{template.name}"', template.logo)
