"""Partial dates: dates known only to the year, quarter, month or day.

Policy staff rarely know exactly when a government AI engagement happened or will
happen: notes say "mid-2025", "Q3 2025", "Feb 2026" or "27 February 2026". A
:class:`PartialDate` records exactly as much as is known (its :class:`Precision`)
plus an ``approximate`` flag, and never invents a month or day that was not given.

Canonical text forms (``iso()`` / ``from_iso()``, the forms stored and exported)::

    2026-02-27    day
    2026-02       month
    2025-Q3       quarter
    2025          year
    ~2025         any of the above prefixed "~" when approximate

:func:`parse_partial_date` accepts what people type (case-insensitive, surrounding
whitespace ignored): the canonical forms, quarters ("Q3 2025", "3Q 2025"),
approximate years ("mid-2025", "c. 2025", "H1 2025", "earlier this year"), month
forms ("Feb 2026", "02/2026"), day forms ("27 Feb 2026", "February 27, 2026",
"27.02.2026"), and anything else python-dateutil understands, provided the text
itself names the year (and a month, when it names a day) and has no time of day.

All-numeric dates are read **day first** (the European convention):
"03/04/2026" is 3 April 2026, never 4 March. A US-style "02/27/2026" is refused
(there is no month 27) rather than silently swapped.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime
import enum
import re
from dataclasses import dataclass
from typing import Final

from dateutil import parser as _dateutil_parser

__all__ = ["DateParseError", "PartialDate", "Precision", "parse_partial_date"]


class Precision(enum.IntEnum):
    """How much of a date is known, from coarse to fine."""

    YEAR = 1
    QUARTER = 2
    MONTH = 3
    DAY = 4


class DateParseError(ValueError):
    """Text that is not a date we can understand; the message quotes the text."""

    def __init__(self, text: str, message: str | None = None) -> None:
        self.text = text
        super().__init__(message if message is not None else f'cannot understand the date "{text}"')


# English names, fixed here rather than taken from the locale-dependent calendar module.
_MONTH_NAMES: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_ABBREVIATIONS: Final = tuple(name[:3] for name in _MONTH_NAMES)
_WEEKDAY_NAMES: Final = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)


def _days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


@dataclass(frozen=True, order=False)
class PartialDate:
    """A date known to a given precision; fields finer than the precision are None.

    Raises ValueError on construction if the fields are inconsistent with the
    precision or do not name a real calendar date in years 1..9999.
    """

    year: int
    precision: Precision
    quarter: int | None = None
    month: int | None = None
    day: int | None = None
    approximate: bool = False

    def __post_init__(self) -> None:
        # Accept a plain int for the precision (e.g. read back from a database).
        object.__setattr__(self, "precision", Precision(self.precision))
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year must be 1 to 9999, not {self.year}")
        # Each part is checked in turn, coarse to fine: given exactly when the precision
        # has it, then within its range.
        precision = self.precision
        quarter = self._part("quarter", self.quarter, precision is Precision.QUARTER)
        if quarter is not None and not 1 <= quarter <= 4:
            raise ValueError(f"quarter must be 1 to 4, not {quarter}")
        month = self._part("month", self.month, precision >= Precision.MONTH)
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month must be 1 to 12, not {month}")
        day = self._part("day", self.day, precision is Precision.DAY)
        if day is not None:
            assert month is not None  # a day date has a month (checked above)
            if not 1 <= day <= _days_in_month(self.year, month):
                raise ValueError(f"{_MONTH_NAMES[month - 1]} {self.year} has no day {day}")

    def _part(self, name: str, value: int | None, known: bool) -> int | None:
        """``value``, refused if missing though ``known`` at this precision, or given if not."""
        if known and value is None:
            raise ValueError(f"a {self.precision.name.lower()} date needs a {name}")
        if not known and value is not None:
            raise ValueError(f"a {self.precision.name.lower()} date has no {name}")
        return value

    @property
    def first_day(self) -> datetime.date:
        """The earliest day this date covers."""
        if self.precision is Precision.YEAR:
            return datetime.date(self.year, 1, 1)
        if self.precision is Precision.QUARTER:
            assert self.quarter is not None
            return datetime.date(self.year, 3 * self.quarter - 2, 1)
        assert self.month is not None
        if self.precision is Precision.MONTH:
            return datetime.date(self.year, self.month, 1)
        assert self.day is not None
        return datetime.date(self.year, self.month, self.day)

    @property
    def last_day(self) -> datetime.date:
        """The latest day this date covers."""
        if self.precision is Precision.YEAR:
            return datetime.date(self.year, 12, 31)
        if self.precision is Precision.QUARTER:
            assert self.quarter is not None
            month = 3 * self.quarter
            return datetime.date(self.year, month, _days_in_month(self.year, month))
        assert self.month is not None
        if self.precision is Precision.MONTH:
            return datetime.date(self.year, self.month, _days_in_month(self.year, self.month))
        assert self.day is not None
        return datetime.date(self.year, self.month, self.day)

    def iso(self) -> str:
        """Canonical form: "2026-02-27", "2026-02", "2025-Q3", "2025"; "~" if approximate."""
        text = f"{self.year:04d}"
        if self.precision is Precision.QUARTER:
            text += f"-Q{self.quarter}"
        elif self.precision >= Precision.MONTH:
            text += f"-{self.month:02d}"
            if self.precision is Precision.DAY:
                text += f"-{self.day:02d}"
        return "~" + text if self.approximate else text

    def label(self) -> str:
        """Human form: "27 Feb 2026", "Feb 2026", "Q3 2025", "2025"; "c. " if approximate."""
        if self.precision is Precision.YEAR:
            text = str(self.year)
        elif self.precision is Precision.QUARTER:
            text = f"Q{self.quarter} {self.year}"
        else:
            assert self.month is not None
            text = f"{_MONTH_ABBREVIATIONS[self.month - 1]} {self.year}"
            if self.precision is Precision.DAY:
                text = f"{self.day} {text}"
        return "c. " + text if self.approximate else text

    def sort_key(self) -> tuple[datetime.date, datetime.date]:
        """(first_day, last_day): orders dates of mixed precision chronologically.

        Dates are ordered by the day they start; of those starting the same day, the
        one ending sooner comes first: "2025-07-01" < "2025-07" < "2025-Q3", and
        "2025" (from 1 January) < "2025-07" < "2025-Q3" < "2025-07-15".
        """
        return (self.first_day, self.last_day)

    def __str__(self) -> str:
        return self.iso()

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        """Read a canonical form exactly as :meth:`iso` writes it; DateParseError otherwise."""
        cached = _canonical(text)
        if cached is not None:
            return cached
        if text == "":
            raise DateParseError(text, "empty date")
        match = _CANONICAL.fullmatch(text)
        if match is None:
            raise DateParseError(
                text,
                f'not a canonical date "{text}" '
                '(expected YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD, optionally prefixed "~")',
            )
        try:
            return _from_canonical_match(match)
        except ValueError as exc:
            raise DateParseError(text, f'not a valid date "{text}": {exc}') from exc

    @classmethod
    def of_day(cls, d: datetime.date) -> PartialDate:
        """The exact day ``d`` (a datetime's time of day is dropped)."""
        return cls(d.year, Precision.DAY, month=d.month, day=d.day)


# --- parsing ---------------------------------------------------------------------------

_CANONICAL: Final = re.compile(
    r"(?P<approx>~)?(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?|-Q(?P<quarter>\d))?",
    re.ASCII,
)


# Canonical texts already read, and what they mean: files and databases repeat the
# same few thousand dates, and a PartialDate is immutable, so one instance serves all.
_CANONICAL_CACHE: dict[str, PartialDate] = {}
_CANONICAL_CACHE_LIMIT: Final = 65_536


def _canonical(text: str) -> PartialDate | None:
    """The date a canonical text (exactly as ``iso()`` writes it) names; None otherwise.

    None also for canonical-looking text that names no real date (``2026-13``): the
    caller's slower path then reports it with its usual message.
    """
    found = _CANONICAL_CACHE.get(text)
    if found is not None:
        return found
    match = _CANONICAL.fullmatch(text)
    if match is None:
        return None
    try:
        found = _from_canonical_match(match)
    except ValueError:
        return None
    if len(_CANONICAL_CACHE) < _CANONICAL_CACHE_LIMIT:
        _CANONICAL_CACHE[text] = found
    return found


def _from_canonical_match(match: re.Match[str]) -> PartialDate:
    year = int(match["year"])
    approximate = match["approx"] is not None
    if match["quarter"] is not None:
        return PartialDate(
            year, Precision.QUARTER, quarter=int(match["quarter"]), approximate=approximate
        )
    if match["day"] is not None:
        return PartialDate(
            year,
            Precision.DAY,
            month=int(match["month"]),
            day=int(match["day"]),
            approximate=approximate,
        )
    if match["month"] is not None:
        return PartialDate(
            year, Precision.MONTH, month=int(match["month"]), approximate=approximate
        )
    return PartialDate(year, Precision.YEAR, approximate=approximate)


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
_HALF_YEAR_PATTERNS: Final = tuple(
    re.compile(pattern, re.ASCII)
    for pattern in (
        r"h[12][\s\-/]*(?P<year>\d{4})",  # H1 2025
        r"(?P<year>\d{4})[\s\-/]*h[12]",  # 2025 H2
    )
)
# "mid-2025", "c. Feb 2026", "~Q3 2025": the prefix makes whatever follows approximate.
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
    for pattern in _QUARTER_PATTERNS:
        if match := pattern.fullmatch(s):
            return PartialDate(int(match["year"]), Precision.QUARTER, quarter=int(match["quarter"]))
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


def _parse_approximate(s: str, today: datetime.date | None) -> PartialDate | None:
    for pattern in _HALF_YEAR_PATTERNS:
        if match := pattern.fullmatch(s):
            return PartialDate(int(match["year"]), Precision.YEAR, approximate=True)
    if match := _RELATIVE_YEAR.fullmatch(s):
        year = (today if today is not None else datetime.date.today()).year
        year += {"this": 0, "last": -1, "next": 1}[match["which"]]
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
