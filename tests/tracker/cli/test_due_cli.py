"""``tracker due``, ``--stale`` and ``tracker brief --due``, driven in subprocesses.

The database is written once per module, in-process, with follow-ups counted from
today (UTC) and some engagements last changed 100 days ago (the store's clock set
back while they are written); the commands then run as a user runs them.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from db import store
from tests.tracker.cli.test_cli import ok, one_line_error, run_cli
from tracker.cli.follow_ups import KEYS
from tracker.services import Tracker
from tracker.services.base import utc_today

TODAY = utc_today()
DAY = datetime.timedelta(days=1)


def _previous_quarter() -> tuple[str, datetime.date]:
    """The quarter before today's, as canonical text, and the day before today's began."""
    first_month = 3 * ((TODAY.month - 1) // 3) + 1
    began = datetime.date(TODAY.year, first_month, 1)
    last = began - DAY
    return f"{last.year}-Q{(last.month - 1) // 3 + 1}", last


QUARTER, QUARTER_END = _previous_quarter()


def _record(title: str, status: str, follow_up: str | datetime.date | None) -> dict[str, Any]:
    if isinstance(follow_up, datetime.date):
        follow_up = follow_up.isoformat()
    return {
        "title": title,
        "vendor": "OpenAI",
        "counterpart": "NATO",
        "status": status,
        "follow_up": follow_up,
    }


@pytest.fixture(scope="module")
def due_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("due") / "due.db"
    service = Tracker.open(db, user="cli-tester")
    try:
        with pytest.MonkeyPatch.context() as patch:
            long_ago = (TODAY - 100 * DAY).isoformat() + "T09:00:00.000000Z"
            patch.setattr(store, "utc_now", lambda: long_ago)
            service.create(data=_record("Forgotten", "active", TODAY - DAY))
            service.create(data=_record("Forgotten, no follow-up", "paused", None))
            service.create(data=_record("Old but ended", "ended", None))
        for record in (
            _record("Overdue by twelve", "negotiating", TODAY - 12 * DAY),
            _record("Last quarter", "agreed", QUARTER),
            _record("Ended, overdue", "ended", TODAY - 3 * DAY),
            _record("Due in five", "active", TODAY + 5 * DAY),
            _record("Due in twenty", "exploratory", TODAY + 20 * DAY),
            _record("No follow-up", "active", None),
        ):
            service.create(data=record)
    finally:
        service.close()
    return db


@pytest.fixture
def db(due_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "due.db"
    shutil.copy(due_db, copy)
    return copy


def due_json(db: Path, *args: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(ok(run_cli(db, "due", *args, "--format", "json")))
    return found


def titles(items: list[dict[str, Any]]) -> list[str]:
    return [item["title"] for item in items]


def test_due_lists_the_overdue_first_then_those_due_within_two_weeks(db: Path) -> None:
    out = ok(run_cli(db, "due"))
    lines = out.splitlines()
    # (days overdue, number, title): the longest overdue first, ties by number.
    overdue = sorted(
        [
            (1, 1, "Forgotten"),
            (12, 4, "Overdue by twelve"),
            ((TODAY - QUARTER_END).days, 5, "Last quarter"),
            (3, 6, "Ended, overdue"),
        ],
        key=lambda item: (-item[0], item[1]),
    )
    assert lines[0] == "Overdue: 4"
    assert lines[1].split() == ["ID", "DUE", "WHEN", "STATUS", "FOLLOW-UP", "TITLE"]
    for line, (days, _, title) in zip(lines[2:6], overdue, strict=True):
        assert line.endswith(title)
        assert f"overdue by {days} day{'s' if days != 1 else ''}" in line
    assert lines[6] == ""
    until = TODAY + 14 * DAY
    assert lines[7] == f"Due within 2 weeks, by {until.day} {until:%b %Y}: 1"
    assert "due in 5 days" in lines[9] and lines[9].endswith("Due in five")
    assert len(lines) == 10, out
    assert "Due in twenty" not in out and "No follow-up" not in out
    # The header's columns line up with the rows'.
    assert lines[2].index("overdue by") == lines[1].index("WHEN") == lines[9].index("due in")


def test_the_window_and_overdue_only(db: Path) -> None:
    assert titles(due_json(db, "--within", "1m"))[-2:] == ["Due in five", "Due in twenty"]
    assert titles(due_json(db, "--within", "30 days"))[-1] == "Due in twenty"
    assert "Due in five" not in titles(due_json(db, "--within", "3d"))
    overdue = ok(run_cli(db, "due", "--overdue"))
    assert overdue.startswith("Overdue: 4\n") and "Due within" not in overdue
    assert len(due_json(db, "--overdue")) == 4


def test_json_and_csv_give_every_key_in_order(db: Path) -> None:
    items = due_json(db)
    assert [list(item) for item in items] == [list(KEYS)] * len(items)
    assert [item["days"] for item in items] == sorted(item["days"] for item in items)
    twelve = next(item for item in items if item["title"] == "Overdue by twelve")
    assert twelve["days"] == -12 and twelve["overdue"] is True
    assert twelve["due"] == twelve["follow_up"] == (TODAY - 12 * DAY).isoformat()
    assert twelve["status"] == "negotiating" and isinstance(twelve["engagement"], int)
    quarter = next(item for item in items if item["title"] == "Last quarter")
    assert (quarter["follow_up"], quarter["due"]) == (QUARTER, QUARTER_END.isoformat())
    rows = list(csv.DictReader(io.StringIO(ok(run_cli(db, "due", "--format", "csv")))))
    assert [row["title"] for row in rows] == titles(items)
    assert rows[0].keys() == set(KEYS)
    assert {row["overdue"] for row in rows} == {"true", "false"}


def test_the_filters_of_list_apply(db: Path) -> None:
    assert titles(due_json(db, "--status", "active")) == ["Forgotten", "Due in five"]
    assert titles(due_json(db, "--search", "twelve")) == ["Overdue by twelve"]
    assert due_json(db, "--vendor", "Mistral AI") == []


def test_stale_on_list_due_export_and_brief(db: Path, tmp_path: Path) -> None:
    listed = json.loads(ok(run_cli(db, "list", "--stale", "90d", "--format", "json")))
    assert sorted(row["title"] for row in listed) == ["Forgotten", "Forgotten, no follow-up"]
    assert json.loads(ok(run_cli(db, "list", "--stale", "1y", "--format", "json"))) == []
    assert titles(due_json(db, "--stale", "90d")) == ["Forgotten"]
    exported = json.loads(ok(run_cli(db, "export", "--stale", "3 months")))
    assert len(exported["engagements"]) == 2
    pdf = tmp_path / "stale.pdf"
    ok(run_cli(db, "brief", "--stale", "90d", "--out", str(pdf)))
    text = " ".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
    assert "Forgotten" in text and "Overdue by twelve" not in text


def test_nothing_due_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    ok(run_cli(empty, "demo"))
    assert ok(run_cli(empty, "due", "--search", "nothing-matches-this")) == (
        "No follow-ups overdue or due within 2 weeks.\n"
    )
    assert ok(run_cli(empty, "due", "--overdue", "--vendor", "Nobody")) == (
        "No follow-ups overdue.\n"
    )


BAD_PERIODS = ("2 fortnights", "soon", "", "1.5w", "101y")


@pytest.mark.parametrize("bad", BAD_PERIODS)
@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("due", "--within"), "--within"),
        (("due", "--stale"), "--stale"),
        (("list", "--stale"), "--stale"),
        (("stats", "--stale"), "--stale"),
        (("export", "--out", "OUT", "--stale"), "--stale"),
        (("brief", "--out", "OUT", "--stale"), "--stale"),
        (("brief", "--out", "OUT", "--due"), "--due"),
    ],
)
def test_a_bad_period_is_one_line_naming_the_option_and_nothing_is_written(
    db: Path, tmp_path: Path, args: tuple[str, ...], option: str, bad: str
) -> None:
    out = tmp_path / "out.file"
    argv = [str(out) if a == "OUT" else a for a in args]
    before = db.read_bytes()
    proc = run_cli(db, *argv, bad)
    line = one_line_error(proc, f"{option}: ", f'"{bad}"')
    assert ("too long" in line) == (bad == "101y")
    assert proc.stdout == ""
    assert not out.exists()
    assert db.read_bytes() == before


def test_within_and_overdue_together_is_bad_usage(db: Path) -> None:
    proc = run_cli(db, "due", "--overdue", "--within", "2w")
    assert proc.returncode == 2 and "not allowed with" in proc.stderr


def test_brief_due_adds_the_follow_ups_section(db: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "due.pdf"
    ok(run_cli(db, "brief", "--due", "--out", str(pdf)))
    reader = PdfReader(pdf)
    pages = [" ".join((page.extract_text() or "").split()) for page in reader.pages]
    section = next(i for i, text in enumerate(pages) if text.find("Follow-ups due As of") >= 0)
    text = pages[section]
    assert (
        f"As of {TODAY.day} {TODAY:%b %Y} (UTC): 4 follow-ups overdue, 1 due within 2 weeks" in text
    )
    # Overdue first, the longest overdue first, then the soonest due.
    order = [
        text.index(t) for t in ("Overdue by twelve", "Ended, overdue", "Forgotten", "Due in five")
    ]
    assert order == sorted(order)
    assert "overdue by 12 days" in text and "due in 5 days" in text
    assert "Due in twenty" not in text
    assert "Restriction matrix" in pages[section + 1]  # the section ends before the matrix
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline[:3] == ["Overview", "Follow-ups due", "Restriction matrix"]

    wider = tmp_path / "month.pdf"
    ok(run_cli(db, "brief", "--due", "1m", "--out", str(wider)))
    assert "Due in twenty" in " ".join(p.extract_text() or "" for p in PdfReader(wider).pages[:4])

    plain = tmp_path / "plain.pdf"
    ok(run_cli(db, "brief", "--out", str(plain)))
    assert "Follow-ups due" not in " ".join(p.extract_text() or "" for p in PdfReader(plain).pages)


def test_due_is_in_the_help(db: Path) -> None:
    assert "due" in ok(run_cli(None, "--help"))
    assert "--within PERIOD" in ok(run_cli(None, "due", "--help"))
