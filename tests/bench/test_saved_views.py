"""The saved-views benchmark: it lists what the typed filter lists, and the command
prints its figures (never checks timings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import saved_views as bench
from bench.build_db import build


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("views") / "bench.db"
    build(db, 300)
    return db


def test_every_view_is_measured_beside_its_typed_filter(generated: Path) -> None:
    figures = bench.measure(generated, repeats=1)
    assert [f.name for f in figures][-1] == "gone restriction and owner"
    assert [f.left_out for f in figures] == [0, 0, 0, 0, 2]
    assert all(f.typed_s > 0 and f.opened_s > 0 and f.open_s > 0 for f in figures)
    assert figures[0].matched > 0


def test_the_command_prints_each_view(generated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--db", str(generated), "--repeats", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5
    assert lines[-1].startswith("view gone restriction and owner: ")
    assert "2 left out; typed " in lines[-1] and "budget +20" in lines[-1]
    assert "open_view alone " in lines[-1]
