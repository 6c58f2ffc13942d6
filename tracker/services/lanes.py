"""The timeline's reads: the lanes of the engagements it shows, and the days they span."""

from __future__ import annotations

from collections.abc import Sequence

from db import lanes
from tracker.domain.lanes import DaySpan, Lane
from tracker.domain.model import Filters
from tracker.services.base import TrackerBase


class Lanes(TrackerBase):
    """Reading lanes of the timeline (each call one read transaction)."""

    def lanes(self, *, engagement_ids: Sequence[int]) -> list[Lane]:
        """The lanes of ``engagement_ids`` (title, status events, follow-up, start), in
        that order; unknown ids are skipped."""
        with self._read() as conn:
            return lanes.lanes(conn, engagement_ids)

    def lane_extent(self, *, filters: Filters = Filters()) -> DaySpan | None:
        """The days the dates of the engagements matching ``filters`` span (one
        aggregate), or None when they have none."""
        with self._read() as conn:
            return lanes.extent(conn, filters)
