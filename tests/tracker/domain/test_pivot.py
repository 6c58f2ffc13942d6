"""The pivot's dimensions, ``--by`` parsing, labels and the order of values."""

from __future__ import annotations

import pytest

from tracker.domain.errors import ValidationError
from tracker.domain.fields import label
from tracker.domain.pivot import DIMENSIONS_BY_NAME, Pivot, parse_by
from tracker.domain.presenter import EMPTY_SECTIONS, MISSING_DATE


def test_parse_by() -> None:
    assert parse_by("status") == ("status", None)
    assert parse_by(" restriction , stance ") == ("restriction", "stance")


@pytest.mark.parametrize("text", ["colour", "status,status", "a,b,c", "", "status,"])
def test_parse_by_refuses_naming_the_option_and_the_dimensions(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_by(text)
    assert "--by" in str(caught.value)
    assert all(name in str(caught.value) for name in DIMENSIONS_BY_NAME)


def test_labels_come_from_the_fields_and_the_vocabularies() -> None:
    assert DIMENSIONS_BY_NAME["status"].label == label("status")
    pivot = Pivot(
        rows="marking",
        columns="year",
        cells={},
        row_totals={"NATO UNCLASSIFIED": 1, "PUBLIC": 2, None: 1},
        column_totals={2026: 1, None: 2, 2025: 1},
        total=3,
        markings=("PUBLIC", "UNCLASSIFIED", "NATO UNCLASSIFIED"),
    )
    assert pivot.row_values() == ["PUBLIC", "NATO UNCLASSIFIED", None]
    assert pivot.column_values() == [2025, 2026, None]
    assert pivot.label("year", None) == MISSING_DATE
    assert pivot.label("marking", None) == EMPTY_SECTIONS
    assert pivot.label("stance", "disputed") == "Disputed"
    assert pivot.label("restriction", "no-x") == "no-x"  # no title known: the code
    assert pivot.count("PUBLIC", 2025) == 0
