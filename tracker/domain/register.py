"""The briefing register: what was briefed, when, by whom, to which file.

A record keeps the selection a briefing was made of (its filters and order, or its
list of ids) as JSON, so that "changes since this briefing" and a later reader can
see what it covered; the file's SHA-256 and the audit seal at that moment tie the
PDF on someone's desk to the trail it was made from.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tracker.domain.date_words import date_label, day_label
from tracker.domain.dates import PartialDate
from tracker.domain.fields import FIELDS_BY_KEY, column_label, label
from tracker.domain.filter_json import filters_json
from tracker.domain.languages import Language, colon, counted, translate, vocab_label
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


def describe_selection(selection: dict[str, Any], language: Language = Language.EN) -> str:
    """A recorded selection (``selection_json``'s output) in words, with the labels of
    ``tracker.domain.fields`` and the vocabularies in ``language``: "Status: Active or
    Agreed · Region: North America · sorted by last change", or "3 chosen engagements:
    1, 4, 9 · sorted by title". A part the register cannot read (a hand-edited row) is
    shown as written."""
    raw = selection.get("filters")
    parts = [words for _, words in _parts(raw if isinstance(raw, dict) else {}, language)]
    if not parts:
        parts.append(translate(EVERYTHING, language))
    sort = selection.get("sort")
    if isinstance(sort, str) and sort:
        order = translate(sort_label(sort), language).lower()
        parts.append(translate("sorted by {order}", language).format(order=order))
    return SEPARATOR.join(parts)


def filter_parts(
    filters: Filters, language: Language = Language.EN
) -> list[tuple[tuple[str, ...], str]]:
    """Each filter set in ``filters`` in words (in ``language``), with the ``Filters``
    fields it stands for: ``(("regions",), "Region: Europe")``, ``(("started_from",
    "started_to"), "Started: from Q3 2025")``; in the order ``describe_selection`` gives
    them."""
    return _parts(selection_json(filters)["filters"], language)


def _parts(filters: dict[str, Any], language: Language) -> list[tuple[tuple[str, ...], str]]:
    words = _Words(language)
    parts: list[tuple[tuple[str, ...], str]] = []
    if "ids" in filters:
        parts.append((("ids",), words.chosen(filters["ids"])))
    for key, describe in _DESCRIBERS:
        if key in filters:
            parts.append(((key,), describe(words, filters[key])))
    for low_key, high_key, field_key, show in _RANGES:
        low, high = filters.get(low_key), filters.get(high_key)
        if low is not None or high is not None:
            bounds = words.range(functools.partial(show, words), low, high)
            parts.append(((low_key, high_key), words.labelled(field_key, bounds)))
    return parts


def sort_label(key: str) -> str:
    """What an order key is called: a field's label, "Last change", or "Number"."""
    if key == "updated_at":
        return LAST_CHANGE
    if key == "id":
        return NUMBER
    return label(key) if key in FIELDS_BY_KEY else key


class _Words:
    """The words of a selection in one language."""

    def __init__(self, language: Language) -> None:
        self.language = language

    def text(self, english: str) -> str:
        return translate(english, self.language)

    def labelled(self, key: str, shown: str) -> str:
        return f"{self.text(label(key))}{colon(self.language)}{shown}"

    def chosen(self, ids: object) -> str:
        numbers = [str(n) for n in ids] if isinstance(ids, list) else [str(ids)]
        noun = counted(len(numbers), "chosen engagement", "chosen engagements", self.language)
        return f"{noun}{colon(self.language)}{', '.join(numbers)}"

    def vocabulary(self, vocab: type[Vocabulary] | None, values: object) -> str:
        """Values of ``vocab`` (markings when None) by their labels, "A or B"."""
        listed = values if isinstance(values, list) else [values]
        return f" {self.text('or')} ".join(self._word(vocab, v) for v in listed)

    def _word(self, vocab: type[Vocabulary] | None, value: object) -> str:
        if value is None:
            return self.text(NOT_SET)
        if vocab is None:
            return str(value)
        try:
            return vocab_label(vocab(str(value)), self.language)
        except ValueError:
            return str(value)

    def day(self, value: object) -> str:
        try:
            return day_label(datetime.date.fromisoformat(str(value)), self.language)
        except ValueError:
            return str(value)

    def partial(self, value: object) -> str:
        try:
            return date_label(PartialDate.from_iso(str(value)), self.language)
        except ValueError:
            return str(value)

    def range(self, show: Callable[[object], str], low: object, high: object) -> str:
        if low is not None and high is not None:
            return self.text("from {low} to {high}").format(low=show(low), high=show(high))
        if low is not None:
            return self.text("from {low}").format(low=show(low))
        return self.text("to {high}").format(high=show(high))


def _labelled(key: str, vocab: type[Vocabulary] | None = None, *, listed: bool = False) -> Any:
    """A filter shown as its field's label and its value (vocabulary words when
    ``listed``)."""

    def describe(words: _Words, value: object) -> str:
        shown = words.vocabulary(vocab, value) if listed else str(value)
        return words.labelled(key, shown)

    return describe


NOT_SET = "not set"
NUMBER = "Number"

# The filters of one value or one list, in the order of ``Filters``.
_DESCRIBERS: tuple[tuple[str, Callable[[_Words, object], str]], ...] = (
    ("statuses", _labelled("status", Status, listed=True)),
    ("regions", _labelled("region", Region, listed=True)),
    ("vendor", _labelled("vendor")),
    ("counterpart", _labelled("counterpart")),
    (
        "organisation",
        lambda w, value: f"{w.text('Organisation (or a part of it)')}{colon(w.language)}{value}",
    ),
    ("restriction", _labelled("restrictions")),
    (
        "stance",
        lambda w, value: (
            f"{w.text(column_label('restrictions', 'stance'))}"
            f"{colon(w.language)}{w.vocabulary(Stance, value)}"
        ),
    ),
    ("confidences", _labelled("confidence", Confidence, listed=True)),
    ("markings", _labelled("marking", None, listed=True)),
    ("tag", _labelled("tags")),
    ("owner", _labelled("owner")),
    (
        "stale_before",
        lambda w, value: (
            f"{w.text(LAST_CHANGE)}{colon(w.language)}"
            + w.text("before {day}").format(day=w.day(value))
        ),
    ),
    ("search", lambda w, value: w.text('Search: "{text}"').format(text=value)),
    ("linked_to", lambda w, value: w.text("Linked to #{number}").format(number=value)),
    ("trash", lambda w, _value: w.text("in the trash")),
)
# The ranges: the filters of their two ends, the field they bound, how an end reads.
_RANGES: tuple[tuple[str, str, str, Callable[[_Words, object], str]], ...] = (
    ("started_from", "started_to", "started", _Words.partial),
    ("due_from", "due_by", "follow_up", _Words.day),
)
