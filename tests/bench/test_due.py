"""The due-list benchmark: its floor reads exactly the rows the service lists, and the
command prints its figures (never checks timings)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from bench import due as bench
from bench.build_db import build
from tracker.services import Tracker

TODAY = datetime.date(2026, 6, 1)  # inside the generated follow-ups (2026-01 to 2027-01)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("due") / "bench.db"
    build(db, 300)
    return db


def test_the_figures_count_the_due_list_and_the_overdue(generated: Path) -> None:
    figures = bench.measure(generated, repeats=1, today=TODAY)
    service = Tracker.open(generated)
    try:
        listed = service.due(today=TODAY)
    finally:
        service.close()
    assert figures.items == len(listed) > 0
    assert figures.overdue == sum(1 for item in listed if item.overdue) > 0
    assert min(figures.due_s, figures.due_floor_s, figures.count_s, figures.count_floor_s) > 0


def test_the_command_prints_both_figures(
    generated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench.main(["--db", str(generated), "--repeats", "1", "--today", "2026-06-01"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("due list: ") and "ratio" in out and "overdue count: " in out
