"""The changes feed's SQL: it leaves out the baselines the upgrade to schema 5 wrote, and
reads a period along the time index, or the entries of few engagements by engagement."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.dialects import sqlite

from db import changes as changes_sql
from db import queries
from db.changes import Span, changes_query, engagements_to_read
from tests.db.test_schema import _load_fixture
from tracker.domain.change_words import ChangePeriod
from tracker.domain.model import Filters
from tracker.domain.vocab import Region, Status
from tracker.services import Tracker


def test_baselines_of_an_upgraded_database_are_no_changes(tmp_path: Path) -> None:
    path = _load_fixture(4, tmp_path / "v4.db")
    service = Tracker.open(path)
    try:
        found = service.changes(period=ChangePeriod()).changes
    finally:
        service.close()
    conn = sqlite3.connect(path)
    baselines = conn.execute("SELECT count(*) FROM audit WHERE action = 'baseline'").fetchone()[0]
    others = conn.execute("SELECT count(*) FROM audit WHERE action != 'baseline'").fetchone()[0]
    conn.close()
    assert baselines > 0
    assert len(found) == others > 0
    assert all(c.row.action != "baseline" for c in found)


def _plan(path: Path, engagements: Filters | tuple[int, ...]) -> str:
    span = Span(since="2026-11-01")
    statement = changes_query(engagements, span, dialect="sqlite", limit=201)
    sql, params = queries.compiled(statement, sqlite.dialect())
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
    finally:
        conn.close()
    return " | ".join(str(row[3]) for row in rows)


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(statuses=(Status.PAUSED,)),
        Filters(search="nato defence"),
        Filters(regions=(Region.EUROPE,)),
    ],
)
def test_a_filter_of_many_engagements_walks_the_time_index_newest_first(
    tmp_path: Path, filters: Filters
) -> None:
    """Not from the status or region index to every entry of those engagements, then a
    sort: with thousands matching, that read them all (225 ms at 100,000)."""
    path = tmp_path / "new.db"
    Tracker.open(path).close()
    plan = _plan(path, filters)
    assert "ix_audit_at" in plan and "ix_audit_engagement" not in plan, plan
    assert "TEMP B-TREE" not in plan, plan
    assert plan.index("audit") < plan.index("engagement USING INTEGER PRIMARY KEY"), plan


def test_the_entries_of_few_engagements_are_read_by_engagement(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Tracker.open(path).close()
    plan = _plan(path, (1, 2, 3))
    assert "ix_audit_engagement" in plan and "ix_audit_at" not in plan, plan


def test_few_engagements_with_few_entries_choose_the_read_by_engagement(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "demo.db"
    service = Tracker.open(path)
    service.load_demo()
    service.close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        every = engagements_to_read(conn, Filters())
        assert isinstance(every, tuple) and sorted(every) == [1, 2, 3, 4]
        assert engagements_to_read(conn, Filters(ids=(2, 4))) == (2, 4)
        monkeypatch.setattr(changes_sql, "FEW", 3)  # more engagements than few
        assert engagements_to_read(conn, Filters()) == Filters()
        assert engagements_to_read(conn, Filters(ids=(2, 4))) == (2, 4)
        monkeypatch.setattr(changes_sql, "FEW_ENTRIES", 1)  # more entries than few
        assert engagements_to_read(conn, Filters(ids=(2, 4))) == Filters(ids=(2, 4))
        assert engagements_to_read(conn, Filters(ids=(2,))) == (2,)
    engine.dispose()
