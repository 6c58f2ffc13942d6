"""The briefing register: what was briefed, when, by whom, to which file.

A record keeps the selection a briefing was made of (its filters and order, or its
list of ids) as JSON, so that "changes since this briefing" and a later reader can
see what it covered; the file's SHA-256 and the audit seal at that moment tie the
PDF on someone's desk to the trail it was made from.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tracker.domain.dates import PartialDate
from tracker.domain.fields import FIELDS_BY_KEY, column_label, label
from tracker.domain.filter_json import filters_json
from tracker.domain.model import Filters
from tracker.domain.presenter import LAST_CHANGE
from tracker.domain.vocab import Confidence, Region, Stance, Status, Vocabulary


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
    out: dict[str, Any] = {"filters": filters_json(filters), "sort": sort}
    if as_of is not None:
        out["as_of"] = as_of.isoformat()
    return out


# --- the selection in words -----------------------------------------------------------------

SEPARATOR = " · "
EVERYTHING = "All engagements"


def describe_selection(selection: dict[str, Any]) -> str:
    """A recorded selection (``selection_json``'s output) in words, with the labels of
    ``tracker.domain.fields`` and the vocabularies: "Status: Active or Agreed · Region:
    North America · sorted by last change", or "3 chosen engagements: 1, 4, 9 · sorted
    by title". A part the register cannot read (a hand-edited row) is shown as written."""
    raw = selection.get("filters")
    parts = [words for _, words in _parts(raw if isinstance(raw, dict) else {})]
    if not parts:
        parts.append(EVERYTHING)
    sort = selection.get("sort")
    if isinstance(sort, str) and sort:
        parts.append(f"sorted by {sort_label(sort).lower()}")
    return SEPARATOR.join(parts)


def filter_parts(filters: Filters) -> list[tuple[tuple[str, ...], str]]:
    """Each filter set in ``filters`` in words, with the ``Filters`` fields it stands
    for: ``(("regions",), "Region: Europe")``, ``(("started_from", "started_to"),
    "Started: from Q3 2025")``; in the order ``describe_selection`` gives them."""
    return _parts(selection_json(filters)["filters"])


def _parts(filters: dict[str, Any]) -> list[tuple[tuple[str, ...], str]]:
    parts: list[tuple[tuple[str, ...], str]] = []
    if "ids" in filters:
        parts.append((("ids",), _chosen(filters["ids"])))
    for key, describe in _DESCRIBERS:
        if key in filters:
            parts.append(((key,), describe(filters[key])))
    for low_key, high_key, field_key, show in _RANGES:
        low, high = filters.get(low_key), filters.get(high_key)
        if low is not None or high is not None:
            parts.append(((low_key, high_key), f"{label(field_key)}: {_range(show, low, high)}"))
    return parts


def sort_label(key: str) -> str:
    """What an order key is called: a field's label, "Last change", or "Number"."""
    if key == "updated_at":
        return LAST_CHANGE
    if key == "id":
        return NUMBER
    return label(key) if key in FIELDS_BY_KEY else key


def _chosen(ids: object) -> str:
    numbers = [str(n) for n in ids] if isinstance(ids, list) else [str(ids)]
    noun = "engagement" if len(numbers) == 1 else "engagements"
    return f"{len(numbers)} chosen {noun}: {', '.join(numbers)}"


def _words(vocab: type[Vocabulary] | None) -> Callable[[object], str]:
    """Values of ``vocab`` (markings when None) by their labels, "A or B"."""

    def word(value: object) -> str:
        if value is None:
            return NOT_SET
        if vocab is None:
            return str(value)
        try:
            return vocab(str(value)).label
        except ValueError:
            return str(value)

    def words(values: object) -> str:
        return " or ".join(word(v) for v in (values if isinstance(values, list) else [values]))

    return words


def _labelled(key: str, show: Callable[[object], str] = str) -> Callable[[object], str]:
    return lambda value: f"{label(key)}: {show(value)}"


def _day(value: object) -> str:
    try:
        return PartialDate.of_day(datetime.date.fromisoformat(str(value))).label()
    except ValueError:
        return str(value)


def _partial(value: object) -> str:
    try:
        return PartialDate.from_iso(str(value)).label()
    except ValueError:
        return str(value)


def _range(show: Callable[[object], str], low: object, high: object) -> str:
    if low is not None and high is not None:
        return f"from {show(low)} to {show(high)}"
    return f"from {show(low)}" if low is not None else f"to {show(high)}"


NOT_SET = "not set"
NUMBER = "Number"

# The filters of one value or one list, in the order of ``Filters``.
_DESCRIBERS: tuple[tuple[str, Callable[[object], str]], ...] = (
    ("statuses", _labelled("status", _words(Status))),
    ("regions", _labelled("region", _words(Region))),
    ("vendor", _labelled("vendor")),
    ("counterpart", _labelled("counterpart")),
    ("organisation", lambda value: f"Organisation (or a part of it): {value}"),
    ("restriction", _labelled("restrictions")),
    ("stance", lambda value: f"{column_label('restrictions', 'stance')}: {_words(Stance)(value)}"),
    ("confidences", _labelled("confidence", _words(Confidence))),
    ("markings", _labelled("marking", _words(None))),
    ("tag", _labelled("tags")),
    ("owner", _labelled("owner")),
    ("stale_before", lambda value: f"{LAST_CHANGE}: before {_day(value)}"),
    ("search", lambda value: f'Search: "{value}"'),
    ("linked_to", lambda value: f"Linked to #{value}"),
    ("trash", lambda _value: "in the trash"),
)
# The ranges: the filters of their two ends, the field they bound, how an end reads.
_RANGES: tuple[tuple[str, str, str, Callable[[object], str]], ...] = (
    ("started_from", "started_to", "started", _partial),
    ("due_from", "due_by", "follow_up", _day),
)
