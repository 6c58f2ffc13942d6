"""``Tracker.restriction_comparison`` and ``Tracker.stances``: engagements by
restriction and stance over a filter, counted in SQL, against hand-built data (on
SQLite, and on PostgreSQL in CI)."""

from __future__ import annotations

import pytest

from tracker.domain.model import Filters
from tracker.domain.vocab import Stance, Status
from tracker.services import Tracker

AGREED, PROPOSED, DISPUTED, REJECTED = Stance
TITLES = {
    "audit": "Independent audit access",
    "no-weapons": "No fully autonomous weapons",
    "local": "Data stays in the region",
    "unused": "Only the trash records it",
}


def _add(service: Tracker, title: str, status: str, stances: dict[str, Stance]) -> int:
    restrictions = [
        {"code": code, "title": TITLES[code], "stance": stance.value}
        for code, stance in stances.items()
    ]
    data = {"title": title, "vendor": "OpenAI", "counterpart": "NATO", "status": status}
    return service.create(data={**data, "restrictions": restrictions}).engagement.id


@pytest.fixture
def built(tracker: Tracker) -> dict[str, int]:
    """Four live negotiating engagements with different stances, one paused (filtered
    out by the status filter), one in the trash (never counted)."""
    ids = {
        "one": _add(tracker, "One", "negotiating", {"audit": AGREED, "no-weapons": REJECTED}),
        "two": _add(tracker, "Two", "negotiating", {"audit": AGREED, "local": DISPUTED}),
        "three": _add(tracker, "Three", "negotiating", {"audit": PROPOSED, "no-weapons": REJECTED}),
        "four": _add(tracker, "Four", "negotiating", {}),
        "paused": _add(tracker, "Paused", "paused", {"audit": DISPUTED, "local": AGREED}),
        "gone": _add(tracker, "Gone", "negotiating", {"audit": REJECTED, "unused": AGREED}),
    }
    tracker.delete(engagement_id=ids["gone"])
    return ids


def _table(service: Tracker, filters: Filters) -> dict[str, tuple[int, ...]]:
    found = service.restriction_comparison(filters=filters)
    return {r.code: (*(r.count(s) for s in Stance), r.total) for r in found.restrictions}


def test_the_live_engagements_are_counted_by_restriction_and_stance(
    tracker: Tracker, built: dict[str, int]
) -> None:
    found = tracker.restriction_comparison()
    # Every catalogued restriction, in the catalogue's order, the unused one at zero.
    assert [(r.code, r.title) for r in found.restrictions] == tracker.restriction_catalogue()
    assert found.engagements == 5
    #                   agreed proposed disputed rejected total
    assert _table(tracker, Filters()) == {
        "audit": (2, 1, 1, 0, 4),
        "local": (1, 0, 1, 0, 2),
        "no-weapons": (0, 0, 0, 2, 2),
        "unused": (0, 0, 0, 0, 0),
    }
    assert found.of("unused").by_stance == {}


def test_the_filter_applies(tracker: Tracker, built: dict[str, int]) -> None:
    negotiating = Filters(statuses=(Status.NEGOTIATING,))
    assert tracker.restriction_comparison(filters=negotiating).engagements == 4
    assert _table(tracker, negotiating) == {
        "audit": (2, 1, 0, 0, 3),
        "local": (0, 0, 1, 0, 1),
        "no-weapons": (0, 0, 0, 2, 2),
        "unused": (0, 0, 0, 0, 0),
    }
    # A search, and the cell a click narrows to: its count is the list's length.
    assert _table(tracker, Filters(search="Three"))["audit"] == (0, 1, 0, 0, 1)
    cell = Filters(restriction="audit", stance=AGREED)
    assert tracker.count(filters=cell) == 2
    assert _table(tracker, cell)["audit"] == (2, 0, 0, 0, 2)
    assert _table(tracker, cell)["local"] == (0, 0, 1, 0, 1)


def test_the_trash_counts_its_own(tracker: Tracker, built: dict[str, int]) -> None:
    assert _table(tracker, Filters(trash=True)) == {
        "audit": (0, 0, 0, 1, 1),
        "local": (0, 0, 0, 0, 0),
        "no-weapons": (0, 0, 0, 0, 0),
        "unused": (1, 0, 0, 0, 1),
    }


def test_a_change_of_stance_is_counted(tracker: Tracker, built: dict[str, int]) -> None:
    one = tracker.get(engagement_id=built["one"])
    restrictions = [
        {"code": r.code, "title": r.title, "stance": DISPUTED.value} for r in one.data.restrictions
    ]
    tracker.update(
        engagement_id=one.id, expected_version=one.version, changes={"restrictions": restrictions}
    )
    assert _table(tracker, Filters())["audit"] == (1, 1, 2, 0, 4)
    assert _table(tracker, Filters())["no-weapons"] == (0, 0, 1, 1, 2)


def test_stances_of_a_page_of_engagements(tracker: Tracker, built: dict[str, int]) -> None:
    found = tracker.stances(engagement_ids=[built["two"], built["four"], 999_999])
    assert found == {
        built["two"]: {"audit": AGREED, "local": DISPUTED},
        built["four"]: {},
        999_999: {},
    }
    assert tracker.stances(engagement_ids=[]) == {}


def test_an_empty_database_compares_nothing(tracker: Tracker) -> None:
    found = tracker.restriction_comparison()
    assert (found.restrictions, found.engagements) == ((), 0)
