"""Save → repainted: one edit saved through the real form, until the table has repainted.

    QT_QPA_PLATFORM=offscreen python -m bench.save --db /tmp/bench100k.db

The edit changes the next step of the current engagement, a field that moves it in no
sort order and out of no filter: the window should refresh that row in place instead
of re-running the id query over every engagement. The floor is the service's save
alone (the same write, no window). Also reported: how many times the id query ran
per save (``Tracker.list_ids``, counted by wrapping it).
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ui.main_window import MainWindow


@dataclass(frozen=True)
class SaveFigure:
    """Median seconds of a save through the window and of the service's save alone."""

    rows: int
    gui_s: float
    floor_s: float
    id_queries_per_save: float

    @property
    def ratio(self) -> float:
        return self.gui_s / self.floor_s if self.floor_s > 0 else float("inf")


def _count_calls(obj: Any, name: str) -> list[int]:
    """Wrap ``obj.name`` so that each call adds one to the returned counter."""
    counter = [0]
    original: Callable[..., Any] = getattr(obj, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        counter[0] += 1
        return original(*args, **kwargs)

    setattr(obj, name, counted)
    return counter


def _open_form(window: MainWindow) -> Any:
    """Open the edit form on the current engagement, as F2 does; returns the dialog."""
    from PySide6.QtWidgets import QApplication, QDialog

    window.editing.edit_current()
    QApplication.processEvents()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog)]
    visible = [d for d in dialogs if d.isVisible() and hasattr(d, "saveRequested")]
    if not visible:
        raise RuntimeError("the edit form did not open")
    return visible[0]


def measure_save(window: MainWindow, repeats: int) -> SaveFigure:
    """Save an edit of the current engagement's next step ``repeats`` times."""
    from PySide6.QtWidgets import QApplication

    service = window.service
    queries = _count_calls(service, "list_ids")
    viewport = window.table.viewport()
    gui: list[float] = []
    floor: list[float] = []
    window.table.selectRow(0)  # earlier measurements may have left no current row
    for n in range(repeats):
        dialog = _open_form(window)
        data = dialog.data()
        dialog.set_data(dataclasses.replace(data, next_step=f"bench step {n}"))
        began = time.perf_counter()
        dialog.saveRequested.emit()
        viewport.repaint()
        gui.append(time.perf_counter() - began)
        QApplication.processEvents()
        current = window.current_id()
        assert current is not None
        stored = service.get(engagement_id=current)
        began = time.perf_counter()
        service.save(
            engagement_id=current,
            expected_version=stored.version,
            data=dataclasses.replace(stored.data, next_step=f"bench floor {n}"),
        )
        floor.append(time.perf_counter() - began)
    per_save = (queries[0]) / repeats
    return SaveFigure(
        rows=window.model.rowCount(),
        gui_s=statistics.median(gui),
        floor_s=statistics.median(floor),
        id_queries_per_save=per_save,
    )


def main(argv: list[str] | None = None) -> int:
    """Open the window on ``--db`` and print the save → repainted figure."""
    from bench.gui import close_window, open_window

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeats", type=int, default=9)
    args = parser.parse_args(argv)
    if not Path(args.db).exists():
        parser.error(f"no database {args.db}")
    with tempfile.TemporaryDirectory(prefix="bench-save-") as tmp:
        window = open_window(args.db, Path(tmp) / "settings.ini")
        try:
            figure = measure_save(window, args.repeats)
        finally:
            close_window(window)
    print(
        f"save -> repainted at {figure.rows:,} rows: {figure.gui_s * 1000:.1f} ms "
        f"(service save alone {figure.floor_s * 1000:.1f} ms, {figure.ratio:.1f}x); "
        f"id queries per save: {figure.id_queries_per_save:g}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
