"""The monkey test (bench.monkey): random keys, clicks, edits, undo/redo, filters and
dialogs on the real main window, in its own process; no crash, no exception in a Qt
slot, the database sound and every saved edit in the audit trail.

Short by default (``ACTIONS`` actions on ``ENGAGEMENTS`` engagements, well under a
minute). The long run is the same test with TRACKER_MONKEY_ACTIONS=20000 (and
TRACKER_MONKEY_ENGAGEMENTS=10000, TRACKER_MONKEY_SEED); ``python -m bench.monkey`` is
the same run from the command line, with its report.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench.build_db import build
from bench.monkey import MonkeyReport, print_report, run_monkey
from bench.monkey_check import Verdict, check_saves
from bench.monkey_log import Save
from tracker.services import Tracker

ACTIONS = int(os.environ.get("TRACKER_MONKEY_ACTIONS", "300"))
ENGAGEMENTS = int(os.environ.get("TRACKER_MONKEY_ENGAGEMENTS", "200"))
SEED = int(os.environ.get("TRACKER_MONKEY_SEED", "1"))
# About 400 actions a minute at 10,000 engagements here (2 cores shared): a budget that
# only a hang or a much slower machine reaches, which then fails the count of actions.
MINUTES = max(5.0, ACTIONS / 100)


@pytest.mark.monkey
@pytest.mark.timeout(int(MINUTES * 60) + 900, func_only=True)  # the run, then the checks
def test_the_monkey_breaks_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "monkey.db"
    build(db, ENGAGEMENTS, seed=SEED)
    report = run_monkey(
        db, tmp_path, engagements=ENGAGEMENTS, actions=ACTIONS, minutes=MINUTES, seed=SEED
    )
    with capsys.disabled():
        print_report(report)
    assert report.crashes == 0, [run.stderr for run in report.runs]
    assert report.failures == []
    assert report.problems == []
    assert report.actions == ACTIONS
    _did_what_a_user_does(report)


def _did_what_a_user_does(report: MonkeyReport) -> None:
    """The run reached what it is meant to: the form saved values (then checked), the
    undo stack, the filters and the menus' dialogs."""
    assert report.saves > 0
    done = {name.split(":")[0] for name, n in report.counts.items() if n}
    assert {"form", "undo", "search", "filter", "command", "dialog"} <= done


def test_a_saved_value_the_trail_lacks_is_a_problem(tmp_path: Path) -> None:
    """The check is not a formality: a value no version holds, or a version the trail
    never made, is reported."""
    db = tmp_path / "checked.db"
    build(db, 3)
    service = Tracker.open(db, user="check")
    try:
        url = service.url
        eid = service.list_ids()[0]
        title = service.get(engagement_id=eid).data.title
        verdict = Verdict()
        saves = [
            Save(url, eid, "title", title, 1),
            Save(url, eid, "title", "never typed", 1),
            Save(url, eid, "title", title, 7),
        ]
        check_saves(service, saves, verdict)
    finally:
        service.close()
    assert verdict.saves == 3
    assert len(verdict.problems) == 2
    assert "saved as 'never typed'" in verdict.problems[0]
    assert "no version 7 in its trail" in verdict.problems[1]
