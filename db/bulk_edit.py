"""Writing new versions of many stored engagements at once (a bulk edit, its undo).

What is stored is what ``db.store.replace_engagement`` would store one engagement at
a time (the engagement's columns and version, one audit row per changed field, the
child rows of the lists that changed, the search index), but each kind of row goes
in with one statement for all engagements: a thousand engagements take a few dozen
statements instead of tens of thousands. A list that only grew at its end (a status
event, a tag added) gets only its new rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, bindparam, select

from db import fulltext, tables
from db.audit import AUDIT_COLUMNS
from db.bulk import _restriction_ids, _tag_ids  # the import's resolution, shared
from db.loading import ids_by_uid
from db.store import (
    CHILD_COLUMNS,
    E,
    add_child_rows,
    chunks,
    engagement_columns,
    insert_rows,
    utc_now,
)
from tracker.domain.fields import ENGAGEMENT_FIELDS, SEARCHED_KEYS
from tracker.domain.model import Engagement, EngagementData
from tracker.domain.search_text import indexed_body

# Each child table and the list field it stores.
CHILD_FIELD: dict[Table, str] = {
    tables.scope_limit: "scope_limits",
    tables.engagement_restriction: "restrictions",
    tables.clarification: "clarifications",
    tables.status_event: "status_history",
    tables.source: "sources",
    tables.concern: "concerns",
    tables.engagement_tag: "tags",
}
# Fields rewritten here; a write changing any other (an organisation, a list kept in a
# table not above) goes through ``db.store`` instead.
WRITTEN_HERE = frozenset(
    {f.key for f in ENGAGEMENT_FIELDS if f.kind not in ("name", "tags", "children")}
    | set(CHILD_FIELD.values())
)
# The engagement columns an update writes (its organisations are left as they are).
_KEPT_COLUMNS = frozenset({"vendor_id", "counterpart_id"})


def find_ids(conn: Connection, refs: Sequence[int | str]) -> dict[int | str, int]:
    """The engagement ids of ``refs`` (numbers or stable ids, as ``loading.find_id``
    takes them) with a few IN queries; an unknown ref is absent."""
    numbers = sorted({int(r) for r in refs if _number(r)})
    found: set[int] = set()
    for part in chunks(numbers):
        found.update(int(i) for i in conn.execute(select(E.c.id).where(E.c.id.in_(part))).scalars())
    by_uid = ids_by_uid(conn, [str(r) for r in refs if not (_number(r) and int(r) in found)])
    out: dict[int | str, int] = {}
    for ref in refs:
        if _number(ref) and int(ref) in found:
            out[ref] = int(ref)
        elif str(ref) in by_uid:
            out[ref] = by_uid[str(ref)]
    return out


def _number(ref: int | str) -> bool:
    return isinstance(ref, int) or ref.isdigit()


def writes_here(changed: Iterable[str]) -> bool:
    """True when every field of ``changed`` is one written here."""
    return all(name in WRITTEN_HERE for name in changed)


def replace_many(
    conn: Connection,
    items: Sequence[tuple[Engagement, EngagementData, list[tuple[str, str | None, str | None]]]],
    *,
    who: str,
    action: str,
) -> dict[int, frozenset[str]]:
    """Write each item's data over its engagement, given their ``db.audit.diff`` (not
    empty, and :func:`writes_here`): a new version and time, audited field by field,
    all at one moment. Returns the fields changed by engagement id."""
    now = utc_now()
    updates: list[dict[str, Any]] = []
    audits: list[tuple[Any, ...]] = []
    changed: dict[int, frozenset[str]] = {}
    written: list[tuple[Engagement, EngagementData]] = []
    indexed: list[tuple[int, str, str, bool]] = []
    columns: set[str] = {"version", "updated_at"}
    for current, data, changes in items:
        version = current.version + 1
        changed[current.id] = frozenset(name for name, _, _ in changes)
        written.append((current, data))
        if changed[current.id] & SEARCHED_KEYS:
            indexed += _reindexed(current, data)
        old, new = _columns(current.data), _columns(data)
        columns.update(k for k, v in new.items() if old[k] != v)
        updates.append({"eid": current.id, "version": version, "updated_at": now, **new})
        audits += [(now, who, current.id, version, action, *change) for change in changes]
    if not updates:
        return changed
    # Only the columns that change: SQLite then leaves the indexes of the others be.
    conn.execute(
        E.update().where(E.c.id == bindparam("eid")).values({n: bindparam(n) for n in columns}),
        [{k: row[k] for k in ("eid", *columns)} for row in updates],
    )
    _write_children(conn, written, changed)
    fulltext.replace_rows(conn, indexed)
    insert_rows(conn, tables.audit, AUDIT_COLUMNS, audits)
    return changed


def _reindexed(current: Engagement, data: EngagementData) -> list[tuple[int, str, str, bool]]:
    """The index row of ``data`` when its indexed text differs from ``current``'s (a
    status event without a note, say, leaves it as it is), and whether its title is
    kept: rewriting a row of the index is most of what re-indexing a thousand
    engagements costs."""
    body = indexed_body(data)
    kept = data.title == current.data.title
    if kept and body == indexed_body(current.data):
        return []
    return [(current.id, data.title, body, kept)]


def _columns(data: EngagementData) -> dict[str, Any]:
    """The engagement's columns but its organisations' (never changed here)."""
    return {k: v for k, v in engagement_columns(data, 0, 0).items() if k not in _KEPT_COLUMNS}


def _write_children(
    conn: Connection,
    written: Sequence[tuple[Engagement, EngagementData]],
    changed: dict[int, frozenset[str]],
) -> None:
    """Write the child rows of each list that changed, table by table: where the new
    list only adds items at the end (a status event, a tag), only their rows are
    inserted; otherwise the engagement's rows in that table are replaced."""
    plans = {t: _plan(written, changed, f) for t, f in CHILD_FIELD.items()}
    plans = {t: plan for t, plan in plans.items() if plan}
    if not plans:
        return
    affected = {eid for plan in plans.values() for eid in plan}
    datas = [(current.id, data) for current, data in written if current.id in affected]
    restrictions = _restriction_ids(conn, [r for _, d in datas for r in d.restrictions])
    tags = _tag_ids(conn, [t for _, d in datas for t in d.tags])
    batches: dict[Table, list[tuple[Any, ...]]] = {t: [] for t in tables.CHILD_TABLES}
    for eid, data in datas:
        add_child_rows(
            batches,
            eid,
            data,
            restriction_id=lambda r: restrictions[r.code],
            tag_id=tags.__getitem__,
            # Links are not in CHILD_FIELD (a write changing them goes through
            # db.store), so their rows, made here unresolved, are never written.
            link_id=lambda _uid: None,
        )
    for table, plan in plans.items():
        replaced = [eid for eid, kept in plan.items() if kept == 0]
        for part in chunks(replaced):
            conn.execute(table.delete().where(table.c.engagement_id.in_(part)))
        # Rows are (engagement_id, position, ...): the new ones from position ``kept``.
        rows = [row for row in batches[table] if row[0] in plan and row[1] >= plan[row[0]]]
        insert_rows(conn, table, CHILD_COLUMNS[table], rows)


def _plan(
    written: Sequence[tuple[Engagement, EngagementData]],
    changed: dict[int, frozenset[str]],
    field: str,
) -> dict[int, int]:
    """For each engagement whose list ``field`` changed, how many of its stored rows
    stay: the old list's length when the new one only adds to its end, else 0."""
    plan: dict[int, int] = {}
    for current, data in written:
        if field not in changed[current.id]:
            continue
        old, new = getattr(current.data, field), getattr(data, field)
        appended = bool(old) and len(new) > len(old) and new[: len(old)] == old
        plan[current.id] = len(old) if appended else 0
    return plan
