"""``tracker stats --by ROW[,COLUMN] [--format table|json|csv]``, driven in subprocesses.

The database (the demo and one engagement with nothing optional) is written once per
module, in-process; the expected counts come from ``Tracker.pivot``, itself checked
against the engagements in tests/tracker/services/test_pivot.py.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.tracker.cli.test_cli import ok, one_line_error, run_cli
from tracker.domain.model import Filters
from tracker.domain.pivot import DIMENSIONS
from tracker.domain.vocab import Status
from tracker.services import Tracker


@pytest.fixture(scope="module")
def stats_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("stats") / "stats.db"
    service = Tracker.open(db, user="cli-tester")
    try:
        service.load_demo()
        service.create(
            data={
                "title": "Bare",
                "vendor": "Mistral AI",
                "counterpart": "NATO",
                "status": "paused",
            }
        )
    finally:
        service.close()
    return db


@pytest.fixture(scope="module")
def service(stats_db: Path) -> Iterator[Tracker]:
    opened = Tracker.open(stats_db, user="reader")
    yield opened
    opened.close()


def test_json_keeps_stored_values_and_distinct_totals(stats_db: Path, service: Tracker) -> None:
    document = json.loads(
        ok(run_cli(stats_db, "stats", "--by", "region,stance", "--format", "json"))
    )
    expected = service.pivot(rows="region", columns="stance")
    assert set(document) == {"rows", "columns", "cells", "row_totals", "column_totals", "total"}
    assert (document["rows"], document["columns"]) == ("region", "stance")
    assert {(c["row"], c["column"]): c["count"] for c in document["cells"]} == dict(expected.cells)
    assert [t["row"] for t in document["row_totals"]] == expected.row_values()
    assert {t["row"]: t["count"] for t in document["row_totals"]} == dict(expected.row_totals)
    assert {t["column"]: t["count"] for t in document["column_totals"]} == dict(
        expected.column_totals
    )
    assert document["total"] == expected.total == 5
    # The bare engagement: no region, no restriction, as nulls.
    assert {"row": None, "column": None, "count": 1} in document["cells"]
    assert "North America" in [t["row"] for t in document["row_totals"]]


def test_json_of_one_dimension_with_a_filter(stats_db: Path, service: Tracker) -> None:
    args = ("stats", "--by", "vendor", "--status", "agreed,paused", "--format", "json")
    document = json.loads(ok(run_cli(stats_db, *args)))
    filters = Filters(statuses=(Status.AGREED, Status.PAUSED))
    expected = service.pivot(rows="vendor", filters=filters)
    assert document["columns"] is None and document["column_totals"] == []
    assert {c["row"]: c["count"] for c in document["cells"]} == {"Mistral AI": 1, "OpenAI": 1}
    assert all(c["column"] is None for c in document["cells"])
    assert document["total"] == expected.total == 2


def test_csv_shows_labels_with_totals(stats_db: Path) -> None:
    out = ok(run_cli(stats_db, "stats", "--by", "restriction,stance", "--format", "csv"))
    header, *lines, totals = list(csv.reader(io.StringIO(out)))
    assert header == ["Restriction", "Agreed", "Proposed", "Disputed", "Not recorded", "Total"]
    rows = {line[0]: line[1:] for line in lines}
    assert rows["No mass domestic surveillance"] == ["1", "2", "1", "0", "4"]
    assert rows["Not recorded"] == ["0", "0", "0", "1", "1"]
    # Totals are of engagements: one engagement agreed on three restrictions counts once.
    assert totals == ["Total", "1", "2", "1", "1", "5"]


def test_csv_of_years_says_date_unknown(stats_db: Path) -> None:
    out = ok(run_cli(stats_db, "stats", "--by", "year", "--format", "csv"))
    table = list(csv.reader(io.StringIO(out)))
    assert table[0] == ["Started (year)", "Total"]
    assert table[-2] == ["Date unknown", "1"]
    assert table[-1] == ["Total", "5"]
    assert sum(int(n) for _, n in table[1:-1]) == 5


def test_table_is_aligned_with_totals(stats_db: Path) -> None:
    out = ok(run_cli(stats_db, "stats", "--by", "status,region"))
    header, *lines = out.splitlines()
    assert header.split("  ")[0] == "Status"
    assert header.endswith("Total") and "Not recorded" in header
    assert all(len(line) == len(header) for line in lines), out
    assert lines[-1].split() == ["Total", "1", "2", "1", "1", "5"]
    assert lines[0].split() == ["Exploratory", "1", "0", "0", "0", "1"]


def test_table_clips_long_labels(stats_db: Path) -> None:
    out = ok(run_cli(stats_db, "stats", "--by", "restriction"))
    assert "No automated high-stakes de…" in out
    assert max(len(line) for line in out.splitlines()) < 40


def test_plain_stats_in_json_is_status_by_region(stats_db: Path) -> None:
    plain = ok(run_cli(stats_db, "stats", "--format", "json"))
    assert plain == ok(run_cli(stats_db, "stats", "--by", "status,region", "--format", "json"))
    assert ok(run_cli(stats_db, "stats")).splitlines()[0].startswith("STATUS")


@pytest.mark.parametrize("by", ["colour", "status,status", "status,region,tag", "status,"])
def test_bad_by_is_one_line_naming_the_dimensions(stats_db: Path, by: str) -> None:
    line = one_line_error(run_cli(stats_db, "stats", "--by", by), "--by")
    assert all(d.name in line for d in DIMENSIONS)


def test_help_documents_dimensions_json_and_totals() -> None:
    text = " ".join(ok(run_cli(None, "stats", "--help")).split())
    assert "--by ROW[,COLUMN]" in text
    assert all(d.name in text for d in DIMENSIONS)
    assert "distinct engagements" in text
    assert '"cells": [{"row", "column", "count"}]' in text
