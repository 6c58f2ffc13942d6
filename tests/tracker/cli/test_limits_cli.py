"""Limits, control characters and user names on the command line (issue 19, points 4
and 5), in subprocesses: every refusal is exit 1 with one line on stderr naming the
record and field, nothing written; no escape sequence stored in a record reaches the
terminal through ``show``, ``list`` or ``history``; a ``--user`` with a line break is
refused."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from tests.tracker.cli.test_cli import ok, one_line_error, run_cli, show_json, write_json
from tracker.domain import limits
from tracker.domain.interchange import FORMAT

ESC = "\x1b"
HOSTILE = "Talks\x1b[2J\x1b]0;owned\x07\x9b31m over\nlines"


def minimal(**extra: Any) -> dict[str, Any]:
    return {"title": "Big", "vendor": "V", "counterpart": "C", "status": "agreed", **extra}


def document(*engagements: dict[str, Any]) -> dict[str, Any]:
    return {"format": FORMAT, "engagements": list(engagements)}


def engagement_count(db: Path) -> int:
    return len(json.loads(ok(run_cli(db, "export")))["engagements"])


def test_an_oversized_summary_is_refused_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "tracker.db"
    ok(run_cli(db, "import", str(write_json(tmp_path / "ok.json", document(minimal(id="ok"))))))
    over = write_json(tmp_path / "big.json", document(minimal(summary="s" * (limits.TEXT + 1))))
    one_line_error(
        run_cli(db, "import", str(over)),
        'engagement #1 "Big", summary: is 1,000,001 characters long; at most 1,000,000',
    )
    one_line_error(
        run_cli(db, "edit", "ok", "--set", f"title={'t' * (limits.LINE + 1)}"),
        'engagement 1 "Big", title: is 1,001 characters long; at most 1,000 are allowed',
    )
    assert engagement_count(db) == 1
    assert show_json(db, "ok")["title"] == "Big"


def test_nesting_and_long_numbers_are_one_line(tmp_path: Path) -> None:
    db = tmp_path / "tracker.db"
    deep = tmp_path / "deep.json"
    deep.write_text('{"format": "engagement-tracker/1", "engagements": ' + "[" * 50_000)
    one_line_error(run_cli(db, "import", str(deep)), f"{deep}: is nested too deeply")
    digits = tmp_path / "digits.json"
    digits.write_text(json.dumps(document(minimal())).replace('"Big"', "9" * 5000))
    one_line_error(run_cli(db, "import", str(digits)), f"{digits}: holds a number of 5,000 digits")
    ok(run_cli(db, "import", str(write_json(tmp_path / "one.json", document(minimal(id="a"))))))
    one_line_error(
        run_cli(db, "edit", "a", "--set", "tags=" + "[" * 50_000),
        "--set tags: is nested too deeply",
    )
    assert engagement_count(db) == 1


def test_a_long_summary_goes_out_and_back_in_as_csv(tmp_path: Path) -> None:
    source, target = tmp_path / "source.db", tmp_path / "target.db"
    summary = ('A "quoted" summary, with commas,\nand lines. ' * 30_000)[: limits.TEXT]
    ok(
        run_cli(
            source,
            "import",
            str(write_json(tmp_path / "a.json", document(minimal(id="long", summary=summary)))),
        )
    )
    exported = tmp_path / "out.csv"
    ok(run_cli(source, "export", "--format", "csv", "--out", str(exported)))
    ok(run_cli(target, "import", str(exported)))
    assert show_json(target, "long")["summary"] == summary


def test_a_csv_cell_over_the_field_limit_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "tracker.db"
    csv_file = tmp_path / "long.csv"
    csv_file.write_text(
        "title,vendor,counterpart,status,summary\r\n"
        f'Big,V,C,agreed,"{"s" * (limits.TEXT + 1)}"\r\n',
        encoding="utf-8",
    )
    one_line_error(
        run_cli(db, "import", str(csv_file)),
        f"{csv_file} line 2: a cell holds more than 1,000,000 characters",
    )
    assert engagement_count(db) == 0


def test_too_many_engagements_are_refused_in_one_line(tmp_path: Path) -> None:
    """(That the count is refused before the write lock: see the services' test_limits;
    on the command line, opening the database takes the lock a moment by itself.)"""
    db = tmp_path / "tracker.db"
    ok(run_cli(db, "import", str(write_json(tmp_path / "one.json", document(minimal(id="a"))))))
    many = [minimal(id=f"e{i}") for i in range(limits.FILE_ENGAGEMENTS + 1)]
    too_many = write_json(tmp_path / "many.json", document(*many))
    one_line_error(
        run_cli(db, "import", str(too_many)),
        f"{too_many}: holds 10,001 engagements; at most 10,000 are allowed in one file "
        "(split it into several)",
    )
    rows = tmp_path / "many.csv"
    rows.write_text(
        "id,title,vendor,counterpart,status\n"
        + "".join(f"r{i},t,v,c,agreed\n" for i in range(limits.FILE_ENGAGEMENTS + 1)),
        encoding="utf-8",
    )
    one_line_error(run_cli(db, "import", str(rows)), f"{rows}: holds 10,001 engagements")
    assert engagement_count(db) == 1


def test_no_escape_sequence_reaches_the_terminal(tmp_path: Path) -> None:
    db = tmp_path / "tracker.db"
    item = minimal(id="esc", title=HOSTILE, summary=HOSTILE, owner=HOSTILE)
    ok(run_cli(db, "import", str(write_json(tmp_path / "esc.json", document(item)))))
    stored = show_json(db, "esc")
    assert stored["title"] == "Talks[2J]0;owned31m over lines"  # stripped on the way in
    assert stored["summary"] == "Talks[2J]0;owned31m over\nlines"
    # Text stored before the rule (or written behind the app's back) is stripped on
    # the way out.
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE engagement SET title = ?", (HOSTILE,))
        conn.execute(
            "UPDATE audit SET who = ?, new = ?",
            ("eve\n2026-01-01T00:00:00Z  v9  admin  update  marking", HOSTILE),
        )
    conn.close()
    for command in (("show", "esc"), ("list",), ("history", "esc")):
        out = ok(run_cli(db, *command))
        assert ESC not in out and "\x07" not in out and "\x9b" not in out, command
        assert "Talks[2J]0;owned31m over" in out, command
    history = ok(run_cli(db, "history", "esc")).splitlines()
    assert not any(line.startswith("2026-01-01T00:00:00Z") for line in history)
    assert any(" eve 2026-01-01T00:00:00Z  v9  admin" in line for line in history)
    shown = ok(run_cli(db, "show", "esc")).splitlines()
    assert shown[0] == "Talks[2J]0;owned31m over lines"


def test_a_user_name_with_a_line_break_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "tracker.db"
    for command in ("list", "gui", "demo"):
        one_line_error(
            run_cli(db, "--user", "a\nb", command),
            'the user name "a\\nb" (--user): must not contain control characters or line breaks',
        )
    one_line_error(
        run_cli(db, "list", env={"TRACKER_USER": "eve\x1b[2K"}),
        'the user name "eve\\x1b[2K" (TRACKER_USER): must not contain control characters',
    )
    assert not db.exists()
    ok(run_cli(db, "--user", "  ana  ", "demo"))
    history = ok(run_cli(db, "history", "demo-nato-openai"))
    assert "  ana  import" in history
