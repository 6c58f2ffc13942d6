"""Follow-ups and stale engagements: when a follow-up falls due, periods, and their words.

A follow-up date falls due at the end of the period it names
(:attr:`~tracker.domain.dates.PartialDate.last_day`): ``2026-Q2`` on 30 June 2026,
``2026-06`` on 30 June, ``2026-H1`` on 30 June, ``mid-2026`` on 31 August, ``2026``
on 31 December, a day on that day. The database keeps that day beside every
follow-up (``follow_up_to``), so lists filter and sort by it in SQL.

A *period* is what people type after ``--within``, ``--stale`` and ``--due``: a whole
number and a unit, with or without a space between, in any case::

    30d  30 days  2w  2 weeks  1m  1 month  3mo  1y  1 year

(units: ``d`` day(s), ``w``/``wk`` week(s), ``m``/``mo`` month(s), ``y``/``yr``
year(s)). Anything else ("2 fortnights", "soon", "-3d", "1.5w") is refused, and so is a
period longer than 100 years. Periods count in calendar units with python-dateutil's
``relativedelta``: one month after 31 January is 28 (or 29) February.

An engagement is *stale* when its status is open (:data:`~tracker.domain.vocab.OPEN_STATUSES`)
and it has had no change (``updated_at``) for a period. "Today" is always the caller's
(the services use the UTC date), so every rule here is pure.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final, Literal, NamedTuple

from dateutil.relativedelta import relativedelta

from tracker.domain.dates import PartialDate
from tracker.domain.model import Engagement, Filters
from tracker.domain.vocab import Status

__all__ = [
    "DEFAULT_STALE",
    "DEFAULT_WINDOW",
    "FOLLOW_UPS_DUE",
    "DueItem",
    "Period",
    "PeriodError",
    "QuickFilters",
    "badge",
    "due_item",
    "due_items",
    "due_on",
    "parse_period",
    "when_due",
]

# The name of the briefing section that lists them (the PDF's heading, the dialog's
# option, the command line's help).
FOLLOW_UPS_DUE: Final = "Follow-ups due"

Unit = Literal["day", "week", "month", "year"]

# What each unit may be written as (after case folding).
_UNIT_WORDS: Final[dict[str, Unit]] = {
    **dict.fromkeys(("d", "day", "days"), "day"),
    **dict.fromkeys(("w", "wk", "wks", "week", "weeks"), "week"),
    **dict.fromkeys(("m", "mo", "mos", "month", "months"), "month"),
    **dict.fromkeys(("y", "yr", "yrs", "year", "years"), "year"),
}
# The longest period of each unit: 100 years, so that no period leaves the calendar.
_LARGEST: Final[dict[Unit, int]] = {"day": 36_500, "week": 5_200, "month": 1_200, "year": 100}
_PERIOD: Final = re.compile(r"(?P<count>\d{1,6})\s*(?P<unit>[a-z]+)", re.ASCII)
_EXPECTED: Final = "a number of days, weeks, months or years: 30d, 2w, 1m, 1y"


class PeriodError(ValueError):
    """Text that is not a period; the message quotes it and says what is expected."""


@dataclass(frozen=True)
class Period:
    """A length of time in one calendar unit: 30 days, 2 weeks, 1 month, 1 year."""

    count: int
    unit: Unit

    def __post_init__(self) -> None:
        largest = _LARGEST.get(self.unit)
        if largest is None:
            raise PeriodError(f'unknown unit "{self.unit}" (allowed: day, week, month, year)')
        if not 0 <= self.count <= largest:
            raise PeriodError(f"a period must be 0 to {largest} {self.unit}s, not {self.count}")

    @property
    def delta(self) -> relativedelta:
        """The period as a ``relativedelta`` (calendar months and years)."""
        days = {"day": 1, "week": 7}.get(self.unit, 0) * self.count
        months = {"month": 1, "year": 12}.get(self.unit, 0) * self.count
        return relativedelta(days=days, months=months)

    def text(self) -> str:
        """The short form that :func:`parse_period` reads back: "2w", "30d", "1m"."""
        return f"{self.count}{self.unit[0]}"

    def label(self) -> str:
        """How it reads: "2 weeks", "1 month", "30 days"."""
        return f"{self.count} {self.unit}{'' if self.count == 1 else 's'}"

    def after(self, day: datetime.date) -> datetime.date:
        """The day this period after ``day`` (the last day of the calendar at most)."""
        try:
            return day + self.delta
        except (ValueError, OverflowError):
            return datetime.date.max

    def before(self, day: datetime.date) -> datetime.date:
        """The day this period before ``day`` (the first day of the calendar at least)."""
        try:
            return day - self.delta
        except (ValueError, OverflowError):
            return datetime.date.min

    def __str__(self) -> str:
        return self.text()


def parse_period(text: str) -> Period:
    """The period ``text`` names ("2w", "30 days", "1m"); :class:`PeriodError` otherwise."""
    match = _PERIOD.fullmatch(text.strip().casefold())
    unit = _UNIT_WORDS.get(match["unit"]) if match is not None else None
    if match is None or unit is None:
        raise PeriodError(f'cannot understand the period "{text}" (expected {_EXPECTED})')
    count = int(match["count"])
    if count > _LARGEST[unit]:
        raise PeriodError(f'the period "{text}" is too long (at most 100 years)')
    return Period(count, unit)


# What the filter bar's "Due soon" and "Stale" mean, and what ``--within`` and
# ``--due`` take when given no period.
DEFAULT_WINDOW: Final = Period(2, "week")
DEFAULT_STALE: Final = Period(90, "day")

_ONE_DAY: Final = datetime.timedelta(days=1)


def due_on(follow_up: PartialDate) -> datetime.date:
    """The day a follow-up falls due: the last day of its period."""
    return follow_up.last_day


def when_due(days: int) -> str:
    """``days`` until a follow-up falls due, in words: "overdue by 12 days", "due today",
    "due in 1 day" (negative ``days`` are overdue)."""
    if days < 0:
        return f"overdue by {-days} day{'' if days == -1 else 's'}"
    if days == 0:
        return "due today"
    return f"due in {days} day{'' if days == 1 else 's'}"


def badge(
    follow_up: PartialDate | None,
    *,
    today: datetime.date,
    window: Period = DEFAULT_WINDOW,
) -> str | None:
    """What to flag about a follow-up: "follow-up overdue by 12 days", "follow-up due in
    5 days"; None without one, or when it falls due after ``window``."""
    if follow_up is None:
        return None
    due = due_on(follow_up)
    if due > window.after(today):
        return None
    return "follow-up " + when_due((due - today).days)


class DueItem(NamedTuple):
    """One engagement on the due list: which, its follow-up, and when that falls due.

    ``days`` counts from today to ``due``: negative when overdue, 0 when due today.
    A named tuple rather than a frozen dataclass: a due list can hold tens of
    thousands, and a tuple is built in half the time.
    """

    number: int
    uid: str
    title: str
    status: Status
    follow_up: PartialDate
    due: datetime.date
    days: int
    updated_at: str

    @property
    def overdue(self) -> bool:
        """True when the follow-up fell due before today."""
        return self.days < 0

    @property
    def when(self) -> str:
        """The days in words: "overdue by 12 days", "due today", "due in 5 days"."""
        return when_due(self.days)


def due_item(
    *,
    number: int,
    uid: str,
    title: str,
    status: Status,
    follow_up: PartialDate,
    updated_at: str,
    today: datetime.date,
) -> DueItem:
    """The due-list entry of an engagement with this follow-up, seen on ``today``."""
    due = due_on(follow_up)
    return DueItem(number, uid, title, status, follow_up, due, (due - today).days, updated_at)


def due_items(
    engagements: Iterable[Engagement], *, today: datetime.date, until: datetime.date
) -> tuple[DueItem, ...]:
    """The engagements whose follow-up falls due by ``until``: overdue first (the longest
    overdue first), then the soonest due; ties by number."""
    found = [
        due_item(
            number=e.id,
            uid=e.uid,
            title=e.data.title,
            status=e.data.status,
            follow_up=e.data.follow_up,
            updated_at=e.updated_at,
            today=today,
        )
        for e in engagements
        if e.data.follow_up is not None and due_on(e.data.follow_up) <= until
    ]
    return tuple(sorted(found, key=lambda item: (item.due, item.number)))


def due_until(today: datetime.date, within: Period | None) -> datetime.date:
    """The last due day of a due list: ``within`` after today, or yesterday for the
    overdue ones alone (``within`` None)."""
    return within.after(today) if within is not None else today - _ONE_DAY


@dataclass(frozen=True)
class QuickFilters:
    """The filter bar's quick filters, as the ``Filters`` fields they set.

    *Overdue* keeps the follow-ups due before today, *due soon* those due from today
    to :data:`DEFAULT_WINDOW` ahead (both together: everything due by then), *stale*
    the open engagements with no change for a period (:data:`DEFAULT_STALE` unless the
    caller says otherwise: the desktop app's preference). They narrow whatever else is
    chosen.
    """

    overdue: bool = False
    due_soon: bool = False
    stale: bool = False

    def applied(
        self, filters: Filters, *, today: datetime.date, stale_for: Period = DEFAULT_STALE
    ) -> Filters:
        """``filters`` with these quick filters (and no others) set for ``today``, stale
        meaning no change for ``stale_for``."""
        due_from: datetime.date | None = None
        due_by: datetime.date | None = None
        if self.due_soon:
            due_by = DEFAULT_WINDOW.after(today)
            due_from = None if self.overdue else today
        elif self.overdue:
            due_by = today - _ONE_DAY
        stale_before = stale_for.before(today) if self.stale else None
        return dataclasses.replace(
            filters, due_from=due_from, due_by=due_by, stale_before=stale_before
        )

    @classmethod
    def of(cls, filters: Filters, *, today: datetime.date) -> QuickFilters:
        """The quick filters that :meth:`applied` turns into ``filters``' due and stale
        fields (an inverse, so that the bar can show filters it is given)."""
        stale = filters.stale_before is not None
        if filters.due_by is None:
            return cls(stale=stale)
        return cls(
            overdue=filters.due_from is None,
            due_soon=filters.due_by >= today,
            stale=stale,
        )
