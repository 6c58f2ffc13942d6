"""The briefing register: what was briefed, when, by whom, to which file.

A record keeps the selection a briefing was made of (its filters and order, or its
list of ids) as JSON, so that "changes since this briefing" and a later reader can
see what it covered; the file's SHA-256 and the audit seal at that moment tie the
PDF on someone's desk to the trail it was made from.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
from dataclasses import dataclass
from typing import Any

from tracker.domain.dates import PartialDate
from tracker.domain.model import Filters


@dataclass(frozen=True)
class BriefingRecord:
    """One PDF briefing written, as the register recorded it."""

    id: int
    at: str  # ISO 8601 UTC, when the file was complete
    who: str
    title: str
    marking: str
    engagement_count: int
    selection: dict[str, Any]  # selection_json's output
    file_name: str
    sha256: str
    revision: int  # the latest audit entry when it was made (0: an empty trail)
    audit_seal: str  # the token the briefing printed (tracker.domain.seals), or ""


def selection_json(
    filters: Filters, *, sort: str = "title", as_of: datetime.date | None = None
) -> dict[str, Any]:
    """The selection as plain JSON: every filter that is set (dates as ISO text, words as
    their values), the order, the ids when the briefing was of chosen engagements, and
    the day whose record it showed when it was of the record as of a date."""
    chosen: dict[str, Any] = {}
    for spec in dataclasses.fields(Filters):
        value = getattr(filters, spec.name)
        if value != spec.default:
            chosen[spec.name] = _plain(value)
    out: dict[str, Any] = {"filters": chosen, "sort": sort}
    if as_of is not None:
        out["as_of"] = as_of.isoformat()
    return out


def _plain(value: object) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, PartialDate):
        return str(value)
    return value
