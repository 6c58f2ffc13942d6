"""Showing one engagement's detail pane: service reads + rendering, vs the reads alone."""

from __future__ import annotations

import statistics
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def measure_detail(window: MainWindow, count: int = 50) -> tuple[float, float]:
    """Median seconds to show the detail of ``count`` engagements, and of the reads alone."""
    from PySide6.QtWidgets import QApplication

    model, service = window.model, window.service
    step = max(1, model.rowCount() // count)
    ids = [model.id_at(row) for row in range(0, model.rowCount(), step)][:count]
    shown: list[float] = []
    floor: list[float] = []
    for eid in ids:
        began = time.perf_counter()
        service.get(engagement_id=eid)
        service.history(engagement_id=eid)
        floor.append(time.perf_counter() - began)
        began = time.perf_counter()
        window._show_detail(eid)
        window.detail.repaint()
        QApplication.processEvents()
        shown.append(time.perf_counter() - began)
    return statistics.median(shown), statistics.median(floor)
