"""``tracker briefings``: the register after ``tracker brief``, and ``--verify FILE.pdf``,
driven in subprocesses (on SQLite, or the server under test)."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

from tests.tracker.cli.test_cli import USER, ok, one_line_error, run_cli
from tracker.cli.register import EMPTY

KEYS = {
    "id",
    "at",
    "who",
    "title",
    "marking",
    "engagement_count",
    "selection",
    "file_name",
    "sha256",
    "revision",
    "audit_seal",
}


def tracker(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(None, "--db", url, *args)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_empty_register_says_so(tmp_db_url: str, tmp_path: Path) -> None:
    assert ok(tracker(tmp_db_url, "briefings")) == EMPTY + "\n"
    assert EMPTY.lower() == "no briefing has been recorded yet."
    assert json.loads(ok(tracker(tmp_db_url, "briefings", "--format", "json"))) == []
    missing = tmp_path / "missing.pdf"
    one_line_error(tracker(tmp_db_url, "briefings", "--verify", str(missing)), "no such file")


def test_briefings_lists_what_brief_wrote_and_verify_tells_the_file(
    tmp_db_url: str, tmp_path: Path
) -> None:
    ok(tracker(tmp_db_url, "demo"))
    first, second = tmp_path / "north-america.pdf", tmp_path / "chosen.pdf"
    chosen = ("--region", "North America", "--status", "agreed", "--status", "negotiating")
    ok(tracker(tmp_db_url, "brief", "--out", str(first), *chosen, "--sort", "updated_at"))
    ok(tracker(tmp_db_url, "brief", "--out", str(second), "--ids", "1,4", "--title", "Two"))

    lines = ok(tracker(tmp_db_url, "briefings")).splitlines()
    assert lines[0].split() == ["#", "WHEN", "WHO", "TITLE", "MARKING", "ENG.", "FILE", "SHA-256"]
    # The latest first, each row followed by its selection in words.
    assert lines[1].startswith("2 ") and lines[3].startswith("1 ")
    for line, path, title, count in (
        (lines[1], second, "Two", "2"),
        (lines[3], first, "AI engagements briefing", "1"),
    ):
        assert f" {USER} " in line and f" {title} " in line and f" {count} " in line
        assert line.split()[-2:] == [path.name, sha256(path)[:12]]
        assert line.index(USER) == lines[0].index("WHO")  # the columns line up
    assert lines[2].strip() == "2 chosen engagements: 1, 4 · sorted by title"
    assert lines[4].strip() == (
        "Status: Agreed or Negotiating · Region: North America · sorted by last change"
    )
    assert len(lines) == 5

    records = json.loads(ok(tracker(tmp_db_url, "briefings", "--format", "json")))
    assert [set(r) for r in records] == [KEYS, KEYS]
    assert [(r["id"], r["sha256"], r["file_name"]) for r in records] == [
        (2, sha256(second), second.name),
        (1, sha256(first), first.name),
    ]
    assert records[0]["selection"] == {"filters": {"ids": [1, 4]}, "sort": "title"}
    assert records[1]["selection"]["filters"] == {
        "statuses": ["agreed", "negotiating"],
        "regions": ["North America"],
    }
    assert records[1]["who"] == USER and records[1]["audit_seal"]

    copy = tmp_path / "on someone's desk.pdf"
    copy.write_bytes(first.read_bytes())
    said = ok(tracker(tmp_db_url, "briefings", "--verify", str(copy)))
    when = records[1]["at"][:16].replace("T", " ")
    assert said == f"briefing 1, written {when} UTC by {USER}: AI engagements briefing\n"
    as_json = json.loads(
        ok(tracker(tmp_db_url, "briefings", "--verify", str(copy), "--format", "json"))
    )
    assert as_json == records[1]

    copy.write_bytes(first.read_bytes() + b"\n")  # one byte more: another file
    proc = tracker(tmp_db_url, "briefings", "--verify", str(copy))
    one_line_error(proc, str(copy), "no recorded briefing has this content")
    assert proc.stdout == ""
