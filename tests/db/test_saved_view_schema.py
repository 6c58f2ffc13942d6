"""Schema 8: older databases gain the saved views and their trail, their data unchanged;
a new database has both."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db import schema
from tests.db.test_schema import OLD_VERSIONS, _load_fixture, _user_data_hash, _version
from tracker.domain.model import Filters
from tracker.domain.saved_views import ViewBody
from tracker.domain.vocab import Status
from tracker.services import Tracker

OBJECTS = {"saved_view", "saved_view_event"}


def _objects(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT name FROM sqlite_master WHERE name IN ('saved_view', 'saved_view_event')"
        ).fetchall()
    finally:
        conn.close()
    return {name for (name,) in rows}


@pytest.mark.parametrize("version", [v for v in OLD_VERSIONS if v < 8])
def test_an_older_database_gains_the_saved_views_with_its_data_unchanged(
    tmp_path: Path, version: int
) -> None:
    path = _load_fixture(version, tmp_path / f"v{version}.db")
    before = _user_data_hash(path)
    assert _objects(path) == set()
    Tracker.open(path, user="alice").close()
    assert _version(path) == str(schema.SCHEMA_VERSION)
    assert _objects(path) == OBJECTS
    assert _user_data_hash(path) == before
    service = Tracker.open(path, user="alice")
    try:
        body = ViewBody(filters=Filters(statuses=(Status.ACTIVE,)))
        service.save_view(name="After the upgrade", body=body)
        assert [v.name for v in service.views()] == ["After the upgrade"]
    finally:
        service.close()


def test_a_new_database_has_the_saved_views(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Tracker.open(path).close()
    assert _objects(path) == OBJECTS
