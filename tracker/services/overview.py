"""The overview of the engagements a filter keeps (``tracker.domain.overview``), counted
by ``db.overview`` in one read transaction."""

from __future__ import annotations

from db import overview
from tracker.domain.model import Filters
from tracker.domain.overview import TOP_VENDORS, Overview, RegionKey
from tracker.domain.vocab import Region, Status
from tracker.services.base import TrackerBase


class Overviews(TrackerBase):
    """The overview call."""

    def overview(self, *, filters: Filters = Filters(), top: int = TOP_VENDORS) -> Overview:
        """Counts of the engagements matching ``filters`` by status × region, and the
        ``top`` vendors with the most of them, with how many other vendors have some."""
        with self._read() as conn:
            rows = overview.counts(conn, filters, top)
        matrix: dict[tuple[Status, RegionKey], int] = {}
        vendors: list[tuple[str, int]] = []
        with_any = 0  # the vendors with engagements
        for part, status, region, name, n, of_vendors, _ in rows:
            if part == overview.CELL:
                matrix[(Status(status), Region(region) if region else None)] = int(n)
            else:
                vendors.append((str(name), int(n)))
                with_any = int(of_vendors)
        more = with_any - len(vendors)
        return Overview(cells=matrix, vendors=tuple(vendors), more_vendors=more)
