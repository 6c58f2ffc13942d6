"""The quick ways to the ordered ids give exactly what one sorted SQL query gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from db import ids, queries
from tracker.domain.model import SORT_KEYS, Filters
from tracker.domain.vocab import Region, Status
from tracker.services import Tracker

FILTERS = (
    Filters(),
    Filters(search="   "),
    Filters(search="o"),
    Filters(search="nato defence"),
    Filters(search="nato"),  # a counterpart's name: through the organisations' words
    Filters(search="zeta same"),  # a vendor's name and a title word
    Filters(search="ministry o"),
    Filters(statuses=(Status.NEGOTIATING, Status.EXPLORATORY)),
    Filters(statuses=(Status.ACTIVE,), search="a"),
    Filters(regions=(Region.EUROPE,)),
    Filters(trash=True),
)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Tracker:
    path: Path = tmp_path_factory.mktemp("ordered") / "t.db"
    tracker = Tracker.open(path, user="test")
    tracker.load_demo()
    for n in range(6):
        tracker.create(
            data={
                "title": f"Same title {n % 2}",
                "vendor": "Zeta Labs" if n % 3 else "alpha vendor",
                "counterpart": "Ministry of Nothing",
                "status": "paused" if n % 2 else "active",
            }
        )
    for engagement_id in tracker.list_ids()[:2]:
        tracker.delete(engagement_id=engagement_id)
    return tracker


def _reference(service: Tracker, filters: Filters, sort: str, descending: bool) -> list[int]:
    with service.database.read() as conn:
        query = queries.ids_query(
            filters,
            sort=sort,
            descending=descending,
            markings=service.markings(),
            dialect=conn.dialect.name,
        )
        return [int(i) for i in conn.execute(query).scalars()]


@pytest.mark.parametrize("many", [ids.MANY_IDS, 0])
@pytest.mark.parametrize("sort", SORT_KEYS)
def test_ordered_ids_equal_one_sorted_query(
    service: Tracker, sort: str, many: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ids, "MANY_IDS", many)
    for filters in FILTERS:
        for descending in (False, True):
            expected = _reference(service, filters, sort, descending)
            got = service.list_ids(filters=filters, sort=sort, descending=descending)
            assert got == expected, (sort, descending, filters)
