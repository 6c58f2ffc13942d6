"""The import-rate benchmark runs on a few engagements and reports both rates (never
checks timings)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench import import_rate
from bench.generate import child_count, generate_engagements


def test_measure_counts_the_same_rows_for_both(tmp_path: Path) -> None:
    rates = import_rate.measure(25, seed=2, workdir=tmp_path)

    assert rates.counted == 25 + sum(child_count(e) for e in generate_engagements(25, 2))
    # + full-text and audit rows (one each per engagement) and the catalogues
    assert rates.written > rates.counted + 2 * 25
    assert rates.app_seconds > 0 and rates.floor_seconds > 0
    assert rates.ratio == pytest.approx(rates.app_seconds / rates.floor_seconds)
    assert list(tmp_path.iterdir()) == []  # both databases are gone


def test_the_command_prints_both_rates_and_the_ratio(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert import_rate.main(["--engagements", "12", "--workdir", str(tmp_path)]) == 0

    out = capsys.readouterr().out
    assert out.startswith("12 engagements, ")
    assert re.search(r"^  import_document +[\d.]+ s +[\d,]+ rows/s$", out, re.MULTILINE)
    assert re.search(r"^  sqlite3 executemany +[\d.]+ s +[\d,]+ rows/s$", out, re.MULTILINE)
    assert re.search(r"^  ratio \(import / raw\) +[\d.]+$", out, re.MULTILINE)
