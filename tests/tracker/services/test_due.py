"""Tracker.due and the due and stale filters, on SQLite and (TRACKER_TEST_DB) PostgreSQL.

"Today" is passed in (``today=``), so these tests do not depend on the day they run;
"no change for 90 days" is made by writing with the store's clock set back.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest

from db import store
from tracker.domain.due import DEFAULT_WINDOW, QuickFilters, parse_period
from tracker.domain.model import Filters
from tracker.domain.vocab import Status
from tracker.services import Tracker

D = datetime.date
TODAY = D(2026, 5, 14)

# title: (status, follow-up)
RECORDS: dict[str, tuple[str, str | None]] = {
    "Long overdue": ("negotiating", "2026-Q1"),  # 31 March: 44 days overdue
    "Overdue yesterday": ("active", "2026-05-13"),
    "Due today": ("exploratory", "2026-05-14"),
    "Due this month": ("agreed", "2026-05"),  # 31 May: in 17 days
    "Due in a week": ("paused", "2026-05-21"),
    "Ended, overdue": ("ended", "2026-04"),  # 30 April: 14 days overdue
    "Due mid-year": ("active", "mid-2026"),  # 31 August
    "No follow-up": ("active", None),
}


def record(title: str, status: str, follow_up: str | None, **extra: Any) -> dict[str, Any]:
    return {
        "title": title,
        "vendor": "OpenAI",
        "counterpart": "NATO",
        "status": status,
        "follow_up": follow_up,
        **extra,
    }


@pytest.fixture
def due(tracker: Tracker) -> Tracker:
    for title, (status, follow_up) in RECORDS.items():
        tracker.create(data=record(title, status, follow_up))
    return tracker


def titles(items: Any) -> list[str]:
    return [item.title for item in items]


def test_overdue_first_then_due_within_two_weeks(due: Tracker) -> None:
    items = due.due(today=TODAY)
    assert titles(items) == [
        "Long overdue",
        "Ended, overdue",
        "Overdue yesterday",
        "Due today",
        "Due in a week",
    ]
    assert [(i.days, i.overdue, i.when) for i in items] == [
        (-44, True, "overdue by 44 days"),
        (-14, True, "overdue by 14 days"),
        (-1, True, "overdue by 1 day"),
        (0, False, "due today"),
        (7, False, "due in 7 days"),
    ]
    first = items[0]
    assert (first.due, first.follow_up.iso(), first.status) == (
        D(2026, 3, 31),
        "2026-Q1",
        Status.NEGOTIATING,
    )
    stored = due.get(engagement_id=first.number)
    assert (first.uid, first.updated_at) == (stored.uid, stored.updated_at)


def test_the_window_and_overdue_only(due: Tracker) -> None:
    month = due.due(today=TODAY, within=parse_period("1m"))
    assert titles(month)[-2:] == ["Due in a week", "Due this month"]
    assert "Due mid-year" in titles(due.due(today=TODAY, within=parse_period("4 months")))
    assert titles(due.due(today=TODAY, within=parse_period("0d")))[-1] == "Due today"
    assert titles(due.due(today=TODAY, overdue_only=True)) == [
        "Long overdue",
        "Ended, overdue",
        "Overdue yesterday",
    ]
    assert due.due(today=D(2026, 1, 1)) == ()


def test_the_due_list_takes_the_filters_of_a_list(due: Tracker) -> None:
    active = due.due(today=TODAY, filters=Filters(statuses=(Status.ACTIVE, Status.ENDED)))
    assert titles(active) == ["Ended, overdue", "Overdue yesterday"]
    assert titles(due.due(today=TODAY, filters=Filters(search="yesterday"))) == [
        "Overdue yesterday"
    ]
    # A due filter of its own narrows the list further.
    narrowed = due.due(today=TODAY, filters=Filters(due_by=D(2026, 4, 1)))
    assert titles(narrowed) == ["Long overdue"]


def test_trashed_engagements_are_not_due(due: Tracker) -> None:
    first = due.due(today=TODAY)[0]
    due.delete(engagement_id=first.number)
    assert first.title not in titles(due.due(today=TODAY))
    assert titles(due.due(today=TODAY, filters=Filters(trash=True))) == [first.title]


def test_quick_filters_select_the_same_engagements_as_the_due_list(due: Tracker) -> None:
    def listed(quick: QuickFilters) -> set[str]:
        ids = due.list_ids(filters=quick.applied(Filters(), today=TODAY))
        return {row.title for row in due.rows(ids=ids)}

    overdue = {i.title for i in due.due(today=TODAY, overdue_only=True)}
    everything = {i.title for i in due.due(today=TODAY, within=DEFAULT_WINDOW)}
    assert listed(QuickFilters(overdue=True)) == overdue
    assert (
        listed(QuickFilters(due_soon=True))
        == everything - overdue
        == {
            "Due today",
            "Due in a week",
        }
    )
    assert listed(QuickFilters(overdue=True, due_soon=True)) == everything
    assert due.count(filters=QuickFilters(overdue=True).applied(Filters(), today=TODAY)) == 3


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The store's clock: the last time in the list is what writes are stamped with."""
    times = [store.utc_now()]
    monkeypatch.setattr(store, "utc_now", lambda: times[-1])
    yield times


def test_stale_is_open_and_unchanged_for_the_period(tracker: Tracker, clock: list[str]) -> None:
    clock.append("2026-01-10T09:00:00.000000Z")
    old = {
        status: tracker.create(data=record(f"Old {status}", status, None)).engagement
        for status in ("exploratory", "negotiating", "agreed", "active", "paused", "ended")
    }
    tracker.create(data=record("Old broken down", "broken_down", None))
    clock.append("2026-05-01T09:00:00.000000Z")
    tracker.create(data=record("Recent", "active", None))
    # An old one touched lately is not stale any more.
    touched = old["paused"]
    tracker.update(engagement_id=touched.id, expected_version=1, changes={"next_step": "Call them"})

    cutoff = parse_period("90d").before(TODAY)  # 13 February
    stale = tracker.rows(ids=tracker.list_ids(filters=Filters(stale_before=cutoff)))
    assert {r.title for r in stale} == {
        "Old exploratory",
        "Old negotiating",
        "Old agreed",
        "Old active",
    }
    quick = QuickFilters(stale=True).applied(Filters(), today=TODAY)
    assert quick.stale_before == cutoff
    assert tracker.count(filters=quick) == 4
    # The day of the last change itself is not "before" it.
    assert tracker.count(filters=Filters(stale_before=D(2026, 1, 10))) == 0
    assert tracker.count(filters=Filters(stale_before=D(2026, 1, 11))) == 4


def test_stale_and_due_compose(tracker: Tracker, clock: list[str]) -> None:
    clock.append("2026-01-10T09:00:00.000000Z")
    tracker.create(data=record("Forgotten and overdue", "active", "2026-03"))
    tracker.create(data=record("Forgotten, no follow-up", "active", None))
    clock.append("2026-05-10T09:00:00.000000Z")
    tracker.create(data=record("Watched and overdue", "active", "2026-04"))
    stale = Filters(stale_before=parse_period("90d").before(TODAY))
    assert titles(tracker.due(today=TODAY, filters=stale)) == ["Forgotten and overdue"]
    assert titles(tracker.due(today=TODAY)) == ["Forgotten and overdue", "Watched and overdue"]


def test_a_briefing_lists_the_follow_ups_due_of_the_engagements_it_includes(due: Tracker) -> None:
    import io

    from pypdf import PdfReader

    from tracker.services.briefings import BriefingRequest, render_briefing

    now = datetime.datetime(2026, 5, 14, 23, 30, tzinfo=datetime.UTC)
    request = BriefingRequest(
        filters=Filters(statuses=(Status.ACTIVE, Status.NEGOTIATING)),
        due_within=parse_period("1m"),
    )
    pdf, count = render_briefing(due, request, now=now)
    assert count == 4
    text = " ".join(
        " ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )
    section = text[text.index("Follow-ups due As of") : text.index("Restriction matrix")]
    assert "As of 14 May 2026 (UTC): 2 follow-ups overdue, 0 due within 1 month" in section
    assert section.index("Long overdue") < section.index("Overdue yesterday")
    # Only the engagements the briefing includes: no others' titles, so no others' markings.
    for excluded in ("Ended, overdue", "Due today", "Due in a week", "Due this month"):
        assert excluded not in section
    plain, _ = render_briefing(due, BriefingRequest(), now=now)
    assert "Follow-ups due" not in " ".join(
        page.extract_text() or "" for page in PdfReader(io.BytesIO(plain)).pages
    )
