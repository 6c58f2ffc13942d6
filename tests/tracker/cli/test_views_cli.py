"""``tracker views`` and ``--view NAME``, driven in subprocesses (on SQLite, or the
server under test): listing, saving, renaming, sharing, deleting; a view applied to
list, stats, export, brief, changes and due, narrowed by the options beside it; an
unknown view; a view naming what is gone; views travelling in an export."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.tracker.cli.test_cli import ok, one_line_error, run_cli
from tracker.cli.views import EMPTY


def tracker(url: str, *args: str, user: str = "alice") -> subprocess.CompletedProcess[str]:
    return run_cli(None, "--db", url, "--user", user, *args)


def listed(url: str, *args: str) -> list[int]:
    return [row["id"] for row in json.loads(ok(tracker(url, "list", "--format", "json", *args)))]


def test_views_lists_saves_renames_shares_and_deletes(tmp_db_url: str) -> None:
    assert ok(tracker(tmp_db_url, "views")) == EMPTY + "\n"
    assert json.loads(ok(tracker(tmp_db_url, "views", "--format", "json"))) == []
    saved = tracker(tmp_db_url, "views", "save", "Active", "--status", "active", "--shared")
    assert ok(saved) == "" and saved.stderr == 'tracker: saved view "Active"\n'
    (view,) = json.loads(ok(tracker(tmp_db_url, "views", "--format", "json")))
    assert (view["name"], view["owner"], view["shared"]) == ("Active", "alice", True)
    assert view["filters"] == {"statuses": ["active"]} and view["view"] == "table"
    lines = ok(tracker(tmp_db_url, "views")).splitlines()
    assert lines[0].split() == ["NAME", "OWNER", "SEEN", "BY", "WHAT"]
    assert lines[1].split()[:3] == ["Active", "alice", "shared"]
    assert "Status: Active" in lines[1]
    assert [
        v["name"]
        for v in json.loads(ok(tracker(tmp_db_url, "views", "--format", "json", user="bob")))
    ] == ["Active"]
    one_line_error(tracker(tmp_db_url, "views", "delete", "Active", user="bob"), "only its owner")
    ok(tracker(tmp_db_url, "views", "share", "active", "--private"))
    assert ok(tracker(tmp_db_url, "views", user="bob")) == EMPTY + "\n"
    ok(tracker(tmp_db_url, "views", "rename", "active", "Live"))
    history = ok(tracker(tmp_db_url, "views", "history", "Live")).splitlines()
    assert [line.split()[2] for line in history[1:]] == ["created", "updated", "renamed"]
    one_line_error(
        tracker(tmp_db_url, "views", "save", "live", "--status", "paused"),
        'the saved view "live", name: you have a view of that name already',
    )
    ok(tracker(tmp_db_url, "views", "save", "live", "--status", "paused", "--replace"))
    ok(tracker(tmp_db_url, "views", "delete", "Live"))
    assert ok(tracker(tmp_db_url, "views")) == EMPTY + "\n"


def test_view_applies_its_filters_and_order_and_options_narrow_it(tmp_db_url: str) -> None:
    ok(tracker(tmp_db_url, "demo"))
    ok(
        tracker(
            tmp_db_url, "views", "save", "US", "--search", "Department", "--sort", "id", "--desc"
        )
    )
    by_hand = listed(tmp_db_url, "--search", "Department", "--sort", "id", "--desc")
    assert len(by_hand) >= 2
    assert listed(tmp_db_url, "--view", "us") == by_hand
    assert listed(tmp_db_url, "--view", "US", "--sort", "id") == sorted(by_hand)
    narrowed = listed(tmp_db_url, "--view", "US", "--vendor", "OpenAI")
    assert narrowed == listed(
        tmp_db_url, "--search", "Department", "--vendor", "OpenAI", "--sort", "id", "--desc"
    )
    assert 0 < len(narrowed) < len(by_hand)
    stats = json.loads(
        ok(tracker(tmp_db_url, "stats", "--view", "US", "--by", "status", "--format", "json"))
    )
    assert stats == json.loads(
        ok(
            tracker(
                tmp_db_url, "stats", "--search", "Department", "--by", "status", "--format", "json"
            )
        )
    )
    exported = json.loads(ok(tracker(tmp_db_url, "export", "--view", "US")))
    assert len(exported["engagements"]) == len(by_hand)
    for command in (("due",), ("changes", "--since", "2000-01-01")):
        assert ok(tracker(tmp_db_url, *command, "--view", "US")) == ok(
            tracker(tmp_db_url, *command, "--search", "Department")
        )


def test_brief_takes_a_view(tmp_db_url: str, tmp_path: Path) -> None:
    ok(tracker(tmp_db_url, "demo"))
    ok(tracker(tmp_db_url, "views", "save", "OpenAI", "--vendor", "OpenAI"))
    out = tmp_path / "brief.pdf"
    ok(tracker(tmp_db_url, "brief", "--view", "OpenAI", "--out", str(out)))
    (record,) = json.loads(ok(tracker(tmp_db_url, "briefings", "--format", "json")))
    assert record["selection"]["filters"] == {"vendor": "OpenAI"}


def test_an_unknown_view_is_one_line_naming_it(tmp_db_url: str) -> None:
    for command in ("list", "stats", "export", "due"):
        one_line_error(
            tracker(tmp_db_url, command, "--view", "No such"),
            'the saved view "No such": no such saved view',
        )


def test_options_that_keep_nothing_beside_the_view_are_refused(tmp_db_url: str) -> None:
    ok(tracker(tmp_db_url, "views", "save", "Active", "--status", "active"))
    one_line_error(
        tracker(tmp_db_url, "list", "--view", "Active", "--status", "paused"),
        "--status: keeps nothing beside the view's own status filter",
    )


def test_a_view_naming_a_deleted_code_opens_with_a_warning(tmp_db_url: str) -> None:
    ok(tracker(tmp_db_url, "demo"))
    ok(
        tracker(
            tmp_db_url, "views", "save", "Gone", "--restriction", "NO-SUCH", "--vendor", "OpenAI"
        )
    )
    proc = tracker(tmp_db_url, "list", "--view", "Gone", "--format", "json")
    assert [r["id"] for r in json.loads(ok(proc))] == listed(tmp_db_url, "--vendor", "OpenAI")
    assert proc.stderr == (
        'tracker: warning: view "Gone" left out restriction NO-SUCH (no longer in the catalogue)\n'
    )


def test_export_carries_the_views_and_import_restores_them(tmp_db_url: str, tmp_path: Path) -> None:
    ok(tracker(tmp_db_url, "demo"))
    ok(tracker(tmp_db_url, "views", "save", "Travels", "--status", "active", "--show", "timeline"))
    exported = tmp_path / "all.json"
    ok(tracker(tmp_db_url, "export", "--out", str(exported)))
    assert [v["name"] for v in json.loads(exported.read_text())["views"]] == ["Travels"]
    other = f"sqlite:///{tmp_path / 'other.db'}"
    imported = tracker(other, "import", str(exported), user="carol")
    ok(imported)
    (view,) = json.loads(ok(tracker(other, "views", "--format", "json", user="carol")))
    assert (view["name"], view["owner"], view["view"]) == ("Travels", "carol", "timeline")
    again = tracker(other, "import", str(exported), user="carol")
    assert (
        'tracker: saved view "Travels": you have it already, left as it is'
        in ok(again) + again.stderr
    )
