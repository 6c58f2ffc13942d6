"""``tracker edit`` on many engagements, in a subprocess as a user types it: ids,
``--where`` with the list's filters, ``--dry-run``, and bad input (exit 1, one line,
nothing written)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.tracker.cli.test_cli import ok, one_line_error, run_cli

CODE = "no-mass-domestic-surveillance"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "tracker.db"
    ok(run_cli(path, "demo"))
    return path


def listed(db: Path, *args: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(ok(run_cli(db, "list", *args, "--format", "json")))
    return rows


def shown(db: Path, ref: str) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(ok(run_cli(db, "show", ref, "--format", "json")))
    return found


def versions(db: Path) -> dict[int, int]:
    return {row["id"]: row["version"] for row in listed(db)}


def test_edit_several_ids_sets_adds_removes_and_sets_a_stance(db: Path) -> None:
    first = shown(db, "1")
    tag = first["tags"][0]
    proc = run_cli(
        db,
        "edit",
        "1,2,3",
        "--set",
        "status=paused",
        "--set",
        "owner=Desk B",
        "--add-tag",
        "bulk-x",
        "--remove-tag",
        tag,
        "--set-stance",
        f"{CODE}=agreed",
    )
    ok(proc)
    assert "changed 3 engagements" in proc.stderr
    for ref in ("1", "2", "3"):
        e = shown(db, ref)
        assert (e["status"], e["owner"]) == ("paused", "Desk B")
        assert "bulk-x" in e["tags"] and tag not in e["tags"]
        assert {r["code"]: r["stance"] for r in e["restrictions"]}[CODE] == "agreed"
        assert e["status_history"][-1]["status"] == "paused"
    history = ok(run_cli(db, "history", "2"))
    assert "owner" in history and "status" in history
    ok(run_cli(db, "check"))


def test_edit_where_takes_the_list_filters(db: Path) -> None:
    status = shown(db, "1")["status"]
    matching = {row["id"] for row in listed(db, "--status", status)}
    proc = run_cli(db, "edit", "--where", "--status", status, "--set", "owner=Desk W")
    ok(proc)
    assert {row["id"] for row in listed(db, "--owner", "Desk W")} == matching


def test_dry_run_prints_field_by_field_and_writes_nothing(db: Path) -> None:
    before = versions(db)
    old_owner = shown(db, "1")["owner"]
    out = ok(run_cli(db, "edit", "1,2", "--set", "owner=Desk D", "--dry-run"))
    assert 'engagement 1 "' in out and 'engagement 2 "' in out
    assert f'Owner: "{old_owner}" -> "Desk D"' in out
    assert "would change 2 engagements" in out and "nothing written" in out
    where = ok(
        run_cli(db, "edit", "--where", "--search", "NATO", "--set", "status=ended", "--dry-run")
    )
    assert "Status:" in where and "-> ended" in where
    assert versions(db) == before


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (("--set", "status=pausd"), ("bulk edit", "status", "pausd")),
        (("--set", "marking=SECRET"), ("bulk edit", "marking", "SECRET")),
        (("--set", "follow_up=31 feb"), ("bulk edit", "follow_up")),
        (("--set", "title=x"), ("bulk edit", "title", "cannot be set")),
        (("--set-stance", "nope=agreed"), ("bulk edit", "restrictions.nope")),
        (("--set-stance", f"{CODE}=maybe"), ("bulk edit", f"restrictions.{CODE}")),
    ],
)
def test_a_bad_value_is_one_line_exit_1_and_nothing_written(
    db: Path, args: tuple[str, ...], needles: tuple[str, ...]
) -> None:
    before = versions(db)
    one_line_error(run_cli(db, "edit", "1,2", *args), *needles)
    assert versions(db) == before


def test_unknown_ids_and_no_match_are_refused(db: Path) -> None:
    before = versions(db)
    one_line_error(run_cli(db, "edit", "1,99", "--set", "owner=x"), "no engagement 99")
    one_line_error(
        run_cli(db, "edit", "--where", "--search", "zzznothing", "--set", "owner=x"),
        "no engagement matches",
    )
    assert versions(db) == before


@pytest.mark.parametrize(
    "args",
    [
        ("1,2",),
        ("--status", "active", "--set", "owner=x"),
        ("1,2", "--where", "--set", "owner=x"),
        ("1,2", "--set", "owner=x", "--expect-version", "1"),
        ("1,2", "--set-stance", "no-equals"),
    ],
    ids=["nothing-to-set", "filters-without-where", "ids-and-where", "expect-version", "stance"],
)
def test_bad_usage_exits_2(db: Path, args: tuple[str, ...]) -> None:
    proc: subprocess.CompletedProcess[str] = run_cli(db, "edit", *args)
    assert proc.returncode == 2, proc.stderr
