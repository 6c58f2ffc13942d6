"""The upgrade to schema 5: the unkeyed chain is checked, the trail re-sealed with a key,
and every engagement gets a baseline entry so that old data replays too."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.db.test_schema import OLD_VERSIONS, _load_fixture
from tracker.domain.interchange import data_to_json
from tracker.domain.model import Filters
from tracker.services import Tracker


@pytest.fixture
def keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "keys"
    monkeypatch.setenv("TRACKER_AUDIT_KEY_DIR", str(folder))
    return folder


# The versions before keyed seals and baselines (schema 5): those the upgrade re-seals.
UNKEYED_VERSIONS = tuple(v for v in OLD_VERSIONS if v < 5)


@pytest.mark.parametrize("version", UNKEYED_VERSIONS)
def test_every_engagement_gets_a_baseline_and_the_trail_a_key(
    tmp_path: Path, keys: Path, version: int
) -> None:
    path = _load_fixture(version, tmp_path / f"v{version}.db")
    conn = sqlite3.connect(path)
    entries_before = conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    conn.close()

    service = Tracker.open(path)
    try:
        report = service.check()
        assert report.ok and not report.warnings, report
        ids = service.list_ids() + service.list_ids(filters=Filters(trash=True))
        engagements = service.get_many(ids=ids)
        for e in engagements:
            baseline = service.history(engagement_id=e.id)[0]  # the newest entry
            assert (baseline.action, baseline.field, baseline.version) == (
                "baseline",
                "engagement",
                e.version,
            )
            assert baseline.new is not None
            assert json.loads(baseline.new) == data_to_json(e.data, uid=e.uid)
            assert baseline.recorded_title == e.data.title
    finally:
        service.close()

    conn = sqlite3.connect(path)
    total, sealed = conn.execute(
        "SELECT (SELECT count(*) FROM audit), (SELECT count(*) FROM audit_seal)"
    ).fetchone()
    kids = {k for (k,) in conn.execute("SELECT DISTINCT key_id FROM audit_seal")}
    conn.close()
    assert total == sealed == entries_before + len(engagements)
    assert {p.stem for p in keys.glob("*/*.key")} == kids and len(kids) == 1


def test_a_chain_broken_before_the_upgrade_stays_reported(tmp_path: Path, keys: Path) -> None:
    path = _load_fixture(4, tmp_path / "v4.db")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE audit SET who = 'mallory' WHERE id = 2")
    conn.commit()
    conn.close()

    service = Tracker.open(path)
    try:
        (problem,) = service.check().problems
        assert "already broken when it was upgraded to schema 5" in problem
        assert "audit entry 2 does not match its seal" in problem
    finally:
        service.close()


def test_old_data_replays_after_the_upgrade(tmp_path: Path, keys: Path) -> None:
    path = _load_fixture(4, tmp_path / "v4.db")
    Tracker.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE engagement SET marking = 'PUBLIC' WHERE uid = 'demo-nato-openai'")
    conn.commit()
    conn.close()
    service = Tracker.open(path)
    try:
        (problem,) = service.check().problems
        assert "stored marking differs from its audit trail" in problem
    finally:
        service.close()
