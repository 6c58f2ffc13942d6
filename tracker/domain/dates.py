"""Partial dates: dates known only to the year, a part of it, the month or the day.

Policy staff rarely know exactly when a government AI engagement happened or will
happen: notes say "mid-2025", "H1 2025", "Q3 2025", "Feb 2026" or "27 February 2026".
A :class:`PartialDate` records exactly as much as is known (its :class:`Precision`)
plus an ``approximate`` flag, and never invents a month or day that was not given.

Canonical text forms (``iso()`` / ``from_iso()``, the forms stored and exported), and
their labels (``label()``, the forms shown)::

    2026-02-27    day                           27 Feb 2026
    2026-02       month                         Feb 2026
    2025-Q3       quarter                       Q3 2025
    early-2026    third: January to April       early 2026
    mid-2025      third: May to August          mid-2025
    late-2025     third: September to December  late 2025
    2025-H1       half: January to June         H1 2025
    2025-H2       half: July to December        H2 2025
    2025          year                          2025
    ~2025         any of the above prefixed     c. 2025
                  "~" when approximate

The thirds are the parts of a year people write ("early 2026", "mid-2025", "late
2025"): they are kept as written, and sort and filter by the four months they cover.

What people type is read by :func:`tracker.domain.date_parser.parse_partial_date`.
"""

from __future__ import annotations

import calendar
import datetime
import enum
import re
from dataclasses import dataclass
from typing import Final

__all__ = ["DateParseError", "PartialDate", "Precision"]


class Precision(enum.IntEnum):
    """How much of a date is known, from coarse to fine (the values are never stored:
    a database keeps the canonical text)."""

    YEAR = 1
    HALF = 2  # six months: H1, H2
    THIRD = 3  # four months: early, mid, late
    QUARTER = 4
    MONTH = 5
    DAY = 6


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


# The thirds of a year, in order, as the canonical form writes them ("mid-2025") and as
# the label reads ("mid-2025", but "early 2026": "mid" is a prefix, the others words).
_THIRD_WORDS: Final = ("early", "mid", "late")
_THIRD_LABELS: Final = ("early {year}", "mid-{year}", "late {year}")

# How many months each part of a year spans.
_PART_MONTHS: Final = {Precision.HALF: 6, Precision.THIRD: 4, Precision.QUARTER: 3}

# Each numbered part of a date, checked coarse to fine: its name, the precisions that
# have it, and its largest value.
_PARTS: Final = (
    ("half", frozenset({Precision.HALF}), 2),
    ("third", frozenset({Precision.THIRD}), 3),
    ("quarter", frozenset({Precision.QUARTER}), 4),
    ("month", frozenset({Precision.MONTH, Precision.DAY}), 12),
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
    # After ``approximate`` so that dates built with positional fields keep their meaning.
    half: int | None = None  # 1 (January to June) or 2 (July to December)
    third: int | None = None  # 1 early (January-April), 2 mid (May-August), 3 late

    def __post_init__(self) -> None:
        # Accept a plain int for the precision.
        object.__setattr__(self, "precision", Precision(self.precision))
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year must be 1 to 9999, not {self.year}")
        # Each part is checked in turn, coarse to fine: given exactly when the precision
        # has it, then within its range.
        for name, precisions, largest in _PARTS:
            value = self._part(name, getattr(self, name), self.precision in precisions)
            if value is not None and not 1 <= value <= largest:
                raise ValueError(f"{name} must be 1 to {largest}, not {value}")
        day = self._part("day", self.day, self.precision is Precision.DAY)
        if day is not None:
            month = self.month
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

    def _part_number(self) -> int:
        """Which half, third or quarter of the year this date is (a date of that precision)."""
        number = {
            Precision.HALF: self.half,
            Precision.THIRD: self.third,
            Precision.QUARTER: self.quarter,
        }[self.precision]
        assert number is not None  # checked on construction
        return number

    def _months(self) -> tuple[int, int]:
        """The first and the last month this date covers."""
        if self.month is not None:
            return self.month, self.month
        size = _PART_MONTHS.get(self.precision)
        if size is None:  # a year
            return 1, 12
        last = size * self._part_number()
        return last - size + 1, last

    @property
    def first_day(self) -> datetime.date:
        """The earliest day this date covers ("mid-2025": 1 May 2025)."""
        first, _ = self._months()
        return datetime.date(self.year, first, self.day or 1)

    @property
    def last_day(self) -> datetime.date:
        """The latest day this date covers ("mid-2025": 31 August 2025); a follow-up
        date falls due on it."""
        _, last = self._months()
        return datetime.date(self.year, last, self.day or _days_in_month(self.year, last))

    def iso(self) -> str:
        """Canonical form: "2026-02-27", "2026-02", "2025-Q3", "mid-2025", "2025-H1",
        "2025"; "~" if approximate."""
        year = f"{self.year:04d}"
        match self.precision:
            case Precision.YEAR:
                text = year
            case Precision.HALF:
                text = f"{year}-H{self.half}"
            case Precision.THIRD:
                text = f"{_THIRD_WORDS[self._part_number() - 1]}-{year}"
            case Precision.QUARTER:
                text = f"{year}-Q{self.quarter}"
            case Precision.MONTH:
                text = f"{year}-{self.month:02d}"
            case Precision.DAY:
                text = f"{year}-{self.month:02d}-{self.day:02d}"
        return "~" + text if self.approximate else text

    def label(self) -> str:
        """Human form: "27 Feb 2026", "Feb 2026", "Q3 2025", "early 2026", "mid-2025",
        "late 2025", "H1 2025", "2025"; "c. " if approximate."""
        match self.precision:
            case Precision.YEAR:
                text = str(self.year)
            case Precision.HALF:
                text = f"H{self.half} {self.year}"
            case Precision.THIRD:
                text = _THIRD_LABELS[self._part_number() - 1].format(year=self.year)
            case Precision.QUARTER:
                text = f"Q{self.quarter} {self.year}"
            case Precision.MONTH | Precision.DAY:
                assert self.month is not None
                text = f"{_MONTH_ABBREVIATIONS[self.month - 1]} {self.year}"
                if self.day is not None:
                    text = f"{self.day} {text}"
        return "c. " + text if self.approximate else text

    def months_label(self) -> str:
        """The months a date of several months covers: "May–Aug 2025" for mid-2025,
        "Jan–Jun 2025" for H1 2025; a month or day date gives its month ("Feb 2026")."""
        first, last = self._months()
        names = _MONTH_ABBREVIATIONS[first - 1]
        if last != first:
            names += "–" + _MONTH_ABBREVIATIONS[last - 1]
        return f"{names} {self.year}"

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
                f'not a canonical date "{text}" (expected YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM, '
                'YYYY-MM-DD, early-YYYY, mid-YYYY or late-YYYY, optionally prefixed "~")',
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
    r"(?P<approx>~)?(?:"
    r"(?P<third>early|mid|late)-(?P<third_year>\d{4})"
    r"|(?P<year>\d{4})"
    r"(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?|-Q(?P<quarter>\d)|-H(?P<half>\d))?"
    r")",
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
    approximate = match["approx"] is not None
    if match["third"] is not None:
        third = _THIRD_WORDS.index(match["third"]) + 1
        return PartialDate(
            int(match["third_year"]), Precision.THIRD, third=third, approximate=approximate
        )
    year = int(match["year"])
    if match["half"] is not None:
        return PartialDate(year, Precision.HALF, half=int(match["half"]), approximate=approximate)
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
