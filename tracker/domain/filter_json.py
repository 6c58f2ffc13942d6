"""``Filters`` as plain JSON and back: the one conversion, used by the briefing register
(``tracker.domain.register.selection_json``), saved views (``tracker.domain.saved_views``)
and the window's remembered filters (``ui.settings``).

Only the filters that are set are written (a default is left out), each by its
``Filters`` field name: tuples as lists, words as their values, days as ISO text,
partial dates as their canonical text. Reading back takes what was written, and also
an entry written as null or an empty list (the older remembered form) as "not set".
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
from collections.abc import Callable, Mapping
from typing import Any

from tracker.domain.dates import PartialDate
from tracker.domain.model import Filters
from tracker.domain.vocab import Confidence, Region, Stance, Status


class FilterJsonError(ValueError):
    """A filter in JSON that cannot be read: names the ``Filters`` field."""

    def __init__(self, key: str, value: object) -> None:
        self.key = key
        super().__init__(f'filter "{key}": cannot read {value!r}')


def filters_json(filters: Filters) -> dict[str, Any]:
    """Every filter set in ``filters``, as plain JSON values by field name."""
    chosen: dict[str, Any] = {}
    for spec in dataclasses.fields(Filters):
        value = getattr(filters, spec.name)
        if value != spec.default:
            chosen[spec.name] = _plain(value)
    return chosen


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


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def _texts(read: Callable[[object], Any]) -> Callable[[object], tuple[Any, ...]]:
    def many(value: object) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise TypeError(value)
        return tuple(read(v) for v in value)

    return many


def _region(value: object) -> Region | None:
    return None if value is None else Region(_text(value))


def _ids(value: object) -> tuple[int, ...]:
    if not isinstance(value, list) or not all(
        isinstance(n, int) and not isinstance(n, bool) for n in value
    ):
        raise TypeError(value)
    return tuple(value)


def _number(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(value)
    return value


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(value)
    return value


# How each field is read back from its JSON value (null and [] mean "not set", but no
# ids at all is a choice of none).
_READERS: Mapping[str, Callable[[object], Any]] = {
    "statuses": _texts(lambda v: Status(_text(v))),
    "regions": _texts(_region),
    "vendor": _text,
    "counterpart": _text,
    "organisation": _text,
    "restriction": _text,
    "stance": lambda v: Stance(_text(v)),
    "confidences": _texts(lambda v: Confidence(_text(v))),
    "markings": _texts(_text),
    "tag": _text,
    "owner": _text,
    "started_from": lambda v: PartialDate.from_iso(_text(v)),
    "started_to": lambda v: PartialDate.from_iso(_text(v)),
    "due_from": lambda v: datetime.date.fromisoformat(_text(v)),
    "due_by": lambda v: datetime.date.fromisoformat(_text(v)),
    "stale_before": lambda v: datetime.date.fromisoformat(_text(v)),
    "search": _text,
    "linked_to": _number,
    "ids": _ids,
    "trash": _flag,
}


def filters_from_json(raw: Mapping[str, Any]) -> Filters:
    """The ``Filters`` that :func:`filters_json` wrote; unknown keys are ignored (a newer
    program's filter), an unreadable value is a ``FilterJsonError`` naming its field."""
    values: dict[str, Any] = {}
    for key, read in _READERS.items():
        value = raw.get(key)
        if value is None or value == "" or (value == [] and key != "ids"):
            continue
        try:
            values[key] = read(value)
        except (ValueError, TypeError):
            raise FilterJsonError(key, value) from None
    return Filters(**values)
