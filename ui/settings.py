"""Remembered settings: window layout, table columns, last filters, recent databases."""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings

from tracker.domain.model import Filters
from tracker.domain.vocab import Region, Status

ORGANISATION = "engagement-tracker"
APPLICATION = "Engagement Tracker"
MAX_RECENT = 8


def open_settings() -> QSettings:
    """The application's settings store (per user)."""
    return QSettings(ORGANISATION, APPLICATION)


def filters_to_text(filters: Filters) -> str:
    """The remembered parts of ``filters`` as JSON text."""
    return json.dumps(
        {
            "statuses": [s.value for s in filters.statuses],
            "regions": [r.value for r in filters.regions],
            "vendor": filters.vendor,
            "counterpart": filters.counterpart,
            "search": filters.search,
        }
    )


def filters_from_text(text: object) -> Filters:
    """Filters from remembered JSON text; anything unreadable gives no filters."""
    if not isinstance(text, str) or not text:
        return Filters()
    try:
        raw = json.loads(text)
        return Filters(
            statuses=tuple(Status(s) for s in raw.get("statuses", [])),
            regions=tuple(Region(r) for r in raw.get("regions", [])),
            vendor=raw.get("vendor") or None,
            counterpart=raw.get("counterpart") or None,
            search=raw.get("search") or None,
        )
    except (ValueError, TypeError, AttributeError):
        return Filters()


def recent_databases(settings: QSettings) -> list[str]:
    """Recently opened databases, newest first."""
    value = settings.value("recent", [])
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value or []] if isinstance(value, list) else []


def remember_database(settings: QSettings, url: str) -> list[str]:
    """Put ``url`` first in the recent list (without duplicates)."""
    recent = [url, *(u for u in recent_databases(settings) if u != url)][:MAX_RECENT]
    settings.setValue("recent", recent)
    return recent
