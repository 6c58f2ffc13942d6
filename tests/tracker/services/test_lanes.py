"""``Tracker.lanes`` and ``Tracker.lane_extent``: the timeline reads the lanes of the
ids it is given, in their order, and the days a filter's dates span, in SQL."""

from __future__ import annotations

import datetime

from tracker.domain.dates import PartialDate
from tracker.domain.lanes import DaySpan, LaneEvent
from tracker.domain.model import Filters
from tracker.domain.vocab import Status
from tracker.services import Tracker


def _create(tracker: Tracker, title: str, status: str, **extra: object) -> int:
    saved = tracker.create(
        data={"title": title, "vendor": "OpenAI", "counterpart": "NATO", "status": status, **extra}
    )
    assert saved.engagement.id is not None
    return saved.engagement.id


def test_lanes_of_the_given_ids_in_their_order(tracker: Tracker) -> None:
    first = _create(
        tracker,
        "First",
        "negotiating",
        started="2024-Q3",
        follow_up="2027-01-15",
        status_history=[
            {"status": "exploratory", "on": "2024-Q3"},
            {"status": "negotiating", "on": "2025-02-01"},
        ],
    )
    second = _create(tracker, "Second", "paused")
    _create(tracker, "Not asked for", "agreed")
    found = tracker.lanes(engagement_ids=[second, 999, first])
    assert [lane.id for lane in found] == [second, first]
    bare, full = found
    assert (bare.title, bare.status, bare.events, bare.follow_up) == (
        "Second",
        Status.PAUSED,
        (),
        None,
    )
    assert full.events == (
        LaneEvent(Status.EXPLORATORY, PartialDate.from_iso("2024-Q3")),
        LaneEvent(Status.NEGOTIATING, PartialDate.from_iso("2025-02-01")),
    )
    assert full.follow_up == PartialDate.from_iso("2027-01-15")
    assert full.started == PartialDate.from_iso("2024-Q3")


def test_the_extent_spans_the_dates_of_the_filter(tracker: Tracker) -> None:
    assert tracker.lane_extent() is None
    _create(
        tracker,
        "Early",
        "ended",
        started="2021",
        status_history=[{"status": "ended", "on": "2022-03"}],
    )
    _create(
        tracker,
        "Late",
        "negotiating",
        follow_up="2028-Q2",
        status_history=[{"status": "negotiating", "on": "2025-07-04"}],
    )
    gone = _create(
        tracker, "Gone", "negotiating", status_history=[{"status": "negotiating", "on": "2010"}]
    )
    tracker.delete(engagement_id=gone)
    d = datetime.date
    # The whole live table: from the earliest start to the day after the last follow-up.
    assert tracker.lane_extent() == DaySpan(d(2021, 1, 1), d(2028, 7, 1))
    negotiating = Filters(statuses=(Status.NEGOTIATING,))
    assert tracker.lane_extent(filters=negotiating) == DaySpan(d(2025, 7, 4), d(2028, 7, 1))
    ended = Filters(statuses=(Status.ENDED,))
    assert tracker.lane_extent(filters=ended) == DaySpan(d(2021, 1, 1), d(2022, 3, 2))
    assert tracker.lane_extent(filters=Filters(trash=True)) == DaySpan(d(2010, 1, 1), d(2010, 1, 2))
