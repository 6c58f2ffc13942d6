"""Replaying the audit trail reproduces every stored engagement, so ``tracker check``
names the first engagement changed behind the program's back.

Runs on both backends (``tmp_db_url``); the CLI test drives ``tracker check`` in a
subprocess on an SQLite file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from tracker.domain.interchange import FORMAT, data_to_json
from tracker.services import Tracker


@pytest.fixture
def demo(tmp_db_url: str) -> Iterator[Tracker]:
    service = Tracker.open(tmp_db_url, user="alice")
    service.load_demo()
    yield service
    service.close()


def behind_the_back(url: str, *statements: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.exec_driver_sql(statement)
    finally:
        engine.dispose()


def problems(service: Tracker) -> tuple[str, ...]:
    return service.check().problems


def test_a_direct_update_of_a_stored_field_is_named(demo: Tracker, tmp_db_url: str) -> None:
    target = demo.get(engagement_id="demo-nato-openai")
    assert target.data.marking == "NATO UNCLASSIFIED"
    behind_the_back(tmp_db_url, f"UPDATE engagement SET marking = 'PUBLIC' WHERE id = {target.id}")
    (problem,) = problems(demo)
    assert problem.startswith(f'engagement {target.id} "{target.data.title}"'), problem
    assert "stored marking differs from its audit trail" in problem


def test_an_edited_child_row_is_named(demo: Tracker, tmp_db_url: str) -> None:
    target = demo.get(engagement_id="demo-nato-openai")
    assert target.data.concerns
    behind_the_back(
        tmp_db_url,
        f"UPDATE concern SET text = 'Nothing to worry about' WHERE engagement_id = {target.id}",
    )
    (problem,) = problems(demo)
    assert f"engagement {target.id} " in problem and "stored concerns differ" in problem


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("UPDATE engagement SET deleted_at = '2026-01-01T00:00:00Z' WHERE id = {id}", "trash"),
        ("UPDATE engagement SET version = version + 1 WHERE id = {id}", "at version"),
        ("UPDATE engagement SET uid = 'someone-else' WHERE id = {id}", "stable id"),
        ("UPDATE organisation SET name = 'Nobody' WHERE name = 'OpenAI'", "stored vendor"),
        ("DELETE FROM engagement_tag WHERE engagement_id = {id}", "stored tags"),
        ("UPDATE restriction SET code = 'gone' WHERE id = 1", "stored restrictions"),
        ("UPDATE engagement SET status = 'bogus' WHERE id = {id}", "cannot be read"),
    ],
    ids=["trashed", "version", "uid", "organisation", "tags", "restriction-code", "unreadable"],
)
def test_other_changes_behind_the_back_are_named(
    demo: Tracker, tmp_db_url: str, statement: str, expected: str
) -> None:
    first = min(demo.list_ids())
    behind_the_back(tmp_db_url, statement.format(id=first))
    found = problems(demo)
    assert len(found) == 1 and expected in found[0], found


def test_an_engagement_inserted_behind_the_back_has_no_creating_entry(
    demo: Tracker, tmp_db_url: str
) -> None:
    columns = (
        "title, title_key, vendor_id, counterpart_id, region, status, confidence, marking, "
        "summary, started, started_from, started_to, follow_up, follow_up_from, follow_up_to, "
        "next_step, owner, version, created_at, updated_at, deleted_at"
    )
    behind_the_back(
        tmp_db_url,
        f"INSERT INTO engagement (uid, {columns}) SELECT 'smuggled', {columns} FROM engagement "
        "WHERE uid = 'demo-nato-openai'",
    )
    smuggled = demo.get(engagement_id="smuggled")
    found = [p for p in problems(demo) if "creating entry" in p]
    assert found and found[0].startswith(f"engagement {smuggled.id} "), found


def test_every_route_that_writes_keeps_the_trail_replayable(demo: Tracker) -> None:
    nato = demo.get(engagement_id="demo-nato-openai")
    demo.update(
        engagement_id=nato.id,
        expected_version=nato.version,
        changes={"status": "agreed", "tags": ["x", "y"], "concerns": [], "region": None},
    )
    demo.delete(engagement_id=nato.id)
    demo.restore(engagement_id=nato.id)
    demo.delete(engagement_id="demo-dod-openai")
    document = demo.export_document()
    for obj in document["engagements"]:
        obj["summary"] += " (imported again)"
    # A new engagement naming existing organisations in another spelling, and retitling
    # a catalogued restriction for everyone who has it.
    restriction = dict(document["engagements"][0]["restrictions"][0])
    restriction["title"] = "Retitled by a later file"
    new = {
        **{k: v for k, v in document["engagements"][1].items() if k != "id"},
        "title": "Spelled differently",
        "vendor": "  openai ",
        "counterpart": "nato",
        "restrictions": [restriction],
    }
    demo.import_document(
        document={"format": FORMAT, "engagements": [*document["engagements"], new]}
    )
    demo.create(data={**new, "title": "Created one by one", "vendor": "OPENAI"})
    rows = [data_to_json(e.data, uid=e.uid) for e in demo.get_many(ids=demo.list_ids())]
    for row in rows:
        row["owner"] = "Flat file owner"
    demo.import_flat_rows(rows=rows)
    report = demo.check()
    assert report.ok and not report.warnings, report


def test_the_creating_entry_records_the_engagement_as_stored(demo: Tracker) -> None:
    made = demo.create(
        data={"title": "Whole", "vendor": "openai", "counterpart": "Nato", "status": "exploratory"}
    ).engagement
    (entry,) = demo.history(engagement_id=made.id)
    assert entry.new is not None
    assert json.loads(entry.new) == data_to_json(made.data, uid=made.uid)
    assert json.loads(entry.new)["vendor"] == "OpenAI", "the stored spelling"


def test_check_names_the_engagement_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    service = Tracker.open(path, user="alice")
    service.load_demo()
    target = service.get(engagement_id="demo-dod-openai")
    service.close()
    behind_the_back(
        f"sqlite:///{path}", f"UPDATE engagement SET marking = 'PUBLIC' WHERE id = {target.id}"
    )
    env = {k: v for k, v in os.environ.items() if k != "TRACKER_DB"}
    result = subprocess.run(
        [sys.executable, "-m", "tracker", "--db", str(path), "check"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    (problem,) = [line for line in result.stdout.splitlines() if line.startswith("problem:")]
    assert f"engagement {target.id} " in problem and "marking" in problem, problem
    assert "Traceback" not in result.stderr
