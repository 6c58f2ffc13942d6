"""The Timeline page at scale: first paint after a filter, and scrolling, offscreen.

    QT_QPA_PLATFORM=offscreen python -m bench.timeline --db /tmp/bench100k.db

First paint: from setting the filter (the table model's query: ``Tracker.list_ids``)
to the first complete paint of the lanes in view of the Timeline page (its read of the
ids and the axis extent, the lanes of the rows in view, the paint), with no lane held
before; beside the floor of the ids query alone (``Tracker.list_ids``), measured in
the same run, and the ratio. Scrolling: ``--steps`` scroll steps each followed by a
forced repaint, once a page at a time (PageDown: a page of 200 lanes is read every few
steps) and once jumping ``--jump`` lanes a step through the whole list (every step reads
new lanes, as dragging the scroll bar does); frames per second = steps / elapsed, and
the slowest frame.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from bench.timing import median_seconds
from tracker.domain.model import Filters
from tracker.domain.vocab import Status
from tracker.services import Tracker

# The Timeline's pane in the 1400 × 820 window (the table's pane, under the filter bar).
PANE = (1040, 640)
FILTERS: tuple[tuple[str, Filters], ...] = (
    ("every engagement", Filters()),
    ("status negotiating", Filters(statuses=(Status.NEGOTIATING,))),
    ('search "nato"', Filters(search="nato")),
)


@dataclass(frozen=True)
class FirstPaint:
    """Median seconds from a filter to the timeline's first paint, beside the floor."""

    label: str
    lanes: int
    paint_s: float
    floor_s: float


@dataclass(frozen=True)
class Scrolling:
    """Scroll steps, each with a repaint: how many a second and the slowest."""

    label: str
    steps: int
    seconds: float
    slowest_s: float

    @property
    def fps(self) -> float:
        """Frames per second."""
        return self.steps / self.seconds


def _scroll(
    label: str, steps: int, step: Callable[[], None], paint: Callable[[], None]
) -> Scrolling:
    slowest = 0.0
    began = time.perf_counter()
    for _ in range(steps):
        frame = time.perf_counter()
        step()
        paint()
        slowest = max(slowest, time.perf_counter() - frame)
    return Scrolling(label, steps, time.perf_counter() - began, slowest)


def measure(
    db: Path, repeats: int = 5, steps: int = 200, jump: int = 500
) -> tuple[list[FirstPaint], list[Scrolling]]:
    """The first paints of ``FILTERS`` and the two scrolls over the database ``db``."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QTableView

    from ui.table_model import EngagementTableModel
    from ui.timeline_view import TimelineView

    app = QApplication.instance() or QApplication([])
    service = Tracker.open(db, user="bench")
    folder = tempfile.mkdtemp(prefix="bench-timeline-")
    settings = QSettings(os.path.join(folder, "settings.ini"), QSettings.Format.IniFormat)
    model = EngagementTableModel(service)
    table = QTableView()
    table.setModel(model)
    page = TimelineView(service, table, settings)
    page.resize(*PANE)
    page.show()
    viewport = page.canvas.viewport()

    def first_paint(filters: Filters) -> None:
        page.lanes.set_service(service)  # no lane held: each run reads its lanes
        model.set_query(filters=filters)
        page.set_filters(filters)
        app.processEvents()  # the page's read, queued by the table's reset
        viewport.repaint()

    paints = []
    try:
        for label, filters in FILTERS:
            paint_s = median_seconds(partial(first_paint, filters), repeats)
            floor_s = median_seconds(partial(service.list_ids, filters=filters), repeats)
            paints.append(FirstPaint(label, len(page.lanes), paint_s, floor_s))
        first_paint(Filters())
        bar = page.canvas.verticalScrollBar()
        bar.setValue(0)
        by_page = _scroll(
            "a page a step",
            steps,
            lambda: bar.setValue(bar.value() + bar.pageStep()),
            viewport.repaint,
        )
        bar.setValue(0)
        lanes = jump * page.canvas.lane_height
        dragged = _scroll(
            f"{jump} lanes a step",
            steps,
            lambda: bar.setValue(bar.value() + lanes),
            viewport.repaint,
        )
        return paints, [by_page, dragged]
    finally:
        page.close()
        service.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.timeline", description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--jump", type=int, default=500)
    args = parser.parse_args(argv)
    paints, scrolls = measure(args.db, args.repeats, args.steps, args.jump)
    for p in paints:
        print(
            f"first paint, {p.label}: {p.lanes:,} lanes in {p.paint_s * 1000:.1f} ms, "
            f"floor (list_ids) {p.floor_s * 1000:.1f} ms, ratio {p.paint_s / p.floor_s:.2f}"
        )
    for s in scrolls:
        print(
            f"scrolling, {s.label}: {s.steps} steps in {s.seconds * 1000:.0f} ms, "
            f"{s.fps:.0f} frames/s, slowest frame {s.slowest_s * 1000:.1f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
