"""The overview of the engagements a filter keeps: how many by status × region, and the
vendors with the most, as plain data (``Tracker.overview`` counts them in SQL).

The matrix has every status and every region in vocabulary order, and a "not set"
column only when some engagement has no region; its totals are the sums of its cells
(each engagement sits in exactly one). The vendors are the ``TOP_VENDORS`` with the most
engagements (ties by name), and ``more_vendors`` says how many others have some.
``matrix_csv`` writes the matrix as CSV text, the labels the vocabulary's.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field

from tracker.domain.fields import label
from tracker.domain.vocab import Region, Status

TOP_VENDORS = 10  # the vendors drawn; the rest are said in a number
NO_REGION = "Not set"  # the column of the engagements with no region
TOTAL = "Total"

# A region as the matrix holds it: None is "not set".
RegionKey = Region | None


def region_label(region: RegionKey) -> str:
    """How a region's row or column reads."""
    return region.label if region is not None else NO_REGION


@dataclass(frozen=True)
class Overview:
    """Counts of the engagements matching a filter: ``cells`` by (status, region) (a
    cell with none is left out), ``vendors`` (name, count) most first, at most
    ``TOP_VENDORS``, ``more_vendors`` the vendors with engagements not among them."""

    cells: Mapping[tuple[Status, RegionKey], int] = field(default_factory=dict)
    vendors: tuple[tuple[str, int], ...] = ()
    more_vendors: int = 0

    @property
    def total(self) -> int:
        """How many engagements match."""
        return sum(self.cells.values())

    def count(self, status: Status, region: RegionKey) -> int:
        """The engagements of ``status`` in ``region`` (0 when none)."""
        return self.cells.get((status, region), 0)

    def statuses(self) -> tuple[Status, ...]:
        """The matrix's rows: every status, in vocabulary order."""
        return tuple(Status)

    def regions(self) -> tuple[RegionKey, ...]:
        """The matrix's columns: every region in vocabulary order, then "not set" when
        some engagement has no region."""
        unset = any(region is None for _, region in self.cells)
        return (*Region, *([None] if unset else []))

    def status_total(self, status: Status) -> int:
        """The engagements of ``status``, whatever their region."""
        return sum(n for (s, _), n in self.cells.items() if s == status)

    def region_total(self, region: RegionKey) -> int:
        """The engagements in ``region``, whatever their status."""
        return sum(n for (_, r), n in self.cells.items() if r == region)


def matrix_csv(overview: Overview) -> str:
    """The status × region matrix as CSV: a header row of the regions and "Total", a row
    per status with its total, and a last row of the regions' totals."""
    regions = overview.regions()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([label("status"), *(region_label(r) for r in regions), TOTAL])
    for status in overview.statuses():
        counts = [overview.count(status, r) for r in regions]
        writer.writerow([status.label, *counts, overview.status_total(status)])
    totals = [overview.region_total(r) for r in regions]
    writer.writerow([TOTAL, *totals, overview.total])
    return out.getvalue()
