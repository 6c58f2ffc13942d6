"""Peak memory (RSS) while browsing 100k engagements, and after a 500-engagement briefing.

Each figure comes from a fresh child process so that peaks do not mix:

* ``floor``: Qt application, main window with an empty table, and the ordered ids of
  every engagement held in a Python list — what an ids model costs at least;
* ``browse``: the real main window on the database, scrolled from top to bottom
  page by page, a few searches and filters, the detail pane shown for 50 engagements;
* ``briefing``: the same, then a 500-engagement briefing rendered in that process.

    python -m bench.memory --db /tmp/bench100k.db
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("floor", "browse", "briefing")


def peak_rss_mb() -> float:
    """This process's peak resident set size, in MB.

    Read from ``VmHWM`` in /proc, which starts afresh at exec; ``ru_maxrss`` would
    carry over the peak of the parent that forked this process.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(kind: str, db: str) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    from tracker.domain.model import Filters
    from tracker.services import Tracker

    if kind == "floor":
        app = QApplication([sys.argv[0]])
        window = QMainWindow()
        window.setCentralWidget(QTableView())
        window.show()
        app.processEvents()
        service = Tracker.open(db)
        ids = service.list_ids()
        return {"rss_mb": peak_rss_mb(), "rows": float(len(ids))}

    from bench.gui import close_window, open_window

    with tempfile.TemporaryDirectory() as tmp:
        window = open_window(db, Path(tmp) / "settings.ini")
        table, model = window.table, window.model
        step = max(1, table.viewport().height() // max(1, table.rowHeight(0) or 20))
        for row in range(0, model.rowCount(), step * 25):
            table.scrollTo(model.index(row, 0))
            table.viewport().repaint()
        for text in ("nato", "defence ministry", "surveillance"):
            window.filter_bar.search.setText(text)
            window.filter_bar.flush()
            table.viewport().repaint()
        window.filter_bar.clear()
        for row in range(0, min(model.rowCount(), 5000), 100):
            window._show_detail(model.id_at(row))
        QApplication.processEvents()
        result = {"rss_mb": peak_rss_mb(), "rows": float(model.rowCount())}
        if kind == "briefing":
            from tracker.services.briefings import BriefingRequest, render_briefing

            first = tuple(model.ids()[:500])
            render_briefing(window.service, BriefingRequest(filters=Filters(ids=first)))
            result["rss_mb"] = peak_rss_mb()
        close_window(window)
    return result


def measure(db: str | Path) -> dict[str, float]:
    """Peak RSS in MB of each kind of process, each in a fresh child."""
    out: dict[str, float] = {}
    for kind in KINDS:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
        done = subprocess.run(
            [sys.executable, "-m", "bench.memory", "--child", kind, "--db", str(db)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
        if done.returncode != 0 or not lines:
            raise RuntimeError(f"memory child {kind} failed: {done.stderr[-2000:]}")
        out[kind] = float(json.loads(lines[-1])["rss_mb"])
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the peak RSS of each kind of process."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--child", choices=KINDS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_child(args.child, args.db)))
        return 0
    figures = measure(args.db)
    for kind in KINDS:
        print(f"{kind:10} {figures[kind]:8.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
