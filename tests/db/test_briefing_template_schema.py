"""Schema 9: older databases gain the briefing templates' table, their data unchanged;
a new database has it, and a template saved after the upgrade reads back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db import schema
from tests.db.test_schema import OLD_VERSIONS, _load_fixture, _user_data_hash, _version
from tracker.domain.briefing_templates import TemplateSettings
from tracker.services import Tracker


def _has_table(path: Path) -> bool:
    conn = sqlite3.connect(path)
    try:
        query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'briefing_template'"
        return conn.execute(query).fetchone() is not None
    finally:
        conn.close()


@pytest.mark.parametrize("version", [v for v in OLD_VERSIONS if v < 9])  # 9 has them
def test_an_older_database_gains_the_templates_with_its_data_unchanged(
    tmp_path: Path, version: int
) -> None:
    path = _load_fixture(version, tmp_path / f"v{version}.db")
    before = _user_data_hash(path)
    assert not _has_table(path)
    Tracker.open(path, user="alice").close()
    assert _version(path) == str(schema.SCHEMA_VERSION)
    assert _has_table(path)
    assert _user_data_hash(path) == before
    service = Tracker.open(path, user="alice")
    try:
        service.save_template(name="After the upgrade", settings=TemplateSettings(title="T"))
        assert [t.settings.title for t in service.templates()] == ["T"]
    finally:
        service.close()


def test_a_new_database_has_the_templates(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Tracker.open(path).close()
    assert _has_table(path)
