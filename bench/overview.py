"""The overview at scale: ``Tracker.overview`` and the Overview page's refresh, beside
raw floors measured in the same run.

    QT_QPA_PLATFORM=offscreen python -m bench.overview --db /tmp/bench100k.db [--repeats 10]

For each typical filter below (none, a status, a region, a search word, the largest
vendor) the service call is timed ``--repeats`` times after a warm-up; the floors are
the same filter's bare ``SELECT count(*)`` and a plain ``GROUP BY status`` run with
``sqlite3`` on its own connection. The p95 is over every call of every filter. The GUI
figure is the page's refresh after each filter change, painting included (the page,
shown offscreen, is grabbed), cycling through the filters ``--repeats`` times; the
target is a p95 of 150 ms at 100,000 engagements.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects import sqlite

from bench.gui import percentile
from db import queries, tables
from tracker.domain.model import Filters
from tracker.domain.vocab import Region, Status
from tracker.services import Tracker

TARGET_MS = 150.0


def typical_filters(service: Tracker) -> tuple[tuple[str, Filters], ...]:
    """The filters measured: the vendor is the one with the most engagements."""
    vendors = service.overview().vendors
    vendor = vendors[0][0] if vendors else "none"
    return (
        ("none", Filters()),
        ("a status", Filters(statuses=(Status.NEGOTIATING,))),
        ("a region", Filters(regions=(Region.EUROPE,))),
        ("a search word", Filters(search="defence")),
        ("a vendor", Filters(vendor=vendor)),
    )


@dataclass(frozen=True)
class FilterFigure:
    """One filter: the engagements it keeps, the service call's median and the floors'."""

    name: str
    total: int
    overview_s: float
    count_s: float
    group_s: float


@dataclass(frozen=True)
class OverviewResult:
    """Every filter's figure, the p95s of the call and of its floors over all of them,
    and the p95 of the page's refresh (None when not measured)."""

    filters: list[FilterFigure]
    overview_p95_s: float
    count_p95_s: float
    group_p95_s: float
    gui_p95_s: float | None


def _times(run: Callable[[], Any], repeats: int) -> list[float]:
    run()  # the warm-up: pages cached, statement prepared
    out = []
    for _ in range(repeats):
        began = time.perf_counter()
        run()
        out.append(time.perf_counter() - began)
    return out


def _fetch(conn: sqlite3.Connection, statement: tuple[str, tuple[Any, ...]]) -> None:
    conn.execute(*statement).fetchall()


def _floors(filters: Filters) -> tuple[tuple[str, tuple[Any, ...]], tuple[str, tuple[Any, ...]]]:
    """The SQL of the filter's bare count and of its plain GROUP BY status."""
    where = queries.where_clauses(filters, "sqlite")
    e = tables.engagement
    grouped = select(e.c.status, func.count()).where(*where).group_by(e.c.status)
    dialect = sqlite.dialect()
    return (
        queries.compiled(queries.count_query(filters, "sqlite"), dialect),
        queries.compiled(grouped, dialect),
    )


def _gui_times(service: Tracker, chosen: list[Filters], repeats: int) -> list[float]:
    """The page's refresh and paint after each change of filter, offscreen."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui.overview import OverviewView

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "bench.ini"), QSettings.Format.IniFormat)
        page = OverviewView(service, settings=settings)
        page.resize(1040, 720)  # the page's share of a 1400 × 820 window
        page.show()
        app.processEvents()
        out = []
        for _ in range(repeats):
            for filters in chosen:
                began = time.perf_counter()
                page.set_filters(filters)  # shown: it reads and draws at once
                page.grab()
                out.append(time.perf_counter() - began)
        page.close()
    return out


def measure(db: Path, repeats: int = 10, *, gui: bool = True) -> OverviewResult:
    """Every typical filter over ``db``, and the page's refresh when ``gui``."""
    service = Tracker.open(db, user="bench")
    conn = sqlite3.connect(db)
    figures: list[FilterFigure] = []
    calls: list[float] = []
    counts: list[float] = []
    groups: list[float] = []
    try:
        chosen = typical_filters(service)
        for name, filters in chosen:
            count_sql, group_sql = _floors(filters)
            call = _times(partial(service.overview, filters=filters), repeats)
            count = _times(partial(_fetch, conn, count_sql), repeats)
            group = _times(partial(_fetch, conn, group_sql), repeats)
            total = service.overview(filters=filters).total
            medians = (statistics.median(t) for t in (call, count, group))
            figures.append(FilterFigure(name, total, *medians))
            calls += call
            counts += count
            groups += group
        gui_p95 = None
        if gui:
            gui_p95 = percentile(_gui_times(service, [f for _, f in chosen], repeats), 95)
    finally:
        conn.close()
        service.close()
    return OverviewResult(
        figures, percentile(calls, 95), percentile(counts, 95), percentile(groups, 95), gui_p95
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.overview", description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--no-gui", action="store_true", help="the service call only")
    args = parser.parse_args(argv)
    result = measure(args.db, args.repeats, gui=not args.no_gui)
    for f in result.filters:
        print(
            f"overview, {f.name}: {f.total:,} engagements in {f.overview_s * 1000:.1f} ms;"
            f" floors count(*) {f.count_s * 1000:.1f} ms (ratio {f.overview_s / f.count_s:.1f}),"
            f" GROUP BY status {f.group_s * 1000:.1f} ms (ratio {f.overview_s / f.group_s:.1f})"
        )
    p95 = result.overview_p95_s
    print(
        f"overview p95 {p95 * 1000:.1f} ms over every filter;"
        f" floors' p95 count(*) {result.count_p95_s * 1000:.1f} ms"
        f" (ratio {p95 / result.count_p95_s:.1f}), GROUP BY status"
        f" {result.group_p95_s * 1000:.1f} ms (ratio {p95 / result.group_p95_s:.1f})"
    )
    if result.gui_p95_s is not None:
        gui = result.gui_p95_s
        print(
            f"page refresh p95 {gui * 1000:.1f} ms (read, draw and paint), target"
            f" {TARGET_MS:.0f} ms; ratio to the call's p95 {gui / p95:.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
