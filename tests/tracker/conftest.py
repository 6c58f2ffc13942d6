"""Fixtures of the service-layer tests: an open tracker, the demo data, a second writer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tracker.services import Tracker


@pytest.fixture
def tracker(tmp_db_url: str) -> Iterator[Tracker]:
    """A fresh, empty database opened by alice (on SQLite, or the server under test)."""
    opened = Tracker.open(tmp_db_url, user="alice")
    yield opened
    opened.close()


@pytest.fixture
def demo(tracker: Tracker) -> Tracker:
    """``tracker`` with the four demo engagements loaded."""
    tracker.load_demo()
    return tracker


@pytest.fixture
def other_user(tmp_db_url: str, tracker: Tracker) -> Iterator[Tracker]:
    """A second writer (bob) on the same database as ``tracker``."""
    opened = Tracker.open(tmp_db_url, user="bob")
    yield opened
    opened.close()
