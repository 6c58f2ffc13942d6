"""The overview's matrix as CSV (``tracker.domain.overview.matrix_csv``): the
vocabulary's labels, a "Not set" column only when some engagement has no region, and
the totals of every row and column."""

from __future__ import annotations

import csv
import io

from tracker.domain.overview import Overview, matrix_csv
from tracker.domain.vocab import Region, Status


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_the_csv_holds_the_matrix_with_its_totals() -> None:
    overview = Overview(
        cells={
            (Status.BROKEN_DOWN, Region.ASIA_PACIFIC): 3,
            (Status.BROKEN_DOWN, None): 1,
            (Status.ACTIVE, Region.EUROPE): 2,
        }
    )
    rows = _rows(matrix_csv(overview))
    assert rows[0] == ["Status", *(r.label for r in Region), "Not set", "Total"]
    assert [row[0] for row in rows[1:]] == [*(s.label for s in Status), "Total"]
    by_status = {row[0]: row[1:] for row in rows[1:]}
    asia = 1 + list(Region).index(Region.ASIA_PACIFIC)
    assert by_status["Broken down"][asia - 1] == "3"
    assert by_status["Broken down"][-2:] == ["1", "4"]  # not set, then the row's total
    assert by_status["Active"][0] == "2"
    assert by_status["Paused"] == ["0"] * (len(Region) + 2)
    assert by_status["Total"][-1] == "6"
    assert by_status["Total"][0] == "2"


def test_without_unset_regions_there_is_no_not_set_column() -> None:
    rows = _rows(matrix_csv(Overview(cells={(Status.AGREED, Region.GLOBAL): 1})))
    assert "Not set" not in rows[0]
    assert len(rows[0]) == len(Region) + 2
