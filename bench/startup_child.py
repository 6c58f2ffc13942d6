"""The child process of the start-up benchmark (run by ``bench.gui``, not by hand).

    python -m bench.startup_child app|floor [--db PATH] [--settings FILE.ini]

Prints one JSON line of wall-clock times (``time.time()``): when Python got here,
when the imports were done, when the window was built and when the table's
viewport had painted (with rows, for ``app``). Only the standard library is
imported before the first time is taken.
"""

from __future__ import annotations

import time

STARTED = time.time()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from typing import Any  # noqa: E402

TIMEOUT_MS = 60_000


def run(kind: str, db: str | None, settings_path: str | None) -> dict[str, Any]:
    """Start the app (or the bare floor window) and time it up to the first painted rows."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    times: dict[str, Any] = {"kind": kind, "python": STARTED}
    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    window: QMainWindow
    table: QTableView
    if kind == "app":
        from tracker.services import Tracker
        from ui.app import make_application
        from ui.main_window import MainWindow

        times["imported"] = time.time()
        app = make_application([sys.argv[0]])
        settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
        main = MainWindow(Tracker.open(db), settings=settings)
        window, table = main, main.table
    else:
        times["imported"] = time.time()
        app = QApplication([sys.argv[0]])
        window = QMainWindow()
        table = QTableView(window)
        window.setCentralWidget(table)
        window.resize(1400, 820)
    times["built"] = time.time()

    class PaintWatch(QObject):
        """Notes the first paint of the viewport (with rows, when there is a model)."""

        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if not self.seen and event.type() == QEvent.Type.Paint:
                model = table.model()
                if model is None or model.rowCount() > 0 or kind != "app":
                    self.seen = True
                    times["paint_event"] = time.time()
                    # Runs once the paint event has been handled, i.e. painted.
                    QTimer.singleShot(0, finish)
            return False

    def finish() -> None:
        times["painted"] = time.time()
        model = table.model()
        times["rows"] = model.rowCount() if model is not None else 0
        app.quit()

    watch = PaintWatch()
    table.viewport().installEventFilter(watch)
    QTimer.singleShot(TIMEOUT_MS, app.quit)
    window.show()
    app.exec()
    if kind == "app":
        from ui.main_window import MainWindow as _Main

        if isinstance(window, _Main):
            window.service.close()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.startup_child")
    parser.add_argument("kind", choices=("app", "floor"))
    parser.add_argument("--db")
    parser.add_argument("--settings")
    args = parser.parse_args(argv)
    if args.kind == "app" and (not args.db or not args.settings):
        parser.error("app needs --db and --settings")
    print(json.dumps(run(args.kind, args.db, args.settings)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
