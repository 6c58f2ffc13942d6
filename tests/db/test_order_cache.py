"""The whole table's order kept between calls is never stale: a write by this program
or by another one (another connection to the same file) is seen at the next call."""

from __future__ import annotations

from pathlib import Path

import pytest

from db import ids
from tracker.domain.model import EngagementData, Filters
from tracker.domain.vocab import Status
from tracker.services import Tracker


def _data(title: str) -> EngagementData:
    return EngagementData(title=title, vendor="OpenAI", counterpart="NATO", status=Status.ACTIVE)


@pytest.mark.parametrize("many", [ids.MANY_IDS, 0])
def test_a_write_here_or_elsewhere_is_seen_at_once(
    tmp_path: Path, many: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ids, "MANY_IDS", many)  # 0: every search picks from the kept order
    path = tmp_path / "t.db"
    mine, other = Tracker.open(path, user="me"), Tracker.open(path, user="other")
    first = mine.create(data=_data("B first")).engagement.id
    for filters in (Filters(), Filters(search="nato")):
        assert mine.list_ids(filters=filters) == [first]
    theirs = other.create(data=_data("A theirs")).engagement.id  # another connection
    for filters in (Filters(), Filters(search="nato")):
        assert mine.list_ids(filters=filters) == [theirs, first]
    mine.delete(engagement_id=first)  # this program's own write
    for filters in (Filters(), Filters(search="nato")):
        assert mine.list_ids(filters=filters) == [theirs]
    assert mine.list_ids(filters=Filters(), descending=True) == [theirs]
    again = mine.create(data=_data("D mine")).engagement.id
    assert mine.list_ids(filters=Filters()) == [theirs, again]
    other.update(engagement_id=theirs, changes={"title": "Z renamed"}, expected_version=1)
    assert mine.list_ids(filters=Filters()) == [again, theirs]  # moved by another program
    mine.close()
    other.close()
