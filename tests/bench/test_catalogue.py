"""The restriction catalogue's benchmark: it works on a copy (the database given is
left as it was), prints its figures, and leaves a sound copy (never checks timings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import restriction_catalogue as bench
from bench.build_db import build
from tracker.services import Tracker


def _catalogue(db: Path) -> list[object]:
    service = Tracker.open(db)
    try:
        return list(service.catalogue())
    finally:
        service.close()


def test_the_command_prints_each_figure_and_leaves_the_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "bench.db"
    build(db, 200)
    before = _catalogue(db)
    assert bench.main(["--db", str(db), "--check"]) == 0
    printed = capsys.readouterr().out
    for needle in ("200 engagements", "retitle ", "floor", "retitle back", "merge ", "sound"):
        assert needle in printed
    assert _catalogue(db) == before
