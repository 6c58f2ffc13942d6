"""GUI benchmark of the real main window, next to the raw floor of the same work.

    QT_QPA_PLATFORM=offscreen python -m bench.gui --db /tmp/bench100k.db

Measures, offscreen, with ``time.perf_counter()`` (wall-clock ``time.time()``
across processes), repeating each measurement and reporting medians:

- start-up: from the spawn of a process to the first painted table rows of the
  real ``MainWindow``, next to a bare QApplication + QMainWindow + empty QTableView;
- search as you type: each prefix of ``--keystrokes`` typed into the filter bar
  (``setText`` + ``flush`` + a forced repaint of the table viewport), and toggling
  each status on and off in the status multi-select, next to the same SQL query
  alone (``Tracker.list_ids``);
- sorting by each column in both orders (``model.sort`` + repaint) next to
  ``Tracker.list_ids(sort=...)`` alone.

Ratios are measured / floor.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tracker.domain.model import Filters
    from tracker.services import Tracker
    from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_KEYSTROKES = "nato defence"
STARTUP_PHASES = ("python", "imported", "built", "painted")


# -- results --------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One measured interaction: median GUI time next to the median floor time."""

    label: str
    rows: int
    gui_s: float
    floor_s: float

    @property
    def ratio(self) -> float:
        return self.gui_s / self.floor_s if self.floor_s > 0 else float("inf")


@dataclass(frozen=True)
class Startup:
    """Median seconds from spawn to each phase, for the app and for the bare floor."""

    app: dict[str, float]
    floor: dict[str, float]
    rows: int
    repeats: int

    @property
    def ratio(self) -> float:
        return self.app["painted"] / self.floor["painted"] if self.floor["painted"] else 0.0


@dataclass
class Report:
    """Everything one run measured."""

    db: str
    engagements: int
    repeats: int
    startup: Startup | None = None
    keystrokes: list[Step] = field(default_factory=list)
    statuses: list[Step] = field(default_factory=list)
    sorts: list[Step] = field(default_factory=list)


def percentile(values: Sequence[float], p: float) -> float:
    """The ``p``-th percentile (0..100) by linear interpolation."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    k = (len(ordered) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def prefixes(keystrokes: str) -> list[str]:
    """What the search box holds after each keystroke."""
    return [keystrokes[: n + 1] for n in range(len(keystrokes))]


# -- start-up (subprocesses) ----------------------------------------------------------


def _spawn(kind: str, db: str | None, settings: str | None) -> dict[str, float]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    command = [sys.executable, "-m", "bench.startup_child", kind]
    if db is not None:
        command += ["--db", db]
    if settings is not None:
        command += ["--settings", settings]
    spawned = time.time()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"start-up child {kind} failed ({done.returncode}): {done.stderr}")
    times: dict[str, Any] = json.loads(lines[-1])
    if "painted" not in times:
        raise RuntimeError(f"start-up child {kind} never painted: {done.stderr}")
    out = {phase: float(times[phase]) - spawned for phase in STARTUP_PHASES}
    out["rows"] = float(times.get("rows", 0))
    return out


def measure_startup(db: str | Path, repeats: int) -> Startup:
    """Median spawn-to-phase times of the app on ``db`` and of the bare floor window."""
    app_runs: list[dict[str, float]] = []
    floor_runs: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="bench-gui-") as tmp:
        for n in range(repeats):
            # A fresh settings file each time: a first start, no remembered filters.
            settings = str(Path(tmp) / f"settings-{n}.ini")
            floor_runs.append(_spawn("floor", None, None))
            app_runs.append(_spawn("app", str(db), settings))

    def medians(runs: list[dict[str, float]]) -> dict[str, float]:
        return {p: statistics.median(r[p] for r in runs) for p in STARTUP_PHASES}

    return Startup(
        app=medians(app_runs),
        floor=medians(floor_runs),
        rows=int(app_runs[-1]["rows"]),
        repeats=repeats,
    )


# -- interactions (this process) ----------------------------------------------------


def _timed(action: Callable[[], object]) -> float:
    began = time.perf_counter()
    action()
    return time.perf_counter() - began


def open_window(db: str | Path, settings_path: str | Path) -> MainWindow:
    """The real main window on ``db``, shown offscreen, with its own settings file."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from tracker.services import Tracker
    from ui.app import make_application
    from ui.main_window import MainWindow

    make_application([sys.argv[0]])
    _quiet_offscreen_warnings()
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    window = MainWindow(Tracker.open(db, user="bench"), settings=settings)
    window.show()
    for _ in range(5):
        QApplication.processEvents()
    return window


def _quiet_offscreen_warnings() -> None:
    """Drop the offscreen platform's "does not support propagateSizeHints()" lines."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def close_window(window: MainWindow) -> None:
    """Close the window and its database."""
    from PySide6.QtWidgets import QApplication

    window.close()
    window.service.close()
    window.deleteLater()
    QApplication.processEvents()


def measure_keystrokes(window: MainWindow, keystrokes: str, repeats: int) -> list[Step]:
    """Type ``keystrokes`` one character at a time; each prefix is a step."""
    from PySide6.QtWidgets import QApplication

    bar, viewport, service = window.filter_bar, window.table.viewport(), window.service
    steps = prefixes(keystrokes)
    gui: list[list[float]] = [[] for _ in steps]
    floor: list[list[float]] = [[] for _ in steps]
    rows = [0] * len(steps)
    for _ in range(repeats):
        bar.search.setText("")
        bar.flush()
        QApplication.processEvents()
        for n, text in enumerate(steps):

            def type_it(text: str = text) -> None:
                bar.search.setText(text)
                bar.flush()
                viewport.repaint()

            gui[n].append(_timed(type_it))
            rows[n] = window.model.rowCount()
            filters, sort = window.model.filters, _sort_key(window)
            descending = window.model.descending
            floor[n].append(_floor(service, filters, sort, descending))
    bar.search.setText("")
    bar.flush()
    QApplication.processEvents()
    return [
        Step(f'"{text}"', rows[n], statistics.median(gui[n]), statistics.median(floor[n]))
        for n, text in enumerate(steps)
    ]


def measure_statuses(window: MainWindow, repeats: int) -> list[Step]:
    """Check and uncheck each status in the status multi-select."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication

    from tracker.domain.vocab import Status

    service, viewport = window.service, window.table.viewport()
    menu = window.filter_bar.status.menu()
    actions = {a.text(): a for a in menu.actions() if a.isCheckable()}
    labels = [f"{s.label} {state}" for s in Status for state in ("on", "off")]
    gui: dict[str, list[float]] = {label: [] for label in labels}
    floor: dict[str, list[float]] = {label: [] for label in labels}
    rows: dict[str, int] = {}
    for _ in range(repeats):
        for status in Status:
            action = actions[status.label]
            for state in ("on", "off"):
                label = f"{status.label} {state}"

                def toggle(action: QAction = action, checked: bool = state == "on") -> None:
                    action.setChecked(checked)
                    viewport.repaint()

                gui[label].append(_timed(toggle))
                rows[label] = window.model.rowCount()
                filters, sort = window.model.filters, _sort_key(window)
                descending = window.model.descending
                floor[label].append(_floor(service, filters, sort, descending))
                QApplication.processEvents()
    return [
        Step(label, rows[label], statistics.median(gui[label]), statistics.median(floor[label]))
        for label in labels
    ]


def measure_sorts(window: MainWindow, repeats: int) -> list[Step]:
    """Sort by each column, ascending then descending (the click on the header)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from ui.table_model import COLUMNS

    service, viewport, model = window.service, window.table.viewport(), window.model
    orders = (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder)
    keys = [(c, o) for c in range(len(COLUMNS)) for o in orders]
    gui: dict[tuple[int, Qt.SortOrder], list[float]] = {k: [] for k in keys}
    floor: dict[tuple[int, Qt.SortOrder], list[float]] = {k: [] for k in keys}
    rows: dict[tuple[int, Qt.SortOrder], int] = {}
    for _ in range(repeats):
        for column, order in keys:

            def click(column: int = column, order: Qt.SortOrder = order) -> None:
                model.sort(column, order)
                viewport.repaint()

            gui[(column, order)].append(_timed(click))
            rows[(column, order)] = model.rowCount()
            filters = model.filters
            sort = COLUMNS[column].sort_key
            descending = order == Qt.SortOrder.DescendingOrder
            floor[(column, order)].append(_floor(service, filters, sort, descending))
            QApplication.processEvents()
    model.sort(0, Qt.SortOrder.AscendingOrder)
    return [
        Step(
            f"{COLUMNS[c].header} {'asc' if o == Qt.SortOrder.AscendingOrder else 'desc'}",
            rows[(c, o)],
            statistics.median(gui[(c, o)]),
            statistics.median(floor[(c, o)]),
        )
        for c, o in keys
    ]


def _floor(service: Tracker, filters: Filters, sort: str, descending: bool) -> float:
    """Seconds for the same ids query alone."""
    began = time.perf_counter()
    service.list_ids(filters=filters, sort=sort, descending=descending)
    return time.perf_counter() - began


def _sort_key(window: MainWindow) -> str:
    from ui.table_model import COLUMNS

    return COLUMNS[window.model.sort_column].sort_key


def run(
    db: str | Path,
    *,
    keystrokes: str = DEFAULT_KEYSTROKES,
    repeats: int = 5,
    startup_repeats: int | None = None,
    startup: bool = True,
) -> Report:
    """Measure everything on ``db`` (which must exist)."""
    if not Path(db).exists():
        raise FileNotFoundError(f"no database {db}")
    report = Report(db=str(db), engagements=0, repeats=repeats)
    if startup:
        report.startup = measure_startup(db, startup_repeats or repeats)
    with tempfile.TemporaryDirectory(prefix="bench-gui-") as tmp:
        window = open_window(db, Path(tmp) / "settings.ini")
        try:
            from tracker.domain.model import Filters

            report.engagements = window.service.count(filters=Filters())
            report.keystrokes = measure_keystrokes(window, keystrokes, repeats)
            report.statuses = measure_statuses(window, repeats)
            report.sorts = measure_sorts(window, repeats)
        finally:
            close_window(window)
    return report


# -- the printed table ------------------------------------------------------------------


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:9.1f}"


def _step_table(title: str, steps: Sequence[Step]) -> list[str]:
    lines = [
        "",
        title,
        f"  {'step':<24} {'rows':>8} {'gui ms':>9} {'floor ms':>9} {'ratio':>7}",
    ]
    for s in steps:
        lines.append(
            f"  {s.label:<24} {s.rows:>8,} {_ms(s.gui_s)} {_ms(s.floor_s)} {s.ratio:>7.1f}"
        )
    return lines


def _summary_line(name: str, steps: Sequence[Step]) -> str:
    gui = [s.gui_s for s in steps]
    floor = [s.floor_s for s in steps]
    g50, g95 = percentile(gui, 50), percentile(gui, 95)
    f50, f95 = percentile(floor, 50), percentile(floor, 95)
    r50 = g50 / f50 if f50 else 0.0
    r95 = g95 / f95 if f95 else 0.0
    return (
        f"  {name:<22} {len(steps):>5} {_ms(g50)} {_ms(g95)} {_ms(f50)} {_ms(f95)} "
        f"{r50:>7.1f} {r95:>7.1f}"
    )


def format_report(report: Report, keystrokes: str = DEFAULT_KEYSTROKES) -> str:
    """The report as the printed table."""
    lines = [
        f"GUI benchmark: {report.db} ({report.engagements:,} engagements), "
        f"offscreen, medians of {report.repeats} repeats",
    ]
    if report.startup is not None:
        st = report.startup
        lines += [
            "",
            f"Start-up, spawn to phase (median of {st.repeats} runs; app shows {st.rows:,} rows)",
            f"  {'phase':<24} {'app ms':>9} {'floor ms':>9} {'ratio':>7}",
        ]
        names = {
            "python": "python running",
            "imported": "imports done",
            "built": "window built",
            "painted": "first rows painted",
        }
        for phase in STARTUP_PHASES:
            a, f = st.app[phase], st.floor[phase]
            ratio = a / f if f else 0.0
            lines.append(f"  {names[phase]:<24} {_ms(a)} {_ms(f)} {ratio:>7.1f}")
    lines += _step_table(
        f'Search as you type "{keystrokes}" (setText + flush + repaint)', report.keystrokes
    )
    lines += _step_table("Status multi-select, each status on then off", report.statuses)
    lines += _step_table("Sort by column (model.sort + repaint)", report.sorts)
    lines += [
        "",
        "Summary (per-step medians; floor = Tracker.list_ids alone)",
        f"  {'measure':<22} {'steps':>5} {'gui p50':>9} {'gui p95':>9} {'flr p50':>9} "
        f"{'flr p95':>9} {'r p50':>7} {'r p95':>7}",
        _summary_line("search keystrokes", report.keystrokes),
        _summary_line("status toggles", report.statuses),
        _summary_line("filter changes (all)", [*report.keystrokes, *report.statuses]),
        _summary_line("sorts", report.sorts),
    ]
    if report.startup is not None:
        st = report.startup
        lines.append(
            f"  {'start-up to rows':<22} {st.repeats:>5} {_ms(st.app['painted'])} "
            f"{'':>9} {_ms(st.floor['painted'])} {'':>9} {st.ratio:>7.1f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.gui",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--db", type=Path, required=True, metavar="PATH")
    parser.add_argument("--keystrokes", default=DEFAULT_KEYSTROKES, metavar="TEXT")
    parser.add_argument("--repeats", type=int, default=5, metavar="N")
    parser.add_argument("--startup-repeats", type=int, default=None, metavar="N")
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up runs")
    args = parser.parse_args(argv)
    if not args.db.exists():
        parser.error(f"no database {args.db} (build one with python -m bench.build_db)")
    if args.repeats < 1 or not args.keystrokes:
        parser.error("--repeats must be positive and --keystrokes non-empty")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    report = run(
        args.db,
        keystrokes=args.keystrokes,
        repeats=args.repeats,
        startup_repeats=args.startup_repeats,
        startup=not args.no_startup,
    )
    print(format_report(report, args.keystrokes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
