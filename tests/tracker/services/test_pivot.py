"""``Tracker.pivot``: every pair of dimensions, counted in SQL, against the same counts
computed in Python from the engagements themselves (``get_many``)."""

from __future__ import annotations

from collections import Counter
from itertools import product

import pytest

from tracker.domain.dates import PartialDate
from tracker.domain.errors import ValidationError
from tracker.domain.model import Engagement, Filters
from tracker.domain.pivot import DIMENSIONS, Value
from tracker.domain.vocab import Stance, Status
from tracker.services import Tracker

NAMES = [d.name for d in DIMENSIONS]


def _values(e: Engagement, dimension: str) -> list[Value]:
    """The values ``e`` counts under for ``dimension`` (none: [None])."""
    d = e.data
    single: dict[str, Value] = {
        "status": d.status.value,
        "region": d.region.value if d.region else None,
        "vendor": d.vendor,
        "counterpart": d.counterpart,
        "confidence": d.confidence.value if d.confidence else None,
        "marking": d.marking,
        "year": d.started.first_day.year if d.started else None,
    }
    if dimension in single:
        return [single[dimension]]
    many: list[Value] = {
        "restriction": [r.code for r in d.restrictions],
        "stance": [r.stance.value for r in d.restrictions],
        "tag": list(d.tags),
    }[dimension]
    return many or [None]


def _pairs(e: Engagement, rows: str, columns: str | None) -> set[tuple[Value, Value]]:
    """The cells ``e`` counts in: a restriction × stance pair is one restriction's own."""
    if columns is None:
        return {(v, None) for v in _values(e, rows)}
    if {rows, columns} == {"restriction", "stance"}:
        by = {"restriction": 0, "stance": 1}
        pairs = [(r.code, r.stance.value) for r in e.data.restrictions] or [(None, None)]
        return {(p[by[rows]], p[by[columns]]) for p in pairs}
    return set(product(_values(e, rows), _values(e, columns)))


def _expected(
    engagements: list[Engagement], rows: str, columns: str | None
) -> tuple[Counter[tuple[Value, Value]], Counter[Value], Counter[Value]]:
    cells: Counter[tuple[Value, Value]] = Counter()
    row_totals: Counter[Value] = Counter()
    column_totals: Counter[Value] = Counter()
    for e in engagements:
        pairs = _pairs(e, rows, columns)
        cells.update(pairs)
        row_totals.update({r for r, _ in pairs})
        column_totals.update({c for _, c in pairs} if columns else set())
    return cells, row_totals, column_totals


def _check(service: Tracker, rows: str, columns: str | None, filters: Filters) -> None:
    engagements = service.get_many(ids=service.list_ids(filters=filters))
    cells, row_totals, column_totals = _expected(engagements, rows, columns)
    found = service.pivot(rows=rows, columns=columns, filters=filters)
    label = f"{rows} × {columns} over {filters}"
    assert dict(found.cells) == dict(cells), label
    assert dict(found.row_totals) == dict(row_totals), label
    assert dict(found.column_totals) == dict(column_totals), label
    assert found.total == len(engagements), label
    assert sorted(found.row_values(), key=repr) == sorted(row_totals, key=repr)


@pytest.fixture
def varied(demo: Tracker) -> Tracker:
    """The demo, one engagement with nothing optional, one sharing a restriction and a
    tag with others (a second stance on it), and one in the trash (never counted)."""
    demo.create(
        data={"title": "Bare", "vendor": "Mistral AI", "counterpart": "NATO", "status": "paused"}
    )
    demo.create(
        data={
            "title": "Shared",
            "vendor": "OpenAI",
            "counterpart": "NATO",
            "status": "negotiating",
            "region": "Europe",
            "started": "~2024-Q3",
            "tags": ["defence", "europe-expansion"],
            "restrictions": [
                {
                    "code": "no-mass-domestic-surveillance",
                    "title": "No mass domestic surveillance",
                    "stance": "rejected",
                },
                {
                    "code": "no-fully-autonomous-weapons",
                    "title": "No fully autonomous weapons systems",
                    "stance": "rejected",
                },
            ],
        }
    )
    gone = demo.create(
        data={"title": "Gone", "vendor": "Google", "counterpart": "NATO", "status": "ended"}
    )
    demo.delete(engagement_id=gone.engagement.id)
    return demo


@pytest.mark.parametrize("rows", NAMES)
def test_every_pair_counts_as_the_engagements_say(varied: Tracker, rows: str) -> None:
    for columns in [None, *(n for n in NAMES if n != rows)]:
        _check(varied, rows, columns, Filters())


@pytest.mark.parametrize(
    "filters",
    [
        Filters(statuses=(Status.AGREED, Status.NEGOTIATING, Status.PAUSED)),
        Filters(restriction="no-mass-domestic-surveillance"),
        Filters(tag="defence"),
        Filters(vendor="OpenAI", started_from=PartialDate.from_iso("2025")),
        Filters(search="NATO"),
        Filters(trash=True),
        Filters(statuses=(Status.ENDED,), trash=False),
        Filters(stance=Stance.DISPUTED),
        Filters(restriction="no-mass-domestic-surveillance", stance=Stance.AGREED),
    ],
    ids=[
        "statuses",
        "restriction",
        "tag",
        "vendor-started",
        "search",
        "trash",
        "nothing",
        "stance",
        "restriction-stance",
    ],
)
@pytest.mark.parametrize(
    ("rows", "columns"),
    [("status", "region"), ("restriction", "stance"), ("tag", "year"), ("vendor", None)],
)
def test_the_filter_of_every_list_applies(
    varied: Tracker, filters: Filters, rows: str, columns: str | None
) -> None:
    _check(varied, rows, columns, filters)


def test_list_totals_are_distinct_engagements(varied: Tracker) -> None:
    found = varied.pivot(rows="restriction", columns="stance")
    surveillance = "no-mass-domestic-surveillance"
    per_stance = sum(found.count(surveillance, c) for c in found.column_values())
    assert found.row_totals[surveillance] == per_stance == 5
    # Three restrictions stand at "agreed" on one engagement: counted once.
    assert found.column_totals["agreed"] == 1
    assert found.total == varied.count() == 6
    assert sum(found.row_totals.values()) > found.total
    assert found.label("restriction", surveillance) == "No mass domestic surveillance"
    assert found.row_values()[-1] is None
    assert found.label("restriction", None) == "Not recorded"


def test_values_read_as_labels_in_their_order(varied: Tracker) -> None:
    found = varied.pivot(rows="status", columns="year")
    assert found.row_values() == [s.value for s in Status if s.value in found.row_totals]
    assert found.column_values() == [2024, 2025, 2026, None]
    assert found.label("year", None) == "Date unknown"
    assert found.label("status", "broken_down") == "Broken down"
    by_marking = varied.pivot(rows="marking")
    assert by_marking.row_values() == [m for m in varied.markings() if m in by_marking.row_totals]


@pytest.mark.parametrize(
    ("rows", "columns"), [("colour", None), ("status", "status"), ("status", "colour")]
)
def test_bad_dimensions_are_refused(demo: Tracker, rows: str, columns: str | None) -> None:
    with pytest.raises(ValidationError):
        demo.pivot(rows=rows, columns=columns)


def test_an_empty_database_counts_nothing(tracker: Tracker) -> None:
    found = tracker.pivot(rows="restriction", columns="stance")
    assert (found.total, dict(found.cells), found.row_values()) == (0, {}, [])
