"""The saved views' rows (tables ``saved_view`` and ``saved_view_event``, schema 8), and
the point queries that tell whether what a view names still exists."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, RowMapping, exists, or_, select, text

from db import tables
from db.queries import catalogue_entry, where_clauses
from tracker.domain.errors import TrackerError
from tracker.domain.model import Filters
from tracker.domain.saved_views import (
    NAMED_FILTERS,
    SavedView,
    ViewBody,
    ViewEvent,
    body_from_json,
    body_json,
)

V = tables.saved_view
EV = tables.saved_view_event
E = tables.engagement


def visible(conn: Connection, user: str) -> list[SavedView]:
    """The views ``user`` sees (their own, and everybody's shared ones), by name."""
    query = select(V).where(or_(V.c.owner == user, V.c.shared.is_(True)))
    rows = conn.execute(query.order_by(V.c.name_key, V.c.owner)).mappings()
    return [_view(r) for r in rows]


def by_id(conn: Connection, view_id: int) -> SavedView | None:
    """View ``view_id``, or None."""
    row = conn.execute(select(V).where(V.c.id == view_id)).mappings().first()
    return _view(row) if row is not None else None


def named(conn: Connection, owner: str, key: str) -> SavedView | None:
    """``owner``'s view whose casefolded name is ``key``, or None."""
    query = select(V).where(V.c.owner == owner, V.c.name_key == key)
    row = conn.execute(query).mappings().first()
    return _view(row) if row is not None else None


def shared_named(conn: Connection, key: str) -> list[SavedView]:
    """Everybody's shared views whose casefolded name is ``key``, by owner."""
    query = select(V).where(V.c.shared.is_(True), V.c.name_key == key).order_by(V.c.owner)
    return [_view(r) for r in conn.execute(query).mappings()]


def insert(conn: Connection, **values: Any) -> int:
    """A new view (``body`` a ``ViewBody``); its id."""
    row = dict(values, body=_text(values["body"]))
    return int(conn.execute(V.insert().values(**row).returning(V.c.id)).scalar_one())


def update(conn: Connection, view_id: int, **values: Any) -> None:
    """Change view ``view_id`` (``body``, when given, a ``ViewBody``); one more version."""
    if "body" in values:
        values = dict(values, body=_text(values["body"]))
    conn.execute(V.update().where(V.c.id == view_id).values(version=V.c.version + 1, **values))


def delete(conn: Connection, view_id: int) -> None:
    """Remove view ``view_id``."""
    conn.execute(V.delete().where(V.c.id == view_id))


def record(conn: Connection, view: SavedView, *, action: str, at: str, who: str) -> None:
    """Write one entry of the views' trail: ``view`` as it is after ``action``."""
    body = {"name": view.name, "shared": view.shared, **body_json(view.body)}
    conn.execute(
        EV.insert().values(
            at=at,
            who=who,
            view_id=view.id,
            name=view.name,
            action=action,
            body=json.dumps(body, ensure_ascii=False, sort_keys=True),
        )
    )


def events(conn: Connection, view_ids: Sequence[int]) -> list[ViewEvent]:
    """The trail of these views, oldest first."""
    query = select(EV).where(EV.c.view_id.in_(view_ids)).order_by(EV.c.id)
    return [ViewEvent(**dict(r)) for r in conn.execute(query).mappings()]


def missing(conn: Connection, filters: Filters, markings: Sequence[str]) -> list[str]:
    """The named filters of ``filters`` that name nothing stored any more: ``Filters``
    field names, and ``"markings:VALUE"`` for a marking the database no longer has.
    One indexed point query per named filter set."""
    gone: list[str] = []
    for key in NAMED_FILTERS:
        value = getattr(filters, key)
        if not value:
            continue
        if not _still_there(conn, key, value):
            gone.append(key)
    return gone + [f"markings:{m}" for m in filters.markings if m not in markings]


# The owners in use, one seek in ix_engagement_owner each (from one owner to the next
# greater): a few dozen desks are read in well under a millisecond at 100,000
# engagements, where comparing every engagement's owner in any case took 20 ms.
_OWNERS = text(
    "WITH RECURSIVE o(v) AS ("
    " SELECT MIN(owner) FROM engagement WHERE owner > ''"
    " UNION ALL"
    " SELECT (SELECT MIN(owner) FROM engagement WHERE owner > o.v) FROM o WHERE o.v IS NOT NULL"
    ") SELECT v FROM o WHERE v IS NOT NULL"
)


def _still_there(conn: Connection, key: str, value: Any) -> bool:
    """Whether the named filter ``key`` still names something: the catalogue has the
    restriction; an engagement, live or in the trash, has the vendor, counterpart, tag
    or owner (for a vendor and counterpart: the filter's own condition)."""
    if key == "restriction":
        return bool(conn.execute(select(exists(catalogue_entry(value)))).scalar())
    if key == "tag":  # the tag by name, then one of its rows: two seeks
        t, et = tables.tag, tables.engagement_tag
        held = exists().where(et.c.tag_id == t.c.id, t.c.name == value)
        return bool(conn.execute(select(held)).scalar())
    if key == "owner":  # in any case, as the filter compares (``db.queries``)
        return value.strip().lower() in {str(o).lower() for o in conn.execute(_OWNERS).scalars()}
    clause = where_clauses(Filters(**{key: value}), conn.dialect.name)[-1]
    return bool(conn.execute(select(exists(select(E.c.id).where(clause)))).scalar())


def _text(body: ViewBody) -> str:
    return json.dumps(body_json(body), ensure_ascii=False, sort_keys=True)


def _view(row: RowMapping) -> SavedView:
    return SavedView(
        id=int(row["id"]),
        name=str(row["name"]),
        owner=str(row["owner"]),
        shared=bool(row["shared"]),
        body=_body(str(row["body"])),
        created_at=str(row["created_at"]),
        created_by=str(row["created_by"]),
        updated_at=str(row["updated_at"]),
        updated_by=str(row["updated_by"]),
        version=int(row["version"]),
    )


def _body(text: str) -> ViewBody:
    """A stored body; one that cannot be read (written by hand, or by a newer program
    with an order this one lacks) opens as no filter rather than hiding the view."""
    try:
        return body_from_json(json.loads(text))
    except (ValueError, TrackerError):
        return ViewBody()
