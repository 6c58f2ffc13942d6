"""tracker.domain.due: when a follow-up falls due, periods, the due list and its words."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from tracker.domain.dates import PartialDate
from tracker.domain.due import (
    DEFAULT_STALE,
    DEFAULT_WINDOW,
    Period,
    PeriodError,
    QuickFilters,
    badge,
    due_items,
    due_on,
    due_until,
    parse_period,
    when_due,
)
from tracker.domain.model import Engagement, EngagementData, Filters
from tracker.domain.vocab import OPEN_STATUSES, Status

D = datetime.date
TODAY = D(2026, 5, 14)


# -- when a follow-up falls due -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("2026-06-15", D(2026, 6, 15)),  # a day: that day
        ("2026-06", D(2026, 6, 30)),  # a month: its last day
        ("2026-02", D(2026, 2, 28)),
        ("2028-02", D(2028, 2, 29)),  # a leap year's February
        ("2026-Q1", D(2026, 3, 31)),  # quarters
        ("2026-Q2", D(2026, 6, 30)),
        ("2026-Q3", D(2026, 9, 30)),
        ("2026-Q4", D(2026, 12, 31)),
        ("2026-H1", D(2026, 6, 30)),  # halves
        ("2026-H2", D(2026, 12, 31)),
        ("early-2026", D(2026, 4, 30)),  # thirds: January-April, May-August, September-December
        ("mid-2026", D(2026, 8, 31)),
        ("late-2026", D(2026, 12, 31)),
        ("2026", D(2026, 12, 31)),  # a year
        ("~2026-Q2", D(2026, 6, 30)),  # approximate: the same period
        ("~2026", D(2026, 12, 31)),
    ],
)
def test_a_follow_up_falls_due_at_the_end_of_its_period(text: str, due: datetime.date) -> None:
    assert due_on(PartialDate.from_iso(text)) == due


# -- periods ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("30d", Period(30, "day")),
        ("2w", Period(2, "week")),
        ("1m", Period(1, "month")),
        ("1y", Period(1, "year")),
        ("90d", Period(90, "day")),
        ("2 weeks", Period(2, "week")),
        ("1 week", Period(1, "week")),
        ("30 days", Period(30, "day")),
        ("1 day", Period(1, "day")),
        ("3 months", Period(3, "month")),
        ("3mo", Period(3, "month")),
        ("2wk", Period(2, "week")),
        ("1 yr", Period(1, "year")),
        ("  2W ", Period(2, "week")),
        ("0d", Period(0, "day")),
        ("100y", Period(100, "year")),
        ("36500d", Period(36_500, "day")),
    ],
)
def test_periods_people_type(text: str, period: Period) -> None:
    assert parse_period(text) == period


@pytest.mark.parametrize(
    "text",
    [
        "2 fortnights",
        "fortnight",
        "soon",
        "",
        "   ",
        "2",
        "w",
        "-3d",
        "1.5w",
        "2 weeks ago",
        "2w3d",
        "1 month and a bit",
        "３d",  # full-width digits are not read as numbers
    ],
)
def test_anything_else_is_refused_naming_the_text(text: str) -> None:
    with pytest.raises(PeriodError, match="cannot understand the period") as caught:
        parse_period(text)
    assert f'"{text}"' in str(caught.value)
    assert "30d, 2w, 1m, 1y" in str(caught.value)


@pytest.mark.parametrize("text", ["101y", "1201m", "5201w", "36501d", "999999d"])
def test_a_period_of_more_than_a_hundred_years_is_refused(text: str) -> None:
    with pytest.raises(PeriodError, match="too long"):
        parse_period(text)


def test_a_period_reads_back_and_reads_well() -> None:
    for text in ("2w", "30d", "1m", "1y", "0d"):
        assert parse_period(text).text() == text
        assert parse_period(str(parse_period(text))) == parse_period(text)
    assert Period(2, "week").label() == "2 weeks"
    assert Period(1, "month").label() == "1 month"
    assert Period(30, "day").label() == "30 days"
    with pytest.raises(PeriodError):
        Period(-1, "day")
    with pytest.raises(PeriodError):
        Period(1, "fortnight")  # type: ignore[arg-type]


def test_periods_count_calendar_months_with_relativedelta() -> None:
    assert Period(1, "month").after(D(2026, 1, 31)) == D(2026, 2, 28)
    assert Period(1, "month").after(D(2028, 1, 31)) == D(2028, 2, 29)
    assert Period(1, "month").before(D(2026, 3, 31)) == D(2026, 2, 28)
    assert Period(1, "year").after(D(2028, 2, 29)) == D(2029, 2, 28)
    assert Period(2, "week").after(TODAY) == D(2026, 5, 28)
    assert Period(90, "day").before(TODAY) == D(2026, 2, 13)
    assert Period(0, "day").after(TODAY) == TODAY


def test_periods_stop_at_the_ends_of_the_calendar() -> None:
    assert Period(100, "year").after(D(9950, 1, 1)) == datetime.date.max
    assert Period(100, "year").before(D(50, 1, 1)) == datetime.date.min


# -- words --------------------------------------------------------------------------------


def test_days_in_words() -> None:
    assert when_due(-12) == "overdue by 12 days"
    assert when_due(-1) == "overdue by 1 day"
    assert when_due(0) == "due today"
    assert when_due(1) == "due in 1 day"
    assert when_due(5) == "due in 5 days"


def test_the_badge_flags_overdue_and_soon_due_follow_ups_only() -> None:
    def flag(text: str | None) -> str | None:
        return badge(PartialDate.from_iso(text) if text else None, today=TODAY)

    assert flag("2026-05-02") == "follow-up overdue by 12 days"
    assert flag("2026-04") == "follow-up overdue by 14 days"
    assert flag("2026-05-14") == "follow-up due today"
    assert flag("2026-05-19") == "follow-up due in 5 days"
    assert flag("2026-05-28") == "follow-up due in 14 days"  # the last day of the window
    assert flag("2026-05-29") is None
    assert flag("2026-Q2") is None  # 30 June
    assert flag(None) is None
    quarter = PartialDate.from_iso("2026-Q2")
    assert badge(quarter, today=TODAY, window=Period(2, "month")) == "follow-up due in 47 days"


# -- the due list ----------------------------------------------------------------------------


def engagement(number: int, follow_up: str | None, status: Status = Status.ACTIVE) -> Engagement:
    data = EngagementData(
        title=f"Engagement {number}",
        vendor="OpenAI",
        counterpart="NATO",
        status=status,
        follow_up=PartialDate.from_iso(follow_up) if follow_up else None,
    )
    return Engagement(
        id=number,
        uid=f"e{number}",
        version=1,
        data=data,
        created_at="2026-01-01T00:00:00Z",
        updated_at="2026-01-02T00:00:00Z",
    )


def test_due_items_are_overdue_first_then_the_soonest() -> None:
    found = due_items(
        [
            engagement(1, "2026-05-20"),
            engagement(2, "2026-Q1", Status.ENDED),
            engagement(3, None),
            engagement(4, "2026-05"),  # 31 May: after the window
            engagement(5, "2026-06"),
            engagement(6, "2026-05-20"),
            engagement(7, "2026-05-14"),
        ],
        today=TODAY,
        until=due_until(TODAY, DEFAULT_WINDOW),
    )
    assert [(i.number, i.due, i.days, i.overdue) for i in found] == [
        (2, D(2026, 3, 31), -44, True),
        (7, D(2026, 5, 14), 0, False),
        (1, D(2026, 5, 20), 6, False),
        (6, D(2026, 5, 20), 6, False),
    ]
    assert found[0].when == "overdue by 44 days"
    assert found[0].follow_up.iso() == "2026-Q1"
    assert (found[0].uid, found[0].title, found[0].status) == ("e2", "Engagement 2", Status.ENDED)


def test_the_due_list_ends_with_the_window_or_yesterday() -> None:
    assert due_until(TODAY, Period(2, "week")) == D(2026, 5, 28)
    assert due_until(TODAY, Period(1, "month")) == D(2026, 6, 14)
    assert due_until(TODAY, None) == D(2026, 5, 13)
    overdue = due_items(
        [engagement(1, "2026-05-13"), engagement(2, "2026-05-14")],
        today=TODAY,
        until=due_until(TODAY, None),
    )
    assert [i.number for i in overdue] == [1]


# -- quick filters ---------------------------------------------------------------------------

QUICK = [
    QuickFilters(),
    QuickFilters(overdue=True),
    QuickFilters(due_soon=True),
    QuickFilters(overdue=True, due_soon=True),
    QuickFilters(stale=True),
    QuickFilters(overdue=True, stale=True),
    QuickFilters(due_soon=True, stale=True),
    QuickFilters(overdue=True, due_soon=True, stale=True),
]


def test_quick_filters_set_the_due_and_stale_days() -> None:
    base = Filters(statuses=(Status.ACTIVE,), search="nato")
    assert QuickFilters().applied(base, today=TODAY) == base
    overdue = QuickFilters(overdue=True).applied(base, today=TODAY)
    assert (overdue.due_from, overdue.due_by) == (None, D(2026, 5, 13))
    soon = QuickFilters(due_soon=True).applied(base, today=TODAY)
    assert (soon.due_from, soon.due_by) == (TODAY, D(2026, 5, 28))
    both = QuickFilters(overdue=True, due_soon=True).applied(base, today=TODAY)
    assert (both.due_from, both.due_by) == (None, D(2026, 5, 28))
    stale = QuickFilters(stale=True).applied(base, today=TODAY)
    assert stale.stale_before == DEFAULT_STALE.before(TODAY) == D(2026, 2, 13)
    assert dataclasses.replace(stale, stale_before=None) == base  # the rest is kept
    # The desktop app's preference: stale after a week.
    week = QuickFilters(stale=True).applied(base, today=TODAY, stale_for=Period(7, "day"))
    assert week.stale_before == D(2026, 5, 7)


@pytest.mark.parametrize("quick", QUICK)
def test_quick_filters_read_back_from_the_filters_they_make(quick: QuickFilters) -> None:
    applied = quick.applied(Filters(vendor="OpenAI"), today=TODAY)
    assert QuickFilters.of(applied, today=TODAY) == quick
    # Applying them anew replaces the old ones.
    assert QuickFilters().applied(applied, today=TODAY) == Filters(vendor="OpenAI")


def test_open_statuses_are_the_five_under_way() -> None:
    assert OPEN_STATUSES == (
        Status.EXPLORATORY,
        Status.NEGOTIATING,
        Status.AGREED,
        Status.ACTIVE,
        Status.PAUSED,
    )
    assert set(Status) - set(OPEN_STATUSES) == {Status.BROKEN_DOWN, Status.ENDED}
