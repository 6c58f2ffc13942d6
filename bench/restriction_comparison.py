"""The restriction comparison at scale: ``Tracker.restriction_comparison`` and the
page's whole refresh, beside raw floors measured in the same run.

    QT_QPA_PLATFORM=offscreen python -m bench.restriction_comparison --db /tmp/bench100k.db

For each filter (none, a status, a region, a search word) it times, after a warm-up,
``--repeats`` runs of:

- the service call (one read transaction: the catalogue, the counts, the count of
  the filter) — median and p95;
- its floor: the same two statements (the GROUP BY and the filter's count) through
  ``sqlite3`` on a connection of its own, and beside it the bare
  ``GROUP BY restriction_id, stance`` over ``engagement_restriction`` (no filter, no
  join), the least SQLite can do to count stances at all;
- the page (``ui.restriction_comparison``, offscreen, 1000 × 700): ``refresh`` (the
  counts, the ordered ids) and the repaint that reads the first screen of the grid;
  its floor adds ``Tracker.list_ids`` of the filter to the service call.

Ratios are measured / floor.
"""

from __future__ import annotations

import argparse
import dataclasses
import sqlite3
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.dialects import sqlite

from db import queries, restriction_comparison
from tracker.domain.model import Filters
from tracker.domain.vocab import Region, Status
from tracker.services import Tracker

FILTERS: tuple[tuple[str, Filters], ...] = (
    ("no filter", Filters()),
    ("status active", Filters(statuses=(Status.ACTIVE,))),
    ("region Europe", Filters(regions=(Region.EUROPE,))),
    ("search pilot", Filters(search="pilot")),
)
BARE = (
    "SELECT restriction_id, stance, count(*) FROM engagement_restriction "
    "GROUP BY stance, restriction_id"
)


@dataclass(frozen=True)
class Timing:
    """Median and 95th percentile seconds of some runs."""

    median_s: float
    p95_s: float

    def __str__(self) -> str:
        return f"{self.median_s * 1000:.1f} ms (p95 {self.p95_s * 1000:.1f})"


def timed(run: Callable[[], Any], repeats: int) -> Timing:
    """``run`` timed ``repeats`` times after one warm-up run."""
    run()
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    times.sort()
    return Timing(statistics.median(times), times[min(len(times) - 1, round(0.95 * len(times)))])


@dataclass(frozen=True)
class Figure:
    """One filter's figures."""

    label: str
    engagements: int
    service: Timing
    floor: Timing  # the service's two statements through sqlite3
    bare: Timing  # the bare GROUP BY over engagement_restriction
    count: Timing  # count(*) of the filter through sqlite3
    page: Timing | None = None
    page_floor: Timing | None = None  # the service call and list_ids


def _statements(filters: Filters) -> list[tuple[str, tuple[Any, ...]]]:
    dialect = sqlite.dialect()
    return [
        queries.compiled(restriction_comparison.comparison_query(filters, "sqlite"), dialect),
        queries.compiled(queries.count_query(filters, "sqlite"), dialect),
    ]


def _run_all(conn: sqlite3.Connection, statements: list[tuple[str, tuple[Any, ...]]]) -> None:
    for sql, params in statements:
        conn.execute(sql, params).fetchall()


def _figure(
    service: Tracker, conn: sqlite3.Connection, label: str, filters: Filters, repeats: int
) -> Figure:
    statements = _statements(filters)
    return Figure(
        label=label,
        engagements=service.restriction_comparison(filters=filters).engagements,
        service=timed(lambda: service.restriction_comparison(filters=filters), repeats),
        floor=timed(lambda: _run_all(conn, statements), repeats),
        bare=timed(lambda: conn.execute(BARE).fetchall(), repeats),
        count=timed(lambda: _run_all(conn, statements[1:]), repeats),
    )


def measure(db: Path, repeats: int = 10, *, page: bool = True) -> list[Figure]:
    """Each filter of ``FILTERS`` over ``db``; with ``page``, the page's refresh too."""
    service = Tracker.open(db, user="bench")
    conn = sqlite3.connect(db)
    drawn = _Page(service) if page else None
    try:
        out = []
        for label, filters in FILTERS:
            figure = _figure(service, conn, label, filters, repeats)
            out.append(drawn.measure(figure, filters, repeats) if drawn else figure)
        return out
    finally:
        conn.close()
        service.close()


class _Page:
    """The page, offscreen, shown at 1000 × 700."""

    def __init__(self, service: Tracker) -> None:
        from PySide6.QtWidgets import QApplication

        from ui.restriction_comparison import RestrictionsView

        self.app = QApplication.instance() or QApplication([])
        self.service = service
        self.view = RestrictionsView(service)
        self.view.resize(1000, 700)
        self.view.show()
        self.app.processEvents()

    def measure(self, figure: Figure, filters: Filters, repeats: int) -> Figure:
        view = self.view
        view.set_filters(filters)

        def drawn() -> None:
            view.refresh()
            view.repaint()  # paints the first screen of the grid: reads its page of rows

        def floor() -> None:
            self.service.restriction_comparison(filters=filters)
            self.service.list_ids(filters=filters)

        return dataclasses.replace(
            figure, page=timed(drawn, repeats), page_floor=timed(floor, repeats)
        )


def _ratio(a: Timing, b: Timing) -> str:
    return f"{a.median_s / b.median_s:.2f}" if b.median_s else "inf"


def report(figures: list[Figure]) -> list[str]:
    """The lines the command prints."""
    lines = []
    for f in figures:
        lines.append(
            f"{f.label}: {f.engagements:,} engagements; restriction_comparison {f.service}, "
            f"floor {f.floor} (its SQL: ratio {_ratio(f.service, f.floor)}), "
            f"bare GROUP BY {f.bare} (ratio {_ratio(f.service, f.bare)}), "
            f"count(*) {f.count}"
        )
        if f.page is not None and f.page_floor is not None:
            lines.append(
                f"  page refresh + first screen {f.page}, floor (service + list_ids) "
                f"{f.page_floor}, ratio {_ratio(f.page, f.page_floor)}"
            )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.restriction_comparison", description=__doc__
    )
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--no-page", action="store_true", help="leave out the page (no Qt)")
    args = parser.parse_args(argv)
    for line in report(measure(args.db, args.repeats, page=not args.no_page)):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
