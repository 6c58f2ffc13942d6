"""``Tracker.overview``: the status × region matrix (with its "not set" column) and the
top vendors, counted in SQL, against hand-built data and against the engagements
themselves (``get_many``) under typical filters. On SQLite and PostgreSQL."""

from __future__ import annotations

from collections import Counter

import pytest

from tracker.domain.model import Filters
from tracker.domain.overview import TOP_VENDORS
from tracker.domain.vocab import Region, Status
from tracker.services import Tracker


def _add(service: Tracker, vendor: str, status: str, region: str | None = None) -> int:
    data = {"title": f"{vendor} {status}", "vendor": vendor, "counterpart": "NATO"}
    data |= {"status": status, **({"region": region} if region else {})}
    return service.create(data=data).engagement.id


@pytest.fixture
def small(tracker: Tracker) -> Tracker:
    """Five live engagements (one with no region) and one in the trash."""
    _add(tracker, "OpenAI", "agreed", "Europe")
    _add(tracker, "OpenAI", "agreed", "Europe")
    _add(tracker, "Mistral AI", "active", "Europe")
    _add(tracker, "Mistral AI", "agreed")
    _add(tracker, "Google", "ended", "Africa")
    tracker.delete(engagement_id=_add(tracker, "Google", "paused", "Europe"))
    return tracker


def test_the_matrix_counts_each_engagement_once(small: Tracker) -> None:
    found = small.overview()
    assert dict(found.cells) == {
        (Status.AGREED, Region.EUROPE): 2,
        (Status.ACTIVE, Region.EUROPE): 1,
        (Status.AGREED, None): 1,
        (Status.ENDED, Region.AFRICA): 1,
    }
    assert found.total == 5
    assert found.statuses() == tuple(Status)
    assert found.regions() == (*Region, None)  # "not set" last, as some has none
    assert found.status_total(Status.AGREED) == 3
    assert found.status_total(Status.PAUSED) == 0  # the trashed one is not counted
    assert found.region_total(Region.EUROPE) == 3
    assert found.region_total(None) == 1
    assert found.count(Status.ENDED, Region.AFRICA) == 1
    assert found.vendors == (("Mistral AI", 2), ("OpenAI", 2), ("Google", 1))
    assert found.more_vendors == 0


def test_no_not_set_column_when_every_engagement_has_a_region(small: Tracker) -> None:
    found = small.overview(filters=Filters(regions=(Region.EUROPE, Region.AFRICA)))
    assert found.regions() == tuple(Region)
    assert found.total == 4


def test_the_trash_has_an_overview_of_its_own(small: Tracker) -> None:
    found = small.overview(filters=Filters(trash=True))
    assert dict(found.cells) == {(Status.PAUSED, Region.EUROPE): 1}
    assert found.vendors == (("Google", 1),)


def test_the_top_ten_vendors_and_how_many_more(tracker: Tracker) -> None:
    # Twelve vendors: two with three engagements, six with two, four with one.
    sizes = [3, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1]
    for n, size in enumerate(sizes, start=1):
        for _ in range(size):
            _add(tracker, f"Vendor {n:02}", "exploratory", "Global")
    found = tracker.overview()
    assert len(found.vendors) == TOP_VENDORS
    # Most first, ties by name: of the four with one, the first two by name are drawn.
    assert found.vendors == tuple((f"Vendor {n:02}", sizes[n - 1]) for n in range(1, 11))
    assert found.more_vendors == 2
    assert found.total == sum(sizes)
    assert tracker.overview(top=3).more_vendors == 9


def test_nothing_matching_is_an_empty_overview(small: Tracker) -> None:
    found = small.overview(filters=Filters(vendor="Nobody"))
    assert (found.total, found.vendors, found.more_vendors) == (0, (), 0)
    assert found.regions() == tuple(Region)


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(statuses=(Status.AGREED,)),
        Filters(regions=(None,)),
        Filters(regions=(Region.EUROPE,)),
        Filters(vendor="OpenAI"),
        Filters(search="Mistral"),
    ],
    ids=["none", "status", "no-region", "region", "vendor", "search"],
)
def test_the_counts_are_those_of_the_engagements_listed(demo: Tracker, filters: Filters) -> None:
    _add(demo, "Mistral AI", "paused")  # the demo with one engagement with no region
    engagements = demo.get_many(ids=demo.list_ids(filters=filters))
    cells = Counter((e.data.status, e.data.region) for e in engagements)
    vendors = Counter(e.data.vendor for e in engagements)
    found = demo.overview(filters=filters)
    assert dict(found.cells) == dict(cells)
    assert found.total == len(engagements)
    ranked = sorted(vendors.items(), key=lambda item: (-item[1], item[0].casefold()))
    assert found.vendors == tuple(ranked[:TOP_VENDORS])
    assert found.more_vendors == max(0, len(vendors) - TOP_VENDORS)
