"""Dates in a briefing's language: :meth:`PartialDate.label` for English, French here.

French writes what is known as French does: "27 février 2026" ("1er février 2026" on
the first), "février 2026", "2e trimestre 2026" ("1er trimestre" for the first),
"1er semestre 2026", "début 2026" / "mi-2026" / "fin 2026", "2026"; "vers " when
approximate. English is :meth:`PartialDate.label` unchanged, byte for byte.
"""

from __future__ import annotations

import datetime
from typing import Final

from tracker.domain.dates import PartialDate, Precision
from tracker.domain.languages import Language

FRENCH_MONTHS: Final = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
_FRENCH_THIRDS: Final = ("début {year}", "mi-{year}", "fin {year}")


def ordinal(number: int) -> str:
    """French's short ordinal: "1er", "2e", "3e"."""
    return "1er" if number == 1 else f"{number}e"


def date_label(value: PartialDate, language: Language) -> str:
    """``value`` as people read it in ``language`` ("2e trimestre 2026", "Q2 2026")."""
    if language == Language.EN:
        return value.label()
    text = _french(value)
    return "vers " + text if value.approximate else text


def _french(value: PartialDate) -> str:
    year = value.year
    match value.precision:
        case Precision.HALF:
            return f"{ordinal(value.half or 1)} semestre {year}"
        case Precision.THIRD:
            return _FRENCH_THIRDS[(value.third or 1) - 1].format(year=year)
        case Precision.QUARTER:
            return f"{ordinal(value.quarter or 1)} trimestre {year}"
        case Precision.MONTH | Precision.DAY:
            month = f"{FRENCH_MONTHS[(value.month or 1) - 1]} {year}"
            return month if value.day is None else f"{_day_number(value.day)} {month}"
    return str(year)


def _day_number(day: int) -> str:
    return "1er" if day == 1 else str(day)


def day_label(day: datetime.date, language: Language) -> str:
    """A day ("27 Feb 2026", "27 février 2026")."""
    return date_label(PartialDate.of_day(day), language)


def long_day(day: datetime.date, language: Language) -> str:
    """A day with its month in full ("27 February 2026", "27 février 2026")."""
    if language == Language.EN:
        return f"{day.day} {day:%B %Y}"
    return f"{_day_number(day.day)} {FRENCH_MONTHS[day.month - 1]} {day.year}"
