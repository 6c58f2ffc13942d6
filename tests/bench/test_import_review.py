"""The import review benchmark: it reviews a file made from the database (updates,
unchanged and new engagements) and prints its figures (never checks timings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import import_review as bench
from bench.build_db import build


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("review") / "bench.db"
    build(db, 200)
    return db


def test_the_review_is_measured_beside_its_floor(generated: Path) -> None:
    figure = bench.measure(generated, engagements=100, repeats=1)
    assert (figure.created, figure.updated, figure.unchanged) == (25, 50, 25)
    assert figure.review_s > 0 and figure.floor_s > 0 and figure.floor_cpu_s > 0


def test_the_command_prints_one_line(generated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--db", str(generated), "--engagements", "40", "--repeats", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and lines[0].startswith("review of 40 engagements (10 created")
    assert "budget 3 s" in lines[0] and "floor" in lines[0]
