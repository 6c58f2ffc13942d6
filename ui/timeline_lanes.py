"""The lanes the timeline holds: the ordered ids of the filter, and the lanes of the
few pages of them in view, read from the service a page at a time (like the table's
rows, ``ui.table_model``, in smaller pages), so that 100,000 engagements cost only the
lanes on screen."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence

from tracker.domain.lanes import Lane
from tracker.services import Tracker

# About two screens of lanes a page: at 100,000 engagements a page of 50 reads in about
# 8 ms, one of 200 (the table's) in about 24, and a drag of the scroll bar reads a new
# page every frame.
PAGE_SIZE = 50
CACHED_PAGES = 16


class LaneCache:
    """Ordered ids, and the lanes of the pages of them last shown."""

    def __init__(self, service: Tracker) -> None:
        self._service = service
        self._ids: list[int] = []
        self._pages: OrderedDict[int, list[Lane | None]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._ids)

    @property
    def ids(self) -> Sequence[int]:
        """The ids of the lanes, in order."""
        return self._ids

    def set_service(self, service: Tracker) -> None:
        """Read another database's lanes (none is held any more)."""
        self._service = service
        self._pages.clear()

    def set_ids(self, ids: list[int]) -> None:
        """Show these ids; the lanes held stay if the ids are the same."""
        if ids != self._ids:
            self._ids = ids
            self._pages.clear()

    def forget(self, ids: Iterable[int]) -> None:
        """Drop the pages holding any of ``ids`` (changed: read them again when shown)."""
        wanted = set(ids)
        for number in [n for n, page in self._pages.items() if _holds(page, wanted)]:
            del self._pages[number]

    def held_ids(self) -> set[int]:
        """The ids whose lanes are held."""
        return {lane.id for page in self._pages.values() for lane in page if lane is not None}

    def lanes(self, first: int, last: int) -> list[tuple[int, Lane | None]]:
        """The (row, lane) of rows ``first`` to ``last`` (included) that exist, reading
        the pages not held; a lane whose engagement is gone is None."""
        last = min(last, len(self._ids) - 1)
        return [
            (row, self._page(row // PAGE_SIZE)[row % PAGE_SIZE])
            for row in range(max(first, 0), last + 1)
        ]

    def _page(self, number: int) -> list[Lane | None]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        wanted = self._ids[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]
        found = {lane.id: lane for lane in self._service.lanes(engagement_ids=wanted)}
        page = self._pages[number] = [found.get(i) for i in wanted]
        while len(self._pages) > CACHED_PAGES:
            self._pages.popitem(last=False)
        return page


def _holds(page: list[Lane | None], ids: set[int]) -> bool:
    return any(lane is not None and lane.id in ids for lane in page)
