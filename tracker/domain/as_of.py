"""The record as of a date: which day a user means, and how the answer is worded.

"As of DATE" is the state at the end of that day (UTC), rebuilt from the audit trail
(``db.as_of``). A date known only to its month, quarter or year means the last day
of that period, as a follow-up falls due then (``2026-03``: the end of 31 March). A
day after today (UTC) is refused: the record of a day not yet over is not settled.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from tracker.domain.date_parser import parse_partial_date
from tracker.domain.date_words import day_label
from tracker.domain.dates import DateParseError, PartialDate
from tracker.domain.errors import ValidationError
from tracker.domain.languages import Language, translate
from tracker.domain.model import Engagement, EngagementRow, Selection

OPTION = "--as-of"


def as_of_day(text: str, *, today: datetime.date) -> datetime.date:
    """The day ``text`` names (the last day of a partial date); a ``ValidationError``
    naming ``--as-of`` when it is not a date or lies after ``today``."""
    try:
        day = parse_partial_date(text, today=today).last_day
    except DateParseError as exc:
        raise ValidationError(str(exc), field=OPTION) from None
    check_day(day, today=today)
    return day


def check_day(day: datetime.date, *, today: datetime.date) -> None:
    """Refuse a day after ``today``: its record is not settled yet."""
    if day > today:
        raise ValidationError(
            f"{day_words(day)} is in the future (today is {day_words(today)}, UTC)",
            field=OPTION,
        )


def day_words(day: datetime.date) -> str:
    """The day as the record is headed: "1 March 2026"."""
    return PartialDate.of_day(day).label()


def heading(day: datetime.date, language: Language = Language.EN) -> str:
    """What a rebuilt record says of itself: "As of the end of 1 March 2026 (UTC)"."""
    words = translate("As of the end of {day} (UTC)", language)
    return words.format(day=day_label(day, language))


def did_not_exist(ref: int | str, day: datetime.date) -> str:
    """The one line for an engagement that was not yet created on ``day``."""
    return f"engagement {ref} did not exist on {day_words(day)}"


def not_rebuilt(ref: int | str, day: datetime.date) -> str:
    """The one line for an engagement whose trail starts after ``day`` (its baseline,
    written when a database older than schema 5 was upgraded)."""
    return (
        f"engagement {ref} cannot be rebuilt as of {day_words(day)}: its audit trail "
        "starts later (at the upgrade to schema 5)"
    )


def not_rebuilt_count(count: int, day: datetime.date) -> str:
    """The one line for the engagements a list as of ``day`` leaves out because their
    trails start later."""
    them = "engagement" if count == 1 else "engagements"
    return (
        f"{count} {them} created before {day_words(day)} cannot be rebuilt as of then "
        "(their audit trail starts at the upgrade to schema 5) and are left out"
    )


@dataclass(frozen=True)
class AsOfSelection:
    """The engagements matching a filter as they stood at the end of ``day``, in order:
    in full (``selection``, whose revision is the trail's latest entry then) and as
    table rows; ``not_rebuilt`` the numbers of those that existed then but whose trail
    starts later (left out)."""

    day: datetime.date
    selection: Selection
    rows: tuple[EngagementRow, ...]
    not_rebuilt: tuple[int, ...] = ()


@dataclass(frozen=True)
class AsOfRows:
    """The table rows of the engagements matching a filter as they stood at the end of
    ``day``, in order (what ``list`` prints), without every one read whole;
    ``not_rebuilt`` as in ``AsOfSelection``."""

    day: datetime.date
    rows: tuple[EngagementRow, ...]
    not_rebuilt: tuple[int, ...] = ()


@dataclass(frozen=True)
class Version:
    """One version of an engagement as its trail rebuilds it, and who wrote it how."""

    engagement: Engagement
    who: str
    action: str
