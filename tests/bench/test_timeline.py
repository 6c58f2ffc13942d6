"""The timeline benchmark: its first paints show the lanes of each filter and its scrolls
repaint each step, and the command prints its figures (never checks timings)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from bench import timeline as bench
from bench.build_db import build
from tracker.services import Tracker


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("timeline") / "bench.db"
    build(db, 300)
    return db


def test_each_filter_paints_its_lanes(qtbot: QtBot, generated: Path) -> None:
    paints, scrolls = bench.measure(generated, repeats=1, steps=4, jump=20)
    service = Tracker.open(generated, user="check")
    try:
        expected = [len(service.list_ids(filters=f)) for _label, f in bench.FILTERS]
    finally:
        service.close()
    assert [p.lanes for p in paints] == expected
    assert all(p.paint_s > 0 and p.floor_s > 0 for p in paints)
    assert [s.steps for s in scrolls] == [4, 4]
    assert all(s.fps > 0 and 0 < s.slowest_s <= s.seconds for s in scrolls)


def test_the_command_prints_each_figure(
    qtbot: QtBot, generated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--db", str(generated), "--repeats", "1", "--steps", "3", "--jump", "10"]
    assert bench.main(args) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(bench.FILTERS) + 2
    assert lines[0].startswith("first paint, every engagement: 300 lanes in ")
    assert "frames/s, slowest frame" in lines[-1]
