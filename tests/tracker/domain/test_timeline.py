"""The status timeline follows the status (tracker.domain.timeline.follow_status)."""

from __future__ import annotations

import dataclasses
from datetime import date

from tracker.domain.date_parser import parse_partial_date
from tracker.domain.dates import PartialDate
from tracker.domain.model import EngagementData, StatusEvent
from tracker.domain.timeline import follow_status
from tracker.domain.vocab import Status

DAY = date(2026, 3, 14)
BEFORE = EngagementData(
    title="Talks",
    vendor="OpenAI",
    counterpart="NATO",
    status=Status.EXPLORATORY,
    status_history=(StatusEvent(Status.EXPLORATORY, parse_partial_date("2025-Q3")),),
)


def test_a_new_status_with_the_same_history_gets_an_event_dated_the_day() -> None:
    after = dataclasses.replace(BEFORE, status=Status.AGREED, owner="Desk")

    followed = follow_status(BEFORE, after, on=DAY)

    assert followed == dataclasses.replace(
        after,
        status_history=(
            *BEFORE.status_history,
            StatusEvent(Status.AGREED, PartialDate.of_day(DAY)),
        ),
    )


def test_the_same_status_gets_no_event() -> None:
    after = dataclasses.replace(BEFORE, owner="Desk")

    assert follow_status(BEFORE, after, on=DAY) == after


def test_a_change_that_edits_the_history_itself_gets_no_second_event() -> None:
    for history in ((), (StatusEvent(Status.AGREED, parse_partial_date("Feb 2026"), "Signed"),)):
        after = dataclasses.replace(BEFORE, status=Status.AGREED, status_history=history)

        assert follow_status(BEFORE, after, on=DAY) == after
