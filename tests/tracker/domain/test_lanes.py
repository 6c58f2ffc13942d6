"""The timeline's status periods and follow-up marks (tracker.domain.lanes): a date
known to the quarter, month or year is the span it covers, never an invented day."""

from __future__ import annotations

import datetime

from tracker.domain.dates import PartialDate
from tracker.domain.lanes import DaySpan, Lane, LaneEvent, follow_up_mark, periods
from tracker.domain.vocab import Status

TODAY = datetime.date(2026, 12, 1)
D = datetime.date


def lane(*events: tuple[Status, str | None], follow_up: str | None = None) -> Lane:
    return Lane(
        id=1,
        title="T",
        status=events[-1][0] if events else Status.EXPLORATORY,
        events=tuple(LaneEvent(s, PartialDate.from_iso(on) if on else None) for s, on in events),
        follow_up=PartialDate.from_iso(follow_up) if follow_up else None,
    )


def test_a_quarter_precision_event_begins_across_its_quarter() -> None:
    first, second = periods(
        lane((Status.EXPLORATORY, "2025-Q3"), (Status.NEGOTIATING, "2026-02-27")), today=TODAY
    )
    assert first.uncertain == DaySpan(D(2025, 7, 1), D(2025, 10, 1))
    assert first.solid == DaySpan(D(2025, 10, 1), D(2026, 2, 27))
    assert first.text() == "Exploratory from Q3 2025 to 27 Feb 2026"
    # An exact day has no uncertain part: the period surely held from that day.
    assert second.uncertain.empty
    assert second.solid.start == D(2026, 2, 27)


def test_the_last_open_period_runs_to_today() -> None:
    (only,) = periods(lane((Status.ACTIVE, "~2025")), today=TODAY)
    assert only.open
    assert only.uncertain == DaySpan(D(2025, 1, 1), D(2026, 1, 1))
    assert only.solid == DaySpan(D(2026, 1, 1), TODAY)
    assert only.text() == "Active since c. 2025, to today"


def test_a_last_closed_period_is_its_own_date_only() -> None:
    _, ended = periods(
        lane((Status.NEGOTIATING, "2025"), (Status.BROKEN_DOWN, "2026-03")), today=TODAY
    )
    assert not ended.open
    assert ended.uncertain == DaySpan(D(2026, 3, 1), D(2026, 4, 1))
    assert ended.solid.empty
    assert ended.text() == "Broken down in Mar 2026"
    (on_a_day,) = periods(lane((Status.ENDED, "2026-03-05")), today=TODAY)
    assert on_a_day.solid == DaySpan(D(2026, 3, 5), D(2026, 3, 6))


def test_a_later_date_inside_an_earlier_one_cuts_it_short() -> None:
    year, month = periods(
        lane((Status.EXPLORATORY, "2025"), (Status.NEGOTIATING, "2025-03")), today=TODAY
    )
    assert year.uncertain == DaySpan(D(2025, 1, 1), D(2025, 3, 1))
    assert year.solid.empty
    assert month.uncertain == DaySpan(D(2025, 3, 1), D(2025, 4, 1))


def test_the_recorded_order_stands_and_undated_events_are_left_out() -> None:
    # "28 Oct 2022, then ~2022": the second began between 28 Oct and the year's end.
    day, year = periods(
        lane(
            (Status.EXPLORATORY, "2022-10-28"),
            (Status.PAUSED, None),
            (Status.NEGOTIATING, "~2022"),
        ),
        today=TODAY,
    )
    assert (day.status, year.status) == (Status.EXPLORATORY, Status.NEGOTIATING)
    assert year.uncertain == DaySpan(D(2022, 10, 28), D(2023, 1, 1))
    assert year.solid == DaySpan(D(2023, 1, 1), TODAY)
    assert periods(lane((Status.PAUSED, None)), today=TODAY) == ()


def test_the_follow_up_is_a_day_or_the_span_of_its_date() -> None:
    assert follow_up_mark(lane((Status.ACTIVE, "2025"))) is None
    exact = follow_up_mark(lane((Status.ACTIVE, "2025"), follow_up="2027-01-15"))
    assert exact is not None and exact.exact
    assert exact.span == DaySpan(D(2027, 1, 15), D(2027, 1, 16))
    assert exact.text() == "Follow up on 15 Jan 2027"
    quarter = follow_up_mark(lane((Status.ACTIVE, "2025"), follow_up="2027-Q1"))
    assert quarter is not None and not quarter.exact
    assert quarter.span == DaySpan(D(2027, 1, 1), D(2027, 4, 1))
    assert quarter.text() == "Follow up by Q1 2027"


def test_dates_at_the_ends_of_the_calendar_stay_within_it() -> None:
    first, last = periods(
        lane((Status.EXPLORATORY, "0001"), (Status.ACTIVE, "9999-12-31")), today=TODAY
    )
    assert first.uncertain == DaySpan(D(1, 1, 1), D(2, 1, 1))
    assert last.solid == DaySpan(D(9999, 12, 31), D.max)
    mark = follow_up_mark(lane((Status.ACTIVE, "2025"), follow_up="9999-Q4"))
    assert mark is not None and mark.span.end == D.max


def test_periods_and_marks_read_in_french() -> None:
    from tracker.domain.dates import PartialDate
    from tracker.domain.lanes import FollowUpMark, StatusPeriod, covered
    from tracker.domain.languages import Language

    q3 = PartialDate.from_iso("2025-Q3")
    day = PartialDate.from_iso("2026-02-27")
    closed = StatusPeriod(Status.NEGOTIATING, q3, day, covered(q3), covered(day), False)
    assert closed.text(Language.FR) == "En négociation du 3e trimestre 2025 au 27 février 2026"
    assert closed.text() == "Negotiating from Q3 2025 to 27 Feb 2026"
    mark = FollowUpMark(q3, covered(q3))
    assert mark.text(Language.FR) == "Suivi d’ici 3e trimestre 2025"
