"""The overview of the engagements a filter keeps (``tracker.domain.overview``), counted
by ``db.overview`` in one read transaction."""

from __future__ import annotations

from db import overview
from tracker.domain.model import Filters
from tracker.domain.overview import TOP_VENDORS, Overview, RegionKey
from tracker.domain.vocab import Status
from tracker.services.base import TrackerBase


class Overviews(TrackerBase):
    """The overview call."""

    def overview(self, *, filters: Filters = Filters(), top: int = TOP_VENDORS) -> Overview:
        """Counts of the engagements matching ``filters`` by status × region, and the
        ``top`` vendors with the most of them, with how many other vendors have some."""
        with self._read() as conn:
            cells, vendors = overview.counts(conn, filters, top)
        matrix: dict[tuple[Status, RegionKey], int] = {}
        for key, n in cells:
            found = overview.cell(key)
            if found is not None:
                matrix[found] = n
        more = vendors[0][2] - len(vendors) if vendors else 0
        return Overview(
            cells=matrix, vendors=tuple((name, n) for name, n, _ in vendors), more_vendors=more
        )
