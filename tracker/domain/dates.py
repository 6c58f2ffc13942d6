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
