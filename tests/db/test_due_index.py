"""Schema 6: the due list reads one partial index, in its order; older databases gain it."""

from __future__ import annotations

import datetime
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect
from sqlalchemy.dialects import sqlite

from db import queries, schema
from tests.db.test_schema import OLD_VERSIONS, _load_fixture, _user_data_hash, _version
from tracker.domain import limits
from tracker.domain.due import parse_period
from tracker.domain.model import Filters
from tracker.services import Tracker

DUE_BY = datetime.date(2026, 12, 31)


def _index_sql(path: Path) -> str | None:
    conn = sqlite3.connect(path)
    row = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'ix_engagement_due'"
    ).fetchone()
    conn.close()
    return None if row is None else str(row[0])


def _plan(path: Path, filters: Filters, *, count: bool = False) -> str:
    statement = (
        queries.count_query(filters, "sqlite") if count else queries.due_query(filters, "sqlite")
    )
    sql, params = queries.compiled(statement, sqlite.dialect())
    conn = sqlite3.connect(path)
    rows = conn.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
    conn.close()
    return " | ".join(str(row[3]) for row in rows)


def test_version_6_is_the_one_with_the_due_index() -> None:
    assert schema.SCHEMA_VERSION >= 6
    assert 6 in [reached for reached, _ in schema.migrations(lambda conn: [])]


def test_a_new_database_has_the_due_index_over_live_follow_ups(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Tracker.open(path).close()
    assert _index_sql(path) == (
        "CREATE INDEX ix_engagement_due ON engagement (follow_up_to, id, uid, title, status, "
        "follow_up, updated_at, deleted_at) WHERE deleted_at IS NULL AND follow_up_to IS NOT NULL"
    )


@pytest.mark.parametrize("version", [v for v in OLD_VERSIONS if v < 6])
def test_an_older_database_gains_the_due_index_with_its_data_unchanged(
    tmp_path: Path, version: int
) -> None:
    path = _load_fixture(version, tmp_path / f"v{version}.db")
    before = _user_data_hash(path)
    assert _index_sql(path) is None
    service = Tracker.open(path)
    try:
        assert service.check().ok
        listed = service.due(today=datetime.date(2026, 12, 1), within=parse_period("10y"))
    finally:
        service.close()
    assert _version(path) == str(schema.SCHEMA_VERSION)
    assert _user_data_hash(path) == before
    assert _index_sql(path) is not None
    assert listed, "the fixture's follow-ups are listed from the new index"
    assert "USING COVERING INDEX ix_engagement_due" in _plan(path, Filters(due_by=DUE_BY))


def test_the_due_list_and_the_overdue_count_read_only_the_index(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    service = Tracker.open(path)
    service.load_demo()
    service.close()
    plan = _plan(path, Filters(due_by=DUE_BY))
    assert "SEARCH engagement USING COVERING INDEX ix_engagement_due" in plan, plan
    assert "TEMP B-TREE" not in plan, plan  # read in the index's order, never sorted
    plan = _plan(path, Filters(due_from=datetime.date(2026, 1, 1), due_by=DUE_BY))
    assert "COVERING INDEX ix_engagement_due (follow_up_to>? AND follow_up_to<?)" in plan, plan
    counted = _plan(path, Filters(due_by=DUE_BY), count=True)
    assert "COVERING INDEX ix_engagement_due" in counted, counted


def test_the_due_index_is_made_on_either_backend(tmp_db_url: str) -> None:
    """On PostgreSQL it holds the due day and the id only (an index entry there has a
    size limit that a long title would pass): a long title is still saved."""
    service = Tracker.open(tmp_db_url)
    try:
        with service.database.read() as conn:
            found = {i["name"]: i["column_names"] for i in inspect(conn).get_indexes("engagement")}
            backend = conn.dialect.name
        expected = ["follow_up_to", "id"]
        if backend == "sqlite":
            expected += ["uid", "title", "status", "follow_up", "updated_at", "deleted_at"]
        assert found["ix_engagement_due"] == expected
        # The longest title allowed, in three-byte characters: 3,000 bytes, past the
        # 2,704 bytes of a PostgreSQL index entry.
        long_title = "語" * limits.LINE
        made = service.create(
            data={
                "title": long_title,
                "vendor": "OpenAI",
                "counterpart": "NATO",
                "status": "active",
                "follow_up": "2026-Q2",
            }
        )
        listed = service.due(today=datetime.date(2026, 6, 20))
        assert [(i.number, i.title) for i in listed] == [(made.engagement.id, long_title)]
    finally:
        service.close()
