"""``--as-of DATE`` on ``show``, ``list``, ``export`` and ``brief``, driven in subprocesses
on SQLite and (TRACKER_TEST_DB) PostgreSQL.

The history is written in-process one day at a time with the store's clock set to
that day; after each day ``tracker show N --format json`` is run as a user runs it and
its output kept. ``show N --as-of DAY --format json`` must print exactly that.
"""

from __future__ import annotations

import datetime
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from db import store
from tests.tracker.cli.test_cli import ok, one_line_error, run_cli
from tracker.services import Tracker

D = datetime.date
DAYS = (D(2025, 6, 2), D(2025, 6, 4), D(2025, 6, 6))


def cli(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(None, "--db", url, *args)


class History:
    """The database and what ``show --format json`` printed at the end of each day."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.shown: dict[D, dict[int, str]] = {}

    def record(self, day: D, *numbers: int) -> None:
        self.shown[day] = {
            n: ok(cli(self.url, "show", str(n), "--format", "json")) for n in numbers
        }


@pytest.fixture
def history(tmp_db_url: str, monkeypatch: pytest.MonkeyPatch) -> History:
    made = History(tmp_db_url)
    t = Tracker.open(tmp_db_url, user="cli-tester")
    try:
        day = DAYS[0]
        monkeypatch.setattr(store, "utc_now", lambda: f"{day.isoformat()}T10:00:00.000000Z")
        a = t.create(data=_record("NATO and OpenAI", "exploratory", tags=["nato"])).engagement
        b = t.create(data=_record("Pentagon and OpenAI", "negotiating")).engagement
        made.record(day, a.id, b.id)
        day = DAYS[1]
        t.update(engagement_id=a.id, expected_version=1, changes={"status": "negotiating"})
        t.delete(engagement_id=b.id)
        made.record(day, a.id, b.id)
        day = DAYS[2]
        t.restore(engagement_id=b.id)
        t.update(
            engagement_id=a.id,
            expected_version=2,
            changes={"tags": [], "scope_limits": [{"kind": "network", "text": "Unclassified"}]},
        )
        made.record(day, a.id, b.id)
    finally:
        t.close()
    return made


def _record(title: str, status: str, **extra: Any) -> dict[str, Any]:
    return {"title": title, "vendor": "OpenAI", "counterpart": "NATO", "status": status, **extra}


def test_show_as_of_prints_what_show_printed_then(history: History) -> None:
    for day, shown in history.shown.items():
        for number, printed in shown.items():
            rebuilt = ok(
                cli(
                    history.url, "show", str(number), "--as-of", day.isoformat(), "--format", "json"
                )
            )
            assert rebuilt == printed
    trashed = json.loads(history.shown[DAYS[1]][2])
    assert trashed["deleted_at"] is not None  # show includes the trash, then as now
    text = ok(cli(history.url, "show", "1", "--as-of", "4 June 2025"))
    assert text.startswith("As of the end of 4 Jun 2025 (UTC)\n")
    assert "Negotiating" in text or "negotiating" in text


def test_show_before_it_existed_is_one_line(history: History) -> None:
    one_line_error(
        cli(history.url, "show", "1", "--as-of", "2025-06-01"), "did not exist on 1 Jun 2025"
    )
    one_line_error(cli(history.url, "show", "99", "--as-of", "2025-06-03"), "no engagement 99")


def test_list_as_of_leaves_out_the_trash_and_applies_the_filters(history: History) -> None:
    def listed(*args: str) -> list[str]:
        rows = json.loads(ok(cli(history.url, "list", "--format", "json", *args)))
        return [row["title"] for row in rows]

    assert listed("--as-of", "2025-06-02") == ["NATO and OpenAI", "Pentagon and OpenAI"]
    assert listed("--as-of", "2025-06-04") == ["NATO and OpenAI"]
    assert listed("--as-of", "2025-06-04", "--trash") == ["Pentagon and OpenAI"]
    assert listed("--as-of", "2025-06-02", "--status", "negotiating") == ["Pentagon and OpenAI"]
    assert listed("--as-of", "2025-06-04", "--status", "negotiating") == ["NATO and OpenAI"]
    assert listed("--as-of", "2025-06-05", "--tag", "nato") == ["NATO and OpenAI"]
    assert listed("--as-of", "2025-06", "--tag", "nato") == []  # a month: its last day
    assert listed("--as-of", "2025-06-02", "--search", "Pentagon") == ["Pentagon and OpenAI"]
    assert listed("--as-of", "2025-05-31") == []
    table = ok(cli(history.url, "list", "--as-of", "2025-06-04"))
    assert "NATO and OpenAI" in table and "Pentagon" not in table
    csv_text = ok(cli(history.url, "list", "--as-of", "2025-06-02", "--format", "csv"))
    assert csv_text.count("OpenAI") >= 2 and "nato" in csv_text


def test_export_as_of_writes_the_record_then(history: History, tmp_path: Path) -> None:
    out = tmp_path / "then.json"
    ok(cli(history.url, "export", "--as-of", "2025-06-02", "--out", str(out)))
    document = json.loads(out.read_text(encoding="utf-8"))
    assert [e["status"] for e in document["engagements"]] == ["exploratory", "negotiating"]
    assert document["engagements"][0]["tags"] == ["nato"]
    printed = json.loads(ok(cli(history.url, "export", "--as-of", "2025-06-04")))
    assert [e["title"] for e in printed["engagements"]] == ["NATO and OpenAI"]


def test_brief_as_of_says_so_on_the_cover(history: History, tmp_path: Path) -> None:
    pdf = tmp_path / "then.pdf"
    ok(cli(history.url, "brief", "--as-of", "2025-06-04", "--out", str(pdf)))
    cover = PdfReader(pdf).pages[0].extract_text()
    assert "As of the end of 4 Jun 2025 (UTC)" in cover
    assert "1 engagement included" in " ".join(cover.split())


@pytest.mark.parametrize(
    ("value", "needle"),
    [("not a date", "cannot understand the date"), ("2999-01-01", "is in the future")],
)
def test_bad_as_of_is_one_line_naming_the_option_and_writes_nothing(
    history: History, tmp_path: Path, value: str, needle: str
) -> None:
    out = tmp_path / "never"
    for args in (
        ("show", "1"),
        ("list",),
        ("export", "--out", str(out)),
        ("brief", "--out", str(out)),
    ):
        one_line_error(cli(history.url, *args, "--as-of", value), "--as-of", needle)
        assert not out.exists()
