"""The pivot benchmark: it counts what the service counts, and the command prints its
figures (never checks timings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import pivot as bench
from bench.build_db import build


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("pivot") / "bench.db"
    build(db, 300)
    return db


def test_every_pair_is_measured_over_every_engagement(generated: Path) -> None:
    figures = bench.measure(generated, repeats=1)
    assert [(f.rows, f.columns) for f in figures] == list(bench.PAIRS)
    assert all(f.total == 300 and f.pivot_s > 0 and f.floor_s > 0 for f in figures)


def test_the_command_prints_each_pair(generated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--db", str(generated), "--repeats", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(bench.PAIRS)
    assert lines[2].startswith("stats --by restriction,stance: 300 engagements in ")
