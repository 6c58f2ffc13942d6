"""Organisations as records, in SQL: the list with engagement counts, details, aliases,
and merging one organisation into another (engagements re-pointed, audited per field;
no engagement's index row changes, the names being searched through ``db.org_words``)
and back (the undo of a merge).

Every function works inside the caller's transaction; refusals are ``ValueError``s
naming the field, which the service layer words with the record.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, func, or_, select, text, union_all

from db import org_words, tables
from db.audit import AUDIT_COLUMNS
from db.store import E, chunks, insert_rows, named_organisation, new_id, utc_now
from tracker.domain.organisations import (
    MergedOrganisation,
    Organisation,
    OrgDetails,
    name_key,
)
from tracker.domain.vocab import OrgKind, Region

ORG = tables.organisation
A = tables.organisation_alias


class OrgRefused(ValueError):
    """A change of organisations that cannot be made: names the field."""

    def __init__(self, message: str, *, field: str) -> None:
        self.field = field
        super().__init__(message)


def find(conn: Connection, name: str) -> tuple[int, str] | None:
    """The id and name of the organisation called ``name`` or having it as an alias."""
    return named_organisation(conn, name)


def engagement_counts(conn: Connection) -> dict[int, int]:
    """How many engagements (trashed ones too) name each organisation, by id."""
    pairs = union_all(
        select(E.c.vendor_id.label("org"), E.c.id.label("eid")),
        select(E.c.counterpart_id.label("org"), E.c.id.label("eid")),
    ).subquery()
    rows = conn.execute(
        select(pairs.c.org, func.count(func.distinct(pairs.c.eid))).group_by(pairs.c.org)
    )
    return {int(org): int(n) for org, n in rows}


def listing(conn: Connection) -> list[Organisation]:
    """Every organisation by name (any case), with its aliases, parts and count."""
    rows = conn.execute(select(ORG).order_by(ORG.c.name_key)).all()
    names = {int(r.id): str(r.name) for r in rows}
    aliases: dict[int, list[str]] = defaultdict(list)
    for oid, alias in conn.execute(select(A.c.organisation_id, A.c.alias).order_by(A.c.id)):
        aliases[int(oid)].append(str(alias))
    parts: dict[int, list[str]] = defaultdict(list)
    for r in rows:
        if r.parent_id is not None:
            parts[int(r.parent_id)].append(str(r.name))
    counts = engagement_counts(conn)
    return [
        Organisation(
            id=int(r.id),
            name=str(r.name),
            details=_details(r, names),
            aliases=tuple(aliases[int(r.id)]),
            parts=tuple(parts[int(r.id)]),
            engagements=counts.get(int(r.id), 0),
        )
        for r in rows
    ]


def _details(row: Any, names: Mapping[int, str]) -> OrgDetails:
    return OrgDetails(
        kind=OrgKind(row.kind) if row.kind else None,
        country=row.country,
        region=Region(row.region) if row.region else None,
        parent=names.get(int(row.parent_id)) if row.parent_id is not None else None,
    )


def ancestors(conn: Connection, org_id: int) -> list[int]:
    """The ids above ``org_id``: its parent, the parent's parent, ... (stops at a loop)."""
    out: list[int] = []
    current: int | None = org_id
    while current is not None:
        parent = conn.execute(select(ORG.c.parent_id).where(ORG.c.id == current)).scalar()
        if parent is None or int(parent) in out or int(parent) == org_id:
            break
        current = int(parent)
        out.append(current)
    return out


def set_details(conn: Connection, org_id: int, details: OrgDetails) -> None:
    """Set kind, country, region and parent; a parent that is the organisation itself or
    one of its parts is refused (no loops)."""
    parent_id = None
    if details.parent is not None:
        found = find(conn, details.parent)
        if found is None:
            raise OrgRefused(f'no organisation "{details.parent}"', field="parent")
        parent_id = found[0]
        if parent_id == org_id or org_id in ancestors(conn, parent_id):
            raise OrgRefused(
                f'"{found[1]}" is the organisation itself or one of its parts', field="parent"
            )
    conn.execute(
        ORG.update()
        .where(ORG.c.id == org_id)
        .values(
            kind=details.kind.value if details.kind else None,
            country=details.country,
            region=details.region.value if details.region else None,
            parent_id=parent_id,
        )
    )


def add_alias(conn: Connection, org_id: int, alias: str) -> bool:
    """Give the organisation another name; False when it has that name already. A name
    or alias of another organisation is refused."""
    found = find(conn, alias)
    if found is not None:
        if found[0] == org_id:
            return False  # its name or an alias already
        raise OrgRefused(f'"{alias}" names the organisation "{found[1]}" already', field="aliases")
    conn.execute(A.insert().values(organisation_id=org_id, alias=alias, alias_key=name_key(alias)))
    org_words.reindex(conn, [org_id])
    return True


def create(conn: Connection, name: str) -> int:
    """A new organisation of that name (none of that name or alias exists)."""
    org_id = new_id(conn.execute(ORG.insert().values(name=name, name_key=name_key(name))))
    org_words.add_new(conn, {org_id: name})
    return org_id


def naming(conn: Connection, org_id: int) -> dict[int, tuple[bool, bool]]:
    """The engagements (trashed ones too) naming the organisation: id → (as vendor, as
    counterpart)."""
    rows = conn.execute(
        select(E.c.id, E.c.vendor_id, E.c.counterpart_id).where(
            or_(E.c.vendor_id == org_id, E.c.counterpart_id == org_id)
        )
    )
    return {int(i): (v == org_id, c == org_id) for i, v, c in rows}


def merge(conn: Connection, from_id: int, into_id: int, *, who: str) -> MergedOrganisation:
    """Merge organisation ``from_id`` into ``into_id``: its engagements re-pointed (a new
    version each, audited), its parts moved, its name and aliases kept as aliases of
    ``into_id``, its details filling those ``into_id`` lacks; then it is deleted."""
    if from_id == into_id:
        raise OrgRefused("cannot merge an organisation into itself", field="into")
    if from_id in ancestors(conn, into_id):
        raise OrgRefused("cannot merge an organisation into one of its own parts", field="into")
    gone = _record(conn, from_id)
    into = _record(conn, into_id)
    engagements = naming(conn, from_id)
    versions = repoint(conn, engagements, to_id=into_id, old=gone.name, new=into.name, who=who)
    conn.execute(ORG.update().where(ORG.c.parent_id == from_id).values(parent_id=into_id))
    conn.execute(A.update().where(A.c.organisation_id == from_id).values(organisation_id=into_id))
    org_words.reindex(conn, [from_id])  # its words go with it (foreign key)
    conn.execute(ORG.delete().where(ORG.c.id == from_id))
    conn.execute(
        A.insert().values(organisation_id=into_id, alias=gone.name, alias_key=name_key(gone.name))
    )
    org_words.reindex(conn, [into_id])
    filled = _filled(into.details, gone.details)
    if filled != into.details:
        conn.execute(
            ORG.update()
            .where(ORG.c.id == into_id)
            .values(
                kind=filled.kind.value if filled.kind else None,
                country=filled.country,
                region=filled.region.value if filled.region else None,
            )
        )
    return MergedOrganisation(
        name=gone.name,
        into=into.name,
        details=gone.details,
        aliases=gone.aliases,
        parts=gone.parts,
        engagements=engagements,
        versions=versions,
    )


def _filled(into: OrgDetails, gone: OrgDetails) -> OrgDetails:
    return OrgDetails(
        kind=into.kind or gone.kind,
        country=into.country or gone.country,
        region=into.region or gone.region,
        parent=into.parent,
    )


def _record(conn: Connection, org_id: int) -> Organisation:
    row = conn.execute(select(ORG).where(ORG.c.id == org_id)).one()
    parent = None
    if row.parent_id is not None:
        parent = conn.execute(select(ORG.c.name).where(ORG.c.id == row.parent_id)).scalar()
    aliases = conn.execute(
        select(A.c.alias).where(A.c.organisation_id == org_id).order_by(A.c.id)
    ).scalars()
    parts = conn.execute(select(ORG.c.name).where(ORG.c.parent_id == org_id)).scalars()
    return Organisation(
        id=org_id,
        name=str(row.name),
        details=_details(row, {int(row.parent_id): str(parent)} if parent is not None else {}),
        aliases=tuple(str(a) for a in aliases),
        parts=tuple(str(p) for p in parts),
        engagements=0,
    )


def unmerge(conn: Connection, merged: MergedOrganisation, *, into_id: int, who: str) -> int:
    """Undo ``merge``: the organisation made again with its details, aliases and parts,
    its engagements pointed back (each must still be at the version the merge gave it,
    else ``OrgRefused`` naming it). Returns the new organisation's id."""
    stale = _changed_since(conn, merged.versions)
    if stale:
        raise OrgRefused(f"engagement {stale} was changed since the merge", field="engagements")
    conn.execute(A.delete().where(A.c.alias_key == name_key(merged.name)))
    org_id = create(conn, merged.name)
    set_details(conn, org_id, merged.details)
    keys = [name_key(a) for a in merged.aliases]
    if keys:
        conn.execute(A.update().where(A.c.alias_key.in_(keys)).values(organisation_id=org_id))
    parts = [name_key(p) for p in merged.parts]
    if parts:
        conn.execute(ORG.update().where(ORG.c.name_key.in_(parts)).values(parent_id=org_id))
    org_words.reindex(conn, [org_id, into_id])
    repoint(conn, merged.engagements, to_id=org_id, old=merged.into, new=merged.name, who=who)
    return org_id


def _changed_since(conn: Connection, versions: Mapping[int, int]) -> int | None:
    """The first engagement not at its recorded version, or None."""
    ids = sorted(versions)
    for part in chunks(ids):
        for eid, version in conn.execute(select(E.c.id, E.c.version).where(E.c.id.in_(part))):
            if versions[int(eid)] != int(version):
                return int(eid)
    return None


def repoint(
    conn: Connection,
    sides: Mapping[int, tuple[bool, bool]],
    *,
    to_id: int,
    old: str,
    new: str,
    who: str,
) -> dict[int, int]:
    """Point the engagements' vendor and/or counterpart (per ``sides``) at ``to_id``: one
    new version each, one audit row per field changed (``old`` → ``new`` name). Their
    index rows hold no organisation's name: nothing to re-index. Returns each
    engagement's new version."""
    now = utc_now()
    # One statement per set of columns changed, each run for many engagements at once
    # (executemany: compiled once, no list of ids in the SQL).
    for columns, wanted in (
        (("vendor_id", "counterpart_id"), (True, True)),
        (("vendor_id",), (True, False)),
        (("counterpart_id",), (False, True)),
    ):
        batch = [{"eid": eid, "to": to_id, "now": now} for eid, s in sides.items() if s == wanted]
        if batch:
            assigned = ", ".join(f"{c} = :to" for c in columns)
            conn.execute(
                text(
                    f"UPDATE engagement SET {assigned}, version = version + 1,"
                    " updated_at = :now WHERE id = :eid"
                ),
                batch,
            )
    found = conn.execute(
        select(E.c.id, E.c.version).where(or_(E.c.vendor_id == to_id, E.c.counterpart_id == to_id))
    )
    versions = {int(i): int(v) for i, v in found if int(i) in sides}
    ids = sorted(sides)
    rows = [
        (now, who, eid, versions[eid], "update", field, old, new)
        for eid in ids
        for field, side in (("vendor", 0), ("counterpart", 1))
        if sides[eid][side]
    ]
    insert_rows(conn, tables.audit, AUDIT_COLUMNS, rows)
    return versions


def update_details(conn: Connection, org_id: int, details: OrgDetails) -> None:
    """Set the details given (not None) in ``details``, keeping the others (a file's
    organisation updates, never clears)."""
    current = _record(conn, org_id).details
    set_details(
        conn,
        org_id,
        OrgDetails(
            kind=details.kind or current.kind,
            country=details.country or current.country,
            region=details.region or current.region,
            parent=details.parent or current.parent,
        ),
    )
