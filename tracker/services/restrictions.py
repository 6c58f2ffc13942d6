"""Reading the restriction comparison: the counts of stances on each restriction of
the catalogue over a filter, and the stances of the engagements a page shows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from db import listing, queries, restriction_comparison
from tracker.domain.model import Filters
from tracker.domain.restriction_comparison import RestrictionComparison, RestrictionCounts
from tracker.domain.vocab import Stance
from tracker.services.base import TrackerBase


class Restrictions(TrackerBase):
    """The read-only calls of the restriction comparison (each one read transaction)."""

    def restriction_comparison(self, *, filters: Filters = Filters()) -> RestrictionComparison:
        """Every restriction of the catalogue (in ``restriction_catalogue``'s order) with
        how many of the engagements matching ``filters`` take each stance on it."""
        with self._read() as conn:
            catalogue = listing.restriction_catalogue(conn)
            ids = restriction_comparison.catalogue_ids(conn)
            counts = restriction_comparison.stance_counts(conn, filters)
            # The count of every list (``Tracker.count``), in the same transaction.
            engagements = conn.execute(queries.count_query(filters, conn.dialect.name)).scalar_one()
        rows = tuple(
            RestrictionCounts(
                code=code,
                title=title,
                by_stance={s: counts[ids[code], s] for s in Stance if (ids[code], s) in counts},
            )
            for code, title in catalogue
        )
        return RestrictionComparison(restrictions=rows, engagements=int(engagements))

    def stances(self, *, engagement_ids: Sequence[int]) -> Mapping[int, Mapping[str, Stance]]:
        """The stance of each of ``engagement_ids`` on each restriction it records, by
        the restriction's code (unknown ids and ids recording none map to ``{}``)."""
        with self._read() as conn:
            return restriction_comparison.stances(conn, engagement_ids)
