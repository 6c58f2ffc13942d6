"""Handling markings: an ordered list of allowed markings per database.

The tracker holds unclassified material only. A marking outside the database's
list is refused; a list may never name a classified marking.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

DEFAULT_MARKINGS: tuple[str, ...] = ("PUBLIC", "UNCLASSIFIED", "NATO UNCLASSIFIED")
DEFAULT_RECORD_MARKING = "UNCLASSIFIED"

_CLASSIFIED = re.compile(
    r"\b(RESTRICTED|CONFIDENTIAL|SECRET|COSMIC|TOP\s+SECRET|CLASSIFIED)\b", re.IGNORECASE
)


def normalise(marking: str) -> str:
    """Markings compare in upper case with single spaces."""
    return " ".join(marking.split()).upper()


def looks_classified(marking: str) -> bool:
    """True for markings such as SECRET or NATO RESTRICTED (but not UNCLASSIFIED)."""
    return bool(_CLASSIFIED.search(normalise(marking)))


def check_marking_list(markings: Iterable[str]) -> tuple[str, ...]:
    """Validate and normalise an ordered marking list (lowest first)."""
    result = tuple(normalise(m) for m in markings)
    if not result:
        raise ValueError("the list of markings is empty")
    for m in result:
        if not m:
            raise ValueError("a marking is empty")
        if looks_classified(m):
            raise ValueError(f'"{m}" is a classified marking: such material does not belong here')
    if len(set(result)) != len(result):
        raise ValueError("a marking is listed twice")
    return result


def check_marking(marking: str, allowed: Sequence[str]) -> str:
    """The normalised marking if ``allowed`` holds it, else ValueError with a clear reason."""
    m = normalise(marking)
    if m in allowed:
        return m
    if looks_classified(m):
        raise ValueError(
            f'"{marking}" is not allowed: this tracker holds unclassified material only '
            f"(allowed: {', '.join(allowed)})"
        )
    raise ValueError(f'unknown marking "{marking}" (allowed: {", ".join(allowed)})')


def highest(markings: Iterable[str], allowed: Sequence[str]) -> str | None:
    """The highest of ``markings`` in the order of ``allowed``."""
    ranks = [allowed.index(m) for m in markings if m in allowed]
    return allowed[max(ranks)] if ranks else None
