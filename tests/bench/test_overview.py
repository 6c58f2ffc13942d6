"""The overview benchmark: it measures every typical filter over what the service
counts, the page's refresh too, and the command prints its figures (never checks
timings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import overview as bench
from bench.build_db import build


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("overview") / "bench.db"
    build(db, 300)
    return db


def test_every_typical_filter_is_measured(generated: Path, qapp: object) -> None:
    result = bench.measure(generated, repeats=2)
    assert [f.name for f in result.filters] == [
        "none",
        "a status",
        "a region",
        "a search word",
        "a vendor",
    ]
    assert result.filters[0].total == 300
    assert all(0 < f.total <= 300 for f in result.filters)
    assert all(f.overview_s > 0 and f.count_s > 0 and f.group_s > 0 for f in result.filters)
    assert result.gui_p95_s is not None and result.gui_p95_s > 0


def test_the_command_prints_each_filter_and_the_p95s(
    generated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench.main(["--db", str(generated), "--repeats", "1", "--no-gui"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 6
    assert lines[0].startswith("overview, none: 300 engagements in ")
    assert lines[-1].startswith("overview p95 ")
