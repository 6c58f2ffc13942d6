"""The lanes of the timeline: an engagement's status periods, drawn from its partial dates.

A :class:`Lane` is what the timeline reads of one engagement (its title, status events,
follow-up and start). :func:`periods` turns its status events into :class:`StatusPeriod`
spans: each runs from its event to the next event (the last one still under way runs to
today). A date known only to the quarter, month or year is never made a day: its period
*begins somewhere within* the days that date covers, so that stretch is the period's
``uncertain`` part, drawn apart from the ``solid`` part that surely held the status.
:func:`follow_up_mark` is the same for the follow-up date: a day, or the span it covers.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from tracker.domain.date_words import date_label
from tracker.domain.dates import PartialDate, Precision
from tracker.domain.languages import Language, translate, vocab_label
from tracker.domain.vocab import OPEN_STATUSES, Status

__all__ = [
    "DaySpan",
    "FollowUpMark",
    "Lane",
    "LaneEvent",
    "StatusPeriod",
    "covered",
    "follow_up_mark",
    "periods",
    "shifted",
]


def shifted(day: datetime.date, days: int) -> datetime.date:
    """``day`` moved by ``days``, kept within the calendar (a date of 31 December 9999
    has no day after it)."""
    try:
        return day + datetime.timedelta(days=days)
    except OverflowError:
        return datetime.date.max if days > 0 else datetime.date.min


@dataclass(frozen=True)
class LaneEvent:
    """A change of status as the timeline reads it: the status and when (None: undated)."""

    status: Status
    on: PartialDate | None


@dataclass(frozen=True)
class Lane:
    """One engagement on the timeline."""

    id: int
    title: str
    status: Status
    events: tuple[LaneEvent, ...]
    follow_up: PartialDate | None = None
    started: PartialDate | None = None


@dataclass(frozen=True)
class DaySpan:
    """The days from ``start`` up to, not including, ``end`` (empty when equal)."""

    start: datetime.date
    end: datetime.date

    @property
    def empty(self) -> bool:
        """True when the span holds no day."""
        return self.end <= self.start


def covered(date: PartialDate) -> DaySpan:
    """The days a partial date covers: one for a day, 92 for a quarter."""
    return DaySpan(date.first_day, shifted(date.last_day, 1))


@dataclass(frozen=True)
class StatusPeriod:
    """A status held from one event to the next.

    ``uncertain`` is the span in which the period began (the days its event's date
    covers; empty for an exact day); ``solid`` is the span in which it surely held.
    ``open`` is True for the last period of a status still under way, which runs to
    today.
    """

    status: Status
    since: PartialDate
    until: PartialDate | None
    uncertain: DaySpan
    solid: DaySpan
    open: bool

    @property
    def start(self) -> datetime.date:
        """The first day the period may have held."""
        return self.uncertain.start

    @property
    def end(self) -> datetime.date:
        """The day after the last day it held."""
        return max(self.solid.end, self.uncertain.end)

    def text(self, language: Language = Language.EN) -> str:
        """How the period reads: "Negotiating from Q3 2025 to 27 Feb 2026"."""
        status, since = vocab_label(self.status, language), _date(self.since, language)
        if self.until is not None:
            until = _date(self.until, language)
            return translate("{status} from {since} to {until}", language).format(
                status=status, since=since, until=until
            )
        if self.open:
            return translate("{status} since {since}, to today", language).format(
                status=status, since=since
            )
        text = (
            "{status} on {since}"
            if self.since.precision == Precision.DAY
            else "{status} in {since}"
        )
        return translate(text, language).format(status=status, since=since)


def periods(lane: Lane, *, today: datetime.date) -> tuple[StatusPeriod, ...]:
    """The status periods of ``lane``'s dated events, in the order recorded.

    Undated events cannot be placed and are left out. A period may begin from the first
    day its date covers, but no earlier than the period before it (the history's order
    stands: "28 Oct 2022, then ~2022" is read as later in 2022). It ends where the next
    may begin; the last ends today if its status is still under way, or with its own
    date if the engagement broke down or ended.
    """
    dated = [(e.status, e.on) for e in lane.events if e.on is not None]
    begins: list[datetime.date] = []
    for _status, on in dated:
        begins.append(max(on.first_day, begins[-1]) if begins else on.first_day)
    found: list[StatusPeriod] = []
    for number, (status, on) in enumerate(dated):
        later = number + 1 < len(dated)
        following = (dated[number + 1][1], begins[number + 1]) if later else None
        found.append(_period(status, on, begins[number], following, today))
    return tuple(found)


def _period(
    status: Status,
    since: PartialDate,
    begin: datetime.date,
    following: tuple[PartialDate, datetime.date] | None,
    today: datetime.date,
) -> StatusPeriod:
    """The period of ``status`` from ``since`` (which may begin from ``begin``) to
    ``following`` (the next date and the day it may begin), or to today."""
    covered_end = max(begin, shifted(since.last_day, 1))
    still = following is None and status in OPEN_STATUSES
    if following is not None:
        end = following[1]
    elif still:
        end = max(today, covered_end)
    else:
        end = covered_end
    exact = since.precision == Precision.DAY
    # A later date that begins inside this one (2025, then Mar 2025) cuts it short.
    began = DaySpan(begin, begin if exact else max(begin, min(covered_end, end)))
    solid = DaySpan(began.end, max(end, began.end))
    until = following[0] if following is not None else None
    return StatusPeriod(status, since, until, began, solid, still)


@dataclass(frozen=True)
class FollowUpMark:
    """Where the follow-up falls: ``exact`` for a day (a diamond), else the span its
    date covers (a bracket)."""

    date: PartialDate
    span: DaySpan

    @property
    def exact(self) -> bool:
        """True for a follow-up on a known day."""
        return self.date.precision == Precision.DAY

    def text(self, language: Language = Language.EN) -> str:
        """How the mark reads: "Follow up by Q3 2026"."""
        text = "Follow up on {date}" if self.exact else "Follow up by {date}"
        return translate(text, language).format(date=_date(self.date, language))


def _date(date: PartialDate, language: Language) -> str:
    """A recorded date as the timeline says it ("Q3 2025", "3e trimestre 2025")."""
    return date_label(date, language)


def follow_up_mark(lane: Lane) -> FollowUpMark | None:
    """The follow-up mark of ``lane``, or None when it has no follow-up date."""
    if lane.follow_up is None:
        return None
    return FollowUpMark(lane.follow_up, covered(lane.follow_up))
