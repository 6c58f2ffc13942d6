"""The tamper-evident audit trail: each audit row is sealed with a keyed hash chained to the last.

``seal`` runs at the end of every write transaction and seals the audit rows written
in it, in id order: seal(n) = HMAC-SHA256(key, enc(seal(n-1), key id, the fields of
row n)), where ``enc`` writes each value as ``<UTF-8 byte length>:<bytes>`` and NULL as
``~`` (so no choice of characters can make two different rows encode alike). Each
seal row names the key it was made with by its key id.

Where the key lives depends on the backend. On SQLite it is a file beside the user's
settings (``db.audit_keys``) and sealing and verifying happen here; on PostgreSQL it
is in a table only the owner of the audit functions can read, and both happen inside
``SECURITY DEFINER`` functions on the server (``db.audit_pg``).

``verify`` recomputes the chain and reports the first entry that was edited, deleted,
inserted or reordered behind the program's back, and, apart from that, the entries
sealed with a key that is not at hand ("unkeyed": they cannot be checked here). The
count of entries and the latest seal are printed on briefings (``latest``), so that a
paper copy can be checked against the database later (``against``): that catches a
trail truncated or rewritten as a whole, which no check of the chain alone can.
"""

from __future__ import annotations

import hmac
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from db import audit_keys, audit_pg, tables

GENESIS = "0" * 64
DATABASE_ID = "database_id"  # the meta key of the database's random id
SEAL_BATCH = 5000

A = tables.audit
S = tables.audit_seal
FIELDS = (
    A.c.id,
    A.c.at,
    A.c.who,
    A.c.server_user,
    A.c.engagement_id,
    A.c.version,
    A.c.action,
    A.c.field,
    A.c.old,
    A.c.new,
)


def encode(values: Iterable[object]) -> bytes:
    """The values as one unambiguous byte string: ``<byte length>:<UTF-8>`` each, ``~``
    for NULL (numbers as their decimal text)."""
    out = bytearray()
    for value in values:
        if value is None:
            out += b"~"
        else:
            data = str(value).encode("utf-8", "surrogatepass")
            out += b"%d:" % len(data)
            out += data
    return bytes(out)


def digest(key: bytes, previous: str, kid: str, row: Sequence[Any]) -> str:
    """The seal of ``row`` (the values of ``FIELDS``) after the seal ``previous``."""
    return hmac.digest(key, encode((previous, kid, *row)), "sha256").hex()


@dataclass(frozen=True)
class Unkeyed:
    """Entries sealed with a key that is not at hand: they cannot be checked here."""

    key_id: str
    first: int
    last: int
    entries: int
    expected: str  # where the key would be

    def describe(self) -> str:
        """One line for ``tracker check``."""
        which = (
            f"audit entry {self.first} is"
            if self.entries == 1
            else f"{self.entries} audit entries ({self.first}–{self.last}) are"
        )
        return (
            f"{which} unkeyed: sealed with key {self.key_id}, which is not {self.expected}; "
            "they cannot be checked here (nothing is lost: put the key back to check them)"
        )


@dataclass(frozen=True)
class ChainReport:
    """The outcome of ``verify``: the first break, if any, and the unkeyed entries."""

    problem: str | None
    unkeyed: tuple[Unkeyed, ...] = ()


BREAKS = {
    "unsealed": "audit entry {0} is not sealed (inserted behind the program's back?)",
    "missing": "audit entry {0} is missing or was inserted behind the program's back",
    "mismatch": (
        "audit entry {0} does not match its seal (edited, reordered, or an earlier entry "
        "was deleted)"
    ),
    "deleted": "audit entry {0} was deleted",
}


def latest(conn: Connection) -> tuple[int, str]:
    """How many entries are sealed and the latest seal (0 and the genesis when none)."""
    count = int(conn.execute(select(func.count()).select_from(S)).scalar_one())
    head = conn.execute(select(S.c.hash).order_by(S.c.audit_id.desc()).limit(1)).scalar()
    return (count, str(head)) if head is not None else (0, GENESIS)


def against(conn: Connection, entries: int, seal: str) -> str | None:
    """None when the ``entries``-th sealed entry carries ``seal`` (a seal printed earlier),
    else one line saying how the trail was truncated or rewritten since."""
    if entries < 1:
        return None if seal == GENESIS else "a seal of no entries must be the genesis"
    found = conn.execute(
        select(S.c.hash).order_by(S.c.audit_id).offset(entries - 1).limit(1)
    ).scalar()
    if found is None:
        count = latest(conn)[0]
        return (
            f"the audit trail has {count} entries, fewer than the {entries} sealed by "
            f"{entries}:{seal[:12]}…: it was truncated"
        )
    if str(found) != seal:
        return (
            f"audit entry number {entries} carries the seal {str(found)[:12]}…, not the "
            f"{seal[:12]}… printed earlier: the trail was rewritten"
        )
    return None


# -- SQLite (and any backend but PostgreSQL): keys in files ----------------------------


def database_id(conn: Connection) -> str:
    """The database's random id (made now, inside the caller's transaction, if missing)."""
    m = tables.meta
    found = conn.execute(select(m.c.value).where(m.c.key == DATABASE_ID)).scalar()
    if found:
        return str(found)
    made = uuid.uuid4().hex
    conn.execute(m.delete().where(m.c.key == DATABASE_ID))
    conn.execute(m.insert().values(key=DATABASE_ID, value=made))
    return made


def _writing_key(conn: Connection, last_kid: str | None) -> tuple[str, bytes]:
    """The key to seal with: the latest seal's when at hand, else one of the database's
    keys on this machine, else a new one (the chain carries on either way)."""
    dbid = database_id(conn)
    if last_kid:
        found = audit_keys.find(dbid, [last_kid])
        if found:
            return last_kid, found[last_kid]
    own = audit_keys.own_keys(dbid)
    if own:
        kid = min(own)
        return kid, own[kid]
    return audit_keys.create(dbid)


def seal(conn: Connection) -> int:
    """Seal every audit row newer than the last seal; returns how many were sealed.

    Rows are read ``SEAL_BATCH`` at a time, so that sealing a whole trail (the upgrade
    to schema 5) holds no more than a batch of entries in memory.
    """
    if conn.dialect.name == "postgresql":
        return audit_pg.seal(conn)
    last = conn.execute(
        select(S.c.audit_id, S.c.key_id, S.c.hash).order_by(S.c.audit_id.desc()).limit(1)
    ).first()
    last_id, last_kid, previous = (0, None, GENESIS) if last is None else tuple(last)
    sealed = 0
    writing: tuple[str, bytes] | None = None
    while rows := conn.execute(
        select(*FIELDS).where(A.c.id > last_id).order_by(A.c.id).limit(SEAL_BATCH)
    ).all():
        kid, key = writing = writing or _writing_key(conn, last_kid)
        seals = []
        for row in rows:
            previous = digest(key, previous, kid, tuple(row))
            seals.append({"audit_id": row[0], "key_id": kid, "hash": previous})
        conn.execute(S.insert(), seals)
        sealed += len(seals)
        last_id = int(rows[-1][0])
    return sealed


def verify(conn: Connection) -> ChainReport:
    """Recompute the chain: the first break, and the entries that cannot be checked."""
    if conn.dialect.name == "postgresql":
        return _from_server(conn)
    return _Walk(conn).run()


def _from_server(conn: Connection) -> ChainReport:
    problem: str | None = None
    unkeyed: list[Unkeyed] = []
    for kind, first, last, kid, entries in audit_pg.verify(conn):
        if kind == "unkeyed":
            expected = "in the database's key table (tracker_audit.audit_key)"
            unkeyed.append(Unkeyed(str(kid), int(first), int(last), int(entries), expected))
        else:
            problem = BREAKS[str(kind)].format(first)
    return ChainReport(problem, tuple(unkeyed))


class _Walk:
    """One pass over the trail in id order, checking each seal whose key is at hand."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.dbid = database_id_if_any(conn)
        kids = [str(k) for k in conn.execute(select(S.c.key_id).distinct()).scalars()]
        # A key is found by its id in any database's folder, so even a database whose
        # id was changed or removed still verifies.
        self.keys = audit_keys.find(self.dbid or "", kids)
        self.unkeyed: dict[str, list[int]] = {}  # key id -> [first, last, count]

    def run(self) -> ChainReport:
        problem = self._first_break()
        return ChainReport(problem, tuple(self._unkeyed()))

    def _first_break(self) -> str | None:
        # A seal whose row is gone: the first break unless an earlier one comes first.
        orphan = self.conn.execute(
            select(func.min(S.c.audit_id)).where(
                ~select(A.c.id).where(A.c.id == S.c.audit_id).exists()
            )
        ).scalar()
        joined = (
            select(*FIELDS, S.c.key_id, S.c.hash)
            .select_from(A.outerjoin(S, S.c.audit_id == A.c.id))
            .order_by(A.c.id)
        )
        previous = GENESIS
        for row in self.conn.execute(joined):
            entry, kid, sealed = tuple(row[: len(FIELDS)]), row[-2], row[-1]
            if orphan is not None and int(orphan) < int(entry[0]):
                return BREAKS["missing"].format(orphan)
            if sealed is None:
                return BREAKS["unsealed"].format(entry[0])
            key = self.keys.get(str(kid))
            if key is None:
                self._count_unkeyed(str(kid), int(entry[0]))
            elif digest(key, previous, str(kid), entry) != sealed:
                return BREAKS["mismatch"].format(entry[0])
            previous = str(sealed)
        return None if orphan is None else BREAKS["deleted"].format(orphan)

    def _count_unkeyed(self, kid: str, entry: int) -> None:
        span = self.unkeyed.setdefault(kid, [entry, entry, 0])
        span[1] = entry
        span[2] += 1

    def _unkeyed(self) -> Iterable[Unkeyed]:
        for kid, (first, last, count) in self.unkeyed.items():
            where = audit_keys.key_path(self.dbid or "<database id>", kid)
            yield Unkeyed(kid, first, last, count, f"on this machine (expected at {where})")


def database_id_if_any(conn: Connection) -> str | None:
    """The database's random id, or None when it has none (nothing was sealed yet)."""
    m = tables.meta
    found = conn.execute(select(m.c.value).where(m.c.key == DATABASE_ID)).scalar()
    return str(found) if found else None
