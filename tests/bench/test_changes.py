"""The changes-feed benchmark: its floor reads exactly the entries the service shows, by
either plan, and the command prints its figure (never checks timings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import changes as bench
from bench.build_db import build
from db import changes as changes_sql
from tracker.domain.model import Filters
from tracker.domain.vocab import Status


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("changes") / "bench.db"
    build(db, 300)
    bench.add_history(db, 3000)
    return db


@pytest.mark.parametrize("few", [0, changes_sql.FEW], ids=["walk", "by engagement"])
@pytest.mark.parametrize("filters", [Filters(), Filters(statuses=(Status.PAUSED,))])
def test_the_floor_reads_the_entries_the_first_screen_shows(
    generated: Path, monkeypatch: pytest.MonkeyPatch, few: int, filters: Filters
) -> None:
    monkeypatch.setattr(changes_sql, "FEW", few)
    figures = bench.measure(generated, repeats=1, filters=filters)  # asserts the row counts
    # A year of 3,000 edits leaves about 250 in 30 days: a screen, or one status's part.
    if filters == Filters():
        assert figures.shown == bench.SCREEN
    else:
        assert 0 < figures.shown < 100
    assert figures.entries == 300 + 3000  # the imports and the history
    assert min(figures.first_screen_s, figures.floor_s) > 0


def test_the_command_prints_the_figure(generated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--db", str(generated), "--repeats", "1", "--status", "paused"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("changes, last 30 days, first screen (")
    assert " of 3,300 entries): " in out
    assert "floor" in out and "ratio" in out
