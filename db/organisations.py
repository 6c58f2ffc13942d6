"""Organisations as records, in SQL: the list with engagement counts, details, aliases,
and merging one organisation into another (engagements re-pointed, audited per field,
re-indexed) and back (the undo of a merge).

Every function works inside the caller's transaction; refusals are ``ValueError``s
naming the field, which the service layer words with the record.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, func, or_, select, text, union_all

from db import fulltext, loading, tables
from db.audit import AUDIT_COLUMNS
from db.store import E, chunks, insert_rows, named_organisation, new_id, utc_now
from tracker.domain.organisations import (
    MergedOrganisation,
    Organisation,
    OrgDetails,
    name_key,
)
from tracker.domain.search_text import indexed_body, renamed_body
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
    return True


def create(conn: Connection, name: str) -> int:
    """A new organisation of that name (none of that name or alias exists)."""
    return new_id(conn.execute(ORG.insert().values(name=name, name_key=name_key(name))))


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
    conn.execute(ORG.delete().where(ORG.c.id == from_id))
    conn.execute(
        A.insert().values(organisation_id=into_id, alias=gone.name, alias_key=name_key(gone.name))
    )
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
    new version each, one audit row per field changed (``old`` → ``new`` name), the
    full-text index rewritten. Returns each engagement's new version."""
    now = utc_now()
    before = _names(conn, sorted(sides))
    for column, side in (("vendor_id", 0), ("counterpart_id", 1)):
        ids = [eid for eid, s in sides.items() if s[side]]
        for part in chunks(ids):
            conn.execute(E.update().where(E.c.id.in_(part)).values({column: to_id}))
    ids = sorted(sides)
    versions: dict[int, int] = {}
    for part in chunks(ids):
        conn.execute(
            E.update().where(E.c.id.in_(part)).values(version=E.c.version + 1, updated_at=now)
        )
        found = conn.execute(select(E.c.id, E.c.version).where(E.c.id.in_(part)))
        versions.update({int(i): int(v) for i, v in found})
    rows = [
        (now, who, eid, versions[eid], "update", field, old, new)
        for eid in ids
        for field, side in (("vendor", 0), ("counterpart", 1))
        if sides[eid][side]
    ]
    insert_rows(conn, tables.audit, AUDIT_COLUMNS, rows)
    # The names after follow from those before: only the sides re-pointed changed.
    after = {
        eid: (new if sides[eid][0] else v, new if sides[eid][1] else c)
        for eid, (v, c) in before.items()
    }
    reindex(conn, ids, before, after)
    return versions


def _names(conn: Connection, ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    """Each engagement's (vendor, counterpart) names as stored."""
    vendor, counterpart = ORG.alias("v"), ORG.alias("c")
    out: dict[int, tuple[str, str]] = {}
    for part in chunks(list(ids)):
        rows = conn.execute(
            select(E.c.id, vendor.c.name, counterpart.c.name)
            .join(vendor, vendor.c.id == E.c.vendor_id)
            .join(counterpart, counterpart.c.id == E.c.counterpart_id)
            .where(E.c.id.in_(part))
        )
        out.update({int(i): (str(v), str(c)) for i, v, c in rows})
    return out


def reindex(
    conn: Connection,
    ids: Sequence[int],
    before: Mapping[int, tuple[str, str]],
    after: Mapping[int, tuple[str, str]],
) -> None:
    """Rewrite the full-text index of the engagements ``ids``, whose vendor and
    counterpart were ``before`` and are ``after``. On SQLite the index keeps its text:
    the names at the head of each body are replaced (``search_text.renamed_body``),
    which is what the whole engagement would index, and only the body is written (the
    title stays); elsewhere, or when a body does not start so, the engagements are read
    whole and indexed again."""
    whole: list[int] = list(ids)
    if conn.dialect.name == "sqlite":
        whole = []
        rows: list[tuple[int, str]] = []
        for part in chunks(list(ids)):
            found = conn.execute(
                text(
                    f"SELECT rowid, body FROM {fulltext.FTS_TABLE} WHERE rowid IN :ids"
                ).bindparams(bindparam("ids", expanding=True)),
                {"ids": list(part)},
            )
            for eid, body in found:
                body = renamed_body(str(body), before[int(eid)], after[int(eid)])
                if body is None:
                    whole.append(int(eid))
                else:
                    rows.append((int(eid), body))
        fulltext.replace_bodies(conn, rows)
    for part in chunks(whole, 2000):
        loaded = loading.load(conn, part)
        fulltext.replace_many(
            conn, [(i, e.data.title, indexed_body(e.data)) for i, e in loaded.items()]
        )


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
