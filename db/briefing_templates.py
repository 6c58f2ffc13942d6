"""The briefing templates' rows (table ``briefing_template``, schema 9)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, RowMapping, or_, select

from db import tables
from tracker.domain.briefing_templates import (
    BriefingTemplate,
    TemplateSettings,
    settings_from_json,
    settings_json,
)
from tracker.domain.errors import TrackerError

T = tables.briefing_template


def visible(conn: Connection, user: str) -> list[BriefingTemplate]:
    """The templates ``user`` sees (their own, and everybody's shared ones), by name."""
    query = select(T).where(or_(T.c.owner == user, T.c.shared.is_(True)))
    return [_template(r) for r in conn.execute(query.order_by(T.c.name_key, T.c.owner)).mappings()]


def by_id(conn: Connection, template_id: int) -> BriefingTemplate | None:
    """Template ``template_id``, or None."""
    row = conn.execute(select(T).where(T.c.id == template_id)).mappings().first()
    return _template(row) if row is not None else None


def named(conn: Connection, owner: str, key: str) -> BriefingTemplate | None:
    """``owner``'s template whose casefolded name is ``key``, or None."""
    query = select(T).where(T.c.owner == owner, T.c.name_key == key)
    row = conn.execute(query).mappings().first()
    return _template(row) if row is not None else None


def shared_named(conn: Connection, key: str) -> list[BriefingTemplate]:
    """Everybody's shared templates whose casefolded name is ``key``, by owner."""
    query = select(T).where(T.c.shared.is_(True), T.c.name_key == key).order_by(T.c.owner)
    return [_template(r) for r in conn.execute(query).mappings()]


def insert(conn: Connection, **values: Any) -> int:
    """A new template (``settings`` a ``TemplateSettings``); its id."""
    row = _row(values)
    return int(conn.execute(T.insert().values(**row).returning(T.c.id)).scalar_one())


def update(conn: Connection, template_id: int, **values: Any) -> None:
    """Change template ``template_id``; one more version."""
    query = T.update().where(T.c.id == template_id)
    conn.execute(query.values(version=T.c.version + 1, **_row(values)))


def delete(conn: Connection, template_id: int) -> None:
    """Remove template ``template_id``."""
    conn.execute(T.delete().where(T.c.id == template_id))


def _row(values: dict[str, Any]) -> dict[str, Any]:
    settings = values.pop("settings", None)
    if settings is None:
        return values
    return dict(values, body=json.dumps(settings_json(settings), ensure_ascii=False))


def _template(row: RowMapping) -> BriefingTemplate:
    logo = row["logo"]
    return BriefingTemplate(
        id=int(row["id"]),
        name=str(row["name"]),
        owner=str(row["owner"]),
        shared=bool(row["shared"]),
        settings=_settings(str(row["body"])),
        logo=None if logo is None else bytes(logo),
        created_at=str(row["created_at"]),
        created_by=str(row["created_by"]),
        updated_at=str(row["updated_at"]),
        updated_by=str(row["updated_by"]),
        version=int(row["version"]),
    )


def _settings(text: str) -> TemplateSettings:
    """Stored settings; ones that cannot be read (written by a newer program, with a
    language this one lacks) read as the defaults rather than hiding the template."""
    try:
        return settings_from_json(json.loads(text))
    except (ValueError, TrackerError):
        return TemplateSettings()
