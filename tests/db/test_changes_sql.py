"""The changes feed leaves out the baselines the upgrade to schema 5 wrote."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.db.test_schema import _load_fixture
from tracker.domain.change_words import ChangePeriod
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
