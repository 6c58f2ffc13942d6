"""The restriction comparison benchmark: it measures every filter over what the
service counts, the page included, and the command prints its figures (never checks
timings)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from bench import restriction_comparison as bench
from bench.build_db import build
from tracker.services import Tracker


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("restrictions") / "bench.db"
    build(db, 300)
    return db


def test_every_filter_is_measured_with_the_page(generated: Path, qapp: QApplication) -> None:
    figures = bench.measure(generated, repeats=1)
    assert [f.label for f in figures] == [label for label, _ in bench.FILTERS]
    service = Tracker.open(generated, user="check")
    try:
        counted = [service.count(filters=filters) for _, filters in bench.FILTERS]
    finally:
        service.close()
    assert [f.engagements for f in figures] == counted
    assert counted[0] == 300 and all(0 < n < 300 for n in counted[1:])
    assert all(f.page is not None and f.page.median_s > 0 for f in figures)
    assert all(f.service.p95_s >= f.service.median_s > 0 for f in figures)


def test_the_command_prints_each_filter(
    generated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench.main(["--db", str(generated), "--repeats", "1", "--no-page"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(bench.FILTERS)
    assert lines[0].startswith("no filter: 300 engagements; restriction_comparison ")
    assert "bare GROUP BY" in lines[0] and "ratio" in lines[0]
