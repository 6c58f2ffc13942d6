"""Replaying the audit trail: does every stored engagement equal what its trail says?

Each engagement's trail begins with an entry recording it whole (created, imported,
or the baseline the upgrade to schema 5 wrote), then one entry per changed field and
per move into or out of the trash. ``first_difference`` replays the trails in id
order and names the first engagement whose stored rows (the engagement and its child
rows, as ``db.loading`` reads them) differ from where its trail arrives: a change
made behind the program's back, such as ``UPDATE engagement SET marking = 'PUBLIC'``.
A restriction's title is the shared catalogue's, not the engagement's (a later
import may retitle it for everyone), so it is left out of the comparison.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, inspect, select

from db import audit_rows, loading, tables
from db.audit import AUDIT_COLUMNS, WHOLE, engagement_text
from db.store import E, chunks, insert_rows
from tracker.domain.change_words import BASELINE
from tracker.domain.fields import LIST_KEYS
from tracker.domain.interchange import data_to_json, record_label
from tracker.domain.model import FIELD_NAMES, Engagement

BEHIND = "changed behind the program's back"
REPLAY_CHUNK = 2000  # engagements replayed at a time
_KNOWN = frozenset(FIELD_NAMES)
A = tables.audit


def write_baselines(conn: Connection, *, who: str, at: str) -> int:
    """Record every stored engagement whole, as it stands, at its current version:
    the start of its replayable trail. Returns how many were recorded."""
    written = 0
    # Written by the upgrade to schema 5 too, before there was a link table to read.
    linked = inspect(conn).has_table(tables.engagement_link.name)
    for part in chunks(_all_ids(conn)):
        loaded = loading.load(conn, part, linked=linked)
        rows = [
            (at, who, e.id, e.version, BASELINE, WHOLE, None, engagement_text(e.data, e.uid))
            for e in (loaded[i] for i in part if i in loaded)
        ]
        insert_rows(conn, A, AUDIT_COLUMNS, rows)
        written += len(rows)
    return written


def first_difference(conn: Connection) -> str | None:
    """One line naming the first engagement (by id) whose stored data differs from its
    audit trail, or None when every one matches."""
    for part in chunks(_all_ids(conn), REPLAY_CHUNK):
        first, last = part[0], part[-1]  # every engagement between them is in the part
        trails = replay(
            conn.execute(
                select(A.c.engagement_id, A.c.version, A.c.field, A.c.new)
                .where(A.c.engagement_id.between(first, last))
                .order_by(A.c.engagement_id, A.c.id)
            )
        )
        stored = audit_rows.read(conn, first, last)
        for eid in part:
            trail = trails.get(eid, Trail())
            if not _same(stored.get(eid), trail):
                found = _examined(conn, eid, trail)
                if found is not None:
                    return found
    return None


def _same(stored: audit_rows.StoredRows | None, trail: Trail) -> bool:
    """True when the rows hold, text for text, what the trail arrives at."""
    return (
        stored is not None
        and trail.state is not None
        and not trail.unknown
        and stored.version == trail.version
        and stored.deleted_at == trail.deleted
        and stored.obj == audit_rows.shape(trail.state)
    )


def _examined(conn: Connection, eid: int, trail: Trail) -> str | None:
    """The difference between engagement ``eid``, read as the program reads it, and its
    trail (None when its rows only spell the same values otherwise)."""
    try:
        loaded = loading.load(conn, [eid])
    except ValueError as exc:  # a word no vocabulary has, a malformed date
        return f"engagement {eid} cannot be read ({exc}): {BEHIND}"
    if eid not in loaded:
        return f"engagement {eid} cannot be read (its organisations are missing): {BEHIND}"
    return _difference(loaded[eid], trail)


def _all_ids(conn: Connection) -> list[int]:
    return [int(i) for i in conn.execute(select(E.c.id).order_by(E.c.id)).scalars()]


@dataclass
class Trail:
    """Where one engagement's trail arrives: the one home of how a trail replays, for
    ``tracker check`` (to the end) and for the record as of a date (``db.as_of``: up to
    a moment)."""

    state: dict[str, Any] | None = None  # the interchange object, once recorded whole
    started: bool = False  # an entry recorded it whole (or, before schema 5, its title)
    deleted: str | None = None
    version: int = 0
    unknown: list[str] = field(default_factory=list)  # fields the program never writes
    at: str | None = None  # when the latest entry replayed was written

    def apply(self, version: int, name: str, new: str | None, at: str | None = None) -> None:
        """Replay one entry (``at``: when it was written, where the caller needs it)."""
        self.version = max(self.version, version)
        if at is not None:
            self.at = at
        if name == WHOLE:
            self.started = True
            self.state = _recorded(new)
        elif name == "deleted":
            self.deleted = new
        elif name not in _KNOWN:
            self.unknown.append(name)
        elif self.state is not None:
            self.state[name] = json.loads(new) if name in LIST_KEYS and new else new


def _recorded(new: str | None) -> dict[str, Any] | None:
    """The whole engagement an entry recorded, or None for a title alone (before 5)."""
    try:
        value = json.loads(new) if new else None
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def replay(rows: Iterable[Sequence[Any]]) -> dict[int, Trail]:
    """The trails of audit rows (engagement id, version, field, new[, at]) in id order,
    by engagement."""
    trails: dict[int, Trail] = {}
    for eid, version, name, new, *at in rows:
        trails.setdefault(int(eid), Trail()).apply(int(version), str(name), new, *at)
    return trails


def _difference(stored: Engagement, trail: Trail) -> str | None:
    label = record_label(None, stored.data.title).replace(
        "engagement", f"engagement {stored.id}", 1
    )
    if not trail.started:
        return (
            f"{label} has no creating entry in the audit trail (written behind the program's back)"
        )
    if trail.unknown:
        return f"{label}: its audit trail changes an unknown field ({trail.unknown[0]})"
    if trail.state is None:
        return f"{label}: its audit trail does not record it whole, so it cannot be replayed"
    wanted = audit_rows.shape(trail.state)
    for key, value in audit_rows.shape(data_to_json(stored.data, uid=stored.uid)).items():
        if wanted.get(key) != value:
            what = "stable id" if key == "id" else key.replace("_", " ")
            return f"{label}: its stored {what} differs from its audit trail ({BEHIND})"
    if stored.deleted_at != trail.deleted:
        where = "in the trash" if stored.deleted_at else "out of the trash"
        return f"{label} is {where}, unlike what its audit trail says ({BEHIND})"
    if stored.version != trail.version:
        return (
            f"{label} is at version {stored.version}, its audit trail at {trail.version} ({BEHIND})"
        )
    return None
