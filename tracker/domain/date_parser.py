"""The lenient reader of partial dates: what people type, to a :class:`PartialDate`.

:func:`parse_partial_date` accepts what people type (case-insensitive, surrounding
whitespace ignored): the canonical forms, quarters ("Q3 2025", "3Q 2025"), halves
("H1 2025", "2025 H2", "first half of 2025"), thirds ("mid 2025", "Mid-2025", "late
2025", "early this year"), approximate dates ("c. 2025", "c. Feb 2026", "earlier this
year"), month forms ("Feb 2026", "02/2026"), day forms ("27 Feb 2026", "February 27,
2026", "27.02.2026"), and anything else python-dateutil understands, provided the text
itself names the year (and a month, when it names a day) and has no time of day.

All-numeric dates are read **day first** (the European convention):
"03/04/2026" is 3 April 2026, never 4 March. A US-style "02/27/2026" is refused
(there is no month 27) rather than silently swapped.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from typing import Final

from dateutil import parser as _dateutil_parser

from tracker.domain.dates import (
    _CANONICAL,
    _MONTH_ABBREVIATIONS,
    _MONTH_NAMES,
    _THIRD_WORDS,
    _WEEKDAY_NAMES,
    DateParseError,
    PartialDate,
    Precision,
    _canonical,
    _from_canonical_match,
)

__all__ = ["parse_partial_date"]


_MONTHS_BY_NAME: Final[dict[str, int]] = {
    **{name.lower(): number for number, name in enumerate(_MONTH_NAMES, start=1)},
    **{name.lower(): number for number, name in enumerate(_MONTH_ABBREVIATIONS, start=1)},
    "sept": 9,
}
_MON: Final = "(?P<mon>" + "|".join(sorted(_MONTHS_BY_NAME, key=len, reverse=True)) + r")\.?"
_ORDINAL: Final = r"(?:st|nd|rd|th)?"

_QUARTER_PATTERNS: Final = tuple(
    re.compile(pattern, re.ASCII)
    for pattern in (
        r"q(?P<quarter>\d)[\s\-/]*(?P<year>\d{4})",  # Q3 2025, q3-2025, Q3/2025
        r"(?P<year>\d{4})[\s\-/]*q(?P<quarter>\d)",  # 2025 Q3, 2025-Q3
        r"(?P<quarter>\d)q[\s\-/]*(?P<year>\d{4})",  # 3Q 2025
    )
)
# A year as digits or relative to today ("this year"): for the parts of a year.
_SOME_YEAR: Final = r"(?:(?P<year>\d{4})|(?P<which>this|last|next)\s+year)"
_RELATIVE_YEARS: Final = {"this": 0, "last": -1, "next": 1}
_HALF_WORDS: Final = {"first": 1, "1st": 1, "second": 2, "2nd": 2}
_PART_OF_YEAR_PATTERNS: Final = tuple(
    re.compile(pattern, re.ASCII)
    for pattern in (
        r"h(?P<half>[12])[\s\-/]*" + _SOME_YEAR,  # H1 2025, h2-2025, H1 this year
        r"(?P<year>\d{4})[\s\-/]*h(?P<half>[12])",  # 2025 H2
        r"(?P<half>[12])h[\s\-/]*(?P<year>\d{4})",  # 1H 2025
        # first half of 2025, 2nd half 2025, second half of next year
        r"(?P<half_word>first|1st|second|2nd)\s+half\s+(?:of\s+)?" + _SOME_YEAR,
        r"(?P<third>early|mid|late)[\s\-]*" + _SOME_YEAR,  # mid-2025, Late 2025, early this year
    )
)
# "c. 2025", "c. Feb 2026", "~Q3 2025", "late Q3 2025": the prefix makes whatever
# follows approximate ("early", "mid" and "late" before a year name a third instead).
_APPROXIMATE_PREFIX: Final = re.compile(
    r"(?:(?:mid|early|late|circa|around|about|approximately|approx|ca|c)[\s\-]+"
    r"|(?:approx|ca|c)\.\s*|~\s*)(?P<rest>\S.*)",
    re.ASCII,
)
_RELATIVE_YEAR: Final = re.compile(
    r"(?:(?P<vague>earlier|later)\s+)?(?P<which>this|last|next)\s+year", re.ASCII
)
_MONTH_PATTERNS: Final = tuple(
    re.compile(pattern, re.ASCII)
    for pattern in (
        _MON + r"[\s\-/,.]*(?P<year>\d{4})",  # February 2026, feb. 2026, Feb-2026
        r"(?P<year>\d{4})[\s\-/,]+" + _MON,  # 2026 Feb
        r"(?P<year>\d{4})[/\-.](?P<month>\d{1,2})",  # 2026/02
        r"(?P<month>\d{1,2})[/\-.](?P<year>\d{4})",  # 02/2026
    )
)
_DAY_PATTERNS: Final = tuple(
    re.compile(pattern, re.ASCII)
    for pattern in (
        # 27 Feb 2026, 27 February 2026, 27th of February, 2026, 27-Feb-2026
        r"(?P<day>\d{1,2})"
        + _ORDINAL
        + r"[\s\-/.]*(?:of\s+)?"
        + _MON
        + r"[\s\-/.,]*(?P<year>\d{4})",
        # February 27, 2026; Feb 27 2026
        _MON + r"[\s\-/.]*(?P<day>\d{1,2})" + _ORDINAL + r"(?:\s*,\s*|[\s\-/]+)(?P<year>\d{4})",
        # 2026/02/27, 2026.02.27
        r"(?P<year>\d{4})(?P<sep>[/\-.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})",
        # 27/02/2026, 27.02.2026, 27-02-2026: day first
        r"(?P<day>\d{1,2})(?P<sep>[/\-.])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})",
    )
)

# Two dateutil defaults that differ in every component, so a component that comes
# out the same under both was given by the text. Both years are leap years (so
# "29 Feb" is reported as lacking a year), both months have 31 days, and the days
# are 14 apart so dateutil's "next <weekday>" adjustment cannot make them meet.
_DEFAULT_A: Final = datetime.datetime(2000, 1, 1, 0, 0, 0, 0)
_DEFAULT_B: Final = datetime.datetime(2004, 3, 15, 1, 1, 1, 1)

_WEEKDAYS: Final[dict[str, int]] = {
    **{name.lower(): number for number, name in enumerate(_WEEKDAY_NAMES)},
    **{name[:3].lower(): number for number, name in enumerate(_WEEKDAY_NAMES)},
    "tues": 1,
    "thur": 3,
    "thurs": 3,
}
_WORD: Final = re.compile(r"[a-z]+")


class _Refused(Exception):
    """Internal: the text is refused; ``template`` has a ``{quoted}`` slot for the text."""

    def __init__(self, template: str) -> None:
        super().__init__(template)
        self.template = template


def parse_partial_date(text: str, *, today: datetime.date | None = None) -> PartialDate:
    """Read a date as people type it; raises DateParseError quoting ``text`` if unsure.

    ``today`` (default: ``datetime.date.today()``) anchors "this year", "last year",
    "next year" and "earlier/later this year". Numeric dates are read day first.
    """
    canonical = _canonical(text)  # the forms files hold: no need to normalise
    if canonical is not None:
        return canonical
    normalised = " ".join(text.split()).lower()
    if not normalised:
        raise DateParseError(text, "empty date")
    try:
        return _parse(normalised, today)
    except _Refused as refusal:
        raise DateParseError(text, refusal.template.format(quoted=f'"{text}"')) from None
    except ValueError as exc:  # a PartialDate that cannot exist, e.g. 31 Feb 2026
        raise DateParseError(text, f'not a valid date "{text}": {exc}') from None


def _parse(s: str, today: datetime.date | None) -> PartialDate:
    canonical = _CANONICAL.fullmatch(s.upper())
    if canonical is not None:
        return _from_canonical_match(canonical)
    part = _parse_part_of_year(s, today)
    if part is not None:
        return part
    approximate = _parse_approximate(s, today)
    if approximate is not None:
        return approximate
    for pattern in _MONTH_PATTERNS:
        if match := pattern.fullmatch(s):
            return PartialDate(int(match["year"]), Precision.MONTH, month=_month_of(match))
    for pattern in _DAY_PATTERNS:
        if match := pattern.fullmatch(s):
            return PartialDate(
                int(match["year"]), Precision.DAY, month=_month_of(match), day=int(match["day"])
            )
    return _parse_with_dateutil(s)


def _month_of(match: re.Match[str]) -> int:
    groups = match.groupdict()
    if groups.get("mon") is not None:
        return _MONTHS_BY_NAME[groups["mon"]]
    return int(groups["month"])


def _year_of(match: re.Match[str], today: datetime.date | None) -> int:
    """The year a match names: its ``year`` digits, or ``which`` year relative to today."""
    groups = match.groupdict()
    if groups.get("year") is not None:
        return int(groups["year"])
    this_year = (today if today is not None else datetime.date.today()).year
    return this_year + _RELATIVE_YEARS[groups["which"]]


def _parse_part_of_year(s: str, today: datetime.date | None) -> PartialDate | None:
    """The quarter, half or third of a year ``s`` names ("Q3 2025", "H1 2025", "mid-2025")."""
    for pattern in (*_QUARTER_PATTERNS, *_PART_OF_YEAR_PATTERNS):
        if match := pattern.fullmatch(s):
            return _part_of_year(match, today)
    return None


def _part_of_year(match: re.Match[str], today: datetime.date | None) -> PartialDate:
    """The quarter, half or third of a year a match of one of their patterns names."""
    groups = match.groupdict()
    year = _year_of(match, today)
    if groups.get("quarter") is not None:
        return PartialDate(year, Precision.QUARTER, quarter=int(groups["quarter"]))
    if groups.get("third") is not None:
        return PartialDate(year, Precision.THIRD, third=_THIRD_WORDS.index(groups["third"]) + 1)
    if groups.get("half_word") is not None:
        return PartialDate(year, Precision.HALF, half=_HALF_WORDS[groups["half_word"]])
    return PartialDate(year, Precision.HALF, half=int(groups["half"]))


def _parse_approximate(s: str, today: datetime.date | None) -> PartialDate | None:
    if match := _RELATIVE_YEAR.fullmatch(s):
        year = _year_of(match, today)
        return PartialDate(year, Precision.YEAR, approximate=match["vague"] is not None)
    if match := _APPROXIMATE_PREFIX.fullmatch(s):
        return dataclasses.replace(_parse(match["rest"], today), approximate=True)
    return None


def _parse_with_dateutil(s: str) -> PartialDate:
    try:
        a = _dateutil_parser.parse(s, default=_DEFAULT_A, dayfirst=True)
        b = _dateutil_parser.parse(s, default=_DEFAULT_B, dayfirst=True)
    except (ValueError, OverflowError):
        raise _Refused("cannot understand the date {quoted}") from None
    if (
        a.tzinfo is not None
        or b.tzinfo is not None
        or a.hour == b.hour
        or a.minute == b.minute
        or a.second == b.second
        or a.microsecond == b.microsecond
    ):
        raise _Refused("a time of day is not allowed in a date: {quoted}")
    has_year, has_month, has_day = a.year == b.year, a.month == b.month, a.day == b.day
    if not has_year:
        raise _Refused("no year in {quoted}")
    if has_day and not has_month:
        raise _Refused("no month in {quoted}")
    weekdays = {_WEEKDAYS[w] for w in _WORD.findall(s) if w in _WEEKDAYS}
    if weekdays and not has_day:
        raise _Refused("a weekday but no day of the month in {quoted}")
    if has_day:
        if weekdays and weekdays != {a.weekday()}:
            raise _Refused(
                f"{a.day} {_MONTH_ABBREVIATIONS[a.month - 1]} {a.year} is a "
                f"{_WEEKDAY_NAMES[a.weekday()]}, which contradicts {{quoted}}"
            )
        return PartialDate(a.year, Precision.DAY, month=a.month, day=a.day)
    if has_month:
        return PartialDate(a.year, Precision.MONTH, month=a.month)
    return PartialDate(a.year, Precision.YEAR)
