"""``tracker changes`` and ``tracker brief --since/--since-briefing``, in subprocesses."""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.tracker.cli.test_cli import ok, one_line_error, run_cli
from tracker.cli.changes import KEYS
from tracker.services import Tracker
from tracker.services.base import utc_today

TODAY = utc_today()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "changes.db"
    service = Tracker.open(path, user="alice")
    try:
        service.load_demo()
        current = service.get(engagement_id=1)
        service.update(
            engagement_id=1,
            expected_version=current.version,
            changes={"status": "negotiating", "tags": [*current.data.tags, "brussels"]},
        )
        service.delete(engagement_id=3)
    finally:
        service.close()
    return path


def test_text_groups_the_changes_by_engagement_in_words(db: Path) -> None:
    out = ok(run_cli(db, "changes", "--since", TODAY.isoformat()))
    assert out.startswith("Changes since ")
    blocks = out.split("\n\n")
    assert blocks[1].startswith("#1  NATO exploratory talks")
    assert "alice  v2  Status: Exploratory → Negotiating" in blocks[1]
    assert "Tags: added tag brussels" in blocks[1]
    assert "Engagement: imported" in blocks[1]
    assert '["' not in out and '{"' not in out  # never raw JSON
    assert "#3" not in out  # in the trash now: not in the live list


def test_json_has_the_documented_keys_and_items(db: Path) -> None:
    found = json.loads(ok(run_cli(db, "changes", "--since", "2000", "--format", "json")))
    assert all(set(KEYS) <= set(item) for item in found)
    status = next(i for i in found if i["field"] == "status")
    assert (status["engagement"], status["id"]) == (1, "demo-nato-openai")
    assert (status["old"], status["new"], status["who"]) == ("exploratory", "negotiating", "alice")
    tags = next(i for i in found if i["field"] == "tags")
    assert tags["new"] == ["brussels"] and tags["changes"][0]["change"] == "added"
    created = next(i for i in found if i["field"] == "engagement")
    assert (created["old"], created["new"]) == (None, "imported")


def test_csv_and_filters_and_the_trash(db: Path) -> None:
    rows = list(
        csv.DictReader(
            io.StringIO(ok(run_cli(db, "changes", "--since", "2000", "--format", "csv", "--trash")))
        )
    )
    assert {r["engagement"] for r in rows} == {"3"}
    assert rows[0]["text"] == "Trash: moved to the trash"
    only = json.loads(
        ok(run_cli(db, "changes", "--since", "2000", "--status", "negotiating", "--format", "json"))
    )
    assert {i["engagement"] for i in only} == {1}


def test_since_briefing_is_after_the_latest_or_the_given_briefing(db: Path) -> None:
    ok(run_cli(db, "brief", "--out", str(db.with_name("one.pdf"))))
    assert ok(run_cli(db, "changes", "--since-briefing")).startswith("No changes since briefing 1")
    ok(run_cli(db, "--user", "bob", "edit", "2", "--set", "next_step=Call"))
    latest = json.loads(ok(run_cli(db, "changes", "--since-briefing", "--format", "json")))
    assert [(i["engagement"], i["field"], i["who"]) for i in latest] == [(2, "next_step", "bob")]
    assert json.loads(ok(run_cli(db, "changes", "--since-briefing", "1", "--format", "json")))


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("--since", "someday"), "--since"),
        (("--since", (TODAY + datetime.timedelta(days=3)).isoformat()), "--since"),
        (("--since", "2026-03-05", "--until", "2026-03-01"), "--until"),
        (("--since-briefing", "7"), "--since-briefing"),
        (("--since-briefing",), "--since-briefing"),
    ],
)
def test_bad_input_is_one_line_naming_the_option(
    db: Path, args: tuple[str, ...], needle: str
) -> None:
    one_line_error(run_cli(db, "changes", *args), needle)
    if "--until" in args:  # brief has no --until
        return
    out = db.with_name("never.pdf")
    one_line_error(run_cli(db, "brief", "--out", str(out), *args), needle)
    assert not out.exists()


def test_brief_since_adds_the_section_for_the_engagements_included(db: Path) -> None:
    out = db.with_name("since.pdf")
    ok(
        run_cli(
            db, "brief", "--out", str(out), "--since", TODAY.isoformat(), "--status", "negotiating"
        )
    )
    pages = [p.extract_text() for p in PdfReader(out).pages]
    section = next(t for t in pages if "Changes since" in t and "Exploratory → Negotiating" in t)
    assert "alice" in section and "added tag brussels" in section
    assert "U.S. Department of Defense" not in section  # not in the briefing
    plain = db.with_name("plain.pdf")
    ok(run_cli(db, "brief", "--out", str(plain)))
    assert not any("Changes since" in p.extract_text() for p in PdfReader(plain).pages)
